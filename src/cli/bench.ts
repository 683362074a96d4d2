import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { renderChart } from "../bench/chart.js";
import { chartData, formatTable, type BenchReport, type Machine } from "../bench/report.js";
import { benchSize, startEnvironment, workloadFor, type SizeResult } from "../bench/suite.js";
import { ConfigError, parseConfig, SETTING_NAMES } from "../config.js";
import { loadSeeds } from "../ingest/load.js";

/**
 * `npm run bench -- [--sizes 1000,10000,100000] [--seed N] [--json FILE] [--chart FILE] [--quick]`
 *
 * Measures indexing, retrieval, start-up and the bot end to end on synthetic corpora of the given
 * sizes, each beside its baseline, and prints a table. Offline: local embeddings, extractive answers,
 * and a Bot API server on 127.0.0.1.
 */
const HELP = `Usage: npm run bench -- [options]

Benchmarks citebot on synthetic corpora made from the seed articles, offline.

Options:
  --sizes LIST   corpus sizes in chunks, comma-separated (default 1000,10000,100000)
  --seed N       seed of the synthetic corpus and questions (default 1)
  --json FILE    also write the results as JSON
  --chart FILE   write the SVG chart there (default docs/bench/chart.svg; none with --quick)
  --quick        fewer queries and chats: a smoke test that the benchmark works
  --keep         keep the generated corpora and indexes (printed path)
  -h, --help     show this help
`;

/** Settings that must never reach a child process's command line, or that the bench overrides. */
const EXCLUDED = new Set(["OPENAI_API_KEY", "OPENAI_BASE_URL", "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_ROOT", "WEBHOOK_URL", "WEBHOOK_SECRET", "SEEDS_DIR", "INDEX_DIR"]);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      seed: { type: "string", default: "1" },
      json: { type: "string" },
      chart: { type: "string" },
      quick: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/k$/i, "000")));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 10)) {
    process.stderr.write(`--sizes must be whole numbers of chunks ≥ 10, e.g. 1000,10000; got "${values.sizes}"\n`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    process.stderr.write(`--seed must be an integer; got "${values.seed}"\n`);
    return 2;
  }

  loadDotenv({ quiet: true });
  const settings: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = process.env[name];
    if (value !== undefined && !EXCLUDED.has(name)) settings[name] = value;
  }
  // Offline by definition: no API key, no model server, no Telegram.
  Object.assign(settings, { EMBEDDINGS: "local", ANSWER_MODE: "extractive", LOG_LEVEL: "warn" });
  let seedsDir: string;
  let configuredEf: number;
  let effective: Record<string, string>;
  try {
    const config = parseConfig({ ...settings, SEEDS_DIR: process.env.SEEDS_DIR });
    seedsDir = config.seedsDir;
    configuredEf = config.hnsw.ef;
    const dimension = config.embeddings.kind === "local" ? config.embeddings.dimension : Number.NaN;
    effective = Object.fromEntries(
      Object.entries({
        LOCAL_EMBEDDING_DIM: dimension,
        CHUNK_SENTENCES: config.chunking.sentences,
        CHUNK_OVERLAP: config.chunking.overlap,
        HNSW_M: config.hnsw.m,
        HNSW_EF_CONSTRUCTION: config.hnsw.efConstruction,
        HNSW_EF: config.hnsw.ef,
        DENSE_K: config.retrieval.denseK,
        KEYWORD_K: config.retrieval.keywordK,
        RETRIEVE_K: config.retrieval.k,
      }).map(([name, value]) => [name, String(value)]),
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const { docs } = await loadSeeds(seedsDir);
  const seedSentences = docs.flatMap((d) => d.sentences.map((s) => d.text.slice(s.start, s.end)));
  if (seedSentences.length === 0) {
    process.stderr.write(`no seed sentences in ${seedsDir}: the synthetic corpus is made from them\n`);
    return 1;
  }

  const workDir = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-"));
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  if (values.keep) log(`working in ${workDir}`);
  const report: { -readonly [K in keyof BenchReport]: BenchReport[K] } = {
    startedAt: new Date().toISOString(),
    seed,
    quick: values.quick,
    machine: machine(),
    settings: effective,
    sizes: [],
  };
  const results: SizeResult[] = [];
  try {
    for (const target of sizes) {
      results.push(
        await benchSize(target, {
          settings,
          seedSentences,
          seed,
          workload: workloadFor(values.quick, configuredEf),
          workDir,
          keep: values.keep,
          childEnv: startEnvironment(process.env),
          log,
        }),
      );
    }
  } finally {
    if (!values.keep) await rm(workDir, { recursive: true, force: true });
  }
  report.sizes = results;

  process.stdout.write(formatTable(report, configuredEf));
  if (values.json) {
    await writeOut(values.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`results written to ${values.json}`);
  }
  const chartFile = values.chart ?? (values.quick ? undefined : path.join("docs", "bench", "chart.svg"));
  if (chartFile) {
    await writeOut(chartFile, renderChart(chartData(report, configuredEf)));
    log(`chart written to ${chartFile}`);
  }
  // Timings are reported, never enforced; a lost or duplicated answer is a bug, and fails the run.
  const broken = results.filter((r) => {
    const d = r.endToEnd.concurrent.delivery;
    return d.lost > 0 || d.duplicated > 0 || d.outOfOrder > 0;
  });
  if (broken.length > 0) {
    log(`answers lost, duplicated or out of order at ${broken.map((r) => r.indexing.chunks).join(", ")} chunks`);
    return 1;
  }
  return 0;
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim(),
    cores: os.availableParallelism?.() ?? cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text);
}

process.exitCode = await main();
