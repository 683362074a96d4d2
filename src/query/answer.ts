import type { SentenceDescriber, SentenceFacts } from "../ingest/facts.js";
import { analysisVersion, analyzeSentences, type SentenceAnalysis, type SentenceTable } from "../ingest/sentences.js";
import { openLexicon, type Lexicon } from "../lexicon/index.js";
import { turnOf, type Answer, type Ask, type AskContext, type Citation, type DocInfo, type Language, type Passage, type Turn } from "../types.js";
import { claimsByNumber, citationFor, renumberCitations } from "./cite.js";
import { NO_ENGLISH, englishSide, isEnglishTitle, type EnglishSide } from "./bilingual.js";
import { composeExtractive, composeOverview, notFoundText, smalltalkText } from "./extractive.js";
import { detectLanguage } from "./language.js";
import { cleanQuestion, coordinatedQuestions, questionsIn } from "./question.js";
import { LlmError, guardedDisplay, leaksSecrets, rewriteQuery, streamAnswer, type ChatModel } from "./llm.js";
import { NOT_IN_SOURCES, answerMessages, rewriteMessages, type PromptSource } from "./prompts.js";
import { STRICT_TYPES, mentions, read, type Reading } from "./read.js";
import { retrieve, type RetrievalSettings, type SearchableIndex } from "./retrieve.js";
import {
  buildSentenceStats,
  coverage,
  describeSentences,
  factsVersion,
  matchTerms,
  matchedChunks,
  sentenceStats,
  termHits,
  type SentenceStats,
} from "./score.js";
import { namesFocus, type WordKnowledge } from "./cues.js";
import { contentWords, type Analyzer, type QueryTerm } from "./terms.js";
import { exampleQuestion, exampleTopics } from "./topics.js";
import { withoutFraming } from "./framing.js";
import { dictionaryCuts, previousTurn, understand, withPrevious, withoutPhrases, type Understanding, type UnderstandTools } from "./understand.js";
import { sameFamily, USED_MATCH, vocabularyOf } from "./vocabulary.js";

/**
 * understand → retrieve → read → answer → cite, assembled into the {@link Ask} function every front end
 * uses. Each stage takes what the one before produced (an {@link Understanding}, then passages, then a
 * {@link Reading}) and this module only orders them.
 */

/** What answering needs of a loaded index (the ingest `LoadedIndex` satisfies it). */
export interface AnswerIndex extends SearchableIndex {
  readonly docs: readonly DocInfo[];
  doc(source: string): DocInfo | undefined;
  /** The index's sentences; without them, they are split out of `chunks` when first needed. */
  readonly sentenceTable?: SentenceTable;
  /** The stems of those sentences, as the index stored them; used when made by the same analysis as `analyze`'s. */
  readonly analysis?: SentenceAnalysis;
  /** What reading needs of each sentence beyond its stems, as the index stored it; used when made by this code and lexicon. */
  readonly facts?: SentenceFacts;
}

export interface AskSettings {
  readonly retrieval: RetrievalSettings;
  /** Relevance gate: minimum share of the question's terms the quoted evidence must cover. */
  readonly minCoverage: number;
  readonly maxQuestionChars: number;
  readonly llmTimeoutMs: number;
}

/** Logging the query stage does; a pino logger fits. */
export interface QueryLogger {
  debug(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

export interface AskDependencies {
  /** The current index, read once per question, so a hot reload never changes it mid-answer. */
  readonly index: () => AnswerIndex;
  readonly analyze: Analyzer;
  readonly settings: AskSettings;
  /** Present in LLM mode; absent, answers are extractive. */
  readonly llm?: ChatModel;
  /** Strings the model must never echo (API key, endpoint). */
  readonly secrets?: readonly string[];
  readonly logger?: QueryLogger;
  /** Lemmas, synonyms and translations; the compiled lexicon in data/lexicon/ when not given. */
  readonly lexicon?: Lexicon;
}

const statsCache = new WeakMap<object, SentenceStats>();

/**
 * Prepares an index's sentence statistics and the index of its vocabulary ahead of the first question. Answering does it on demand anyway;
 * calling this right after an index is opened (at start, or before a hot swap) moves that cost off the
 * first asker's wait. With the analysis the index stored, that cost is small; an index without one (or
 * with one by another analyzer) has its sentences analysed here. Says whether the sentence facts the index
 * stored are used (see `describeSentences`).
 */
export function prepareIndex(index: AnswerIndex, analyze: Analyzer, lexicon: Lexicon = openLexicon()): { readonly factsStored: boolean } {
  const stats = statsFor(index, analyze, lexicon);
  vocabularyOf(stats.postings).prepare();
  // Which articles are English: a look at every article's opening, tens of milliseconds at 100k chunks.
  englishSideOf(index, stats, lexicon, analyze);
  return { factsStored: stats.factsStored };
}

function statsFor(index: AnswerIndex, analyze: Analyzer, lexicon: Lexicon): SentenceStats {
  let stats = statsCache.get(index);
  if (!stats) {
    const table = index.sentenceTable;
    const knows = wordKnowledge(lexicon);
    if (!table) stats = buildSentenceStats(index.chunks, analyze, knows);
    else if (index.analysis?.version === analysisVersion(analyze)) stats = sentenceStats(table, index.analysis, analyze, knows, index.facts);
    else stats = sentenceStats(table, analyzeSentences(table, analyze), analyze, knows);
    statsCache.set(index, stats);
  }
  return stats;
}

/**
 * Works out at index time what reading needs of each sentence (see `describeSentences`), with the
 * lexicon questions are answered with, so that the index can store it.
 */
export function sentenceDescriber(analyze: Analyzer, lexicon: Lexicon = openLexicon()): SentenceDescriber {
  const knows = wordKnowledge(lexicon);
  return {
    get version() {
      return factsVersion(analyze, knows);
    },
    describe: (table, analysis, pause, known) => describeSentences(table, analysis, analyze, knows, pause, known),
  };
}

/** Words remembered per lexicon view: sentences repeat their words, and a look-up costs a binary search and decoding. */
const KNOWLEDGE_CACHE = 100_000;

/**
 * The lexicon as sentence features need it, each answer remembered per word; a failing lexicon knows
 * nothing rather than failing the question.
 */
function wordKnowledge(lexicon: Lexicon): WordKnowledge {
  const remembered = <T>(f: (word: string) => T, unsure: T) => {
    const cache = new Map<string, T>();
    return (word: string): T => {
      let value = cache.get(word);
      if (value === undefined) {
        try {
          value = f(word);
        } catch {
          value = unsure;
        }
        if (cache.size >= KNOWLEDGE_CACHE) cache.clear();
        cache.set(word, value);
      }
      return value;
    };
  };
  // Unsure, a word is known and no place: then capitalised words are not all taken for names.
  // The parts of compounds repeat ("-steuerung", "Bundes-"), so they are remembered too.
  const listed = remembered((w) => lexicon.isGermanWord(w), true);
  return {
    isPlace: remembered((w) => lexicon.place(w) !== undefined, false),
    // A compound of dictionary words ("Rudersteuerung") is a word too, though the dictionary lists few of its
    // compounds, as understanding reads the question's ("unknown" there means no cut either).
    isWord: remembered((w) => listed(w) || !dictionaryCuts(w, listed).next().done, true),
    lemmas: remembered((w) => withoutPhrases(lexicon.germanLemmas(w)).map((l) => l.lemma), [] as readonly string[]),
  };
}

/**
 * Whether the sources use a stem, or a compound or inflection of it: an expansion worth keeping (see
 * Vocabulary.uses).
 */
export function usedBySources(stats: SentenceStats, stem: string): boolean {
  return stats.postings.has(stem) || vocabularyOf(stats.postings).uses(stem);
}

const topicsCache = new WeakMap<object, readonly string[]>();

/** What example questions for a greeting ask about, kept per index: the sources' salient names, not nouns. */
function topicsFor(index: AnswerIndex, stats: SentenceStats, lexicon: Lexicon): readonly string[] {
  let topics = topicsCache.get(index);
  if (!topics) {
    const isName = (word: string) => {
      try {
        // "Ex-Langzeit-Herrscher" is a noun by its last part.
        return lexicon.place(word) !== undefined || !lexicon.isGermanNoun(word.split("-").at(-1) ?? word);
      } catch {
        return true;
      }
    };
    topicsCache.set(index, (topics = exampleTopics(index, stats, isName)));
  }
  return topics;
}

/** How many articles an overview quotes the lead of. */
const OVERVIEW_LEADS = 3;
/** Words a sentence needs to be a lead: a shorter first one is a headline, a dateline or a web page's crumbs. */
const LEAD_WORDS = 6;
const leadsCache = new WeakMap<object, readonly number[]>();

/**
 * The sentences an overview quotes: the lead of each of the newest articles (by their date, in index
 * order when alike or undated). Read once per index: the first sentence of an article, of a lead's
 * length, is the one news writes to say what happened.
 */
function leadsOf(index: AnswerIndex, stats: SentenceStats): readonly number[] {
  let leads = leadsCache.get(index);
  if (!leads) {
    const order = new Map(index.docs.map((d, i) => [d.source, i]));
    const newest = [...index.docs].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || order.get(a.source)! - order.get(b.source)!);
    const wanted = new Set(newest.slice(0, OVERVIEW_LEADS).map((d) => d.source));
    const found = new Map<string, number>();
    for (let i = 0; i < stats.count && found.size < wanted.size; i++) {
      const source = stats.source(i);
      if (wanted.has(source) && !found.has(source) && stats.sentence(i).text.split(/\s+/u).length >= LEAD_WORDS) found.set(source, i);
    }
    leads = newest.flatMap((d) => (found.has(d.source) ? [found.get(d.source)!] : []));
    leadsCache.set(index, leads);
  }
  return leads;
}

/** Words a title needs to tell its article's language; a shorter one is a web page's or a PDF's name. */
const TITLE_WORDS = 6;

/** The English side of each corpus (and lexicon view), read when a German question first needs it. */
const englishSides = new WeakMap<SentenceStats, WeakMap<Lexicon, EnglishSide>>();

function englishSideOf(index: AnswerIndex, stats: SentenceStats, lexicon: Lexicon, analyze: Analyzer): EnglishSide {
  let byLexicon = englishSides.get(stats);
  if (!byLexicon) englishSides.set(stats, (byLexicon = new WeakMap()));
  let side = byLexicon.get(lexicon);
  if (!side) {
    // A short title (a web page's, a PDF's) says too little: the article's opening sentences are read instead.
    const opening = (doc: DocInfo) => {
      if (doc.title.split(/\s+/).length >= TITLE_WORDS) return doc.title;
      const first = chunksOf(index, doc.source)[0];
      return first ? stats.chunkSentences(first.id).slice(0, 2).map((i) => stats.sentence(i).text).join(" ") : doc.title;
    };
    const english = index.docs.filter((doc) => isEnglishTitle(opening(doc)));
    const sentences = english.flatMap((doc) => chunksOf(index, doc.source).flatMap((chunk) => stats.chunkSentences(chunk.id)));
    byLexicon.set(lexicon, (side = englishSide(sentences, stats, lexicon, analyze)));
  }
  return side;
}

/** The tools understanding needs, over the current index's vocabulary. */
function toolsFor(deps: AskDependencies, index: AnswerIndex, lexicon: Lexicon, stats: SentenceStats): UnderstandTools {
  const vocabulary = vocabularyOf(stats.postings);
  return {
    analyze: deps.analyze,
    lexicon,
    inCorpus: (stem) => usedBySources(stats, stem),
    inCorpusExactly: (stem) => stats.postings.has(stem),
    beginsInCorpus: (stem) => vocabulary.begins(stem),
    sentencesWith: (stems, most) => sentencesWith(stats, vocabulary, stems, most),
    // Read when a question first needs it; a German-only corpus costs a look at every article's title.
    // Nothing for a corpus without English articles, so that understanding skips what serves only them.
    get english() {
      const side = englishSideOf(index, stats, lexicon, deps.analyze);
      return side === NO_ENGLISH ? undefined : side;
    },
    onLexiconError: (error) => deps.logger?.warn({ err: error }, "lexicon unavailable; answering without expansions"),
  };
}

/**
 * A follow-up most likely asks about the article the previous answer quoted, whose sentence with the answer
 * may share no word with the question ("Was hat sie gesagt?"): its passages join the retrieved ones,
 * ranked below them, so reading can weigh them.
 */
function withPreviousSources(index: AnswerIndex, passages: readonly Passage[], previous: readonly string[]): Passage[] {
  return withChunks(passages, [...new Set(previous)].flatMap((source) => chunksOf(index, source)));
}

/** Chunks on either side of the best passage read with it: all of a news article, a stretch of a long PDF. */
const ARTICLE_REACH = 8;

/**
 * For a question whose answer can be told for certain (a number, a date, a duration), the best passage's
 * article is read with it: a news article is short, and the sentence with the number may share few words
 * with the question while the sentences around it carry them. Its other chunks join below the retrieved
 * ones, as a previous answer's article does. (For other questions, more sentences of the same article
 * mostly compete with the answer: a list of dishes for a list of towns.)
 */
function withArticle(index: AnswerIndex, passages: readonly Passage[], best: Passage | undefined): Passage[] {
  if (!best) return [...passages];
  const chunks = chunksOf(index, best.chunk.source);
  const at = chunks.findIndex((c) => c.id === best.chunk.id);
  return withChunks(passages, chunks.slice(Math.max(0, at - ARTICLE_REACH), at + ARTICLE_REACH + 1));
}

/** Passages with further chunks joined below them (at half the lowest rank), each chunk once. */
function withChunks(passages: readonly Passage[], chunks: readonly Passage["chunk"][]): Passage[] {
  if (chunks.length === 0) return [...passages];
  const have = new Set(passages.map((p) => p.chunk.id));
  const floor = Math.min(...passages.map((p) => p.fused), 1) / 2;
  const extra = chunks.filter((chunk) => !have.has(chunk.id)).map((chunk) => ({ chunk, fused: floor, distance: null, keywordScore: null }));
  return [...passages, ...extra];
}

const chunksBySource = new WeakMap<object, ReadonlyMap<string, readonly Passage["chunk"][]>>();

/** The chunks of one source, from a table made once per index (an index has up to 100k chunks). */
function chunksOf(index: AnswerIndex, source: string): readonly Passage["chunk"][] {
  let table = chunksBySource.get(index);
  if (!table) {
    const bySource = new Map<string, Passage["chunk"][]>();
    for (const chunk of index.chunks) {
      const list = bySource.get(chunk.source);
      if (list) list.push(chunk);
      else bySource.set(chunk.source, [chunk]);
    }
    chunksBySource.set(index, (table = bySource));
  }
  return table.get(source) ?? [];
}

/** A stem this common says nothing about a sense, and scanning its sentences would cost. */
const COMMON_POSTINGS = 20_000;

/**
 * The sentences with a stem of `stems`, or a compound or inflection of it (or a word of its family). A
 * stem in more than `most` sentences says nothing about a sense, and its sentences are left out rather than
 * scanned. Not a word only spelt like it: the stems come from the lexicons, not from a typing asker, and
 * spelling's tolerance found company for senses the sources do not mean (measured: a near miss answered).
 */
export function sentencesWith(stats: SentenceStats, vocabulary: ReturnType<typeof vocabularyOf>, stems: readonly string[], most = COMMON_POSTINGS): ReadonlySet<number> {
  const found = new Set<number>();
  for (const [stem, value] of vocabulary.similar([...stems], { spelling: false })) {
    const list = value >= USED_MATCH || stems.some((s) => sameFamily(s, stem)) ? stats.postings.get(stem) : undefined;
    if (list && list.length <= most) for (const i of list) found.add(i);
  }
  return found;
}

/** Retrieval and reading for one understanding of the question. */
async function retrieveAndRead(deps: AskDependencies, index: AnswerIndex, stats: SentenceStats, understanding: Understanding): Promise<Reading> {
  const matches = matchTerms(understanding.terms, stats);
  const matched = matchedChunks(matches, stats, deps.settings.retrieval.keywordK);
  const retrieved = await retrieve(
    index,
    understanding.searchText,
    deps.settings.retrieval,
    (error) => deps.logger?.warn({ err: error }, "query embedding failed; using keyword search only"),
    matched,
  );
  const previousSources = withPreviousSources(index, retrieved, understanding.followUp?.previous.sources ?? []);
  const strict = understanding.answerType !== null && STRICT_TYPES.has(understanding.answerType);
  const passages = strict ? withArticle(index, previousSources, retrieved[0]) : previousSources;
  const settings = { minCoverage: deps.settings.minCoverage };
  // A follow-up continues in the article the previous answer quoted when that article answers it
  // ("Und wo?" is about the same event); only otherwise does it read everything. One that points back
  // by a pronoun or leaves out its subject ("Was sagt der Verein dazu?") is about that article
  // only: when it does not answer, the answer is that the sources do not say, not a quote about
  // something else.
  const previous = new Set(understanding.followUp?.previous.sources ?? []);
  const same = previous.size > 0 ? read(understanding, passages.filter((p) => previous.has(p.chunk.source)), stats, settings, matches) : undefined;
  // An ellipsis that names what the last answer's articles never mention ("Und was kostet der Eintritt im
  // Museum?" after an answer about the harbour) asks about another story and is not held to theirs. What
  // it counts or asks the holder of may be missing ("Und wie viele Betten hat die Pension?"): that asks
  // the story something it does not say. What it asks the price of names a thing, as its other nouns do.
  const focus = understanding.focus?.kind === "priced" ? null : understanding.focus;
  const asksAbout = (m: Reading["matches"][number]) => m.term.noun === true && m.term.context !== true && m.term.weight > 0 && !(focus !== null && namesFocus(m.term.word, focus));
  const elsewhere = () => matches.some((m) => asksAbout(m) && ![...previous].some((source) => namedIn(index, stats, [m], source) > 0));
  const bound = understanding.followUp?.reason === "pronoun" || (understanding.followUp?.reason === "ellipsis" && !elsewhere());
  const reading = same !== undefined && (same.passes || bound) ? same : read(understanding, passages, stats, settings, matches);
  deps.logger?.debug(
    {
      language: understanding.language,
      query: understanding.searchText,
      expected: understanding.answerType,
      followUp: understanding.followUp?.reason ?? null,
      passages: passages.map((p) => p.chunk.id),
      coverage: Number(reading.evidence.coverage.toFixed(3)),
      focusFound: reading.evidence.focusFound,
      missingName: reading.evidence.missingName ?? null,
      lone: reading.evidence.lone === true,
      typed: reading.selected.map((s) => s.typeMatch),
      selected: reading.selected.map((s) => `${s.sentence.source}: ${s.sentence.text.slice(0, 80)}`),
      terms: understanding.terms.map((t) => `${t.word}:${t.alternatives.map((a) => `${a.stem}@${a.weight}`).join("|")}${(t.phrases ?? []).map((p) => ` +${p.stems.join("_")}@${p.weight}`).join("")}`),
      passes: reading.passes,
    },
    "read",
  );
  return onTopic(deps, index, stats, understanding, specified(index, stats, reading));
}

/**
 * A reading quoted from an article that names fewer of the question's nouns than another article it read
 * is about the wrong story: the damage a strike did is not answered by a flood's damage, which an article
 * about the flood gives. It is read again within the articles that name the most. When they do
 * not answer, the question is about them and its fact is missing, so it is declined; when they answer
 * less well than the first reading, that reading stands (a generic noun such as "Anteil" may be all the
 * other article shares with the question).
 */
function onTopic(deps: AskDependencies, index: AnswerIndex, stats: SentenceStats, understanding: Understanding, reading: Reading): Reading {
  const from = reading.selected[0]?.sentence.source;
  if (!reading.passes || from === undefined) return reading;
  const nouns = reading.matches.filter((m) => (m.term.noun === true || m.term.name === true) && m.term.context !== true);
  if (nouns.length === 0) return reading;
  const named = new Map([...new Set([from, ...reading.passages.map((p) => p.chunk.source)])].map((s) => [s, namedIn(index, stats, nouns, s)] as const));
  const most = Math.max(...named.values());
  if (most <= named.get(from)!) return reading;
  const again = readWithin(deps, index, stats, understanding, reading, [...named].filter(([, n]) => n === most).map(([s]) => s));
  if (!again.passes) return { ...reading, passes: false };
  return again.evidence.coverage >= reading.evidence.coverage ? again : reading;
}

/** How many of the given terms an article speaks of anywhere (a stem the term matches, in any form), found in the postings. */
function namedIn(index: AnswerIndex, stats: SentenceStats, matches: Reading["matches"], source: string): number {
  const chunk = chunksOf(index, source)[0];
  const at = chunk === undefined ? undefined : stats.chunkSentences(chunk.id)[0];
  if (at === undefined) return 0;
  return matches.filter((m) => mentions(m, at, stats, Number.MIN_VALUE)).length;
}

/** How much of the question an article's words cover, each term at its best match anywhere in the article. */
function articleCoverage(index: AnswerIndex, stats: SentenceStats, matches: Reading["matches"], source: string): number {
  const sentences = new Set(chunksOf(index, source).flatMap((c) => stats.chunkSentences(c.id)));
  return coverage(matches, [...sentences].map((i) => termHits(matches, stats, i)));
}

/**
 * A question inside a conversation stays with the article the previous answer quoted when its own words
 * do not point elsewhere: "Wie lange dauerte die Sperrung?" after an answer about one of two closures asks
 * about that closure. When the article the answer came from covers the question's subject (its nouns, in
 * German) no better than the previous article does, and the previous article answers it too, that answer
 * is taken. A question whose words belong to another article ("… in Bremen?") still goes there, as if
 * asked alone.
 */
function inSameArticle(
  deps: AskDependencies,
  index: AnswerIndex,
  stats: SentenceStats,
  understanding: Understanding,
  reading: Reading,
  previous: readonly string[],
): Reading {
  const answeredFrom = reading.selected[0]?.sentence.source;
  if (!reading.passes || answeredFrom === undefined || previous.length === 0 || previous.includes(answeredFrom)) return reading;
  // A German question's nouns name what it is about; its verbs only how it is asked ("dauerte").
  const nouns = reading.matches.filter((m) => m.term.noun === true);
  const subject = nouns.length > 0 ? nouns : reading.matches;
  const own = articleCoverage(index, stats, subject, answeredFrom);
  const there = previous.filter((source) => articleCoverage(index, stats, subject, source) >= own);
  if (there.length === 0) return reading;
  const same = readWithin(deps, index, stats, understanding, reading, there);
  return same.passes ? same : reading;
}

/**
 * A reading whose article never mentions what the question's attribute names, while another article it
 * read does, is declined: "der Schaden des Streiks" is not answered by a flood's damage when the strike's
 * article is there, nor "the lawyer of the museum thieves" by a fraudster's lawyer. The attribute says which
 * one is meant. When no article read speaks of it (in any form the matching allows), the asker said it in
 * other words ("der Notruf der Bergsteiger" for the hikers' call), and the reading stands.
 */
function specified(index: AnswerIndex, stats: SentenceStats, reading: Reading): Reading {
  const from = reading.selected[0]?.sentence.source;
  if (!reading.passes || from === undefined) return reading;
  const attribute = reading.matches.filter((m) => m.term.specifier === true && m.term.context !== true && m.term.name !== true);
  if (attribute.length === 0) return reading;
  const speaksOf = (source: string) => articleCoverage(index, stats, attribute, source) > 0;
  if (speaksOf(from)) return reading;
  const others = new Set(reading.passages.map((p) => p.chunk.source).filter((source) => source !== from));
  return [...others].some(speaksOf) ? { ...reading, passes: false } : reading;
}

/** A question read again in the given articles only, with the matches of its first reading. */
function readWithin(
  deps: AskDependencies,
  index: AnswerIndex,
  stats: SentenceStats,
  understanding: Understanding,
  reading: Reading,
  sources: readonly string[],
): Reading {
  const passages = withPreviousSources(index, reading.passages, sources).filter((p) => sources.includes(p.chunk.source));
  return read(understanding, passages, stats, { minCoverage: deps.settings.minCoverage }, reading.matches);
}

/**
 * A reading that left the story, read again within it when the question says nothing the story's article
 * lacks: no name (see {@link leavesStory}) and no noun it does not have. "Musste jemand gerettet werden?"
 * after a ferry accident asks about the ferry, not about the bicycle maker another article calls "gerettet";
 * if the ferry's article does not say, the answer is that the sources do not. A noun the story lacks
 * ("Wie viel hat die Bahn den Lokführern geboten?") opens another story, and the reading stands.
 */
function withinStory(
  deps: AskDependencies,
  index: AnswerIndex,
  stats: SentenceStats,
  understanding: Understanding,
  reading: Reading,
  story: readonly string[],
): Reading {
  const nouns = reading.matches.filter((m) => m.term.noun === true && m.term.context !== true);
  if (!nouns.every((m) => story.some((source) => articleCoverage(index, stats, [m], source) > 0))) return reading;
  return readWithin(deps, index, stats, understanding, reading, story);
}

/** True when a reading answers from the story of an answer before the previous one, not from the previous one's. */
function returnsToStory(reading: Reading, history: readonly Turn[], previous: Turn): boolean {
  const from = reading.selected[0]?.sentence.source;
  if (from === undefined || (previous.sources ?? []).includes(from)) return false;
  return history.slice(0, -1).some((turn) => turn.sources?.includes(from) === true);
}

/** True when a reading that names nothing of its own answers from an article the previous answer did not quote. */
function leavesStory(reading: Reading, previous: Turn): boolean {
  const from = reading.selected[0]?.sentence.source;
  const story = previous.sources ?? [];
  const named = reading.matches.some((m) => m.term.name === true && m.term.context !== true);
  return from !== undefined && story.length > 0 && !story.includes(from) && !named;
}

function suggestionsFor(index: AnswerIndex, passages: readonly Passage[]): string[] {
  const titles: string[] = [];
  // The retrieved passages' articles first, then the index's; lazily, since an index has thousands.
  const sources = function* () {
    for (const p of passages) yield p.chunk.source;
    for (const d of index.docs) yield d.source;
  };
  for (const source of sources()) {
    const full = index.doc(source)?.title;
    const title = full && full.length > 80 ? `${full.slice(0, full.lastIndexOf(" ", 78) > 40 ? full.lastIndexOf(" ", 78) : 78)}…` : full;
    if (title && !titles.includes(title)) titles.push(title);
    if (titles.length >= 3) break;
  }
  return titles;
}

function extractiveAnswer(index: AnswerIndex, analysis: Reading, language: Language, note?: string): Answer {
  if (!analysis.passes) {
    const suggestions = suggestionsFor(index, analysis.passages);
    return { kind: "not_found", text: notFoundText(language, suggestions), language, mode: "extractive", suggestions, ...(note ? { note } : {}) };
  }
  const { text, citations } = composeExtractive(analysis.selected, language, (s) => index.doc(s));
  return { kind: "answered", text, citations, language, mode: "extractive", ...(note ? { note } : {}) };
}

/**
 * Resolves each source number the model kept to the sentence of that source that best matches the claim
 * it backs (and the question), so LLM citations are verbatim quotes with offsets like extractive ones.
 */
function mapCitations(
  deps: AskDependencies,
  index: AnswerIndex,
  stats: SentenceStats,
  text: string,
  mapping: readonly number[],
  sources: readonly PromptSource[],
  questionTerms: readonly QueryTerm[],
): Citation[] {
  const claims = claimsByNumber(text);
  return mapping.flatMap((original, i) => {
    const source = sources[original - 1];
    if (!source) return [];
    const claim = claims.get(i + 1) ?? "";
    const terms = [...contentWords(claim, detectLanguage(claim), deps.analyze), ...questionTerms.map((t) => ({ ...t, weight: t.weight * 0.5 }))];
    const matches = matchTerms(terms, stats);
    let best: { index: number; value: number } | undefined;
    for (const s of stats.chunkSentences(source.chunk.id)) {
      const value = coverage(matches, [termHits(matches, stats, s)]);
      if (!best || value > best.value) best = { index: s, value };
    }
    const sentence = best ? stats.sentence(best.index) : undefined;
    return sentence ? [citationFor(sentence, i + 1, index.doc(sentence.source))] : [];
  });
}

/**
 * Builds the {@link Ask} function: hybrid retrieval, the relevance gate, then an extractive answer, or, with
 * a chat model, a streamed LLM answer whose citations are checked and mapped to verbatim sentences. Any
 * LLM failure (error, timeout, broken stream, no valid citation, leaked instructions) falls back to the
 * extractive answer with a short `note`. A message that asks several questions ("Wann …? Und wo …?") is
 * answered question by question, each later one with the earlier ones as its conversation, in one
 * answer (see {@link combinedAnswer}). Expected outcomes are values; `ask` itself never rejects for
 * bad input.
 *
 * @example
 * const ask = createAsk({ index: () => loaded, analyze, settings });
 * const answer = await ask("Wie viele Verletzte gab es?", { history: [] });
 */
export function createAsk(deps: AskDependencies): Ask {
  const askOne = createAskOne(deps);
  return async (rawQuestion: string, context: AskContext): Promise<Answer> => {
    const { text, truncated } = cleanQuestion(rawQuestion, deps.settings.maxQuestionChars);
    const hasContent = (question: string) => contentWords(withoutFraming(question), detectLanguage(question), deps.analyze).length > 0;
    const questions = questionsIn(text, hasContent);
    if (questions.length >= 2) return askEach(questions, truncated, context);
    const answer = await askOne(rawQuestion, context);
    // "Wann öffnet das Bad und wer bezahlt den Umbau?": two questions read as one may find nothing where
    // each finds its answer. Read as one first, since one half often says where the other is asked ("Who
    // runs the museum, and how many visitors came to its reopening in Bolham?" names no place in its first).
    if (answer.kind !== "not_found") return answer;
    const joined = questionsIn(coordinatedQuestions(text), hasContent);
    return joined.length >= 2 ? askEach(joined, truncated, context) : answer;
  };

  async function askEach(questions: readonly string[], truncated: boolean, context: AskContext): Promise<Answer> {
    const parts: { question: string; answer: Answer }[] = [];
    let history = context.history;
    for (const question of questions) {
      // A streaming display shows the answers so far, then this one growing under its question.
      const before = parts.length > 0 ? `${combinedAnswer(parts).text}\n\n` : "";
      const onToken = context.onToken && ((partial: string) => context.onToken!(`${before}${question} ${partial}`));
      const answer = await askOne(question, { ...context, history, ...(onToken ? { onToken } : {}) });
      parts.push({ question, answer });
      history = [...history, turnOf(question, answer)];
    }
    const combined = combinedAnswer(parts);
    return truncated && combined.note === undefined ? { ...combined, note: "question truncated" } : combined;
  }
}

/**
 * The answers to the questions of one message as one: each answer under its question, the quotes of
 * all numbered in order (a quote two answers share keeps its first number), and a question the sources
 * do not answer declined by itself. Small talk among questions is left out; when none is answered, the
 * first refusal stands, with its suggestions. Pure.
 */
export function combinedAnswer(parts: readonly { readonly question: string; readonly answer: Answer }[]): Answer {
  const asked = parts.filter((p) => p.answer.kind !== "smalltalk");
  const answered = asked.filter((p) => p.answer.kind === "answered");
  if (asked.length < 2 || answered.length === 0) return (asked[0] ?? parts[0]!).answer;
  const citations: Citation[] = [];
  const blocks = asked.map(({ question, answer }) => {
    if (answer.kind !== "answered") return `${question} ${notFoundText(answer.language, [])}`;
    const numbers = new Map<number, number>();
    for (const citation of answer.citations) {
      const same = citations.find((c) => c.source === citation.source && c.start === citation.start && c.end === citation.end);
      const n = same?.n ?? citations.length + 1;
      if (!same) citations.push({ ...citation, n });
      numbers.set(citation.n, n);
    }
    return `${question} ${answer.text.replace(/\[(\d+)\]/g, (marker, n: string) => (numbers.has(Number(n)) ? `[${numbers.get(Number(n))}]` : marker))}`;
  });
  const notes = [...new Set(asked.flatMap((p) => (p.answer.note === undefined ? [] : [p.answer.note])))];
  const first = answered[0]!.answer;
  return {
    kind: "answered",
    text: blocks.join("\n\n"),
    citations,
    language: asked[0]!.answer.language,
    mode: first.mode,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

/**
 * A follow-up that returns to the story before a detour: "Und wer hat die Anhebung beschlossen?" after a
 * question on another story asks about the story where "die Anhebung" was. A definite noun names a thing
 * the conversation knows; when the last answer's article does not speak of all the follow-up's own
 * definite nouns, the most recent earlier answer whose article does is the one it leans on.
 * Returns how many turns of the history to keep (up to that answer), or undefined to keep them all.
 */
function storyReturnedTo(index: AnswerIndex, stats: SentenceStats, understanding: Understanding, history: readonly Turn[]): number | undefined {
  const reason = understanding.followUp?.reason;
  if (reason !== "pronoun" && reason !== "ellipsis") return undefined;
  // German marks nouns by their capital; an English definite phrase's words may be any of its parts.
  const own = understanding.terms.filter((t) => t.definite === true && t.context !== true && t.name !== true && (understanding.language === "en" || t.noun === true));
  if (own.length === 0) return undefined;
  const matches = matchTerms(own, stats);
  const speaksOfAll = (sources: readonly string[]) => sources.some((source) => namedIn(index, stats, matches, source) === matches.length);
  const last = understanding.followUp?.previous.sources ?? [];
  if (speaksOfAll(last)) return undefined;
  for (let k = history.length - 2; k >= 0; k--) {
    const sources = history[k]!.sources ?? [];
    if (sources.length > 0 && !sources.every((source) => last.includes(source)) && speaksOfAll(sources)) return k + 1;
  }
  return undefined;
}

/** {@link createAsk} for one question. */
function createAskOne(deps: AskDependencies): Ask {
  let lexicon = deps.lexicon;
  return async (rawQuestion: string, context: AskContext): Promise<Answer> => {
    const index = deps.index();
    lexicon ??= openLexicon();
    const stats = statsFor(index, deps.analyze, lexicon);
    const tools = toolsFor(deps, index, lexicon, stats);
    let understanding = understand(rawQuestion, context.history, context.continues === true, tools, deps.settings.maxQuestionChars, context.language);
    const back = storyReturnedTo(index, stats, understanding, context.history);
    if (back !== undefined) understanding = understand(rawQuestion, context.history.slice(0, back), context.continues === true, tools, deps.settings.maxQuestionChars, context.language);
    const { language } = understanding;
    const truncNote = understanding.truncated ? "question truncated" : undefined;
    if (understanding.intent === "overview") {
      const citations = leadsOf(index, stats).map((at, i) => citationFor(stats.sentence(at), i + 1, index.doc(stats.source(at))));
      if (citations.length > 0) return { kind: "answered", text: composeOverview(citations, language), citations, language, mode: "extractive" };
    }
    if (understanding.intent !== "question") {
      const examples = topicsFor(index, stats, lexicon).map((topic) => exampleQuestion(topic, language));
      // Sources without a sentence to quote say what a greeting says.
      const intent = understanding.intent === "overview" ? "greeting" : understanding.intent;
      return { kind: "smalltalk", text: smalltalkText(intent, language), language, mode: "extractive", examples };
    }
    let reading = await retrieveAndRead(deps, index, stats, understanding);
    const told = understanding.newTopic === true ? undefined : previousTurn(context.history, tools);
    // A question read alone that is answered from a story the conversation told before the last answer
    // returns to it ("Wer zahlt die Reparatur?" after a detour): the last story has no claim on it.
    const previous = told !== undefined && !(reading.passes && returnsToStory(reading, context.history, told)) ? told : undefined;
    if (previous && understanding.followUp === null) reading = inSameArticle(deps, index, stats, understanding, reading, previous.sources ?? []);
    // A question read alone may still lean on the previous turn: when alone it finds no grounded answer,
    // and that reading grounds it; or when it names nothing new but is answered from another article
    // than the last answer's ("Wann beginnt der Warnstreik?" after the union's demands), and that
    // reading answers from the story's article. One that names its subject ("… in Frankreich?") goes
    // where it points; one whose every noun the story's article has stays there, answered or not.
    if (previous && understanding.followUp === null && (!reading.passes || leavesStory(reading, previous))) {
      const combined = withPrevious(understanding, previous, "fallback", tools);
      const second = await retrieveAndRead(deps, index, stats, combined);
      if (second.passes && (!reading.passes || !leavesStory(second, previous))) [understanding, reading] = [combined, second];
    }
    if (previous && understanding.followUp === null && reading.passes && leavesStory(reading, previous)) {
      reading = withinStory(deps, index, stats, understanding, reading, previous.sources ?? []);
    }
    if (!deps.llm) return extractiveAnswer(index, reading, language, truncNote);
    try {
      const answer = await llmAnswer(deps, deps.llm, index, stats, understanding, context, reading);
      return truncNote && !answer.note ? { ...answer, note: truncNote } : answer;
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      deps.logger?.warn({ reason: error.reason, err: error }, "LLM path failed; answering extractively");
      return extractiveAnswer(index, reading, language, `llm ${error.reason}: extractive answer instead`);
    }
  };
}

/**
 * What a streaming display may show of a partial answer: citation numbers already renumbered (invented
 * ones dropped), nothing while the model may be writing the "not in sources" marker or the first letters
 * of a secret, and nothing more once the text starts to recite instructions or a secret.
 */
function displayFor(deps: AskDependencies, provided: number, onToken: ((partial: string) => void) | undefined) {
  const secrets = deps.secrets ?? [];
  return guardedDisplay(
    secrets,
    onToken,
    (partial) => renumberCitations(partial, provided).text,
    (partial) => {
      const trimmed = partial.trim();
      return NOT_IN_SOURCES.startsWith(trimmed) || trimmed.includes(NOT_IN_SOURCES) || endsWithSecretPrefix(partial, secrets);
    },
  );
}

/** True when the text ends in the first few characters of a secret, which the next token might complete. */
function endsWithSecretPrefix(text: string, secrets: readonly string[]): boolean {
  const tail = text.slice(-64).toLowerCase();
  return secrets.some((secret) => {
    const lower = secret.toLowerCase();
    for (let n = Math.min(lower.length, tail.length); n >= 4; n--) if (tail.endsWith(lower.slice(0, n))) return true;
    return false;
  });
}

async function llmAnswer(
  deps: AskDependencies,
  model: ChatModel,
  index: AnswerIndex,
  stats: SentenceStats,
  understanding: Understanding,
  context: AskContext,
  offline: Reading,
): Promise<Answer> {
  const { question, language, terms } = understanding;
  const timeout = AbortSignal.timeout(deps.settings.llmTimeoutMs);
  const signal = context.signal ? AbortSignal.any([timeout, context.signal]) : timeout;
  const rewritten = await rewriteQuery(model, rewriteMessages(question, context.history.slice(-3)), signal);
  if (leaksSecrets(rewritten, deps.secrets ?? [])) throw new LlmError("the rewritten query leaked instructions", "leak");
  // The rewrite adds synonyms that the sources need not contain, so its nouns cannot mark the question as
  // off-topic; the asker's own words did that in the offline analysis already.
  const rewrittenTerms = contentWords(rewritten, "de", deps.analyze).map((t) => ({ ...t, noun: false }));
  const online = await retrieveAndRead(deps, index, stats, { ...understanding, terms: rewrittenTerms, searchText: `${rewritten} ${question}` });
  deps.logger?.debug({ rewritten }, "rewrote question");
  if (!online.passes && !offline.passes) {
    const suggestions = suggestionsFor(index, online.passages);
    return { kind: "not_found", text: notFoundText(language, suggestions), language, mode: "llm", suggestions };
  }
  const passages = online.passages.length > 0 ? online.passages : offline.passages;
  const sources: PromptSource[] = passages.map((p, i) => ({ n: i + 1, chunk: p.chunk, doc: index.doc(p.chunk.source) }));
  const raw = await streamAnswer(model, answerMessages(question, language, sources), signal, displayFor(deps, sources.length, context.onToken));
  if (leaksSecrets(raw, deps.secrets ?? [])) throw new LlmError("the answer repeated its instructions or a secret", "leak");
  if (raw.includes(NOT_IN_SOURCES)) {
    const suggestions = suggestionsFor(index, passages);
    return { kind: "not_found", text: notFoundText(language, suggestions), language, mode: "llm", suggestions };
  }
  const { text, mapping } = renumberCitations(raw, sources.length);
  if (mapping.length === 0) throw new LlmError("the answer cited no source that was provided", "invalid");
  const citations = mapCitations(deps, index, stats, text, mapping, sources, terms);
  if (citations.length === 0) throw new LlmError("no citation could be resolved to a sentence", "invalid");
  return { kind: "answered", text, citations, language, mode: "llm" };
}
