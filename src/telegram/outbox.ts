import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Transformer } from "grammy";
import type { Logger } from "../log.js";
import { describe } from "./errors.js";

/**
 * Outgoing messages, one queue per chat. A handler hands its sends to {@link Outbox.send} and returns
 * at once, so an update never holds one of the polling slots while Telegram makes a chat wait (a 429
 * with `retry_after` is waited out inside the send, by auto-retry, behind the throttler). Sends to one
 * chat go out in the order they were queued; other chats do not wait for them.
 *
 * Why a queue of our own beside the throttler: `@grammyjs/transformer-throttler` paces requests to
 * Telegram's limits, but the caller still awaits each request, retries included, so a handler that
 * awaits `sendMessage` would still sleep out a 30 s `retry_after` (grammY's docs on flood limits say
 * the same: with auto-retry any request can be slow, so long waits need a queue).
 */
export class Outbox {
  private readonly chains = new Map<number, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /**
   * Queues `deliver` behind earlier sends to `chatId`. The promise resolves with its result, or with
   * `undefined` when it failed (logged here, never thrown: nobody is left to tell).
   *
   * @example
   * void outbox.send(chat.id, "hint", () => ctx.reply(t.nonText));
   */
  send<T>(chatId: number, what: string, deliver: () => Promise<T>): Promise<T | undefined> {
    const previous = this.chains.get(chatId) ?? Promise.resolve();
    const task = previous.then(deliver).catch((error: unknown) => {
      this.logger.error({ err: describe(error), what }, "a message could not be sent");
      return undefined;
    });
    this.chains.set(chatId, task);
    this.pending.add(task);
    void task.finally(() => {
      this.pending.delete(task);
      if (this.chains.get(chatId) === task) this.chains.delete(chatId);
    });
    return task;
  }

  /** Sends queued or under way. */
  size(): number {
    return this.pending.size;
  }

  /** Resolves once every queued send has finished (at shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

/** Telegram's documented limits, as in {@link Config}`.telegram.limits`. */
export interface SendLimits {
  /** Messages per second over all chats (Telegram: about 30). */
  readonly globalPerSecond: number;
  /** Messages per minute into one group (Telegram: 20). */
  readonly groupPerMinute: number;
  /** Minimum time between two messages to one chat, in ms (Telegram: about 1 s). */
  readonly chatIntervalMs: number;
}

/** The methods that put a message into a chat; chat actions and callback answers are not paced. */
const PACED_METHODS = new Set(["sendMessage", "editMessageText", "sendMessageDraft"]);

/**
 * `@grammyjs/transformer-throttler` configured with {@link SendLimits}, applied to the methods that
 * send messages only: a typing indicator paced like a message would push every answer back a second.
 */
export function sendThrottler(limits: SendLimits): Transformer {
  const throttle = apiThrottler({
    global: {
      reservoir: limits.globalPerSecond,
      reservoirRefreshAmount: limits.globalPerSecond,
      reservoirRefreshInterval: 1000,
    },
    group: {
      maxConcurrent: 1,
      minTime: limits.chatIntervalMs,
      reservoir: limits.groupPerMinute,
      reservoirRefreshAmount: limits.groupPerMinute,
      reservoirRefreshInterval: 60_000,
    },
    out: { maxConcurrent: 1, minTime: limits.chatIntervalMs },
  });
  return (prev, method, payload, signal) =>
    PACED_METHODS.has(method) ? throttle(prev, method, payload, signal) : prev(method, payload, signal);
}
