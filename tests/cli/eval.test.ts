import { execFile } from "node:child_process";
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { brokenFloors, judge, metrics, type ItemResult } from "../../src/cli/eval.js";
import type { Answer } from "../../src/types.js";

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
const item = { id: "x", lang: "de" as const, q: "Wie viele?", expect: [["Hunderte", "hundreds"]], evidence: "Hunderte Verletzte" };

describe("judge", () => {
  it("finds expected facts in the answer or its quotes, and the evidence overlap", () => {
    const result = judge(item, answered("Laut der Quelle: … [1]", [cite("Es gab Hunderte Verletzte.")]), fileText, 5);
    expect(result).toMatchObject({ refused: false, factsPresent: true, evidenceHit: true, citations: 1, verbatim: 1 });
  });

  it("counts a quote that is not at its offsets as not verbatim", () => {
    const result = judge(item, answered("Hunderte [1]", [cite("Es gab Hunderte Verletzte.", 1)]), fileText, 5);
    expect(result.verbatim).toBe(0);
  });

  it("misses the evidence when no citation overlaps it", () => {
    const result = judge(item, answered("Hunderte [1]", [cite("Ende.")]), fileText, 5);
    expect(result).toMatchObject({ factsPresent: true, evidenceHit: false });
  });
});

describe("metrics and floors", () => {
  const r = (over: Partial<ItemResult>): ItemResult => ({
    id: "x", lang: "de", unanswerable: false, refused: false, factsPresent: true, evidenceHit: true, citations: 1, verbatim: 1, ms: 10, ...over,
  });

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
  });

  it("names every broken floor", () => {
    const m = metrics([r({ refused: true })]);
    expect(brokenFloors(m, { min: { germanCorrectWithEvidence: 0.9 }, max: { falseRefusalRate: 0.2 } })).toEqual([
      "germanCorrectWithEvidence = 0.000 is below the floor 0.9",
      "falseRefusalRate = 1.000 is above the ceiling 0.2",
    ]);
    expect(brokenFloors(m, { min: { nonsense: 1 }, max: {} })).toEqual(["nonsense: unknown metric"]);
  });
});

describe("npm run eval", () => {
  async function evalCli(floors?: object) {
    const work = await mkdtemp(path.join(tmpdir(), "citebot-eval-"));
    await cp(path.resolve("seeds"), path.join(work, "seeds"), { recursive: true });
    const args = ["--qa", path.resolve("tests/fixtures/dev-qa.json"), "--seeds", path.join(work, "seeds"), "--index", path.join(work, "index")];
    if (floors) {
      await writeFile(path.join(work, "floors.json"), JSON.stringify(floors));
      args.push("--floors", path.join(work, "floors.json"));
    }
    return run(TSX, [CLI, ...args], { env: ENV, cwd: path.resolve(".") }).then(
      (x) => ({ code: 0, stdout: x.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  }

  it("meets the repo's floors on the dev set offline and prints every metric", async () => {
    const result = await evalCli();
    expect(result.stdout).toMatch(/answer accuracy\s+\d/);
    expect(result.stdout).toMatch(/evidence hit rate\s+\d/);
    expect(result.stdout).toMatch(/verbatim citations\s+100\.0%/);
    expect(result.stdout).toMatch(/refusal accuracy\s+\d/);
    expect(result.stdout).toMatch(/false-refusal rate\s+\d/);
    expect(result.stdout).toMatch(/latency p50 \/ p95\s+\d+ ms \/ \d+ ms/);
    expect(result.stdout).toContain("all met");
    expect(result.code).toBe(0);
  });

  it("exits non-zero below a floor", async () => {
    const result = await evalCli({ min: { refusalAccuracy: 1.01 } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("refusalAccuracy = 1.000 is below the floor 1.01");
  });
});
