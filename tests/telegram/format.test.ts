import { describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { addressedQuestion, withoutBotMentions } from "../../src/telegram/features/ask.js";
import {
  decodeCallback,
  encodeCallback,
  escapeHtml,
  formatAnswer,
  formatPassage,
  MESSAGE_LIMIT,
  splitHtml,
  visibleLength,
} from "../../src/telegram/format.js";
import { guessLanguage, pickLanguage } from "../../src/telegram/i18n.js";
import { libraryFromIndex } from "../../src/telegram/library.js";
import { ConversationMemory } from "../../src/telegram/memory.js";
import type { Answer, Chunk, DocInfo } from "../../src/types.js";
import { parseTelegramHtml } from "../helpers/bot-api-server.js";

const FILE = " date 2022-01 Erster Satz über <Truppen> & Co. Zweiter Satz: 10 Tage. Dritter Satz.";
const span = (needle: string) => {
  const start = FILE.indexOf(needle);
  return { start, end: start + needle.length, text: needle };
};
const doc: DocInfo = { source: "a.txt", title: "Truppen <raus> & weg", date: "2022-01", sha256: "ab".repeat(32), chunks: 2 };
const answered = (quotes: string[], text = "Antwort"): Answer => ({
  kind: "answered",
  text,
  language: "de",
  mode: "extractive",
  citations: quotes.map((q, i) => {
    const s = span(q);
    return { n: i + 1, source: doc.source, title: doc.title, date: doc.date, quote: s.text, start: s.start, end: s.end };
  }),
});

describe("escapeHtml", () => {
  it("escapes the characters Telegram's HTML parse mode reserves", () => {
    const raw = `<b>Tom & "Jerry"</b> &amp;`;
    const html = escapeHtml(raw);
    expect(html).toBe("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; &amp;amp;");
    expect(parseTelegramHtml(html)).toBe(raw);
  });
});

describe("formatAnswer", () => {
  it("puts the answer first, then numbered sources with title, date and the quote in a blockquote", () => {
    const reply = formatAnswer(answered(["Erster Satz über <Truppen> & Co.", "Zweiter Satz: 10 Tage."], "A <1> & [1] [2]"), () => "abababababab");
    expect(reply.parts).toHaveLength(1);
    const html = reply.parts[0]!;
    expect(html.startsWith("A &lt;1&gt; &amp; [1] [2]")).toBe(true);
    expect(html).toContain("<b>Quellen</b>");
    expect(html).toContain("[1] <b>Truppen &lt;raus&gt; &amp; weg</b> · 2022-01\n<blockquote>Erster Satz über &lt;Truppen&gt; &amp; Co.</blockquote>");
    expect(html).toContain("[2] <b>Truppen &lt;raus&gt; &amp; weg</b> · 2022-01\n<blockquote>Zweiter Satz: 10 Tage.</blockquote>");
    expect(() => parseTelegramHtml(html)).not.toThrow();
    expect(reply.buttons.map((b) => b.label)).toEqual(["[1] Quelle öffnen", "[2] Quelle öffnen"]);
    const action = decodeCallback(reply.buttons[0]!.data);
    expect(action).toEqual({ kind: "passage", doc: "abababababab", ...(({ start, end }) => ({ start, end }))(span("Erster Satz über <Truppen> & Co.")) });
  });

  it("gives no button for a citation whose document is not indexed", () => {
    const reply = formatAnswer(answered(["Dritter Satz."]), () => undefined);
    expect(reply.buttons).toEqual([]);
    expect(reply.parts[0]).toContain("<blockquote>Dritter Satz.</blockquote>");
  });

  it("lays out a declined question with its suggestions and English UI words", () => {
    const answer: Answer = { kind: "not_found", text: "Not in the sources.", language: "en", mode: "llm", suggestions: ["Kasachstan & OVKS"], note: "llm timeout" };
    const reply = formatAnswer(answer, () => "abababababab");
    expect(reply.buttons).toEqual([]);
    expect(reply.parts[0]).toBe("Not in the sources.\n\n<i>Note: llm timeout</i>\n\nThe sources cover, for example:\n• Kasachstan &amp; OVKS");
  });

  it("splits a reply longer than 4096 characters into valid messages without losing text", () => {
    const quotes = Array.from({ length: 40 }, () => "Erster Satz über <Truppen> & Co.");
    const long = answered(quotes, "Lang ".repeat(900));
    const reply = formatAnswer(long, () => "abababababab");
    expect(reply.parts.length).toBeGreaterThan(1);
    for (const part of reply.parts) {
      const text = parseTelegramHtml(part);
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
    const joined = reply.parts.map((p) => parseTelegramHtml(p)).join("\n\n");
    expect(joined.match(/Erster Satz über <Truppen> & Co\./g)).toHaveLength(40);
  });
});

describe("splitHtml", () => {
  it("keeps short messages whole", () => {
    expect(splitHtml("<b>a</b>\n\nb")).toEqual(["<b>a</b>\n\nb"]);
  });

  it("splits at paragraph boundaries first", () => {
    const p1 = "a".repeat(3000);
    const p2 = `b${" b".repeat(1000)}`;
    const parts = splitHtml(`${p1}\n\n${p2}`);
    expect(parts).toEqual([p1, p2]);
  });

  it("closes and reopens tags when a single paragraph is too long", () => {
    const html = `<blockquote expandable>${"wort &amp; ".repeat(1000)}</blockquote>`;
    const parts = splitHtml(html, 4096);
    expect(parts.length).toBe(2); // 7000 visible characters
    for (const part of parts) {
      expect(part.startsWith("<blockquote expandable>")).toBe(true);
      expect(part.endsWith("</blockquote>")).toBe(true);
      expect(visibleLength(part)).toBeLessThanOrEqual(4096);
      expect(() => parseTelegramHtml(part)).not.toThrow();
    }
    expect(parts.map((p) => parseTelegramHtml(p)).join(" ").split("wort & ").length - 1).toBe(1000);
  });

  it("never cuts an entity or a surrogate pair", () => {
    const html = "😀&amp;".repeat(3000);
    const parts = splitHtml(html, 4096);
    for (const part of parts) {
      expect(() => parseTelegramHtml(part)).not.toThrow();
      expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(visibleLength(part)).toBeLessThanOrEqual(4096);
    }
    expect(parts.join("")).toBe(html);
  });
});

describe("callback data", () => {
  it("round-trips a passage action within 64 bytes", () => {
    const data = encodeCallback({ kind: "passage", doc: "0123456789ab", start: 12, end: 345678 });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeCallback(data)).toEqual({ kind: "passage", doc: "0123456789ab", start: 12, end: 345678 });
  });

  it.each([
    "",
    "p",
    "p:0123456789ab:10",
    "p:0123456789ab:10:5",
    "p:0123456789ab:-1:5",
    "p:XYZ:1:5",
    "x:0123456789ab:1:5",
    "p:0123456789ab:1:5:extra",
    `p:0123456789ab:1:${"9".repeat(40)}`,
    "p:0123456789ab:1e3:2e3",
    '{"__proto__":1}',
  ])("rejects forged data %j", (data) => {
    expect(decodeCallback(data)).toBeUndefined();
  });
});

describe("formatPassage", () => {
  it("shows the whole passage in an expandable blockquote with the quote highlighted", () => {
    const html = formatPassage({ source: "a.txt", title: "T & <x>", date: null, text: "Vorher <a>. Zitat & so. Nachher.", quoteStart: 12, quoteEnd: 23 }, "de");
    expect(html).toBe("<b>T &amp; &lt;x&gt;</b>\n<i>Datei: a.txt</i>\n<blockquote expandable>Vorher &lt;a&gt;. <b><u>Zitat &amp; so.</u></b> Nachher.</blockquote>");
    expect(() => parseTelegramHtml(html)).not.toThrow();
  });

  it("cuts a huge passage around the quote so it fits one message", () => {
    const text = `${"x ".repeat(5000)}ZITAT${" y".repeat(5000)}`;
    const start = text.indexOf("ZITAT");
    const html = formatPassage({ source: "a.txt", title: "T", date: "2022", text, quoteStart: start, quoteEnd: start + 5 }, "en");
    expect(visibleLength(html)).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(html).toContain("<b><u>ZITAT</u></b>");
  });
});

describe("libraryFromIndex", () => {
  const chunks: Chunk[] = [
    { id: 0, source: "a.txt", ...span("Erster Satz über <Truppen> & Co. Zweiter Satz: 10 Tage."), sentences: [] },
    { id: 1, source: "a.txt", ...span("Zweiter Satz: 10 Tage. Dritter Satz."), sentences: [] },
  ];
  const library = libraryFromIndex(() => ({ chunks, docs: [doc], manifest: { buildId: "b1" } }));

  it("stitches overlapping chunks into the passage around a quote", () => {
    const quote = span("Zweiter Satz: 10 Tage. Dritter");
    const passage = library.passage("abababababab", quote.start, quote.end)!;
    expect(passage.text).toBe("Erster Satz über <Truppen> & Co. Zweiter Satz: 10 Tage. Dritter Satz.");
    expect(passage.text.slice(passage.quoteStart, passage.quoteEnd)).toBe(quote.text);
  });

  it("returns undefined for unknown documents and offsets outside the index", () => {
    expect(library.passage("ffffffffffff", 1, 5)).toBeUndefined();
    expect(library.passage("abababababab", 5000, 5005)).toBeUndefined();
  });
});

describe("language", () => {
  it("follows the question, else the user's language_code", () => {
    expect(guessLanguage("Wie lange dauert der Einsatz?")).toBe("de");
    expect(guessLanguage("How long did the mission last?")).toBe("en");
    expect(guessLanguage("🙂🙂")).toBeUndefined();
    expect(pickLanguage("🙂", "de-AT")).toBe("de");
    expect(pickLanguage("Who is Tokayev?", "de")).toBe("en");
    expect(pickLanguage(undefined, undefined)).toBe("en");
  });
});

describe("addressedQuestion", () => {
  const base = { message_id: 5, date: 0, chat: { id: -1, type: "supergroup", title: "g" } } as const;
  const msg = (text: string, extra: object = {}) =>
    ({ ...base, text, ...extra }) as unknown as Message.TextMessage;

  it("takes a question addressed by @mention entity, stripping the mention", () => {
    const text = "@CiteBot_test_bot wer hat sich bedankt?";
    expect(addressedQuestion(msg(text, { entities: [{ type: "mention", offset: 0, length: 17 }] }), 9, "citebot_test_bot")).toBe("wer hat sich bedankt?");
  });

  it("ignores mentions of others and mentions that are not entities", () => {
    const text = "@someone_else und citebot_test_bot";
    expect(addressedQuestion(msg(text, { entities: [{ type: "mention", offset: 0, length: 13 }] }), 9, "citebot_test_bot")).toBeUndefined();
    expect(addressedQuestion(msg("see @citebot_test_bot"), 9, "citebot_test_bot")).toBeUndefined();
  });

  it("takes replies to the bot", () => {
    expect(addressedQuestion(msg("und wann?", { reply_to_message: { message_id: 1, from: { id: 9 } } }), 9, "x_bot")).toBe("und wann?");
    expect(addressedQuestion(msg("und wann?", { reply_to_message: { message_id: 1, from: { id: 8 } } }), 9, "x_bot")).toBeUndefined();
  });
});

describe("withoutBotMentions", () => {
  const msg = (text: string, extra: object = {}) =>
    ({ message_id: 5, date: 0, chat: { id: 1, type: "private" }, text, ...extra }) as unknown as Message.TextMessage;

  it("reads a private question without the bot's @mention, which people type out of habit", () => {
    const text = "@citebot_test_bot, wer hat sich bedankt?";
    expect(withoutBotMentions(msg(text, { entities: [{ type: "mention", offset: 0, length: 17 }] }), 9, "citebot_test_bot")).toBe("wer hat sich bedankt?");
    // Someone else's mention is part of the question.
    const other = "Was sagt @someone_else?";
    expect(withoutBotMentions(msg(other, { entities: [{ type: "mention", offset: 9, length: 13 }] }), 9, "citebot_test_bot")).toBe(other);
  });
});

describe("ConversationMemory", () => {
  it("continues the replied-to thread, else the chat's recent turns until they expire", () => {
    let t = 0;
    const memory = new ConversationMemory(1000, 4, 100, () => t);
    memory.remember("c", [], { question: "q1", answer: "a1" }, ["c:10"]);
    memory.remember("c", [], { question: "q2", answer: "a2" }, ["c:11"]);
    expect(memory.history("c", "c:10")).toEqual([{ question: "q1", answer: "a1" }]);
    expect(memory.history("c")).toEqual([{ question: "q2", answer: "a2" }]);
    t = 5000;
    expect(memory.history("c")).toEqual([]);
    expect(memory.history("c", "c:10")).toEqual([{ question: "q1", answer: "a1" }]);
  });
});

