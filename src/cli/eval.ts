import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createLogger } from "../log.js";
import type { Answer, Language } from "../types.js";
import { loadConfig } from "./env.js";
import { updateIndex } from "../app/indexing.js";
import { createPipeline } from "../app/pipeline.js";

/**
 * `npm run eval -- [--qa FILE] [--floors FILE] [--seeds DIR] [--index DIR] [--json]`
 *
 * Runs the question set through the same pipeline as `ask` and prints answer accuracy, evidence hit rate,
 * verbatim citation rate, refusal accuracy, false-refusal rate and latency. Exits non-zero when a metric
 * falls below the floors kept in the repo (eval-floors.json), so CI catches regressions.
 */

const HELP = `Usage: npm run eval -- [options]

Options:
  --qa FILE       question set (default: ../shared/eval/dev-qa.json if present, else tests/fixtures/dev-qa.json)
  --floors FILE   minimum metrics (default: eval-floors.json)
  --seeds DIR     seeds folder (default: SEEDS_DIR or seeds/)
  --index DIR     index folder (default: INDEX_DIR or index/)
  --json          print the metrics as one line of JSON instead of a table
  -h, --help      show this help
`;

const QaFile = z.object({
  about: z.string().optional(),
  items: z.array(
    z.object({
      id: z.string(),
      lang: z.enum(["de", "en"]),
      q: z.string().min(1),
      expect: z.array(z.array(z.string().min(1)).min(1)).optional(),
      evidence: z.string().min(1).optional(),
      unanswerable: z.boolean().optional(),
    }),
  ),
});
type QaItem = z.infer<typeof QaFile>["items"][number];

const Floors = z.object({
  min: z.record(z.string(), z.number()).default({}),
  max: z.record(z.string(), z.number()).default({}),
});

export interface ItemResult {
  readonly id: string;
  readonly lang: Language;
  readonly unanswerable: boolean;
  readonly refused: boolean;
  readonly factsPresent: boolean;
  readonly evidenceHit: boolean;
  readonly citations: number;
  readonly verbatim: number;
  readonly ms: number;
}

/**
 * Judges one answer against its item: are the expected facts in the answer or its quotes, does a citation
 * overlap the evidence span, and is every quote verbatim. Pure given the seed texts, so it is unit-tested.
 */
export function judge(item: QaItem, answer: Answer, fileText: (source: string) => string | undefined, ms: number): ItemResult {
  const citations = answer.kind === "answered" ? answer.citations : [];
  const haystack = [answer.text, ...citations.map((c) => c.quote)].join("\n").toLowerCase();
  const factsPresent = (item.expect ?? []).every((group) => group.some((alt) => haystack.includes(alt.toLowerCase())));
  const evidenceHit =
    item.evidence !== undefined &&
    citations.some((c) => {
      const text = fileText(c.source);
      if (text === undefined) return false;
      for (let at = text.indexOf(item.evidence as string); at >= 0; at = text.indexOf(item.evidence as string, at + 1)) {
        if (c.start < at + (item.evidence as string).length && at < c.end) return true;
      }
      return false;
    });
  const verbatim = citations.filter((c) => fileText(c.source)?.slice(c.start, c.end) === c.quote).length;
  return {
    id: item.id,
    lang: item.lang,
    unanswerable: item.unanswerable === true,
    refused: answer.kind === "not_found",
    factsPresent,
    evidenceHit,
    citations: citations.length,
    verbatim,
    ms,
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/**
 * The metrics of a run. "Correct" means not refused, the expected facts present and the evidence cited.
 * Rates over an empty group count as 1 so a set without, say, English questions does not fail a floor.
 */
export function metrics(results: readonly ItemResult[]) {
  const answerable = results.filter((r) => !r.unanswerable);
  const unanswerable = results.filter((r) => r.unanswerable);
  const correct = (r: ItemResult) => !r.refused && r.factsPresent && r.evidenceHit;
  const byLang = (lang: Language) => answerable.filter((r) => r.lang === lang);
  const citations = results.reduce((sum, r) => sum + r.citations, 0);
  return {
    answerAccuracy: ratio(answerable.filter((r) => !r.refused && r.factsPresent).length, answerable.length),
    evidenceHitRate: ratio(answerable.filter((r) => !r.refused && r.evidenceHit).length, answerable.length),
    correctWithEvidence: ratio(answerable.filter(correct).length, answerable.length),
    germanCorrectWithEvidence: ratio(byLang("de").filter(correct).length, byLang("de").length),
    englishCorrectWithEvidence: ratio(byLang("en").filter(correct).length, byLang("en").length),
    verbatimRate: ratio(results.reduce((sum, r) => sum + r.verbatim, 0), citations),
    refusalAccuracy: ratio(unanswerable.filter((r) => r.refused).length, unanswerable.length),
    falseRefusalRate: answerable.length === 0 ? 0 : answerable.filter((r) => r.refused).length / answerable.length,
    latencyP50Ms: percentile(results.map((r) => r.ms), 50),
    latencyP95Ms: percentile(results.map((r) => r.ms), 95),
  };
}
export type Metrics = ReturnType<typeof metrics>;

/** Which floors a run breaks, as readable lines; empty when all hold. */
export function brokenFloors(m: Metrics, floors: z.infer<typeof Floors>): string[] {
  const broken: string[] = [];
  for (const [name, floor] of Object.entries(floors.min)) {
    const value = (m as Record<string, number>)[name];
    if (value === undefined) broken.push(`${name}: unknown metric`);
    else if (value < floor) broken.push(`${name} = ${value.toFixed(3)} is below the floor ${floor}`);
  }
  for (const [name, ceiling] of Object.entries(floors.max)) {
    const value = (m as Record<string, number>)[name];
    if (value === undefined) broken.push(`${name}: unknown metric`);
    else if (value > ceiling) broken.push(`${name} = ${value.toFixed(3)} is above the ceiling ${ceiling}`);
  }
  return broken;
}

function defaultQaFile(): string {
  const shared = path.join("..", "shared", "eval", "dev-qa.json");
  return existsSync(shared) ? shared : path.join("tests", "fixtures", "dev-qa.json");
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      qa: { type: "string" },
      floors: { type: "string", default: "eval-floors.json" },
      seeds: { type: "string" },
      index: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const qaPath = values.qa ?? defaultQaFile();
  const qa = QaFile.parse(JSON.parse(readFileSync(qaPath, "utf8")));
  const floors = existsSync(values.floors) ? Floors.parse(JSON.parse(readFileSync(values.floors, "utf8"))) : { min: {}, max: {} };
  const config = loadConfig({ SEEDS_DIR: values.seeds, INDEX_DIR: values.index });
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, [config.openai.apiKey, config.telegram.token]);
  await updateIndex(config, logger);
  const pipeline = await createPipeline(config, logger);
  const texts = new Map<string, string | undefined>();
  const fileText = (source: string) => {
    if (!texts.has(source)) {
      const file = path.join(config.seedsDir, source);
      texts.set(source, existsSync(file) ? readFileSync(file, "utf8") : undefined);
    }
    return texts.get(source);
  };
  const results: ItemResult[] = [];
  for (const item of qa.items) {
    const started = performance.now();
    const answer = await pipeline.ask(item.q, { history: [] });
    const result = judge(item, answer, fileText, performance.now() - started);
    results.push(result);
    if (!values.json) {
      const ok = result.unanswerable ? result.refused : !result.refused && result.factsPresent && result.evidenceHit;
      const detail = result.unanswerable
        ? result.refused ? "declined" : "answered (should decline)"
        : result.refused ? "declined (should answer)" : `facts ${result.factsPresent ? "yes" : "no"}, evidence ${result.evidenceHit ? "yes" : "no"}`;
      process.stdout.write(`${ok ? "✓" : "✗"} ${item.id.padEnd(24)} ${item.lang} ${detail}  (${result.ms.toFixed(0)} ms)\n`);
    }
  }
  const m = metrics(results);
  const broken = brokenFloors(m, floors);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ qa: qaPath, mode: config.answer.mode, ...m, broken })}\n`);
  } else {
    process.stdout.write(
      [
        "",
        `question set            ${qaPath} (${qa.items.length} questions), mode ${config.answer.mode}`,
        `answer accuracy         ${pct(m.answerAccuracy)}   (expected facts present)`,
        `evidence hit rate       ${pct(m.evidenceHitRate)}   (a citation overlaps the evidence)`,
        `correct with evidence   ${pct(m.correctWithEvidence)}   German ${pct(m.germanCorrectWithEvidence)}, English ${pct(m.englishCorrectWithEvidence)}`,
        `verbatim citations      ${pct(m.verbatimRate)}`,
        `refusal accuracy        ${pct(m.refusalAccuracy)}   (unanswerable questions declined)`,
        `false-refusal rate      ${pct(m.falseRefusalRate)}   (answerable questions declined)`,
        `latency p50 / p95       ${m.latencyP50Ms.toFixed(0)} ms / ${m.latencyP95Ms.toFixed(0)} ms`,
        broken.length === 0 ? `floors (${values.floors})  all met` : `floors broken:\n  ${broken.join("\n  ")}`,
        "",
      ].join("\n"),
    );
  }
  return broken.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
