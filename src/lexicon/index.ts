// TEMPORARY stub by the lead so the query code typechecks while the lexicon is being built; the lexicon
// helper replaces this file whole with the real loaders (same API).
export type GermanPos = "noun" | "verb" | "adj";
export interface Lemma { readonly lemma: string; readonly pos: GermanPos }
export interface Translation { readonly german: string; readonly rank: number }
export interface Synonym { readonly word: string; readonly rank: number }
export interface Place { readonly code: string; readonly de: string; readonly en: string }
export interface Lexicon {
  germanLemmas(word: string): readonly Lemma[];
  isGermanNoun(word: string): boolean;
  isGermanWord(word: string): boolean;
  germanSynonyms(word: string): readonly Synonym[];
  englishToGerman(phrase: string): readonly Translation[];
  englishLemmas(word: string): readonly string[];
  place(name: string): Place | undefined;
}
export function openLexicon(_dir?: string): Lexicon {
  return {
    germanLemmas: () => [],
    isGermanNoun: () => false,
    isGermanWord: () => false,
    germanSynonyms: () => [],
    englishToGerman: () => [],
    englishLemmas: () => [],
    place: () => undefined,
  };
}
