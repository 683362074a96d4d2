import type { Config } from "../config.js";
import { analyze } from "../ingest/keyword.js";
import type { LoadedIndex } from "../ingest/store.js";
import type { Logger } from "../log.js";
import { openLexicon, type Lexicon } from "../lexicon/index.js";
import { createAsk, prepareIndex, type AskSettings } from "../query/answer.js";
import { MAX_ANSWER_TOKENS, type ChatModel } from "../query/llm.js";
import { libraryFromIndex, type Library } from "../telegram/library.js";
import type { Ask } from "../types.js";
import { openOrBuildIndex, updateIndex } from "./indexing.js";

/**
 * The assembled question-answering pipeline that the bot and the command-line tools share: the index,
 * the optional chat model, and the `ask` function. The only place that constructs `ChatOpenAI`.
 */

export interface Pipeline {
  /** Answers with whatever index is current when the question arrives. */
  readonly ask: Ask;
  /** The index in use now. */
  index(): LoadedIndex;
  /**
   * Opens the index on disk again (after `npm run index` or `/reindex`) and swaps it in. Questions already
   * being answered finish on the index they started with.
   */
  reload(): Promise<LoadedIndex>;
  /** The lexicon it answers with, its tables read; a rebuild describes the sentences with it too. */
  readonly lexicon: Lexicon;
}

/** The answering settings of a {@link Config}. */
export function askSettings(config: Config): AskSettings {
  return {
    retrieval: config.retrieval,
    minCoverage: config.answer.minCoverage,
    maxQuestionChars: config.telegram.maxQuestionChars,
    llmTimeoutMs: config.answer.llmTimeoutMs,
  };
}

/**
 * The chat model for LLM mode: `ChatOpenAI` with the configured model, a bounded retry and the
 * configured timeout. `OPENAI_BASE_URL` points it at any OpenAI-compatible server.
 */
export async function createChatModel(config: Config): Promise<ChatModel> {
  // Loaded only in LLM mode: @langchain/openai costs about half a second of every start.
  const { ChatOpenAI } = await import("@langchain/openai");
  return new ChatOpenAI({
    model: config.openai.chatModel,
    temperature: config.answer.temperature,
    apiKey: config.openai.apiKey ?? "not-needed",
    configuration: config.openai.baseURL ? { baseURL: config.openai.baseURL } : undefined,
    // No `streaming: true`: with it, `invoke` estimates token usage with tiktoken, which downloads its
    // encoder from the internet. Answers stream through `.stream()` regardless.
    maxRetries: 1,
    // An answer is a few sentences; a cap keeps a runaway model from filling many messages.
    maxTokens: MAX_ANSWER_TOKENS,
    timeout: config.answer.llmTimeoutMs,
  });
}

/**
 * Opens (or first builds) the index and assembles `ask`: extractive when `config.answer.mode` is
 * "extractive", with the chat model otherwise. `options.chatModel` replaces `ChatOpenAI` in tests;
 * `options.lexicon` the compiled lexicon (eval switches resources off with it).
 *
 * @example
 * const pipeline = await createPipeline(config, logger);
 * const answer = await pipeline.ask("Wer ist der Präsident Kasachstans?", { history: [] });
 */
export async function createPipeline(
  config: Config,
  logger: Logger,
  options: { chatModel?: ChatModel; lexicon?: Lexicon } = {},
): Promise<Pipeline> {
  const lexicon = options.lexicon ?? openLexicon();
  // Its tables are decompressed on the thread pool while the index opens, not on the first questions.
  const loading = lexicon.load?.();
  let current = await openOrBuildIndex(config, logger, lexicon);
  await loading;
  prepared(current, prepareIndex(current, analyze, lexicon), logger);
  const llm = config.answer.mode === "llm" ? (options.chatModel ?? (await createChatModel(config))) : undefined;
  const ask = createAsk({
    lexicon,
    index: () => current,
    analyze,
    settings: askSettings(config),
    llm,
    secrets: [config.openai.apiKey, config.openai.baseURL].filter((s): s is string => typeof s === "string"),
    logger,
  });
  return {
    ask,
    lexicon,
    index: () => current,
    reload: async () => {
      const next = await openOrBuildIndex(config, logger, lexicon);
      prepared(next, prepareIndex(next, analyze, lexicon), logger); // before the swap, so the first question on the new index does not pay for it
      current = next;
      logger.info({ buildId: current.manifest.buildId, chunks: current.chunks.length }, "index reloaded");
      return current;
    },
  };
}

/**
 * The bot's view of the pipeline's index. `/reindex` runs the same incremental build as
 * `npm run index` and swaps the result in; questions in flight keep the index they started with.
 */
export function pipelineLibrary(config: Config, logger: Logger, pipeline: Pipeline): Library {
  return libraryFromIndex(() => pipeline.index(), {
    reindex: async () => {
      const summary = await updateIndex(config, logger, { lexicon: pipeline.lexicon });
      const index = await pipeline.reload();
      return `+${summary.added} ~${summary.updated} −${summary.removed} · ${index.docs.length} docs, ${index.chunks.length} chunks`;
    },
  });
}

/**
 * Says when an index's stored sentence facts are not used: answers are the same, but each sentence's
 * facts are worked out when a question first touches it, which slows first answers on a large index.
 * An index built before facts were stored needs `npm run index`; facts of another lexicon (a switched-off
 * resource in eval, or a lexicon compiled since) are expected to differ.
 */
function prepared(index: LoadedIndex, { factsStored }: { readonly factsStored: boolean }, logger: Logger): void {
  if (factsStored) return;
  if (index.facts === undefined) {
    logger.warn(`the index at ${index.dir} stores no sentence facts: first answers work them out and are slower until you run npm run index`);
  } else {
    logger.info("the index's sentence facts were made with another lexicon or citebot version: answers work them out (npm run index stores this one's)");
  }
}
