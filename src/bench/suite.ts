import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import hnswlib from "hnswlib-node";
import { buildOptions, createEmbeddings } from "../app/indexing.js";
import { decodeFacts } from "../ingest/facts.js";
import { createPipeline, type Pipeline } from "../app/pipeline.js";
import { parseConfig, type Config } from "../config.js";
import { loadKeywordIndex } from "../ingest/bm25.js";
import { decodeChunkStore } from "../ingest/chunkstore.js";
import { decodeAnalysis } from "../ingest/sentences.js";
import { buildIndex, readManifest } from "../ingest/store.js";
import { createLogger } from "../log.js";
import { retrieve } from "../query/retrieve.js";
import { createBot } from "../telegram/bot.js";
import { libraryFromIndex } from "../telegram/library.js";
import { startPolling } from "../telegram/run.js";
import { startBotApiServer, type BotApiServer } from "./bot-api.js";
import { generateCorpus, generateQuestions, type SyntheticDoc } from "./corpus.js";
import { dropPageCache } from "./page-cache.js";
import { createExactSearch, recallAtK, type Neighbor } from "./exact.js";
import { askConcurrently, askSequentially, type DeliveryCheck } from "./load.js";
import { mean, summarize, timeEach, type Summary } from "./stats.js";

const { HierarchicalNSW } = hnswlib;

/**
 * The measurements of `npm run bench`, one corpus size at a time. Each size gets a synthetic corpus
 * written as seed files into a temporary folder, so the real `buildIndex`, `openIndex`, `createPipeline`
 * and bot run over it unchanged; every speed is measured beside its baseline in the same run (HNSW
 * beside an exact scan, cold start beside a bare `node`, the bot beside calling `ask` directly).
 *
 * This module sits at the command-line layer: it composes ingest, query and telegram like `npm start`
 * does, and reads no environment; the settings arrive as an env-shaped record parsed here per size.
 */

/** How much of each measurement to do; `quick` is the CI smoke size. */
export interface Workload {
  readonly queries: number;
  readonly endToEnd: number;
  readonly chats: number;
  readonly perChat: number;
  readonly coldStarts: number;
  readonly efs: readonly number[];
  /** The retry_after of the head-of-line measurement, in seconds (its run waits it out once). */
  readonly retryAfterSeconds: number;
}

export function workloadFor(quick: boolean, configuredEf: number): Workload {
  const efs = [...new Set([configuredEf, 128, 256, 384, 512])].sort((a, b) => a - b);
  return quick
    ? { queries: 30, endToEnd: 20, chats: 20, perChat: 2, coldStarts: 1, efs, retryAfterSeconds: 3 }
    : { queries: 200, endToEnd: 300, chats: 200, perChat: 2, coldStarts: 3, efs, retryAfterSeconds: 30 };
}

export interface SuiteOptions {
  /** The settings, env-shaped (`HNSW_EF`, `CHUNK_SENTENCES`, …), with the bench's offline overrides. */
  readonly settings: Readonly<Record<string, string>>;
  /** Sentences of the real seeds, the raw material of the synthetic corpus. */
  readonly seedSentences: readonly string[];
  readonly seed: number;
  readonly workload: Workload;
  /** A scratch folder; each size works in a subfolder that is removed afterwards unless `keep`. */
  readonly workDir: string;
  readonly keep?: boolean;
  /** The environment of the cold-start child: the bench's own, as `npm start` gives it (see {@link startEnvironment}). */
  readonly childEnv: NodeJS.ProcessEnv;
  /** Progress lines (stderr). */
  readonly log: (message: string) => void;
}

export interface IndexingResult {
  readonly docs: number;
  readonly chunks: number;
  readonly corpusMs: number;
  readonly buildMs: number;
  /** Loading seeds, sentence splitting, fitting the lexical embedder's IDF, chunking. */
  readonly prepareMs: number;
  readonly embedMs: number;
  readonly embedPerSecond: number;
  /** HNSW build, keyword index, serialisation and the atomic swap. */
  readonly writeMs: number;
  /** Building the HNSW graph alone, again from the same vectors. */
  readonly hnswBuildMs: number;
  readonly hnswPerSecond: number;
  readonly diskBytes: number;
  readonly files: Readonly<Record<string, number>>;
}

export interface DenseResult {
  readonly ef: number;
  readonly latency: Summary;
  readonly recallAt10: number;
  /** Recall counting only identical ids (ties not credited). */
  readonly recallAt10Strict: number;
  /** Exact p50 / HNSW p50. */
  readonly speedup: number;
}

export interface RetrievalResult {
  readonly queries: number;
  readonly embedQuery: Summary;
  readonly exact: Summary;
  readonly dense: readonly DenseResult[];
  /** Dense search as hybrid retrieval runs it: embed + HNSW top `denseK` at the configured ef. */
  readonly denseInHybrid: Summary;
  readonly keyword: Summary;
  readonly hybrid: Summary;
  /** The whole extractive `ask`, called directly. */
  readonly ask: Summary;
}

export interface ColdStartResult {
  readonly runs: number;
  /** Spawn to first answer, milliseconds (one per run). */
  readonly ms: readonly number[];
  readonly median: number;
  /** Spawn to exit of `node -e 0`, median of five. */
  readonly bareNodeMs: number;
  /** Inside the child, ms since its start: modules imported, index opened, first answer. */
  readonly phases: { readonly importedMs: number; readonly openedMs: number; readonly answeredMs: number };
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly bareNodeRssBytes: number;
  /** Where opening the index spends its time, measured piece by piece in this process. */
  readonly openBreakdownMs: Readonly<Record<string, number>>;
  /**
   * One more start after the page cache was dropped (the index read from disk, not memory), or why it
   * could not be dropped (absent in runs before it existed).
   */
  readonly coldCache?: { readonly ms: number; readonly phases: ColdStartResult["phases"] } | { readonly skipped: string };
}

export interface EndToEndResult {
  readonly questions: number;
  readonly latency: Summary;
  /** The same questions through `ask` directly, the baseline. */
  readonly direct: Summary;
  readonly concurrent: {
    readonly chats: number;
    readonly perChat: number;
    readonly delivery: DeliveryCheck;
    /** A question without a reply after this long counts as lost. */
    readonly timeoutMs: number;
    readonly wallMs: number;
    readonly throughput: number;
    readonly latency: Summary;
    readonly redelivered: number;
  };
  /** An unrelated chat's answer while other chats wait out a 429 (absent in runs before it existed). */
  readonly headOfLine?: HeadOfLineResult;
}

export interface HeadOfLineResult {
  /** Chats whose answers got a 429 first. */
  readonly held: number;
  readonly retryAfterSeconds: number;
  /** Question → reply of the unrelated chat, asked once every held chat had its 429. */
  readonly latencyMs: number;
  /** Whether the unrelated answer arrived before any held one. */
  readonly beforeHeld: boolean;
  /** Held answers delivered after their retry_after (of `held`). */
  readonly heldDelivered: number;
}

export interface SizeResult {
  readonly target: number;
  readonly indexing: IndexingResult;
  readonly retrieval: RetrievalResult;
  readonly coldStart: ColdStartResult;
  readonly endToEnd: EndToEndResult;
}

const BOT_TOKEN = "424242:bench-token-for-127-0-0-1-only";
/** How long the concurrent phase waits for the last answer before counting the rest as lost. */
const CONCURRENT_TIMEOUT_MS = 300_000;
/**
 * The cold-start child as `npm start` runs the bot: compiled to JavaScript by `npm run build` (which
 * `npm run bench` runs first), not through tsx, whose loader costs a few hundred milliseconds per start.
 */
const COLD_START_SCRIPT = fileURLToPath(new URL("../../dist/bench/cold-start.js", import.meta.url));

/** The glibc tunable that package.json's "start" script sets for the bot (see {@link startEnvironment}). */
export const HUGE_PAGES_TUNABLE = "glibc.malloc.hugetlb=1";

/**
 * The environment of the bot as `npm start` runs it: glibc asks the kernel for transparent huge pages for
 * its large allocations (ignored where there is no glibc or no THP). hnswlib reads its graph into one
 * allocation, 230 MB at 100k chunks; filled in 2 MB pages rather than 4 kB ones, the read took 0.3–0.75 s
 * instead of 1.2–1.4 s on the bench's VM, where a page fault is the dearest part of reading a file into
 * memory. The cold start is measured as `npm start` runs, so its child gets the same. A tunable the
 * user set stays.
 */
export function startEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const set = env.GLIBC_TUNABLES;
  if (set?.split(":").includes(HUGE_PAGES_TUNABLE)) return env;
  return { ...env, GLIBC_TUNABLES: set ? `${set}:${HUGE_PAGES_TUNABLE}` : HUGE_PAGES_TUNABLE };
}

/**
 * Runs every measurement for one corpus size and cleans up. Sizes are independent; the caller runs
 * them one after another so that they never compete for the two cores.
 *
 * @example
 * const result = await benchSize(10_000, { settings, seedSentences, seed: 1, workload, workDir, childEnv: startEnvironment(env), log });
 */
export async function benchSize(target: number, options: SuiteOptions): Promise<SizeResult> {
  const dir = path.join(options.workDir, `size-${target}`);
  const seedsDir = path.join(dir, "seeds");
  const indexDir = path.join(dir, "index");
  const settings = { ...options.settings, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir };
  const config = parseConfig(settings);
  try {
    options.log(`[${target}] generating the corpus`);
    const corpusStarted = performance.now();
    const docs = generateCorpus(options.seedSentences, { chunks: target, seed: options.seed, chunking: config.chunking });
    const corpusMs = performance.now() - corpusStarted;
    await writeCorpus(seedsDir, docs);

    options.log(`[${target}] indexing ${docs.length} documents`);
    const indexing = await measureIndexing(config, docs.length, corpusMs);
    options.log(`[${target}] ${indexing.chunks} chunks indexed in ${(indexing.buildMs / 1000).toFixed(1)} s`);

    const logger = createLogger("warn", [], { pretty: false });
    const pipeline = await createPipeline(config, logger);
    const questions = generateQuestions(docs, Math.max(options.workload.queries, options.workload.endToEnd), options.seed);

    options.log(`[${target}] retrieval: ${options.workload.queries} queries, exact vs HNSW at ef ${options.workload.efs.join("/")}`);
    const retrieval = await measureRetrieval(pipeline, config, questions.slice(0, options.workload.queries), options.workload.efs);

    options.log(`[${target}] end to end through the bot`);
    const endToEnd = await measureEndToEnd(pipeline, settings, questions.slice(0, options.workload.endToEnd), options.workload);

    options.log(`[${target}] cold start (${options.workload.coldStarts}×)`);
    const coldStart = await measureColdStart(settings, config, questions[0]!, options.workload.coldStarts, options.childEnv);
    return { target, indexing, retrieval, coldStart, endToEnd };
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}

async function writeCorpus(seedsDir: string, docs: readonly SyntheticDoc[]): Promise<void> {
  await rm(seedsDir, { recursive: true, force: true });
  const folders = new Set(docs.map((d) => path.dirname(path.join(seedsDir, d.name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < docs.length; i += 64) {
    await Promise.all(docs.slice(i, i + 64).map((d) => writeFile(path.join(seedsDir, d.name), d.text)));
  }
}

async function measureIndexing(config: Config, docs: number, corpusMs: number): Promise<IndexingResult> {
  const embeddings = createEmbeddings(config);
  let embedStarted = Number.NaN;
  let embedEnded = Number.NaN;
  const started = performance.now();
  const summary = await buildIndex({
    ...buildOptions(config, embeddings),
    rebuild: true,
    onProgress: ({ phase, done, total }) => {
      if (phase !== "embedding") return;
      if (done === 0) embedStarted = performance.now();
      if (done === total) embedEnded = performance.now();
    },
  });
  const ended = performance.now();
  const embedMs = embedEnded - embedStarted;

  // The graph alone, from the very vectors the build wrote, with the same parameters.
  const manifest = await readManifest(config.indexDir);
  const dimension = manifest.embedder.dimension;
  const vectors = await readVectors(config.indexDir);
  const count = vectors.length / dimension;
  const hnsw = new HierarchicalNSW("cosine", dimension);
  const hnswStarted = performance.now();
  hnsw.initIndex({ maxElements: Math.max(1, count), m: config.hnsw.m, efConstruction: config.hnsw.efConstruction, randomSeed: 100 });
  for (let i = 0; i < count; i++) hnsw.addPoint(Array.from(vectors.subarray(i * dimension, (i + 1) * dimension)), i);
  const hnswBuildMs = performance.now() - hnswStarted;

  const files: Record<string, number> = {};
  for (const name of await readdir(config.indexDir)) files[name] = (await stat(path.join(config.indexDir, name))).size;
  return {
    docs,
    chunks: summary.chunks,
    corpusMs,
    buildMs: ended - started,
    prepareMs: embedStarted - started,
    embedMs,
    embedPerSecond: (summary.embedded / embedMs) * 1000,
    writeMs: ended - embedEnded,
    hnswBuildMs,
    hnswPerSecond: (count / hnswBuildMs) * 1000,
    diskBytes: Object.values(files).reduce((a, b) => a + b, 0),
    files,
  };
}

async function readVectors(indexDir: string): Promise<Float32Array> {
  const raw = await readFile(path.join(indexDir, "vectors.f32"));
  return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}

async function measureRetrieval(
  pipeline: Pipeline,
  config: Config,
  questions: readonly string[],
  efs: readonly number[],
): Promise<RetrievalResult> {
  const index = pipeline.index();
  const dimension = index.manifest.embedder.dimension;
  const exact = createExactSearch(await readVectors(config.indexDir), dimension);
  const k = 10;

  const vectors: number[][] = [];
  const embedQuery = await timeEach(questions, (q) => index.embedQuery(q), { check: (v) => vectors.push(v) });

  const truth: Neighbor[][] = [];
  const exactLatency = await timeEach(vectors, (v) => exact.search(v, k), { check: (r) => truth.push(r) });
  const exactSummary = summarize(exactLatency);

  const dense: DenseResult[] = [];
  for (const ef of efs) {
    index.setEf(ef);
    const found: Neighbor[][] = [];
    const latency = summarize(await timeEach(vectors, (v) => index.searchDense(v, k), { check: (r) => found.push(r) }));
    dense.push({
      ef,
      latency,
      recallAt10: mean(found.map((f, i) => recallAtK(f, truth[i]!, k))),
      recallAt10Strict: mean(found.map((f, i) => recallAtK(f, truth[i]!, k, -Infinity))),
      speedup: exactSummary.p50 / latency.p50,
    });
  }
  index.setEf(config.hnsw.ef);

  const denseInHybrid = await timeEach(questions, async (q) => index.searchDense(await index.embedQuery(q), config.retrieval.denseK));
  const keyword = await timeEach(questions, (q) => index.searchKeyword(q, config.retrieval.keywordK));
  const hybrid = await timeEach(questions, (q) => retrieve(index, q, config.retrieval));
  const ask = await timeEach(questions, (q) => pipeline.ask(q, { history: [] }));
  return {
    queries: questions.length,
    embedQuery: summarize(embedQuery),
    exact: exactSummary,
    dense,
    denseInHybrid: summarize(denseInHybrid),
    keyword: summarize(keyword),
    hybrid: summarize(hybrid),
    ask: summarize(ask),
  };
}

async function measureEndToEnd(
  pipeline: Pipeline,
  settings: Readonly<Record<string, string>>,
  questions: readonly string[],
  workload: Workload,
): Promise<EndToEndResult> {
  const server = await startBotApiServer(BOT_TOKEN);
  const config = parseConfig({
    ...settings,
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: server.apiRoot,
    RATE_LIMIT_PER_MINUTE: "10000",
  });
  const logger = createLogger("warn", [BOT_TOKEN], { pretty: false });
  const app = createBot(BOT_TOKEN, { config, logger, ask: pipeline.ask, library: libraryFromIndex(() => pipeline.index()) });
  const running = await startPolling(app, logger);
  try {
    const headOfLine = await measureHeadOfLine(server, questions[0]!, workload.retryAfterSeconds);
    const direct = await timeEach(questions, (q) => pipeline.ask(q, { history: [] }));
    await askSequentially(server, questions.slice(0, 5), { firstChatId: 900_000, timeoutMs: 60_000 }); // warm-up
    const latency = await askSequentially(server, questions, { firstChatId: 1_000_000, timeoutMs: 60_000 });
    const concurrent = await askConcurrently(server, questions, {
      chats: workload.chats,
      perChat: workload.perChat,
      firstChatId: 2_000_000,
      timeoutMs: CONCURRENT_TIMEOUT_MS,
    });
    return {
      questions: questions.length,
      latency: summarize(latency),
      direct: summarize(direct),
      concurrent: {
        chats: concurrent.chats,
        perChat: concurrent.perChat,
        delivery: concurrent.delivery,
        timeoutMs: CONCURRENT_TIMEOUT_MS,
        wallMs: concurrent.wallMs,
        throughput: concurrent.throughput,
        latency: summarize(concurrent.latencies),
        redelivered: server.redelivered,
      },
      headOfLine,
    };
  } finally {
    await running.stop();
    await server.close();
  }
}

/**
 * Head-of-line blocking: 8 chats (as many as the bot answers at once) ask, and each answer gets a 429
 * with `retry_after`; once all 8 are refused, a 9th chat asks and its answer is timed. Then the held
 * answers are awaited, to check none was lost.
 */
async function measureHeadOfLine(server: BotApiServer, question: string, retryAfterSeconds: number): Promise<HeadOfLineResult> {
  const held = 8;
  const heldChats = Array.from({ length: held }, (_, i) => 3_000_000 + i);
  for (const chatId of heldChats) server.floodChat(chatId, retryAfterSeconds);
  const before = server.refusals;
  const heldQuestions = heldChats.map((chatId) => server.pushQuestion(chatId, question));
  const deadline = performance.now() + 60_000;
  while (server.refusals - before < held && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  const pushed = server.pushQuestion(3_100_000, question);
  const reply = await server.waitForReply(pushed.messageId, 60_000);
  const firstHeld = server.sent.find((m) => m.replyTo !== undefined && heldQuestions.some((q) => q.messageId === m.replyTo));
  const delivered = await Promise.allSettled(heldQuestions.map((q) => server.waitForReply(q.messageId, (retryAfterSeconds + 30) * 1000)));
  return {
    held,
    retryAfterSeconds,
    latencyMs: reply.at - pushed.at,
    beforeHeld: firstHeld === undefined || firstHeld.at > reply.at,
    heldDelivered: delivered.filter((d) => d.status === "fulfilled").length,
  };
}

async function measureColdStart(
  settings: Readonly<Record<string, string>>,
  config: Config,
  question: string,
  runs: number,
  env: NodeJS.ProcessEnv,
): Promise<ColdStartResult> {
  if (!(await stat(COLD_START_SCRIPT).catch(() => undefined))) {
    throw new Error(`${COLD_START_SCRIPT} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  }
  const bare: { ms: number; rss: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const out = await spawnForLine(process.execPath, ["-e", "process.stdout.write(process.memoryUsage().rss + '\\n')"], env);
    bare.push({ ms: out.at - started, rss: Number(out.line) });
  }
  const ms: number[] = [];
  const children: ChildReport[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = await spawnForLine(process.execPath, [COLD_START_SCRIPT, JSON.stringify(settings), question], env);
    ms.push(out.at - started);
    children.push(JSON.parse(out.line) as ChildReport);
  }
  const middle = children[Math.floor(children.length / 2)]!;
  const median = summarize(ms).p50;
  let coldCache: ColdStartResult["coldCache"];
  const drop = await dropPageCache();
  if (drop.dropped) {
    const started = performance.now();
    const out = await spawnForLine(process.execPath, [COLD_START_SCRIPT, JSON.stringify(settings), question], env);
    const child = JSON.parse(out.line) as ChildReport;
    coldCache = { ms: out.at - started, phases: { importedMs: child.importedMs, openedMs: child.openedMs, answeredMs: child.answeredMs } };
  } else {
    coldCache = { skipped: drop.reason };
  }
  return {
    runs,
    ms,
    median,
    bareNodeMs: summarize(bare.map((b) => b.ms)).p50,
    phases: {
      importedMs: summarize(children.map((c) => c.importedMs)).p50,
      openedMs: summarize(children.map((c) => c.openedMs)).p50,
      answeredMs: summarize(children.map((c) => c.answeredMs)).p50,
    },
    rssBytes: middle.rss,
    heapUsedBytes: middle.heapUsed,
    bareNodeRssBytes: summarize(bare.map((b) => b.rss)).p50,
    openBreakdownMs: await openBreakdown(config),
    coldCache,
  };
}

interface ChildReport {
  readonly importedMs: number;
  readonly openedMs: number;
  readonly answeredMs: number;
  readonly rss: number;
  readonly heapUsed: number;
}

/** Times the pieces `openIndex` loads, one by one, to show where a slow cold start goes. */
async function openBreakdown(config: Config): Promise<Record<string, number>> {
  const dir = config.indexDir;
  const out: Record<string, number> = {};
  const time = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    out[name] = performance.now() - started;
  };
  await time("manifest.json read+parse", () => readManifest(dir));
  let sentences = 0;
  await time("chunks.bin read+decode", async () => {
    sentences = decodeChunkStore(await readFile(path.join(dir, "chunks.bin"))).sentences.count;
  });
  await time("sentences.bin read+decode", async () => decodeAnalysis(await readFile(path.join(dir, "sentences.bin")), sentences));
  await time("facts.bin read+decode", async () => decodeFacts(await readFile(path.join(dir, "facts.bin")), sentences));
  await time("vectors.hnsw readIndex", async () => {
    const manifest = await readManifest(dir);
    const hnsw = new HierarchicalNSW("cosine", manifest.embedder.dimension);
    await hnsw.readIndex(path.join(dir, "vectors.hnsw"));
  });
  await time("keywords.bm25 read+load", async () => loadKeywordIndex(await readFile(path.join(dir, "keywords.bm25"))));
  await time("embedder.bin read+loadState", async () => {
    const state = await readFile(path.join(dir, "embedder.bin")).catch(() => undefined);
    if (state) createEmbeddings(config).loadState?.(state);
  });
  return out;
}

/**
 * Spawns a process and returns the first line of its stdout with when it arrived; resolves only once
 * the process has exited, so consecutive runs never overlap. Rejects if it exits without a line.
 */
function spawnForLine(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ line: string; at: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], cwd: process.cwd(), env });
    let stdout = "";
    let stderr = "";
    let first: { line: string; at: number } | undefined;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (data: string) => {
      stdout += data;
      const newline = stdout.indexOf("\n");
      if (newline >= 0 && first === undefined) first = { line: stdout.slice(0, newline), at: performance.now() };
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (data: string) => {
      stderr += data;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (first !== undefined) resolve(first);
      else reject(new Error(`${path.basename(command)} exited with ${code} before printing: ${stderr.slice(-2000)}`));
    });
  });
}
