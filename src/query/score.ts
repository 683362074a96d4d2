import { rejoinedParticleVerbs } from "../ingest/sentences.js";
import type { Chunk } from "../types.js";
import { sentenceFeatures, type AnswerType } from "./cues.js";
import type { Analyzer, QueryTerm } from "./terms.js";
import { vocabularyOf } from "./vocabulary.js";

export { stemSimilarity } from "./vocabulary.js";

/**
 * Sentence scoring. Chunks are what retrieval finds; sentences are what an answer quotes. Each sentence of
 * the corpus is analysed once (stems, answer-type features), and a question's terms are matched against
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
  readonly sentences: readonly Sentence[];
  readonly stems: readonly ReadonlySet<string>[];
  /** Sentence i's stems of its capitalised words, i.e. its nouns and names (German capitalises nouns). Computed on first use. */
  nouns(index: number): ReadonlySet<string>;
  /** Sentence i's answer types, each with the stems of the words that supply it. Computed on first use. */
  features(index: number): ReadonlyMap<AnswerType, readonly string[]>;
  /** Stem → indices of the sentences containing it. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Chunk id → its sentence indices. */
  readonly byChunk: ReadonlyMap<number, readonly number[]>;
}

/**
 * Splits every chunk into its sentences (each once, although chunks overlap) and analyses them. Pure and
 * done once per loaded index, because document frequencies must come from the whole corpus, not from the
 * few retrieved chunks.
 */
export function buildSentenceStats(chunks: readonly Chunk[], analyze: Analyzer): SentenceStats {
  const sentences: Sentence[] = [];
  const stems: Set<string>[] = [];
  const postings = new Map<string, number[]>();
  const bySource = new Map<string, Map<number, number>>(); // source → sentence start → index
  const byChunk = new Map<number, number[]>();
  for (const chunk of chunks) {
    const inChunk: number[] = [];
    let seen = bySource.get(chunk.source);
    if (!seen) bySource.set(chunk.source, (seen = new Map()));
    for (const span of chunk.sentences) {
      let index = seen.get(span.start);
      if (index === undefined) {
        const text = chunk.text.slice(span.start - chunk.start, span.end - chunk.start);
        index = sentences.length;
        seen.set(span.start, index);
        sentences.push({ source: chunk.source, start: span.start, end: span.end, text, chunkId: chunk.id });
        const set = new Set(analyze(text));
        for (const stem of rejoinedParticleVerbs(text, analyze)) set.add(stem);
        stems.push(set);
        for (const stem of set) {
          const list = postings.get(stem);
          if (list) list.push(index);
          else postings.set(stem, [index]);
        }
      }
      inChunk.push(index);
    }
    byChunk.set(chunk.id, inChunk);
  }
  // Nouns and answer-type features are needed only for the few candidate sentences of a question, so
  // they are computed on first use: analysing every sentence up front dominated the first answer's time.
  const nouns: (ReadonlySet<string> | undefined)[] = [];
  const features: (ReadonlyMap<AnswerType, readonly string[]> | undefined)[] = [];
  const textOf = (index: number) => sentences[index]?.text ?? "";
  return {
    sentences,
    stems,
    nouns: (index) => (nouns[index] ??= sentenceNouns(textOf(index), analyze)),
    features: (index) => (features[index] ??= typedFeatures(textOf(index), analyze)),
    postings,
    byChunk,
  };
}

function sentenceNouns(text: string, analyze: Analyzer): ReadonlySet<string> {
  return new Set(analyze((text.match(/\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu) ?? []).join(" ")));
}

function typedFeatures(text: string, analyze: Analyzer): ReadonlyMap<AnswerType, readonly string[]> {
  const typed = new Map<AnswerType, string[]>();
  for (const [type, words] of sentenceFeatures(text).types) {
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

/** One query term resolved against the corpus: which stems it matches, how well, and how rare it is. */
export interface TermMatch {
  readonly term: QueryTerm;
  readonly similar: ReadonlyMap<string, number>;
  readonly idf: number;
}

/**
 * Resolves query terms against the corpus vocabulary once per question, so that scoring a sentence is a
 * few map look-ups; the vocabulary is indexed (see vocabulary.ts), so a term is not compared with every
 * stem of the corpus. A term's rarity (BM25-style idf over sentences) counts every sentence it matches,
 * fuzzily or not; a term found nowhere is as rare as can be, which is what lets the relevance gate
 * notice that the question's key word is missing.
 */
export function matchTerms(terms: readonly QueryTerm[], stats: SentenceStats): TermMatch[] {
  const n = stats.sentences.length;
  const vocabulary = vocabularyOf(stats.postings);
  return terms.map((term) => {
    const similar = vocabulary.similar(term.stems);
    const df = sentencesContaining(similar.keys(), stats.postings, n);
    return { term, similar, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
  });
}

/**
 * How many sentences contain at least one of `stems`: a byte per sentence rather than a Set, since a
 * common term's postings run to tens of thousands at 100k chunks.
 */
function sentencesContaining(stems: Iterable<string>, postings: SentenceStats["postings"], n: number): number {
  let seen: Uint8Array | undefined;
  let count = 0;
  let outside: Set<number> | undefined; // indices that are no sentence's; a consistent index has none
  for (const stem of stems) {
    const list = postings.get(stem);
    if (!list) continue;
    seen ??= new Uint8Array(n);
    for (let k = 0; k < list.length; k++) {
      const i = list[k] as number;
      if (i >>> 0 === i && i < n) {
        if (seen[i] === 0) {
          seen[i] = 1;
          count++;
        }
      } else (outside ??= new Set()).add(i);
    }
  }
  return count + (outside?.size ?? 0);
}

/** How well sentence `index` matches each term (0–1), in the order of `matches`. */
export function termHits(matches: readonly TermMatch[], stats: SentenceStats, index: number): number[] {
  const stems = stats.stems[index] ?? new Set<string>();
  return matches.map((match) => {
    let best = 0;
    for (const stem of stems) best = Math.max(best, match.similar.get(stem) ?? 0);
    return best;
  });
}

/**
 * How well sentence `index` matches one term through its nouns and names only: a "welche Sprache" question
 * is not answered by a sentence where someone "sprach", though both stem to "sprach".
 */
export function nounHit(match: TermMatch, stats: SentenceStats, index: number): number {
  let best = 0;
  for (const stem of stats.nouns(index)) best = Math.max(best, match.similar.get(stem) ?? 0);
  return best;
}

/**
 * The share of the question's weighted, idf-weighted terms that a set of sentences covers (0–1), each term
 * counted at its best match among them. One number for "does this evidence speak to the question", used
 * both for ranking sentences and by the relevance gate.
 */
export function coverage(matches: readonly TermMatch[], hits: readonly (readonly number[])[]): number {
  let total = 0;
  let covered = 0;
  matches.forEach((match, t) => {
    const mass = match.term.weight * match.idf;
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
  return stems.some((stem) => matches.every((m) => (m.similar.get(stem) ?? 0) < 0.6));
}

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
 * Scores candidate sentences for a question: coverage of its terms, plus a bonus when the sentence carries
 * the expected answer type (a number for "wie viele", a person for "wer"), plus a small retrieval prior.
 * `categoryTerm`, the index of a "welche X" question's category noun among the terms, counts as covered
 * by a sentence that carries the expected type and matches some other term of the question.
 * Returns them best first. Pure: same inputs, same order, which keeps answers and tests stable.
 */
export function scoreSentences(
  candidates: readonly { readonly index: number; readonly prior: number }[],
  matches: readonly TermMatch[],
  stats: SentenceStats,
  expected: AnswerType | null,
  categoryTerm = -1,
): ScoredSentence[] {
  const scored = candidates.map(({ index, prior }) => {
    const sentence = stats.sentences[index] as Sentence;
    const typeMatch = expected !== null && suppliesNew(stats.features(index).get(expected) ?? [], matches);
    let hits = termHits(matches, stats, index);
    if (typeMatch && categoryTerm >= 0 && coverage(matches, [hits]) > 0) {
      hits = hits.map((hit, t) => (t === categoryTerm ? Math.max(hit, TYPED_CATEGORY_HIT) : hit));
    }
    const cov = coverage(matches, [hits]);
    const score = cov + (typeMatch && cov > 0 ? TYPE_BONUS : 0) + RANK_PRIOR * prior;
    return { index, sentence, hits, coverage: cov, typeMatch, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);
}
