import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { buildIndex, IndexLockedError, IndexMismatchError, NoSeedsError } from "../ingest/store.js";
import { createLogger } from "../log.js";
import { loadConfig } from "./env.js";
import { buildOptions, createEmbeddings } from "../app/indexing.js";

/**
 * `npm run index -- [--seeds DIR] [--index DIR] [--rebuild] [--json]`
 *
 * Builds or updates index/ from seeds/ incrementally. Logs go to stderr; with --json, stdout gets one
 * line: {added, updated, removed, unchanged, chunks, embedded, ms}.
 */
const HELP = `Usage: npm run index -- [options]

Builds or updates the search index from the seed articles. Unchanged seeds are not embedded again.

Options:
  --seeds DIR   seeds folder (default: SEEDS_DIR or seeds/)
  --index DIR   index folder (default: INDEX_DIR or index/)
  --rebuild     ignore the existing index and embed everything again
  --json        print a one-line JSON summary on stdout
  -h, --help    show this help
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string" },
      index: { type: "string" },
      rebuild: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig({ SEEDS_DIR: values.seeds, INDEX_DIR: values.index });
  const logger = createLogger(config.logLevel, [config.openai.apiKey, config.telegram.token]);
  const embeddings = createEmbeddings(config);
  const progress = createProgress((message) => logger.info(message));
  logger.info({ seeds: config.seedsDir, index: config.indexDir, embedder: embeddings.id }, "indexing");
  try {
    const summary = await buildIndex({
      ...buildOptions(config, embeddings),
      rebuild: values.rebuild,
      onProgress: progress.update,
      onWarning: (message) => {
        progress.interrupt();
        logger.warn(message);
      },
    });
    progress.stop();
    const { added, updated, removed, unchanged, chunks, embedded, ms } = summary;
    logger.info(
      { added, updated, removed, unchanged, chunks, embedded, ms, skipped: summary.skipped.length },
      summary.written ? "index written" : "index up to date; nothing to do",
    );
    if (values.json) process.stdout.write(`${JSON.stringify({ added, updated, removed, unchanged, chunks, embedded, ms })}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof NoSeedsError || error instanceof IndexLockedError || error instanceof IndexMismatchError) {
      logger.error(error.message);
      return 1;
    }
    logger.error({ err: error }, "indexing failed; the previous index was left untouched");
    return 1;
  }
}

/** What each phase of a build counts, and says it did. */
const PHASES = {
  embedding: { unit: "chunks", done: "embedded" },
  describing: { unit: "sentences", done: "described" },
} as const;

type Phase = keyof typeof PHASES;

/** A progress bar per phase with items/s on a terminal; plain log lines (at most every 2 s) otherwise. */
function createProgress(log: (message: string) => void) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: "{phase} [{bar}] {value}/{total} {unit} | {rate} {unit}/s | eta {eta_formatted}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = 0;
    let active: Phase | undefined;
    return {
      update({ phase, done, total }: { phase: Phase; done: number; total: number }) {
        if (total === 0) return;
        if (active !== phase) {
          if (active) bar.stop();
          bar.start(total, 0, { phase, unit: PHASES[phase].unit, rate: "0" });
          started = performance.now();
          active = phase;
        }
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : "…" });
      },
      interrupt() {},
      stop() {
        if (active) bar.stop();
        active = undefined;
      },
    };
  }
  let last = 0;
  let current: { phase: Phase; started: number } | undefined;
  return {
    update({ phase, done, total }: { phase: Phase; done: number; total: number }) {
      const now = performance.now();
      if (current?.phase !== phase) current = { phase, started: now };
      if (total === 0 || (done !== total && done !== 0 && now - last < 2000)) return;
      last = now;
      const rate = done / Math.max((now - current.started) / 1000, 1e-3);
      const { unit, done: verb } = PHASES[phase];
      log(`${verb} ${done}/${total} ${unit} (${rate.toFixed(0)} ${unit}/s)`);
    },
    interrupt() {},
    stop() {},
  };
}

process.exitCode = await main();
