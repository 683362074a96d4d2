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
  /** For a question whose answer type is recognised for certain: whether the evidence carries it; else null. */
  readonly typed?: boolean | null;
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

/** A quoted sentence, or a sentence and the next one when only that one carries the asked-for answer type. */
export interface EvidenceUnit {
  /** Term hits of the quoted sentences of this unit. */
  readonly quoted: readonly (readonly number[])[];
  /** Term hits of the sentences around them (their chunk), which count at {@link CONTEXT_SHARE}. */
  readonly context: readonly (readonly number[])[];
  /** Whether the unit carries the kind of thing the question asks for, not already named in the question. */
  readonly typed: boolean;
  /** For a category focus ("welche Sprache"): the focus term's best match among the unit's nouns. */
  readonly categoryNoun?: number;
}

/**
 * Measures the evidence. Coverage is that of the best single unit (a sentence with the sentences around it
 * at half strength): one passage must carry the answer, not words gathered from different articles. When
 * the question asks for a kind of answer that can be recognised for certain (`strict`: a number, a
 * duration, a date or time, a rank), only units that carry it count, since a sentence that repeats the
 * question's words without the number does not answer "wie viele". The focus noun of "wie viele X" must
 * occur in the counted unit; a category focus ("welche Organisation") is also satisfied by the asked-for type.
 * Every name the question mentions must occur in a counted unit or around it.
 */
export function measureEvidence(
  matches: readonly TermMatch[],
  units: readonly EvidenceUnit[],
  focus: QuestionFocus | null,
  strict: boolean,
): Evidence {
  // A passage that does not name what the question names (a place, a person) is about something else:
  // "das Wetter in Almaty" is not answered by the weather somewhere else.
  const names = matches.flatMap((m, t) => (m.term.name === true ? [t] : []));
  const namesOf = (u: EvidenceUnit) => names.every((t) => [...u.quoted, ...u.context].some((hits) => (hits[t] ?? 0) >= FOCUS_MATCH));
  const counted = units.filter((u) => (!strict || u.typed) && namesOf(u));
  const unitCoverage = (u: EvidenceUnit) =>
    coverage(matches, [...u.quoted, ...u.context.map((hits) => hits.map((hit) => hit * CONTEXT_SHARE))]);
  const cov = Math.max(0, ...counted.map(unitCoverage));
  const missingName = matches.find((m) => m.term.name === true && m.similar.size === 0)?.term.word ?? null;
  // The focus noun has its own rule (a category may be answered by its type), so it is not counted here.
  const missingNoun =
    matches.find((m) => m.term.noun === true && m.similar.size === 0 && m.term.word.toLowerCase() !== focus?.word)?.term.word ?? null;
  const typed = strict ? counted.length > 0 : null;
  const t = focus === null ? -1 : matches.findIndex((m) => m.term.word.toLowerCase() === focus.word);
  if (focus === null || t < 0) return { coverage: cov, focusFound: null, missingName, missingNoun, typed };
  const lexical = counted.some((u) =>
    focus.kind === "category" && u.categoryNoun !== undefined
      ? u.categoryNoun >= FOCUS_MATCH
      : // What is counted must stand where the number does; a category noun may stand next to it.
        [...u.quoted, ...(strict ? [] : u.context)].some((hits) => (hits[t] ?? 0) >= FOCUS_MATCH),
  );
  const byType = focus.kind === "category" && counted.some((u) => u.typed);
  return { coverage: cov, focusFound: lexical || byType, missingName, missingNoun, typed };
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
  return evidence.coverage >= needed && evidence.focusFound !== false && !evidence.missingName && evidence.typed !== false;
}
