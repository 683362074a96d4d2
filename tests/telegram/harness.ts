import { cp, mkdtemp, rm } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { parseConfig, type Config } from "../../src/config.js";
import type { Logger } from "../../src/log.js";
import { createPipeline, pipelineLibrary, type Pipeline } from "../../src/app/pipeline.js";
import type { LoadedIndex } from "../../src/ingest/store.js";
import { createBot, type CitebotBot } from "../../src/telegram/bot.js";
import type { Library } from "../../src/telegram/library.js";
import { startPolling, type RunningBot } from "../../src/telegram/run.js";
import type { Answer, Ask, Citation } from "../../src/types.js";
import { BotApiServer, type Chat, type User } from "../helpers/bot-api-server.js";

/** Shared people and chats of the end-to-end tests. */
export const alice: User = { id: 111, is_bot: false, first_name: "Alice", language_code: "de" };
export const bob: User = { id: 222, is_bot: false, first_name: "Bob", language_code: "en" };
export const otherBot: User = { id: 333, is_bot: true, first_name: "Other", username: "other_helper_bot" };
export const privateChat = (user: User): Chat => ({ id: user.id, type: "private", first_name: user.first_name });
export const group: Chat = { id: -100_111_222, type: "supergroup", title: "Newsroom" };

export const REPO = path.resolve(import.meta.dirname, "../..");

/** Logs captured as JSON lines (unmasked: the bot itself must never log its token). */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString("utf8"));
      callback();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

/**
 * The real pipeline over a copy of the real seeds, with its index built into a temp folder by the same
 * functions `npm start` uses, and the library the bot gets from it (including `/reindex`).
 */
export async function realPipeline(env: Record<string, string> = {}): Promise<{
  pipeline: Pipeline;
  library: Library;
  config: Config;
  seedsDir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), "citebot-tg-"));
  const seedsDir = path.join(dir, "seeds");
  await cp(path.join(REPO, "seeds"), seedsDir, { recursive: true });
  const config = parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: path.join(dir, "index"), EMBEDDINGS: "local", ANSWER_MODE: "extractive", ...env });
  const { logger } = captureLogger();
  const pipeline = await createPipeline(config, logger);
  return {
    pipeline,
    library: pipelineLibrary(config, logger, pipeline),
    config,
    seedsDir,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Every sentence of the index with its absolute offsets and text (`text === file.slice(start, end)`). */
export function sentencesOf(index: LoadedIndex): { source: string; start: number; end: number; text: string }[] {
  const seen = new Set<string>();
  const out: { source: string; start: number; end: number; text: string }[] = [];
  for (const chunk of index.chunks) {
    for (const s of chunk.sentences) {
      const key = `${chunk.source}:${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ source: chunk.source, start: s.start, end: s.end, text: chunk.text.slice(s.start - chunk.start, s.end - chunk.start) });
    }
  }
  return out;
}

/** An answer quoting the given sentences as [1], [2], … with real offsets. */
export function answerQuoting(
  index: LoadedIndex,
  quotes: readonly { source: string; start: number; end: number; text: string }[],
  language: "de" | "en" = "de",
  prefix = "",
): Answer {
  const citations: Citation[] = quotes.map((q, i) => {
    const doc = index.docs.find((d) => d.source === q.source)!;
    return { n: i + 1, source: q.source, title: doc.title, date: doc.date, quote: q.text, start: q.start, end: q.end };
  });
  const text = prefix + citations.map((c) => `«${c.quote}» [${c.n}]`).join(" ");
  return { kind: "answered", text, citations, language, mode: "extractive" };
}

export interface Harness {
  readonly api: BotApiServer;
  readonly app: CitebotBot;
  readonly running: RunningBot;
  readonly config: Config;
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts a Bot API server on 127.0.0.1 and the real bot against it (long polling, as `npm start`). */
export async function startHarness(options: {
  ask: Ask;
  library: Library;
  env?: Record<string, string>;
  streamIntervalMs?: number;
  api?: BotApiServer;
}): Promise<Harness> {
  const api = options.api ?? (await BotApiServer.start());
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...options.env });
  const { logger, lines } = captureLogger();
  const app = createBot(api.token, {
    config,
    logger,
    ask: options.ask,
    library: options.library,
    streamIntervalMs: options.streamIntervalMs,
  });
  const running = await startPolling(app, logger);
  return {
    api,
    app,
    running,
    config,
    logs: lines,
    stop: async () => {
      await running.stop();
      await api.close();
    },
  };
}

/** The seed question every end-to-end file asks, and the sentence that answers it. */
export const SEED_QUESTION = "Wie lange soll die Rückverlegung der Soldaten dauern?";
export const SEED_QUOTE = "Die Rückverlegung der Soldaten aus Russland, Belarus, Armenien, Tadschikistan und Kirgistan soll zehn Tage dauern.";

export type RealPipeline = Awaited<ReturnType<typeof realPipeline>>;

/**
 * The hooks every end-to-end file repeats: one real pipeline for the file, and each harness a test
 * starts stopped after it (with any other clean-ups, last first), its logs checked for the token.
 */
type HarnessOptions = Parameters<typeof startHarness>[0];

export interface E2eSuite {
  readonly real: RealPipeline;
  /** Starts the real bot; the real pipeline's `ask` and library unless given. */
  start(options?: Partial<HarnessOptions>): Promise<Harness>;
  afterTest(cleanup: () => Promise<void>): void;
}

export function e2eSuite(): E2eSuite {
  let real: RealPipeline | undefined;
  const started: Harness[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    real = await realPipeline();
  });
  afterAll(async () => {
    await real?.cleanup();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const h of started.splice(0)) {
      await h.stop();
      expect(h.logs.join("")).not.toContain(h.api.token.split(":")[1]);
    }
  });
  const suite: E2eSuite = {
    get real(): RealPipeline {
      if (real === undefined) throw new Error("the real pipeline is made in beforeAll");
      return real;
    },
    async start(options: Partial<HarnessOptions> = {}): Promise<Harness> {
      const harness = await startHarness({ ...options, ask: options.ask ?? suite.real.pipeline.ask, library: options.library ?? suite.real.library });
      started.push(harness);
      return harness;
    },
    afterTest(cleanup: () => Promise<void>) {
      cleanups.push(cleanup);
    },
  };
  return suite;
}
