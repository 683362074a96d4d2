/**
 * German near-synonyms by pivoting through English in Ding: two German words that translate the same
 * English word in their core senses mean nearly the same ("Fluggast" → passenger → Passagier). OpenThesaurus
 * lacks many such pairs; Ding, with its 300,000 English keys, has them as a by-product. Pure functions over
 * the dictionary as src/lexicon/compile/ding.ts parses it, so they are tested on a few synthetic lines.
 *
 * Only first senses count, on every side: a word's late English translations are its rare senses
 * ("leiten" → head, 11th), and an English word's late German translations are other senses of it. So two
 * words are pivots when an English word is among the first senses of both (in Ding's order) and both are
 * among its first German translations, and they are the same part of speech ("Streik" and "treffen" both
 * translate "strike", in different senses). "Kopf" → head → Leiter is no pair: "head" is Leiter's fourth
 * sense. A pair's score adds up, over the English words they share, how early it stands for each of them.
 */
import type { Translated } from "./ding.js";

export interface PivotOptions {
  /** English translations of a German word that count (its first senses, in Ding's order), on both sides of a pair. */
  readonly senses: number;
  /** German translations of each such English word that count (its first senses, in the compiled order). */
  readonly translations: number;
  /** Pivots kept per German word. */
  readonly maxPivots: number;
}

export const DEFAULT_PIVOT_OPTIONS: PivotOptions = { senses: 3, translations: 6, maxPivots: 8 };

/**
 * Each German word's pivot synonyms, best first. `germanToEnglish` is Ding's reverse dictionary (German
 * word → English keys in Ding's order), `translations` the compiled English → German lists; `partsOfSpeech`
 * says which German strings take part (single words with a known part of speech). The German word itself and
 * its inflections and compounds (one spelt at the start or end of the other, case-insensitively:
 * "Ärztin", "Zahnarzt" for "Arzt") are left out: the lemma and compound readers find those.
 *
 * @example
 * // "Arzt {m}; Doktor {m} :: doctor; physician" and "Doktor {m} :: doctor"
 * derivePivots(reverse, translations, partsOfSpeech).get("Arzt") // ["Doktor"]
 */
export function derivePivots(
  germanToEnglish: ReadonlyMap<string, readonly string[]>,
  translations: ReadonlyMap<string, readonly Translated[]>,
  partsOfSpeech: (german: string) => readonly string[],
  options: PivotOptions = DEFAULT_PIVOT_OPTIONS,
): Map<string, string[]> {
  const pivots = new Map<string, string[]>();
  const senseOf = (german: string, english: string): number => {
    const at = (germanToEnglish.get(german) ?? []).indexOf(english);
    return at < 0 || at >= options.senses ? -1 : at;
  };
  for (const [german, englishKeys] of germanToEnglish) {
    const pos = partsOfSpeech(german);
    if (pos.length === 0) continue;
    const scores = new Map<string, number>();
    englishKeys.slice(0, options.senses).forEach((english, i) => {
      const list = (translations.get(english) ?? []).filter((t) => t.tier === 0).slice(0, options.translations);
      if (!list.some((t) => t.german === german)) return;
      for (const { german: other } of list) {
        const j = senseOf(other, english);
        if (j < 0 || related(german, other) || !partsOfSpeech(other).some((p) => pos.includes(p))) continue;
        // 1 when the English word is the first sense of both; later senses on either side count less.
        scores.set(other, (scores.get(other) ?? 0) + 1 / ((1 + i) * (1 + j)));
      }
    });
    if (scores.size === 0) continue;
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, options.maxPivots);
    pivots.set(german, ranked.map(([word]) => word));
  }
  return pivots;
}

/** One word is the other, an inflection or a compound of it: spelt at the other's start or end. */
function related(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.startsWith(y) || y.startsWith(x) || x.endsWith(y) || y.endsWith(x);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
