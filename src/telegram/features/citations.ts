import { Composer, type Context } from "grammy";
import type { Services } from "../context.js";
import { decodeCallback, formatPassage } from "../format.js";
import { pickLanguage, texts } from "../i18n.js";

/**
 * Citation buttons: opens the full passage with the quote highlighted. Callback data comes from the
 * client, so it is decoded and validated; forged, truncated or stale data gets a polite answer.
 */
export function citationsFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("callback_query:data", async (ctx) => {
    const query = ctx.callbackQuery;
    // A button press carries no words of the user: their Telegram language decides.
    const language = pickLanguage(undefined, ctx.from.language_code);
    const t = texts(language);
    const action = decodeCallback(query.data);
    const passage = action === undefined ? undefined : services.library.passage(action.doc, action.start, action.end);
    if (passage === undefined) {
      services.logger.info({ valid: action !== undefined }, "unknown or stale citation button");
      await ctx.answerCallbackQuery({ text: t.staleButton, show_alert: false });
      return;
    }
    await ctx.answerCallbackQuery();
    const chatId = ctx.chat?.id ?? ctx.from.id;
    const replyTo = query.message?.message_id;
    void services.outbox.send(chatId, "passage", () =>
      ctx.api.sendMessage(chatId, formatPassage(passage, language), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_parameters: replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true },
      }),
    );
  });

  return composer;
}
