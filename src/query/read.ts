import { lowerBound } from "../ingest/bm25.js";
import { fold } from "../ingest/keyword.js";
import type { Passage } from "../types.js";
import { answerType, asksHowMany, asksPersonName, contradictsPeriod, countedByNumbers, countsBack, countsSomething, givesStatement, isAcronymOrLegalForm, isAttributedQuote, isReportedSpeech, isUnitWord, measuresOnly, namesFocus, namesReason, quotedTitles, saysBound, saysNotKnown, speaksOfPlan, type AnswerType, type QuestionFocus } from "./cues.js";
import { MAX_SENTENCES, selectSentences } from "./extractive.js";
import { CONTEXT_SHARE, askedTerms, foundAt, measureEvidence, passesGate, type Evidence, type EvidenceUnit } from "./gate.js";
import { articleRange, articleStart, articleWindow, bestSimilar, coverage, matchTerms, namesSame, scoreSentences, termHits, TYPE_BONUS, type ScoredSentence, type Sentence, type SentenceStats, type TermMatch } from "./score.js";
import type { Understanding } from "./understand.js";

/**
 * The reading stage: the retrieved passages' sentences scored against the question, the best few selected
 * as evidence, and the decision whether that evidence answers the question. What the extractive answer
 * quotes and what the LLM path falls back on.
 */

/** What reading adds to the understanding and the passages. */
export interface Reading {
  readonly passages: readonly Passage[];
  readonly matches: readonly TermMatch[];
  readonly selected: readonly ScoredSentence[];
  readonly evidence: Evidence;
  /** True when the evidence answers the question: the relevance gate passed. */
  readonly passes: boolean;
}

export interface ReadSettings {
  /** Minimum share of the question's weighted terms the quoted evidence must cover (RELEVANCE_MIN_COVERAGE). */
  readonly minCoverage: number;
}

/** Answer types recognised for certain in a sentence (digits, number words, dates): evidence must carry them. */
export const STRICT_TYPES: ReadonlySet<AnswerType> = new Set(["number", "duration", "time", "ordinal"]);

/** The answer types whose best sentence in context leads a selection that has none (see withTypedFirst). */
const TYPED_FIRST: ReadonlySet<AnswerType> = new Set([...STRICT_TYPES, "reason", "list"]);

/** Sentences after a retrieved passage that are read with it (1–3 tried on the tune sets; 2 was best). */
const READ_PAST = 2;

/** How well a sentence must match a name to mention it. */
const NAME_MATCH = 0.6;

/**
 * How well the last answer's article must match a follow-up's own word to have it: better than a synonym
 * (0.6), as the word itself, a form or compound of it, or a close spelling. A synonym is the asker's
 * paraphrase as often as the sources' word (0.65–1 tried on the tune conversations; 0.65–0.7 best).
 */
const OWN_MATCH = 0.7;

/** What "wie viele X / how many X" counts, and the role whose holder is asked for, must be in the answer, so X weighs double. */
const COUNTED_FOCUS_WEIGHT = 2;

/**
 * Scores the sentences of the retrieved passages (each with its passage's fused rank as a prior), selects
 * the evidence and applies the gate. `matched` is the question's terms resolved against the corpus, when
 * the caller has them already (retrieval uses them too). Pure given the sentence statistics.
 *
 * @example
 * const reading = read(understanding, passages, stats, { minCoverage: 0.4 });
 * if (reading.passes) quote(reading.selected);
 */
export function read(
  understanding: Understanding,
  passages: readonly Passage[],
  stats: SentenceStats,
  settings: ReadSettings,
  matched: readonly TermMatch[] = matchTerms(understanding.terms, stats),
): Reading {
  const top = passages[0]?.fused ?? 1;
  const candidates = new Map<number, number>();
  for (const passage of passages) {
    for (const i of stats.chunkSentences(passage.chunk.id)) {
      candidates.set(i, Math.max(candidates.get(i) ?? 0, passage.fused / top));
    }
  }
  // A chunk may end right before the answer: the sentences after it in its article are read too, without
  // a retrieval prior ("… die Partei X." | "Parteichef Y sprach …").
  for (const passage of passages) {
    const last = stats.chunkSentences(passage.chunk.id).at(-1);
    if (last === undefined) continue;
    for (let i = last + 1; i <= last + READ_PAST && i < stats.count && stats.source(i) === stats.source(last); i++) {
      if (!candidates.has(i)) candidates.set(i, 0);
    }
  }
  const { focus, answerType: expected } = understanding;
  // A news article names its story's reason as such further on, in words of its own ("Hauptgrund für das
  // Aus ist der Schneemangel."), which retrieval need not bring: the best passage's article's such
  // sentences are read too, without a retrieval prior (scoring meets them through the lead, see scoreSentences).
  if (expected === "reason") for (const i of reasonsNamed(passages[0], stats)) if (!candidates.has(i)) candidates.set(i, 0);
  // The term that says what is counted, which role's holder or which category is asked for.
  const at = focus === null ? -1 : matched.findIndex((m) => namesFocus(m.term.word, focus));
  // Never changed once made: term hits are remembered per matches array (see termHits).
  const weighted: readonly TermMatch[] = matched.map((m, t) => {
    if (t !== at) return m;
    const focused = focus?.kind === "counted" || focus?.kind === "role" ? { ...m, term: { ...m.term, weight: m.term.weight * COUNTED_FOCUS_WEIGHT } } : m;
    // "Was für eine Halle …?": a kind of it (see sortsOf).
    return focus?.sort === true ? sortsOf(focused) : focused;
  });
  const categoryTerm = focus?.kind === "category" ? at : -1;
  const quoted = previouslyQuoted(understanding, [...candidates.keys()], stats);
  const near = besideQuotes(quoted, stats);
  // "Wie lange brauchten sie dafür?" after an answer about a bank robbery: when the last answer's
  // article has none of a pronoun follow-up's own words, they are the asker's, not the sources', and the
  // question asks for its kind of answer about what that answer spoke of. They are then not looked for.
  const pointsBack = pointsBackOnly(understanding, weighted, quoted, stats);
  const matches = pointsBack ? earlierTurnsOnly(weighted) : weighted;
  // "Wie heißt er?", "Wer ist das?" with no word of their own ask for the one the last answer spoke of:
  // named in its quotes or the sentence after them, or not named at all, not anyone else in the article.
  const ofWhom = (expected === "name" || expected === "person") && understanding.terms.every((t) => t.context === true);
  if ((ofWhom || pointsBack) && quoted.length > 0) {
    const kept = new Set([...quoted, ...near, ...introducing(quoted, stats)]);
    for (const i of [...candidates.keys()]) if (!kept.has(i)) candidates.delete(i);
  }
  // "Wann soll …": a sentence that speaks of a plan gives the planned date, one about what happened the past's.
  const plans = (i: number) => understanding.planned === true && speaksOfPlan(stats.sentence(i).text);
  // "Seit wann …": a sentence that gives a span's start ("seit 2019", "gegründet") answers it, not one that gives its end.
  const bounds = (i: number) => {
    if (understanding.bound === undefined) return 0;
    const text = stats.sentence(i).text;
    if (saysBound(text, understanding.bound)) return BOUND_BONUS;
    return saysBound(text, understanding.bound === "start" ? "end" : "start") ? -BOUND_BONUS : 0;
  };
  // "Welcher Ort …", "Which farmer …": a sentence that names one by the category ("der Ort Mühlstetten",
  // "Landwirt Klaus Dettweiler") answers, not one that only speaks of one ("einem Landwirt").
  // Only a sentence with a word of the category is read word by word (a question has hundreds of candidates).
  const category = categoryTerm >= 0 ? matched[categoryTerm] : undefined;
  const categoryStems = category === undefined ? [] : memberStems(category.similar);
  const member = (i: number) => categoryStems.some((stem) => stats.stems(i).has(stem)) && namesMember(stats.sentence(i).text, category!.similar);
  // What was said, who said it and why come a sentence after the one that names the event as often as in
  // it; not a role's holder (the next sentence's speaker is someone else).
  const saidNext = expected !== null && SAID_NEXT.has(expected) && focus?.kind !== "role";
  const scored = scoreSentences(
    [...candidates].map(([index, prior]) => ({ index, prior, bonus: (near.has(index) ? NEIGHBOUR_BONUS : 0) + (plans(index) ? PLAN_BONUS : 0) + bounds(index) + (member(index) ? MEMBER_BONUS : 0) })),
    matches,
    stats,
    expected,
    categoryTerm,
    ofKind(understanding, stats, at >= 0 ? matched[at] : undefined, matched.filter((m, t) => t !== at && m.term.context !== true)),
    (i) => saidNext && i + 1 < stats.count && stats.source(i + 1) === stats.source(i) && continues(stats.sentence(i + 1).text),
  );
  const namesAll = namingAll(matches, stats);
  const roleTerm = focus?.kind === "role" ? at : -1;
  const spoken = roleFirst(speakingFirst(scored, matches, namesAll, focus), roleTerm, matches);
  const theirs = understanding.overview === true ? null : theirWords(spoken, understanding, quoted, stats);
  const ranked = understanding.overview === true ? firstMentionFirst(spoken, matches, stats, expected) : (theirs ?? spoken);
  // What a person said is asked for by who said it: the question's own words ("zur Schließung") need not
  // stand in it, as a pronoun follow-up's words need not where they point back only (see pointsBackOnly).
  const weighed = theirs === null ? matches : earlierTurnsOnly(matches);
  const strict = expected !== null && STRICT_TYPES.has(expected);
  const selected = withContinuation(
    withTypedNeighbour(
      withLeaderFirst(
        withCountedFirst(withTypedFirst(selectSentences(ranked, { strict }), ranked, expected, stats, matches, namesAll), ranked, focus?.kind === "counted" ? at : -1, stats, matches, namesAll),
        ranked,
        roleTerm < 0,
        stats,
        matches,
        namesAll,
      ),
      ranked,
      expected,
      roleTerm >= 0,
      stats,
    ),
    ranked,
    expected,
  );
  const units = evidenceUnits(selected, stats, weighed, strict);
  // A name may stand in the sentence after its subject ("…», sagte Vereinssprecherin Ida Holm."), but the
  // evidence must have one: a question for a name is not answered by a role.
  // "Wie viele Unfälle gab es letztes Jahr?": a count the quotes give for no such period is of another time,
  // as is one they date in this year instead (see contradictsPeriod).
  const period = understanding.period;
  const evidence = {
    ...measureEvidence(weighed, units, focus, strict || expected === "name" || asksWhichOrganization(understanding), understanding.followUp?.reason ?? null),
    ...(period !== undefined ? { periodSaid: selected.some((s) => period.test(s.sentence.text) && !contradictsPeriod(understanding.question, s.sentence.text)) } : {}),
  };
  const passes = selected.length > 0 && passesGate(evidence, settings.minCoverage) && !saysUnknown(ranked, selected, expected, askedCoverage(weighed, focus));
  // An overview's first mention stays first: it need not repeat the words of what is asked to say what the story is.
  const ordered = passes && understanding.overview !== true ? answerFirst(countedFirst(selected, evidence, strict), expected, strict) : selected;
  return { passages, matches, selected: ordered, evidence, passes };
}

/**
 * The sentences of a passage's article that name a reason as such (see namesReason); none without a
 * passage. Of a long document, only those of its window around the passage (see articleWindow).
 */
function reasonsNamed(passage: Passage | undefined, stats: SentenceStats): number[] {
  const at = passage === undefined ? undefined : stats.chunkSentences(passage.chunk.id)[0];
  if (at === undefined) return [];
  const [from, to] = articleWindow(at, stats);
  const named: number[] = [];
  for (let i = from; i <= to; i++) if (namesReason(stats.sentence(i).text)) named.push(i);
  return named;
}

/** The matches with the asker's own words not looked for (weight 0), only the earlier turn's: a follow-up that only points back. */
function earlierTurnsOnly(matches: readonly TermMatch[]): TermMatch[] {
  return matches.map((m) => (m.term.context === true ? m : { ...m, term: { ...m.term, weight: 0, noun: false } }));
}

/** How many sentences back in its article the speaker of an unattributed statement is looked for ("…», sagte sie.", a quote on its own). */
const SPEAKER_REACH = 3;

/** The personal pronouns a question names the last answer's person by ("Was hat sie gesagt?"); "dazu" points to a subject, not a speaker. */
const SPEAKER_PRONOUN = /(?<![\p{L}])(er|sie|he|she)(?![\p{L}])/iu;

/**
 * "Was hat sie zum Ausbau gesagt?", "What did he say about the recall?" after an answer to who someone is:
 * the pronoun is that person, and what they said comes before another speaker's words on the subject. A
 * statement is theirs when it names them (a name or role the last answer's quotes name a person by), or
 * names no one and the last sentence before it that names anyone names them ("…», sagte sie.", a quote
 * on its own after theirs). Null when the question asks no such thing or the sources have no such
 * statement; otherwise the ranking with their statements first.
 */
function theirWords(ranked: readonly ScoredSentence[], understanding: Understanding, quoted: readonly number[], stats: SentenceStats): ScoredSentence[] | null {
  const previous = understanding.followUp?.previous.question;
  if (understanding.answerType !== "statement" || understanding.followUp?.reason !== "pronoun" || !SPEAKER_PRONOUN.test(understanding.question)) return null;
  // After another kind of answer "sie" may be the town or the union the answer spoke of.
  if (quoted.length === 0 || previous === undefined || answerType(previous) !== "person") return null;
  const personsOf = (i: number) => stats.features(i).get("person") ?? [];
  const people = new Set(quoted.flatMap(personsOf));
  if (people.size === 0) return null;
  const spokeBy = (i: number): boolean => {
    const named = personsOf(i);
    if (named.length > 0) return named.some((stem) => people.has(stem));
    for (let k = i - 1; k >= 0 && k >= i - SPEAKER_REACH && stats.source(k) === stats.source(i); k--) {
      const before = personsOf(k);
      if (before.length > 0) return before.some((stem) => people.has(stem));
    }
    return false;
  };
  const theirs = new Set(ranked.filter((s) => s.typeMatch && spokeBy(s.index)));
  return theirs.size > 0 ? [...theirs, ...ranked.filter((s) => !theirs.has(s))] : null;
}

/**
 * The answer types news gives in the sentence after the one that names the event: what was said («…»,
 * sagte …), its speaker, the reasons ("Als Gründe nannte …"). Not a place or a name asked for by category
 * (measured on the tune-side sets: adding name and organisation changed nothing).
 */
const SAID_NEXT: ReadonlySet<AnswerType> = new Set(["statement", "person", "reason"]);

/** Sentences before the best one an overview looks back for the subject's first mention: a news article's length. */
const MENTION_REACH = 60;

/**
 * "Was weißt du über den Bahnstreik?", "Tell me about Chega": the first sentence of the best sentence's
 * article that speaks of the subject comes first, the lead when it names it: news says what a story or a
 * party is where it first names it ("Größter Gewinner der Wahl ist die rechtsextreme Partei Chega").
 */
function firstMentionFirst(ranked: readonly ScoredSentence[], matches: readonly TermMatch[], stats: SentenceStats, expected: Understanding["answerType"]): ScoredSentence[] {
  const best = ranked[0];
  if (!best) return [...ranked];
  // A long document (a report, a PDF) is read back only so far: its first page says little of a later chapter.
  for (let i = Math.max(articleStart(best.index, (k) => stats.source(k)), best.index - MENTION_REACH); i < best.index; i++) {
    const scored = ranked.find((s) => s.index === i) ?? scoreSentences([{ index: i, prior: 0 }], matches, stats, expected)[0];
    if (scored && scored.coverage > 0) return [scored, ...ranked.filter((s) => s.index !== i)];
  }
  return [...ranked];
}

/**
 * The sentences that have a word of what is asked (see {@link askedTerms}) before those that match only
 * the question's names, or come from an article that does not name them all: "Wer führt die Partei X?" is
 * not answered by the best sentence about X that says nothing of leading, nor by a leader elsewhere, and
 * the gate would count neither.
 */
function speakingFirst(scored: readonly ScoredSentence[], matches: readonly TermMatch[], namesAll: (sentence: number) => boolean, focus: Understanding["focus"]): ScoredSentence[] {
  const asked = askedTerms(matches, focus);
  if (asked.length === 0) return [...scored];
  const speaks = (s: ScoredSentence) => asked.some((t) => (s.hits[t] ?? 0) > 0) && namesAll(s.index);
  return [...scored.filter(speaks), ...scored.filter((s) => !speaks(s))];
}

/** Letters a word needs to be told by its inflection alone (see {@link inflectionOf}). */
const MIN_INFLECTED = 5;

/** True when two words are one in another inflection: they differ in their last letter or two at most ("Windräder" / "Windrädern"). Pure. */
function inflectionOf(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  return k >= Math.min(x.length, y.length) - 1 && Math.abs(x.length - y.length) <= 2;
}

/** What narrows the asked-for type further, for a sentence that has it, or undefined when nothing does. */
function ofKind(understanding: Understanding, stats: SentenceStats, focused?: TermMatch, others: readonly TermMatch[] = []): ((sentence: Sentence, index: number) => boolean) | undefined {
  const { unit, focus, answerType: expected } = understanding;
  // "Bislang gebe es nur wenige Einbrüche; im vergangenen Jahr seien es sieben gewesen": a count that leaves out
  // what it counts counts what its sentence named before it.
  const back = (sentence: Sentence) => countsBack(sentence.text);
  // A measure question ("wie schwer") is answered only by a number with a unit of that measure.
  if (unit) return (sentence) => unit.test(sentence.text);
  // "Wie viele Mitarbeiter …": a number of what is counted, not "200 Betten" beside the question's other
  // words. German only, where the nouns a number counts are told by their capitals. Nor a sentence whose
  // numbers all measure ("Eine Stunde Fahrt kostet 4 Euro" gives no number of trips), unless a unit is
  // what the question counts ("Wie viele Wochenstunden …").
  if (focus?.kind === "counted" && expected === "number" && understanding.language === "de" && focused !== undefined) {
    const counting = asksHowMany(understanding.question) && !isUnitWord(focused.term.word);
    const isFocus = (stem: string) => namesSame(focused.term, stem) && (focused.similar.get(stem) ?? 0) > 0;
    // A count that leaves out what it counts counts what its sentence names (see countsBack).
    const counts = (i: number, sentence: Sentence) => [...stats.countedNouns(i)].some(isFocus) || (back(sentence) && [...stats.stems(i)].some(isFocus));
    return (sentence, index) => (!counting || !measuresOnly(sentence.text)) && counts(index, sentence);
  }
  // "Wie viele Menschen": only a number that counts someone is of the asked-for kind.
  // Not by a number of something else the question names: "neun Windräder" counts no visitors of "Wie viele
  // Menschen kamen zur Versammlung über die Windräder?".
  if (focus?.kind === "people" && expected === "number") {
    const named = (word: string) => others.some((m) => m.term.word.length >= MIN_INFLECTED && inflectionOf(m.term.word, word));
    return (sentence) => countedByNumbers(sentence.text).some((word) => !named(word));
  }
  // "How many parking spaces …": a number that counts things, not "2,50 Euro" beside the word for them
  // ("How much rain …" asks an amount, given in a unit).
  if (focus?.kind === "counted" && expected === "number" && asksHowMany(understanding.question)) return (sentence) => countsSomething(sentence.text) || back(sentence);
  // "Wie heißt er?", "What's her name?": a person's name, not a town's or a court's.
  if (expected === "name" && asksPersonName(understanding.question)) {
    return (_sentence, index) => (stats.features(index).get("person") ?? []).length > 0;
  }
  // "Welche Firma …", "which company …": an organisation by its name, not the council or court the
  // sentence also speaks of, nor any other name (a river's, a person's). News names an organisation with
  // its kind ("des Baukonzerns Lerchenfeld", "der Verein Lichtblick", whether or not a dictionary lists
  // the name), its acronym or its legal form ("GmbH"), or joins its name to its kind by hyphens, German
  // style ("des Fraunhofer-Instituts", "die Heinrich-Böll-Stiftung").
  if (asksWhichOrganization(understanding)) {
    return (sentence, index) => {
      const organizations = stats.features(index).get("organization") ?? [];
      const isOrganization = (word: string) => organizations.some((stem) => fold(word).startsWith(stem));
      const raw = sentence.text.split(/\s+/);
      const words = raw.map((w) => w.replace(/^[«»„“"‚'(]+|[,.;:!?«»„“"‚')]+$/gu, ""));
      // A party also in parentheses after a person's name, as news gives it: "Torsten Albers (parteilos)".
      const party = focused !== undefined && PARTY.test(focused.term.word);
      return words.some((w, k) => isOrganization(w) && (/^\p{Lu}/u.test(words[k + 1] ?? "") || isAcronymOrLegalForm(w) || /^\p{Lu}[\p{L}.]*-/u.test(w) || (party && raw[k]!.startsWith("("))));
    };
  }
  // "Wie heißen die Interessenten?": the name must be the role's, not the speaker's ("…, sagte Mehnert").
  // A thing's name is the title in quotes after its noun ("Wie heißt das Programm?" / "das Programm „Grüne Höfe“").
  if (focus?.kind === "role" && (expected === "name" || expected === "person")) {
    const titled = (text: string) => expected === "name" && focused !== undefined && quotedTitles(text).some((t) => namesSame(focused.term, fold(t.noun)));
    // A role noun is a person word too ("sagte eine Sprecherin"), but no name of whoever holds the role.
    return (sentence, index) => {
      const features = stats.features(index);
      const roles = features.get("role") ?? [];
      const people = (features.get("person") ?? []).filter((word) => !roles.includes(word));
      return namesApposed(sentence.text, people) || titled(sentence.text);
    };
  }
  return undefined;
}

/** The kinds of organisation news names in parentheses after a member's name. A closed class. */
const PARTY = /^(partei|parteien|fraktion|party|parties)$/iu;

/** "Welche Firma …", "which company …": a question for an organisation of a kind, which only its name answers. */
function asksWhichOrganization(understanding: Understanding): boolean {
  return understanding.answerType === "organization" && understanding.focus?.kind === "category";
}

/**
 * True when a person the sentence names (`people`: the stems of its person words) stands after a noun or
 * a name, not right after a verb: news names a role's holder with the role ("Geschäftsführer Frank
 * Mehnert", "Oberbürgermeisterin Sabine Krämer"), while "…, sagte Mehnert" names who spoke of it.
 */
function namesApposed(text: string, people: readonly string[]): boolean {
  const tokens = text.match(/[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
  return tokens.some((t, i) => i > 0 && /^\p{Lu}/u.test(t) && people.some((stem) => fold(t).startsWith(stem)) && !/^\p{Ll}/u.test(tokens[i - 1]!));
}

/**
 * "Welche Richterin …", "which judge …": the sentences that name the role come first; a sentence about
 * the case that names someone else answers nothing about who held it.
 */
function roleFirst(scored: readonly ScoredSentence[], t: number, matches: readonly TermMatch[]): ScoredSentence[] {
  if (t < 0) return [...scored];
  // Of the best the sources have of it: an English role is met by a translation ("chairman" → Vorsitzender, a later sense).
  const best = bestSimilar(matches[t]);
  const names = (s: ScoredSentence) => (s.hits[t] ?? 0) >= ROLE_MATCH * best;
  return [...scored.filter(names), ...scored.filter((s) => !names(s))];
}

/** How well a sentence must match the role of a which-role question to name it: a compound's head counts ("Kultusminister"), a word that merely ends in it ("Gericht" for "Richter") does not. */
const ROLE_MATCH = 0.8;

/**
 * News says so when a figure or a fact is not known: "Zu den Kosten machte die Stadt keine
 * Angaben", "the company did not say". When such a sentence covers the question at least as well
 * as the best one with the asked-for number, date or name, that number answers something else.
 */
function saysUnknown(ranked: readonly ScoredSentence[], selected: readonly ScoredSentence[], expected: AnswerType | null, asked: (s: ScoredSentence) => { coverage: number; best: number }): boolean {
  if (expected === null || !(STRICT_TYPES.has(expected) || expected === "name")) return false;
  const unknown = ranked.find((s) => saysNotKnown(s.sentence.text));
  const typed = selected.find((s) => s.typeMatch) ?? selected[0];
  // A sentence that covers nothing of the question says nothing of it is unknown, however little the typed one covers.
  if (unknown === undefined || typed === undefined || unknown.index === typed.index || !(unknown.coverage > 0) || unknown.coverage < typed.coverage) return false;
  // And it says that of what is asked: "Ob die Werft in Kourou bleibt, ist offen" does not leave open
  // when its boat was christened, which the typed sentence says in the question's own word. It covers as
  // much of what is asked, and meets the asked word met best as well.
  const [u, t] = [asked(unknown), asked(typed)];
  return u.coverage >= t.coverage && u.best >= t.best;
}

/** How much of what a question asks (see {@link askedTerms}) a sentence covers, its names left out, and how well it meets the word it meets best. */
function askedCoverage(matches: readonly TermMatch[], focus: QuestionFocus | null): (s: ScoredSentence) => { coverage: number; best: number } {
  // Worked out only when a sentence says something is not known, which few questions meet.
  let asked: number[] | undefined;
  let only: TermMatch[] | undefined;
  return (s) => {
    asked ??= askedTerms(matches, focus);
    only ??= matches.map((m, t) => (asked!.includes(t) ? m : { ...m, term: { ...m.term, weight: 0 } }));
    return { coverage: coverage(only, [s.hits]), best: Math.max(0, ...asked.map((t) => s.hits[t] ?? 0)) };
  };
}

/** Whether an article mentions every name the question names, remembered per article. */
function namingAll(matches: readonly TermMatch[], stats: SentenceStats): (sentence: number) => boolean {
  const names = matches.filter((m) => m.term.name === true);
  const known = new Map<string, boolean>();
  return (sentence) => {
    const source = stats.source(sentence);
    let all = known.get(source);
    if (all === undefined) known.set(source, (all = names.every((m) => mentions(m, sentence, stats))));
    return all;
  };
}

/**
 * When the best sentence lacks the asked-for answer type and a later sentence of its passage carries it,
 * that sentence is quoted too: news often names the subject in one sentence and the speaker or the
 * reasons in the next ones («…», sagte Verbandssprecher …; "Als Gründe nannte …").
 */
function withTypedNeighbour(
  selected: readonly ScoredSentence[],
  scored: readonly ScoredSentence[],
  expected: AnswerType | null,
  ofRole: boolean,
  stats: SentenceStats,
): ScoredSentence[] {
  const best = selected[0];
  // A number must stand in the sentence that says what it counts; only a name may come a sentence later,
  // and not the name of a role's holder: the next sentence's speaker is someone else.
  if (!best || expected === null || best.typeMatch || STRICT_TYPES.has(expected) || ofRole) return [...selected];
  // Reported speech or a pronoun goes on from the sentence before it, which names who speaks or acts
  // («…», sagte Richterin Grendel. Ein großer Teil des Geldes sei …): that sentence is quoted first.
  const before = continues(best.sentence.text) ? besideOf(best, scored, -1) : undefined;
  if (before?.typeMatch) return [before, best, ...selected.slice(1).filter((s) => s.index !== before.index)].slice(0, MAX_SENTENCES);
  // The first one after it within its passage (the chunk it first appears in): a paragraph names the
  // event, then gives the reasons. The type last: it is read on demand (see scoreSentences).
  const passage = new Set(stats.chunkSentences(best.sentence.chunkId));
  const next = scored.find((s) => passage.has(s.index) && s.index > best.index && s.typeMatch);
  if (!next) return [...selected];
  return [best, next, ...selected.slice(1).filter((s) => s.index !== next.index)].slice(0, MAX_SENTENCES);
}

/** The sentence `step` sentences from `sentence` in the same article (1: right after it), when it is among the scored ones. */
function besideOf(sentence: ScoredSentence, scored: readonly ScoredSentence[], step = 1): ScoredSentence | undefined {
  return scored.find((s) => s.index === sentence.index + step && s.sentence.source === sentence.sentence.source);
}

/**
 * A sentence goes on about the one before it when it opens with a pronoun or a possessive ("Sie gewann …
 * dazu", "Dessen Chef forderte …", "He added …"), or with a quotation, or when it is reported speech (a
 * subjunctive auxiliary: "Das Angebot sei zu niedrig"): news names a speaker in one sentence and gives
 * what was said in the next. Closed-class words, hand-listed as grammar, not vocabulary.
 */
const CONTINUES = /^(?:(?:Sie|Er|Es|Diese[rs]?|Dies|Dessen|Deren|Seine?|Ihre?|He|She|It|They|This|These|His|Her|Its|Their)\s|[«„"“])/u;
const continues = (text: string) => (CONTINUES.test(text) && !EXPLETIVE_ES.test(text)) || isReportedSpeech(text);
/** "Es gab viele Tote", "Es kam zu Protesten": an "es" that stands for nothing before it (grammar, not vocabulary). */
const EXPLETIVE_ES = /^Es\s+(?:gab|gibt|geht|ging|kam|kommt|handelt|handelte)\s/u;

/**
 * For a question that asks for no particular kind of thing ("Wie schnitt die Partei ab?"), the sentence
 * right after the best one is quoted too when it opens with a pronoun: it says more of the same thing, and
 * the answer is often there ("… die Liste X. Sie kam auf 12 Prozent."). So for a why-question, where the
 * quote has room left: news names a cause, then says what it was in reported speech ("Als Grund nannte er
 * Schadstoffe. In den Decken sei Asbest gefunden worden."); a sentence already chosen is not pushed out.
 */
function withContinuation(selected: readonly ScoredSentence[], scored: readonly ScoredSentence[], expected: AnswerType | null): ScoredSentence[] {
  const best = selected[0];
  if (!best || (expected !== null && expected !== "statement" && expected !== "reason")) return [...selected];
  const following: ScoredSentence[] = [];
  for (let at = besideOf(best, scored); at && continues(at.sentence.text) && following.length < MAX_SENTENCES - 1; at = besideOf(at, scored)) {
    following.push(at);
  }
  if (expected === "reason") return withAnnounced([...selected, ...following.filter((s) => !selected.some((t) => t.index === s.index))], scored);
  const taken = new Set(following.map((s) => s.index));
  return withAnnounced([best, ...following, ...selected.slice(1).filter((s) => !taken.has(s.index))], scored);
}

/**
 * A quoted sentence that announces what someone said without saying it ("Kritik kommt von der CDU-Fraktion.",
 * "Skeptisch äußerte sich die FDP.") is followed by what was said, when the next sentence goes on from it
 * and gives it ("Ihr Vorsitzender sagte, das Geld wäre in Radwegen besser angelegt."): news names a speaker
 * in one sentence and the words in the next, opening it with a pronoun, a possessive or a quotation. The
 * answer keeps the two together, at the cost of the last quote unless that one is of the asked kind. Not
 * after the first quote, which withContinuation has followed already. Grammar, not vocabulary.
 */
function withAnnounced(selected: readonly ScoredSentence[], scored: readonly ScoredSentence[]): ScoredSentence[] {
  const out = selected.slice(0, MAX_SENTENCES);
  for (let k = 1; k < out.length; k++) {
    const announcer = out[k]!;
    const next = besideOf(announcer, scored);
    if (!next || announcer.typeMatch || givesStatement(announcer.sentence.text) || out.some((s) => s.index === next.index)) continue;
    if (!CONTINUES.test(next.sentence.text) || !givesStatement(next.sentence.text)) continue;
    // A quote of the asked kind ("Als Grund nannte …") is not pushed out for it.
    if (out.length >= MAX_SENTENCES && out.at(-1)!.typeMatch) continue;
    out.splice(k + 1, 0, next);
    k++;
  }
  return out.slice(0, MAX_SENTENCES);
}

/**
 * A question that asks for a number, a date or a duration is answered by the best sentence that has one:
 * when the selection has none, that sentence leads it (the gate then asks whether it covers the question).
 * So is one that asks why, by the best sentence that gives a reason ("weil …", "wegen …", "Als Grund
 * nannte …"), and one that asks for several of a kind ("Welche Städte …"), by the best sentence that lists
 * some, though neither is told for certain and the gate does not require one.
 */
function withTypedFirst(
  selected: readonly ScoredSentence[],
  scored: readonly ScoredSentence[],
  expected: AnswerType | null,
  stats: SentenceStats,
  matches: readonly TermMatch[],
  namesAll: (sentence: number) => boolean,
): ScoredSentence[] {
  if (expected === null || !TYPED_FIRST.has(expected) || selected.some((s) => s.typeMatch)) return [...selected];
  // The typed sentence that, with the sentences around it, covers the question best ("81 Jahre alt" one
  // sentence after the name).
  return ledBy(bestInContext(scored, (s) => s.typeMatch, stats, matches, namesAll), selected);
}

/**
 * The sentence that `fits` and, with the sentences of its chunk, covers the question best, or undefined.
 * A sentence of an article that does not name what the question names cannot count ("… in Bremen").
 */
function bestInContext(
  scored: readonly ScoredSentence[],
  fits: (s: ScoredSentence) => boolean,
  stats: SentenceStats,
  matches: readonly TermMatch[],
  namesAll: (sentence: number) => boolean,
): ScoredSentence | undefined {
  let best: { sentence: ScoredSentence; value: number } | undefined;
  for (const s of scored) {
    if (!fits(s) || !namesAll(s.index)) continue;
    const near = stats.chunkSentences(s.sentence.chunkId).map((i) => termHits(matches, stats, i).map((hit) => hit * CONTEXT_SHARE));
    const value = coverage(matches, [s.hits, ...near]);
    if (value > 0 && (!best || value > best.value)) best = { sentence: s, value };
  }
  return best?.sentence;
}

/** The selection with `first` leading it, when there is one. */
function ledBy(first: ScoredSentence | undefined, selected: readonly ScoredSentence[]): ScoredSentence[] {
  return first ? [first, ...selected].slice(0, MAX_SENTENCES) : [...selected];
}

/**
 * "Wer leitet die Bibliothek?", "who runs the library?": when the selection leads with no sentence that
 * names a person by a leader's noun, the best one in the first quote's article that does leads it
 * ("Bibliotheksleiterin Eva Roth sagte …"). The story's lead names the library more often and better, but
 * a leader is named where the role stands; a leader in another story leads something else.
 */
function withLeaderFirst(
  selected: readonly ScoredSentence[],
  scored: readonly ScoredSentence[],
  noRole: boolean,
  stats: SentenceStats,
  matches: readonly TermMatch[],
  namesAll: (sentence: number) => boolean,
): ScoredSentence[] {
  const first = selected[0];
  const leaders = noRole ? matches.flatMap((m) => (m.term.context === true ? [] : (m.term.leaders ?? []))) : [];
  if (leaders.length === 0 || first === undefined) return [...selected];
  // The role nouns alone, met as a word or a compound's head ("Bibliotheksleiterin"), not the leading word's
  // other senses ("unter Führung von …" names who led something else).
  const roles = matchTerms([{ word: "", position: -1, weight: 1, alternatives: leaders.map((stem) => ({ stem, weight: 1, via: "word" as const })) }], stats);
  const story = stats.source(first.index);
  const leads = (s: ScoredSentence) => s.typeMatch && stats.source(s.index) === story && termHits(roles, stats, s.index)[0]! >= ROLE_MATCH;
  // A surname stands for the role it was introduced with ("Geschäftsführer Tom Berg", then "Berg"), but a
  // family firm bears it too ("die Bäckerei Berg"): a sentence where the role itself stands names the leader
  // for certain, and leads one that has the role only through the surname.
  const roleStems = [...roles[0]!.similar].filter(([, value]) => value >= ROLE_MATCH).map(([stem]) => stem);
  const literal = (s: ScoredSentence) => leads(s) && roleStems.some((stem) => inRange(stats, stem, [s.index, s.index]));
  if (literal(first)) return [...selected];
  // The best ranked of them (`scored` is in rank order): its own words say whose leader it is, before the
  // chair of another body whose chunk says more of the question.
  const named = scored.find((s) => literal(s) && namesAll(s.index));
  if (named) return ledBy(named, selected.filter((s) => s.index !== named.index));
  if (leads(first)) return [...selected];
  return ledBy(bestInContext(scored, leads, stats, matches, namesAll), selected.filter((s) => !leads(s)));
}

/**
 * "How many tenants …" is answered by a number of tenants: when no selected sentence of the asked-for type
 * names what is counted as the gate will look for it (not only inside another word: "Mieterhöhung"), the
 * best one that does leads the selection, judged with the sentences around it ("Nach dem Brand sperrte die
 * Stadt das Haus." | "Betroffen sind 40 Mieter."). And one whose number stands right before the counted noun
 * leads a first sentence whose numbers count something else beside it.
 */
function withCountedFirst(
  selected: readonly ScoredSentence[],
  scored: readonly ScoredSentence[],
  counted: number,
  stats: SentenceStats,
  matches: readonly TermMatch[],
  namesAll: (sentence: number) => boolean,
): ScoredSentence[] {
  if (counted < 0) return [...selected];
  const needed = foundAt(matches[counted]);
  const names = (s: ScoredSentence) => s.typeMatch && (s.hits[counted] ?? 0) >= needed;
  // A number right before the counted noun counts it ("48 Rennfahrräder"); one in the same clause may count
  // something else ("eine Prämie von 5000 Euro für Hinweise auf die Fahrräder").
  const similar = [...matches[counted]!.similar].filter(([, value]) => value >= needed).map(([stem]) => stem);
  const countsIt = (s: ScoredSentence) => names(s) && countedByNumbers(s.sentence.text).some((word) => similar.some((stem) => fold(word).startsWith(stem)));
  if (selected[0] !== undefined && !countsIt(selected[0])) {
    const direct = bestInContext(scored, countsIt, stats, matches, namesAll);
    if (direct) return ledBy(direct, selected.filter((s) => s.index !== direct.index));
  }
  if (selected.some(names)) return [...selected];
  return ledBy(bestInContext(scored, names, stats, matches, namesAll), selected);
}

/**
 * Added to the score of a sentence that names a member of a which-question's category by it, as if of the
 * asked-for type (on the tune-side sets 0.2 and 0.3 measured alike, 0.1 less).
 */
const MEMBER_BONUS = TYPE_BONUS;

/** Articles and pronouns, which a noun can be followed by without naming anything ("der Ort, den …"). */
const NOT_A_NAME = /^(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|er|sie|es|ihr|ihre|sein|seine|the|a|an|it|he|she|they)$/i;
/** Quotation marks a name may stand in right after its noun: der Sorte "Hasselkamp Zwickl". */
const OPENING_QUOTE = /^["„“«‚»']/u;

/**
 * True when a word of the sentence that is the category (in any form, or a compound on it, by its stems in
 * `similar`) is followed right away by a capitalised word, perhaps in quotation marks: a German noun directly
 * before a capitalised word names it ("der Ort Mühlstetten", "Landwirt Klaus Dettweiler", "das
 * Naturkundemuseum Wettenau", "die Aussichtspunkte Falkenkanzel und Rabenstein"). Pure.
 */
export function namesMember(sentence: string, similar: ReadonlyMap<string, number>): boolean {
  const stems = memberStems(similar);
  if (stems.length === 0) return false;
  const words = sentence.split(/\s+/u);
  for (let k = 0; k + 1 < words.length; k++) {
    const word = fold(words[k]!.replace(/[^\p{L}-]/gu, ""));
    // An inflection adds at most three letters; a compound puts its modifier before the category.
    const isCategory = stems.some((stem) => {
      const at = word.lastIndexOf(stem);
      return at >= 0 && word.length - (at + stem.length) <= 3;
    });
    // A noun: "mehr Lohn" speaks of no member of an increase.
    if (!isCategory || !/^\p{Lu}/u.test(words[k]!.replace(OPENING_QUOTE, "")) || /[,;:.!?]$/u.test(words[k]!)) continue;
    const next = words[k + 1]!;
    const bare = next.replace(OPENING_QUOTE, "");
    if (/^\p{Lu}\p{Ll}/u.test(bare) && !NOT_A_NAME.test(bare.replace(/[^\p{L}]/gu, ""))) return true;
  }
  return false;
}

/** How well a sentence's word must meet the category to name it (a form or compound, not a loose synonym). */
const MEMBER_MATCH = 0.5;

/** The category's stems that meet it well enough to name it (see MEMBER_MATCH). */
function memberStems(similar: ReadonlyMap<string, number>): string[] {
  return [...similar].filter(([, value]) => value >= MEMBER_MATCH).map(([stem]) => stem);
}

/** Added to the score of a sentence right after one the previous answer quoted, in a follow-up (set on the second tune set's conversations: 0.15–0.4 tried). */
const NEIGHBOUR_BONUS = 0.25;

/** For a question about a planned time, a sentence that speaks of a plan counts as if of the asked-for type (0.1 changed nothing on the tune sets; 0.2 and 0.3 the same). */
const PLAN_BONUS = TYPE_BONUS;
/**
 * For a question about a span's start or end ("Seit wann …", "Bis wann …"): added to a sentence that gives
 * that end, taken from one that gives only the other (on all the tune-side sets 0.1: −1 of 1,451 right,
 * 0.2: +1, 0.3 to 0.6: +2).
 */
const BOUND_BONUS = 0.4;
/** How many sentences after a quote count as beside it: the next one. */
const NEIGHBOUR_REACH = 1;

/**
 * True for a follow-up by pronoun that asks for a kind of answer and whose own words the article of the
 * last answer's first quote never has (see {@link read}).
 */
function pointsBackOnly(understanding: Understanding, matches: readonly TermMatch[], quoted: readonly number[], stats: SentenceStats): boolean {
  if (understanding.followUp?.reason !== "pronoun" || understanding.answerType === null || quoted.length === 0) return false;
  const own = matches.filter((m) => m.term.context !== true);
  return own.length > 0 && own.every((m) => !mentions(m, quoted[0]!, stats, OWN_MATCH) && !writesAsAsked(m, quoted[0]!, stats));
}

/**
 * True when the article of a sentence has a word of the question as it was asked, whatever its weight: an
 * English word the German sources use as it is ("Chatbot", "Server") is theirs, not only the asker's.
 */
function writesAsAsked(match: TermMatch, sentence: number, stats: SentenceStats): boolean {
  const range = articleRange(sentence, (i) => stats.source(i), stats.count);
  return match.term.alternatives.some((a) => a.via === "word" && inRange(stats, a.stem, range));
}

/** The candidate sentences the previous answer quoted, in a follow-up. */
function previouslyQuoted(understanding: Understanding, candidates: readonly number[], stats: SentenceStats): number[] {
  const quotes = understanding.followUp?.previous.quotes ?? [];
  if (quotes.length === 0) return [];
  return candidates.filter((i) => {
    const s = stats.sentence(i);
    return quotes.some((q) => q.source === s.source && q.start === s.start);
  });
}

/**
 * The sentences that follow closely on a sentence the previous answer quoted, for a follow-up: news goes
 * on about a thing in the next sentences, so "Wer hat das gesagt?" or "Und dann?" is most often answered
 * right there.
 */
function besideQuotes(quoted: readonly number[], stats: SentenceStats): ReadonlySet<number> {
  const near = new Set<number>();
  for (const i of quoted) {
    for (let k = 1; k <= NEIGHBOUR_REACH; k++) if (stats.source(i + k) === stats.source(i)) near.add(i + k);
  }
  return near;
}

/**
 * The sentences before quoted ones that go on from them (reported speech, a pronoun): they name who speaks
 * or acts, which "Wer hat das gesagt?" asks of the quote.
 */
function introducing(quoted: readonly number[], stats: SentenceStats): number[] {
  return quoted.filter((i) => i > 0 && stats.source(i - 1) === stats.source(i) && continues(stats.sentence(i).text)).map((i) => i - 1);
}

/**
 * The quotes of a passing answer: the units the gate counted first, then the others from the same article
 * as the first counted one. A sentence of another article that the gate did not count (off the question's
 * subject, or without its names) may rank first on a synonym and the answer type alone; it is left out.
 */
function countedFirst(selected: readonly ScoredSentence[], evidence: Evidence, strict: boolean): ScoredSentence[] {
  const units = unitOf(selected, strict);
  const counts = (k: number) => evidence.counted?.[units[k]!] !== false;
  const lead = selected.find((_, k) => counts(k))?.sentence.source;
  return [...selected.filter((_, k) => counts(k)), ...selected.filter((s, k) => !counts(k) && s.sentence.source === lead)];
}

/**
 * The selection with what answers first: of a question for a reason, a list, a person …, the sentences that
 * carry that kind of answer lead, before those that only speak of the subject ("Warum schließt das Lager?"
 * is answered by "Als Grund nannte die Firma …", not by the lead that says it closes). Of a question for what
 * someone said, their own quoted words with who spoke them lead, before a sentence that announces or sums
 * them up. A run of consecutive sentences moves as one: the sentence right before a quotation names whom
 * it is from. Strict types are ordered by the gate already (see countedFirst); the order within each kind
 * stays. Pure.
 */
export function answerFirst(selected: readonly ScoredSentence[], expected: AnswerType | null, strict = false): ScoredSentence[] {
  if (expected === null || strict) return [...selected];
  const runs: ScoredSentence[][] = [];
  for (const s of selected) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.index + 1 === s.index) run.push(s);
    else runs.push([s]);
  }
  const answers = (s: ScoredSentence) => (expected === "statement" ? isAttributedQuote(s.sentence.text) : s.typeMatch);
  const leads = (run: readonly ScoredSentence[]) => run.some(answers);
  return [...runs.filter(leads), ...runs.filter((run) => !leads(run))].flat();
}

/**
 * A sentence with its typed neighbour is one unit of evidence (not for strict types, whose number must stand
 * in the sentence): the next sentence names the speaker, or the sentence before does and this one goes on
 * in reported speech.
 */
function pairsWithNext(first: ScoredSentence, second: ScoredSentence | undefined, strict: boolean): boolean {
  if (second === undefined || second.index !== first.index + 1 || strict) return false;
  return (!first.typeMatch && second.typeMatch) || (first.typeMatch && !second.typeMatch && continues(second.sentence.text));
}

/** For each selected sentence, the index of its evidence unit (see {@link evidenceUnits}). */
function unitOf(selected: readonly ScoredSentence[], strict: boolean): number[] {
  const out: number[] = [];
  for (let k = 0, unit = 0; k < selected.length; k++, unit++) {
    out.push(unit);
    if (pairsWithNext(selected[k]!, selected[k + 1], strict)) {
      out.push(unit);
      k++;
    }
  }
  return out;
}

/** The selected sentences as evidence units: a sentence with its typed neighbour is one unit. */
function evidenceUnits(
  selected: readonly ScoredSentence[],
  stats: SentenceStats,
  matches: readonly TermMatch[],
  strict: boolean,
): EvidenceUnit[] {
  const units: EvidenceUnit[] = [];
  for (let k = 0; k < selected.length; k++) {
    const first = selected[k]!;
    const second = selected[k + 1];
    const members = second !== undefined && pairsWithNext(first, second, strict) ? [first, second] : [first];
    k += members.length - 1;
    const near = [...new Set(members.flatMap((m) => stats.chunkSentences(m.sentence.chunkId)))];
    const lead = articleStart(first.index, (i) => stats.source(i));
    const countingBack = members.map((m) => countsBack(m.sentence.text));
    units.push({
      quoted: members.map((m) => m.hits),
      context: near.map((i) => termHits(matches, stats, i)),
      typed: members.some((m) => m.typeMatch),
      inDocument: matches.map((m) => m.term.name === true && mentions(m, first.index, stats)),
      lead: termHits(matches, stats, lead),
      modifiersSaid: matches.map((m) => beginsWith(m.term.modifiers, [...near, lead], stats)),
      countsSomething: members.some((m, j) => countsSomething(m.sentence.text) || countingBack[j]!),
      counted: matches.map((m) =>
        Math.max(
          0,
          ...members.flatMap((member, j) =>
            [...stats.counted(member.index), ...(countingBack[j]! ? stats.stems(member.index) : [])].map((stem) => (namesSame(m.term, stem) ? (m.similar.get(stem) ?? 0) : 0)),
          ),
        ),
      ),
    });
  }
  return units;
}

/**
 * True when some sentence of the article `sentence` belongs to matches the term at `least` or better (by
 * default well: a name, a compound or inflection of it): a binary search of each matching stem's ascending
 * posting list within the article's sentence range, not a scan of the list.
 */
export function mentions(match: TermMatch, sentence: number, stats: SentenceStats, least = NAME_MATCH): boolean {
  const range = articleRange(sentence, (i) => stats.source(i), stats.count);
  for (const [stem, value] of match.similar) if (value >= least && inRange(stats, stem, range)) return true;
  return false;
}

/** True when one of `sentences` has a stem that is one of `prefixes` or begins with it. */
function beginsWith(prefixes: readonly string[] | undefined, sentences: readonly number[], stats: SentenceStats): boolean {
  if (prefixes === undefined || prefixes.length === 0) return false;
  for (const i of sentences) for (const stem of stats.stems(i)) if (prefixes.some((prefix) => stem.startsWith(prefix))) return true;
  return false;
}

/** True when a sentence in `[first, last]` has the stem. */
function inRange(stats: SentenceStats, stem: string, [first, last]: readonly [number, number]): boolean {
  const list = stats.postings.get(stem);
  if (!list) return false;
  // Posting lists are ascending: the first entry at or after the range's first sentence decides.
  const at = lowerBound(list, first);
  return at < list.length && list[at]! <= last;
}

/**
 * "Was für eine Halle …?": a kind of the category is the answer, and German names kinds by compounds on
 * it ("eine neue Montagehalle"), so a compound with the category as its head counts in full and the
 * word alone ("die neue Halle") at half: it repeats the question without saying which kind.
 */
function sortsOf(match: TermMatch): TermMatch {
  const own = match.term.alternatives;
  const similar = new Map<string, number>();
  for (const [stem, value] of match.similar) {
    const compound = Math.max(0, ...own.filter((a) => stem.length > a.stem.length + 2 && stem.endsWith(a.stem)).map((a) => a.weight));
    similar.set(stem, own.some((a) => a.stem === stem) ? value * SORT_PLAIN : Math.max(value, compound));
  }
  return { ...match, similar, lemmaStems: new Set() };
}

/** What the category word alone counts in a which-kind question (see sortsOf). */
const SORT_PLAIN = 0.5;
