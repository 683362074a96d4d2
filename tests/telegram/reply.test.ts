import { GrammyError, type Api, type RawApi } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DraftMessage } from "../../src/telegram/reply.js";

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
