import type { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../config.js";
import { LocalLexicalEmbeddings, type CitebotEmbeddings } from "../ingest/embed.js";
import {
  buildIndex,
  IndexCorruptError,
  IndexMissingError,
  IndexSchemaError,
  openIndex,
  type BuildSummary,
  type LoadedIndex,
} from "../ingest/store.js";
import { analyze } from "../ingest/keyword.js";
import type { Lexicon } from "../lexicon/index.js";
import type { Logger } from "../log.js";
import { sentenceDescriber } from "../query/answer.js";

/**
 * Constructs the configured embedder. The only place that builds `OpenAIEmbeddings`; everything
 * below takes the `CitebotEmbeddings` interface. `OPENAI_BASE_URL` points it at any OpenAI-compatible
 * server (Ollama, vLLM, llama.cpp); LangChain batches requests and retries failures with backoff.
 */
export function createEmbeddings(config: Config, purpose: "index" | "query" = "index"): CitebotEmbeddings {
  const e = config.embeddings;
  if (e.kind === "local") return new LocalLexicalEmbeddings(e.dimension);
  // Indexing can afford patience; a question cannot: one quick retry, then retrieval goes on with
  // keyword search alone.
  const options = {
    model: e.model,
    batchSize: e.batchSize,
    maxRetries: purpose === "index" ? 6 : 1,
    timeout: purpose === "index" ? 120_000 : Math.min(config.answer.llmTimeoutMs, 10_000),
    apiKey: config.openai.apiKey ?? "not-needed",
    configuration: config.openai.baseURL ? { baseURL: config.openai.baseURL } : undefined,
  };
  // Loaded on first use: @langchain/openai costs about half a second of every start, offline too.
  let client: Promise<OpenAIEmbeddings> | undefined;
  const openai = () => (client ??= import("@langchain/openai").then(({ OpenAIEmbeddings }) => new OpenAIEmbeddings(options)));
  const server = config.openai.baseURL ? new URL(config.openai.baseURL).host : "api.openai.com";
  return {
    id: `openai/${e.model}@${server}`,
    embedDocuments: async (texts) => (await openai()).embedDocuments(texts),
    embedQuery: async (text) => (await openai()).embedQuery(text),
  };
}

/**
 * Build options for the configured index, shared by `npm run index`, `ask`, the bot and `/reindex`.
 * `lexicon`: the one questions are answered with, when the caller has it open (the bot's pipeline), so
 * that a rebuild describes sentences with it instead of reading every table again.
 */
export function buildOptions(config: Config, embeddings: CitebotEmbeddings, lexicon?: Lexicon) {
  return {
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    embeddings,
    chunking: config.chunking,
    hnsw: { m: config.hnsw.m, efConstruction: config.hnsw.efConstruction },
    batchSize: config.embeddings.kind === "openai" ? config.embeddings.batchSize : 256,
    // What reading needs of each sentence, stored so that a question only decodes it (see query/score.ts).
    describer: sentenceDescriber(analyze, lexicon),
  };
}

/**
 * Builds or updates the configured index incrementally, logging skipped seeds as warnings; `rebuild`
 * starts from scratch, for an index whose files are of an older format.
 */
export async function updateIndex(
  config: Config,
  logger: Logger,
  options: { readonly embeddings?: CitebotEmbeddings; readonly rebuild?: boolean; readonly lexicon?: Lexicon } = {},
): Promise<BuildSummary> {
  const { embeddings = createEmbeddings(config), rebuild = false, lexicon } = options;
  return buildIndex({
    ...buildOptions(config, embeddings, lexicon),
    rebuild,
    onWarning: (message) => logger.warn(message),
  });
}

/**
 * Opens the configured index, building it first when it does not exist yet, so `ask` and the bot
 * work on a fresh clone with no separate indexing step. An index of an older format, or a damaged one
 * (a file missing, truncated or not matching its checksum), is rebuilt from the seeds with a warning
 * saying why.
 */
export async function openOrBuildIndex(config: Config, logger: Logger, lexicon?: Lexicon): Promise<LoadedIndex> {
  const embeddings = createEmbeddings(config, "query");
  const options = { embeddings, ef: config.hnsw.ef, onWarning: (message: string) => logger.warn(message) };
  let stale = false;
  try {
    return await openIndex(config.indexDir, options);
  } catch (error) {
    if (error instanceof IndexSchemaError) logger.warn(`${error.message.split(";")[0]}; rebuilding it`);
    else if (error instanceof IndexCorruptError) logger.warn(`${error.message.split(";")[0]}; rebuilding it from the seeds`);
    else if (error instanceof IndexMissingError) logger.info({ seeds: config.seedsDir, index: config.indexDir }, "no index yet; building it");
    else throw error;
    stale = error instanceof IndexSchemaError || error instanceof IndexCorruptError;
  }
  // An index of an older format or a damaged one is rebuilt whole: an incremental update would find
  // every source unchanged and keep its files.
  const summary = await updateIndex(config, logger, { rebuild: stale, ...(lexicon ? { lexicon } : {}) });
  logger.info({ chunks: summary.chunks, ms: summary.ms }, "index built");
  return openIndex(config.indexDir, options);
}
