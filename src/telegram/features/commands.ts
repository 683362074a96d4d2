import { Composer, type Context } from "grammy";
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

  composer.command("sources", async (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from?.language_code));
    sendHtml(ctx, services, sourcesMessage(services.library.sources(), t));
  });

  return composer;
}

function sourcesMessage(docs: readonly DocInfo[], t: Texts): string {
  if (docs.length === 0) return escapeHtml(t.noSources);
  return `<b>${escapeHtml(t.sourcesListHeading(docs.length))}</b>\n${sourceLines(docs)}`;
}

function sourceLines(docs: readonly DocInfo[]): string {
  return docs
    .map((doc, i) => {
      const date = doc.date === null ? "" : ` · ${escapeHtml(doc.date)}`;
      return `${i + 1}. <b>${escapeHtml(shorten(doc.title, 120))}</b>${date}`;
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
