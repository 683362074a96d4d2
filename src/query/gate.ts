import type { QuestionFocus } from "./cues.js";
import { coverage, type TermMatch } from "./score.js";

/**
 * The relevance gate: is the best evidence strong enough to answer, or should citebot say the sources do
 * not cover it? Declining is an expected outcome; guessing from a sentence that merely shares the
 * article's main topic ("Kasachstan") is the failure it prevents.
 */

export interface Evidence {
  /** Share of the question's idf-weighted terms covered by the quoted sentences, and at half strength by the sentences around them (0–1). */
  readonly coverage: number;
  /** Whether the noun a "welche X / how many X" question is about occurs near the evidence; null if none. */
  readonly focusFound: boolean | null;
  /** A name the question mentions that occurs nowhere in the sources, e.g. "France"; null if none. */
  readonly missingName?: string | null;
  /** A noun of a German question that matches nothing anywhere in the sources, e.g. "Wetter"; null if none. */
  readonly missingNoun?: string | null;
}

/** A term found only in a sentence next to the quoted ones counts this much: on topic, but not quoted. */
export const CONTEXT_SHARE = 0.5;

/**
 * The coverage a question needs when one of its nouns occurs nowhere in the sources. The missing noun, as
 * rare as a term can be, already takes much of the weight; this asks that the rest of the question carry
 * at least half of it. A noun plus a place ("das Wetter in Rostock") stays below; a question whose other
 * words are matched well ("Wie lange soll der Abzug der Soldaten dauern?" against "Rückzug") passes.
 */
export const MISSING_NOUN_COVERAGE = 0.5;

/** A focus term counts as found at this match strength or better (a compound or derivation is enough). */
const FOCUS_MATCH = 0.6;

/**
 * Measures the evidence: coverage by the quoted sentences (their chunk's other sentences count half, since
 * an answer sentence rarely repeats every word of the question), and whether the question's focus noun appears
 * in them or in the sentences around them (`context`). A category focus ("welche Organisation") is also
 * satisfied when a quoted sentence carries the asked-for answer type, since "OVKS" answers it whether or
 * not the word "Organisation" stands next to it; a counted focus ("wie viele Einwohner") must appear.
 * `categoryNouns`, when given, are the category focus term's matches among the nouns of the same sentences
 * (see `nounHit`): a category is a noun, so a verb that happens to share its stem does not name it.
 */
export function measureEvidence(
  matches: readonly TermMatch[],
  quoted: readonly (readonly number[])[],
  context: readonly (readonly number[])[],
  focus: QuestionFocus | null,
  quotedTypes: readonly boolean[],
  categoryNouns?: readonly number[],
): Evidence {
  const cov = coverage(matches, [...quoted, ...context.map((hits) => hits.map((hit) => hit * CONTEXT_SHARE))]);
  const missingName = matches.find((m) => m.term.name === true && m.similar.size === 0)?.term.word ?? null;
  // The focus noun has its own rule (a category may be answered by its type), so it is not counted here.
  const missingNoun =
    matches.find((m) => m.term.noun === true && m.similar.size === 0 && m.term.word.toLowerCase() !== focus?.word)?.term.word ?? null;
  const t = focus === null ? -1 : matches.findIndex((m) => m.term.word.toLowerCase() === focus.word);
  if (focus === null || t < 0) return { coverage: cov, focusFound: null, missingName, missingNoun };
  const lexical =
    focus.kind === "category" && categoryNouns !== undefined
      ? categoryNouns.some((hit) => hit >= FOCUS_MATCH)
      : [...quoted, ...context].some((hits) => (hits[t] ?? 0) >= FOCUS_MATCH);
  const typed = focus.kind === "category" && quotedTypes.some(Boolean);
  return { coverage: cov, focusFound: lexical || typed, missingName, missingNoun };
}

/**
 * The decision: answer when coverage reaches the threshold (at least {@link MISSING_NOUN_COVERAGE} when a
 * noun of a German question occurs nowhere in the sources), the focus noun (if any) was found, and no name
 * the question mentions is unknown to the sources.
 * The threshold is a setting (RELEVANCE_MIN_COVERAGE) calibrated on the dev set by `npm run eval`.
 *
 * @example
 * passesGate({ coverage: 0.62, focusFound: null }, 0.4) // true
 */
export function passesGate(evidence: Evidence, minCoverage: number): boolean {
  const needed = evidence.missingNoun ? Math.max(minCoverage, MISSING_NOUN_COVERAGE) : minCoverage;
  return evidence.coverage >= needed && evidence.focusFound !== false && !evidence.missingName;
}
