import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { updateIndex } from "../../src/app/indexing.js";
import { parseConfig } from "../../src/config.js";
import type { LoadedIndex } from "../../src/ingest/store.js";
import { createBot } from "../../src/telegram/bot.js";
import { startWebhook } from "../../src/telegram/run.js";
import type { Answer, Ask } from "../../src/types.js";
import { BotApiServer, parseTelegramHtml } from "../helpers/bot-api-server.js";
import {
  alice,
  answerQuoting,
  bob,
  captureLogger,
  realPipeline,
  group,
  privateChat,
  REPO,
  sentencesOf,
  startHarness,
  type Harness,
} from "./harness.js";

const QUESTION = "Wie lange soll die Rückverlegung der Soldaten dauern?";
const EXPECTED_QUOTE = "Die Rückverlegung der Soldaten aus Russland, Belarus, Armenien, Tadschikistan und Kirgistan soll zehn Tage dauern.";

let real: Awaited<ReturnType<typeof realPipeline>>;
let index: LoadedIndex;
let cleanup: () => Promise<void>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  real = await realPipeline();
  index = real.pipeline.index();
  cleanup = real.cleanup;
});
afterAll(async () => {
  await cleanup();
});
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("graceful shutdown", () => {
  it("stops fetching updates and finishes the answer in flight", async () => {
    const started = deferred();
    const release = deferred<Answer>();
    const harness: Harness = await startHarness({
      ask: async () => {
        started.resolve();
        return release.promise;
      },
      library: real.library,
    });
    cleanups.push(() => harness.api.close());
    const { api, running } = harness;
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    await started.promise;

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false); // stop waits for the answer still being worked on
    const sentence = sentencesOf(index).find((s) => s.text === EXPECTED_QUOTE)!;
    release.resolve(answerQuoting(index, [sentence]));
    await stopping;
    const reply = api.botMessages(chat.id)[0];
    expect(reply?.text).toContain(EXPECTED_QUOTE);

    // Nothing is fetched any more: a later question stays unanswered.
    const polls = api.callsOf("getUpdates").length;
    api.sendText(chat, alice, QUESTION);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsOf("getUpdates")).toHaveLength(polls);
    expect(api.botMessages(chat.id)).toHaveLength(1);
  });
});

describe("/reindex", () => {
  it("lets an admin rebuild the index and hot-swaps it without a restart", async () => {
    const own = await realPipeline();
    cleanups.push(own.cleanup);
    const harness = await startHarness({ ask: own.pipeline.ask, library: own.library, env: { ADMIN_USER_IDS: String(alice.id) } });
    cleanups.push(() => harness.stop());
    const { api } = harness;
    const question = "Wann wurde der Leuchtturm von Testhausen wiedereröffnet?";
    const fact = "Der Leuchtturm von Testhausen wurde im Mai 2023 nach drei Jahren Renovierung wiedereröffnet.";
    await writeFile(path.join(own.seedsDir, "001_testhausen.txt"), ` date 2023-05 ${fact} Die Gemeinde feierte mit einem Fest am Hafen.\n`);

    api.sendText(privateChat(bob), bob, "/reindex");
    expect((await api.botMessage(bob.id)).text).toBe("This command is reserved for the bot's administrators.");

    const chat = privateChat(alice);
    api.sendText(chat, alice, "/reindex");
    expect((await api.botMessage(chat.id, 1)).text).toBe("Index wird neu aufgebaut …");
    const done = await api.botMessage(chat.id, 2);
    expect(done.text).toMatch(/^Index neu geladen\. \+1 ~0 −0 · 2 docs, \d+ chunks$/);
    api.sendText(chat, alice, question);
    expect((await api.botMessage(chat.id, 3)).text).toContain(fact);
    api.sendText(chat, alice, "/sources");
    expect((await api.botMessage(chat.id, 4)).text).toContain("2 Dokumente im Index:");
  });
});

describe("streaming in a private chat", () => {
  async function streamingBot(options: { drafts: boolean }) {
    const sentence = sentencesOf(index).find((s) => s.text === EXPECTED_QUOTE)!;
    const final = answerQuoting(index, [sentence], "de", "Laut Quelle: ");
    const tokens = final.text.split(/(?<= )/);
    const ask: Ask = async (_q, ctx) => {
      let partial = "";
      for (const token of tokens) {
        partial += token;
        ctx.onToken?.(partial);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      return { ...final, mode: "llm" };
    };
    const api = await BotApiServer.start();
    if (!options.drafts) api.fail("sendMessageDraft", { error_code: 400, description: "Bad Request: method not available" }, Infinity);
    const harness = await startHarness({ ask, library: real.library, streamIntervalMs: 60, api });
    cleanups.push(() => harness.stop());
    const chat = privateChat(alice);
    const question = api.sendText(chat, alice, QUESTION);
    await api.until(() => api.botMessages(chat.id)[0]?.reply_markup);
    return { api, chat, question, tokens };
  }

  it("streams native drafts (sendMessageDraft), throttled, then sends the final answer", async () => {
    const { api, chat, question, tokens } = await streamingBot({ drafts: true });
    expect(api.drafts.length).toBeGreaterThanOrEqual(1);
    expect(api.drafts.length).toBeLessThan(tokens.length); // throttled: fewer updates than tokens
    expect(api.drafts.every((d) => d.chatId === chat.id && d.draftId === question.message_id)).toBe(true);
    expect(api.drafts.at(-1)!.text.endsWith(" …")).toBe(true);
    expect(api.callsOf("editMessageText")).toHaveLength(0);
    const messages = api.botMessages(chat.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.reply_to_message?.message_id).toBe(question.message_id);
    expect(parseTelegramHtml(messages[0]!.html!)).toContain(`«${EXPECTED_QUOTE}» [1]`);
  });

  it("falls back to one message edited as tokens arrive when the server has no sendMessageDraft", async () => {
    const { api, chat, tokens } = await streamingBot({ drafts: false });
    const messages = api.botMessages(chat.id);
    expect(messages).toHaveLength(1); // the streamed message became the answer
    const first = api.callsOf("sendMessage")[0]!;
    expect(first.params.parse_mode).toBeUndefined();
    expect(String(first.params.text).endsWith(" …")).toBe(true);
    const edits = api.callsOf("editMessageText");
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(edits.length).toBeLessThan(tokens.length); // throttled: fewer edits than tokens
    expect(edits.filter((e) => !(e.response as { ok: boolean }).ok).map((e) => e.response)).toEqual([]);
    expect(api.callsOf("sendMessageDraft")).toHaveLength(1); // tried once, then remembered
    const html = messages[0]!.html!;
    expect(parseTelegramHtml(html)).toContain(`«${EXPECTED_QUOTE}» [1]`);
    expect(html).toContain(`<blockquote>${EXPECTED_QUOTE}</blockquote>`);
  });
});

describe("webhook", () => {
  it("checks the secret token, answers /healthz, drops duplicate update_ids and finishes in flight at stop", async () => {
    const api = await BotApiServer.start();
    cleanups.push(() => api.close());
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const { logger, lines } = captureLogger();
    const app = createBot(api.token, { config, logger, ask: real.pipeline.ask, library: real.library });
    const running = await startWebhook(app, { url: "https://bot.example/tg/hook", port: 0, host: "127.0.0.1", secret: "s3cret-token" }, logger);
    cleanups.push(() => running.stop());
    const base = `http://127.0.0.1:${running.port}`;
    expect(api.webhook).toEqual({ url: "https://bot.example/tg/hook", secret_token: "s3cret-token" });

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);

    const chat = privateChat(bob);
    const message = api.sendText(chat, bob, QUESTION);
    const update = JSON.stringify({ update_id: 9001, message });
    const post = (secret: string | undefined, body = update) =>
      fetch(`${base}/tg/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
        body,
      });
    expect((await post(undefined)).status).toBe(401);
    expect((await post("wrong")).status).toBe(401);
    expect((await post("s3cret-token", "{not json")).status).toBe(400);
    expect(api.botMessages(chat.id)).toHaveLength(0);

    const release = api.hold("sendMessage");
    expect((await post("s3cret-token")).status).toBe(200);
    expect((await post("s3cret-token")).status).toBe(200); // Telegram redelivers
    await api.until(() => api.held("sendMessage") === 1);
    const stopping = running.stop();
    release();
    await stopping;
    expect(api.botMessages(chat.id)).toHaveLength(1);
    expect(api.botMessages(chat.id)[0]!.text).toContain(EXPECTED_QUOTE);
    expect(lines.some((l) => l.includes("duplicate update dropped"))).toBe(true);
    expect(lines.join("")).not.toContain(api.token);
  });
});

// ---------------------------------------------------------------------------------------------
// `npm start` itself, as a child process, over the real pipeline and the real seed.

const TSX = pathToFileURL(path.join(REPO, "node_modules/tsx/dist/loader.mjs")).href;

interface Child {
  readonly process: ChildProcess;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function npmStart(env: Record<string, string>, cwd: string): Child {
  const child = spawn(process.execPath, ["--import", TSX, path.join(REPO, "src/cli/start.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: cwd, LOG_LEVEL: "debug", EMBEDDINGS: "local", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { process: child, stderr: () => stderr, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("npm start", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "citebot-start-"));
    await cp(path.join(REPO, "seeds"), path.join(work, "seeds"), { recursive: true });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("builds the missing index, answers in private chats and groups, hot-reloads a rebuilt index, and shuts down on SIGTERM after the answer in flight", async () => {
    const api = await BotApiServer.start();
    cleanups.push(() => api.close());
    const env = {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      SEEDS_DIR: path.join(work, "seeds"),
      INDEX_DIR: path.join(work, "index"),
    };
    const child = npmStart(env, work);
    cleanups.push(async () => {
      if (child.process.exitCode === null) child.process.kill("SIGKILL");
    });

    // Private chat, through the real pipeline.
    const chat = privateChat(alice);
    api.sendText(chat, alice, QUESTION);
    const first = await api.until(() => api.botMessages(chat.id)[0], 60_000, "the first answer");
    expect(parseTelegramHtml(first.html!)).toContain(EXPECTED_QUOTE);
    const data = first.reply_markup!.inline_keyboard[0]![0]!.callback_data!;
    api.pressButton(chat, alice, first.message_id, data);
    const passage = await api.botMessage(chat.id, 2);
    expect(passage.html).toContain(`<b><u>${EXPECTED_QUOTE}</u></b>`);

    // Group: silent, then a mention.
    api.sendText(group, bob, QUESTION);
    const mention = api.sendText(group, bob, `@${api.bot.username} ${QUESTION}`);
    const inGroup = await api.botMessage(group.id);
    expect(inGroup.reply_to_message?.message_id).toBe(mention.message_id);
    expect(api.botMessages(group.id)).toHaveLength(1);

    // Hot reload: a new seed, indexed by the same library function as `npm run index`.
    const newQuestion = "Wann wurde der Leuchtturm von Testhausen wiedereröffnet?";
    const newFact = "Der Leuchtturm von Testhausen wurde im Mai 2023 nach drei Jahren Renovierung wiedereröffnet.";
    api.sendText(chat, alice, newQuestion);
    const before = await api.botMessage(chat.id, 3);
    expect(before.text).not.toContain(newFact);
    await writeFile(
      path.join(work, "seeds", "001_testhausen.txt"),
      ` date 2023-05 ${newFact} Die Gemeinde feierte die Wiedereröffnung mit einem Fest am Hafen. Der Turm ist nun wieder für Besucher geöffnet.\n`,
    );
    const { logger } = captureLogger();
    const summary = await updateIndex(parseConfig(env), logger);
    expect(summary.added).toBe(1);
    await api.until(() => child.stderr().includes("index reloaded"), 30_000, "the hot reload");
    api.sendText(chat, alice, newQuestion);
    const after = await api.botMessage(chat.id, 4);
    expect(after.text).toContain(newFact);

    // Shutdown with an answer in flight: the reply is held by the server while SIGTERM arrives.
    const release = api.hold("sendMessage");
    api.sendText(chat, alice, QUESTION);
    await api.until(() => api.held("sendMessage") === 1, 30_000, "the answer to be in flight");
    child.process.kill("SIGTERM");
    await api.until(() => child.stderr().includes("finishing answers in flight"), 10_000, "shutdown to begin");
    expect(child.process.exitCode).toBeNull();
    release();
    expect(await child.exited).toBe(0);
    expect(api.botMessages(chat.id)[4]?.text).toContain(EXPECTED_QUOTE);

    const logs = child.stderr();
    expect(logs).not.toContain(api.token);
    expect(logs).not.toContain(api.token.split(":")[1]);
    const questionLines = logs.split("\n").filter((l) => l.includes('"question answered"'));
    expect(questionLines.length).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(questionLines[0]!)).toMatchObject({ chatType: "private", mode: "extractive", refused: false, citations: 1 });
    expect(questionLines[0]).not.toContain(QUESTION); // the question text is only logged at debug level
  }, 120_000);

  it("serves a webhook when WEBHOOK_URL is set, and exits cleanly on SIGINT", async () => {
    const api = await BotApiServer.start();
    cleanups.push(() => api.close());
    const port = await freePort();
    const child = npmStart(
      {
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.apiRoot,
        SEEDS_DIR: path.join(work, "seeds"),
        INDEX_DIR: path.join(work, "index-webhook"),
        WEBHOOK_URL: "https://citebot.example/telegram",
        WEBHOOK_HOST: "127.0.0.1",
        WEBHOOK_PORT: String(port),
        WEBHOOK_SECRET: "a-webhook-secret",
      },
      work,
    );
    cleanups.push(async () => {
      if (child.process.exitCode === null) child.process.kill("SIGKILL");
    });
    await api.until(() => api.webhook, 60_000, "setWebhook");
    expect(api.webhook).toEqual({ url: "https://citebot.example/telegram", secret_token: "a-webhook-secret" });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const chat = privateChat(bob);
    const message = api.sendText(chat, bob, QUESTION);
    const response = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "a-webhook-secret" },
      body: JSON.stringify({ update_id: 77, message }),
    });
    expect(response.status).toBe(200);
    expect((await api.botMessage(chat.id)).text).toContain(EXPECTED_QUOTE);
    expect(api.callsOf("getUpdates")).toHaveLength(0);
    child.process.kill("SIGINT");
    expect(await child.exited).toBe(0);
    expect(child.stderr()).not.toContain("a-webhook-secret");
    expect(child.stderr()).not.toContain(api.token);
  }, 90_000);

  it("exits with a clear message, and without printing it, when Telegram rejects the token", async () => {
    const api = await BotApiServer.start();
    cleanups.push(() => api.close());
    const wrongToken = "987654321:WRONG-token_abcdefghijklmnopqrstuvwxyz0123";
    const child = npmStart(
      { TELEGRAM_BOT_TOKEN: wrongToken, TELEGRAM_API_ROOT: api.apiRoot, SEEDS_DIR: path.join(work, "seeds"), INDEX_DIR: path.join(work, "index") },
      work,
    );
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toContain(`the token was refused by the Bot API at ${api.apiRoot}`);
    expect(child.stderr()).toContain("check TELEGRAM_BOT_TOKEN");
    expect(child.stderr()).not.toContain(wrongToken.split(":")[1]);
    expect(api.callsOf("getMe")[0]?.response).toMatchObject({ ok: false, error_code: 401 });
  }, 60_000);

  it("says in one line per attempt that the Bot API cannot be reached, and keeps retrying with growing delays", async () => {
    const port = await freePort(); // nothing listens there
    const apiRoot = `http://127.0.0.1:${port}`;
    const token = "123456789:TEST-token_ABCdefGHIjklMNOpqrSTUvwxYZ012345";
    const child = npmStart(
      { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, SEEDS_DIR: path.join(work, "seeds"), INDEX_DIR: path.join(work, "index-unreachable") },
      work,
    );
    cleanups.push(async () => {
      if (child.process.exitCode === null) child.process.kill("SIGKILL");
    });
    const attempts = () => child.stderr().split("\n").filter((l) => l.includes("Bot API"));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (attempts().length >= 2) done();
        else if (child.process.exitCode !== null) done(new Error(`exited: ${child.stderr()}`));
      }, 50);
      const done = (error?: Error) => {
        clearInterval(check);
        if (error) reject(error);
        else resolve();
      };
    });
    child.process.kill("SIGTERM");
    const lines = attempts();
    const messages = lines.slice(0, 2).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages[0]).toMatch(new RegExp(`^cannot reach the Bot API at ${apiRoot}: .*ECONNREFUSED.*; retrying in 1 s$`));
    expect(messages[1]).toMatch(/; retrying in 2 s$/);
    expect(child.stderr()).not.toContain("Bot API call failed");
    expect(child.stderr()).not.toContain('"stack"');
    expect(child.stderr()).not.toContain(token.split(":")[1]);
  }, 60_000);

  it("with a missing seeds folder, says so in one line and exits, without a stack trace or a claim about an index that never existed", async () => {
    const missing = path.join(work, "no-such-seeds");
    for (const env of [{}, { TELEGRAM_BOT_TOKEN: "123456789:never-used-because-the-index-fails-first" }]) {
      const child = spawn(process.execPath, ["--import", TSX, path.join(REPO, "src/cli/start.ts")], {
        cwd: work,
        env: { PATH: process.env.PATH ?? "", HOME: work, EMBEDDINGS: "local", SEEDS_DIR: missing, INDEX_DIR: path.join(work, "index-none"), ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      child.stdin.end();
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      const problem = stderr.split("\n").filter((l) => l.includes(missing));
      expect(problem.some((l) => /seeds folder .* does not exist/.test(l))).toBe(true);
      expect(stderr).not.toMatch(/NoSeedsError|^\s+at /m);
      expect(stderr).not.toContain("left untouched");
    }
  }, 60_000);

  it("without a token, says how to get one and answers stdin line by line", async () => {
    const child = spawn(process.execPath, ["--import", TSX, path.join(REPO, "src/cli/start.ts")], {
      cwd: work,
      env: { PATH: process.env.PATH ?? "", HOME: work, EMBEDDINGS: "local", SEEDS_DIR: path.join(work, "seeds"), INDEX_DIR: path.join(work, "index-terminal") },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const second = "Wer ist der Präsident Kasachstans?";
    child.stdin.end(`${QUESTION}\n${second}\n`);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(stderr).toContain("@BotFather");
    expect(stdout).toContain(EXPECTED_QUOTE);
    // Each question is echoed before its answer, as `npm run chat` does, so answers do not run together.
    const first = stdout.indexOf(`? ${QUESTION}\n`);
    const next = stdout.indexOf(`? ${second}\n`);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(next).toBeGreaterThan(stdout.indexOf(EXPECTED_QUOTE));
    expect(stdout.indexOf(EXPECTED_QUOTE)).toBeGreaterThan(first);
    expect(stdout.slice(next)).toContain("Tokajew");
  }, 60_000);
});
