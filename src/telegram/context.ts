import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Ask } from "../types.js";
import type { Library } from "./library.js";
import type { ConversationMemory } from "./memory.js";
import type { Outbox } from "./outbox.js";
import type { DraftSupport } from "./reply.js";

/** Counters for /stats, kept by the bot itself. */
export interface BotStats {
  readonly startedAt: number;
  questions: number;
  answered: number;
  refused: number;
  failed: number;
}

/** What every feature composer receives: the injected pipeline plus the bot's own small state. */
export interface Services {
  readonly settings: Config["telegram"];
  readonly logger: Logger;
  readonly ask: Ask;
  readonly library: Library;
  readonly memory: ConversationMemory;
  readonly stats: BotStats;
  /** Minimum time between two updates of a streamed answer, per chat. */
  readonly streamIntervalMs: number;
  /** Whether the Bot API server accepts `sendMessageDraft` (learned on first use). */
  readonly drafts: DraftSupport;
  /** Outgoing messages, queued per chat; handlers hand sends to it and return (see {@link Outbox}). */
  readonly outbox: Outbox;
  readonly now: () => number;
}
