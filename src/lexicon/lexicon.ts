/**
 * The compiled lexicon (data/lexicon/, built by `npm run lexicon`): German lemmas, synonyms and pivot synonyms, English →
 * German translations and country names, behind one interface the query stages use. Each file is read on
 * its first use, so a process that never asks for synonyms never reads them, or all at once off the main
 * thread by `load()`, which the bot's pipeline calls while its index opens.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip, gunzipSync } from "node:zlib";
import { englishBaseCandidates } from "./english.js";
import { Dictionary, readStrings, readVarints } from "./format.js";
import { adjectiveStems, nounStems } from "./german.js";
import { buildPlaces, demonymPlace, placeKey, type Place } from "./places.js";
import { decodeLemmaRefs, LEXICON_FILES, phraseKey, WORD_TRANSLATIONS } from "./refs.js";

export type { Place } from "./places.js";

export type GermanPos = "noun" | "verb" | "adj";

/** A lemma as the dictionary spells it (nouns capitalised). */
export interface Lemma {
  readonly lemma: string;
  readonly pos: GermanPos;
}

/** A German translation; rank 0 is the best candidate. `german` may be several words ("Bahn fahren"). */
export interface Translation {
  readonly german: string;
  readonly rank: number;
}

/** A synonym; rank is its position in the ordered list (0 best). */
export interface Synonym {
  readonly word: string;
  readonly rank: number;
}

export interface Lexicon {
  /** Lemmas of a German word form, case-insensitive input ("trafen" → treffen/verb). [] when unknown. */
  germanLemmas(word: string): readonly Lemma[];
  /** True when the word, in any inflection, is a known German common noun (so a capitalised unknown word may be a name). */
  isGermanNoun(word: string): boolean;
  /** True when the form is known at all to the German dictionaries (any pos). */
  isGermanWord(word: string): boolean;
  /**
   * True when the dictionaries list this very form: one table look-up, without the rules by which
   * {@link Lexicon.isGermanWord} also reads forms they do not list, so cheap enough to test the hundreds of
   * spellings a typing error leaves open.
   */
  isGermanForm?(word: string): boolean;
  /**
   * OpenThesaurus synonyms of a German lemma or form, best first, deduplicated, without the word itself.
   * `lemmas`: the word's readings to take synonyms of (default all of {@link Lexicon.germanLemmas}).
   */
  germanSynonyms(word: string, lemmas?: readonly Lemma[]): readonly Synonym[];
  /** OpenThesaurus synonyms of a multi-word expression, its words in any inflection ("hinter Gitter", "ums Leben gekommen"). */
  germanPhraseSynonyms(words: readonly string[]): readonly Synonym[];
  /**
   * Near-synonyms of a German lemma or form by pivoting through Ding: German words that share its first
   * English senses ("Arzt" → Doktor, both "doctor"), best first, without the word itself. Looser
   * than {@link Lexicon.germanSynonyms} (a shared English word may be a homonym), so weigh them lower.
   */
  germanPivots(word: string, lemmas?: readonly Lemma[]): readonly Synonym[];
  /**
   * The hypernyms OpenThesaurus lists for a German lemma's or form's first senses, best first, without
   * duplicates: what a text may call the thing more generally ("Autos" → Fahrzeug, Gefährt). Not synonyms:
   * a hypernym names more than the word does.
   */
  germanBroader(word: string, lemmas?: readonly Lemma[]): readonly Synonym[];
  /**
   * The words whose first senses OpenThesaurus files under a German lemma or form as their hypernym, in
   * lower case ("Getränke" → apfelschorle, saft, …): kinds of the thing, one level down. Unordered (the
   * thesaurus ranks none of them above another), without duplicates.
   */
  germanNarrower(word: string, lemmas?: readonly Lemma[]): readonly Synonym[];
  /** German translations of an English word or phrase of up to 3 words (any inflection), best first, capped. [] when unknown. */
  englishToGerman(phrase: string): readonly Translation[];
  /**
   * WordNet synonyms of an English word or its base forms, most common senses first ("factory" → mill,
   * manufacturing plant). Looser than a translation: a synonym shares one sense of the word.
   */
  englishSynonyms(word: string): readonly Synonym[];
  /** Base forms of an English word that Ding knows ("ruled" → ["rule"], "better" → ["better", "good", "well"]). */
  englishLemmas(word: string): readonly string[];
  /**
   * True when an English word form is on a list of common words (SCOWL's smaller sizes: "arrested",
   * "members"; not "garreted", "emmers"): the only sign of how often a word is used that the lexicon has.
   */
  isCommonEnglish?(word: string): boolean;
  /**
   * True when a German word is the name of a place, mountain, river or region that Ding lists ("München",
   * "Zugspitze"): a name, though the dictionary also gives it forms as a noun.
   */
  isGeographicName?(word: string): boolean;
  /** True when an English word is the name of such a place ("Venice", "Munich") and no common English word. */
  isEnglishGeographicName?(word: string): boolean;
  /** A country or region by its English or German name, case-insensitive; undefined otherwise. */
  place(name: string): Place | undefined;
  /** The country a German demonym or adjective names ("Spanier" → Spanien); undefined otherwise. */
  demonymPlace(word: string): Place | undefined;
  /**
   * Reads and decompresses every table now, on libuv's thread pool, so that no asker waits for it (each
   * table otherwise loads on the first question that needs it, tens of milliseconds of that question's
   * time). Never rejects: a table that cannot be read is left for its first use to report.
   */
  load?(): Promise<void>;
}

/** A compiled lexicon file is missing or damaged. `file` names it; the message says how to regenerate it. */
export class LexiconError extends Error {
  override name = "LexiconError";
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}


/**
 * Opens the compiled lexicon in `dir` (default: data/lexicon/ of the repository, found by walking up from
 * this module to the folder with package.json, so it works from src/ under tsx and from dist/). Nothing is
 * read until first use or `load()`; a missing or damaged file throws {@link LexiconError} on the first call
 * that needs it, and again on every later one.
 *
 * @example
 * const lexicon = openLexicon();
 * lexicon.germanLemmas("trafen"); // [{ lemma: "treffen", pos: "verb" }]
 * lexicon.englishToGerman("strikes")[0]; // { german: "Streik", rank: 0 }
 */
export function openLexicon(dir: string = defaultLexiconDir()): Lexicon {
  const german = lazyDictionary(dir, LEXICON_FILES.german);
  const synonyms = lazyDictionary(dir, LEXICON_FILES.synonyms);
  const english = lazyDictionary(dir, LEXICON_FILES.english);
  const englishForms = lazyDictionary(dir, LEXICON_FILES.englishForms);
  const englishSynonymTable = lazyDictionary(dir, LEXICON_FILES.englishSynonyms);
  const pivots = lazyDictionary(dir, LEXICON_FILES.pivots);
  const broader = lazyDictionary(dir, LEXICON_FILES.broader);
  const narrower = lazyDictionary(dir, LEXICON_FILES.narrower);
  const englishCommon = lazyDictionary(dir, LEXICON_FILES.englishCommon);
  const geographicNames = lazyDictionary(dir, LEXICON_FILES.geographicNames);
  const englishGeographicNames = lazyDictionary(dir, LEXICON_FILES.englishGeographicNames);
  let places: Map<string, Place> | undefined;
  let countries: readonly Place[] | undefined;

  const lemmasOfForm = (key: string): Lemma[] | undefined => {
    const payload = german().get(key);
    return payload === undefined ? undefined : wrap(LEXICON_FILES.german, dir, () => decodeLemmaRefs(key, payload));
  };

  const germanLemmas = (word: string): Lemma[] => {
    const key = normaliseGerman(word);
    if (key === "") return [];
    const found: Lemma[] = [...(lemmasOfForm(key) ?? [])];
    const add = (lemma: Lemma): void => {
      if (!found.some((f) => f.lemma === lemma.lemma && f.pos === lemma.pos)) found.push(lemma);
    };
    // An inflected adjective is listed only in its base form, and the noun table has many adjectives used as
    // nouns ("Föderalistische"), so adjective stems are tried unless an adjective reading is already there;
    // a participle stem ("verhafteten" → verhaftet) adds its verb only when nothing else was found.
    const wasEmpty = found.length === 0;
    // A capitalised word is not a verb form of a stem that is a noun's as well: "Dienstes" is the genitive of
    // "Dienst", not "dienst" of "dienen" (found below, by its case ending).
    const capitalised = /^\p{Lu}/u.test(word);
    if (!found.some((l) => l.pos === "adj")) {
      for (const stem of adjectiveStems(key)) {
        const readings = lemmasOfForm(stem) ?? [];
        const noun = capitalised && readings.some((l) => l.pos === "noun");
        for (const l of readings) if (l.pos === "adj" || (wasEmpty && l.pos === "verb" && !noun)) add(l);
      }
    }
    // A noun with a case ending Ding's entries do not list ("Bundestagswahlen" is, "Bundestagswahls" is not).
    if (found.length === 0) for (const stem of nounStems(key)) for (const l of lemmasOfForm(stem) ?? []) if (l.pos === "noun") add(l);
    // Speech shortens "heraus", "herein", "herüber", "herunter", "herauf", "heran" to "raus", "rein", …
    // ("rauszuwerfen", "rausgerückt"): such a verb is the tables' full form ("herauswerfen"), and the
    // short one, which the thesaurus may list on its own ("rauswerfen").
    if (found.length === 0 && SPOKEN_PARTICLE.test(key)) {
      for (const l of lemmasOfForm(`he${key}`) ?? []) {
        if (l.pos !== "verb") continue;
        add({ lemma: l.lemma.slice(2), pos: "verb" });
        add(l);
      }
    }
    // A loanword's "-s" plural ("Shops", "Tickets"): the noun tables may lack the word, while the
    // thesaurus lists its singular as a word of its own.
    if (found.length === 0 && /^\p{Lu}/u.test(word) && key.endsWith("s")) {
      const singular = key.slice(0, -1);
      if (singular.length > 3 && german().has(singular)) add({ lemma: word.slice(0, -1), pos: "noun" });
    }
    return found;
  };

  const englishLemmas = (word: string): string[] => {
    const key = normaliseEnglish(word);
    if (key === "" || key.includes(" ")) return [];
    const out: string[] = [];
    const add = (lemma: string): void => {
      if (!out.includes(lemma) && english().has(lemma)) out.push(lemma);
    };
    add(key);
    const listed = englishForms().get(key);
    if (listed !== undefined) for (const lemma of wrap(LEXICON_FILES.englishForms, dir, () => readStrings(listed))) add(lemma);
    // A headword's "-est" is its own: "Everest" is no superlative of "ever", "forest" none of "for".
    for (const candidate of englishBaseCandidates(key, !english().has(key))) add(candidate);
    return out;
  };

  const translationsOf = (key: string): { german: string; tier: number }[] => {
    const payload = english().get(key);
    if (payload === undefined) return [];
    return wrap(LEXICON_FILES.english, dir, () =>
      readVarints(payload).map((value) => ({ german: english().poolString(Math.floor(value / 2)), tier: value % 2 })),
    );
  };

  /** The keys a German word's entries are filed under: its normalised form and its lemmas, once each; none for no word. */
  const headsOf = (word: string, lemmas: readonly Lemma[] = germanLemmas(word)): string[] => {
    const key = normaliseGerman(word);
    if (key === "") return [];
    return [key, ...lemmas.map((l) => l.lemma.toLowerCase())].filter((h, i, all) => all.indexOf(h) === i);
  };

  /**
   * An adjective or participle used as a noun ("die Jugendlichen", "Reisende") has the weak form as its lemma,
   * while OpenThesaurus files such nouns by the strong masculine ("Jugendlicher", "Reisender"): the key
   * that form is filed under, for a noun lemma in "-e" whose stem is an adjective or a participle ("Lage" is
   * none: "lag" is a verb's past, not its participle).
   */
  const nominalHeads = (lemmas: readonly Lemma[]): string[] =>
    lemmas.flatMap((l) => {
      if (l.pos !== "noun" || !l.lemma.endsWith("e")) return [];
      const stem = normaliseGerman(l.lemma.slice(0, -1));
      const strong = `${stem}er`;
      if (!synonyms().has(strong)) return [];
      const of = lemmasOfForm(stem) ?? germanLemmas(stem);
      const adjective = of.some((s) => s.pos === "adj") || (/(t|en|nd)$/.test(stem) && of.some((s) => s.pos === "verb"));
      return adjective ? [strong] : [];
    });

  /** The words a table lists under each of `heads`, in order, without duplicates or the heads themselves. */
  const listedUnder = (heads: readonly string[], listed: (head: string) => readonly string[]): Synonym[] => {
    const seen = new Set(heads);
    const out: Synonym[] = [];
    for (const head of heads) {
      for (const word of listed(head)) {
        if (seen.has(word.toLowerCase())) continue;
        seen.add(word.toLowerCase());
        out.push({ word, rank: out.length });
      }
    }
    return out;
  };

  /** The words a table of word lists (the hypernyms, the kinds) files under each of `heads` (see listedUnder). */
  const wordsFiledUnder = (heads: readonly string[], table: typeof broader, file: string): Synonym[] =>
    listedUnder(heads, (head) => {
      const payload = table().get(head);
      return payload === undefined ? [] : wrap(file, dir, () => readStrings(payload));
    });

  /** The synonyms of the thesaurus entries filed under `keys`, unmarked first, without the words in `seen`. */
  const synonymsFiledUnder = (
    keys: readonly string[],
    seen: Set<string>,
    same: (word: string) => boolean = () => false,
    capital: (key: string) => boolean | undefined = () => undefined,
  ): Synonym[] => {
    const plain: string[] = [];
    const marked: string[] = [];
    for (const key of keys) {
      const payload = synonyms().get(key);
      if (payload === undefined) continue;
      const wanted = capital(key);
      wrap(LEXICON_FILES.synonyms, dir, () => {
        for (const id of readVarints(payload)) {
          const members = synonyms().poolString(id).split("|");
          // A synset lists its key as the sense spells it: "Plan" (a scheme) and "plan" (flat) share the key.
          if (wanted !== undefined) {
            const own = members.map((m) => m.replace(/^~/, "")).find((m) => m.toLowerCase() === key);
            if (own !== undefined && /^\p{Lu}/u.test(own) !== wanted) continue;
          }
          for (const member of members) {
            if (member.startsWith("~")) marked.push(member.slice(1));
            else plain.push(member);
          }
        }
      });
    }
    const out: Synonym[] = [];
    for (const word of [...plain, ...marked]) {
      const folded = word.toLowerCase();
      if (seen.has(folded) || same(word)) continue;
      seen.add(folded);
      out.push({ word, rank: out.length });
    }
    return out;
  };

  const tables = [german, synonyms, english, englishForms, englishSynonymTable, pivots, broader, narrower, englishCommon, geographicNames, englishGeographicNames];
  return {
    load: async () => void (await Promise.all(tables.map((table) => table.load()))),
    germanLemmas,
    isGermanNoun: (word) => germanLemmas(word).some((l) => l.pos === "noun"),
    isGermanForm: (word) => {
      const key = normaliseGerman(word);
      return key !== "" && german().has(key);
    },
    isGermanWord: (word) => {
      const key = normaliseGerman(word);
      return key !== "" && (german().has(key) || germanLemmas(word).length > 0);
    },
    germanSynonyms(word, lemmas) {
      const readings = lemmas ?? germanLemmas(word);
      const heads = headsOf(word, readings);
      const nominal = nominalHeads(readings);
      // A reading's lemma takes the synsets of its part of speech, told by German capitalisation: a noun's
      // spell it with a capital, a verb's and an adjective's without ("Pläne" is Plan's, not flat's).
      const capital = (key: string): boolean | undefined => {
        if (nominal.includes(key)) return true;
        const of = readings.filter((l) => l.lemma.toLowerCase() === key);
        if (of.length === 0) return undefined;
        if (of.every((l) => l.pos === "noun")) return true;
        return of.some((l) => l.pos === "noun") ? undefined : false;
      };
      return synonymsFiledUnder([...heads, ...nominal], new Set([...heads, ...nominal]), undefined, capital);
    },
    germanPhraseSynonyms(words) {
      if (words.length < 2) return [];
      const keys = words.map(normaliseGerman);
      const lemmasOf = (key: string) => (lemmasOfForm(key) ?? []).map((l) => l.lemma);
      const key = phraseKey(keys, lemmasOf);
      // The expression itself in another form ("in Haft nehmen" for "in Haft genommen") is no synonym of it.
      return synonymsFiledUnder([key], new Set(), (word) => phraseKey(word.split(" ").map(normaliseGerman), lemmasOf) === key);
    },
    germanPivots(word, lemmas) {
      return listedUnder(headsOf(word, lemmas), (head) => {
        const payload = pivots().get(head);
        return payload === undefined ? [] : wrap(LEXICON_FILES.pivots, dir, () => readVarints(payload).map((id) => pivots().poolString(id)));
      });
    },
    germanBroader: (word, lemmas) => wordsFiledUnder(headsOf(word, lemmas), broader, LEXICON_FILES.broader),
    germanNarrower: (word, lemmas) => wordsFiledUnder(headsOf(word, lemmas), narrower, LEXICON_FILES.narrower),
    englishToGerman(phrase) {
      const key = normaliseEnglish(phrase).replace(/^to /, "");
      const words = key === "" ? [] : key.split(" ");
      if (words.length === 0 || words.length > 3) return [];
      // The phrase as given, then with its last word (a noun's plural) or first word (a verb's tense) as a base form.
      const keys = [key];
      const last = words[words.length - 1]!;
      const first = words[0]!;
      for (const base of englishLemmas(last)) keys.push([...words.slice(0, -1), base].join(" "));
      if (words.length > 1) for (const base of englishLemmas(first)) keys.push([base, ...words.slice(1)].join(" "));
      const lists = keys.filter((k, i) => keys.indexOf(k) === i).map(translationsOf);
      // Whole-entry translations of every key come before the phrase-head ones, so "elections" finds
      // "Wahl" (via "election") before compounds that merely contain "elections". Within a tier the keys
      // take turns, so "arrested" gives both participles ("festgenommen") and base forms ("verhaften").
      const out: Translation[] = [];
      const seen = new Set<string>();
      for (const tier of [0, 1]) {
        const queues = lists.map((list) => list.filter((t) => t.tier === tier));
        for (let i = 0; queues.some((q) => i < q.length); i++) {
          for (const queue of queues) {
            const t = queue[i];
            if (t === undefined || seen.has(t.german) || out.length >= WORD_TRANSLATIONS) continue;
            seen.add(t.german);
            out.push({ german: t.german, rank: out.length });
          }
        }
      }
      return out;
    },
    englishLemmas,
    isGeographicName: (word) => geographicNames().has(normaliseGerman(word)),
    isEnglishGeographicName: (word) => englishGeographicNames().has(normaliseEnglish(word)),
    isCommonEnglish: (word) => {
      const key = normaliseEnglish(word);
      return key !== "" && englishCommon().has(key);
    },
    englishSynonyms(word) {
      const key = normaliseEnglish(word);
      if (key === "") return [];
      const out: Synonym[] = [];
      const seen = new Set([key]);
      for (const lemma of [key, ...englishLemmas(key)]) {
        const payload = englishSynonymTable().get(lemma);
        if (payload === undefined) continue;
        for (const synonym of wrap(LEXICON_FILES.englishSynonyms, dir, () => readStrings(payload))) {
          if (seen.has(synonym)) continue;
          seen.add(synonym);
          out.push({ word: synonym, rank: out.length });
        }
      }
      return out;
    },
    place(name) {
      places ??= buildPlaces();
      return places.get(placeKey(name));
    },
    demonymPlace(word) {
      places ??= buildPlaces();
      countries ??= [...new Set(places.values())];
      return demonymPlace(word, places, countries);
    },
  };
}

/** data/lexicon/ of the repository this module belongs to. */
export function defaultLexiconDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return join(dir, "data", "lexicon");
    const parent = dirname(dir);
    if (parent === dir) throw new LexiconError(`no package.json above ${fileURLToPath(import.meta.url)}; pass the lexicon folder to openLexicon`, "data/lexicon");
    dir = parent;
  }
}

const REGENERATE = "Restore it from git (git checkout -- data/lexicon) or regenerate it: apt-get install -y trans-de-en mythes-de, then npm run lexicon.";

const gunzipAsync = promisify(gunzip);

/** A table read on first call, or ahead of it by `load`. */
interface LazyDictionary {
  (): Dictionary;
  load(): Promise<void>;
}

/**
 * Reads and checks a file on first call; a failure is remembered and thrown again on every call. `load`
 * reads it ahead, off the main thread; what it cannot read is left to the first call to report.
 */
function lazyDictionary(dir: string, name: string): LazyDictionary {
  let loaded: Dictionary | undefined;
  let failure: LexiconError | undefined;
  const get = () => {
    if (loaded) return loaded;
    if (failure) throw failure;
    const path = join(dir, name);
    let raw: Buffer;
    try {
      raw = readFileSync(path);
    } catch (error) {
      throw (failure = new LexiconError(`The lexicon file ${path} cannot be read. ${REGENERATE}`, path, { cause: error }));
    }
    try {
      loaded = new Dictionary(gunzipSync(raw), { verify: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw (failure = new LexiconError(`The lexicon file ${path} is damaged (${reason}). ${REGENERATE}`, path, { cause: error }));
    }
    return loaded;
  };
  const load = async () => {
    if (loaded || failure) return;
    try {
      const bytes = await gunzipAsync(await readFile(join(dir, name)));
      loaded ??= new Dictionary(bytes, { verify: false });
    } catch {
      // The first call reads the file again and reports why it cannot be used.
    }
  };
  return Object.assign(get, { load });
}

/** Runs a decoding step, turning a format error in a damaged payload into a LexiconError naming the file. */
function wrap<T>(name: string, dir: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof LexiconError) throw error;
    const path = join(dir, name);
    const reason = error instanceof Error ? error.message : String(error);
    throw new LexiconError(`The lexicon file ${path} is damaged (${reason}). ${REGENERATE}`, path, { cause: error });
  }
}

/** A verb's spoken particle, short for "her…" ("raus" for "heraus"), before at least a short verb. */
const SPOKEN_PARTICLE = /^(raus|rein|rüber|runter|rauf|ran)\p{L}{3,}$/u;

function normaliseGerman(word: string): string {
  return word.normalize("NFC").trim().toLowerCase();
}

function normaliseEnglish(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' .-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
