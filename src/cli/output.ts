import { IndexCorruptError, IndexLockedError, IndexMismatchError, NoSeedsError } from "../ingest/store.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { createPipeline, type Pipeline } from "../app/pipeline.js";
import type { Answer } from "../types.js";

/** What the command-line tools print: expected failures as one line, answers as JSON records or terminal text. */

/**
 * {@link createPipeline} for the command-line tools: an expected failure (no seeds, an index of another
 * embedder, a damaged index, a build in progress) is printed as its message alone, and the caller exits
 * with status 1.
 */
export async function createPipelineOrExplain(config: Config, logger: Logger): Promise<Pipeline | undefined> {
  try {
    return await createPipeline(config, logger);
  } catch (error) {
    if (
      error instanceof NoSeedsError ||
      error instanceof IndexMismatchError ||
      error instanceof IndexCorruptError ||
      error instanceof IndexLockedError
    ) {
      process.stderr.write(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** The `ask --json` record: exactly these keys, one line each. */
export function answerRecord(question: string, answer: Answer) {
  return {
    question,
    answer: answer.text,
    kind: answer.kind === "answered" ? "answer" : answer.kind,
    refused: answer.kind === "not_found",
    language: answer.language,
    mode: answer.mode,
    citations: answer.kind === "answered" ? answer.citations.map(({ n, source, title, date, quote, start, end }) => ({ n, source, title, date, quote, start, end })) : [],
  };
}

/**
 * An answer for a terminal: the text, then the numbered sources with title, date, offsets and quote, so
 * a reader can check every claim without opening the files.
 */
export function formatForTerminal(answer: Answer): string {
  const lines = [answer.text];
  if (answer.kind === "answered" && answer.citations.length > 0) {
    lines.push("", answer.language === "de" ? "Quellen:" : "Sources:");
    for (const c of answer.citations) {
      const date = c.date ? `, ${c.date}` : "";
      const page = c.page === undefined ? "" : ` (${answer.language === "de" ? "S." : "p."} ${c.page})`;
      lines.push(`  [${c.n}] ${c.title}${date} — ${c.source}:${c.start}-${c.end}${page}`, `      “${c.quote}”`);
    }
  }
  if (answer.kind === "smalltalk") for (const example of answer.examples) lines.push(`  • ${example}`);
  if (answer.note) lines.push("", `(${answer.note})`);
  return lines.join("\n");
}
