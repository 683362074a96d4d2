import { stemmer as germanStem } from "@orama/stemmers/german";

/**
 * Term processing shared by keyword search (bm25.ts), the lexical embedder and sentence scoring:
 * lower case, German stemming, umlaut and ß folding, and stop words of German and English dropped,
 * so "Behörden" finds "Behörde" and a question's "wer/was/who" adds no noise.
 */

const STOPWORDS = new Set(
  (
    "aber als also am an auch auf aus bei bin bis bist da dabei damit dann das dass dem den denn der des die dies diese " +
    "diesem diesen dieser doch dort du durch ein eine einem einen einer eines er es etwa euer für gab gibt hab habe " +
    "haben hat hatte hatten hier ich ihm ihn ihr ihre im in ist ja jede jeder kann kein keine mit man mehr nach nicht " +
    "noch nun nur ob oder ohne sein seine sich sie sind so soll sollen um und uns unter vom von vor war waren warum " +
    "was weil welche welchen welcher welches wem wen wenn wer werden wie wieso wir wird wo wurde wurden zu zum zur " +
    "über sehr laut " +
    "a about an and are as at be been by can could did do does for from had has have how i if in into is it its of " +
    "on or that the their there these they this to was were what when where which who whom whose why will with " +
    "would you your"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cases and folds umlauts and ß, so spelling variants meet. Pure. */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
}

/** Raw word tokens of a text, lower-cased, stop words kept. Pure. */
export function tokenize(text: string): string[] {
  return text.match(WORD)?.map((w) => w.toLowerCase()) ?? [];
}

const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 1_000_000;

/**
 * Stems one token (stop words give null). Pure; memoised per token, because a corpus repeats its words
 * and stemming dominates the cost of analysing it (index builds, loading sentence statistics).
 */
export function processTerm(token: string): string | null {
  const cached = termCache.get(token);
  if (cached !== undefined) return cached;
  const lower = token.toLowerCase();
  const term = STOPWORDS.has(lower) ? null : fold(germanStem(lower));
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(token, term);
  return term;
}

/**
 * The terms of a text as the keyword index sees them: tokenized, stop words dropped, stemmed and
 * folded. Reuse it wherever terms are compared (sentence scoring, query expansion). Pure.
 *
 * @example analyze("Wie viele Verletzte gab es?") // ["viel", "verletzt"]
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}
