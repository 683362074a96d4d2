import { Composer, type Context } from "grammy";
import type { Services } from "../context.js";
import { pickLanguage, texts } from "../i18n.js";

/**
 * Everything no other feature took, mounted last. In private chats the user gets a short hint
 * (stickers, photos, edited messages, unknown commands); in groups the bot stays quiet.
 */
export function unhandledFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("callback_query", async (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from.language_code));
    await ctx.answerCallbackQuery({ text: t.staleButton });
  });

  const privateChats = composer.chatType("private");

  privateChats.on("edited_message", async (ctx) => {
    const t = texts(pickLanguage(ctx.editedMessage.text, ctx.from?.language_code));
    const replyTo = ctx.editedMessage.message_id;
    void services.outbox.send(ctx.chat.id, "hint", () =>
      ctx.reply(t.edited, { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
    );
  });

  privateChats.on("message:text", async (ctx) => {
    // Only unknown commands reach this point.
    const t = texts(pickLanguage(undefined, ctx.from.language_code));
    void services.outbox.send(ctx.chat.id, "hint", () => ctx.reply(t.askUsage));
  });

  privateChats.on("message", async (ctx) => {
    const t = texts(pickLanguage(ctx.msg.caption, ctx.from.language_code));
    void services.outbox.send(ctx.chat.id, "hint", () => ctx.reply(t.nonText));
  });

  composer.use((ctx) => {
    services.logger.debug({ updateId: ctx.update.update_id }, "update not handled");
  });

  return composer;
}
