import { turnOf, type Answer, type Ask, type Turn } from "../types.js";

/**
 * A conversation as a sequence of lines: each non-empty line is a question asked with the earlier
 * turns as history, and an empty line starts a new conversation. `ask --conversation` and `npm run eval`
 * both run conversations through {@link converse}, so what eval measures is what the CLI does.
 */

/** Earlier turns handed to `ask` as history; older ones are dropped (the answer stages look at the last few). */
export const HISTORY_TURNS = 3;

/** One step of a conversation: the answer, or the error that question failed with (the conversation goes on). */
export type ConversationStep =
  | { readonly question: string; readonly answer: Answer; readonly history: readonly Turn[] }
  | { readonly question: string; readonly error: unknown; readonly history: readonly Turn[] };

/**
 * The history after an exchange: the turn appended, then cut to the last `keep` turns, oldest first.
 * Pure, so the chat, the CLI and eval keep history the same way.
 */
export function remember(history: readonly Turn[], turn: Turn, keep = HISTORY_TURNS): readonly Turn[] {
  return keep <= 0 ? [] : [...history, turn].slice(-keep);
}

/**
 * Asks each non-empty line in order, handing `ask` the last `keep` earlier turns of the current
 * conversation; a blank line starts a new one. A question that throws yields its error, is left out of
 * the history, and the next line is asked as usual. With `keep: 0` every question is asked alone.
 *
 * @example
 * for await (const step of converse(pipeline.ask, ["Wer ist Tokajew?", "und was befahl er?"])) {
 *   if ("answer" in step) console.log(step.answer.text);
 * }
 */
export async function* converse(
  ask: Ask,
  lines: AsyncIterable<string> | Iterable<string>,
  options: { readonly keep?: number } = {},
): AsyncGenerator<ConversationStep> {
  const keep = options.keep ?? HISTORY_TURNS;
  let history: readonly Turn[] = [];
  for await (const line of lines) {
    const question = line.trim();
    if (question === "") {
      history = [];
      continue;
    }
    const asked = history;
    let answer: Answer;
    try {
      answer = await ask(question, { history: asked });
    } catch (error) {
      yield { question, error, history: asked };
      continue;
    }
    // A greeting is no turn a follow-up could lean on.
    if (answer.kind !== "smalltalk") history = remember(asked, turnOf(question, answer), keep);
    yield { question, answer, history: asked };
  }
}
