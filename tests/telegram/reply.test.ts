import type { Api, RawApi } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DraftMessage } from "../../src/telegram/reply.js";

afterEach(() => {
  vi.useRealTimers();
});

/** A Bot API stand-in that records when (in fake time) each call was made. */
function recordingApi() {
  const calls: { method: string; at: number; text: string }[] = [];
  let nextId = 1;
  const api = {
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
    const draft = new DraftMessage(api, { chatId: 1, replyTo: 5 }, 1000, pino({ level: "silent" }), () => Date.now());
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
    const draft = new DraftMessage(api, { chatId: 1 }, 1000, pino({ level: "silent" }));
    expect(draft.visible).toBe(false);
    await draft.finish(["one", "two"], undefined);
    expect(calls.map((c) => [c.method, c.text])).toEqual([
      ["sendMessage", "one"],
      ["sendMessage", "two"],
    ]);
  });
});
