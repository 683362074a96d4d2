/**
 * Parses Princeton WordNet 3.0 (Debian wordnet-base, /usr/share/wordnet) into English synonyms: for each
 * lemma, the other words of its first senses' synsets. WordNet orders a lemma's senses by how often they
 * were tagged in its corpus, so the first are the common ones ("factory" → mill, manufacturing plant;
 * "environmentalist" → conservationist). Pure functions over the files' text.
 */

/** The parts of speech WordNet files come in, in the order their senses are interleaved. */
export const WORDNET_POS = ["noun", "verb", "adj", "adv"] as const;
export type WordNetPos = (typeof WORDNET_POS)[number];

/** The text of WordNet's index.<pos> and data.<pos> files. */
export interface WordNetSources {
  readonly index: Readonly<Record<WordNetPos, string>>;
  readonly data: Readonly<Record<WordNetPos, string>>;
}

export interface WordNetOptions {
  /** Senses per part of speech whose synsets are read: the first are the common ones. */
  readonly senses: number;
  /** Synonyms kept per lemma. */
  readonly maxSynonyms: number;
}

/** Six synonyms a lemma: as many as understanding reads of a word (understand.ts), so the file holds no more. */
export const DEFAULT_WORDNET_OPTIONS: WordNetOptions = { senses: 2, maxSynonyms: 6 };

/**
 * Synset offset → its words, from a data.<pos> file. A data line is "offset lex_filenum ss_type w_cnt
 * word lex_id [word lex_id …] …" with w_cnt in hexadecimal; words join their parts with "_" and an
 * adjective may carry a syntactic marker ("(a)", "(p)", "(ip)"). Licence lines start with spaces.
 */
export function parseWordNetData(text: string): Map<string, string[]> {
  const synsets = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const fields = line.split(" ");
    const count = Number.parseInt(fields[3] ?? "", 16);
    if (!Number.isInteger(count)) continue;
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const word = fields[4 + 2 * i];
      if (word !== undefined) words.push(wordOf(word));
    }
    synsets.set(fields[0]!, words);
  }
  return synsets;
}

/**
 * Lemma → its synset offsets, most frequent sense first, from an index.<pos> file: "lemma pos
 * synset_cnt p_cnt [ptr_symbol …] sense_cnt tagsense_cnt synset_offset …".
 */
export function parseWordNetIndex(text: string): Map<string, string[]> {
  const senses = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const fields = line.trim().split(/\s+/);
    const pointers = Number(fields[3]);
    if (!Number.isInteger(pointers)) continue;
    senses.set(wordOf(fields[0]!), fields.slice(4 + pointers + 2));
  }
  return senses;
}

/**
 * Each lemma's synonyms: the words of its first `senses` synsets of every part of speech, the first
 * senses of all parts before the second ones, without the lemma itself, at most `maxSynonyms`.
 * Deterministic: lemmas in code-unit order.
 */
export function wordNetSynonyms(sources: WordNetSources, options: WordNetOptions = DEFAULT_WORDNET_OPTIONS): Map<string, string[]> {
  const bySense = new Map<string, string[][]>();
  for (const pos of WORDNET_POS) {
    const synsets = parseWordNetData(sources.data[pos]);
    for (const [lemma, offsets] of parseWordNetIndex(sources.index[pos])) {
      const lists = bySense.get(lemma) ?? [];
      offsets.slice(0, options.senses).forEach((offset, k) => (lists[k] ??= []).push(...(synsets.get(offset) ?? [])));
      bySense.set(lemma, lists);
    }
  }
  const out = new Map<string, string[]>();
  for (const lemma of [...bySense.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const synonyms = [...new Set(bySense.get(lemma)!.flat().map((w) => w.toLowerCase()))].filter((w) => w !== lemma).slice(0, options.maxSynonyms);
    if (synonyms.length > 0) out.set(lemma, synonyms);
  }
  return out;
}

/** A word as WordNet files write it ("manufacturing_plant", "galore(ip)") as text: "manufacturing plant". */
function wordOf(raw: string): string {
  return raw.replace(/\([a-z]+\)$/, "").replace(/_/g, " ").toLowerCase();
}
