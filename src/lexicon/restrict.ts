import type { Lexicon } from "./lexicon.js";

/** The resources of the lexicon that can be switched off, to measure what each contributes. */
export const LEXICON_RESOURCES = ["lemmas", "synonyms", "hypernyms", "pivots", "translations", "wordnet", "places"] as const;
export type LexiconResource = (typeof LEXICON_RESOURCES)[number];

/**
 * The lexicon with some resources switched off (they answer as if they knew nothing), so `npm run eval
 * -- --without synonyms` measures what the synonyms are worth. Everything else answers as before.
 *
 * @example
 * const plain = withoutResources(openLexicon(), ["synonyms", "translations"]);
 */
export function withoutResources(lexicon: Lexicon, off: readonly LexiconResource[]): Lexicon {
  const drop = new Set(off);
  return {
    germanLemmas: (word) => (drop.has("lemmas") ? [] : lexicon.germanLemmas(word)),
    isGermanNoun: (word) => lexicon.isGermanNoun(word),
    isGermanWord: (word) => lexicon.isGermanWord(word),
    germanSynonyms: (word, lemmas) => (drop.has("synonyms") ? [] : lexicon.germanSynonyms(word, lemmas)),
    germanPhraseSynonyms: (words) => (drop.has("synonyms") ? [] : lexicon.germanPhraseSynonyms(words)),
    germanBroader: (word, lemmas) => (drop.has("hypernyms") ? [] : lexicon.germanBroader(word, lemmas)),
    germanNarrower: (word, lemmas) => (drop.has("hypernyms") ? [] : lexicon.germanNarrower(word, lemmas)),
    germanPivots: (word, lemmas) => (drop.has("pivots") ? [] : lexicon.germanPivots(word, lemmas)),
    englishToGerman: (phrase) => (drop.has("translations") ? [] : lexicon.englishToGerman(phrase)),
    englishLemmas: (word) => (drop.has("translations") ? [] : lexicon.englishLemmas(word)),
    isCommonEnglish: (word) => lexicon.isCommonEnglish?.(word) ?? false,
    englishSynonyms: (word) => (drop.has("wordnet") ? [] : lexicon.englishSynonyms(word)),
    place: (name) => (drop.has("places") ? undefined : lexicon.place(name)),
    isGeographicName: (word) => !drop.has("places") && (lexicon.isGeographicName?.(word) ?? false),
    isEnglishGeographicName: (word) => !drop.has("places") && (lexicon.isEnglishGeographicName?.(word) ?? false),
    demonymPlace: (word) => (drop.has("places") ? undefined : lexicon.demonymPlace(word)),
    load: async () => lexicon.load?.(),
  };
}
