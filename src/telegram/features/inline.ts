import { Composer, InlineQueryResultBuilder, type Context } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import type { Answer, Citation, Language } from "../../types.js";
import type { Services } from "../context.js";
import { describe } from "../errors.js";
import { escapeHtml, formatInlineAnswer, formatPassage, htmlToPlainText } from "../format.js";
import { pickLanguage, texts, type Texts } from "../i18n.js";
import { docKeyFor } from "../library.js";

/**
 * Inline mode: typing `@bot <question>` in any chat offers the cited answer as inline results, first
 * the answer with its [n] markers and sources, then the passage behind each citation with the quote
 * highlighted. A question the sources do not answer gets one result saying so. It needs inline mode
 * switched on at BotFather (`/setinline`); Telegram sends no inline queries otherwise.
 *
 * Results are cached by Telegram for {@link CACHE_SECONDS} only, so a re-indexed source shows up soon.
 * With an allowlist (`ALLOWED_CHAT_IDS`), only users whose private chat is on it get results, and the
 * results are personal, so Telegram's cache never hands them to anyone else.
 */
export function inlineFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();
  const allowed = new Set(services.settings.allowedChatIds);

  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const t = texts(pickLanguage(query === "" ? undefined : query, ctx.from.language_code));
    const personal = allowed.size > 0;
    if (personal && !allowed.has(ctx.from.id)) {
      services.logger.info({ userId: ctx.from.id }, "declined an inline query outside the allowlist");
      await ctx.answerInlineQuery([], { cache_time: CACHE_SECONDS, is_personal: true });
      return;
    }
    if (query === "" || query.length > services.settings.maxQuestionChars || !/[\p{L}\p{N}]/u.test(query)) {
      await ctx.answerInlineQuery([], {
        cache_time: CACHE_SECONDS,
        is_personal: personal,
        button: { text: t.inlineHint, start_parameter: "inline" },
      });
      return;
    }

    const started = services.now();
    let answer: Answer;
    try {
      answer = await services.ask(query, { history: [] });
    } catch (error) {
      services.logger.error({ err: describe(error) }, "answering an inline query failed");
      // Nothing cached: the next keystroke asks again.
      await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
      return;
    }
    await ctx.answerInlineQuery(inlineResults(answer, services, t), { cache_time: CACHE_SECONDS, is_personal: personal });
    services.logger.info(
      { latencyMs: services.now() - started, mode: answer.mode, refused: answer.kind === "not_found" },
      "inline query answered",
    );
  });

  return composer;
}

/** How long Telegram may cache inline results: short, so a re-index shows up soon. */
const CACHE_SECONDS = 30;
/** Passages offered after the answer; a handful fit on a phone's result list. */
const MAX_PASSAGES = 5;

function inlineResults(answer: Answer, services: Services, t: Texts): InlineQueryResult[] {
  const html = formatInlineAnswer(answer);
  const title = answer.kind === "not_found" ? t.inlineNotFoundTitle : t.inlineAnswerTitle;
  const results: InlineQueryResult[] = [
    InlineQueryResultBuilder.article("answer", title, { description: summary(htmlToPlainText(html)) }).text(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    }),
  ];
  if (answer.kind !== "answered") return results;
  const seen = new Set<number>();
  for (const citation of answer.citations) {
    if (seen.has(citation.n) || seen.size >= MAX_PASSAGES) continue;
    seen.add(citation.n);
    results.push(
      InlineQueryResultBuilder.article(`q${citation.n}`, `[${citation.n}] ${citation.title}`.slice(0, 256), {
        description: summary(citation.quote),
      }).text(passageHtml(citation, answer.language, services), { parse_mode: "HTML", link_preview_options: { is_disabled: true } }),
    );
  }
  return results;
}

/** The passage around a quote, as its citation button shows it; the quote alone if its document is gone. */
function passageHtml(citation: Citation, language: Language, services: Services): string {
  const doc = docKeyFor(services.library, citation.source);
  const passage = doc === undefined ? undefined : services.library.passage(doc, citation.start, citation.end);
  if (passage !== undefined) return formatPassage(passage, language);
  const date = citation.date === null ? "" : ` · ${escapeHtml(citation.date)}`;
  return `<b>${escapeHtml(citation.title)}</b>${date}\n<blockquote>${escapeHtml(citation.quote)}</blockquote>`;
}

/** A result's grey second line: the start of its text. */
function summary(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 120 ? flat : `${flat.slice(0, 119)}…`;
}
