import { afterEach, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../../src/bench/bot-api.js";

let server: BotApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function call(api: BotApiServer, method: string, params: unknown = {}) {
  const response = await fetch(`${api.apiRoot}/bot${api.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return (await response.json()) as { ok: boolean; result?: unknown; error_code?: number };
}

describe("the bench Bot API server", () => {
  it("long-polls updates, confirms them by offset and records replies", async () => {
    server = await startBotApiServer("1:test");
    expect(server.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call(server, "getMe")).result).toMatchObject({ id: 1, is_bot: true });

    const api = server;
    const poll = call(api, "getUpdates", { timeout: 5 });
    const pushed = api.pushQuestion(42, "Wer?");
    const first = (await poll).result as { update_id: number; message: { message_id: number; text: string } }[];
    expect(first).toHaveLength(1);
    expect(first[0]!.message.text).toBe("Wer?");

    expect((await call(api, "getUpdates", { offset: first[0]!.update_id + 1, timeout: 0 })).result).toEqual([]);
    const waiting = api.waitForReply(pushed.messageId, 5000);
    const sent = await call(api, "sendMessage", { chat_id: 42, text: "Tokajew", reply_parameters: { message_id: pushed.messageId } });
    expect(sent.ok).toBe(true);
    const reply = await waiting;
    expect(reply).toMatchObject({ chatId: 42, text: "Tokajew", replyTo: pushed.messageId });
    expect(reply.at).toBeGreaterThanOrEqual(pushed.at);
    expect(api.redelivered).toBe(0);
    expect(api.calls.get("getUpdates")).toBe(2);
  });

  it("rejects a wrong token, unknown methods and empty texts like Telegram", async () => {
    server = await startBotApiServer("1:test");
    const wrong = await fetch(`${server.apiRoot}/bot2:other/getMe`, { method: "POST" });
    expect(wrong.status).toBe(401);
    expect((await call(server, "sendSticker")).error_code).toBe(404);
    expect((await call(server, "sendMessage", { chat_id: 1, text: "" })).error_code).toBe(400);
    expect((await call(server, "sendChatAction", { chat_id: 1, action: "typing" })).result).toBe(true);
  });
});
