import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createLogger } from "../log.js";
import { loadConfig } from "./env.js";
import type { Pipeline } from "../app/pipeline.js";
import { answerRecord, createPipelineOrExplain, formatForTerminal } from "./output.js";

/**
 * `npm run --silent ask -- [--json] [--seeds DIR] [--index DIR] ["question"]`
 *
 * Answers one question, or one question per line from stdin. With --json each answer is one line of JSON
 * on stdout; logs go to stderr. Builds the index first when it is missing.
 */
const HELP = `Usage: npm run --silent ask -- [options] ["question"]

Answers a question from the seed articles, quoting its sources. Without a question, reads one
question per line from stdin.

Options:
  --json        one line of JSON per answer: {"question","answer","refused","language","mode","citations":[…]}
  --seeds DIR   seeds folder (default: SEEDS_DIR or seeds/)
  --index DIR   index folder (default: INDEX_DIR or index/)
  -h, --help    show this help
`;

async function answerOne(pipeline: Pipeline, question: string, json: boolean): Promise<void> {
  const answer = await pipeline.ask(question, { history: [] });
  process.stdout.write(json ? `${JSON.stringify(answerRecord(question, answer))}\n` : `${formatForTerminal(answer)}\n\n`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
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
    await answerOne(pipeline, question, values.json);
    return 0;
  }
  let failures = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    try {
      await answerOne(pipeline, line, values.json);
    } catch (error) {
      failures++;
      logger.error({ err: error, question: line.slice(0, 200) }, "could not answer");
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
