import { namesFocus, type QuestionFocus } from "./cues.js";
import { bestSimilar, coverage, type TermMatch } from "./score.js";
import type { FollowUpReason } from "./understand.js";

/**
 * The relevance gate: is the best evidence strong enough to answer, or should citebot say the sources do
 * not cover it? Declining is an expected outcome; guessing from a sentence that merely shares the
 * article's main topic ("Kasachstan") is the failure it prevents.
 */

export interface Evidence {
  /** Share of the question's idf-weighted terms covered by the quoted sentences, and at half strength by the sentences around them (0–1). */
  readonly coverage: number;
  /** Whether what a "wie viele X / how many X" question counts stands beside the number; null if it counts nothing named. */
  readonly focusFound: boolean | null;
  /** A name the question mentions that occurs nowhere in the sources, e.g. "France"; null if none. */
  readonly missingName?: string | null;
  /** For a question whose answer type is recognised for certain: whether the evidence carries it; else null. */
  readonly typed?: boolean | null;
  /** For each unit: whether it counted (its passage names what the question names and is on its subject). */
  readonly counted?: readonly boolean[];
  /** True when the quotes meet one word of the question only, and only loosely, while another is nowhere in the sources. */
  readonly lone?: boolean;
  /** For a question about a period counted back from now ("letztes Jahr"): whether the quotes say such a period. */
  readonly periodSaid?: boolean;
}

/** A term found only in a sentence next to the quoted ones counts this much: on topic, but not quoted. */
export const CONTEXT_SHARE = 0.5;

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
  /** For each term of the question: whether the unit's document mentions it (a name need not stand in the sentence). */
  readonly inDocument?: readonly boolean[];
  /** Term hits of the first sentence of the unit's article: a news article's lead says what all of it is about. */
  readonly lead?: readonly number[];
  /** For each term: whether the unit's sentences, those around them or the lead begin a word with a modifier of the term's compound (QueryTerm.modifiers). */
  readonly modifiersSaid?: readonly boolean[];
  /** For each term: how well the words beside a number in the quoted sentences match it (what the numbers count). */
  readonly counted?: readonly number[];
  /** Whether a number of the quoted sentences counts something: words follow it in its clause ("80 Mitarbeiter", not "bis 2030."). */
  readonly countsSomething?: boolean;
}

/**
 * Measures the evidence. Coverage is that of the best single unit (a sentence with the sentences around it
 * at half strength): one passage must carry the answer, not words gathered from different articles. When
 * the question asks for a kind of answer that can be recognised for certain (`strict`: a number, a
 * duration, a date or time, a rank; a name, or an organisation asked for by its kind), only units that
 * carry it count, since a sentence that repeats the question's words without the number does not answer
 * "wie viele". What "wie viele X" counts must stand in the counted unit's quoted sentences, every name the
 * question mentions in the unit or around it, and some other word of the question in its quoted sentences.
 * A category noun ("welche Sorten") is an ordinary term here: the answer need not repeat it.
 * `followUp`: why the question leans on the turn before, if it does. One that points back by a pronoun
 * lets the earlier turn's words (its context terms) say what it is about; an ellipsis lets the earlier
 * question's words say what is asked.
 */
export function measureEvidence(
  matches: readonly TermMatch[],
  units: readonly EvidenceUnit[],
  focus: QuestionFocus | null,
  strict: boolean,
  followUp: FollowUpReason | null = null,
): Evidence {
  // A passage from an article that never names what the question names (a place, a person) is about
  // something else: "das Wetter in Almaty" is not answered by the weather somewhere else. A news article
  // names its place once, so the article, not the sentence, must mention it.
  const names = matches.flatMap((m, t) => (m.term.name === true ? [t] : []));
  // A match counts as the term found at FOCUS_MATCH of the best the term can reach: a translation from
  // deeper in the dictionary weighs less than the word itself.
  // A term the sources have only by a stand-in (a compound's head, a synonym's) is found by that stand-in.
  const reachable = (t: number) => foundAt(matches[t]);
  const namesOf = (u: EvidenceUnit) =>
    names.every((t) => u.inDocument?.[t] === true || [...u.quoted, ...u.context].some((hits) => (hits[t] ?? 0) >= reachable(t)));
  // Nor is a passage that matches only the names: "Wer ist der Bürgermeister von Göttingen?" is not
  // answered by any sentence about Göttingen. Some word of what is asked must stand in the quoted sentences,
  // in any form the matching allows (inflected, in a compound, a synonym or translation).
  // An ellipsis ("Und im Zoo von Lindenau?") names a new subject for the question before: what that
  // question asked ("wie viele Pfleger arbeiten …") is asked again, and a passage may speak to it instead.
  // (What the last answer quoted is not asked: its names only say which story the talk is on.)
  // (One with no words of its own, "Und wann?", asks nothing a passage must have, as before.)
  // In a follow-up the talk has named its story: "Wie viele Leute arbeiten dort?" asks a count of any people
  // in it ("80 Mitarbeiter"), and the asker's word for them need not stand there (alone, it helps find the story).
  const own = askedTerms(matches, focus).filter((t) => !(followUp !== null && focus?.kind === "people" && namesFocus(matches[t]!.term.word, focus)));
  const askedAgain = followUp === "ellipsis" && own.length > 0 ? matches.flatMap((m, t) => (m.term.askedBefore === true && m.term.weight > 0 ? [t] : [])) : [];
  const asked = [...own, ...askedAgain];
  const speaksTo = (u: EvidenceUnit) => asked.length === 0 || asked.some((t) => u.quoted.some((hits) => (hits[t] ?? 0) > 0));
  // And a German question's nouns say what it is about: a passage near none of them, in an article whose
  // lead names none of them either, is off the subject ("Wie hoch ist der Turm?" is not answered by "die
  // hohen Kosten"). A later sentence of the article says "der Bau" for the "Straßenbahnlinie" of its lead.
  const nouns = matches.flatMap((m, t) => (m.term.noun === true && m.term.name !== true && m.term.context !== true ? [t] : []));
  // In a follow-up that points back by a pronoun or goes on from the last turn ("Und …"), a definite noun
  // names what the last turn was about ("Warum ist ihr die Firma so wichtig?" after a question on the
  // Hallmann sale, "Und was kostet er im laufenden Betrieb?" after the tower's price): its words say the
  // subject too. An indefinite one ("eine Geldstrafe") is a new thing asked about, and must be there.
  // A compound the sources lack is near by its modifier as well: "der Seilbahnunfall" is the story of a
  // "Seilbahn", though its lead does not call it an "Unfall".
  const carried = (followUp === "pronoun" || followUp === "ellipsis") && nouns.every((t) => matches[t]!.term.definite === true) ? matches.flatMap((m, t) => (m.term.context === true ? [t] : [])) : [];
  const onSubject = (u: EvidenceUnit) =>
    nouns.length === 0 ||
    [...nouns, ...carried].some((t) => saidAround(u, t) || u.modifiersSaid?.[t] === true);
  const counts = units.map((u) => (!strict || u.typed) && namesOf(u) && speaksTo(u) && onSubject(u));
  const counted = units.filter((_, k) => counts[k]);
  // A measure's noun ("Höhe") tells which sentence gives the measure, not that the sentence is about what
  // the question names, so it is left out of how much of the question the evidence covers.
  const covered = matches.map((m) => (m.term.measure === true ? { ...m, term: { ...m.term, weight: 0 } } : m));
  const unitCoverage = (u: EvidenceUnit) =>
    coverage(covered, [...u.quoted, ...u.context.map((hits) => hits.map((hit) => hit * CONTEXT_SHARE))]);
  const cov = Math.max(0, ...counted.map(unitCoverage));
  const missingName = matches.find((m) => m.term.name === true && m.similar.size === 0)?.term.word ?? null;
  const lone = loneMatch(matches, counted, focus);
  const typed = strict ? counted.length > 0 : null;
  // A name is not counted or measured ("Wie alt ist Nasarbajew?" is answered a sentence after his name).
  // "Wie viele Menschen …": a number that counts something, whatever the sources call the people.
  if (focus?.kind === "people") return { coverage: cov, focusFound: counted.some((u) => u.countsSomething !== false), missingName, typed, counted: counts, lone };
  const t = focus === null || focus.kind === "category" ? -1 : matches.findIndex((m) => namesFocus(m.term.word, focus) && m.term.name !== true);
  if (t < 0) return { coverage: cov, focusFound: null, missingName, typed, counted: counts, lone };
  // The role whose holder is asked for must be named where the evidence is: "Wie heißt die Schulleiterin?"
  // is not answered by the caretaker's name.
  // A synonym names it too ("Stadtchefin" / "Bürgermeisterin"), as well as the sources can.
  if (focus?.kind === "role") {
    const named = FOCUS_MATCH * bestSimilar(matches[t]);
    // A role no source names at all is not found either, however little any sentence has of it.
    if (!(named > 0)) return { coverage: cov, focusFound: false, missingName, typed, counted: counts, lone };
    return { coverage: cov, focusFound: counted.some((u) => u.quoted.some((hits) => (hits[t] ?? 0) >= named)), missingName, typed, counted: counts, lone };
  }
  // What a price is asked of must be named where the price is: "Der Bau des Stützpunkts kostete 11,5 Millionen
  // Euro" gives no price of a single rescue flight. News gives its subject's price as "Das Projekt kostet …"
  // or "Die Kosten …", so a sentence around the price or the article's lead may name the thing instead,
  // by any of the question's senses of it.
  if (focus?.kind === "priced") {
    return { coverage: cov, focusFound: counted.some((u) => saidAround(u, t)), missingName, typed, counted: counts, lone };
  }
  // What is counted must stand beside the number: "viele Vermisste, Dutzende Verletzte" gives no number of the missing.
  const focusFound = counted.some((u) => (u.counted ?? u.quoted.reduce((best, hits) => hits.map((h, k) => Math.max(h, best[k] ?? 0)), []))[t]! >= reachable(t));
  return { coverage: cov, focusFound, missingName, typed, counted: counts, lone };
}

/** True when the unit's quotes, the sentences around them or its article's lead meet term `t` at all. */
function saidAround(u: EvidenceUnit, t: number): boolean {
  return [...u.quoted, ...u.context, ...(u.lead ? [u.lead] : [])].some((hits) => (hits[t] ?? 0) > 0);
}

/** How well a sentence must meet a term for the term to be found there: {@link FOCUS_MATCH} of the best the term can reach. */
export function foundAt(match: TermMatch | undefined): number {
  return FOCUS_MATCH * Math.min(1, match?.reach ?? Math.max(0, ...(match?.term.alternatives.map((a) => a.weight) ?? [1])));
}

/**
 * How well the quotes must meet a word for it to stand alone: as the word, its lemma or its first
 * translation (0.9), not as a compound's part (0.8), a later sense or a synonym. (0.75–0.9 measured alike
 * on the tune-side answers; 0.85 and 0.9 declined the most general-knowledge questions, `extra/general.json`.)
 */
const LONE_MATCH = 0.85;

/**
 * True when the counted units (their quotes and the sentences around them) meet one of the question's words
 * only, and that one below {@link LONE_MATCH}, while another of its own words is nowhere in the sources: "Who is the current
 * pope?" is not answered by a sentence with "derzeit" in "jederzeit" when no source speaks of a pope. One
 * loose stand-in is the sources' word for something else as often as the asker's.
 */
function loneMatch(matches: readonly TermMatch[], counted: readonly EvidenceUnit[], focus: QuestionFocus | null): boolean {
  // The words looked for: not the asker's words a follow-up no longer looks for (weight 0), not "Menschen"
  // of "wie viele Menschen", which any count of people meets, nor a measure's nouns ("Euro" for "wie viel
  // Geld"), which any sum meets. An earlier turn's words count as met, since they say the evidence is on
  // the conversation's subject, but not as missing.
  const looked = matches.flatMap((m, t) => (!(m.term.weight > 0) || m.term.measure === true || (focus?.kind === "people" && namesFocus(m.term.word, focus)) ? [] : [t]));
  if (!looked.some((t) => matches[t]!.term.context !== true && matches[t]!.similar.size === 0)) return false;
  // Met in the quoted sentences or the sentences around them ("Wann soll die Raumsonde bei dem Asteroiden
  // ankommen?": the asteroid is named a sentence before the date).
  const best = (t: number) => Math.max(0, ...counted.flatMap((u) => [...u.quoted, ...u.context].map((hits) => hits[t] ?? 0)));
  const met = looked.filter((t) => best(t) > 0);
  return met.length <= 1 && looked.every((t) => matches[t]!.term.name === true || best(t) < LONE_MATCH);
}

/**
 * The terms that say what is asked, as opposed to what it is asked about: the question's own full-weight
 * words that are not names (or are names said as nouns, see QueryTerm.asked), the nouns of the measure it
 * asks for, and its focus, however light a word it is ("Menschen" in "Wie viele Menschen arbeiten für
 * Van Dijk?"). Evidence must have one of them in a quoted sentence.
 */
export function askedTerms(matches: readonly TermMatch[], focus: QuestionFocus | null = null): number[] {
  return matches.flatMap((m, t) =>
    ((m.term.name !== true || m.term.asked === true) && m.term.context !== true && (m.term.weight >= 1 || m.term.measure === true)) ||
    (focus !== null && m.term.context !== true && namesFocus(m.term.word, focus))
      ? [t]
      : [],
  );
}

/**
 * The decision: answer when the best passage covers enough of the question (RELEVANCE_MIN_COVERAGE, set on
 * the eval's tune split), carries the asked-for kind of answer when that can be told for certain, has what
 * a "wie viele" question counts beside its number, no name the question mentions is missing, it does
 * not rest on one loose match when another word of the question is nowhere in the sources (see {@link loneMatch}),
 * and it says the period a question counts back from now asks about ("letztes Jahr").
 *
 * @example
 * passesGate({ coverage: 0.62, focusFound: null }, 0.3) // true
 */
export function passesGate(evidence: Evidence, minCoverage: number): boolean {
  return (
    evidence.coverage >= minCoverage &&
    evidence.focusFound !== false &&
    !evidence.missingName &&
    evidence.typed !== false &&
    evidence.lone !== true &&
    evidence.periodSaid !== false
  );
}
