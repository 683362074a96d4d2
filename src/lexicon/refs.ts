/**
 * What the compiler and the loader of data/lexicon/ agree on: the files' names, how a German form's
 * payload names its lemmas, and how many translations an English word keeps.
 */
import { LexiconFormatError, pushVarint } from "./format.js";

/**
 * Translations of a single English word that the compiled table keeps and the lexicon returns: Ding lists
 * a word's everyday sense after a dozen others at times ("branch" → Filiale is its thirteenth), and
 * understanding takes a late sense only where the sources use it beside the question's other words.
 * (12, 16, 20, 24 and 30 measured on the tune side; 20 right most often.)
 */
export const WORD_TRANSLATIONS = 20;

/** The compiled files (each a gzip-compressed format.ts dictionary). */
export const LEXICON_FILES = {
  /** Lower-case German form → lemma references (empty payload: a known word of no listed pos). */
  german: "german-forms.bin.gz",
  /**
   * Lower-case German word → synset numbers; pool: synsets, members joined by "|", "~" marking colloquial etc.
   * A multi-word expression is also filed under its {@link phraseKey}, so any inflection of its words finds it.
   */
  synonyms: "german-synonyms.bin.gz",
  /** Lower-case English key → varints (German pool number × 2 + tier); pool: German translations. */
  english: "english-german.bin.gz",
  /** Lower-case English inflected form → its base forms (newline-joined). */
  englishForms: "english-forms.bin.gz",
  /** Lower-case English lemma → its WordNet synonyms, most common senses first (newline-joined). */
  englishSynonyms: "english-synonyms.bin.gz",
  /** Lower-case German word → varints (pool numbers), best first; pool: German words sharing its first English senses. */
  pivots: "german-pivots.bin.gz",
  /** Lower-case German word → its hypernyms in OpenThesaurus (newline-joined), first senses first. */
  broader: "german-broader.bin.gz",
  /** Lower-case German word → the one-word words it is a hypernym of (newline-joined): the broader table turned round. */
  narrower: "german-narrower.bin.gz",
  /** Lower-case English word forms of a list of common words (SCOWL's smaller sizes), each with an empty payload. */
  englishCommon: "english-common.bin.gz",
  /** Lower-case German names of places, mountains, rivers and regions (Ding's "[geogr.]" names), each with an empty payload. */
  geographicNames: "german-places.bin.gz",
  /** Lower-case English names of those places that are no common English word, each with an empty payload. */
  englishGeographicNames: "english-places.bin.gz",
} as const;

/**
 * The key a multi-word expression of the thesaurus is filed under besides its own spelling: each word by its
 * first lemma in code-unit order (or the word itself when it has none), behind a mark no word begins with.
 * "hinter Gittern" and "hinter Gitter" share one, as do "ums Leben kommen" and "ums Leben gekommen".
 * `lemmasOf` gives a lower-case word's lemmas; the compiler and the loader each pass their own table's.
 */
export function phraseKey(words: readonly string[], lemmasOf: (word: string) => readonly string[]): string {
  return PHRASE_MARK + words.map((word) => [...lemmasOf(word)].map((l) => l.toLowerCase()).sort()[0] ?? word).join(" ");
}
const PHRASE_MARK = "\u0001";

/** Part-of-speech codes in lemma references. */
export const POS_CODES = { noun: 1, verb: 2, adj: 3 } as const;
const POS_NAMES = [undefined, "noun", "verb", "adj"] as const;


/** How a lemma is spelt from its form's key: lower case, first letter capitalised, or given whole. */
export const LEMMA_CASE = { lower: 0, capitalised: 1, explicit: 2 } as const;

/**
 * A lemma as an edit of the (lower-case) form that leads to it, so most references take three bytes and no
 * string pool: varint (kept prefix length × 16 + case × 4 + pos), varint suffix length, UTF-8 suffix.
 * "verhaftungen" → Verhaftung is (10, capitalised, noun) and no suffix; "trafen" → treffen keeps "t" and
 * adds "reffen". See decodeLemmaRefs.
 */
export function encodeLemmaRef(formKey: string, lemma: string, pos: number): number[] {
  const lower = lemma.toLowerCase();
  const mode = lemma === lower ? LEMMA_CASE.lower : lemma === capitalise(lower) ? LEMMA_CASE.capitalised : LEMMA_CASE.explicit;
  let keep = 0;
  if (mode !== LEMMA_CASE.explicit) while (keep < formKey.length && keep < lower.length && formKey[keep] === lower[keep]) keep++;
  const suffix = new TextEncoder().encode(mode === LEMMA_CASE.explicit ? lemma : lower.slice(keep));
  const out: number[] = [];
  pushVarint(out, keep * 16 + mode * 4 + pos);
  pushVarint(out, suffix.length);
  for (const b of suffix) out.push(b);
  return out;
}

/** Upper-cases the first letter (not via toUpperCase of the whole, which turns ß into SS). */
export function capitalise(word: string): string {
  const first = word.codePointAt(0);
  if (first === undefined) return word;
  const head = String.fromCodePoint(first);
  const upper = head.toUpperCase();
  return (upper.length === head.length ? upper : head) + word.slice(head.length);
}


/** Decodes the lemma references of a German form's payload (see encodeLemmaRef). */
export function decodeLemmaRefs(formKey: string, payload: Uint8Array): { lemma: string; pos: "noun" | "verb" | "adj" }[] {
  const out: { lemma: string; pos: "noun" | "verb" | "adj" }[] = [];
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= payload.length || shift > 28) throw new LexiconFormatError(`a lemma reference of "${formKey}" is truncated`);
      const byte = payload[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  while (at < payload.length) {
    const head = varint();
    const length = varint();
    if (at + length > payload.length) throw new LexiconFormatError(`a lemma reference of "${formKey}" runs past its payload`);
    const suffix = decoder.decode(payload.subarray(at, at + length));
    at += length;
    const pos = POS_NAMES[head & 3];
    const mode = (head >> 2) & 3;
    const keep = Math.floor(head / 16);
    if (pos === undefined || keep > formKey.length) throw new LexiconFormatError(`a lemma reference of "${formKey}" is invalid`);
    const lower = formKey.slice(0, keep) + suffix;
    const lemma = mode === LEMMA_CASE.explicit ? suffix : mode === LEMMA_CASE.capitalised ? capitalise(lower) : lower;
    out.push({ lemma, pos });
  }
  return out;
}

const decoder = new TextDecoder("utf-8", { fatal: true });
