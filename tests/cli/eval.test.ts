import { execFile } from "node:child_process";
import { tempDir } from "../helpers/temp.js";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  brokenFloors,
  checkBounds,
  countByKind,
  failed,
  isRight,
  itemKind,
  judge,
  metrics,
  retyped,
  runEval,
  turnKind,
  type EvalSets,
  type ItemResult,
  type QaItem,
} from "../../src/cli/eval.js";
import type { Answer, AskContext, Turn } from "../../src/types.js";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("src/cli/eval.ts");
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", EMBEDDINGS: "local" };
const FILE = "Titel. Es gab Hunderte Verletzte. Ende.";
const fileText = (source: string) => (source === "a.txt" ? FILE : undefined);
const cite = (quote: string, shift = 0) => ({
  n: 1,
  source: "a.txt",
  title: "Titel",
  date: null,
  quote,
  start: FILE.indexOf(quote) + shift,
  end: FILE.indexOf(quote) + shift + quote.length,
});
const answered = (text: string, citations: ReturnType<typeof cite>[]): Answer => ({ kind: "answered", text, citations, language: "de", mode: "extractive" });
const notFound: Answer = { kind: "not_found", text: "Dazu finde ich nichts.", language: "de", mode: "extractive", suggestions: [] };
const smalltalk: Answer = { kind: "smalltalk", text: "Hallo!", language: "de", mode: "extractive", examples: [] };
const item = { id: "x", lang: "de" as const, q: "Wie viele?", expect: [["Hunderte", "hundreds"]], evidence: "Hunderte Verletzte" };

describe("judge", () => {
  it("finds expected facts in the answer or its quotes, and the evidence overlap", () => {
    const result = judge(item, answered("Laut der Quelle: … [1]", [cite("Es gab Hunderte Verletzte.")]), fileText, 5);
    expect(result).toMatchObject({ refused: false, factsPresent: true, evidenceHit: true, citations: 1, verbatim: 1 });
    expect(isRight(result)).toBe(true);
  });

  it("tells whether the first quote is the evidence or a later one", () => {
    const first = judge(item, answered("[1] [2]", [cite("Es gab Hunderte Verletzte."), cite("Ende.")]), fileText, 5);
    expect(first).toMatchObject({ evidenceHit: true, evidenceFirst: true });
    const second = judge(item, answered("[1] [2]", [cite("Ende."), cite("Es gab Hunderte Verletzte.")]), fileText, 5);
    expect(second).toMatchObject({ evidenceHit: true, evidenceFirst: false });
    expect(isRight(second)).toBe(true);
  });

  it("counts a quote that is not at its offsets as not verbatim", () => {
    const result = judge(item, answered("Hunderte [1]", [cite("Es gab Hunderte Verletzte.", 1)]), fileText, 5);
    expect(result.verbatim).toBe(0);
  });

  it("misses the evidence when no citation overlaps it", () => {
    const result = judge(item, answered("Hunderte [1]", [cite("Ende.")]), fileText, 5);
    expect(result).toMatchObject({ factsPresent: true, evidenceHit: false });
    expect(isRight(result)).toBe(false);
  });

  it("wants small talk answered as small talk: a citation or a refusal is wrong", () => {
    const greeting = { id: "c4-t1", lang: "de" as const, q: "Hallo!", smalltalk: true };
    expect(isRight(judge(greeting, smalltalk, fileText, 1, SMALLTALK_KIND))).toBe(true);
    expect(isRight(judge(greeting, notFound, fileText, 1, SMALLTALK_KIND))).toBe(false);
    expect(isRight(judge(greeting, answered("Hunderte [1]", [cite("Ende.")]), fileText, 1, SMALLTALK_KIND))).toBe(false);
  });

  it("wants an unanswerable question declined, and counts an error as wrong", () => {
    const unanswerable = { id: "a201-de-near-x", lang: "de" as const, q: "Wie teuer?", unanswerable: true };
    expect(isRight(judge(unanswerable, notFound, fileText, 1))).toBe(true);
    expect(isRight(judge(unanswerable, answered("Hunderte [1]", [cite("Ende.")]), fileText, 1))).toBe(false);
    expect(isRight(judge(unanswerable, smalltalk, fileText, 1))).toBe(false);
    expect(failed(item, 3)).toMatchObject({ answerKind: "error", refused: false });
    expect(isRight(failed(unanswerable, 3))).toBe(false);
  });
});

const SMALLTALK_KIND = "smalltalk";

describe("kinds", () => {
  it("reads the kind from the id's middle part", () => {
    const kind = (id: string, unanswerable?: boolean) => itemKind({ id, lang: id.includes("-en") ? "en" : "de", unanswerable });
    expect(kind("a201-de-para-evacuated")).toBe("de-para");
    expect(kind("a201-de-key-sandbags")).toBe("de-key");
    expect(kind("a201-en-firefighters")).toBe("en");
    expect(kind("a203-en-offer")).toBe("en");
    expect(kind("a201-de-near-houses", true)).toBe("de-near");
    expect(kind("a201-en-near-volume", true)).toBe("en-near");
    expect(kind("a201-de-off-worldcup", true)).toBe("de-off");
    expect(kind("a201-en-off-canberra", true)).toBe("en-off");
    expect(kind("x202-de-demand")).toBe("x202");
    expect(kind("x203-en-duration")).toBe("x203");
  });

  it("falls back to the language for other sets", () => {
    expect(itemKind({ id: "dev-de-end", lang: "de" })).toBe("de");
    expect(itemKind({ id: "h-en-gangs", lang: "en" })).toBe("en");
    expect(itemKind({ id: "dev-neg-currency", lang: "en", unanswerable: true })).toBe("en-unanswerable");
  });

  it("tells conversation turns apart", () => {
    expect(turnKind({ followUp: true })).toBe("follow-up");
    expect(turnKind({ smalltalk: true })).toBe("smalltalk");
    expect(turnKind({})).toBe("independent-in-conversation");
  });
});

const r = (over: Partial<ItemResult>): ItemResult => ({
  id: "x",
  lang: "de",
  kind: "de-para",
  unanswerable: false,
  smalltalk: false,
  answerKind: over.refused ? "not_found" : "answered",
  refused: false,
  factsPresent: true,
  evidenceHit: true,
  evidenceFirst: true,
  citations: 1,
  verbatim: 1,
  ms: 10,
  ...over,
});

describe("metrics and floors", () => {
  it("computes accuracy, evidence, refusals and latency", () => {
    const m = metrics([
      r({}),
      r({ lang: "en", factsPresent: false, ms: 30 }),
      r({ refused: true, citations: 0, verbatim: 0, ms: 20 }),
      r({ unanswerable: true, refused: true, citations: 0, verbatim: 0 }),
      r({ unanswerable: true, refused: false }),
    ]);
    expect(m.answerAccuracy).toBeCloseTo(1 / 3);
    expect(m.evidenceHitRate).toBeCloseTo(2 / 3);
    expect(m.germanCorrectWithEvidence).toBeCloseTo(1 / 2);
    expect(m.englishCorrectWithEvidence).toBe(0);
    expect(m.refusalAccuracy).toBe(0.5);
    expect(m.falseRefusalRate).toBeCloseTo(1 / 3);
    expect(m.verbatimRate).toBe(1);
    expect(m.latencyP50Ms).toBe(10);
    expect(m.latencyP95Ms).toBe(30);
    expect([m.right, m.total]).toEqual([2, 5]);
  });

  it("measures how often a correct answer quotes its evidence first", () => {
    const m = metrics([r({}), r({ evidenceFirst: false }), r({ evidenceHit: false, evidenceFirst: false }), r({ refused: true, evidenceFirst: false })]);
    expect(m.evidenceFirstRate).toBe(0.5);
  });

  it("measures conversation turns apart from the questions asked alone", () => {
    const m = metrics([
      r({ kind: "de-para" }),
      r({ kind: "follow-up" }),
      r({ kind: "follow-up", refused: true, citations: 0, verbatim: 0 }),
      r({ kind: "independent-in-conversation", factsPresent: false }),
      r({ kind: "independent-in-conversation" }),
      r({ kind: "independent-alone" }),
      r({ kind: "independent-alone" }),
      r({ kind: "smalltalk", smalltalk: true, answerKind: "smalltalk", citations: 0, verbatim: 0 }),
      r({ kind: "smalltalk", smalltalk: true, answerKind: "answered" }),
      r({ kind: "smalltalk", smalltalk: true, refused: true, citations: 0, verbatim: 0 }),
    ]);
    expect(m.followUpAccuracy).toBe(0.5);
    expect(m.independentInConversation).toBe(0.5);
    expect(m.independentAlone).toBe(1);
    expect(m.smalltalkFailures).toBe(2);
    // Refusals in conversations do not count as false refusals of the questions asked alone.
    expect(m.falseRefusalRate).toBe(0);
    expect(m.correctWithEvidence).toBe(1);
    expect(m.kinds).toEqual({
      "de-para": { right: 1, total: 1 },
      "follow-up": { right: 1, total: 2 },
      "independent-in-conversation": { right: 1, total: 2 },
      "independent-alone": { right: 2, total: 2 },
      smalltalk: { right: 1, total: 3 },
    });
    // The turns asked again alone repeat questions already counted.
    expect([m.right, m.total]).toEqual([4, 8]);
  });

  it("counts real questions taken for small talk and errors", () => {
    const m = metrics([r({ answerKind: "smalltalk", citations: 0, verbatim: 0 }), r({ answerKind: "error", factsPresent: false, evidenceHit: false })]);
    expect(m.smalltalkMisfires).toBe(1);
    expect(m.errors).toBe(1);
    expect(m.smalltalkFailures).toBe(0);
  });

  it("counts right and total per kind", () => {
    expect(countByKind([r({ kind: "en" }), r({ kind: "de-key" }), r({ kind: "en", factsPresent: false })])).toEqual({
      en: { right: 1, total: 2 },
      "de-key": { right: 1, total: 1 },
    });
  });

  it("checks bounds per set and names every broken floor", () => {
    const bySet = { check: metrics([r({ refused: true })]), dev: metrics([r({})]) };
    const limits = { min: { check: { germanCorrectWithEvidence: 0.9 }, dev: { germanCorrectWithEvidence: 0.9 } }, max: { check: { falseRefusalRate: 0.2 } } };
    expect(brokenFloors(bySet, limits)).toEqual([
      "check.germanCorrectWithEvidence = 0.000 is below the floor 0.9",
      "check.falseRefusalRate = 1.000 is above the ceiling 0.2",
    ]);
    expect(checkBounds(bySet, limits).map((c) => [c.set, c.metric, c.bound, c.met])).toEqual([
      ["check", "germanCorrectWithEvidence", "min", false],
      ["dev", "germanCorrectWithEvidence", "min", true],
      ["check", "falseRefusalRate", "max", false],
    ]);
    expect(brokenFloors(bySet, { min: { check: { nonsense: 1, kinds: 0 } }, max: { nosuch: { verbatimRate: 1 } } })).toEqual([
      "check.nonsense: unknown metric",
      "check.kinds: unknown metric",
      "nosuch.verbatimRate: unknown question set",
    ]);
    expect(brokenFloors(bySet, { min: { check: { smalltalkFailures: 0 } }, max: { check: { smalltalkFailures: 0 } } })).toEqual([]);
  });
});

describe("runEval", () => {
  const q = (over: Partial<QaItem> & Pick<QaItem, "id" | "q">): QaItem => ({ lang: "de", expect: [["Hunderte"]], evidence: "Hunderte Verletzte", ...over });
  const sets: EvalSets = {
    articles: {
      items: [q({ id: "a201-de-key-tuneitem", q: "Tune-Frage?", split: "tune" }), q({ id: "a201-de-para-heldout", q: "Geheime Prüffrage?", split: "check" })],
      conversations: [
        {
          id: "c9",
          turns: [
            { id: "c9-t1", lang: "de", q: "Hallo Bot!", smalltalk: true },
            q({ id: "c9-t2", q: "Geheime Gesprächsfrage?" }),
            q({ id: "c9-t3", q: "Und die geheime Folgefrage?", followUp: true }),
          ],
        },
        { id: "c8", turns: [q({ id: "c8-t1", q: "Zweites geheimes Gespräch?" })] },
      ],
    },
    regression: [{ name: "dev", items: [q({ id: "dev-de-regression", q: "Regressionsfrage?" })] }],
  };

  async function evaluate() {
    const seen: { question: string; history: readonly Turn[] }[] = [];
    const ask = async (question: string, context: AskContext): Promise<Answer> => {
      seen.push({ question, history: context.history });
      if (question.startsWith("Hallo")) return smalltalk;
      if (question.includes("Folgefrage") && context.history.length === 0) return notFound;
      return answered("Hunderte [1]", [cite("Es gab Hunderte Verletzte.")]);
    };
    const lines: string[] = [];
    const results = await runEval(ask, sets, fileText, (line) => lines.push(line));
    return { seen, output: lines.join("\n"), results };
  }

  it("runs conversations through the conversation path, with history, each conversation afresh", async () => {
    const { seen, results } = await evaluate();
    const historyOf = (question: string) => seen.filter((s) => s.question === question).map((s) => s.history.map((t) => t.question));
    expect(historyOf("Hallo Bot!")).toEqual([[]]);
    // Asked in the conversation, then again alone for the comparison.
    // A greeting is not remembered as a turn: the question after it is asked as if first.
    expect(historyOf("Geheime Gesprächsfrage?")).toEqual([[], []]);
    expect(historyOf("Und die geheime Folgefrage?")).toEqual([["Geheime Gesprächsfrage?"]]);
    expect(historyOf("Zweites geheimes Gespräch?")).toEqual([[], []]);
    expect(results.check!.map((x) => x.kind)).toEqual([
      "de-para",
      "smalltalk",
      "independent-in-conversation",
      "follow-up",
      "independent-in-conversation",
      "independent-alone",
      "independent-alone",
    ]);
    const m = metrics(results.check!);
    expect([m.followUpAccuracy, m.independentInConversation, m.independentAlone, m.smalltalkFailures]).toEqual([1, 1, 1, 0]);
  });

  it("prints tune and regression questions one by one, the check split and conversations only as counts", async () => {
    const { output, results } = await evaluate();
    expect(output).toContain("✓ a201-de-key-tuneitem");
    expect(output).toContain("✓ dev-de-regression");
    expect(output).toContain("check: 1 questions and 2 conversations (4 turns), held out: counts only");
    for (const secret of ["heldout", "Geheim", "geheim", "c9", "c8", "Hallo"]) expect(output).not.toContain(secret);
    expect(Object.keys(results)).toEqual(["tune", "check", "dev"]);
  });

  it("counts a question whose ask throws as wrong and goes on", async () => {
    const ask = async (question: string): Promise<Answer> => {
      if (question.includes("Gesprächsfrage")) throw new Error("boom");
      return answered("Hunderte [1]", [cite("Es gab Hunderte Verletzte.")]);
    };
    const results = await runEval(ask, sets, fileText, () => {});
    const errors = results.check!.filter((x) => x.answerKind === "error");
    expect(errors.map((x) => x.kind)).toEqual(["independent-in-conversation", "independent-alone"]);
    expect(results.check).toHaveLength(7);
  });
});

describe("npm run eval", () => {
  async function evalCli(args: string[]) {
    return run(TSX, [CLI, "--seeds", path.resolve("seeds"), ...args], { env: ENV, cwd: path.resolve("."), maxBuffer: 1 << 24 }).then(
      (x) => ({ code: 0, stdout: x.stdout, stderr: x.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  }

  it("names the ways of typing a question when asked for one it does not know", async () => {
    const result = await evalCli(["--typed", "sloppy"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("umlauts-spelt");
  });

  it("meets the repo's floors offline, reports every set, and never names a held-out question", async () => {
    const result = await evalCli([]);
    expect(result.stderr).toBe("");
    for (const set of ["tune", "check", "dev", "holdout"]) expect(result.stdout).toMatch(new RegExp(`^${set}: \\d+/\\d+ right$`, "m"));
    expect(result.stdout).toMatch(/correct with evidence\s+\d+\.\d%\s+German \d/);
    expect(result.stdout).toMatch(/verbatim citations\s+100\.0%/);
    expect(result.stdout).toMatch(/follow-ups right\s+\d/);
    expect(result.stdout).toMatch(/independent turns\s+\d+\.\d% in conversation, \d+\.\d% asked alone/);
    expect(result.stdout).toMatch(/small-talk failures\s+\d/);
    expect(result.stdout).toMatch(/by kind\s+.*de-para \d+\/\d+/);
    expect(result.stdout).toMatch(/^targets .*reported, not enforced/m);
    expect(result.stdout).toContain("all met");
    expect(result.code).toBe(0);
    const set = JSON.parse(await readFile(path.resolve("tests/fixtures/eval/dev-qa-articles.json"), "utf8")) as {
      items: QaItem[];
      conversations: { turns: QaItem[] }[];
    };
    const held = [...set.items.filter((i) => i.split === "check"), ...set.conversations.flatMap((c) => c.turns)];
    expect(held.length).toBeGreaterThan(30);
    for (const i of held) {
      expect(result.stdout).not.toContain(i.id);
      expect(result.stdout).not.toContain(i.q);
    }
    expect(result.stdout).toContain(set.items.find((i) => i.split === "tune")!.id);
  });

  it("--json prints the metrics per set as one line, and exits non-zero below a floor", async () => {
    const work = await tempDir("citebot-eval-test-");
    await writeFile(path.join(work, "floors.json"), JSON.stringify({ min: { dev: { refusalAccuracy: 1.01 } }, targets: { max: { check: { smalltalkFailures: 0 } } } }));
    const result = await evalCli(["--json", "--set", path.resolve("tests/fixtures/eval/dev-qa-articles.json"), "--floors", path.join(work, "floors.json")]);
    await rm(work, { recursive: true, force: true });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(Object.keys(report)).toEqual(["mode", "sources", "sets", "targets", "broken"]);
    expect(Object.keys(report.sets)).toEqual(["tune", "check", "dev", "holdout"]);
    expect(report.sets.check).toMatchObject({ verbatimRate: 1, kinds: { "follow-up": { total: 11 }, smalltalk: { total: 1 } } });
    expect(report.sets.check.total).toBe(33 + 25);
    expect(report.targets).toEqual([expect.objectContaining({ set: "check", metric: "smalltalkFailures", bound: "max", limit: 0 })]);
    expect(report.broken).toEqual(["dev.refusalAccuracy = 1.000 is below the floor 1.01"]);
  });
});

describe("retyped", () => {
  it("types a question as keyboards and hurried hands do", () => {
    const q = "Wie viele Gäste saßen im Boot nach Mönchengladbach?";
    expect(retyped(q, "umlauts-spelt")).toBe("Wie viele Gaeste sassen im Boot nach Moenchengladbach?");
    expect(retyped(q, "umlauts-dropped")).toBe("Wie viele Gaste sassen im Boot nach Monchengladbach?");
    expect(retyped(q, "lower-case")).toBe("wie viele gäste saßen im boot nach mönchengladbach?");
    // One error in the middle of the longest word ("Mönchengladbach", 15 letters: its eighth).
    expect(retyped(q, "swapped-letters")).toBe("Wie viele Gäste saßen im Boot nach Mönchenlgadbach?");
    expect(retyped(q, "dropped-letter")).toBe("Wie viele Gäste saßen im Boot nach Mönchenladbach?");
    expect(retyped(q, "doubled-letter")).toBe("Wie viele Gäste saßen im Boot nach Mönchenggladbach?");
  });

  it("puts a chat's courtesies around a question, in its language", () => {
    expect(retyped("Wer war da?", "greeted")).toBe("Hallo! Wer war da?");
    expect(retyped("Who was there?", "greeted", "en")).toBe("Hi! Who was there?");
    expect(retyped("Wer war da?", "thanked")).toBe("Wer war da? Danke!");
    expect(retyped("Who was there?", "announced", "en")).toBe("Quick question: Who was there?");
    expect(retyped("Wer war da?", "polite")).toBe("Wer war da, bitte?");
    expect(retyped("Who was there", "polite", "en")).toBe("Who was there, please");
    expect(retyped("Wer war da?", "emoji")).toBe("Wer war da? 🤔");
    expect(retyped("Wer war da?", "filler")).toBe("Also, wer war da?");
    expect(retyped("Who was there?", "sourced", "en")).toBe("According to the sources: Who was there?");
    expect(retyped("Wer war da?", "capitals")).toBe("WER WAR DA?");
  });

  it("leaves a question without a word of six letters as it is when it types an error", () => {
    expect(retyped("Wer war da?", "swapped-letters")).toBe("Wer war da?");
  });
});

