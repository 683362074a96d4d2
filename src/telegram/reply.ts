import { GrammyError, InlineKeyboard, type Api, type RawApi } from "grammy";
import type { Message } from "grammy/types";
import type { Logger } from "../log.js";
import { describe } from "./errors.js";
import { htmlToPlainText, MESSAGE_LIMIT, splitPlainText, type CitationButton } from "./format.js";

/** A keyboard with one row per citation button. */
export function citationKeyboard(buttons: readonly CitationButton[]): InlineKeyboard | undefined {
  if (buttons.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const [i, button] of buttons.entries()) {
    if (i > 0) keyboard.row();
    keyboard.text(button.label, button.data);
  }
  return keyboard;
}

/** Where a reply goes: the chat, and the message it answers (threads and groups need the reply). */
export interface ReplyTarget {
  readonly chatId: number;
  readonly replyTo?: number;
  readonly threadId?: number;
}

/**
 * Sends HTML parts in order: the first as a reply to the question, the buttons under the last.
 * Returns the sent messages. `first` may be an already visible draft message to edit into the first part.
 */
export async function sendParts(
  api: Api<RawApi>,
  target: ReplyTarget,
  parts: readonly string[],
  keyboard: InlineKeyboard | undefined,
  first?: Message.TextMessage,
): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const markup = last ? keyboard : undefined;
    if (i === 0 && first !== undefined) {
      try {
        const edited = await api.editMessageText(target.chatId, first.message_id, part, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: markup,
        });
        sent.push(typeof edited === "object" && "text" in edited ? (edited as Message.TextMessage) : first);
        continue;
      } catch {
        // The draft was deleted or cannot be edited: the answer goes out as a new message instead.
      }
    }
    sent.push(...(await sendHtml(api, target, part, { replyTo: i === 0, markup })));
  }
  return sent;
}

/** Plain-text pieces stay this far under Telegram's limit: the refusal means its count and ours differ. */
const PLAIN_LIMIT = MESSAGE_LIMIT - 96;

/**
 * Sends one HTML message. When Telegram refuses it as unparsable or too long, the same text goes out
 * once more as plain text, split under the limit, so the user gets the answer without formatting
 * rather than an apology. Any other failure, or a failing retry, is thrown.
 */
async function sendHtml(
  api: Api<RawApi>,
  target: ReplyTarget,
  html: string,
  options: { replyTo: boolean; markup: InlineKeyboard | undefined },
): Promise<Message.TextMessage[]> {
  const replyParameters =
    options.replyTo && target.replyTo !== undefined ? { message_id: target.replyTo, allow_sending_without_reply: true } : undefined;
  try {
    return [
      await api.sendMessage(target.chatId, html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        message_thread_id: target.threadId,
        reply_parameters: replyParameters,
        reply_markup: options.markup,
      }),
    ];
  } catch (error) {
    if (!isRefusedText(error)) throw error;
  }
  const pieces = splitPlainText(htmlToPlainText(html), PLAIN_LIMIT);
  const sent: Message.TextMessage[] = [];
  for (const [i, piece] of pieces.entries()) {
    sent.push(
      await api.sendMessage(target.chatId, piece, {
        link_preview_options: { is_disabled: true },
        message_thread_id: target.threadId,
        reply_parameters: i === 0 ? replyParameters : undefined,
        reply_markup: i === pieces.length - 1 ? options.markup : undefined,
      }),
    );
  }
  return sent;
}

/** Telegram refused the text itself (its HTML or its length), which plain text can fix. */
function isRefusedText(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /can't parse entities|message is too long|text is too long/i.test(error.description ?? "")
  );
}

/** Whether the Bot API server accepts `sendMessageDraft`; learned on first use, shared by all chats. */
export interface DraftSupport {
  drafts: boolean | undefined;
}

/**
 * Shows an answer while it is generated, in a private chat. It prefers Telegram's native
 * `sendMessageDraft` (an animated draft, no message yet); where the server refuses it, it falls back
 * to one plain-text message that is edited. Either way, updates go out at most once per `intervalMs`
 * (Telegram throttles per chat), and tokens arriving in between only replace the pending text, so a
 * fast model never causes a flood. {@link finish} sends the final reply.
 */
export class DraftMessage {
  private pending: string | undefined;
  private shown = "";
  private message: Message.TextMessage | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private lastSentAt = -Infinity;
  private closed = false;

  constructor(
    private readonly api: Api<RawApi>,
    private readonly target: ReplyTarget & { readonly draftId: number },
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly support: DraftSupport = { drafts: false },
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer text generated so far. */
  update(partial: string): void {
    if (this.closed) return;
    this.pending = draftText(partial);
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.flush());
    }, wait);
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = undefined;
    if (this.closed || text === undefined || text === this.shown || text.trim() === "") return;
    this.lastSentAt = this.now();
    try {
      if (this.message === undefined && this.support.drafts !== false && (await this.sendDraft(text))) {
        this.shown = text;
        return;
      }
      if (this.message === undefined) {
        this.message = await this.api.sendMessage(this.target.chatId, text, {
          message_thread_id: this.target.threadId,
          reply_parameters:
            this.target.replyTo === undefined
              ? undefined
              : { message_id: this.target.replyTo, allow_sending_without_reply: true },
        });
      } else {
        await this.api.editMessageText(this.target.chatId, this.message.message_id, text);
      }
      this.shown = text;
    } catch (error) {
      this.logger.warn({ err: describe(error) }, "streaming draft update failed");
    } finally {
      // Measure the interval from when the update finished, so slow round trips never add up to a burst.
      this.lastSentAt = this.now();
    }
  }

  /** True when the native draft was shown; a refusal (4xx) switches every chat to edited messages. */
  private async sendDraft(text: string): Promise<boolean> {
    try {
      await this.api.sendMessageDraft(this.target.chatId, this.target.draftId, text, {
        message_thread_id: this.target.threadId,
      });
      this.support.drafts = true;
      return true;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code >= 400 && error.error_code < 500 && error.error_code !== 429) {
        if (this.support.drafts !== true) {
          this.support.drafts = false;
          this.logger.info({ err: describe(error) }, "sendMessageDraft not available; streaming by editing a message");
        }
        return false;
      }
      throw error;
    }
  }

  /** Stops streaming and sends the final parts, editing a streamed message into the first one. */
  async finish(parts: readonly string[], keyboard: InlineKeyboard | undefined): Promise<Message.TextMessage[]> {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    if (this.shown !== "") {
      const wait = this.lastSentAt + this.intervalMs - this.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return sendParts(this.api, this.target, parts, keyboard, this.message);
  }

  /** Whether a streamed message is visible (the final reply will edit it). */
  get visible(): boolean {
    return this.message !== undefined;
  }
}

function draftText(partial: string): string {
  const limit = 4000;
  const text = partial.length > limit ? partial.slice(0, limit) : partial;
  return `${text.trimEnd()} …`;
}
