import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Telegram Bot API server on 127.0.0.1, for the end-to-end benchmark: the real bot talks real HTTP
 * to it through `TELEGRAM_API_ROOT`, exactly as it would to api.telegram.org, so the measured time
 * includes grammY's request handling, JSON and the socket round trips. It speaks the methods the bot
 * uses (getMe, getUpdates with long polling, sendMessage, editMessageText, sendChatAction,
 * setMyCommands, answerCallbackQuery, …), and records every message the bot sends with a timestamp.
 */

/** A message the bot sent (or edited), with when the server received it (`performance.now()`). */
export interface SentMessage {
  readonly method: string;
  readonly chatId: number;
  readonly messageId: number;
  readonly text: string;
  /** The message this one replies to (`reply_parameters.message_id`). */
  readonly replyTo: number | undefined;
  readonly at: number;
}

/** A question the benchmark put into the update queue. */
export interface PushedQuestion {
  readonly updateId: number;
  readonly chatId: number;
  readonly messageId: number;
  readonly text: string;
  /** When the update became available to getUpdates (`performance.now()`). */
  readonly at: number;
}

export interface BotApiServer {
  /** For grammY's `client.apiRoot` / `TELEGRAM_API_ROOT`, e.g. `http://127.0.0.1:40123`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotInfo;
  /** Queues a private-chat text message from user `chatId` and wakes a waiting getUpdates. */
  pushQuestion(chatId: number, text: string): PushedQuestion;
  /** Resolves with the first message sent in reply to `messageId`, or rejects after `timeoutMs`. */
  waitForReply(messageId: number, timeoutMs: number): Promise<SentMessage>;
  /** Every message the bot sent or edited so far, in order of arrival. */
  readonly sent: readonly SentMessage[];
  /** Calls per Bot API method. */
  readonly calls: ReadonlyMap<string, number>;
  /** Updates that getUpdates handed out more than once (0 when the bot confirms every batch). */
  readonly redelivered: number;
  /**
   * Answers the next `times` sendMessage calls to `chatId` with 429 and `retry_after`, as Telegram
   * does when a chat is flooded; `refusals` counts the 429s given.
   */
  floodChat(chatId: number, retryAfterSeconds: number, times?: number): void;
  readonly refusals: number;
  close(): Promise<void>;
}

export interface BotInfo {
  readonly id: number;
  readonly is_bot: true;
  readonly first_name: string;
  readonly username: string;
  readonly can_join_groups: boolean;
  readonly can_read_all_group_messages: boolean;
  readonly supports_inline_queries: boolean;
  readonly can_connect_to_business: boolean;
  readonly has_main_web_app: boolean;
}

interface Update {
  readonly update_id: number;
  readonly message: Record<string, unknown>;
}

const TRUE_METHODS = new Set([
  "sendChatAction",
  "setMyCommands",
  "deleteMyCommands",
  "deleteWebhook",
  "setWebhook",
  "answerCallbackQuery",
  "leaveChat",
  "deleteMessage",
  "close",
  "logOut",
]);

/**
 * Starts the server on an ephemeral port of 127.0.0.1. Never reachable from outside the machine.
 *
 * @example
 * const api = await startBotApiServer("123456:bench");
 * const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
 */
export async function startBotApiServer(token: string): Promise<BotApiServer> {
  const botInfo: BotInfo = {
    id: Number(token.split(":")[0]) || 1,
    is_bot: true,
    first_name: "citebot",
    username: "citebot_bench_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  };
  const queue: Update[] = [];
  let confirmedBelow = 0; // every update_id below this was confirmed by an offset
  const handedOut = new Set<number>();
  let redelivered = 0;
  let nextUpdateId = 1;
  let nextMessageId = 1;
  const sent: SentMessage[] = [];
  const calls = new Map<string, number>();
  const replyWaiters = new Map<number, (message: SentMessage) => void>();
  const firstReply = new Map<number, SentMessage>();
  let pollWaiters: (() => void)[] = [];
  const floods = new Map<number, { retryAfter: number; times: number }>();
  let refusals = 0;

  const wakePollers = () => {
    const waiters = pollWaiters;
    pollWaiters = [];
    for (const wake of waiters) wake();
  };

  const record = (message: SentMessage) => {
    sent.push(message);
    if (message.replyTo !== undefined && !firstReply.has(message.replyTo)) {
      firstReply.set(message.replyTo, message);
      replyWaiters.get(message.replyTo)?.(message);
      replyWaiters.delete(message.replyTo);
    }
  };

  const getUpdates = async (params: Record<string, unknown>, request: IncomingMessage): Promise<Update[]> => {
    const offset = typeof params.offset === "number" ? params.offset : 0;
    if (offset > confirmedBelow) {
      confirmedBelow = offset;
      while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    }
    const limit = typeof params.limit === "number" && params.limit > 0 ? Math.min(params.limit, 100) : 100;
    const timeoutMs = (typeof params.timeout === "number" ? params.timeout : 0) * 1000;
    const available = () => queue.filter((u) => u.update_id >= confirmedBelow).slice(0, limit);
    let updates = available();
    if (updates.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          request.off("close", done);
          resolve();
        }
        request.once("close", done);
        pollWaiters.push(done);
      });
      updates = available();
    }
    for (const u of updates) {
      if (handedOut.has(u.update_id)) redelivered++;
      handedOut.add(u.update_id);
    }
    return updates;
  };

  const messageFrom = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    const chatId = Number(params.chat_id);
    const reply = params.reply_parameters as { message_id?: unknown } | undefined;
    const replyTo = typeof reply?.message_id === "number" ? reply.message_id : typeof params.reply_to_message_id === "number" ? params.reply_to_message_id : undefined;
    const messageId = method === "editMessageText" ? Number(params.message_id) : nextMessageId++;
    const text = typeof params.text === "string" ? params.text : "";
    record({ method, chatId, messageId, text, replyTo: method === "sendMessage" ? replyTo : undefined, at: performance.now() });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup", first_name: "Bench" },
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      text,
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const body = await readBody(request);
    if (!match) return reply(response, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, requestToken, method] = match as unknown as [string, string, string];
    if (requestToken !== token) return reply(response, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    calls.set(method, (calls.get(method) ?? 0) + 1);
    let params: Record<string, unknown> = {};
    if (body.length > 0) {
      try {
        params = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return reply(response, 400, { ok: false, error_code: 400, description: "Bad Request: body is not JSON" });
      }
    }
    if (method === "getMe") return reply(response, 200, { ok: true, result: botInfo });
    if (method === "getUpdates") {
      const updates = await getUpdates(params, request);
      if (!response.destroyed) reply(response, 200, { ok: true, result: updates });
      return;
    }
    const flood = method === "sendMessage" ? floods.get(Number(params.chat_id)) : undefined;
    if (flood !== undefined && flood.times > 0) {
      flood.times--;
      refusals++;
      return reply(response, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${flood.retryAfter}`,
        parameters: { retry_after: flood.retryAfter },
      });
    }
    if (method === "sendMessage" || method === "editMessageText") {
      if (typeof params.text !== "string" || params.text.length === 0) {
        return reply(response, 400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" });
      }
      if (params.text.length > 4096) {
        return reply(response, 400, { ok: false, error_code: 400, description: "Bad Request: message is too long" });
      }
      return reply(response, 200, { ok: true, result: messageFrom(method, params) });
    }
    if (TRUE_METHODS.has(method)) return reply(response, 200, { ok: true, result: true });
    if (method === "getMyCommands") return reply(response, 200, { ok: true, result: [] });
    return reply(response, 404, { ok: false, error_code: 404, description: `Not Found: method ${method} not supported here` });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 500, { ok: false, error_code: 500, description: String(error) });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    pushQuestion(chatId, text) {
      const updateId = nextUpdateId++;
      const messageId = nextMessageId++;
      const date = Math.floor(Date.now() / 1000);
      queue.push({
        update_id: updateId,
        message: {
          message_id: messageId,
          date,
          chat: { id: chatId, type: "private", first_name: "Bench" },
          from: { id: chatId, is_bot: false, first_name: "Bench", language_code: "de" },
          text,
        },
      });
      const pushed = { updateId, chatId, messageId, text, at: performance.now() };
      wakePollers();
      return pushed;
    },
    waitForReply(messageId, timeoutMs) {
      const already = firstReply.get(messageId);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          replyWaiters.delete(messageId);
          reject(new Error(`no reply to message ${messageId} within ${timeoutMs} ms`));
        }, timeoutMs);
        replyWaiters.set(messageId, (message) => {
          clearTimeout(timer);
          resolve(message);
        });
      });
    },
    sent,
    calls,
    get redelivered() {
      return redelivered;
    },
    floodChat(chatId, retryAfterSeconds, times = 1) {
      floods.set(chatId, { retryAfter: retryAfterSeconds, times });
    },
    get refusals() {
      return refusals;
    },
    async close() {
      wakePollers();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}
