import { describe, expect, it } from "vitest";
import { converse, HISTORY_TURNS, remember } from "../../src/app/conversation.js";
import { turnOf, type Answer, type AskContext, type Citation, type Turn } from "../../src/types.js";

/** A fake `ask` that answers "A:<question>" and records the history it was given. */
function recordingAsk(fail: (question: string) => boolean = () => false) {
  const seen: { question: string; history: readonly Turn[] }[] = [];
  const ask = async (question: string, context: AskContext): Promise<Answer> => {
    seen.push({ question, history: context.history });
    if (fail(question)) throw new Error(`cannot answer ${question}`);
    return { kind: "answered", text: `A:${question}`, citations: [], language: "de", mode: "extractive" };
  };
  return { ask, seen };
}

async function all<T>(steps: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const step of steps) out.push(step);
  return out;
}

describe("remember", () => {
  it("appends the turn and keeps the last few, oldest first", () => {
    const turns = ["1", "2", "3"].map((n) => ({ question: `q${n}`, answer: `a${n}` }));
    expect(remember(turns, { question: "q4", answer: "a4" }, 3).map((t) => t.question)).toEqual(["q2", "q3", "q4"]);
    expect(remember([], { question: "q", answer: "a" })).toEqual([{ question: "q", answer: "a" }]);
    expect(remember(turns, { question: "q4", answer: "a4" }, 0)).toEqual([]);
  });
});

describe("turnOf", () => {
  it("remembers the article of the answer's first quote as the story, and where every quote stood", () => {
    const cite = (n: number, source: string, start: number, quote = "…"): Citation => ({ n, source, title: source, date: null, quote, start, end: start + quote.length });
    const answer: Answer = {
      kind: "answered",
      text: "…",
      citations: [cite(1, "fraud.txt", 183, "Die Richter sahen es als erwiesen an."), cite(2, "bridge.txt", 1598, "«Wir bauen hier eine Brücke», sagte Malte Ohrdorf."), cite(3, "fraud.txt", 40, "Der Mann heißt Peter Kranz.")],
      language: "de",
      mode: "extractive",
    };
    const turn = turnOf("Was sagen die Heizungsbauer zu dem Betrugsfall?", answer);
    // A further quote adds what the first lacks; the follow-up asks about the story the first quote is from.
    expect(turn.sources).toEqual(["fraud.txt"]);
    expect(turn.quotes).toEqual([
      { source: "fraud.txt", start: 183 },
      { source: "bridge.txt", start: 1598 },
      { source: "fraud.txt", start: 40 },
    ]);
    // What it quoted from the story is where a follow-up's pronoun finds its names; the other article's quote is not.
    expect(turn.story).toBe("Die Richter sahen es als erwiesen an. Der Mann heißt Peter Kranz.");
    const refusal = turnOf("?", { kind: "not_found", text: "… „Die Gewerkschaft Deutscher Lokomotivführer (GDL) …“", language: "de", mode: "extractive", suggestions: [] });
    expect(refusal.sources).toEqual([]);
    // A refusal quotes no story: the titles it suggests lend a follow-up no names.
    expect(refusal.story).toBe("");
  });
});

describe("converse", () => {
  it("hands each question the earlier turns of its conversation, oldest first", async () => {
    const { ask, seen } = recordingAsk();
    const steps = await all(converse(ask, ["Wer?", "  und wann?  ", "und wo?"]));
    expect(steps.map((s) => s.question)).toEqual(["Wer?", "und wann?", "und wo?"]);
    expect(seen.map((s) => s.history)).toEqual([
      [],
      [{ question: "Wer?", answer: "A:Wer?", sources: [], quotes: [], story: "" }],
      [
        { question: "Wer?", answer: "A:Wer?", sources: [], quotes: [], story: "" },
        { question: "und wann?", answer: "A:und wann?", sources: [], quotes: [], story: "" },
      ],
    ]);
  });

  it("remembers which sources and places each answer quoted, for the follow-up to look there first", async () => {
    const seen: (readonly Turn[])[] = [];
    const quoting = async (question: string, context: AskContext): Promise<Answer> => {
      seen.push(context.history);
      const citation = { n: 1, source: "a.txt", title: "A", date: null, quote: "Q.", start: 0, end: 2 };
      return { kind: "answered", text: `A:${question}`, citations: [citation, { ...citation, n: 2 }], language: "de", mode: "extractive" };
    };
    await all(converse(quoting, ["Wer?", "und wann?"]));
    expect(seen[1]).toEqual([
      { question: "Wer?", answer: "A:Wer?", sources: ["a.txt"], quotes: [{ source: "a.txt", start: 0 }, { source: "a.txt", start: 0 }], story: "Q. Q." },
    ]);
  });

  it("keeps only the last HISTORY_TURNS turns", async () => {
    const { ask, seen } = recordingAsk();
    const questions = Array.from({ length: HISTORY_TURNS + 2 }, (_, i) => `q${i}`);
    await all(converse(ask, questions));
    expect(seen.at(-1)!.history.map((t) => t.question)).toEqual(questions.slice(-1 - HISTORY_TURNS, -1));
  });

  it("starts a new conversation at an empty line", async () => {
    const { ask, seen } = recordingAsk();
    await all(converse(ask, ["erste Frage", "Folgefrage", "", "   ", "neue Frage", "noch eine"]));
    expect(seen.map((s) => [s.question, s.history.map((t) => t.question)])).toEqual([
      ["erste Frage", []],
      ["Folgefrage", ["erste Frage"]],
      ["neue Frage", []],
      ["noch eine", ["neue Frage"]],
    ]);
  });

  it("asks every question alone with keep 0", async () => {
    const { ask, seen } = recordingAsk();
    await all(converse(ask, ["a", "b", "c"], { keep: 0 }));
    expect(seen.every((s) => s.history.length === 0)).toBe(true);
  });

  it("yields a failed question's error, leaves it out of the history and goes on", async () => {
    const { ask, seen } = recordingAsk((q) => q === "kaputt");
    const steps = await all(converse(ask, ["eins", "kaputt", "zwei"]));
    expect(steps.map((s) => ("error" in s ? `error ${(s.error as Error).message}` : s.answer.text))).toEqual([
      "A:eins",
      "error cannot answer kaputt",
      "A:zwei",
    ]);
    expect(seen[2]!.history.map((t) => t.question)).toEqual(["eins"]);
  });

  it("reads an async stream of lines", async () => {
    const { ask } = recordingAsk();
    async function* lines() {
      yield "a";
      yield "b";
    }
    const steps = await all(converse(ask, lines()));
    expect(steps.map((s) => s.history.length)).toEqual([0, 1]);
  });
});
