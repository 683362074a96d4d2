import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LoadedIndex } from "../../src/ingest/store.js";
import { docKey } from "../../src/telegram/library.js";
import type { Ask } from "../../src/types.js";
import { parseTelegramHtml, type Message } from "../helpers/bot-api-server.js";
import {
  alice,
  answerQuoting,
  bob,
  group,
  otherBot,
  realPipeline,
  privateChat,
  sentencesOf,
  startHarness,
  type Harness,
} from "./harness.js";

// The real pipeline over the real seed. Tests of Telegram-only behaviour (a throwing pipeline, a very
// long answer, recorded history) wrap or replace `ask` and say so.
let real: Awaited<ReturnType<typeof realPipeline>>;
let index: LoadedIndex;
let cleanup: () => Promise<void>;
let harness: Harness | undefined;

beforeAll(async () => {
  real = await realPipeline();
  index = real.pipeline.index();
  cleanup = real.cleanup;
});
afterAll(async () => {
  await cleanup();
});
afterEach(async () => {
  const h = harness;
  harness = undefined;
  if (h === undefined) return;
  await h.stop();
  // The token never appears in a log line or a message the bot sent.
  expect(h.logs.join("")).not.toContain(h.api.token);
  expect(h.logs.join("")).not.toContain(h.api.token.split(":")[1]);
  for (const call of h.api.calls) expect(JSON.stringify(call.params)).not.toContain(h.api.token);
});

async function start(options: { ask?: Ask; env?: Record<string, string> } = {}): Promise<Harness> {
  harness = await startHarness({ ask: options.ask ?? real.pipeline.ask, library: real.library, env: options.env });
  return harness;
}

const QUESTION = "Wie lange soll die Rückverlegung der Soldaten dauern?";
const EXPECTED_QUOTE = "Die Rückverlegung der Soldaten aus Russland, Belarus, Armenien, Tadschikistan und Kirgistan soll zehn Tage dauern.";

function expectValidHtml(message: Message): string {
  expect(message.html).toBeDefined();
  return parseTelegramHtml(message.html!);
}

describe("private chat", () => {
  it("answers every text message with the quote, its source and a citation button", async () => {
    const { api } = await start();
    const chat = privateChat(alice);
    const question = api.sendText(chat, alice, QUESTION);
    const reply = await api.botMessage(chat.id);
    const text = expectValidHtml(reply);
    expect(reply.reply_to_message?.message_id).toBe(question.message_id);
    expect(text).toMatch(new RegExp(`${EXPECTED_QUOTE}.{0,3} \\[1\\]`));
    expect(text).toContain("Quellen");
    expect(text).toContain("[1] Nur eine Woche nach der Verlegung");
    expect(text).toContain("· 2022-01");
    expect(reply.html).toContain(`<blockquote>${EXPECTED_QUOTE}</blockquote>`);
    const buttons = reply.reply_markup?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => b.text)).toEqual(["[1] Quelle öffnen"]);
    // A typing action was shown while working.
    expect(api.callsOf("sendChatAction")[0]?.params).toMatchObject({ chat_id: chat.id, action: "typing" });
  });

  it("opens the full passage with the quote highlighted in an expandable blockquote", async () => {
    const { api } = await start();
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    const reply = await api.botMessage(chat.id);
    const data = reply.reply_markup!.inline_keyboard[0]![0]!.callback_data!;
    const queryId = api.pressButton(chat, alice, reply.message_id, data);
    const passage = await api.botMessage(chat.id, 2);
    const text = expectValidHtml(passage);
    expect(passage.html).toContain("<blockquote expandable>");
    expect(passage.html).toContain(`<b><u>${EXPECTED_QUOTE}</u></b>`);
    expect(text).toContain("Die von der OVKS so bezeichneten Friedenstruppen"); // context around the quote
    expect(passage.reply_to_message?.message_id).toBe(reply.message_id);
    const answered = api.callsOf("answerCallbackQuery").find((c) => c.params.callback_query_id === queryId);
    expect(answered?.response).toMatchObject({ ok: true });
  });

  it("answers forged and stale callback data politely and keeps working", async () => {
    const { api } = await start();
    const chat = privateChat(bob);
    api.sendText(chat, bob, "hello");
    const first = await api.botMessage(chat.id);
    const doc = index.docs[0]!;
    const forged = [
      "p:zzzz:1:2",
      "../../etc/passwd",
      "p:000000000000:0:10", // well-formed, unknown document
      `p:${docKey(doc)}:999999:1000000`, // known document, offsets outside it
      "x".repeat(64),
    ];
    const ids = forged.map((data) => api.pressButton(chat, bob, first.message_id, data));
    await api.until(() => ids.every((id) => api.callsOf("answerCallbackQuery").some((c) => c.params.callback_query_id === id)));
    for (const id of ids) {
      const call = api.callsOf("answerCallbackQuery").find((c) => c.params.callback_query_id === id)!;
      expect(call.params.text).toBe("This button is no longer valid. Please ask the question again.");
      expect(call.response).toMatchObject({ ok: true });
    }
    api.sendText(chat, bob, QUESTION);
    expect(expectValidHtml(await api.botMessage(chat.id, 2))).toContain(EXPECTED_QUOTE);
  });

  it("continues a conversation: a follow-up gets the earlier turn as history", async () => {
    const histories: string[][] = [];
    const continued: (boolean | undefined)[] = [];
    const base = real.pipeline.ask;
    const { api } = await start({
      ask: async (q, ctx) => {
        histories.push(ctx.history.map((t) => t.question));
        continued.push(ctx.continues);
        return base(q, ctx);
      },
    });
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    const first = await api.botMessage(chat.id);
    api.sendText(chat, alice, "Und wer hat sich bedankt?");
    await api.botMessage(chat.id, 2);
    api.sendText(chat, alice, "Noch einmal dazu?", { replyTo: first.message_id });
    await api.botMessage(chat.id, 3);
    expect(histories).toEqual([[], [QUESTION], [QUESTION]]);
    // Only the reply to the bot's answer is marked as continuing it, whatever its wording.
    expect(continued).toEqual([false, false, true]);
  });

  it("declines a question the sources do not answer, in the question's language", async () => {
    const { api } = await start();
    const chat = privateChat(alice);
    const question = "Wie hoch ist der Eiffelturm in Paris?";
    const expected = await real.pipeline.ask(question, { history: [] });
    expect(expected.kind).toBe("not_found");
    api.sendText(chat, alice, question);
    const reply = await api.botMessage(chat.id);
    expect(expectValidHtml(reply).startsWith(expected.text.trim())).toBe(true);
    expect(reply.reply_markup).toBeUndefined();
    expect(reply.html).not.toContain("<blockquote>");
  });
});

describe("groups", () => {
  it("stays silent unless addressed; answers a mention, a reply to the bot and /ask@bot as replies", async () => {
    const { api } = await start();
    const username = api.bot.username!;
    api.sendText(group, alice, QUESTION); // not addressed
    api.sendText(group, bob, `@someone_else ${QUESTION}`); // addresses someone else
    api.sendText(group, alice, `/ask@other_helper_bot ${QUESTION}`); // a command for another bot
    api.sendText(group, otherBot, `@${username} ${QUESTION}`); // other bots are ignored
    api.postInChannel({ id: -100_999, type: "channel", title: "News" }, `@${username} ${QUESTION}`);
    const telegram = { id: 777_000, is_bot: false, first_name: "Telegram" };
    api.sendText(group, telegram, `@${username} ${QUESTION}`, { extra: { is_automatic_forward: true } }); // a linked channel's post
    await api.consumed();
    // Let a full round of processing pass: the next addressed question is answered first.
    const mention = api.sendText(group, alice, `@${username} ${QUESTION}`);
    const first = await api.botMessage(group.id);
    expect(api.botMessages(group.id)).toHaveLength(1);
    expect(first.reply_to_message?.message_id).toBe(mention.message_id);
    expect(expectValidHtml(first)).toContain(EXPECTED_QUOTE);

    const reply = api.sendText(group, bob, "Wer hat sich in einem Telefonat mit Putin bedankt?", { replyTo: first.message_id });
    const second = await api.botMessage(group.id, 2);
    expect(second.reply_to_message?.message_id).toBe(reply.message_id);
    expect(expectValidHtml(second)).toContain("bedankte sich der kasachische Präsident");

    const command = api.sendText(group, bob, `/ask@${username} ${QUESTION}`);
    const third = await api.botMessage(group.id, 3);
    expect(third.reply_to_message?.message_id).toBe(command.message_id);
    expect(expectValidHtml(third)).toContain(EXPECTED_QUOTE);

    // An anonymous admin writes as the group (through @GroupAnonymousBot) and is answered.
    const anonymous = { id: 1_087_968_824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
    api.sendText(group, anonymous, `@${username} ${QUESTION}`, { extra: { sender_chat: group } });
    expect(expectValidHtml(await api.botMessage(group.id, 4))).toContain(EXPECTED_QUOTE);
    expect(api.botMessages(group.id)).toHaveLength(4);
    expect(api.botMessages(-100_999)).toHaveLength(0);
  });

  it("answers /ask alone with its usage, whose example question the sources answer whatever they are", async () => {
    const { api } = await start();
    api.sendText(group, alice, "/ask");
    const usage = (await api.botMessage(group.id)).text ?? "";
    const example = /\/ask (.+)$/u.exec(usage)?.[1];
    expect(example).toBeDefined();
    api.sendText(group, alice, `/ask ${example}`);
    const answer = await api.botMessage(group.id, 2);
    // An overview of the sources, which any sources answer: their leads, quoted.
    expect(expectValidHtml(answer)).toMatch(/^Die Quellen? bericht\S+:? .*„Nur eine Woche nach der Verlegung ausländischer Truppen/su);
    expect(answer.html).toContain("<blockquote>");
  });

  it("gives one final message in a group even when the pipeline streams", async () => {
    const sentence = sentencesOf(index).find((s) => s.text === EXPECTED_QUOTE)!;
    const { api } = await start({
      ask: async (_q, ctx) => {
        for (let i = 1; i <= 20; i += 1) ctx.onToken?.(`Teil ${i}`);
        return answerQuoting(index, [sentence]);
      },
    });
    api.sendText(group, alice, `/ask ${QUESTION}`);
    await api.botMessage(group.id);
    await api.consumed();
    expect(api.callsOf("editMessageText")).toHaveLength(0);
    expect(api.botMessages(group.id)).toHaveLength(1);
  });
});

describe("commands", () => {
  it("/start greets, lists what the bot knows with dates and offers sample questions; /sources lists documents", async () => {
    const { api } = await start();
    const chat = privateChat(alice);
    api.sendText(chat, alice, "/start");
    const greeting = expectValidHtml(await api.botMessage(chat.id));
    expect(greeting).toContain("Hallo Alice!");
    expect(greeting).toContain(`${index.docs[0]!.title.slice(0, 30)}`);
    expect(greeting).toContain("2022-01");
    // The sample question names a topic of the sources, and the pipeline really answers it.
    const topic = real.library.topics!()[0]!;
    const sample = `Was ist mit ${topic}?`;
    expect(greeting).toContain(`Probier zum Beispiel:\n• ${sample}`);
    expect((await real.pipeline.ask(sample, { history: [] })).kind).toBe("answered");
    expect(greeting).toContain("Für Nachfragen antworte einfach auf meine Antwort.");
    api.sendText(chat, alice, "/sources");
    const sources = expectValidHtml(await api.botMessage(chat.id, 2));
    expect(sources).toContain("1 Dokument im Index:");
    api.sendText(privateChat(bob), bob, "/help");
    const help = expectValidHtml(await api.botMessage(bob.id));
    expect(help).toContain("Hi Bob!");
    expect(help).toContain(`What about ${topic}?`);
    expect((await real.pipeline.ask(`What about ${topic}?`, { history: [] })).kind).toBe("answered");
  });

  it("registers the commands in German and English", async () => {
    const { api } = await start();
    await api.until(() => api.commands.size === 3);
    const de = api.commands.get("de") as { command: string; description: string }[];
    const en = api.commands.get("en") as { command: string; description: string }[];
    expect(de.map((c) => c.command)).toEqual(["ask", "sources", "help", "start"]);
    expect(de[0]!.description).toBe("Eine Frage zu den Quellen stellen");
    expect(en[0]!.description).toBe("Ask a question about the sources");
  });

  it("/stats and /reindex are for admins only", async () => {
    const { api } = await start({ env: { ADMIN_USER_IDS: String(alice.id) } });
    api.sendText(privateChat(bob), bob, "/stats");
    expect((await api.botMessage(bob.id)).text).toBe("This command is reserved for the bot's administrators.");
    api.sendText(privateChat(alice), alice, "/stats");
    const stats = expectValidHtml(await api.botMessage(alice.id));
    expect(stats).toContain(`documents: ${index.docs.length}`);
    expect(stats).toContain(`buildId: ${index.manifest.buildId}`);
  });
});

describe("bad input", () => {
  it("handles a 5000-character message, HTML and & in questions, emoji only, a sticker and an edited message", async () => {
    const asked: string[] = [];
    // (A 5000-character message cannot be typed in Telegram, but the Bot API may still deliver one.)
    const base = real.pipeline.ask;
    const { api } = await start({
      ask: async (q, ctx) => {
        asked.push(q);
        return base(q, ctx);
      },
    });
    const chat = privateChat(bob);
    api.sendText(chat, bob, "x".repeat(5000));
    expect((await api.botMessage(chat.id, 1)).text).toBe("That question is too long (5000 characters). Please keep it to 1000 characters.");

    api.sendText(chat, bob, "<b>Rückverlegung</b> & <script>Soldaten</script> &amp; dauern?");
    const html = await api.botMessage(chat.id, 2);
    expect(expectValidHtml(html)).toContain(EXPECTED_QUOTE);

    const unrelated = "Wie hoch ist der <i>Eiffelturm</i> & der Kölner Dom?";
    const declined = await real.pipeline.ask(unrelated, { history: [] });
    expect(declined.kind).toBe("not_found");
    api.sendText(chat, bob, unrelated);
    const third = await api.botMessage(chat.id, 3);
    expect(expectValidHtml(third).startsWith(declined.text.trim())).toBe(true);

    api.sendText(chat, bob, "🙂🙂🔥");
    // No words: a short hint in the user's language with questions made from the sources, no refusal.
    const hint = (await api.botMessage(chat.id, 4)).text ?? "";
    expect(hint).toMatch(/^I need a question in words/);
    expect(hint).toMatch(/\n• What about \S+\?/);

    api.sendSticker(chat, bob);
    expect((await api.botMessage(chat.id, 5)).text).toBe("I can only read text questions. Please send me your question as a message.");

    const original = api.sendText(chat, bob, "Wie lange?");
    await api.botMessage(chat.id, 6);
    api.editText(original, QUESTION);
    const edited = await api.botMessage(chat.id, 7);
    // The hint follows the edited text's language (German), not Bob's English client.
    expect(edited.text).toBe("Bearbeitete Nachrichten beantworte ich nicht erneut. Schick die korrigierte Frage bitte als neue Nachricht.");
    expect(edited.reply_to_message?.message_id).toBe(original.message_id);

    // The raw question reached the pipeline unchanged; only the bot's output is escaped.
    expect(asked).toContain("<b>Rückverlegung</b> & <script>Soldaten</script> &amp; dauern?");
    expect(asked).not.toContain("🙂🙂🔥");
  });

  it("survives a pipeline that throws, and answers the next question (the first call is made to throw)", async () => {
    let calls = 0;
    const base = real.pipeline.ask;
    const { api, logs } = await start({
      ask: async (q, ctx) => {
        calls += 1;
        if (calls === 1) throw new Error("index exploded");
        return base(q, ctx);
      },
    });
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    expect((await api.botMessage(chat.id)).text).toBe("Entschuldigung, beim Beantworten ist etwas schiefgegangen. Bitte versuch es noch einmal.");
    api.sendText(chat, alice, QUESTION);
    expect(expectValidHtml(await api.botMessage(chat.id, 2))).toContain(EXPECTED_QUOTE);
    expect(logs.some((l) => l.includes("index exploded"))).toBe(true);
  });
});

describe("long answers", () => {
  it("splits a reply above 4096 characters into valid HTML messages with the buttons under the last (a long answer quoting every sentence of the seed)", async () => {
    const sentences = sentencesOf(index);
    const { api } = await start({
      ask: async () => answerQuoting(index, sentences, "de", `${"Einleitung mit <Klammern> & Und-Zeichen. ".repeat(120)}\n\n`),
    });
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    await api.until(() => api.botMessages(chat.id).some((m) => m.reply_markup !== undefined));
    const messages = api.botMessages(chat.id);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(expectValidHtml(message).length).toBeLessThanOrEqual(4096);
    expect(messages.at(-1)!.reply_markup!.inline_keyboard.flat()).toHaveLength(sentences.length);
    expect(messages.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    const all = messages.map((m) => m.text).join("\n");
    for (const s of sentences) expect(all).toContain(s.text);
  });
});

describe("limits and access", () => {
  it("rate-limits per user, saying so once", async () => {
    const { api } = await start({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
    const chat = privateChat(alice);
    for (let i = 0; i < 5; i += 1) api.sendText(chat, alice, QUESTION);
    await api.botMessage(chat.id, 3);
    await api.consumed();
    // Bob is not limited by Alice's burst.
    api.sendText(privateChat(bob), bob, QUESTION);
    await api.botMessage(bob.id);
    const texts = api.botMessages(chat.id).map((m) => m.text ?? "");
    expect(texts).toHaveLength(3);
    expect(texts.filter((t) => t.includes(EXPECTED_QUOTE))).toHaveLength(2);
    expect(texts[2]).toBe("Langsam bitte – ich beantworte höchstens 2 Fragen pro Minute. Versuch es gleich noch einmal.");
  });

  it("declines chats outside the allowlist and leaves such groups", async () => {
    const { api } = await start({ env: { ALLOWED_CHAT_IDS: `${alice.id},${group.id}` } });
    api.sendText(privateChat(alice), alice, QUESTION);
    expect(expectValidHtml(await api.botMessage(alice.id))).toContain(EXPECTED_QUOTE);

    // Bob's Telegram is in English, but he asks in German: the refusal follows the question.
    api.sendText(privateChat(bob), bob, QUESTION);
    expect((await api.botMessage(bob.id)).text).toBe("Entschuldigung, in diesem Chat darf ich nicht antworten.");
    api.sendText(privateChat(bob), bob, "🙂");
    expect((await api.botMessage(bob.id, 2)).text).toBe("Sorry, I'm not allowed to answer in this chat.");

    const stranger = { id: -100_555, type: "supergroup" as const, title: "Strangers" };
    api.addBotToGroup(stranger, bob);
    await api.until(() => api.left.has(stranger.id), 10_000, "leaveChat");
    expect(api.botMessages(stranger.id).map((m) => m.text)).toEqual(["Sorry, I'm not allowed to answer in this chat."]);

    const other = { id: -100_556, type: "group" as const, title: "Elsewhere" };
    api.sendText(other, bob, `@${api.bot.username} ${QUESTION}`);
    await api.until(() => api.left.has(other.id), 10_000, "leaveChat");
    expect(api.botMessages(other.id)).toHaveLength(1);
  });
});

describe("a Bot API server that misbehaves", () => {
  it("answers when sendChatAction and setMyCommands are rejected", async () => {
    const { BotApiServer } = await import("../helpers/bot-api-server.js");
    const api = await BotApiServer.start();
    api.fail("sendChatAction", { error_code: 400, description: "Bad Request: method is not supported" }, Infinity);
    api.fail("setMyCommands", { error_code: 404, description: "Not Found: method not found" }, Infinity);
    harness = await startHarness({ ask: real.pipeline.ask, library: real.library, api });
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    expect(expectValidHtml(await api.botMessage(chat.id))).toContain(EXPECTED_QUOTE);
    expect(api.callsOf("sendChatAction").length).toBeGreaterThan(0);
    expect(harness.logs.some((l) => l.includes("sendChatAction failed"))).toBe(true);
    expect(harness.logs.some((l) => l.includes("setMyCommands failed"))).toBe(true);
  });

  it("waits out a 429 with retry_after and then delivers the answer", async () => {
    const { api, logs } = await start();
    api.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }, 1);
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    const reply = await api.botMessage(chat.id);
    expect(expectValidHtml(reply)).toContain(EXPECTED_QUOTE);
    const sends = api.callsOf("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[0]!.response).toMatchObject({ ok: false, error_code: 429 });
    expect(sends[1]!.params.text).toBe(sends[0]!.params.text);
    expect(logs.some((l) => l.includes('"retryAfter":1'))).toBe(true);
  });

  it("retries a send after a network failure, logging it without the token", async () => {
    const { api, logs } = await start();
    api.drop("sendMessage", 1);
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    await api.until(() => api.botMessages(chat.id)[0], 20_000, "the answer after a dropped connection");
    expect(api.callsOf("sendMessage")[0]!.response).toBe("connection dropped");
    const failure = logs.find((l) => l.includes('"method":"sendMessage"') && l.includes("HttpError"));
    expect(failure).toBeDefined();
    expect(failure).toContain("/bot[redacted]/sendMessage");
  }, 40_000);

  it("keeps polling after getUpdates fails", async () => {
    const { api, logs } = await start();
    api.fail("getUpdates", { error_code: 502, description: "Bad Gateway" }, 1);
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    await api.until(() => api.botMessages(chat.id)[0], 20_000, "the answer after a failed getUpdates");
    expect(expectValidHtml(api.botMessages(chat.id)[0]!)).toContain(EXPECTED_QUOTE);
    expect(logs.some((l) => l.includes('"method":"getUpdates"') && l.includes("Bad Gateway"))).toBe(true);
  }, 40_000);
});
