import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { IndexLockedError, IndexMismatchError, NoSeedsError } from "../ingest/store.js";
import { createLogger } from "../log.js";
import type { Answer, Turn } from "../types.js";
import { loadConfig } from "./env.js";
import { createPipeline, formatForTerminal, type Pipeline } from "./pipeline.js";

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
const MAX_TURNS = 3;

async function answerStreaming(pipeline: Pipeline, question: string, history: readonly Turn[], write: (s: string) => void): Promise<Answer> {
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
  let pipeline: Pipeline;
  try {
    pipeline = await createPipeline(config, logger);
  } catch (error) {
    if (error instanceof NoSeedsError || error instanceof IndexMismatchError || error instanceof IndexLockedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const interactive = process.stdin.isTTY === true;
  const write = (s: string) => void process.stdout.write(s);
  const docs = pipeline.index().docs.length;
  write(
    `citebot — ${docs} source${docs === 1 ? "" : "s"}, ${config.answer.mode === "llm" ? `LLM answers (${config.openai.chatModel})` : "extractive answers (no LLM)"}. /help for commands.\n\n`,
  );
  const lines = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  const prompt = () => {
    if (interactive) lines.prompt();
  };
  lines.setPrompt("? ");
  prompt();
  let history: Turn[] = [];
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
        history = [...history, { question: line, answer: answer.text }].slice(-MAX_TURNS);
      } catch (error) {
        logger.error({ err: error }, "could not answer");
        write("Sorry, that failed; please try again.\n");
      }
      write("\n");
    }
    prompt();
  }
  lines.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`chat failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
