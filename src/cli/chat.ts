import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Config } from "../config.js";
import { createLogger } from "../log.js";
import { turnOf, type Answer, type Turn } from "../types.js";
import { loadConfig } from "./env.js";
import { HISTORY_TURNS, remember } from "../app/conversation.js";
import type { Pipeline } from "../app/pipeline.js";
import { createPipelineOrExplain, formatForTerminal } from "./output.js";

/**
 * `npm run chat -- [--seeds DIR] [--index DIR]`
 *
 * An interactive conversation in the terminal with the same pipeline as the bot: follow-up questions
 * keep their context, every answer lists its numbered sources, and it works with no API key at all
 * (extractive answers). In LLM mode the answer streams in as it is generated.
 */
const HELP = `Usage: npm run chat -- [--seeds DIR] [--index DIR]

Ask questions about the seed articles; follow-ups ("und wann?") keep the context.
Commands: /new starts a new conversation, /help shows this, /quit (or Ctrl-D) leaves.
`;

/** Earlier turns kept for follow-ups; older ones are dropped. */

async function answerStreaming(pipeline: Pick<Pipeline, "ask">, question: string, history: readonly Turn[], write: (s: string) => void): Promise<Answer> {
  let shown = "";
  const answer = await pipeline.ask(question, {
    history,
    onToken: (partial) => {
      if (partial.startsWith(shown)) write(partial.slice(shown.length));
      shown = partial;
    },
  });
  if (shown === "") write(`${formatForTerminal(answer)}\n`);
  else if (shown.trim() === answer.text) write(`\n${formatForTerminal(answer).slice(answer.text.length)}\n`);
  else write(`\n\n${formatForTerminal(answer)}\n`);
  return answer;
}

export interface ChatOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Prompt and line editing on a terminal; without, each question is echoed before its answer. Default: `input.isTTY`. */
  readonly interactive?: boolean;
  /** Printed once before the first prompt. */
  readonly greeting?: string;
  /** Where a failed answer is reported; the conversation goes on either way. */
  readonly logger?: { error(object: object, message?: string): void };
}

/**
 * The terminal conversation over any pipeline: answers stream in as they are generated, each lists its
 * numbered sources, follow-ups keep the last few turns, and /new, /help and /quit work. Shared by
 * `npm run chat` and by `npm start` without a Telegram token, so both behave alike. Resolves when the
 * input ends or the user quits.
 *
 * @example
 * await runChat(pipeline, { input: process.stdin, output: process.stdout, greeting: "citebot\n" });
 */
export async function runChat(pipeline: Pick<Pipeline, "ask">, options: ChatOptions): Promise<void> {
  const { input, output } = options;
  const interactive = options.interactive ?? (input as { isTTY?: boolean }).isTTY === true;
  const write = (s: string) => void output.write(s);
  if (options.greeting) write(options.greeting);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => {
    if (interactive) lines.prompt();
  };
  lines.setPrompt("? ");
  prompt();
  let history: readonly Turn[] = [];
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === "") {
      prompt();
      continue;
    }
    if (line === "/quit" || line === "/exit") break;
    if (line === "/help") {
      write(HELP);
    } else if (line === "/new") {
      history = [];
      write("(new conversation)\n\n");
    } else {
      if (!interactive) write(`? ${line}\n`);
      try {
        const answer = await answerStreaming(pipeline, line, history, write);
        if (answer.kind !== "smalltalk") history = remember(history, turnOf(line, answer), HISTORY_TURNS);
      } catch (error) {
        options.logger?.error({ err: error }, "could not answer");
        write("Sorry, that failed; please try again.\n");
      }
      write("\n");
    }
    prompt();
  }
  lines.close();
}

/** The first line of a chat: how many sources, and whether answers come from an LLM. */
export function chatGreeting(config: Config, pipeline: Pick<Pipeline, "index">): string {
  const docs = pipeline.index().docs.length;
  const mode = config.answer.mode === "llm" ? `LLM answers (${config.openai.chatModel})` : "extractive answers (no LLM)";
  return `citebot — ${docs} source${docs === 1 ? "" : "s"}, ${mode}. /help for commands.\n\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string" },
      index: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig({ SEEDS_DIR: values.seeds, INDEX_DIR: values.index });
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, [config.openai.apiKey, config.telegram.token]);
  const pipeline = await createPipelineOrExplain(config, logger);
  if (!pipeline) return 1;
  await runChat(pipeline, { input: process.stdin, output: process.stdout, greeting: chatGreeting(config, pipeline), logger });
  return 0;
}

// Run only as the entry point, so `npm start` can import runChat.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`chat failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
