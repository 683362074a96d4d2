import { Composer, type Context } from "grammy";
import type { Services } from "../context.js";
import { describe } from "../errors.js";
import { pickLanguage, texts } from "../i18n.js";

/**
 * Who the bot talks to. Channel posts (also when forwarded into a discussion group) and messages
 * from other bots are dropped. With an allowlist (`ALLOWED_CHAT_IDS`), other chats get a polite
 * refusal, and groups are left.
 */
export function accessFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();
  const allowed = new Set(services.settings.allowedChatIds);
  const isAllowed = (chatId: number) => allowed.size === 0 || allowed.has(chatId);

  composer.use(async (ctx, next) => {
    if (ctx.channelPost !== undefined || ctx.editedChannelPost !== undefined) return;
    // Other bots are ignored, except a group's anonymous admins (they write as the group itself).
    const anonymousAdmin = ctx.msg?.sender_chat !== undefined && ctx.msg.sender_chat.id === ctx.chat?.id;
    if (ctx.from?.is_bot === true && !anonymousAdmin) return;
    // Channel posts forwarded into a linked discussion group are channel posts too.
    if (ctx.msg?.is_automatic_forward === true) return;
    if (ctx.myChatMember !== undefined) return next();
    const chat = ctx.chat;
    if (chat === undefined || isAllowed(chat.id)) return next();

    const t = texts(pickLanguage(ctx.msg?.text, ctx.from?.language_code));
    services.logger.info({ chatId: chat.id, chatType: chat.type }, "declined a chat outside the allowlist");
    if (ctx.callbackQuery !== undefined) {
      await ctx.answerCallbackQuery({ text: t.notAllowed });
      return;
    }
    if (ctx.message === undefined) return;
    void services.outbox.send(chat.id, "refusal", async () => {
      try {
        await ctx.reply(t.notAllowed);
      } finally {
        if (chat.type !== "private") await leave(ctx, chat.id, services);
      }
    });
  });

  // Added to a group that is not on the allowlist: say so and leave right away.
  composer.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (ctx.chat.type === "private" || isAllowed(ctx.chat.id)) return;
    if (status !== "member" && status !== "administrator") return;
    const t = texts(pickLanguage(undefined, ctx.from.language_code));
    services.logger.info({ chatId: ctx.chat.id }, "added to a chat outside the allowlist; leaving");
    const chatId = ctx.chat.id;
    void services.outbox.send(chatId, "goodbye", async () => {
      await ctx.api.sendMessage(chatId, t.notAllowed).catch((error: unknown) => {
        services.logger.warn({ err: describe(error) }, "could not say goodbye");
      });
      await leave(ctx, chatId, services);
    });
  });

  return composer;
}

async function leave(ctx: Context, chatId: number, services: Services): Promise<void> {
  await ctx.api.leaveChat(chatId).catch((error: unknown) => {
    services.logger.warn({ err: describe(error), chatId }, "leaveChat failed");
  });
}
