import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Bot API server on 127.0.0.1 that speaks the real HTTP protocol (`POST /bot<token>/<method>`,
 * `{ ok, result }` or `{ ok: false, error_code, description, parameters }`), so end-to-end tests run
 * the real bot, unchanged, through `TELEGRAM_API_ROOT`. It keeps chats and messages like Telegram
 * does, long-polls `getUpdates`, and enforces the rules the bot must obey: HTML parse mode (allowed
 * tags, nesting, escaped `<>&`), 4096 characters after entity parsing, 64-byte callback data,
 * existing reply targets, "message is not modified", and answering a callback query only once.
 */

export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface Chat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  first_name?: string;
}

export interface Entity {
  type: string;
  offset: number;
  length: number;
  user?: User;
}

export interface Message {
  message_id: number;
  date: number;
  chat: Chat;
  from?: User;
  sender_chat?: Chat;
  text?: string;
  entities?: Entity[];
  sticker?: Record<string, unknown>;
  reply_to_message?: Message;
  reply_markup?: { inline_keyboard: { text: string; callback_data?: string }[][] };
  edit_date?: number;
  /** Not part of the Bot API: the HTML the bot sent, for assertions. */
  html?: string;
}

export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  /** The response the server gave. */
  response: unknown;
}

export interface ApiFailure {
  readonly error_code: number;
  /** Left out, the error arrives bare (`{ ok: false, error_code }`), as some proxies answer. */
  readonly description?: string;
  readonly retry_after?: number;
}

/**
 * What a failing call gets back: a Bot API error (a 429 with `retry_after`, a 5xx, a bare error
 * without description), or what a broken proxy in front of Telegram sends: an HTML error page, an
 * empty body, or a connection dropped without any answer.
 */
export type Fault =
  | ApiFailure
  | { readonly html: string; readonly status: number }
  | { readonly empty: true; readonly status: number }
  | { readonly drop: true };

/** Where a fault applies: every call of the method, or only calls for one chat. */
export interface FaultScope {
  readonly chatId?: number;
}

type Handler = (params: Record<string, unknown>) => unknown;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export const BOT_USER: User = { id: 7_000_001, is_bot: true, first_name: "Citebot", username: "citebot_test_bot" };

export class BotApiServer {
  readonly token = "123456789:TEST-token_ABCdefGHIjklMNOpqrSTUvwxYZ012345";
  readonly bot = BOT_USER;
  readonly calls: ApiCall[] = [];
  /** Left chats, by ID. */
  readonly left = new Set<number>();
  /** Drafts streamed with sendMessageDraft, in order. */
  readonly drafts: { chatId: number; draftId: number; text: string }[] = [];
  /** Registered commands by language code ("" for the default). */
  readonly commands = new Map<string, unknown>();
  webhook: { url: string; secret_token?: string } | undefined;

  private server: Server | undefined;
  private readonly updates: { update_id: number; [key: string]: unknown }[] = [];
  private nextUpdateId = 1000;
  private confirmedOffset = 0;
  private readonly waiters = new Set<() => void>();
  private readonly callWaiters = new Set<() => void>();
  private readonly chats = new Map<number, { chat: Chat; messages: Map<number, Message>; nextId: number }>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly inlineQueries = new Map<string, { answered: boolean }>();
  private readonly faults: { method: string; chatId?: number; fault: Fault; times: number }[] = [];
  private nextQueryId = 1;
  private readonly drops = new Map<string, number>();
  private readonly holds = new Map<string, { held: number; release: Promise<void>; open: () => void }>();

  /** Starts a server on 127.0.0.1 on a free port. */
  static async start(): Promise<BotApiServer> {
    const api = new BotApiServer();
    const server = createServer((req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    api.server = server;
    return api;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * Makes `method` fail `times` times (Infinity: always) with the given fault, for every chat or,
   * with `scope.chatId`, only for calls whose `chat_id` is that chat. The newest matching fault wins.
   */
  fail(method: string, fault: Fault, times = 1, scope: FaultScope = {}): void {
    this.faults.unshift({ method, chatId: scope.chatId, fault, times });
  }

  /**
   * Holds every call of `method` (after recording it) until the returned function is called, so a
   * test can keep an answer "in flight" as long as it likes.
   */
  hold(method: string): () => void {
    let open = () => {};
    const release = new Promise<void>((resolve) => (open = resolve));
    this.holds.set(method, { held: 0, release, open });
    return () => {
      this.holds.delete(method);
      open();
    };
  }

  /** Cuts the connection of the next `times` calls of `method`, like a network failure. */
  drop(method: string, times = 1): void {
    this.drops.set(method, times);
  }

  /** How many calls of `method` are being held right now. */
  held(method: string): number {
    return this.holds.get(method)?.held ?? 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Users acting in chats

  /** A user sends a text message; entities for commands and @mentions are set like Telegram does. */
  sendText(
    chat: Chat,
    from: User,
    text: string,
    options: { replyTo?: number; entities?: Entity[]; extra?: Record<string, unknown> } = {},
  ): Message {
    const message = this.addMessage(chat, {
      from,
      text,
      entities: options.entities ?? detectEntities(text),
      reply_to_message: options.replyTo === undefined ? undefined : this.message(chat.id, options.replyTo),
      ...options.extra,
    });
    this.pushUpdate({ message: strip(message) });
    return message;
  }

  /** A user sends a sticker. */
  sendSticker(chat: Chat, from: User): Message {
    const sticker = { file_id: "CAACAgIAAxk", file_unique_id: "AgAD", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "😀" };
    const message = this.addMessage(chat, { from, sticker });
    this.pushUpdate({ message: strip(message) });
    return message;
  }

  /** A user edits one of their messages. */
  editText(message: Message, text: string): void {
    message.text = text;
    message.edit_date = Math.floor(Date.now() / 1000);
    message.entities = detectEntities(text);
    this.pushUpdate({ edited_message: strip(message) });
  }

  /** A channel post (the bot must ignore it). */
  postInChannel(chat: Chat, text: string): Message {
    const message = this.addMessage(chat, { sender_chat: chat, text });
    this.pushUpdate({ channel_post: strip(message) });
    return message;
  }

  /** A user presses an inline button (or a client forges any callback data). Returns the query ID. */
  pressButton(chat: Chat, from: User, messageId: number, data: string): string {
    const id = String(this.nextQueryId++);
    this.callbackQueries.set(id, { answered: false });
    const message = this.message(chat.id, messageId);
    this.pushUpdate({
      callback_query: { id, from, chat_instance: `ci${chat.id}`, data, message: message ? strip(message) : undefined },
    });
    return id;
  }

  /**
   * A user types `@bot <query>` in a chat of `chatType` (inline mode). Returns the query ID; the
   * bot's answer is the `answerInlineQuery` call with that `inline_query_id`.
   */
  sendInlineQuery(from: User, query: string, chatType: "sender" | "private" | "group" | "supergroup" = "private"): string {
    const id = `iq${this.nextQueryId++}`;
    this.inlineQueries.set(id, { answered: false });
    this.pushUpdate({ inline_query: { id, from, query, offset: "", chat_type: chatType } });
    return id;
  }

  /** The bot's answer to an inline query, once it has answered. */
  async inlineAnswer(queryId: string): Promise<InlineAnswer> {
    const call = await this.until(
      () => this.callsOf("answerInlineQuery").find((c) => c.params.inline_query_id === queryId && (c.response as { ok?: boolean })?.ok === true),
      10_000,
      `the answer to inline query ${queryId}`,
    );
    return call.params as unknown as InlineAnswer;
  }

  /** The bot is added to a group. */
  addBotToGroup(chat: Chat, by: User): void {
    this.chat(chat);
    this.pushUpdate({
      my_chat_member: {
        chat,
        from: by,
        date: now(),
        old_chat_member: { status: "left", user: this.bot },
        new_chat_member: { status: "member", user: this.bot },
      },
    });
  }

  pushUpdate(payload: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...payload });
    for (const wake of this.waiters) wake();
    return update_id;
  }

  // ---------------------------------------------------------------------------------------------
  // Inspecting what the bot did

  message(chatId: number, messageId: number): Message | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  /** Messages the bot sent to a chat, in order, as they look now (after edits). */
  botMessages(chatId: number): Message[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].filter((m) => m.from?.id === this.bot.id);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `predicate` holds, re-checking after every API call; rejects after `timeoutMs`. */
  async until<T>(predicate: () => T | undefined | false, timeoutMs = 10_000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(", ")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 200));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.callWaiters.add(done);
      });
    }
  }

  /** Resolves with the bot's `count`-th message in a chat (counting from 1) once it exists. */
  async botMessage(chatId: number, count = 1): Promise<Message> {
    return this.until(() => this.botMessages(chatId)[count - 1], 10_000, `bot message #${count} in chat ${chatId}`);
  }

  /** Resolves once the bot has taken every update pushed so far (its next getUpdates confirmed them). */
  async consumed(): Promise<void> {
    const last = this.nextUpdateId;
    await this.until(() => this.confirmedOffset >= last, 10_000, "updates to be consumed");
  }

  // ---------------------------------------------------------------------------------------------
  // The HTTP protocol

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    let params: Record<string, unknown> = {};
    try {
      params = await readParams(req);
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid request body" });
    }
    if (match === null) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method = ""] = match;
    const call: ApiCall = { method, params, response: undefined };
    this.calls.push(call);
    const respond = (status: number, body: unknown) => {
      call.response = body;
      send(res, status, body);
      for (const wake of this.callWaiters) wake();
      this.callWaiters.clear();
    };
    if (token !== this.token) return respond(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const drops = this.drops.get(method) ?? 0;
    if (drops > 0) {
      this.drops.set(method, drops - 1);
      call.response = "connection dropped";
      req.socket.destroy();
      return;
    }
    const hold = this.holds.get(method);
    if (hold !== undefined) {
      hold.held += 1;
      for (const wake of this.callWaiters) wake();
      await hold.release;
      hold.held -= 1;
    }
    const planned = this.faults.find(
      (f) => f.method === method && f.times > 0 && (f.chatId === undefined || Number(params.chat_id) === f.chatId),
    );
    if (planned !== undefined) {
      planned.times -= 1;
      const fault = planned.fault;
      if ("drop" in fault) {
        call.response = "connection dropped";
        req.socket.destroy();
        for (const wake of this.callWaiters) wake();
        return;
      }
      if ("html" in fault) {
        call.response = fault.html;
        res.writeHead(fault.status, { "content-type": "text/html" });
        res.end(fault.html);
        for (const wake of this.callWaiters) wake();
        return;
      }
      if ("empty" in fault) {
        call.response = "";
        res.writeHead(fault.status);
        res.end();
        for (const wake of this.callWaiters) wake();
        return;
      }
      const { error_code, description, retry_after } = fault;
      return respond(error_code, {
        ok: false,
        error_code,
        description,
        parameters: retry_after === undefined ? undefined : { retry_after },
      });
    }
    try {
      const result = method === "getUpdates" ? await this.getUpdates(params, req) : this.dispatch(method, params);
      respond(200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      respond(error.code, {
        ok: false,
        error_code: error.code,
        description: error.description,
        parameters: error.retryAfter === undefined ? undefined : { retry_after: error.retryAfter },
      });
    }
  }

  private dispatch(method: string, p: Record<string, unknown>): unknown {
    const handlers: Record<string, Handler> = {
      getMe: () => ({ ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true }),
      deleteWebhook: () => {
        this.webhook = undefined;
        return true;
      },
      setWebhook: (q) => {
        this.webhook = { url: str(q, "url"), secret_token: q.secret_token as string | undefined };
        return true;
      },
      setMyCommands: (q) => {
        if (!Array.isArray(q.commands)) throw new ApiError(400, "Bad Request: commands must be an array");
        this.commands.set((q.language_code as string | undefined) ?? "", q.commands);
        return true;
      },
      sendChatAction: (q) => {
        this.knownChat(q.chat_id);
        return true;
      },
      sendMessage: (q) => this.sendMessage(q),
      sendMessageDraft: (q) => {
        const chat = this.knownChat(q.chat_id);
        if (chat.type !== "private") throw new ApiError(400, "Bad Request: drafts can be sent only to private chats");
        if (!Number.isInteger(Number(q.draft_id)) || Number(q.draft_id) === 0) throw new ApiError(400, "Bad Request: invalid draft_id");
        this.drafts.push({ chatId: chat.id, draftId: Number(q.draft_id), text: checkText(q).text });
        return true;
      },
      editMessageText: (q) => this.editMessageText(q),
      answerInlineQuery: (q) => {
        const query = this.inlineQueries.get(str(q, "inline_query_id"));
        if (query === undefined || query.answered) {
          throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        checkInlineAnswer(q);
        query.answered = true;
        return true;
      },
      answerCallbackQuery: (q) => {
        const query = this.callbackQueries.get(str(q, "callback_query_id"));
        if (query === undefined || query.answered) {
          throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        if (typeof q.text === "string" && q.text.length > 200) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
        query.answered = true;
        return true;
      },
      leaveChat: (q) => {
        this.left.add(this.knownChat(q.chat_id).id);
        return true;
      },
    };
    const handler = handlers[method];
    if (handler === undefined) throw new ApiError(404, "Not Found: method not found");
    return handler(p);
  }

  private sendMessage(q: Record<string, unknown>): Message {
    const chat = this.knownChat(q.chat_id);
    const { text, html } = checkText(q);
    const markup = checkMarkup(q.reply_markup);
    const replyParameters = q.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    let replyTo: Message | undefined;
    if (replyParameters?.message_id !== undefined) {
      replyTo = this.message(chat.id, replyParameters.message_id);
      if (replyTo === undefined && replyParameters.allow_sending_without_reply !== true) {
        throw new ApiError(400, "Bad Request: message to be replied not found");
      }
    }
    const message = this.addMessage(chat, { from: this.bot, text, html, reply_to_message: replyTo, reply_markup: markup });
    return strip(message);
  }

  private editMessageText(q: Record<string, unknown>): Message {
    const chat = this.knownChat(q.chat_id);
    const message = this.message(chat.id, Number(q.message_id));
    if (message === undefined) throw new ApiError(400, "Bad Request: message to edit not found");
    if (message.from?.id !== this.bot.id) throw new ApiError(400, "Bad Request: message can't be edited");
    const { text, html } = checkText(q);
    const markup = checkMarkup(q.reply_markup);
    const same = text === message.text && html === message.html;
    if (same && JSON.stringify(markup) === JSON.stringify(message.reply_markup)) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    Object.assign(message, { text, html, reply_markup: markup, edit_date: now() });
    return strip(message);
  }

  private async getUpdates(q: Record<string, unknown>, req: IncomingMessage): Promise<unknown[]> {
    const offset = Number(q.offset ?? 0);
    const limit = Math.min(100, Number(q.limit ?? 100));
    const timeout = Math.min(Number(q.timeout ?? 0), 50);
    if (offset > 0) {
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    }
    for (const wake of this.callWaiters) wake();
    if (this.updates.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeout * 1000);
        this.waiters.add(wake);
        req.once("close", wake);
      });
    }
    return this.updates.slice(0, limit);
  }

  // ---------------------------------------------------------------------------------------------
  // Chats and messages

  private chat(chat: Chat): { chat: Chat; messages: Map<number, Message>; nextId: number } {
    let entry = this.chats.get(chat.id);
    if (entry === undefined) {
      entry = { chat, messages: new Map(), nextId: 1 };
      this.chats.set(chat.id, entry);
    }
    return entry;
  }

  private knownChat(id: unknown): Chat {
    const chat = this.chats.get(Number(id))?.chat;
    if (chat === undefined) throw new ApiError(400, "Bad Request: chat not found");
    if (this.left.has(chat.id)) throw new ApiError(403, "Forbidden: bot is not a member of the group chat");
    return chat;
  }

  private addMessage(chat: Chat, fields: Omit<Message, "message_id" | "date" | "chat">): Message {
    const entry = this.chat(chat);
    const message: Message = { message_id: entry.nextId++, date: now(), chat, ...fields };
    for (const key of Object.keys(message) as (keyof Message)[]) if (message[key] === undefined) delete message[key];
    entry.messages.set(message.message_id, message);
    return message;
  }
}

// ---------------------------------------------------------------------------------------------
// Telegram's rules for text and HTML

const ALLOWED_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"]);

/**
 * Parses Telegram HTML the way the Bot API documents it and returns the plain text, or throws the
 * Bot API's "can't parse entities" error.
 */
export function parseTelegramHtml(html: string): string {
  let text = "";
  const stack: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new ApiError(400, `Bad Request: can't parse entities: ${why} at byte offset ${Buffer.byteLength(html.slice(0, i))}`);
  };
  while (i < html.length) {
    const c = html[i]!;
    if (c === "<") {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/.exec(html.slice(i));
      if (tag === null) fail("Unexpected character '<'");
      const [raw, slash, rawName, attributes = ""] = tag!;
      const name = rawName!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) fail(`Unsupported start tag "${name}"`);
      if (slash) {
        if (stack[stack.length - 1] !== name) fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1] ?? name}"`);
        stack.pop();
      } else {
        if (name === "blockquote" && stack.includes("blockquote")) fail("Blockquote entities can't be nested");
        if ((stack.includes("pre") || stack.includes("code")) && name !== "code") fail("Entities inside code can't be nested");
        if (name === "a" && !/href="[^"]+"/.test(attributes)) fail("Anchor without href");
        if (name === "blockquote" && attributes.trim() !== "" && attributes.trim() !== "expandable") fail("Unsupported blockquote attribute");
        stack.push(name);
      }
      i += raw!.length;
    } else if (c === "&") {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/.exec(html.slice(i));
      if (entity === null) fail("Character '&' must be escaped as &amp;");
      const name = entity![1]!;
      text +=
        name === "lt" ? "<" : name === "gt" ? ">" : name === "amp" ? "&" : name === "quot" ? '"'
        : String.fromCodePoint(name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      i += entity![0].length;
    } else if (c === ">") {
      fail("Character '>' must be escaped as &gt;");
    } else {
      text += c;
      i += 1;
    }
  }
  if (stack.length > 0) fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return text;
}

function checkText(q: Record<string, unknown>): { text: string; html?: string } {
  const raw = str(q, "text");
  const parseMode = q.parse_mode;
  if (parseMode !== undefined && parseMode !== "HTML") throw new ApiError(400, `Bad Request: unsupported parse_mode ${String(parseMode)}`);
  const text = parseMode === "HTML" ? parseTelegramHtml(raw) : raw;
  if (text.trim().length === 0) throw new ApiError(400, "Bad Request: message text is empty");
  if (text.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
  return { text, html: parseMode === "HTML" ? raw : undefined };
}

function checkMarkup(markup: unknown): Message["reply_markup"] {
  if (markup === undefined) return undefined;
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as Message["reply_markup"];
  for (const row of parsed?.inline_keyboard ?? []) {
    if (row.length === 0) throw new ApiError(400, "Bad Request: REPLY_MARKUP_INVALID (empty keyboard row)");
    for (const button of row) {
      if (typeof button.text !== "string" || button.text === "") throw new ApiError(400, "Bad Request: button text is empty");
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(button.callback_data);
        if (bytes < 1 || bytes > 64) throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
      }
    }
  }
  return parsed;
}

/** An inline article result as the bot sends it (the only result type citebot uses). */
export interface InlineArticle {
  type: "article";
  id: string;
  title: string;
  description?: string;
  input_message_content: { message_text: string; parse_mode?: string };
}

/** The parameters of an `answerInlineQuery` call. */
export interface InlineAnswer {
  inline_query_id: string;
  results: InlineArticle[];
  cache_time?: number;
  is_personal?: boolean;
  button?: { text: string; start_parameter?: string };
}

/** Telegram's rules for answerInlineQuery: at most 50 results, unique IDs of 1–64 bytes, valid message texts. */
function checkInlineAnswer(q: Record<string, unknown>): void {
  const results = (typeof q.results === "string" ? JSON.parse(q.results) : q.results) as InlineArticle[] | undefined;
  if (!Array.isArray(results)) throw new ApiError(400, "Bad Request: results must be an array");
  if (results.length > 50) throw new ApiError(400, "Bad Request: RESULTS_TOO_MUCH");
  const ids = new Set<string>();
  for (const result of results) {
    const bytes = Buffer.byteLength(String(result.id ?? ""));
    if (bytes < 1 || bytes > 64 || ids.has(result.id)) throw new ApiError(400, "Bad Request: RESULT_ID_INVALID");
    ids.add(result.id);
    if (result.type !== "article") throw new ApiError(400, `Bad Request: unsupported result type ${String(result.type)}`);
    if (typeof result.title !== "string" || result.title.trim() === "") throw new ApiError(400, "Bad Request: RESULT_TITLE_EMPTY");
    const content = result.input_message_content;
    if (content === undefined) throw new ApiError(400, "Bad Request: input_message_content is required");
    checkText({ text: content.message_text, parse_mode: content.parse_mode });
  }
  if (q.cache_time !== undefined && (!Number.isInteger(Number(q.cache_time)) || Number(q.cache_time) < 0)) {
    throw new ApiError(400, "Bad Request: invalid cache_time");
  }
  const button = (typeof q.button === "string" ? JSON.parse(q.button) : q.button) as InlineAnswer["button"];
  if (button !== undefined) {
    if (typeof button.text !== "string" || button.text === "") throw new ApiError(400, "Bad Request: button text is empty");
    if (button.start_parameter !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(button.start_parameter)) {
      throw new ApiError(400, "Bad Request: START_PARAM_INVALID");
    }
  }
}

function detectEntities(text: string): Entity[] {
  const entities: Entity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/(^|[^A-Za-z0-9_/])(@[A-Za-z0-9_]{5,32})/g)) {
    entities.push({ type: "mention", offset: mention.index + mention[1]!.length, length: mention[2]!.length });
  }
  return entities;
}

function str(q: Record<string, unknown>, key: string): string {
  const value = q[key];
  if (typeof value !== "string" && typeof value !== "number") throw new ApiError(400, `Bad Request: ${key} is empty`);
  return String(value);
}

/** A message as the Bot API returns it (without the test-only `html`, one level of reply). */
function strip(message: Message): Message {
  const { html: _html, reply_to_message, ...rest } = message;
  return reply_to_message === undefined ? rest : { ...rest, reply_to_message: strip({ ...reply_to_message, reply_to_message: undefined }) };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const url = new URL(req.url ?? "/", "http://x");
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body === "") return params;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return { ...params, ...(JSON.parse(body) as Record<string, unknown>) };
  if (type.includes("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body)) params[key] = tryJson(value);
    return params;
  }
  throw new Error(`unsupported content type ${type}`);
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
