import { Composer, InlineKeyboard, type Context } from "grammy";
import { z } from "zod";
import type { DocInfo } from "../../types.js";
import type { Services } from "../context.js";
import { escapeHtml, splitHtml } from "../format.js";
import { pickLanguage, texts, type Texts } from "../i18n.js";

/** `/start`, `/help` and `/sources`: what the bot is, what it knows, and what to ask. */
export function commandsFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command(["start", "help"], async (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from?.language_code));
    const docs = services.library.sources();
    const name = ctx.from?.first_name ?? "";
    const blocks = [escapeHtml(t.greeting(name))];
    if (ctx.chat.type !== "private") blocks.push(escapeHtml(t.groupHint(ctx.me.username)));
    blocks.push(docs.length === 0 ? escapeHtml(t.noSources) : `${escapeHtml(t.knows)}\n${sourceLines(docs.slice(0, 10))}`);
    const samples = (services.library.topics?.() ?? []).slice(0, 1).map((topic) => `• <i>${escapeHtml(t.sampleQuestion(topic))}</i>`);
    if (samples.length > 0) blocks.push(`${escapeHtml(t.sampleQuestionsHeading)}\n${samples.join("\n")}`);
    blocks.push(escapeHtml(t.followUpTip));
    sendHtml(ctx, services, blocks.join("\n\n"));
  });

  composer.command("sources", (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from?.language_code));
    const page = sourcesPage(services.library.sources(), 0, t);
    void services.outbox.send(ctx.chat.id, "sources", () =>
      ctx.reply(page.html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: page.keyboard }),
    );
  });

  // The page buttons under /sources: the message is edited to the page asked for.
  composer.callbackQuery(/^s:/, async (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from.language_code));
    const docs = services.library.sources();
    const requested = PageData.safeParse(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    if (!requested.success || requested.data * PAGE_SIZE >= Math.max(docs.length, 1) || message === undefined) {
      services.logger.info({ valid: requested.success }, "unknown or stale page button");
      await ctx.answerCallbackQuery({ text: t.staleButton });
      return;
    }
    await ctx.answerCallbackQuery();
    const page = sourcesPage(docs, requested.data, t);
    const chatId = message.chat.id;
    void services.outbox.send(chatId, "sources page", () =>
      ctx.api.editMessageText(chatId, message.message_id, page.html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_markup: page.keyboard,
      }),
    );
  });

  return composer;
}

/** Documents per page of /sources: ten titles of at most 120 characters stay far below 4096. */
const PAGE_SIZE = 10;

/** Callback data of a page button, `s:<page>`; it comes from the client and is validated. */
const PageData = z
  .string()
  .regex(/^s:\d{1,6}$/)
  .transform((data) => Number(data.slice(2)));

/**
 * One page of /sources, with ‹ › buttons when there is more than one. Pure.
 */
export function sourcesPage(docs: readonly DocInfo[], page: number, t: Texts): { html: string; keyboard?: InlineKeyboard } {
  if (docs.length === 0) return { html: escapeHtml(t.noSources) };
  const pages = Math.ceil(docs.length / PAGE_SIZE);
  const first = page * PAGE_SIZE;
  const html = `<b>${escapeHtml(t.sourcesListHeading(docs.length))}</b>\n${sourceLines(docs.slice(first, first + PAGE_SIZE), first)}`;
  if (pages === 1) return { html };
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(`‹ ${page}/${pages}`, `s:${page - 1}`);
  if (page < pages - 1) keyboard.text(`${page + 2}/${pages} ›`, `s:${page + 1}`);
  return { html, keyboard };
}

function sourceLines(docs: readonly DocInfo[], offset = 0): string {
  return docs
    .map((doc, i) => {
      const date = doc.date === null ? "" : ` · ${escapeHtml(doc.date)}`;
      return `${offset + i + 1}. <b>${escapeHtml(shorten(doc.title, 120))}</b>${date}`;
    })
    .join("\n");
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Queues the parts in the chat's outbox; the handler does not wait for them. */
function sendHtml(ctx: Context, services: Services, html: string): void {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  void services.outbox.send(chatId, "command reply", async () => {
    for (const part of splitHtml(html)) {
      await ctx.reply(part, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    }
  });
}
