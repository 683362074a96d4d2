import { createHash } from "node:crypto";
import {
  analysisVersion,
  analyzeSentences,
  postingsOf,
  sentenceTable,
  type SentenceAnalysis,
  type SentenceTable,
} from "../ingest/sentences.js";
import { createFactsBuilder, type SentenceFacts } from "../ingest/facts.js";
import type { Chunk } from "../types.js";
import { countedWords, namesReason, sentenceFeatures, surnamesIn, type AnswerType, type WordKnowledge } from "./cues.js";
import type { Analyzer, QueryTerm } from "./terms.js";
import { COMPOUND_MODIFIER, DERIVATION_MATCH, HEAD_OF_QUERY, MODIFIER_OF_SOURCE, endsWithHead, masculine, sameFamily, vocabularyOf, withoutLinking } from "./vocabulary.js";

export { stemSimilarity } from "./vocabulary.js";

/**
 * Sentence scoring. Chunks are what retrieval finds; sentences are what an answer quotes. Each sentence of
 * the corpus is analysed once (its stems when the index is built, see ingest/sentences.ts; its nouns and
 * answer-type features when a question first needs them), and a question's terms are matched against
 * the corpus vocabulary with tolerance for German compounds ("Befehl" in "Schießbefehl"), derivations
 * ("Kasachstans" / "kasachische") and transliterations ("Peskov" / "Peskow").
 */

/** A sentence of the corpus with its absolute offsets; `text === fileText.slice(start, end)`. */
export interface Sentence {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The first chunk (by id) that contains this sentence. */
  readonly chunkId: number;
}

export interface SentenceStats {
  /** How many sentences there are; they are numbered 0 … count − 1. */
  readonly count: number;
  /** True when the facts the index stored are used, false when they are worked out on first use (none stored, or another version's). */
  readonly factsStored: boolean;
  /** Sentence i, built on first use (an index of 100k chunks has 300k sentences; most are never quoted). */
  sentence(index: number): Sentence;
  /** The source of sentence i, without building the sentence (its text is decoded only when quoted). */
  source(index: number): string;
  /** The first chunk that contains sentence i, without building the sentence. */
  chunk(index: number): number;
  /**
   * The stems of the sentence before sentence i when i opens with a personal pronoun ("Sie gewann zwei Sitze dazu"),
   * which it goes on about; empty otherwise. Computed on first use.
   */
  carried(index: number): ReadonlySet<string>;
  /** Sentence i's distinct stems. Computed on first use from the stored analysis. */
  stems(index: number): ReadonlySet<string>;
  /** The stems of sentence i's words' dictionary forms ("versprach" → versprech), when a lexicon is known. Computed on first use. */
  lemmaStems(index: number): ReadonlySet<string>;
  /** The stems of the words that stand beside a number of sentence i: what its numbers may count. Computed on first use. */
  counted(index: number): ReadonlySet<string>;
  /** The stems of the capitalised words of sentence i's clauses with a number: the German nouns its numbers may count. */
  countedNouns(index: number): ReadonlySet<string>;
  /** Sentence i's answer types, each with the stems of the words that supply it. Computed on first use. */
  features(index: number): ReadonlyMap<AnswerType, readonly string[]>;
  /** Stem → indices of the sentences containing it, ascending. */
  readonly postings: ReadonlyMap<string, Uint32Array>;
  /** The indices of the sentences of chunk `chunkId`, in text order. */
  chunkSentences(chunkId: number): readonly number[];
}

/**
 * The statistics answering needs, over a sentence table and its analysis as an index stores them. Cheap:
 * everything per sentence is computed when a question first needs it, so opening an index of 300k
 * sentences costs the inversion of its stem rows into postings, not an analysis. `analyze` serves the
 * nouns and features computed on demand; it must be the analyzer that produced `analysis` (same
 * `analysisVersion`), or this throws rather than answer from stems another analyzer made.
 */
export function sentenceStats(
  table: SentenceTable,
  analysis: SentenceAnalysis,
  analyze: Analyzer,
  knows?: WordKnowledge,
  facts?: SentenceFacts,
): SentenceStats {
  const { count } = table;
  if (analysis.version !== analysisVersion(analyze)) {
    throw new Error(`sentence analysis ${analysis.version} was not made by this analyzer (${analysisVersion(analyze)})`);
  }
  if (analysis.offsets.length !== count + 1) throw new Error(`analysis of ${analysis.offsets.length - 1} sentences for a table of ${count}`);
  const postings = postingsOf(analysis);
  // Facts the index stored are used only when this code and lexicon would have made the same.
  const stored = facts !== undefined && facts.count === count && facts.version === factsVersion(analyze, knows) ? facts : undefined;
  // Nouns and answer-type features are needed only for the few candidate sentences of a question, so
  // they are computed on first use, like the sentence objects and their stem sets.
  // Maps, not arrays: a few thousand entries at indices up to the sentence count make an array switch
  // between sparse and dense storage, copying hundreds of thousands of slots (tens of ms) now and then.
  const sentences = new Map<number, Sentence>();
  const stems = new Map<number, ReadonlySet<string>>();
  const features = new Map<number, ReadonlyMap<AnswerType, readonly string[]>>();
  const lemmas = new Map<number, ReadonlySet<string>>();
  const counted = new Map<number, ReadonlySet<string>>();
  const countedNouns = new Map<number, ReadonlySet<string>>();
  const carried = new Map<number, ReadonlySet<string>>();
  /** The value remembered for sentence i, computed by `make` on first use. */
  const memo = <T>(map: Map<number, T>, index: number, make: () => T): T => {
    let value = map.get(index);
    if (value === undefined) map.set(index, (value = make()));
    return value;
  };
  const inRange = (index: number) => Number.isInteger(index) && index >= 0 && index < count;
  const sentence = (index: number): Sentence => {
    if (!inRange(index)) throw new RangeError(`no sentence ${index} among ${count}`);
    return memo(sentences, index, () => ({
      source: table.source(index),
      start: table.start[index]!,
      end: table.end[index]!,
      text: table.text(index),
      chunkId: table.firstChunk[index]!,
    }));
  };
  const textOf = (index: number) => (inRange(index) ? table.text(index) : "");
  /** A stored column's row of sentence i as a set, or undefined when nothing is stored for it. */
  const storedSet = (column: number, index: number): ReadonlySet<string> | undefined => {
    if (!stored || !inRange(index)) return undefined;
    const row = stored.row(column, index);
    return row.length > 0 ? new Set(row) : NOTHING;
  };
  /** Sentence i's stems as the index stored them, in row order. */
  const storedStems = (index: number): string[] => {
    const out: string[] = [];
    for (let k = analysis.offsets[index]!; k < analysis.offsets[index + 1]!; k++) out.push(analysis.vocab[analysis.stems[k]!]!);
    return out;
  };
  const sourceOf = (index: number) => (inRange(index) ? table.source(index) : "");
  // Per article, what its short references stand for, read on first use (see aliasesIn, namesBehind).
  const articles = new Map<
    string,
    {
      first: number;
      aliases: ReadonlyMap<string, readonly string[]>;
      behind: readonly (readonly string[])[];
      town: readonly (readonly string[])[];
      named: ReadonlySet<string>;
    }
  >();
  const articleAround = (index: number) => {
    const source = sourceOf(index);
    let found = articles.get(source);
    if (!found) {
      const [first, last] = articleRange(index, sourceOf, count);
      const texts: string[] = [];
      for (let i = first; i <= last; i++) texts.push(textOf(i));
      // The sentences' stems as the index stored them: analysing them again cost most of an article's first reading.
      const behind = namesBehind(texts, analyze, knows, (j) => storedStems(first + j));
      const named = new Set(knows ? texts.flatMap((text) => surnamesIn(text, knows)) : []);
      articles.set(source, (found = { first, aliases: aliasesIn(texts, analyze, knows), behind, town: townBehind(texts, analyze), named }));
    }
    return found;
  };
  return {
    count,
    factsStored: stored !== undefined,
    sentence,
    source: sourceOf,
    chunk: (index) => (inRange(index) ? table.firstChunk[index]! : -1),
    stems: (index) => {
      if (!inRange(index)) return new Set();
      let set = stems.get(index);
      if (!set) {
        const own = new Set(storedStems(index));
        if (stored) {
          for (const stem of stored.row(FACT.moreStems, index)) own.add(stem);
        } else {
          // An acronym stands for its long form, which the article spelled out once: "VFB-Chef" is the head of
          // the "Verband Freier Bäcker".
          const article = articleAround(index);
          if (article.aliases.size > 0) for (const stem of [...own]) for (const long of article.aliases.get(stem) ?? []) own.add(long);
          for (const name of article.behind[index - article.first] ?? []) own.add(name);
        }
        stems.set(index, (set = own));
      }
      return set;
    },
    carried: (index) => {
      if (!inRange(index)) return NOTHING;
      return memo(carried, index, () => {
        const fromFacts = storedSet(FACT.carried, index);
        if (fromFacts) return fromFacts;
        const goesOn = index > 0 && sourceOf(index - 1) === sourceOf(index) && OPENS_WITH_PRONOUN.test(textOf(index));
        const article = articleAround(index);
        const town = article.town[index - article.first] ?? [];
        return goesOn || town.length > 0 ? new Set([...(goesOn ? storedStems(index - 1) : []), ...town]) : NOTHING;
      });
    },
    features: (index) =>
      memo(features, index, () =>
        stored && inRange(index)
          ? featuresFrom(stored.row(FACT.features, index))
          : typedFeatures(textOf(index), analyze, knows, inRange(index) ? articleAround(index).named : undefined),
      ),
    lemmaStems: (index) => memo(lemmas, index, () => storedSet(FACT.lemmaStems, index) ?? lemmaStemsOf(textOf(index), analyze, knows)),
    counted: (index) => memo(counted, index, () => storedSet(FACT.counted, index) ?? new Set(countedWords(textOf(index)).flatMap(analyze))),
    countedNouns: (index) => memo(countedNouns, index, () => storedSet(FACT.countedNouns, index) ?? new Set(countedWords(textOf(index), true).flatMap(analyze))),
    postings,
    chunkSentences: (chunkId) => {
      if (!Number.isInteger(chunkId) || chunkId < 0 || chunkId + 1 >= table.memberOffsets.length) return [];
      return Array.from(table.members.subarray(table.memberOffsets[chunkId], table.memberOffsets[chunkId + 1]));
    },
  };
}

/** The columns of a sentence's stored facts (see ingest/facts.ts), each what a {@link SentenceStats} method computes. */
const FACT_COLUMNS = ["more stems", "carried", "lemma stems", "counted", "counted nouns", "features"] as const;
const FACT = { moreStems: 0, carried: 1, lemmaStems: 2, counted: 3, countedNouns: 4, features: 5 } as const;

/** Bump when a sentence's facts change in a way the probe below might not show. */
const FACTS_VERSION = 10;

/**
 * A short article that asks for every kind of fact: a dateline and "die Stadt", an acronym spelled out,
 * a name after its kind and its role, a pronoun going on, counted nouns, strong verb forms, and each
 * answer type (times and clock times, a weekday adverb, a holiday, spans, frequencies, ordinals, amounts,
 * one ending a sentence, places, a name after a kind of place, organisations, a party after a name, lists,
 * reasons), so that a change to how any of them is read changes the version. A change the probe does not
 * show needs {@link FACTS_VERSION} bumped.
 */
export const FACTS_PROBE = [
  "Altdorf (dpa) - Der Verband Freier Bäcker (VFB) hat am Montag 120 Mitglieder zu einem Backfest aufgerufen.",
  "Der Bauunternehmer Ole Brandt versprach, die Stadt werde bis 2025 helfen.",
  "Brandt traf sich deshalb in Berlin mit der Partei Novura und ihrem Parteichef.",
  "Sie gewann zwei Sitze dazu, weil die Kunden unzufrieden waren; Hauptgrund sei der Preis.",
  "Die VFB-Chefin sagte, der Verband habe drei Wochen lang verhandelt; zwölf Bäckereien schlossen.",
  "The mayor, John Smith, said on Tuesday that 40 people were moved from London because of the works.",
  "Die Arbeiten sollen im Frühjahr 2027 beginnen, drei Jahre dauern und 4,5 Millionen Euro kosten, Einsprüche binnen eines Monats.",
  "Der Konzern Almet liefert zweimal täglich Brot nach Hamburg, Bremen und Kiel; es war der dritte Auftrag.",
  "Wegen des Glatteises fielen am 12. März ab 6 Uhr rund 40 Prozent der Busse aus, teilte Bürgermeisterin Jana Holm (parteilos) mit.",
  "Die Burg an der Welbe wurde nach Angaben der Stadt um das Jahr 950 von Männern im Alter von 20 Jahren errichtet.",
  "Die Gemeinde Lindtal liefert montags Brot, der Wagen fährt bis Weihnachten auch sonntags, da die Nachfrage steigt.",
  "Die Zahl der Bäckereien in Lindtal sank auf 12.",
];

const factsVersions = new WeakMap<Analyzer, WeakMap<object, string>>();
const WITHOUT_KNOWLEDGE = {};

/**
 * The version of the facts this code makes with `analyze` and `knows`: {@link FACTS_VERSION}, the analysis
 * version (facts extend its stems) and a digest of the facts of a probe article, which changes with
 * the lexicon behind `knows`. Stored facts are used only when their version equals this. Memoised.
 */
export function factsVersion(analyze: Analyzer, knows?: WordKnowledge): string {
  let byKnowledge = factsVersions.get(analyze);
  if (!byKnowledge) factsVersions.set(analyze, (byKnowledge = new WeakMap()));
  let version = byKnowledge.get(knows ?? WITHOUT_KNOWLEDGE);
  if (version === undefined) {
    let at = 0;
    const sentences = FACTS_PROBE.map((text) => {
      const span = { start: at, end: at + text.length };
      at += text.length + 1;
      return span;
    });
    const text = FACTS_PROBE.join(" ");
    const stats = buildSentenceStats([{ id: 0, source: "probe", start: 0, end: text.length, text, sentences }], analyze, knows);
    const rows = FACTS_PROBE.map((_, i) => factsOf(stats, i));
    const digest = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
    version = `${FACTS_VERSION}-${analysisVersion(analyze)}-${digest.slice(0, 12)}`;
    byKnowledge.set(knows ?? WITHOUT_KNOWLEDGE, version);
  }
  return version;
}

/** Sentence i's facts as {@link FACT_COLUMNS} lists them; its stems beside those of the analysis are what its article adds. */
function factsOf(stats: SentenceStats, index: number, own?: ReadonlySet<string>): string[][] {
  const stems = [...stats.stems(index)];
  const features = [...stats.features(index)].flatMap(([type, words]) => [type, String(words.length), ...words]);
  return [
    own ? stems.filter((stem) => !own.has(stem)) : stems,
    [...stats.carried(index)],
    [...stats.lemmaStems(index)],
    [...stats.counted(index)],
    [...stats.countedNouns(index)],
    features,
  ];
}

function featuresFrom(row: readonly string[]): ReadonlyMap<AnswerType, readonly string[]> {
  const typed = new Map<AnswerType, string[]>();
  for (let k = 0; k + 1 < row.length; ) {
    const n = Number(row[k + 1]);
    typed.set(row[k] as AnswerType, row.slice(k + 2, k + 2 + n));
    k += 2 + n;
  }
  return typed;
}

/** Sentences described with one {@link SentenceStats} before a fresh one: its caches would hold every sentence's facts. */
const DESCRIBED_PER_STATS = 5000;

/**
 * The facts of every sentence of an index, as {@link SentenceStats} would work them out on first use:
 * what `npm run index` stores, so that a question only decodes them. `pause` is awaited now and then;
 * a sentence `known` gives rows for (an unchanged source's, from the previous build) takes them as they are.
 */
export async function describeSentences(
  table: SentenceTable,
  analysis: SentenceAnalysis,
  analyze: Analyzer,
  knows?: WordKnowledge,
  pause: (done: number) => Promise<void> = async () => {},
  known?: (sentence: number) => readonly (readonly string[])[] | undefined,
): Promise<SentenceFacts> {
  const builder = createFactsBuilder(factsVersion(analyze, knows), FACT_COLUMNS);
  let stats = sentenceStats(table, analysis, analyze, knows);
  for (let i = 0; i < table.count; i++) {
    if (i % DESCRIBED_PER_STATS === DESCRIBED_PER_STATS - 1) stats = sentenceStats(table, analysis, analyze, knows);
    if (i % 500 === 499) await pause(i + 1);
    const stored = known?.(i);
    if (stored) {
      builder.add(stored);
      continue;
    }
    const own = new Set<string>();
    for (let k = analysis.offsets[i]!; k < analysis.offsets[i + 1]!; k++) own.add(analysis.vocab[analysis.stems[k]!]!);
    builder.add(factsOf(stats, i, own));
  }
  return builder.finish();
}

/**
 * A sentence opening with a personal pronoun, "Sie", "Er", "He", "She", "They", or with a preposition
 * governing one, "Für sie", "Mit ihm", "For them": it goes on about what the sentence before named
 * (grammar, not vocabulary).
 */
const OPENS_WITH_PRONOUN =
  /^(?:(?:Sie|Er|He|She|They)\s|(?:Für|Mit|Von|Bei|Nach|Zu|Über|Gegen|Ohne|Auf|An|Aus|Durch|Unter|For|With|From|To|About|Against|Without)\s+(?:sie|ihn|ihm|ihr|ihnen|them|him|her)\s)/u;
const NOTHING: ReadonlySet<string> = new Set();

/** The first sentence of the article that sentence `index` belongs to. */
export function articleStart(index: number, sourceOf: (index: number) => string): number {
  const source = sourceOf(index);
  let first = index;
  while (first > 0 && sourceOf(first - 1) === source) first--;
  return first;
}

/** The first and last sentence of the article that sentence `index` belongs to. */
export function articleRange(index: number, sourceOf: (index: number) => string, count: number): [number, number] {
  const source = sourceOf(index);
  let last = index;
  while (last + 1 < count && sourceOf(last + 1) === source) last++;
  return [articleStart(index, sourceOf), last];
}

/** An acronym in parentheses after its long form: "(VFB)", "(NABU)", "(UN)". */
const ACRONYM = /\(\s*(\p{Lu}[\p{Lu}\p{Ll}]{0,7}?)\s*\)/gu;
/** How far before the parenthesis the long form may start, in words. */
const LONG_FORM_WORDS = 8;

/**
 * The acronyms an article defines, each with the stems of its long form: "Verband Freier Bäcker (VFB)"
 * → vfb → verband, frei, back. The long form is the capitalised words right before the parenthesis whose
 * initials are the acronym's capitals, in any order ("Alianza Popular (PA)"); function words between them
 * are skipped. Pure.
 */
export function acronymsIn(texts: readonly string[], analyze: Analyzer): ReadonlyMap<string, readonly string[]> {
  return addAcronyms(new Map(), texts, analyze);
}

/** A short reference's stem and the stems it stands for, added to what it stood for already. */
function addAlias(out: Map<string, string[]>, key: string, stems: readonly string[]): void {
  out.set(key, [...new Set([...(out.get(key) ?? []), ...stems])]);
}

function addAcronyms(out: Map<string, string[]>, texts: readonly string[], analyze: Analyzer): Map<string, string[]> {
  for (const text of texts) {
    for (const { acronym, words } of longForms(text)) {
      const [key] = analyze(acronym);
      if (key === undefined) continue;
      addAlias(out, key, words.flatMap((w) => analyze(w)).filter((stem) => stem !== key));
    }
  }
  return out;
}

/** The acronyms a text defines with the capitalised words of their long forms (see {@link acronymsIn}). */
function* longForms(text: string): Generator<{ acronym: string; words: string[] }> {
  // Most sentences define nothing; the pattern needs a parenthesis.
  if (!text.includes("(")) return;
  for (const match of text.matchAll(ACRONYM)) {
    const acronym = match[1]!;
    const capitals = [...acronym].filter((c) => /\p{Lu}/u.test(c));
    if (capitals.length < 2) continue;
    const before = text.slice(0, match.index).split(/\s+/u).filter((w) => w !== "").slice(-LONG_FORM_WORDS);
    const words = before.filter((w) => /^\p{Lu}/u.test(w)).slice(-capitals.length);
    const initials = words.map((w) => w[0]!).sort().join("");
    if (words.length === capitals.length && initials === [...capitals].sort().join("")) yield { acronym, words };
  }
}

/** A role or description right before a person's first name and surname: "Bauunternehmer Ole Brandt". */
const APPOSITION = /(?<![\p{L}-])(\p{Lu}[\p{L}-]*\p{Ll})\s+(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)(?![\p{L}-])/gu;

/**
 * What a news article's short references stand for, from the places it spelled them out: acronyms (see
 * {@link acronymsIn}) and, with a dictionary to tell names from nouns, surnames after the role they were
 * introduced with ("der Bauunternehmer Ole Brandt" → a later "Brandt" is the Bauunternehmer). Pure.
 */
export function aliasesIn(texts: readonly string[], analyze: Analyzer, knows?: WordKnowledge): ReadonlyMap<string, readonly string[]> {
  const out = addAcronyms(new Map(), texts, analyze);
  if (!knows) return out;
  for (const text of texts) {
    for (const [, role, first, last] of text.matchAll(APPOSITION)) {
      // A surname may be a word too ("Krämer", "Fischer", "Koch"): after a first name no dictionary knows it is a name.
      if (!knows.isWord(role!) || knows.isPlace(role!) || (knows.isWord(last!) && knows.isWord(first!))) continue;
      const [key] = analyze(last!);
      if (key === undefined) continue;
      const stems = analyze(role!).filter((stem) => stem !== key);
      // "Im Hafen Kiel": a function word opening the sentence is no role.
      if (stems.length === 0) continue;
      addAlias(out, key, stems);
    }
  }
  return out;
}

/**
 * A kind of thing right before its name: "die Partei Novura", "der Konzern Almet", "der Verein Lichtblick",
 * also with the name in quotation marks ("die Buchhandlung «Kornblume»", German typography's „…“ and »…«).
 */
const KIND_AND_NAME = /(?<![\p{L}-])(\p{Lu}\p{Ll}+)\s+[«»„“"‚']?(?=(\p{Lu}[\p{L}-]*)(?![\p{L}-]))/gu;
/** A word right after a definite article: "der Verband", "die Partei". */
const AFTER_DEFINITE = /(?<![\p{L}])(?:der|die|das|den|dem|des)\s+(\p{L}+)(?![\p{L}])/giu;
/** How many sentences after a name its kind's compounds still mean it. */
const NAME_REACH = 2;

/**
 * A news article's dateline, the town it reports from: "Altdorf (dpa/lni) - …", "LEEDS, England,
 * March 4 (Reuters) - …". Agency style, not vocabulary: a name, then at most a comma's worth of region and
 * date, then the agency in parentheses and a dash.
 */
const DATELINE = /^(\p{Lu}[\p{L}'-]*(?:[ -]\p{Lu}[\p{L}'-]*){0,2})(?:,[^()]{1,40})?\s\([\p{L}/ ]{2,20}\)\s[-–—]\s/u;
/** The town of the dateline once named, as news goes on to call it (a closed class of words, German and English). */
const THE_TOWN = /(?<![\p{L}])(?:die|der|the)\s+(?:Stadt|Gemeinde|Kommune|town|city)(?![\p{L}])/iu;

/**
 * For each sentence of an article, the stems of the town of its dateline when the sentence calls it "die
 * Stadt" / "the town" ("Die Stadt will im Sommer entscheiden" in a report from Altdorf); empty otherwise.
 * Pure.
 */
export function townBehind(texts: readonly string[], analyze: Analyzer): string[][] {
  const town = DATELINE.exec(texts[0] ?? "")?.[1];
  const stems = town === undefined ? [] : analyze(town);
  return texts.map((text, j) => (j > 0 && stems.length > 0 && THE_TOWN.test(text) ? stems : []));
}

/**
 * For each sentence of an article, the names it refers to by their kind: after "die neue Partei
 * Novura", a "Parteichef" in the next sentences is Novura's, and after "der Verband Freier Bäcker (VFB)"
 * a later "der Verband" is the VFB (news names a thing once, then by its kind); before the name, any
 * mention of the kind is. The kind alone refers to a name only when the article introduced one thing of
 * that kind. Needs a dictionary to tell kinds (nouns) from names. Pure.
 */
export function namesBehind(
  texts: readonly string[],
  analyze: Analyzer,
  knows?: WordKnowledge,
  stored?: (j: number) => readonly string[],
): string[][] {
  const out: string[][] = texts.map(() => []);
  if (!knows) return out;
  // Each sentence analysed once, when a kind before it first asks (or its stems as the index stored them).
  const analysed: (readonly string[] | undefined)[] = [];
  const stemsOf = (j: number) => (analysed[j] ??= stored ? stored(j) : analyze(texts[j]!));
  // Each kind the article introduces a thing with: where first, and the stems of the things' names.
  const kinds = new Map<string, { at: number; names: Set<string> }>();
  const introduce = (kind: string, names: readonly string[], at: number) => {
    const known = kinds.get(kind);
    if (known) for (const name of names) known.names.add(name);
    else kinds.set(kind, { at, names: new Set(names) });
  };
  texts.forEach((text, i) => {
    for (const [, kind, name] of text.matchAll(KIND_AND_NAME)) {
      if (!knows.isWord(kind!) || knows.isWord(name!) || knows.isPlace(name!)) continue;
      const [kindStem] = analyze(kind!);
      const nameStems = analyze(name!);
      if (kindStem === undefined || kindStem.length < 4 || nameStems.length === 0) continue;
      introduce(kind!, nameStems, i);
      for (let j = i + 1; j <= i + NAME_REACH && j < texts.length; j++) {
        const compounds = stemsOf(j).some((stem) => stem.length > kindStem.length + 2 && stem.startsWith(kindStem));
        if (compounds) out[j]!.push(...nameStems);
      }
    }
    for (const { acronym, words } of longForms(text)) {
      if (/^\p{Lu}\p{Ll}+$/u.test(words[0]!) && knows.isWord(words[0]!)) introduce(words[0]!, analyze(acronym), i);
    }
  });
  // "der Verband" after two associations were named could be either.
  const single = [...kinds].filter(([, { names }]) => names.size === 1);
  if (single.length === 0) return out;
  // News often introduces a thing by its kind first and names it later ("die Inhaberin einer
  // Buchhandlung …", then "die Buchhandlung «Kornblume»"): before its name, the kind, alone or in a
  // compound, is the one thing of that kind the article names.
  for (const [kind, { at, names }] of single) {
    const [kindStem] = analyze(kind);
    if (kindStem === undefined) continue;
    for (let j = 0; j < at; j++) if (stemsOf(j).some((stem) => stem.startsWith(kindStem))) out[j]!.push(...names);
  }
  // Each sentence's words after a definite article, read once (lower case), for all kinds.
  const byKind = new Map(single.map(([kind, found]) => [kind.toLowerCase(), found]));
  texts.forEach((text, j) => {
    const seen = new Set<string>();
    for (const [, word] of text.matchAll(AFTER_DEFINITE)) {
      const kind = word!.toLowerCase();
      const found = byKind.get(kind);
      if (found === undefined || j <= found.at || seen.has(kind)) continue;
      seen.add(kind);
      out[j]!.push(...found.names);
    }
  });
  return out;
}

/**
 * Splits every chunk into its sentences (each once, although chunks overlap) and analyses them from
 * scratch: for chunks that did not come from a stored index (tests, an index view without its table).
 * Document frequencies must come from the whole corpus, not from the few retrieved chunks. Pure.
 */
export function buildSentenceStats(chunks: readonly Chunk[], analyze: Analyzer, knows?: WordKnowledge): SentenceStats {
  const table = sentenceTable(chunks);
  return sentenceStats(table, analyzeSentences(table, analyze), analyze, knows);
}

function lemmaStemsOf(text: string, analyze: Analyzer, knows?: WordKnowledge): ReadonlySet<string> {
  const stems = new Set<string>();
  if (!knows?.lemmas) return stems;
  // Verbs and adjectives only: their strong forms ("versprach", "traf") are what the stemmer leaves apart;
  // nouns (capitalised) inflect by endings it already strips, and looking them up too would double the cost.
  for (const word of text.match(/(?<![\p{L}])\p{Ll}\p{L}*/gu) ?? []) {
    for (const lemma of knows.lemmas(word)) for (const stem of analyze(lemma)) stems.add(stem);
  }
  return stems;
}

function typedFeatures(text: string, analyze: Analyzer, knows?: WordKnowledge, named?: ReadonlySet<string>): ReadonlyMap<AnswerType, readonly string[]> {
  const typed = new Map<AnswerType, string[]>();
  for (const [type, words] of sentenceFeatures(text, knows, named).types) {
    typed.set(
      type,
      words.flatMap((w) => {
        const analysed = analyze(w);
        return analysed.length > 0 ? analysed : [w];
      }),
    );
  }
  return typed;
}

/**
 * The best a term's matches reach in the sources (0 when none): what a role or a focus is found at, at most.
 * A loop, not a spread: a word of a large family has thousands of similar stems at 100k chunks.
 */
export function bestSimilar(match: TermMatch | undefined): number {
  let best = 0;
  for (const value of match?.similar.values() ?? []) if (value > best) best = value;
  return best;
}

/** One query term resolved against the corpus: which stems it matches, how well, and how rare it is. */
export interface TermMatch {
  readonly term: QueryTerm;
  readonly similar: ReadonlyMap<string, number>;
  readonly idf: number;
  /** The term's own and dictionary-form stems, which a sentence's word lemmas may meet ("versprochen" / "versprach"). */
  readonly lemmaStems?: ReadonlySet<string>;
  /**
   * The stems of the term's expansions (synonyms, translations) with their weights, which a sentence's
   * word lemmas may meet too ("beginnen" for "anfangen" meets "begann").
   */
  readonly expansionStems?: ReadonlyMap<string, number>;
  /** The weight of the term's best form or compound head that the corpus has: the most a sentence can match it by. */
  readonly reach?: number;
}

/** How close a corpus word must be to a synonym or translation to count (compound head, inflection); a word of the same family (festgenommen / Festnahmen) counts too. */
const EXPANSION_MATCH = 0.8;

/**
 * Resolves query terms against the corpus vocabulary once per question, so that scoring a sentence is a
 * few map look-ups; the vocabulary is indexed (see vocabulary.ts), so a term is not compared with every
 * stem of the corpus. A term's rarity (BM25-style idf over sentences) counts every sentence it matches,
 * fuzzily or not; a term found nowhere is as rare as can be, which is what lets the relevance gate
 * notice that the question's key word is missing.
 */
export function matchTerms(terms: readonly QueryTerm[], stats: SentenceStats): TermMatch[] {
  return terms.map((term) => {
    const { similar, idf, reach } = resolved(term, stats);
    const lemmaStems = new Set(term.alternatives.filter((a) => a.weight >= 1).map((a) => a.stem));
    const expansionStems = new Map(term.alternatives.filter((a) => a.weight < 1 && a.via !== "part").map((a) => [a.stem, a.weight] as const));
    return { term, similar, idf, lemmaStems, expansionStems, ...(reach > 0 ? { reach } : {}) };
  });
}

/** A term resolved against a corpus: what {@link matchTerms} computes from the vocabulary and the postings. */
interface Resolved {
  readonly similar: ReadonlyMap<string, number>;
  readonly idf: number;
  readonly reach: number;
}

/**
 * Terms resolved per corpus, by what the resolution reads of them. A word of a large family ("Festnahmen"
 * meets thousands of rejoined particle verbs at 100k chunks) costs milliseconds to resolve and to count
 * the sentences of, and questions repeat words; the maps are shared, so no caller may change them.
 */
const resolutions = new WeakMap<SentenceStats, { readonly terms: Map<string, Resolved>; stems: number }>();
/** Similar stems held per corpus before the cache starts over: a million is some tens of MiB. */
const RESOLVED_STEMS_KEPT = 1_000_000;

function resolved(term: QueryTerm, stats: SentenceStats): Resolved {
  let cache = resolutions.get(stats);
  if (!cache) resolutions.set(stats, (cache = { terms: new Map(), stems: 0 }));
  // Everything resolution reads of a term (see accepts and strictAlternative).
  const key = `${term.name === true ? (term.asked === true ? "A" : "N") : ""}${/^\p{Lu}/u.test(term.word) ? "U" : ""}|${term.heads?.join(",") ?? "-"}|${term.alternatives.map((a) => `${a.stem}:${a.weight}:${a.via}${a.verb === true ? ":v" : ""}`).join(";")}`;
  const known = cache.terms.get(key);
  if (known) return known;
  const n = stats.count;
  const vocabulary = vocabularyOf(stats.postings);
  // Each alternative's matches count at its weight (a translation below the word itself), best kept.
  const similar = new Map<string, number>();
  let reach = 0;
  for (const alternative of term.alternatives) {
    // Spelling tolerance is for names as written (see accepts): for any other alternative it is not looked for.
    for (const [stem, value] of vocabulary.similar([alternative.stem], { spelling: !strictAlternative(term, alternative) })) {
      if (!accepts(term, alternative, stem, value, (prefix) => vocabulary.begins(prefix))) continue;
      // A synonym or translation never stands in fully; a compound's head does for a compound the sources lack.
      if (alternative.weight >= 1 || alternative.via === "part") reach = Math.max(reach, alternative.weight);
      const weighted = value * alternative.weight;
      if (weighted > (similar.get(stem) ?? 0)) similar.set(stem, weighted);
    }
  }
  // A head the dictionary reads after a modifier of three letters ("Bauschutt" → der Schutt, "Notausgang" →
  // der Ausgang): the vocabulary takes a tail for a head only after four (see COMPOUND_MODIFIER), as "ver" in
  // "verletzt" is no modifier; where the dictionary reads the compound's parts, it tells which tails are.
  for (const alternative of term.alternatives) {
    if (alternative.via !== "word" && alternative.via !== "lemma") continue;
    for (const head of term.heads ?? []) {
      const modifier = alternative.stem.slice(0, alternative.stem.length - head.length);
      if (modifier.length === 0 || modifier.length >= COMPOUND_MODIFIER || !alternative.stem.endsWith(head)) continue;
      if (!stats.postings.has(head) || !vocabulary.begins(modifier)) continue;
      const weighted = HEAD_OF_QUERY * alternative.weight;
      if (weighted > (similar.get(head) ?? 0)) similar.set(head, weighted);
    }
  }
  const df = sentencesContaining(similar.keys(), stats.postings, n);
  const result = { similar, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)), reach };
  if (cache.stems + similar.size > RESOLVED_STEMS_KEPT) {
    cache.terms.clear();
    cache.stems = 0;
  }
  cache.terms.set(key, result);
  cache.stems += similar.size;
  return result;
}

/**
 * Whether a corpus stem that the vocabulary finds similar to an alternative counts for the term (`begins`
 * tells whether some corpus stem begins with a prefix). Spelling
 * tolerance is for names, which transliterations spell differently ("Peskow" / "Peskov"); a synonym, a
 * translation, a compound's part or a lower-case word is a word of the sources' language, found as it is,
 * in a compound or inflected ("scheiterte" is not "zweite"), not by a spelling a letter or two away.
 */
export function accepts(
  term: QueryTerm,
  alternative: QueryTerm["alternatives"][number],
  stem: string,
  value: number,
  begins: (prefix: string) => boolean,
): boolean {
  // The head of the question's compound stands in only when the sources use its modifier: a
  // "Kommunalwahl" is not any "Wahl" they report, while "Rettungshubschrauber" may be their "Hubschrauber".
  const query = alternative.stem;
  const own = alternative.via === "word" || alternative.via === "lemma";
  // A verb is no compound's head (see Alternative.verb). Only pivots are marked: the loosest expansions, where
  // such a match is a collision of stems; a synonym's verb meets its nouns' compounds more often than not
  // (all expansions so marked measured 1100 right of 1,451 on the tune-side sets, pivots only 1106, none 1105).
  if (alternative.verb === true && stem.length > query.length && stem.endsWith(query)) return false;
  if (query.length - stem.length >= COMPOUND_MODIFIER && query.endsWith(stem)) {
    // Where the dictionary reads the compound's parts, only its heads are heads: "Rand" is none of "Waldbrand".
    if (own && term.heads !== undefined && !term.heads.includes(stem)) return false;
    // A name's tail is no mention of it: "zu Hause" does not name "Kornhausen", nor "am Bach" "Tannbach".
    if (own && term.name === true && term.asked !== true) return false;
    const modifier = query.slice(0, query.length - stem.length);
    const bare = withoutLinking(modifier);
    if (!begins(modifier) && (bare === undefined || !begins(bare))) return false;
  }
  // The question's own word as the modifier of a compound of the sources counts, at the modifier's value, a
  // lower-case one as a capitalised one already does: "When is the protest?" and "Protestkundgebung". Not a
  // synonym's or a translation's, which would find any compound that begins like a sense not meant.
  if (own && value >= MODIFIER_OF_SOURCE && stem.length > query.length && stem.startsWith(query)) return true;
  return !strictAlternative(term, alternative) || (value >= EXPANSION_MATCH && builtOn(alternative.stem, stem)) || sameFamily(alternative.stem, stem);
}

/** An alternative found only as it is, in a compound or inflected: anything but a name's own spelling (see {@link accepts}). */
function strictAlternative(term: QueryTerm, alternative: QueryTerm["alternatives"][number]): boolean {
  const named = term.name === true || /^\p{Lu}/u.test(term.word);
  return alternative.via === "synonym" || alternative.via === "pivot" || alternative.via === "translation" || alternative.via === "part" || !named;
}

/**
 * True when a corpus stem is built on an expansion's stem (the word, a compound of it, an inflection, a
 * feminine of it), not merely spelled like it: "cell" → Zelle must not find "Welle".
 */
/**
 * True when a corpus stem names the very thing a term names: the word, an inflection, a compound with it
 * as its head, a feminine of it or a member of its family, not a compound it merely begins
 * ("Schulbusse" are no "Schulen"). What a number counts must be that thing.
 */
export function namesSame(term: QueryTerm, stem: string): boolean {
  return term.alternatives.some(
    (a) =>
      endsWithHead(stem, a.stem) ||
      (stem.startsWith(a.stem) && stem.length - a.stem.length <= 2) ||
      (a.stem.startsWith(stem) && a.stem.length - stem.length <= 2) ||
      masculine(stem)?.endsWith(a.stem) === true ||
      sameFamily(a.stem, stem),
  );
}

function builtOn(expansion: string, stem: string): boolean {
  return endsWithHead(stem, expansion) || stem.startsWith(expansion) || expansion.startsWith(stem) || masculine(stem)?.endsWith(expansion) === true;
}

/**
 * How many sentences contain at least one of `stems`: one posting list's length, or, for several, a byte
 * per sentence rather than a Set, since a common term's postings run to tens of thousands at 100k chunks.
 * Posting lists hold distinct sentence indices below `n` (they are inverted from the sentence rows).
 */
function sentencesContaining(stems: Iterable<string>, postings: SentenceStats["postings"], n: number): number {
  const lists = [...stems].flatMap((stem) => postings.get(stem) ?? []);
  if (lists.length <= 1) return lists[0]?.length ?? 0;
  const seen = new Uint8Array(n);
  let count = 0;
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!;
      if (seen[i] === 0) {
        seen[i] = 1;
        count++;
      }
    }
  }
  return count;
}

/** How well sentence `index` matches each term (0–1), in the order of `matches`. */
export function termHits(matches: readonly TermMatch[], stats: SentenceStats, index: number): readonly number[] {
  let byMatches = hitsMemo.get(stats);
  if (!byMatches) hitsMemo.set(stats, (byMatches = new WeakMap()));
  let known = byMatches.get(matches);
  if (!known) byMatches.set(matches, (known = new Map()));
  let hits = known.get(index);
  if (!hits) known.set(index, (hits = sentenceHits(matches, stats, index)));
  return hits;
}

/**
 * Hits remembered per question's matches (the array, as read passes it along) and sentence: ranking, an
 * article's rarities, a unit's context and the typed sentences' chunks read the same sentences again.
 */
const hitsMemo = new WeakMap<SentenceStats, WeakMap<readonly TermMatch[], Map<number, readonly number[]>>>();

function sentenceHits(matches: readonly TermMatch[], stats: SentenceStats, index: number): number[] {
  const stems = stats.stems(index);
  const carried = stats.carried(index);
  let lemmas: ReadonlySet<string> | undefined;
  let lowered: string | undefined;
  return matches.map((match) => {
    let best = 0;
    // The best match by a stem whose umlaut the sentence may not spell (see QueryTerm.umlauts): the stemmer
    // folds "gründete" and "Grund" into one stem, "Bürger" and "Burg" too. One spelt without the umlaut
    // is another word, at best of the family ("zählen" / "Zahl").
    let folded = 0;
    const umlauts = match.term.umlauts;
    const unsure = (stem: string) => umlauts !== undefined && umlauts.some((u) => stem.includes(u.stem));
    for (const stem of stems) {
      const value = match.similar.get(stem) ?? 0;
      if (value > 0 && unsure(stem)) folded = Math.max(folded, value);
      else best = Math.max(best, value);
    }
    // A form the stemmer leaves apart from the question's ("versprach" / "versprochen") meets it by lemma.
    if (best < 1 && match.lemmaStems && match.lemmaStems.size > 0) {
      lemmas ??= stats.lemmaStems(index);
      for (const stem of match.lemmaStems) {
        if (!lemmas.has(stem)) continue;
        if (unsure(stem)) folded = 1;
        else best = 1;
      }
    }
    if (folded > best) {
      lowered ??= stats.sentence(index).text.toLowerCase();
      const text = lowered;
      best = umlauts!.some((u) => text.includes(u.spelt)) ? folded : Math.max(best, folded * DERIVATION_MATCH);
    }
    if (best < 1 && match.expansionStems && match.expansionStems.size > 0) {
      lemmas ??= stats.lemmaStems(index);
      for (const [stem, weight] of match.expansionStems) if (weight > best && lemmas.has(stem)) best = weight;
    }
    // A synonym of two words counts where both stand, in any form.
    const phrases = match.term.phrases;
    if (phrases !== undefined) {
      for (const phrase of phrases) {
        if (phrase.weight <= best) continue;
        lemmas ??= stats.lemmaStems(index);
        if (phrase.stems.every((stem) => stems.has(stem) || lemmas!.has(stem))) best = phrase.weight;
      }
    }
    // What the pronoun a sentence opens with stands for, named in the sentence before, counts in part; so
    // does the town of the dateline where the sentence calls it "die Stadt".
    if (best < CARRIED_SHARE && carried.size > 0) for (const stem of carried) best = Math.max(best, CARRIED_SHARE * (match.similar.get(stem) ?? 0));
    return best;
  });
}

/**
 * The share of the question's weighted, idf-weighted terms that a set of sentences covers (0–1), each term
 * counted at its best match among them. One number for "does this evidence speak to the question", used
 * both for ranking sentences and by the relevance gate. `factors` weighs each term further (its rarity in
 * an article, see {@link articleRarity}).
 */
export function coverage(matches: readonly TermMatch[], hits: readonly (readonly number[])[], factors?: readonly number[]): number {
  let total = 0;
  let covered = 0;
  matches.forEach((match, t) => {
    const mass = match.term.weight * match.idf * (factors?.[t] ?? 1);
    total += mass;
    covered += mass * Math.max(0, ...hits.map((h) => h[t] ?? 0));
  });
  return total === 0 ? 0 : covered / total;
}

export interface ScoredSentence {
  readonly index: number;
  readonly sentence: Sentence;
  readonly hits: readonly number[];
  readonly coverage: number;
  readonly typeMatch: boolean;
  readonly score: number;
}

/**
 * True when some word supplying the answer type is not itself a question term: the answer to "Wer ist der
 * Präsident?" is a name other than the ones the question names.
 */
function suppliesNew(stems: readonly string[], matches: readonly TermMatch[]): boolean {
  // An earlier turn's words do not count: "Wie heißt er?" asks for the name the last answer quoted.
  return stems.some((stem) => matches.every((m) => m.term.context === true || (m.similar.get(stem) ?? 0) < 0.6));
}

/** How much a word of the sentence before counts for one that opens with a pronoun standing for its subject (0.3–0.7 tried on the tune sets; 0.5 and 0.7 alike). */
const CARRIED_SHARE = 0.5;

/**
 * The words of another type that supply an answer type too: an organisation answers "wer" as a person
 * does, and an organisation is named by its kind and its name ("die Personalagentur Medivera"), the name
 * being what a question that names the kind ("Welche Personalagentur …") does not know yet.
 */
const SUPPLIED_TOO: Partial<Record<AnswerType, AnswerType>> = { person: "organization", organization: "name" };

/** Added to a sentence's coverage when it carries the kind of thing the question asks for. */
export const TYPE_BONUS = 0.2;
/** Added, scaled by the passage's fused rank (best = 1), so retrieval breaks ties between equal sentences. */
export const RANK_PRIOR = 0.05;

/**
 * How well a sentence that names things of the asked-for type covers the category noun of a "welche X"
 * question: "Kassel, Hannover und Erfurt" answer "aus welchen Städten" as a compound's head would.
 */
export const TYPED_CATEGORY_HIT = 0.8;

/**
 * How much of what its article's first sentence matches a later sentence carries in the order of the
 * candidates: a news lead says what the story is about ("Der Autozulieferer Kessler Antriebstechnik will
 * 700 Stellen streichen"), and the sentences after it speak of that without naming it again ("Betriebsrat
 * und Gewerkschaft reagierten empört"). Without it the lead comes first whenever a question names the
 * story, though a later sentence says what was asked. Only the order: a sentence's score, which the gate
 * and the choice of further quotes weigh, is its own. Not for the category a "welche X" question asks for,
 * which the sentence itself must name. (Set on the tune-side sets: 0.6–0.8 measured alike, 0.3–0.4 changed
 * nothing.)
 */
export const LEAD_SHARE = 0.6;

/**
 * How well a sentence must meet a term for the term to count as used there, when counting the sentences
 * of an article that use it (see {@link articleRarity}): a form, compound or close relative of it.
 */
const ARTICLE_USE = 0.5;
/**
 * The most sentences of one document read for its terms' rarity: a news article has a few dozen; of a long
 * document (a report as a PDF) those around the first candidate from it, so a question's cost stays bounded.
 */
const ARTICLE_READ = 240;

/**
 * The first and last sentence read of the document a sentence belongs to: all of a news article; of a long
 * document, the {@link ARTICLE_READ} sentences around it (kept whole near the document's end).
 */
export function articleWindow(index: number, stats: Pick<SentenceStats, "source" | "count">): [number, number] {
  const [first, last] = articleRange(index, (i) => stats.source(i), stats.count);
  const from = Math.max(first, Math.min(index - ARTICLE_READ / 2, last + 1 - ARTICLE_READ));
  return [from, Math.min(last, from + ARTICLE_READ - 1)];
}

/**
 * Scores candidate sentences for a question: coverage of its terms, plus a bonus when the sentence carries
 * the expected answer type (a number for "wie viele", a person for "wer"), plus a small retrieval prior.
 * `categoryTerm`, the index of a "welche X" question's category noun among the terms, counts as covered
 * by a sentence that carries the expected type and matches some other term of the question. `accepts`
 * narrows the type further, given the sentence and its index (a measure question's number must carry the
 * measure's unit). `goesOn` tells whether the sentence after one goes on about it: when it does and carries
 * the type, the sentence has the bonus too, since the two are quoted together ("Betriebsrat und Gewerkschaft
 * reagierten empört." | "«…», sagte Betriebsratschef …"). Returns them best first, a later sentence of an
 * article ranked with part of its lead (see {@link LEAD_SHARE}), and each by its terms' rarity in its own
 * article too (see {@link articleRarity}). Pure: same inputs, same order, which keeps answers and tests stable.
 */
export function scoreSentences(
  candidates: readonly { readonly index: number; readonly prior: number; readonly bonus?: number }[],
  matches: readonly TermMatch[],
  stats: SentenceStats,
  expected: AnswerType | null,
  categoryTerm = -1,
  accepts: (sentence: Sentence, index: number) => boolean = () => true,
  goesOn: (index: number) => boolean = () => false,
): ScoredSentence[] {
  // Each article's terms' rarity within it, worked out once for all its candidates.
  const rarities = new Map<number, readonly number[]>();
  const rarityIn = (index: number): readonly number[] => {
    const first = articleStart(index, (i) => stats.source(i));
    let rarity = rarities.get(first);
    if (!rarity) rarities.set(first, (rarity = articleRarity(matches, stats, ...articleWindow(index, stats))));
    return rarity;
  };
  // Each article's first sentence's hits (termHits remembers them for all its candidates); each candidate's rank.
  const leadHits = (index: number): readonly number[] | undefined => {
    const first = articleStart(index, (i) => stats.source(i));
    return first === index ? undefined : termHits(matches, stats, first);
  };
  const ranks = new Map<number, number>();
  const scored = candidates.map(({ index, prior, bonus = 0 }): ScoredSentence => {
    const sentence = stats.sentence(index);
    const typedAt = (at: number) => {
      if (expected === null) return false;
      const features = stats.features(at);
      const also = SUPPLIED_TOO[expected];
      const supplied = [...(features.get(expected) ?? []), ...(also === undefined ? [] : (features.get(also) ?? []))];
      return suppliesNew(supplied, matches) && accepts(stats.sentence(at), at);
    };
    const typed = () => typedAt(index);
    let hits = termHits(matches, stats, index);
    const own = coverage(matches, [hits]);
    if (!(own > 0) && expected === "reason") {
      // A reason given in the lead's paragraph ("Als Grund nannte das Unternehmen …") is the reason for what
      // the lead reports: it meets the question's words through the lead.
      const first = articleStart(index, (i) => stats.source(i));
      // Further on, a reason named as such meets them through the sentence right before it, which it explains
      // ("… fiel die Heizung aus." | "Als Grund nannte die Stadt …"), or through the lead, whose event it
      // explains after other details ("Grund für die Einschnitte ist …"); one joined to an event of its own
      // ("…, damals wegen eines Sturms") is that event's. (Two or three sentences back measured
      // worse: the reason then belongs to something else as often.)
      const named = () => index > first && namesReason(stats.sentence(index).text);
      const before = () => {
        const previous = termHits(matches, stats, index - 1);
        const lead = leadHits(index) ?? [];
        return previous.map((hit, t) => Math.max(hit, lead[t] ?? 0));
      };
      const lead = stats.chunk(first) === stats.chunk(index) ? leadHits(index) : named() ? before() : undefined;
      if (lead && typed()) {
        const leadHitsShared = lead.map((hit) => LEAD_SHARE * hit);
        const cov = coverage(matches, [leadHitsShared]);
        if (cov > 0) return { index, sentence, hits: leadHitsShared, coverage: cov, typeMatch: true, score: cov + TYPE_BONUS + RANK_PRIOR * prior + bonus };
      }
    }
    if (!(own > 0)) {
      // A sentence that covers none of the question scores by its rank alone (no bonus applies), of the
      // asked-for type or not. Whether it is of that type is read only when a later step asks (the typed
      // neighbour or the typed first sentence of reading): a sentence's features cost the most of its first reading.
      let typeMatch: boolean | undefined;
      return {
        index,
        sentence,
        hits,
        coverage: own,
        get typeMatch() {
          return (typeMatch ??= typed());
        },
        score: own + RANK_PRIOR * prior,
      };
    }
    const typeMatch = typed();
    if (typeMatch && categoryTerm >= 0) hits = hits.map((hit, t) => (t === categoryTerm ? Math.max(hit, TYPED_CATEGORY_HIT) : hit));
    const cov = coverage(matches, [hits]);
    const typedNext = !typeMatch && cov > 0 && goesOn(index) && typedAt(index + 1);
    const score = cov + ((typeMatch || typedNext) && cov > 0 ? TYPE_BONUS : 0) + RANK_PRIOR * prior + (cov > 0 ? bonus : 0);
    const lead = leadHits(index);
    if (lead) ranks.set(index, score - cov + coverage(matches, [hits.map((hit, t) => (t === categoryTerm ? hit : Math.max(hit, LEAD_SHARE * (lead[t] ?? 0))))]));
    return { index, sentence, hits, coverage: cov, typeMatch, score };
  });
  // Which article's sentences stand where is the plain order's. Within an article, a sentence that meets the
  // question by words the article uses in few places ranks above one that meets it by words the article uses
  // throughout (its town, its subject): those say which of its sentences answers, these only which article.
  // Its coverage, each term also weighted by its rarity in the article, stands in for its plain coverage
  // there; the lead's part is added as before. (Measured on the tune-side sets: ordered so across articles
  // too, a word rare in another article pulled its sentences ahead, "pro" in "pro Tag" for "Pro Bahn"; with
  // the rarity squared, more answers, but one of the tune split lost to a loose translation it raised.)
  const plain = (s: ScoredSentence) => ranks.get(s.index) ?? s.score;
  const order = scored.sort((a, b) => plain(b) - plain(a) || a.sentence.start - b.sentence.start);
  const places = new Map<string, number[]>();
  order.forEach((s, at) => {
    const source = stats.source(s.index);
    const taken = places.get(source);
    if (taken) taken.push(at);
    else places.set(source, [at]);
  });
  const ranked = [...order];
  for (const at of places.values()) {
    if (at.length < 2) continue;
    const local = new Map(at.map((k) => {
      const s = order[k]!;
      return [s, plain(s) + (s.coverage > 0 ? coverage(matches, [s.hits], rarityIn(s.index)) - s.coverage : 0)] as const;
    }));
    const theirs = [...local.keys()].sort((a, b) => local.get(b)! - local.get(a)! || a.sentence.start - b.sentence.start);
    at.forEach((k, j) => (ranked[k] = theirs[j]!));
  }
  return ranked;
}

/**
 * Each term's rarity within the article of sentences `first`…`last`, the way idf is a term's rarity in the
 * corpus: ln(1 + (n + 1) / (df + 1)) over the article's n sentences, df of them using the term
 * ({@link ARTICLE_USE}).
 */
function articleRarity(matches: readonly TermMatch[], stats: SentenceStats, first: number, last: number): number[] {
  const used = matches.map(() => 0);
  for (let i = first; i <= last; i++) {
    termHits(matches, stats, i).forEach((hit, t) => {
      if (hit >= ARTICLE_USE) used[t]!++;
    });
  }
  const n = last - first + 1;
  return used.map((df) => Math.log(1 + (n + 1) / (df + 1)));
}

/**
 * A stem in more than this share of the sentences (or a thousand, in a small corpus) is not gathered for
 * ranking: it says little about which passage answers, and at 100k chunks scanning it costs milliseconds.
 */
const COMMON_SHARE = 0.01;
const COMMON_FLOOR = 1000;

/**
 * Per-sentence scratch arrays, kept per corpus and reset after use, so a question allocates nothing large:
 * the lists of sentences a term and the question touch too, since a common term's run to tens of thousands
 * and growing an Array that long costs ten times the scan that fills it.
 */
const scratch = new WeakMap<SentenceStats, { readonly score: Float32Array; readonly best: Float32Array; readonly seen: Uint32Array; touched: Uint32Array }>();

/**
 * The chunks whose sentences best cover the question's terms, best first, at most `k`: lexical retrieval
 * with everything term matching accepts (compound heads, inflections, synonyms, translations), where
 * BM25 sees only exact stems. A term's common stems are skipped rather than scanned. Written with typed
 * arrays and a small running top list, since at 100k chunks a question's terms touch tens of thousands
 * of sentences and a Map and a full sort of them would cost more than the rest of answering.
 */
export function matchedChunks(matches: readonly TermMatch[], stats: SentenceStats, k: number): number[] {
  let total = 0;
  for (const m of matches) total += m.term.weight * m.idf;
  if (total === 0 || k <= 0) return [];
  let arrays = scratch.get(stats);
  if (!arrays) {
    const n = stats.count;
    arrays = { score: new Float32Array(n), best: new Float32Array(n), seen: new Uint32Array(n), touched: new Uint32Array(n) };
    scratch.set(stats, arrays);
  }
  const { score, best, seen } = arrays;
  // touched[0 … touchedCount − 1]: the sentences with a score, in the order first scored; seen likewise for
  // one term (each once: its best becomes positive). A sentence whose score stays 0 may be touched again.
  let touched = arrays.touched;
  let touchedCount = 0;
  const common = Math.max(COMMON_FLOOR, COMMON_SHARE * stats.count);
  for (const m of matches) {
    const mass = (m.term.weight * m.idf) / total;
    let seenCount = 0;
    for (const [stem, value] of m.similar) {
      const list = stats.postings.get(stem);
      if (!list || list.length > common) continue;
      for (let j = 0; j < list.length; j++) {
        const i = list[j]!;
        if (best[i] === 0) seen[seenCount++] = i;
        if (value > best[i]!) best[i] = value;
      }
    }
    for (let s = 0; s < seenCount; s++) {
      const i = seen[s]!;
      if (score[i] === 0) {
        if (touchedCount === touched.length) {
          const grown = new Uint32Array(2 * touched.length);
          grown.set(touched);
          arrays.touched = touched = grown;
        }
        touched[touchedCount++] = i;
      }
      score[i]! += mass * best[i]!;
      best[i] = 0;
    }
  }
  // The best sentences, kept sorted in a list a few times longer than k (several may share a chunk).
  const room = k * 4;
  const top: number[] = [];
  for (let t = 0; t < touchedCount; t++) {
    const i = touched[t]!;
    const value = score[i]!;
    if (top.length === room && value <= score[top[room - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && (score[top[at - 1]!]! < value || (score[top[at - 1]!]! === value && top[at - 1]! > i))) at--;
    top.splice(at, 0, i);
    if (top.length > room) top.pop();
  }
  const chunks: number[] = [];
  for (const i of top) {
    const chunk = stats.chunk(i);
    if (!chunks.includes(chunk)) chunks.push(chunk);
    if (chunks.length >= k) break;
  }
  for (let t = 0; t < touchedCount; t++) score[touched[t]!] = 0;
  return chunks;
}
