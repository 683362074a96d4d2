import { timingSafeEqual, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { run } from "@grammyjs/runner";
import { BotError, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { Logger } from "../log.js";
import { ALLOWED_UPDATES, type CitebotBot } from "./bot.js";
import { describe } from "./errors.js";

/** A started bot. `stop` stops taking updates and resolves once the answers in flight are sent. */
export interface RunningBot {
  readonly mode: "polling" | "webhook";
  /** The webhook server's port (useful with port 0 in tests). */
  readonly port?: number;
  /** Settles when the bot stops by itself (e.g. the token was revoked); rejects with the reason. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** The Bot API refused the token (401) or another instance is polling (409): retrying cannot help. */
export class BotStartError extends Error {
  override name = "BotStartError";
}

/** Updates handled at once in polling mode; updates of one chat are in order regardless. */
const ANSWER_CONCURRENCY = 8;

/**
 * Long polling through @grammyjs/runner. Updates of one chat stay in order (the bot sequentializes
 * per chat); failed `getUpdates` calls are retried with exponential backoff.
 *
 * @example
 * const running = await startPolling(app, logger);
 * process.once("SIGTERM", () => void running.stop());
 */
export async function startPolling(app: CitebotBot, logger: Logger): Promise<RunningBot> {
  await initBot(app, logger);
  await app.bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: describe(error) }, "deleteWebhook failed"));
  const commands = registerInBackground(app);
  const handle = run(app.bot, {
    runner: {
      fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 },
      retryInterval: "exponential",
      maxRetryTime: 365 * 24 * 60 * 60 * 1000,
      silent: true, // failures are logged by the API transformer, without the token
    },
    // Answering is CPU-bound. Without a cap, a burst of hundreds of questions keeps the event loop so
    // busy that sendMessage responses go unread until their request times out, and a retry then
    // delivers the answer twice. A few answers at a time keep every reply prompt.
    sink: { concurrency: ANSWER_CONCURRENCY },
  });
  logger.info({ username: app.bot.botInfo.username }, "bot is polling for updates");
  const done = (handle.task() ?? Promise.resolve()).catch((error: unknown) => {
    logger.fatal({ err: describe(error) }, "polling stopped");
    throw new BotStartError("Polling stopped", { cause: error });
  });
  let stopping: Promise<void> | undefined;
  return {
    mode: "polling",
    done,
    stop: () => {
      stopping ??= (async () => {
        logger.info({ inFlight: app.inFlight() }, "stopping: no new updates, finishing answers in flight");
        commands.abort();
        await handle.stop();
        await app.idle();
        logger.info("bot stopped");
      })();
      return stopping;
    },
  };
}

/** Webhook settings, as in {@link Config}`.telegram.webhook`. */
export interface WebhookSettings {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly secret?: string;
}

const UpdateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * Serves a webhook: registers `settings.url` with Telegram (with a secret token, generated when none
 * is configured), accepts only requests carrying that token, answers `GET /healthz`, and handles each
 * `update_id` once even when Telegram delivers it again.
 */
export async function startWebhook(app: CitebotBot, settings: WebhookSettings, logger: Logger): Promise<RunningBot> {
  await initBot(app, logger);
  const commands = registerInBackground(app);
  const secret = settings.secret ?? randomBytes(24).toString("hex");
  const path = new URL(settings.url).pathname;
  const seen = new RecentIds(10_000);
  let accepting = true;

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      logger.error({ err: describe(error) }, "webhook request failed");
      if (!res.headersSent) reply(res, 500, { ok: false });
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      return reply(res, accepting ? 200 : 503, { ok: accepting, inFlight: app.inFlight() });
    }
    if (req.method !== "POST" || url.pathname !== path) return reply(res, 404, { ok: false });
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) {
      logger.warn("webhook request with a wrong secret token");
      return reply(res, 401, { ok: false });
    }
    if (!accepting) return reply(res, 503, { ok: false });
    const body = await readBody(req, MAX_WEBHOOK_BODY_BYTES).catch((error: unknown) => {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return undefined;
    });
    if (body === undefined) {
      logger.warn({ limitBytes: MAX_WEBHOOK_BODY_BYTES }, "webhook body too large; refused with 413");
      // The rest of the body is read and discarded, so the client sees the answer instead of a reset.
      req.resume();
      res.setHeader("connection", "close");
      return reply(res, 413, { ok: false });
    }
    let parsed: z.infer<typeof UpdateShape>;
    try {
      parsed = UpdateShape.parse(JSON.parse(body));
    } catch {
      return reply(res, 400, { ok: false });
    }
    reply(res, 200, { ok: true });
    if (!seen.add(parsed.update_id)) {
      logger.info({ updateId: parsed.update_id }, "duplicate update dropped");
      return;
    }
    // The shape was checked above; grammY reads only the fields each filter asks for.
    const update = parsed as unknown as Update;
    await app.bot.handleUpdate(update).catch(async (error: unknown) => {
      if (error instanceof BotError) await app.bot.errorHandler(error);
      else logger.error({ err: describe(error), updateId: update.update_id }, "webhook update failed");
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : settings.port;
  await app.bot.api.setWebhook(settings.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  logger.info({ port, path }, "webhook server listening");
  let stopping: Promise<void> | undefined;
  return {
    mode: "webhook",
    port,
    done: new Promise((resolve) => server.once("close", () => resolve())),
    stop: () => {
      stopping ??= (async () => {
        accepting = false;
        commands.abort();
        logger.info({ inFlight: app.inFlight() }, "stopping: no new updates, finishing answers in flight");
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await app.idle();
        await closed;
        logger.info("bot stopped");
      })();
      return stopping;
    },
  };
}

/**
 * Registers the command menu without holding up the start: a Bot API that answers `setMyCommands`
 * with 5xx is retried with backoff for minutes, and the bot must answer questions meanwhile.
 */
function registerInBackground(app: CitebotBot): AbortController {
  const controller = new AbortController();
  void app.registerCommands(controller.signal);
  return controller;
}

/** Seconds to wait after the `attempt`-th failed `getMe` (from 0): 1, 2, 4, … and at most 60. */
export function startRetrySeconds(attempt: number): number {
  return Math.min(60, 2 ** Math.min(attempt, 6));
}

/**
 * `getMe`, retried with backoff while the Bot API cannot be reached, one plain line per attempt; a
 * refused token is a {@link BotStartError}. It calls `getMe` itself rather than `bot.init()`, which
 * retries network errors silently for ever.
 */
async function initBot(app: CitebotBot, logger: Logger): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      app.bot.botInfo = await app.bot.api.getMe();
      return;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new BotStartError(
          `the token was refused by the Bot API at ${app.apiRoot} (${error.error_code}); check TELEGRAM_BOT_TOKEN`,
          { cause: error },
        );
      }
      const seconds = startRetrySeconds(attempt);
      logger.warn(`cannot reach the Bot API at ${app.apiRoot}: ${failureReason(error)}; retrying in ${seconds} s`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/** Why a request failed, in a few words: the network error's reason, or the Bot API's error. */
function failureReason(error: unknown): string {
  const described = describe(error);
  const text = [described.errorCode, described.description, described.cause ?? described.message ?? described.value]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  // node-fetch says "request to <url> failed, reason: connect ECONNREFUSED …"; the URL is known already.
  return text.replace(/^.*\breason: /, "") || "unknown error";
}

function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Telegram's updates are far smaller; anything above this is not an update. */
const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > limit) throw new BodyTooLargeError("webhook body too large");
  const chunks: Buffer[] = [];
  let size = 0;
  // Not `for await`: leaving that loop early destroys the request, and the 413 would never arrive.
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.off("end", onEnd);
      reject(new BodyTooLargeError("webhook body too large"));
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString("utf8"));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", reject);
  });
}

/** The last `capacity` update IDs, to drop redeliveries. */
class RecentIds {
  private readonly ids = new Set<number>();
  constructor(private readonly capacity: number) {}
  /** False when the ID was seen already. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}

const ManifestShape = z.looseObject({ buildId: z.string().min(1) });

/**
 * Watches `<indexDir>/manifest.json` for a build other than the one in use (`current()`), written
 * atomically by `npm run index`, and calls `onChange` to hot-swap it. Polling is used because the
 * index folder is replaced as a whole, which `fs.watch` does not follow reliably. A reload that fails
 * is logged and not retried for the same build. Returns a function that stops watching.
 *
 * @example
 * const stop = watchIndexBuilds("index/manifest.json", () => pipeline.index().manifest.buildId, () => pipeline.reload().then(() => {}), { intervalMs: 2000, logger });
 */
export function watchIndexBuilds(
  manifestPath: string,
  current: () => string,
  onChange: (buildId: string) => Promise<void>,
  options: { intervalMs: number; logger: Logger },
): () => void {
  const failed = new Set<string>();
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const manifest = ManifestShape.safeParse(JSON.parse(await readFile(manifestPath, "utf8")));
      if (!manifest.success) return;
      const buildId = manifest.data.buildId;
      if (buildId === current() || failed.has(buildId)) return;
      options.logger.info({ buildId, previous: current() }, "index rebuilt; hot-reloading");
      await onChange(buildId).catch((error: unknown) => {
        failed.add(buildId);
        options.logger.error({ err: describe(error), buildId }, "hot reload failed; the previous index stays active");
      });
    } catch (error) {
      options.logger.debug({ err: describe(error) }, "index manifest not readable right now");
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
