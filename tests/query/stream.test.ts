import { AIMessageChunk } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { guardedDisplay, MAX_ANSWER_CHARS, streamAnswer, type ChatModel } from "../../src/query/llm.js";

/** A chat model whose stream never ends on its own: only the answer cap stops it. */
function endlessModel(piece: string): ChatModel {
  return {
    invoke: async () => new AIMessageChunk("x"),
    stream: async () =>
      (async function* () {
        for (;;) yield new AIMessageChunk(piece);
      })(),
  } as unknown as ChatModel;
}

describe("streamed answers", () => {
  it("cuts a runaway answer at the cap, so it fits in two messages", async () => {
    const partials: number[] = [];
    const text = await streamAnswer(endlessModel("Es gab viele Verletzte [1]. "), { system: "s", user: "u" }, AbortSignal.timeout(5000), (p) =>
      partials.push(p.length),
    );
    expect(text.length).toBeGreaterThanOrEqual(MAX_ANSWER_CHARS - 40);
    expect(text.length).toBeLessThan(MAX_ANSWER_CHARS + 40);
    expect(partials.at(-1)).toBeLessThan(MAX_ANSWER_CHARS + 40);
  });

  it("checks each new piece once, with enough overlap to catch a secret split across tokens", () => {
    const secret = "sk-live-0123456789abcdef";
    const shown: string[] = [];
    const display = guardedDisplay([secret], (p) => shown.push(p), (p) => p, () => false)!;
    let text = "";
    for (const piece of ["Die Antwort ", "lautet: ", "sk-live-01", "23456789", "abcdef und mehr."]) {
      text += piece;
      display(text);
    }
    expect(shown.some((p) => p.includes("sk-live-0123456789"))).toBe(false);
    expect(shown.at(-1)).toBe("Die Antwort lautet: "); // the last text that was safe to show
    // Once stopped, nothing more is shown, however the text goes on.
    display(`${text} Harmlos.`);
    expect(shown.at(-1)).toBe("Die Antwort lautet: ");
    // A secret that starts long before the newest piece is still seen: the overlap reaches back to it.
    const later: string[] = [];
    const second = guardedDisplay([secret], (p) => later.push(p), (p) => p, () => false)!;
    const long = `${"x ".repeat(300)}sk-liv`;
    second(long);
    second(`${long}e-0 und weiter`);
    expect(later).toEqual([long]);
  });
});
