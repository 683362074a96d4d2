import type { BotApiServer, PushedQuestion, SentMessage } from "./bot-api.js";

/**
 * Drives a running bot through the Bot API server the way users would: one question after another
 * (for latency), or many chats asking at once (for throughput), and checks that every question got
 * exactly one answer, in order within its chat. The bot itself is not touched; only HTTP sees it.
 */

/** Exactly-once delivery, checked from what the server saw. */
export interface DeliveryCheck {
  readonly questions: number;
  readonly answered: number;
  /** Questions with no reply at all. */
  readonly lost: number;
  /** Questions with more than one reply. */
  readonly duplicated: number;
  /** Chats whose replies came in another order than their questions. */
  readonly outOfOrder: number;
}

/**
 * Matches replies to questions by `reply_parameters.message_id` (the bot replies to each question's
 * message) and counts lost, duplicated and out-of-order answers. Only `sendMessage` replies count; the
 * later parts of a split answer carry no reply reference and so never look like duplicates. Pure.
 *
 * @example
 * checkDelivery([q1, q2], server.sent) // { questions: 2, answered: 2, lost: 0, duplicated: 0, outOfOrder: 0 }
 */
export function checkDelivery(questions: readonly PushedQuestion[], sent: readonly SentMessage[]): DeliveryCheck {
  const replies = new Map<number, SentMessage[]>();
  for (const message of sent) {
    if (message.method !== "sendMessage" || message.replyTo === undefined) continue;
    const list = replies.get(message.replyTo);
    if (list) list.push(message);
    else replies.set(message.replyTo, [message]);
  }
  let answered = 0;
  let lost = 0;
  let duplicated = 0;
  const byChat = new Map<number, { pushed: number; replied: number }[]>();
  for (const question of questions) {
    const list = replies.get(question.messageId) ?? [];
    if (list.length === 0) lost++;
    else answered++;
    if (list.length > 1) duplicated++;
    const first = list[0];
    if (first) {
      const chat = byChat.get(question.chatId) ?? [];
      chat.push({ pushed: question.updateId, replied: first.at });
      byChat.set(question.chatId, chat);
    }
  }
  let outOfOrder = 0;
  for (const chat of byChat.values()) {
    const byQuestion = [...chat].sort((a, b) => a.pushed - b.pushed);
    if (byQuestion.some((entry, i) => i > 0 && entry.replied < byQuestion[i - 1]!.replied)) outOfOrder++;
  }
  return { questions: questions.length, answered, lost, duplicated, outOfOrder };
}

/**
 * Asks `questions` one at a time, each from a new private chat (so no rate limit or follow-up memory
 * interferes), and returns the time from the update becoming available to the reply reaching the
 * server, in milliseconds.
 */
export async function askSequentially(
  server: BotApiServer,
  questions: readonly string[],
  options: { firstChatId: number; timeoutMs: number },
): Promise<number[]> {
  const latencies: number[] = [];
  for (const [i, text] of questions.entries()) {
    const pushed = server.pushQuestion(options.firstChatId + i, text);
    const reply = await server.waitForReply(pushed.messageId, options.timeoutMs);
    latencies.push(reply.at - pushed.at);
  }
  return latencies;
}

export interface ConcurrentResult {
  readonly chats: number;
  readonly perChat: number;
  readonly delivery: DeliveryCheck;
  /** From the first question pushed to the last reply (or the timeout). */
  readonly wallMs: number;
  /** Answered questions per second over `wallMs`. */
  readonly throughput: number;
  /** Per-question latency of the answered questions, in milliseconds. */
  readonly latencies: readonly number[];
}

/**
 * `chats` private chats each send `perChat` questions at the same moment (all updates are queued
 * before the bot's next getUpdates returns). Waits until every question has a reply or `timeoutMs`
 * passes, then lingers `settleMs` so that late duplicates would still be seen, and checks delivery.
 */
export async function askConcurrently(
  server: BotApiServer,
  questions: readonly string[],
  options: { chats: number; perChat: number; firstChatId: number; timeoutMs: number; settleMs?: number },
): Promise<ConcurrentResult> {
  const pushed: PushedQuestion[] = [];
  for (let round = 0; round < options.perChat; round++) {
    for (let chat = 0; chat < options.chats; chat++) {
      const text = questions[(round * options.chats + chat) % questions.length]!;
      pushed.push(server.pushQuestion(options.firstChatId + chat, text));
    }
  }
  const started = pushed[0]?.at ?? performance.now();
  const replies = await Promise.allSettled(pushed.map((q) => server.waitForReply(q.messageId, options.timeoutMs)));
  const answeredReplies = replies.flatMap((r, i) => (r.status === "fulfilled" ? [{ reply: r.value, question: pushed[i]! }] : []));
  const last = Math.max(started, ...answeredReplies.map((r) => r.reply.at));
  await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 500));
  const delivery = checkDelivery(pushed, server.sent);
  const wallMs = last - started;
  return {
    chats: options.chats,
    perChat: options.perChat,
    delivery,
    wallMs,
    throughput: wallMs > 0 ? (delivery.answered / wallMs) * 1000 : Number.NaN,
    latencies: answeredReplies.map((r) => r.reply.at - r.question.at),
  };
}
