import type { Analyzer } from "../ingest/sentences.js";
import type { Lexicon } from "../lexicon/index.js";
import { detectLanguage } from "./language.js";
import type { SentenceStats } from "./score.js";

/**
 * German questions over English sources. The dictionary translates English into German; read backwards
 * over the words the English articles use, it says which of their words a German question's word stands
 * for ("Brücke" → bridge, "Fahrzeuge" → vehicles). Built from the sources, so a corpus without English
 * articles costs one look at each article's title and changes nothing.
 */

/** An English word of the sources that a German stem translates, with the rank of that sense in the dictionary. */
export interface EnglishWord {
  readonly word: string;
  readonly stem: string;
  readonly rank: number;
}

/** What the English articles of a corpus give a question; nothing for a German-only corpus. */
export interface EnglishSide {
  /** The English words of the sources that translate a German stem, best sense first. */
  of(germanStem: string): readonly EnglishWord[];
  /** Whether a stem is a word of the English articles that the German ones do not use. */
  uses(stem: string): boolean;
}

/** The English side of a corpus without English articles. */
export const NO_ENGLISH: EnglishSide = { of: () => [], uses: () => false };

/**
 * The backward dictionary of a corpus, over the sentences of its English articles (see
 * {@link isEnglishTitle}). An English word that is also a word of the German articles ("art", "hut",
 * "rat") is left out: as a translation it would find German sentences that mean something else. Pure given
 * its inputs; a word the lexicon fails on is left out.
 *
 * @example
 * const english = englishSide(englishSentenceIndices, stats, lexicon, analyze);
 * english.of("bruck") // [{ word: "bridge", stem: "bridg", rank: 0 }]
 */
export function englishSide(sentences: Iterable<number>, stats: SentenceStats, lexicon: Lexicon, analyze: Analyzer): EnglishSide {
  const english = new Set(sentences);
  if (english.size === 0) return NO_ENGLISH;
  const words = new Set<string>();
  for (const i of english) for (const word of stats.sentence(i).text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) words.add(word);
  // Also a word of a German article: its postings reach a sentence that is not English.
  const german = (stem: string) => (stats.postings.get(stem) ?? []).some((i) => !english.has(i));
  const backwards = new Map<string, EnglishWord[]>();
  const own = new Set<string>();
  for (const word of words) {
    const stem = analyze(word)[0];
    if (stem === undefined || german(stem)) continue;
    own.add(stem);
    let senses: readonly { german: string; rank: number }[];
    try {
      // Every sense the dictionary lists, each at its rank: read backwards, a German word is often a late
      // sense of the English one ("heads" → anführen is the tenth) and still its usual translation.
      senses = [...new Set([word, ...lexicon.englishLemmas(word)])].flatMap((lemma) => lexicon.englishToGerman(lemma));
    } catch {
      continue;
    }
    for (const { german: translation, rank } of senses) {
      if (translation.includes(" ")) continue;
      for (const germanStem of analyze(translation)) {
        const list = backwards.get(germanStem) ?? [];
        const known = list.find((w) => w.stem === stem);
        if (!known) list.push({ word, stem, rank });
        else if (rank < known.rank) list.splice(list.indexOf(known), 1, { word, stem, rank });
        backwards.set(germanStem, list);
      }
    }
  }
  for (const list of backwards.values()) list.sort((a, b) => a.rank - b.rank || a.stem.localeCompare(b.stem));
  return { of: (germanStem) => backwards.get(germanStem) ?? [], uses: (stem) => own.has(stem) };
}

/**
 * Whether an article is English, told by its title (its opening words, kept in memory for every source):
 * cheap for a hundred thousand articles, where reading each one's text would cost a German question
 * half a second.
 */
export function isEnglishTitle(title: string): boolean {
  return detectLanguage(title) === "en";
}
