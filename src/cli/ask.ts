import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createLogger } from "../log.js";
import { loadConfig } from "./env.js";
import { converse } from "../app/conversation.js";
import type { Answer } from "../types.js";
import { answerRecord, createPipelineOrExplain, formatForTerminal } from "./output.js";

/**
 * `npm run --silent ask -- [--json] [--conversation] [--seeds DIR] [--index DIR] ["question"]`
 *
 * Answers one question, or one question per line from stdin. With --json each answer is one line of JSON
 * on stdout; logs go to stderr. With --conversation the stdin lines are one conversation (follow-ups see
 * the earlier turns; an empty line starts a new one), through the same code eval runs conversations with.
 * Builds the index first when it is missing.
 */
const HELP = `Usage: npm run --silent ask -- [options] ["question"]

Answers a question from the seed articles, quoting its sources. Without a question, reads one
question per line from stdin.

Options:
  --json          one line of JSON per answer:
                  {"question","answer","kind","refused","language","mode","citations":[…]}
  --conversation  the stdin lines are one conversation: follow-up questions see the
                  earlier turns, and an empty line starts a new conversation
  --seeds DIR     seeds folder (default: SEEDS_DIR or seeds/)
  --index DIR     index folder (default: INDEX_DIR or index/)
  -h, --help      show this help
`;

function print(question: string, answer: Answer, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(answerRecord(question, answer))}\n` : `${formatForTerminal(answer)}\n\n`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        conversation: { type: "boolean", default: false },
        seeds: { type: "string" },
        index: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig({ SEEDS_DIR: values.seeds, INDEX_DIR: values.index });
  const logger = createLogger(config.logLevel, [config.openai.apiKey, config.telegram.token]);
  const pipeline = await createPipelineOrExplain(config, logger);
  if (!pipeline) return 1;
  const question = positionals.join(" ").trim();
  if (question !== "") {
    print(question, await pipeline.ask(question, { history: [] }), values.json);
    return 0;
  }
  let failures = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Without --conversation every line is asked alone (no history kept).
  for await (const step of converse(pipeline.ask, lines, values.conversation ? {} : { keep: 0 })) {
    if ("answer" in step) {
      print(step.question, step.answer, values.json);
    } else {
      failures++;
      logger.error({ err: step.error, question: step.question.slice(0, 200) }, "could not answer");
    }
  }
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
