import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createBot } from "../../src/telegram/bot.js";
import { startWebhook } from "../../src/telegram/run.js";
import { BotApiServer, parseTelegramHtml, type Fault } from "../helpers/bot-api-server.js";
import { alice, bob, captureLogger, e2eSuite, privateChat, SEED_QUESTION as QUESTION, SEED_QUOTE as EXPECTED_QUOTE } from "./harness.js";

// The bot against a Bot API server that fails in the ways Telegram (or a proxy in front of it) does:
// errors of odd shape, 429s with long retry_after, oversized webhook bodies. The pipeline is suite.real.


const suite = e2eSuite();

const ODD_SHAPES: [string, Fault][] = [
  ["a bare {ok:false,error_code:404}", { error_code: 404 }],
  ["an HTML error page", { html: "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", status: 502 }],
  ["an empty body", { empty: true, status: 200 }],
  ["a 502", { error_code: 502, description: "Bad Gateway" }],
  ["a dropped connection", { drop: true }],
];

describe("errors of odd shape (issue 10, item 1)", () => {
  it.each(ODD_SHAPES)("starts and answers when setMyCommands and sendChatAction always get %s, and deleteWebhook once", async (_name, fault) => {
    const api = await BotApiServer.start();
    for (const method of ["setMyCommands", "sendChatAction"]) api.fail(method, fault, Infinity);
    api.fail("deleteWebhook", fault, 1);
    const harness = await suite.start({ api });
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    const reply = await api.botMessage(chat.id);
    expect(parseTelegramHtml(reply.html!)).toContain(EXPECTED_QUOTE);
    // Each failed call is logged (a 502 is still being retried in the background meanwhile).
    await api.until(() => harness.logs.some((l) => l.includes('"method":"setMyCommands"') && l.includes("Bot API call failed")));
  });
});

describe("webhook (issue 10, item 9)", () => {
  it("answers an oversized body with 413 and keeps serving", async () => {
    const api = await BotApiServer.start();
    suite.afterTest(() => api.close());
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const { logger } = captureLogger();
    const app = createBot(api.token, { config, logger, ask: suite.real.pipeline.ask, library: suite.real.library });
    const running = await startWebhook(app, { url: "https://bot.example/hook", port: 0, host: "127.0.0.1", secret: "s3cret-token" }, logger);
    suite.afterTest(() => running.stop());
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${running.port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret-token" },
        body,
      });
    const huge = JSON.stringify({ update_id: 1, message: { text: "x".repeat(2_000_000) } });
    expect((await post(huge)).status).toBe(413);
    const chat = privateChat(bob);
    const message = api.sendText(chat, bob, QUESTION);
    expect((await post(JSON.stringify({ update_id: 2, message }))).status).toBe(200);
    expect(parseTelegramHtml((await api.botMessage(chat.id)).html!)).toContain(EXPECTED_QUOTE);
  });
});

describe("head-of-line blocking (issue 10, item 2)", () => {
  it("answers an unrelated chat while 8 chats wait out a 429 with retry_after 30, then delivers theirs", async () => {
    const api = await BotApiServer.start();
    const held = Array.from({ length: 8 }, (_, i) => ({ id: 5000 + i, is_bot: false, first_name: `User${i}`, language_code: "de" }));
    for (const user of held) {
      api.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 30", retry_after: 30 }, 1, { chatId: user.id });
    }
    await suite.start({ api });
    for (const user of held) api.sendText(privateChat(user), user, QUESTION);
    // Every held chat has had its answer refused with a 429 (as many as the bot handles updates at once).
    const refused = () => api.callsOf("sendMessage").filter((c) => (c.response as { error_code?: number } | undefined)?.error_code === 429);
    await api.until(() => refused().length === held.length, 10_000, "8 answers refused with 429");

    const chat = privateChat(bob);
    api.sendText(chat, bob, QUESTION);
    const reply = await api.botMessage(chat.id);
    expect(parseTelegramHtml(reply.html!)).toContain(EXPECTED_QUOTE);
    // It arrived while every held chat was still waiting out its retry_after.
    for (const user of held) expect(api.botMessages(user.id)).toHaveLength(0);
    expect(refused()).toHaveLength(held.length);

    // The held answers are not lost: each is sent once, after its retry_after.
    await api.until(() => held.every((user) => api.botMessages(user.id).length === 1), 45_000, "the held answers");
    for (const user of held) expect(parseTelegramHtml(api.botMessages(user.id)[0]!.html!)).toContain(EXPECTED_QUOTE);
  }, 60_000);
});
