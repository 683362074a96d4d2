import { limit } from "@grammyjs/ratelimiter";
import { Composer, type Context } from "grammy";
import type { Services } from "../context.js";
import { pickLanguage, texts } from "../i18n.js";
import { addressedQuestion } from "./ask.js";

/**
 * One per-user limit (`RATE_LIMIT_PER_MINUTE`) in front of every update that costs a send: questions,
 * hints for stickers, emoji or unknown commands, citation and page buttons, commands, inline queries.
 * The first update over the limit in a minute gets one short warning; the rest are dropped quietly.
 * `@grammyjs/ratelimiter` keeps the counts (in memory; it has a Redis store for several instances).
 */
export function limitFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();
  const perMinute = services.settings.rateLimitPerMinute;
  composer.use(
    limit<Context, never>({
      timeFrame: 60_000,
      limit: perMinute,
      keyGenerator: (ctx) => (costsASend(ctx) ? ctx.from?.id.toString() : undefined),
      onLimitExceeded: (ctx) => {
        services.logger.info({ userId: ctx.from?.id }, "rate limit reached; warned once, further updates dropped");
        // A button press carries no words of the user (ctx.msg is the bot's message): their client's language decides.
        const words = ctx.callbackQuery === undefined ? ctx.msg?.text : undefined;
        const t = texts(pickLanguage(words, ctx.from?.language_code));
        if (ctx.callbackQuery !== undefined) {
          void ctx.answerCallbackQuery({ text: t.rateLimited(perMinute) }).catch(() => undefined);
          return;
        }
        const chatId = ctx.chat?.id;
        if (chatId === undefined || ctx.msg === undefined) return;
        const replyTo = ctx.msg.message_id;
        void services.outbox.send(chatId, "rate-limit warning", () =>
          ctx.reply(t.rateLimited(perMinute), { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
        );
      },
    }),
  );
  return composer;
}

/**
 * Whether the bot would answer this update: anything in a private chat, button presses and inline
 * queries, and in groups only messages addressed to it (a mention, a reply to it, or a command).
 * Group chatter the bot ignores must not use up anyone's allowance.
 */
export function costsASend(ctx: Context): boolean {
  if (ctx.callbackQuery !== undefined || ctx.inlineQuery !== undefined) return true;
  const chat = ctx.chat;
  if (chat === undefined || ctx.from === undefined) return false;
  if (ctx.message === undefined && ctx.editedMessage === undefined) return false;
  if (chat.type === "private") return true;
  const message = ctx.message;
  if (message?.text === undefined) return false;
  const command = /^\/\w+(?:@(\w+))?/.exec(message.text);
  if (command !== null) return command[1] === undefined || command[1].toLowerCase() === ctx.me.username.toLowerCase();
  return addressedQuestion(message as Parameters<typeof addressedQuestion>[0], ctx.me.id, ctx.me.username) !== undefined;
}
