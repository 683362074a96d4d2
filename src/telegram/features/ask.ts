import { Composer, type Context } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { turnOf, type Answer } from "../../types.js";
import type { Services } from "../context.js";
import { describe } from "../errors.js";
import { escapeHtml, formatAnswer } from "../format.js";
import { pickLanguage, texts } from "../i18n.js";
import { docKeyFor } from "../library.js";
import { citationKeyboard, DraftMessage, sendParts, type ReplyTarget } from "../reply.js";

/**
 * Questions: every text in a private chat, and in groups only what is addressed to the bot (an
 * @mention, a reply to the bot, or `/ask`). Each question is checked (length, words; the per-user
 * rate limit comes before, in the limit feature),
 * answered through the injected `ask`, and replied to with quotes and source buttons.
 */
export function askFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("ask", async (ctx) => {
    if (ctx.chat.type === "channel") return;
    await handleQuestion(ctx, ctx.match, services, "ask");
  });

  const text = composer.on("message:text");

  text.chatType("private", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next(); // other commands: the unhandled feature explains
    await handleQuestion(ctx, withoutBotMentions(ctx.msg, ctx.me.id, ctx.me.username), services, "private");
  });

  text.chatType(["group", "supergroup"], async (ctx) => {
    const question = addressedQuestion(ctx.msg, ctx.me.id, ctx.me.username);
    if (question === undefined) return; // not for us: stay silent
    await handleQuestion(ctx, question, services, "group");
  });

  return composer;
}

/**
 * The question in a group message, or `undefined` when the message is not addressed to the bot.
 * Mentions are read from the message entities, so "@citebot" inside a URL or code does not count.
 */
export function addressedQuestion(message: Message.TextMessage, botId: number, botUsername: string): string | undefined {
  const text = message.text;
  const entities = message.entities ?? [];
  const mentions = entities.filter((e) => isMentionOf(e, text, botId, botUsername));
  const repliesToBot = message.reply_to_message?.from?.id === botId;
  if (mentions.length === 0 && !repliesToBot) return undefined;
  return withoutBotMentions(message, botId, botUsername);
}

/** A message's text without its mentions of the bot (and the punctuation after one that opens it). */
export function withoutBotMentions(message: Message.TextMessage, botId: number, botUsername: string): string {
  const text = message.text;
  const mentions = (message.entities ?? []).filter((e) => isMentionOf(e, text, botId, botUsername));
  if (mentions.length === 0) return text;
  let question = text;
  for (const mention of [...mentions].sort((a, b) => b.offset - a.offset)) {
    question = question.slice(0, mention.offset) + question.slice(mention.offset + mention.length);
  }
  return question.replace(/^[\s,:;–-]+/, "").trim();
}

function isMentionOf(entity: MessageEntity, text: string, botId: number, botUsername: string): boolean {
  if (entity.type === "text_mention") return entity.user.id === botId;
  if (entity.type !== "mention") return false;
  const mentioned = text.slice(entity.offset + 1, entity.offset + entity.length);
  return mentioned.toLowerCase() === botUsername.toLowerCase();
}

type Origin = "private" | "group" | "ask";

async function handleQuestion(ctx: Context, raw: string, services: Services, origin: Origin): Promise<void> {
  const message = ctx.msg;
  const chat = ctx.chat;
  const from = ctx.from;
  if (message === undefined || chat === undefined || from === undefined) return;
  const question = raw.trim();
  const language = pickLanguage(question, from.language_code);
  const t = texts(language);
  const target: ReplyTarget = {
    chatId: chat.id,
    replyTo: message.message_id,
    threadId: message.is_topic_message ? message.message_thread_id : undefined,
  };
  // Every send goes through the chat's queue and is not awaited: a chat that Telegram makes wait
  // (429 retry_after) must not hold one of the slots that answer other chats.
  const say = (text: string) =>
    void services.outbox.send(chat.id, "notice", () =>
      ctx.api.sendMessage(chat.id, text, {
        message_thread_id: target.threadId,
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
      }),
    );

  if (question === "") return say(origin === "ask" ? t.askUsage : t.noWords);
  if (question.length > services.settings.maxQuestionChars) return say(t.tooLong(services.settings.maxQuestionChars, question.length));
  if (!/[\p{L}\p{N}]/u.test(question)) {
    // A hint with questions about what the sources cover, not a refusal.
    const samples = (services.library.topics?.() ?? []).slice(0, 2).map((topic) => `• ${t.sampleQuestion(topic)}`);
    return say([t.noWords, ...samples].join("\n"));
  }

  const conversation = chat.type === "private" ? `${chat.id}` : `${chat.id}:${from.id}`;
  const repliedTo =
    message.reply_to_message?.from?.id === ctx.me.id ? `${chat.id}:${message.reply_to_message.message_id}` : undefined;
  const history = services.memory.history(conversation, repliedTo);
  const draft =
    chat.type === "private"
      ? new DraftMessage(ctx.api, { ...target, draftId: message.message_id }, services.streamIntervalMs, services.logger, services.drafts, services.now)
      : undefined;

  services.stats.questions += 1;
  const started = services.now();
  const stopTyping = keepTyping(ctx, target, services);
  let answer: Answer;
  try {
    answer = await services.ask(question, {
      history,
      // A reply to one of the bot's answers continues that exchange, whatever its wording.
      continues: repliedTo !== undefined && history.length > 0,
      language: from.language_code === undefined ? undefined : pickLanguage("", from.language_code),
      onToken: draft === undefined ? undefined : (partial) => draft.update(partial),
    });
  } catch (error) {
    stopTyping();
    services.stats.failed += 1;
    services.logger.error({ err: describe(error), chatType: chat.type }, "answering failed");
    // Closing the draft also stops any streamed update still pending.
    if (draft !== undefined) void services.outbox.send(chat.id, "failure notice", () => draft.finish([escapeHtml(t.failed)], undefined));
    else say(t.failed);
    return;
  }
  stopTyping();

  const reply = formatAnswer(answer, (source) => docKeyFor(services.library, source));
  const keyboard = citationKeyboard(reply.buttons);
  const refused = answer.kind === "not_found";
  if (refused) services.stats.refused += 1;
  else services.stats.answered += 1;
  const chatId = chat.id;
  const chatType = chat.type;
  // Remembered now, so that a follow-up asked while the answer waits in the chat's queue has it; the
  // sent messages are filed under it once out (the handler has returned long before a held send).
  // A greeting or a message without words is no turn a follow-up could lean on.
  const remembered = answer.kind === "smalltalk" ? undefined : services.memory.remember(conversation, history, turnOf(question, answer));
  const afterSending = (sent: readonly Message.TextMessage[]) => {
    services.memory.attach(
      remembered,
      sent.map((m) => `${chatId}:${m.message_id}`),
    );
    services.logger.info(
      {
        chatType,
        latencyMs: services.now() - started,
        mode: answer.mode,
        refused,
        citations: answer.kind === "answered" ? answer.citations.length : 0,
        parts: sent.length,
        followUp: history.length > 0,
      },
      "question answered",
    );
    services.logger.debug({ question, chatId }, "question text");
  };
  void services.outbox
    .send(chatId, "answer", () => (draft !== undefined ? draft.finish(reply.parts, keyboard) : sendParts(ctx.api, target, reply.parts, keyboard)))
    .then((sent) => {
      if (sent !== undefined) afterSending(sent);
      // The failure is logged by the outbox; in a private chat the user is told, as when answering fails.
      else if (chatType === "private") say(t.failed);
    });
}

/** Shows "typing…" until stopped (Telegram clears it after ~5 s). A failing `sendChatAction` is only logged. */
function keepTyping(ctx: Context, target: ReplyTarget, services: Services): () => void {
  let warned = false;
  const send = () => {
    ctx.api.sendChatAction(target.chatId, "typing", { message_thread_id: target.threadId }).catch((error: unknown) => {
      if (warned) return;
      warned = true;
      services.logger.warn({ err: describe(error) }, "sendChatAction failed; answering without a typing indicator");
    });
  };
  send();
  const timer = setInterval(send, 4500);
  return () => clearInterval(timer);
}
