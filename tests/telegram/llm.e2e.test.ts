import { afterEach, describe, expect, it } from "vitest";
import type { Ask } from "../../src/types.js";
import { parseTelegramHtml } from "../helpers/bot-api-server.js";
import { isAnswerRequest, startOpenAIServer, type ChatRequest, type Reply } from "../helpers/openai-server.js";
import { alice, group, privateChat, realPipeline, startHarness } from "./harness.js";

/**
 * LLM mode end to end: the real pipeline streams from an OpenAI-compatible server on 127.0.0.1, and
 * the real bot talks to the Bot API server on 127.0.0.1.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const LLM_TEXT = "Die Rückverlegung der Soldaten soll zehn Tage dauern [1].";
const reply = (request: ChatRequest): Reply =>
  isAnswerRequest(request) ? { kind: "text", text: LLM_TEXT } : { kind: "text", text: "Rückverlegung Soldaten Dauer Tage" };

describe("LLM mode", () => {
  it("streams into private chats, sends one final message in groups, and keeps the verbatim sources", async () => {
    const llm = await startOpenAIServer(reply);
    cleanups.push(() => llm.close());
    const real = await realPipeline({ ANSWER_MODE: "llm", OPENAI_BASE_URL: llm.url, LLM_TIMEOUT_MS: "5000" });
    cleanups.push(real.cleanup);
    const partials: string[] = [];
    const ask: Ask = (question, context) =>
      real.pipeline.ask(question, {
        ...context,
        onToken: context.onToken && ((partial) => (partials.push(partial), context.onToken?.(partial))),
      });
    const harness = await startHarness({ ask, library: real.library, streamIntervalMs: 50 });
    cleanups.push(() => harness.stop());
    const { api, logs } = harness;

    const chat = privateChat(alice);
    api.sendText(chat, alice, "Wie lange soll die Rückverlegung der Soldaten dauern?");
    const answer = await api.until(() => api.botMessages(chat.id).find((m) => m.reply_markup !== undefined), 20_000, "the LLM answer");
    const text = parseTelegramHtml(answer.html!);
    expect(text.startsWith(LLM_TEXT)).toBe(true);
    expect(answer.html).toMatch(/<blockquote>[^<]+<\/blockquote>/);
    expect(partials.length).toBeGreaterThan(1); // the bot asked for tokens in a private chat, and got them
    expect(partials.at(-1)).toContain("zehn Tage");
    const line = await api.until(() => logs.find((l) => l.includes('"question answered"')), 10_000, "the question's log line");
    expect(JSON.parse(line)).toMatchObject({ chatType: "private", mode: "llm", refused: false, citations: 1 });

    partials.length = 0;
    api.sendText(group, alice, `/ask@${api.bot.username} Wie lange soll die Rückverlegung der Soldaten dauern?`);
    const inGroup = await api.botMessage(group.id);
    expect(parseTelegramHtml(inGroup.html!).startsWith(LLM_TEXT)).toBe(true);
    await api.consumed();
    expect(partials).toEqual([]); // no streaming in groups: one final message
    expect(api.botMessages(group.id)).toHaveLength(1);
    expect(api.callsOf("editMessageText").filter((c) => c.params.chat_id === group.id)).toHaveLength(0);
  });
});
