import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, type BotError, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Ask } from "../types.js";
import type { BotStats, Services } from "./context.js";
import { describe } from "./errors.js";
import { accessFeature } from "./features/access.js";
import { adminFeature } from "./features/admin.js";
import { askFeature } from "./features/ask.js";
import { citationsFeature } from "./features/citations.js";
import { commandsFeature } from "./features/commands.js";
import { limitFeature } from "./features/limit.js";
import { inlineFeature } from "./features/inline.js";
import { unhandledFeature } from "./features/unhandled.js";
import { pickLanguage, texts } from "./i18n.js";
import type { Library } from "./library.js";
import { ConversationMemory } from "./memory.js";
import { Outbox, sendThrottler } from "./outbox.js";

/** What {@link createBot} needs. Everything is injected; the bot reads no environment and no files. */
export interface BotDependencies {
  readonly config: Config;
  readonly logger: Logger;
  readonly ask: Ask;
  readonly library: Library;
  /** Minimum time between two edits of a streamed answer in one chat (default 1100 ms). */
  readonly streamIntervalMs?: number;
  /** Known bot identity, to skip `getMe` (tests of single updates). */
  readonly botInfo?: UserFromGetMe;
  readonly now?: () => number;
}

/** A created bot with what the runners need to stop it gracefully. */
export interface CitebotBot {
  readonly bot: Bot<Context>;
  readonly stats: BotStats;
  /** The Bot API server it talks to, for messages about reaching it (never with the token). */
  readonly apiRoot: string;
  /** Number of updates being handled, and of messages waiting to be sent, right now. */
  inFlight(): number;
  /** Resolves when no update is being handled and every queued message is sent. */
  idle(): Promise<void>;
  /**
   * Registers the commands in German and English; failures are logged, never thrown. `signal`
   * cancels retries still pending (at stop).
   */
  registerCommands(signal?: AbortSignal): Promise<void>;
}

/** The update types the bot handles, for `getUpdates` and `setWebhook`. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

/**
 * Builds the Telegram bot around an injected `ask` function and {@link Library}. One composer per
 * feature, behind an error boundary; updates of one chat are handled in order. The bot answers
 * 429s by waiting `retry_after` (auto-retry) and logs every failed Bot API call without its token.
 *
 * @example
 * const { bot } = createBot(token, { config, logger, ask, library });
 * await bot.init();
 */
export function createBot(token: string, deps: BotDependencies): CitebotBot {
  const { config, logger } = deps;
  const now = deps.now ?? Date.now;
  const bot = new Bot<Context>(token, {
    botInfo: deps.botInfo,
    client: { apiRoot: config.telegram.apiRoot, timeoutSeconds: 60 },
  });
  const stats: BotStats = { startedAt: now(), questions: 0, answered: 0, refused: 0, failed: 0 };
  const services: Services = {
    settings: config.telegram,
    logger,
    ask: deps.ask,
    library: deps.library,
    memory: new ConversationMemory(config.telegram.memoryTtlMs, 4, 5000, now),
    stats,
    streamIntervalMs: deps.streamIntervalMs ?? 1100,
    drafts: { drafts: undefined },
    outbox: new Outbox(logger),
    now,
  };

  // Transformers installed later run outside earlier ones: every attempt is logged, and retried.
  bot.api.config.use(async (prev, method, payload, signal) => {
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (error) {
      // A failing getMe is reported by the start-up loop, in one line per attempt (run.ts).
      if (!signal?.aborted && method !== "getMe") logger.warn({ method, err: describe(error) }, "Bot API call failed");
      throw error;
    }
    if (!result.ok && method !== "getMe") {
      logger.warn(
        { method, errorCode: result.error_code, description: result.description, retryAfter: result.parameters?.retry_after },
        "Bot API call failed",
      );
    }
    return result;
  });
  // Retries 429s (after retry_after) and 5xx answers. A network error is not retried: the request may
  // have reached Telegram, and sending an answer twice is worse than logging one failed send.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true }));
  // Outermost: messages are paced to Telegram's limits per chat, per group and overall, and a chat
  // waiting out a retry_after holds only its own queue. Handlers never await this (see Outbox).
  bot.api.config.use(sendThrottler(config.telegram.limits));

  const pending = new Set<Promise<unknown>>();
  bot.use(async (_ctx, next) => {
    const task = next();
    pending.add(task);
    try {
      await task;
    } finally {
      pending.delete(task);
    }
  });
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  bot
    .errorBoundary(
      (error) => onFeatureError(error, logger, services.outbox),
      accessFeature(services),
      limitFeature(services),
      commandsFeature(services),
      adminFeature(services),
      citationsFeature(services),
      inlineFeature(services),
      askFeature(services),
      unhandledFeature(services),
    );

  bot.catch((error) => logBotError(error, logger));

  return {
    bot,
    stats,
    apiRoot: config.telegram.apiRoot ?? "https://api.telegram.org",
    inFlight: () => pending.size + services.outbox.size(),
    idle: async () => {
      while (pending.size > 0 || services.outbox.size() > 0) {
        await Promise.allSettled([...pending]);
        await services.outbox.idle();
      }
    },
    registerCommands: async (signal) => {
      for (const language of ["en", "de"] as const) {
        const commands = texts(language).commands;
        const scopes = language === "en" ? ([undefined, "en"] as const) : (["de"] as const);
        for (const languageCode of scopes) {
          if (signal?.aborted === true) return;
          // grammY types its signal with the abort-controller shim; Node's AbortSignal is the same at run time.
          const cancel = signal as Parameters<typeof bot.api.setMyCommands>[2];
          await bot.api.setMyCommands(commands, { language_code: languageCode }, cancel).catch((error: unknown) => {
            logger.warn({ err: describe(error), languageCode }, "setMyCommands failed; commands stay unregistered");
          });
        }
      }
    },
  };
}

/** A feature threw: log it, tell the user in a private chat, and carry on. */
function onFeatureError(error: BotError<Context>, logger: Logger, outbox: Outbox): void {
  logBotError(error, logger);
  const ctx = error.ctx;
  if (ctx.chat?.type !== "private" || ctx.message === undefined) return;
  const t = texts(pickLanguage(ctx.message.text, ctx.from?.language_code));
  void outbox.send(ctx.chat.id, "failure notice", () => ctx.reply(t.failed));
}

function logBotError(error: BotError<Context>, logger: Logger): void {
  const updateId = error.ctx.update.update_id;
  const cause = error.error;
  if (cause instanceof GrammyError) logger.error({ updateId, err: describe(cause) }, "the Bot API refused a request");
  else if (cause instanceof HttpError) logger.error({ updateId, err: describe(cause) }, "could not reach the Bot API");
  else logger.error({ updateId, err: describe(cause) }, "error while handling an update");
}
