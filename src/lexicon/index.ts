/**
 * citebot's lexical resources, compiled into data/lexicon/ by `npm run lexicon`: German lemmas and synonyms,
 * English → German translations and country names. See data/lexicon/README.md for the sources.
 */
export { openLexicon, defaultLexiconDir, LexiconError } from "./lexicon.js";
export type { GermanPos, Lemma, Lexicon, Place, Synonym, Translation } from "./lexicon.js";
export { LEXICON_RESOURCES, withoutResources, type LexiconResource } from "./restrict.js";
export { englishInflections } from "./english.js";
