import { GrammyError, type Api, type RawApi } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { citationKeyboard, DraftMessage, sendParts } from "../../src/telegram/reply.js";

afterEach(() => {
  vi.useRealTimers();
});

/** A Bot API stand-in that records when (in fake time) each call was made. */
function recordingApi(options: { drafts?: boolean } = {}) {
  const calls: { method: string; at: number; text: string }[] = [];
  let nextId = 1;
  const api = {
    sendMessageDraft: async (_chat: number, _draft: number, text: string) => {
      calls.push({ method: "sendMessageDraft", at: Date.now(), text });
      if (options.drafts !== true) {
        throw new GrammyError("Call to 'sendMessageDraft' failed!", { ok: false, error_code: 400, description: "Bad Request: method is not available" }, "sendMessageDraft", {});
      }
      return true;
    },
    sendMessage: async (_chat: number, text: string) => {
      calls.push({ method: "sendMessage", at: Date.now(), text });
      return { message_id: nextId++, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text };
    },
    editMessageText: async (_chat: number, _id: number, text: string) => {
      calls.push({ method: "editMessageText", at: Date.now(), text });
      return true;
    },
  };
  return { api: api as unknown as Api<RawApi>, calls };
}

describe("DraftMessage", () => {
  it("edits at most once per interval however fast tokens arrive, always showing the latest text", async () => {
    vi.useFakeTimers();
    const { api, calls } = recordingApi();
    const draft = new DraftMessage(api, { chatId: 1, replyTo: 5, draftId: 5 }, 1000, pino({ level: "silent" }), { drafts: false }, () => Date.now());
    let partial = "";
    for (let i = 0; i < 300; i += 1) {
      partial += `w${i} `;
      draft.update(partial);
      await vi.advanceTimersByTimeAsync(10); // a token every 10 ms, for 3 seconds
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls[0]!.method).toBe("sendMessage");
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < calls.length; i += 1) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(calls.at(-1)!.text).toBe(`${partial.trimEnd()} …`);

    const finishing = draft.finish(["<b>final</b>"], undefined);
    await vi.advanceTimersByTimeAsync(2000);
    const sent = await finishing;
    expect(sent).toHaveLength(1);
    const last = calls.at(-1)!;
    expect(last.method).toBe("editMessageText");
    expect(last.text).toBe("<b>final</b>");
    expect(last.at - calls.at(-2)!.at).toBeGreaterThanOrEqual(1000);
  });

  it("sends nothing until a token arrives, so a non-streaming answer is a plain reply", async () => {
    const { api, calls } = recordingApi();
    const draft = new DraftMessage(api, { chatId: 1, draftId: 9 }, 1000, pino({ level: "silent" }));
    expect(draft.visible).toBe(false);
    await draft.finish(["one", "two"], undefined);
    expect(calls.map((c) => [c.method, c.text])).toEqual([
      ["sendMessage", "one"],
      ["sendMessage", "two"],
    ]);
  });

  it("uses native drafts where the server offers sendMessageDraft, then sends the answer as a new message", async () => {
    vi.useFakeTimers();
    const { api, calls } = recordingApi({ drafts: true });
    const support = { drafts: undefined as boolean | undefined };
    const draft = new DraftMessage(api, { chatId: 1, replyTo: 5, draftId: 5 }, 500, pino({ level: "silent" }), support, () => Date.now());
    for (let i = 0; i < 100; i += 1) {
      draft.update(`token ${i}`);
      await vi.advanceTimersByTimeAsync(20);
    }
    const finishing = draft.finish(["<b>final</b>"], undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await finishing;
    expect(support.drafts).toBe(true);
    const drafts = calls.filter((c) => c.method === "sendMessageDraft");
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    expect(drafts.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < drafts.length; i += 1) expect(drafts[i]!.at - drafts[i - 1]!.at).toBeGreaterThanOrEqual(500);
    expect(calls.filter((c) => c.method === "editMessageText")).toEqual([]);
    expect(calls.at(-1)).toMatchObject({ method: "sendMessage", text: "<b>final</b>" });
  });

  it("falls back to editing a message when the server refuses sendMessageDraft, and remembers that", async () => {
    vi.useFakeTimers();
    const { api, calls } = recordingApi({ drafts: false });
    const support = { drafts: undefined as boolean | undefined };
    const draft = new DraftMessage(api, { chatId: 1, draftId: 5 }, 500, pino({ level: "silent" }), support, () => Date.now());
    draft.update("erste Wörter");
    await vi.advanceTimersByTimeAsync(10);
    draft.update("erste Wörter und mehr");
    await vi.advanceTimersByTimeAsync(1000);
    const finishing = draft.finish(["fertig"], undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await finishing;
    expect(support.drafts).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(["sendMessageDraft", "sendMessage", "editMessageText", "editMessageText"]);
    expect(calls.map((c) => c.text)).toEqual(["erste Wörter …", "erste Wörter …", "erste Wörter und mehr …", "fertig"]);
  });
});

/** A Bot API stand-in whose HTML sends fail with the given description until `failures` runs out. */
function refusingApi(description: string, failures: number) {
  const calls: { method: string; text: string; parseMode?: string; markup?: unknown; replyTo?: number }[] = [];
  let left = failures;
  let nextId = 1;
  const refuse = (method: string) =>
    new GrammyError(`Call to '${method}' failed!`, { ok: false, error_code: 400, description }, method, {});
  const api = {
    sendMessage: async (
      _chat: number,
      text: string,
      other: { parse_mode?: string; reply_markup?: unknown; reply_parameters?: { message_id: number } } = {},
    ) => {
      calls.push({ method: "sendMessage", text, parseMode: other.parse_mode, markup: other.reply_markup, replyTo: other.reply_parameters?.message_id });
      if (other.parse_mode === "HTML" && left > 0) {
        left -= 1;
        throw refuse("sendMessage");
      }
      if (text.length > 4096) throw refuse("sendMessage");
      return { message_id: nextId++, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text };
    },
    editMessageText: async (_chat: number, _id: number, text: string, other: { parse_mode?: string } = {}) => {
      calls.push({ method: "editMessageText", text, parseMode: other.parse_mode });
      throw refuse("editMessageText");
    },
  };
  return { api: api as unknown as Api<RawApi>, calls };
}

describe("sendParts", () => {
  const html = `Laut der Quelle: „Die Truppen &amp; Panzer ziehen ab“ [1]\n\n<b>Quellen</b>\n\n[1] <b>Titel &lt;A&gt;</b> · 2022-01\n<blockquote>Die Truppen &amp; Panzer ziehen ab.</blockquote>`;
  const keyboard = citationKeyboard([{ label: "[1] Quelle öffnen", data: "p:abcdef:1:2" }]);

  it("resends a part Telegram cannot parse once as plain text, with the reply and the buttons kept", async () => {
    const { api, calls } = refusingApi("Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3", 1);
    const sent = await sendParts(api, { chatId: 1, replyTo: 7 }, [html], keyboard);
    expect(sent).toHaveLength(1);
    expect(calls).toHaveLength(2);
    const plain = calls[1]!;
    expect(plain.parseMode).toBeUndefined();
    expect(plain.text).toBe(
      "Laut der Quelle: „Die Truppen & Panzer ziehen ab“ [1]\n\nQuellen\n\n[1] Titel <A> · 2022-01\nDie Truppen & Panzer ziehen ab.",
    );
    expect(plain.replyTo).toBe(7);
    expect(plain.markup).toBe(keyboard);
  });

  it("splits a part Telegram calls too long into plain messages under 4096 characters, buttons under the last", async () => {
    const long = Array.from({ length: 90 }, (_, i) => `Satz ${i} &amp; ${"Wort ".repeat(8)}`).join("\n");
    const { api, calls } = refusingApi("Bad Request: message is too long", 1);
    const sent = await sendParts(api, { chatId: 1, replyTo: 7 }, [`<b>${long}</b>`, "zweiter Teil"], keyboard);
    const plain = calls.filter((c) => c.parseMode === undefined);
    expect(plain.length).toBeGreaterThanOrEqual(2);
    for (const call of plain) expect(call.text.length).toBeLessThan(4096);
    const firstPart = plain.map((c) => c.text).join("\n");
    expect(firstPart.replace(/\s+/g, " ")).toBe(long.replaceAll("&amp;", "&").replace(/\s+/g, " ").trim());
    expect(plain[0]!.replyTo).toBe(7);
    expect(plain.slice(1).every((c) => c.replyTo === undefined)).toBe(true);
    // The second part is HTML again (the refusal was about the first), and carries the buttons.
    expect(calls.at(-1)).toMatchObject({ text: "zweiter Teil", parseMode: "HTML", markup: keyboard });
    expect(sent.length).toBe(plain.length + 1);
  });

  it("retries only once: a plain resend that fails too is the caller's error", async () => {
    const { api } = refusingApi("Bad Request: message is too long", 1);
    await expect(sendParts(api, { chatId: 1 }, ["x".repeat(5000)], undefined)).resolves.toHaveLength(2);
    const failing = refusingApi("Bad Request: chat not found", 5);
    await expect(sendParts(failing.api, { chatId: 1 }, [html], undefined)).rejects.toThrow(GrammyError);
    expect(failing.calls).toHaveLength(1);
  });

  it("falls back to a plain message when editing a streamed draft into the answer fails to parse", async () => {
    const { api, calls } = refusingApi("Bad Request: can't parse entities: unclosed tag", 1);
    const first = { message_id: 3, date: 0, chat: { id: 1, type: "private" as const, first_name: "A" }, text: "draft …" };
    const sent = await sendParts(api, { chatId: 1, replyTo: 7 }, [html], undefined, first);
    expect(calls.map((c) => [c.method, c.parseMode])).toEqual([
      ["editMessageText", "HTML"],
      ["sendMessage", "HTML"],
      ["sendMessage", undefined],
    ]);
    expect(sent).toHaveLength(1);
  });
});
