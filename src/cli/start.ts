import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Config } from "../config.js";
import { createLogger, type Logger } from "../log.js";
import { createBot } from "../telegram/bot.js";
import { BotStartError, startPolling, startWebhook, watchIndexBuilds, type RunningBot } from "../telegram/run.js";
import { chatGreeting, runChat } from "./chat.js";
import { loadConfig } from "./env.js";
import { updateIndex } from "../app/indexing.js";
import { pipelineLibrary, type Pipeline } from "../app/pipeline.js";
import { createPipelineOrExplain } from "./output.js";

/**
 * `npm start`: the Telegram bot when `TELEGRAM_BOT_TOKEN` is set (long polling, or a webhook server
 * when `WEBHOOK_URL` is set), otherwise a terminal chat, so the offline default always does something.
 * The index is built first when missing, reloaded when `npm run index` rebuilds it, and SIGINT/SIGTERM
 * stop taking updates and finish the answers in flight.
 */

const NO_TOKEN_HELP = `No TELEGRAM_BOT_TOKEN set, so citebot runs in this terminal instead.

To talk to it in Telegram:
  1. Open Telegram, start a chat with @BotFather and send /newbot.
  2. Pick a name and a username ending in "bot"; BotFather replies with a token like 123456:ABC-DEF…
  3. Put it into .env as TELEGRAM_BOT_TOKEN=… (see .env.example) and run npm start again.
     In groups, the bot answers when mentioned, replied to, or asked with /ask.
`;

/** How often the index folder is checked for a new build. */
const INDEX_POLL_MS = 2000;
/** Upper bound for finishing answers in flight at shutdown. */
const SHUTDOWN_GRACE_MS = 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, [config.telegram.token, config.openai.apiKey, config.telegram.webhook?.secret]);
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection (kept running)"));

  const token = config.telegram.token;
  if (token === undefined) process.stderr.write(NO_TOKEN_HELP);
  // No seeds, an index of another embedder, a build in progress: one line saying so, no stack trace.
  const pipeline = await createPipelineOrExplain(config, logger);
  if (pipeline === undefined) {
    process.exitCode = 1;
    return;
  }
  if (token === undefined) {
    await runTerminal(config, pipeline, logger);
    return;
  }

  const app = createBot(token, { config, logger, ask: pipeline.ask, library: pipelineLibrary(config, logger, pipeline) });
  let running: RunningBot;
  try {
    running = await start(app, config, logger);
  } catch (error) {
    if (!(error instanceof BotStartError)) throw error;
    logger.fatal(error.message);
    process.exitCode = 1;
    return;
  }
  const stopWatching = watchIndexBuilds(
    path.join(config.indexDir, "manifest.json"),
    () => pipeline.index().manifest.buildId,
    async () => void (await pipeline.reload()),
    { intervalMs: INDEX_POLL_MS, logger },
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    stopWatching();
    const grace = setTimeout(() => {
      logger.error("answers in flight did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    grace.unref();
    await running.stop();
    clearTimeout(grace);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await running.done.catch(() => {
    process.exitCode = 1;
  });
  stopWatching();
}

function start(app: ReturnType<typeof createBot>, config: Config, logger: Logger): Promise<RunningBot> {
  const webhook = config.telegram.webhook;
  return webhook === undefined ? startPolling(app, logger) : startWebhook(app, webhook, logger);
}

/**
 * The no-token terminal mode: the conversation of `npm run chat` (follow-ups, /new). On a terminal it
 * prompts; with piped stdin it echoes each question before its answer, so the answers do not run together.
 */
async function runTerminal(config: Config, pipeline: Pipeline, logger: Logger): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  await runChat(pipeline, {
    input: process.stdin,
    output: process.stdout,
    interactive,
    greeting: interactive ? chatGreeting(config, pipeline) : undefined,
    logger,
  });
}

// Run only as the entry point, so tests can import the wiring above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
