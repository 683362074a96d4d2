import type { Turn } from "../types.js";

/**
 * Short conversation memory for follow-up questions. Two ways in: the conversation a bot message
 * belongs to (so replying to an older answer continues *that* thread), and the latest conversation
 * of a chat (per user in groups), which expires after `ttlMs` of silence. Plain maps with a clock
 * passed in, so tests need no timers.
 */
/** One remembered conversation state (opaque to callers). */
export interface MemoryEntry {
  readonly turns: readonly Turn[];
  readonly at: number;
}

export class ConversationMemory {
  private readonly threads = new Map<string, { turns: readonly Turn[]; at: number }>();
  private readonly latest = new Map<string, { turns: readonly Turn[]; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxTurns = 4,
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** History for a question: the replied-to answer's thread if any, else the chat's recent turns. */
  history(conversation: string, repliedTo?: string): readonly Turn[] {
    if (this.ttlMs === 0) return [];
    if (repliedTo !== undefined) {
      const thread = this.threads.get(repliedTo);
      if (thread !== undefined) return thread.turns;
    }
    const recent = this.latest.get(conversation);
    if (recent === undefined || this.now() - recent.at > this.ttlMs) return [];
    return recent.turns;
  }

  /**
   * Remembers a finished exchange under the conversation and under every message the bot sent for
   * it. Returns the entry, for {@link attach} when the messages are sent later.
   */
  remember(conversation: string, history: readonly Turn[], turn: Turn, botMessages: readonly string[] = []): MemoryEntry | undefined {
    if (this.ttlMs === 0) return undefined;
    const entry = { turns: [...history, turn].slice(-this.maxTurns), at: this.now() };
    this.latest.delete(conversation);
    this.latest.set(conversation, entry);
    this.attach(entry, botMessages);
    return entry;
  }

  /**
   * Files a remembered exchange under the bot's messages once they are sent. The exchange is
   * remembered before its answer goes out, so a follow-up asked meanwhile still has it.
   */
  attach(entry: MemoryEntry | undefined, botMessages: readonly string[]): void {
    if (entry === undefined) return;
    for (const message of botMessages) this.threads.set(message, entry);
    this.prune();
  }

  private prune(): void {
    for (const map of [this.threads, this.latest]) {
      for (const [key, value] of map) {
        if (map.size <= this.maxEntries && this.now() - value.at <= this.ttlMs) break;
        map.delete(key);
      }
    }
  }
}
