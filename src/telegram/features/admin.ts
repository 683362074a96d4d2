import { Composer, type Context } from "grammy";
import type { Services } from "../context.js";
import { describe } from "../errors.js";
import { escapeHtml } from "../format.js";
import { pickLanguage, texts } from "../i18n.js";

/** `/reindex` and `/stats`, for the user IDs in `ADMIN_USER_IDS` only. */
export function adminFeature(services: Services): Composer<Context> {
  const composer = new Composer<Context>();
  const admins = new Set(services.settings.adminUserIds);
  let reindexing: Promise<void> | undefined;

  composer.command("reindex", async (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from?.language_code));
    if (ctx.from === undefined || !admins.has(ctx.from.id)) return void (await ctx.reply(t.adminOnly));
    const reindex = services.library.reindex;
    if (reindex === undefined) return void (await ctx.reply(t.reindexUnavailable));
    if (reindexing !== undefined) return void (await ctx.reply(t.reindexStarted));
    await ctx.reply(t.reindexStarted);
    const run = async () => {
      try {
        const summary = await reindex();
        services.logger.info({ summary }, "reindexed on admin request");
        await ctx.reply(t.reindexDone(summary));
      } catch (error) {
        services.logger.error({ err: describe(error) }, "reindex failed");
        await ctx.reply(t.reindexFailed);
      } finally {
        reindexing = undefined;
      }
    };
    reindexing = run();
    await reindexing;
  });

  composer.command("stats", async (ctx) => {
    const t = texts(pickLanguage(undefined, ctx.from?.language_code));
    if (ctx.from === undefined || !admins.has(ctx.from.id)) return void (await ctx.reply(t.adminOnly));
    const s = services.stats;
    const facts: Record<string, string | number | null> = {
      uptimeMinutes: Math.round((services.now() - s.startedAt) / 60_000),
      questions: s.questions,
      answered: s.answered,
      refused: s.refused,
      failed: s.failed,
      ...services.library.stats?.(),
    };
    const lines = Object.entries(facts).map(([key, value]) => `${escapeHtml(key)}: <code>${escapeHtml(String(value))}</code>`);
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  });

  return composer;
}
