import { z } from "zod";

/**
 * All of citebot's settings, parsed once at the edge. Nothing below `cli/` reads `process.env`;
 * stages receive the parts of {@link Config} they need. Every setting is documented, with its
 * default, in `.env.example`.
 */

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional())
  .optional();
const idList = z
  .string()
  .trim()
  .default("")
  .transform((s, ctx) => {
    const ids: number[] = [];
    for (const part of s.split(/[\s,]+/).filter(Boolean)) {
      const id = Number(part);
      if (!Number.isSafeInteger(id)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a numeric Telegram ID` });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });
/**
 * A bot token is `<bot id>:<secret>` (BotFather shows e.g. `123456789:AAE…`). Checking its shape here
 * turns a pasted fragment or a stray quote into a clear message before any request to the Bot API.
 */
const botToken = optionalString.pipe(
  z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, { error: "must look like 123456789:AAE… (the bot's ID, a colon, then letters, digits, _ or -), as BotFather gives it" })
    .optional(),
);
/** Settings whose value is never printed, not even in a configuration error. */
const SECRET_SETTINGS = new Set(["TELEGRAM_BOT_TOKEN", "OPENAI_API_KEY", "WEBHOOK_SECRET"]);
const EnvSchema = z.object({
  SEEDS_DIR: z.string().trim().min(1).default("seeds"),
  INDEX_DIR: z.string().trim().min(1).default("index"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  // Chunking
  CHUNK_SENTENCES: int(1, 50).default(4),
  CHUNK_OVERLAP: int(0, 49).default(1),

  // Embeddings and vector store
  EMBEDDINGS: z.enum(["auto", "local", "openai"]).default("auto"),
  LOCAL_EMBEDDING_DIM: int(64, 8192).default(512),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default("text-embedding-3-small"),
  OPENAI_CHAT_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  EMBED_BATCH_SIZE: int(1, 2048).default(128),
  HNSW_M: int(4, 128).default(32),
  HNSW_EF_CONSTRUCTION: int(10, 2000).default(200),
  HNSW_EF: int(1, 5000).default(256),

  // Retrieval and answering
  ANSWER_MODE: z.enum(["auto", "extractive", "llm"]).default("auto"),
  LLM_TIMEOUT_MS: int(100, 600_000).default(30_000),
  LLM_TEMPERATURE: num(0, 2).default(0),
  RELEVANCE_MIN_COVERAGE: num(0, 1).default(0.2),
  RETRIEVE_K: int(1, 50).default(6),
  DENSE_K: int(1, 500).default(30),
  KEYWORD_K: int(1, 500).default(30),
  RRF_K: int(1, 1000).default(60),
  DENSE_WEIGHT: num(0, 10).default(1),
  KEYWORD_WEIGHT: num(0, 10).default(1),

  // Telegram
  TELEGRAM_BOT_TOKEN: botToken,
  TELEGRAM_API_ROOT: optionalUrl,
  WEBHOOK_URL: optionalUrl,
  WEBHOOK_PORT: int(1, 65535).default(8080),
  WEBHOOK_HOST: z.string().trim().min(1).default("0.0.0.0"),
  WEBHOOK_SECRET: optionalString,
  ALLOWED_CHAT_IDS: idList,
  ADMIN_USER_IDS: idList,
  RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(10),
  MAX_QUESTION_CHARS: int(10, 4000).default(1000),
  MEMORY_TTL_MINUTES: int(0, 24 * 60).default(30),
  TELEGRAM_GLOBAL_PER_SECOND: int(1, 1000).default(30),
  TELEGRAM_GROUP_PER_MINUTE: int(1, 1000).default(20),
  TELEGRAM_CHAT_INTERVAL_MS: int(0, 60_000).default(1000),
});

export type Env = z.input<typeof EnvSchema>;

/** The names of all settings, e.g. to check that `.env.example` documents each of them. */
export const SETTING_NAMES: readonly string[] = Object.keys(EnvSchema.shape);

/** The parsed settings. */
export interface Config {
  readonly seedsDir: string;
  readonly indexDir: string;
  readonly logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  readonly chunking: { readonly sentences: number; readonly overlap: number };
  readonly embeddings:
    | { readonly kind: "local"; readonly dimension: number }
    | { readonly kind: "openai"; readonly model: string; readonly batchSize: number };
  readonly openai: { readonly apiKey?: string; readonly baseURL?: string; readonly chatModel: string };
  readonly hnsw: { readonly m: number; readonly efConstruction: number; readonly ef: number };
  readonly answer: {
    readonly mode: "extractive" | "llm";
    readonly llmTimeoutMs: number;
    readonly temperature: number;
    /** Relevance gate: share of the question's weighted terms the quoted evidence must cover. */
    readonly minCoverage: number;
  };
  readonly retrieval: {
    readonly k: number;
    readonly denseK: number;
    readonly keywordK: number;
    readonly rrfK: number;
    readonly denseWeight: number;
    readonly keywordWeight: number;
  };
  readonly telegram: {
    readonly token?: string;
    readonly apiRoot?: string;
    readonly webhook?: { readonly url: string; readonly port: number; readonly host: string; readonly secret?: string };
    readonly allowedChatIds: readonly number[];
    readonly adminUserIds: readonly number[];
    readonly rateLimitPerMinute: number;
    readonly maxQuestionChars: number;
    readonly memoryTtlMs: number;
    /** Telegram's send limits, which the outgoing queue keeps to. */
    readonly limits: { readonly globalPerSecond: number; readonly groupPerMinute: number; readonly chatIntervalMs: number };
  };
}

/** A setting with a wrong value; the message names the variable and what is allowed. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses an environment (e.g. `process.env`) into a {@link Config}. Pure: it reads only its argument,
 * so tests pass plain objects. Throws {@link ConfigError} naming every bad variable.
 *
 * @example
 * const config = parseConfig({ EMBEDDINGS: "local", HNSW_EF: "100" });
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const value = SECRET_SETTINGS.has(name) ? "(hidden)" : JSON.stringify(env[name] ?? "");
      return `  ${name}=${value}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every setting.`, {
      cause: result.error,
    });
  }
  const e = result.data;
  if (e.CHUNK_OVERLAP >= e.CHUNK_SENTENCES) {
    throw new ConfigError(
      `Invalid configuration:\n  CHUNK_OVERLAP=${e.CHUNK_OVERLAP}: must be smaller than CHUNK_SENTENCES (${e.CHUNK_SENTENCES})`,
    );
  }
  const llmConfigured = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  if (e.ANSWER_MODE === "llm" && !llmConfigured) {
    throw new ConfigError(
      "Invalid configuration:\n  ANSWER_MODE=llm: needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible server)",
    );
  }
  if (e.EMBEDDINGS === "openai" && !llmConfigured) {
    throw new ConfigError(
      "Invalid configuration:\n  EMBEDDINGS=openai: needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible server)",
    );
  }
  const embeddingsKind = e.EMBEDDINGS === "auto" ? (e.OPENAI_API_KEY ? "openai" : "local") : e.EMBEDDINGS;
  return {
    seedsDir: e.SEEDS_DIR,
    indexDir: e.INDEX_DIR,
    logLevel: e.LOG_LEVEL,
    chunking: { sentences: e.CHUNK_SENTENCES, overlap: e.CHUNK_OVERLAP },
    embeddings:
      embeddingsKind === "local"
        ? { kind: "local", dimension: e.LOCAL_EMBEDDING_DIM }
        : { kind: "openai", model: e.OPENAI_EMBEDDING_MODEL, batchSize: e.EMBED_BATCH_SIZE },
    openai: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, chatModel: e.OPENAI_CHAT_MODEL },
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, ef: e.HNSW_EF },
    answer: {
      mode: e.ANSWER_MODE === "auto" ? (llmConfigured ? "llm" : "extractive") : e.ANSWER_MODE,
      llmTimeoutMs: e.LLM_TIMEOUT_MS,
      temperature: e.LLM_TEMPERATURE,
      minCoverage: e.RELEVANCE_MIN_COVERAGE,
    },
    retrieval: {
      k: e.RETRIEVE_K,
      denseK: e.DENSE_K,
      keywordK: e.KEYWORD_K,
      rrfK: e.RRF_K,
      denseWeight: e.DENSE_WEIGHT,
      keywordWeight: e.KEYWORD_WEIGHT,
    },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhook: e.WEBHOOK_URL
        ? { url: e.WEBHOOK_URL, port: e.WEBHOOK_PORT, host: e.WEBHOOK_HOST, secret: e.WEBHOOK_SECRET }
        : undefined,
      allowedChatIds: e.ALLOWED_CHAT_IDS,
      adminUserIds: e.ADMIN_USER_IDS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      maxQuestionChars: e.MAX_QUESTION_CHARS,
      memoryTtlMs: e.MEMORY_TTL_MINUTES * 60_000,
      limits: {
        globalPerSecond: e.TELEGRAM_GLOBAL_PER_SECOND,
        groupPerMinute: e.TELEGRAM_GROUP_PER_MINUTE,
        chatIntervalMs: e.TELEGRAM_CHAT_INTERVAL_MS,
      },
    },
  };
}
