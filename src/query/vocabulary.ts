import { fold } from "../ingest/keyword.js";
import { derivation, derivationPrefixes, sameDerivation, uncutEst } from "./derive.js";

/**
 * How a question's stem meets the corpus vocabulary: {@link stemSimilarity} says how well one corpus stem
 * stands for it, and {@link vocabularyOf} finds all the stems it matches without comparing it with every
 * stem of the corpus (about 50 000 at 100k chunks). The index lists, rule by rule of `stemSimilarity`, the
 * only stems that rule can match, so it finds exactly what a scan of the whole vocabulary would. A change to
 * a rule of `stemSimilarity` must change its look-up here; tests/query/vocabulary.test.ts checks both
 * against the scan.
 */

/** Letters a compound's modifier needs before a short head (4–5 letters) counts as its head. */
export const COMPOUND_MODIFIER = 4;

/**
 * A compound's modifier without its linking letters ("arbeits" in "Arbeitsvertrag" → "arbeit",
 * "straßen" in "Straßenbahn" → "straße"), or undefined when it has none or fewer than three letters remain.
 */
export function withoutLinking(modifier: string): string | undefined {
  return WITH_LINKING.exec(modifier)?.[1];
}
/** The letters German puts between a compound's modifier and its head ("Arbeit-s-vertrag", "Straße-n-bahn"). */
export const LINKING_ELEMENTS = ["s", "es", "n", "en"] as const;
const WITH_LINKING = new RegExp(`^(.{3,}?)(${LINKING_ELEMENTS.join("|")})$`, "u");
/** The head of the question's compound ("Hubschrauber" for "Rettungshubschrauber"): the general word, partial evidence. */
export const HEAD_OF_QUERY = 0.6;
/** A word of the sources that begins with the question's word and goes on (see spelledSimilarity; 0.5–0.7 tried). */
export const MODIFIER_OF_SOURCE = 0.5;
/** A word of the same family ("Festnahmen" for "festgenommen") is partial evidence: related, not the same claim. */
export const DERIVATION_MATCH = 0.6;
/** Shortest stem matched other than exactly; also the length of the head and tail keys of the index. */
const MIN_FUZZY = 4;
/** Shortest stem matched by spelling (transliteration and edit distance). */
const MIN_SPELLING = 5;
/** Longest stem whose spelling matches always allow a single edit: the budget is 2 from 8 letters. */
const SHORT_SPELLING = 7;
/** Letters two stems sharing their beginning must share before it counts as a derivation. */
const SHARED_PREFIX = 6;

/** Stems too short or numeric to match anything but themselves ("2021" is not "2022"). */
function exactOnly(stem: string): boolean {
  const first = stem.charCodeAt(0);
  return stem.length < MIN_FUZZY || (first >= 48 && first <= 57);
}

/**
 * How well a sentence's stem stands for a query stem, from 0 to 1: exact; compound head or modifier
 * (German glues nouns together), or the head of the query's own compound; shared long prefix
 * (derivations); one or two letters apart (transliterated names); the same word family after particle,
 * "ge-" and endings, also inside compounds (see derive.ts); a feminine role and its masculine. Generic
 * morphology, no word lists about any topic.
 *
 * @example
 * stemSimilarity("befehl", "schiessbefehl") // 0.8
 */
export function stemSimilarity(query: string, stem: string): number {
  const value = spelledSimilarity(query, stem);
  if (value >= FEMININE_MATCH) return value;
  // A feminine role noun meets its masculine and the compounds ending in it: "Polizeisprecherin" is a
  // kind of "Sprecher", "Ministerin" a "Minister".
  const q = masculine(query);
  const s = masculine(stem);
  if (q === undefined && s === undefined) return value;
  const base = headSimilarity(q ?? query, s ?? stem);
  return Math.max(value, base === 1 ? FEMININE_MATCH : base);
}

/** How well a feminine form stands for its masculine, and the other way round. */
const FEMININE_MATCH = 0.9;

/**
 * The stem of the masculine of a feminine role noun's stem ("sprecherin" → "sprech", "prasidentin" →
 * "prasident"), as the stemmer makes it of the masculine, or undefined for any other stem. Only endings of
 * people's roles count (-erin, -entin, -antin, -istin, -orin, -ogin, -atin, -efin), so "Termin" or
 * "Medizin" stay themselves. So does the plural of a "-mann" compound, which is "-leute" ("feuerwehrleut"
 * → "feuerwehrmann", "kaufleut" → "kaufmann"): the one noun plural the stemmer cannot undo. General
 * German morphology.
 */
export function masculine(stem: string): string | undefined {
  // Most stems end otherwise; the test is made for every stem a question's words are compared with.
  if (stem.endsWith("leut") && stem.length >= 7) return `${stem.slice(0, -4)}mann`;
  if (!stem.endsWith("in") && !stem.endsWith("inn")) return undefined;
  const match = /^(\p{L}{2,}?(er|ent|ant|ist|or|og|at|ef))inn?$/u.exec(stem);
  if (!match) return undefined;
  const base = match[1]!;
  // The stemmer takes "-er" off a masculine ("sprecher" → "sprech"), as it does not off the feminine.
  return match[2] === "er" ? base.slice(0, -2) : base;
}

/** The stems a feminine role noun of a masculine's stem has ("burgermeist" → burgermeisterin): the inverse of {@link masculine}. */
export function feminines(stem: string): string[] {
  return [`${stem}in`, `${stem}erin`].filter((feminine) => masculine(feminine) === stem);
}

/**
 * A stem as the stemmer leaves it at a compound's end, when that differs from the stem of the word alone;
 * else undefined. The stemmer cuts a final "e" only after the word's first syllable, which a short word
 * like "Kleie" ends in: "Kleie" → "kleie" but "Weizenkleie" → "weizenklei". (Its "-ung", "-heit" and
 * "-keit" behave alike, "Wohnung" / "Mietwohnung" → "mietwohn", but cutting them merges other words:
 * "Sitzung" would end "Vorsitz".) German morphology, no topic words.
 */
export function headInCompound(stem: string): string | undefined {
  return stem.length > MIN_FUZZY && stem.endsWith("e") ? stem.slice(0, -1) : undefined;
}

/** True when `stem` ends with the stem `head`, or with it as the stemmer leaves it in a compound (see {@link headInCompound}). */
export function endsWithHead(stem: string, head: string): boolean {
  if (stem.endsWith(head)) return true;
  const cut = headInCompound(head);
  return cut !== undefined && stem.length > cut.length && stem.endsWith(cut);
}

/**
 * Derivational suffixes whose tail is a noun of its own: "Mannschaft", "Bereitschaft" and "Botschaft"
 * end in "haft" but are no kind of Haft. German grammar, not vocabulary.
 */
const SUFFIXES_ENDING_LIKE_A_NOUN = ["schaft"];

/** True when `query` is only the tail of a derivational suffix that `stem` ends in (see {@link SUFFIXES_ENDING_LIKE_A_NOUN}). */
function withinSuffix(query: string, stem: string): boolean {
  return SUFFIXES_ENDING_LIKE_A_NOUN.some((suffix) => suffix.length > query.length && suffix.endsWith(query) && stem.endsWith(suffix));
}

/**
 * How well a compound stands for its head, given the head's length and its modifier's: a short head
 * counts fully only after a modifier of a few letters ("land" in "bundesland", not in "ausland").
 */
function headMatch(head: number, modifier: number): number {
  return head >= 6 || modifier >= COMPOUND_MODIFIER ? 0.8 : 0.5;
}

/** Letters of a compound's head that is found only after a long modifier, and only in part (see {@link shortHead}). */
const SHORT_HEAD = 3;
/** Partial: measured on the tune side, 0.5 gained where 0.8 lost ("Demokrat" ends in "Rat" as "Aufsichtsrat" does). */
const SHORT_HEAD_MATCH = 0.5;

/**
 * True when `stem` is a compound whose head is the three-letter `query`, after a modifier of
 * {@link COMPOUND_MODIFIER} letters or more: "amt" in "finanzamt", "tag" in "landtag". Such a tail ends
 * many unrelated words after a short beginning ("vortag", "zitat"), and some after a long one
 * ("demokrat"), as a head of four letters does after a short one: partial evidence, as that is.
 */
function shortHead(query: string, stem: string): boolean {
  return (
    query.length === SHORT_HEAD &&
    stem.length - SHORT_HEAD >= COMPOUND_MODIFIER &&
    /^\p{L}+$/u.test(query) &&
    !exactOnly(stem) &&
    stem.endsWith(query) &&
    !withinSuffix(query, stem)
  );
}

/** The exact and compound-head rules of {@link spelledSimilarity}, for a masculine met through its feminine. */
function headSimilarity(query: string, stem: string): number {
  if (query === stem) return 1;
  if (exactOnly(query) || exactOnly(stem)) return 0;
  const q = query.length;
  const s = stem.length;
  return s > q && stem.endsWith(query) ? headMatch(q, s - q) : 0;
}

function spelledSimilarity(query: string, stem: string): number {
  if (query === stem) return 1;
  const q = query.length;
  const s = stem.length;
  if (shortHead(query, stem)) return SHORT_HEAD_MATCH;
  if (exactOnly(query) || exactOnly(stem)) return 0;
  // A compound's head: "befehl" in "schiessbefehl", "stadt" in "hafenstadt". German puts the head last, so
  // the compound is a kind of its head; a short head counts fully only after a modifier of a few letters
  // ("land" in "bundesland"), not after a particle ("ausland") or as the tail of a short word.
  if (s > q && stem.endsWith(query) && !withinSuffix(query, stem)) return headMatch(q, s - q);
  // The same, where the stemmer cut the head's ending in the compound only ("weizenklei" for "kleie").
  const head = headInCompound(query);
  if (head !== undefined && s > head.length && stem.endsWith(head)) return headMatch(q, s - head.length);
  // The question's compound met by its head: news names "der Rettungshubschrauber" once and "der Hubschrauber" after. The
  // head is the more general word, so it is partial evidence; a modifier of a few letters is required,
  // as "ver" in "verletzt" is no modifier of "letzt".
  if (q - s >= COMPOUND_MODIFIER && s >= MIN_FUZZY && query.endsWith(stem)) return HEAD_OF_QUERY;
  // And the other way round: "weizenklei" met by "kleie".
  const own = headInCompound(stem);
  if (own !== undefined && q - own.length >= COMPOUND_MODIFIER && query.endsWith(own)) return HEAD_OF_QUERY;
  // An inflection or derivation the stemmer left apart: "grenzt" / "grenz", "kost" / "kostet", "kasach" / "kasachstan".
  if (stem.startsWith(query) || query.startsWith(stem)) {
    const shorter = Math.min(q, s);
    const gap = Math.abs(q - s);
    if (shorter >= 4 && gap <= 2) return gap === 1 ? 0.9 : 0.8;
    // A longer word in the sources mostly has the question's word as its modifier ("Feuerwehr" in
    // "Feuerwehrleute", "Brand" in "Brandenburg"): about something else, so it counts as little as a short head.
    if (shorter >= 5) return s > q ? MODIFIER_OF_SOURCE : 0.7;
  }
  const shorter = Math.min(q, s);
  let prefix = 0;
  while (prefix < shorter && query[prefix] === stem[prefix]) prefix++;
  if (prefix >= SHARED_PREFIX && prefix >= 0.8 * shorter) return 0.6;
  if (shorter >= MIN_SPELLING && Math.abs(q - s) <= 2) {
    const a = transliterationKey(query);
    const b = transliterationKey(stem);
    if (a === b) return 0.8;
    const budget = spellingBudget(shorter);
    if (editDistance(a, b, budget) <= budget) return budget === 1 ? 0.8 : 0.7;
  }
  // A participle, its verb and their noun: "festgenommen" / "Festnahmen" / "nahmen … fest".
  return sameFamily(query, stem) ? DERIVATION_MATCH : 0;
}

/**
 * True when a corpus stem is of the query's word family: a form of the same word (see derive.ts), or a
 * compound whose head or modifier is the family ("entschädigt" / "Opferentschädigungen",
 * "Entschädigungsfonds").
 */
export function sameFamily(query: string, stem: string): boolean {
  if (sameDerivation(query, stem)) return true;
  const root = familyHead(query);
  if (root === undefined || stem.length <= root.length) return false;
  // As a compound's head ("Opferentschädigungen"), or as its modifier ("Entschädigungsfonds").
  return stem.endsWith(root) || (stem.startsWith(root) && stem.length - root.length >= MODIFIER_REST);
}

/** Letters after a family's root that make a compound of it rather than an inflection. */
const MODIFIER_REST = 4;

/** Letters a root needs to be looked for as a compound's head: shorter ones end too many words. */
const FAMILY_HEAD = 6;

/** The root of a word without a particle, long enough to be found as a compound's head; else undefined. */
function familyHead(query: string): string | undefined {
  const d = derivation(query);
  return d && d.particle === "" && d.root.length >= FAMILY_HEAD && d.root !== query ? d.root : undefined;
}

/** Letters two spellings may differ by, given the shorter stem's length. */
function spellingBudget(shorter: number): number {
  return shorter > SHORT_SPELLING ? 2 : 1;
}

/**
 * Spells a word the way English and German transliterations of the same (often Russian) name would
 * meet: Gorbachev / Gorbatschow, Kazakh / kasach, Zhukov / Schukow. Each rewrite runs only on words that contain
 * its pattern, since the index computes this for every stem of the corpus.
 */
export function transliterationKey(word: string): string {
  let key = word;
  if (key.includes("tsch")) key = key.replace(/tsch/g, "ch");
  if (key.includes("sch") || key.includes("zh")) key = key.replace(/sch|zh/g, "sh");
  if (key.includes("kh")) key = key.replace(/kh/g, "ch");
  if (key.includes("w")) key = key.replace(/w/g, "v");
  if (key.includes("j")) key = key.replace(/j/g, "y");
  if (key.includes("z")) key = key.replace(/z/g, "s");
  return key;
}

/** Two rows of the edit-distance table, reused between calls (grown when a word is longer). */
let rows = { previous: new Int32Array(32), current: new Int32Array(32) };

/** Levenshtein distance, giving up (returning budget + 1) once it exceeds the budget. */
function editDistance(a: string, b: string, budget: number): number {
  if (rows.previous.length <= b.length) rows = { previous: new Int32Array(b.length + 1), current: new Int32Array(b.length + 1) };
  let { previous, current } = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = letter === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > budget) return budget + 1;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length]!;
}

/** The corpus vocabulary, indexed so that a query stem's matches are found without a scan. */
export interface Vocabulary {
  /**
   * The corpus stems that any of `queries` matches, each with its best {@link stemSimilarity}, in the
   * vocabulary's order: the same map a scan of every stem would give.
   */
  similar(queries: readonly string[], options?: { readonly spelling?: boolean }): Map<string, number>;
  /**
   * Whether the sources use a stem, or a compound, inflection or family member of it ({@link USED_MATCH} or
   * the same family): an expansion worth keeping. Not a shorter word it begins with ("Direktor" is not used
   * where the sources say "direkt"), nor one that only shares its first letters. Remembered.
   */
  uses(query: string): boolean;
  /** True when some stem is `prefix` or begins with it (a compound's modifier the sources use: "nacht" in "nachtverkehr"). */
  begins(prefix: string): boolean;
  /** Builds now what the first query would build on demand (the spelling index), to keep it off an asker's wait. */
  prepare(): void;
}

/** How close a corpus word must be to an expansion for the expansion to count as used by the sources. */
export const USED_MATCH = 0.8;

/**
 * Answers of `uses` remembered per vocabulary, at most this many: a question's synonyms and translations
 * recur in later questions, and each first look-up reads the vocabulary's buckets.
 */
const USES_KEPT = 100_000;

/** Query stems remembered per vocabulary; follow-up questions and citation mapping repeat them. */
const QUERY_CACHE_LIMIT = 4096;

const vocabularies = new WeakMap<object, Vocabulary>();

/**
 * The vocabulary of a corpus's postings (stem → sentences), indexed once and remembered for as long as the
 * postings live, so the first question after start-up pays for the index (tens of milliseconds at 100k
 * chunks) and every later one looks its stems up. Only the postings' keys are read.
 *
 * @example
 * vocabularyOf(stats.postings).similar(["befehl"]) // Map { "befehl" => 1, "schiessbefehl" => 0.8, … }
 */
export function vocabularyOf(postings: ReadonlyMap<string, unknown>): Vocabulary {
  let vocabulary = vocabularies.get(postings);
  if (!vocabulary) vocabularies.set(postings, (vocabulary = indexVocabulary([...postings.keys()])));
  return vocabulary;
}

/** One query stem's matches: positions in `stems`, ascending, and their similarities. */
interface StemMatches {
  readonly ordinals: readonly number[];
  readonly values: readonly number[];
}

/** The spelling index: each stem's transliteration key, filed under the pieces of the key. */
interface Spellings {
  readonly keys: readonly (string | undefined)[];
  readonly pieces: HashedLists;
}

/** Letters of a beginning that a longer one is filed under as well, for large families. */
const LONG_HEAD = 6;
/** Lengths of the stems under their first four letters: 4, 5, 6, and 7 or more. */
const LENGTH_CLASSES = [4, 5, 6, 7] as const;
/** Seeds of the kinds of key in the filing, beside the length classes of the heads (4–7). */
const TAIL = 1;
const SHORT_TAIL = 2;
const LONG = 8;

function indexVocabulary(stems: readonly string[]): Vocabulary {
  // Every rule but spelling matches stems that are the query or one of its beginnings, stems that begin
  // with a string of four letters or more (the query, its first six letters, a word family's beginning)
  // and stems that end with the query (a compound's head). So the index knows each stem's position (a Map:
  // the postings' keys already carry their hashes) and files stems by their first and last four letters
  // and by their first six: a particle verb rejoined with every word of its clause makes families of
  // thousands ("fest…" is a third of the vocabulary at 100k chunks). Under their first four letters they
  // are filed by length too, since a query of four letters matches only stems at most two longer than
  // itself that begin with it.
  const positions = new Map<string, number>();
  // Up to five keys a stem: two beginnings, its ending, its last three letters (a short compound head's),
  // and a feminine's masculine ending.
  const filing = new Filing(stems.length * 5);
  for (let i = 0; i < stems.length; i++) {
    const stem = stems[i]!;
    positions.set(stem, i);
    if (exactOnly(stem)) continue;
    const length = stem.length;
    filing.add(hashOf(stem, 0, MIN_FUZZY, Math.min(length, 7)), i);
    if (length >= LONG_HEAD) filing.add(hashOf(stem, 0, LONG_HEAD, LONG), i);
    filing.add(hashOf(stem, length - MIN_FUZZY, length, TAIL), i);
    if (length >= SHORT_HEAD + COMPOUND_MODIFIER) filing.add(hashOf(stem, length - SHORT_HEAD, length, SHORT_TAIL), i);
    // A feminine is found under its masculine's ending too, as a compound of it would be.
    const base = masculine(stem);
    if (base !== undefined && !exactOnly(base)) filing.add(hashOf(base, base.length - MIN_FUZZY, base.length, TAIL), i);
  }
  const filed = filing.file();

  let spellings: Spellings | undefined;
  const seen = new Uint32Array(stems.length);
  const tested = new Uint32Array(stems.length);
  let epoch = 0;
  const cache = new Map<string, StemMatches>();
  const used = new Map<string, boolean>();

  /**
   * `strong`: only the rules that reach {@link USED_MATCH}, and word families, are looked up (what `uses`
   * asks); not cached, since most expansions asked about are never looked for again.
   */
  const matchesOf = (query: string, spelling = true, strong = false): StemMatches => {
    const cacheKey = spelling ? query : `\u0000${query}`;
    const known = strong ? undefined : cache.get(cacheKey);
    if (known) return known;
    if (++epoch === 0xffffffff) {
      seen.fill(0);
      tested.fill(0);
      epoch = 1;
    }
    const candidates: number[] = [];
    const add = (i: number) => {
      if (seen[i] !== epoch) {
        seen[i] = epoch;
        candidates.push(i);
      }
    };
    /** Adds the stems that begin with `prefix` (four letters or more) and have at most `longest` letters. */
    const beginning = (prefix: string, longest = Infinity) => {
      const visit = (i: number) => {
        const stem = stems[i]!;
        if (stem.length <= longest && stem.startsWith(prefix)) add(i);
      };
      if (prefix.length >= LONG_HEAD) return eachIn(filed, hashOf(prefix, 0, LONG_HEAD, LONG), visit);
      for (const length of LENGTH_CLASSES) {
        if (length >= prefix.length && length <= longest) eachIn(filed, hashOf(prefix, 0, MIN_FUZZY, length), visit);
      }
    };
    // A compound with a three-letter query as its head (see shortHead): a weak match, so not for `strong`.
    if (query.length === SHORT_HEAD && !strong) eachIn(filed, hashOf(query, 0, SHORT_HEAD, SHORT_TAIL), (i) => {
      if (shortHead(query, stems[i]!)) add(i);
    });
    // The query itself, and the stems it begins with (from four letters on).
    for (let length = exactOnly(query) || strong ? query.length : MIN_FUZZY; length <= query.length; length++) {
      const i = positions.get(length === query.length ? query : query.slice(0, length));
      if (i !== undefined) add(i);
    }
    // The stems it ends with: the heads of a compound query, also one whose final "e" the stemmer kept
    // only outside the compound ("weizenklei" → "kleie", see headInCompound).
    if (!exactOnly(query) && !strong) {
      for (let from = COMPOUND_MODIFIER; from <= query.length - MIN_FUZZY; from++) {
        const tail = query.slice(from);
        for (const head of [tail, `${tail}e`]) {
          const i = positions.get(head);
          if (i !== undefined) add(i);
        }
      }
    }
    // A feminine query's masculine, and the compounds ending in it.
    const male = masculine(query);
    if (male !== undefined) {
      const i = positions.get(male);
      if (i !== undefined) add(i);
      if (!exactOnly(male)) {
        eachIn(filed, hashOf(male, male.length - MIN_FUZZY, male.length, TAIL), (i) => {
          const stem = stems[i]!;
          if (stem.endsWith(male) || masculine(stem)?.endsWith(male) === true) add(i);
        });
      }
    }
    if (!exactOnly(query)) {
      // A compound whose head is the query's word family.
      const root = familyHead(query);
      if (root !== undefined) {
        eachIn(filed, hashOf(root, root.length - MIN_FUZZY, root.length, TAIL), (i) => {
          if (stems[i]!.endsWith(root)) add(i);
        });
      }
      // A compound whose stem lost the ending the query's head kept ("kleie" → "weizenklei").
      const head = headInCompound(query);
      if (head !== undefined) {
        eachIn(filed, hashOf(head, head.length - MIN_FUZZY, head.length, TAIL), (i) => {
          if (stems[i]!.endsWith(head)) add(i);
        });
      }
      // A compound with the query as its head, or the feminine of one.
      // `strong` takes only the compounds whose head match reaches USED_MATCH: a suffix ("-schaft") or a
      // short head after a particle ends thousands of stems, and their families are found by their beginnings.
      eachIn(filed, hashOf(query, query.length - MIN_FUZZY, query.length, TAIL), (i) => {
        const stem = stems[i]!;
        const compound = stem.length > query.length && stem.endsWith(query);
        if (strong && compound && (withinSuffix(query, stem) || headMatch(query.length, stem.length - query.length) < USED_MATCH)) return;
        if (compound || masculine(stem)?.endsWith(query) === true) add(i);
      });
      // Stems that begin with the query (at most two letters longer than a query of four), or share its
      // first six letters.
      // (A longer one, or one sharing six letters, is a weaker match: found by `strong` only as a family member.)
      beginning(query, query.length > MIN_FUZZY && !strong ? Infinity : query.length + 2);
      if (query.length >= SHARED_PREFIX && !strong) beginning(query.slice(0, SHARED_PREFIX));
      // The same word family: its members begin with particle, marker and root. (A beginning shorter than
      // four letters is a root of three without a particle, which sameDerivation does not accept.)
      const family = derivation(query);
      if (family) for (const prefix of derivationPrefixes(family)) if (prefix.length >= MIN_FUZZY) beginning(prefix);
      // And those of a noun the stemmer cut before "-est" ("prot" → "protestiert"), which its root does not show.
      const uncut = uncutEst(query);
      if (uncut !== undefined) beginning(uncut);
      // A weak verb's participle ("such" → "gesucht", "gemeldet"), and a participle's verb (see derive.ts).
      const participleOf = query.startsWith("ge") ? [query.slice(2, -1), ...(query.endsWith("et") ? [query.slice(2, -2)] : [])] : [];
      for (const form of [`ge${query}t`, `ge${query}et`, ...participleOf]) {
        const i = positions.get(form);
        if (i !== undefined) add(i);
      }
      // Stems spelled alike, each tested once although several of its pieces may occur in the query.
      if (spelling && query.length >= MIN_SPELLING) {
        const index = (spellings ??= indexSpellings(stems));
        const key = transliterationKey(query);
        const near = withinEdits(key);
        spellingCandidates(key, query.length, index, (i) => {
          if (seen[i] === epoch || tested[i] === epoch) return;
          tested[i] = epoch;
          if (spelledAlike(query, near, stems[i]!, index.keys[i]!)) add(i);
        }, strong);
      }
    }
    // The look-ups above only narrow the vocabulary down; the similarity itself is stemSimilarity's.
    candidates.sort((a, b) => a - b);
    const ordinals: number[] = [];
    const values: number[] = [];
    for (const i of candidates) {
      const value = stemSimilarity(query, stems[i]!);
      if (value > 0) {
        ordinals.push(i);
        values.push(value);
      }
    }
    const matches = { ordinals, values };
    if (strong) return matches;
    if (cache.size >= QUERY_CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, matches);
    return matches;
  };

  return {
    prepare() {
      spellings ??= indexSpellings(stems);
    },
    uses(query) {
      if (positions.has(query)) return true;
      let known = used.get(query);
      if (known === undefined) {
        const { ordinals, values } = matchesOf(query, true, true);
        known = ordinals.some((i, k) => (values[k]! >= USED_MATCH && !query.startsWith(stems[i]!)) || sameFamily(query, stems[i]!));
        if (used.size >= USES_KEPT) used.clear();
        used.set(query, known);
      }
      return known;
    },
    begins(prefix) {
      if (positions.has(prefix)) return true;
      if (exactOnly(prefix)) return false;
      let found = false;
      const visit = (i: number) => {
        if (!found && stems[i]!.startsWith(prefix)) found = true;
      };
      if (prefix.length >= LONG_HEAD) eachIn(filed, hashOf(prefix, 0, LONG_HEAD, LONG), visit);
      else for (const length of LENGTH_CLASSES) if (length >= prefix.length) eachIn(filed, hashOf(prefix, 0, MIN_FUZZY, length), visit);
      return found;
    },
    similar(queries, options = {}) {
      const spelling = options.spelling ?? true;
      const similar = new Map<string, number>();
      if (queries.length === 1) {
        const { ordinals, values } = matchesOf(queries[0]!, spelling);
        for (let k = 0; k < ordinals.length; k++) similar.set(stems[ordinals[k]!]!, values[k]!);
        return similar;
      }
      const best = new Map<number, number>();
      for (const query of queries) {
        const { ordinals, values } = matchesOf(query, spelling);
        for (let k = 0; k < ordinals.length; k++) {
          const i = ordinals[k]!;
          best.set(i, Math.max(best.get(i) ?? 0, values[k]!));
        }
      }
      for (const i of [...best.keys()].sort((a, b) => a - b)) similar.set(stems[i]!, best.get(i)!);
      return similar;
    },
  };
}

/**
 * Spelling matches are within one or two edits of each other's transliteration key. Cut a key into
 * (edits + 1) pieces and one piece comes through the edits unchanged, shifted by at most that many letters
 * (the pigeonhole principle), so each stem is filed under the pieces of its key. Stems of 5–7 letters
 * allow one edit with any query (two pieces), longer ones two (three pieces). (A key too short for its
 * pieces has empty ones, found wherever they are looked for.) Built on the first query that needs it.
 */
function indexSpellings(stems: readonly string[]): Spellings {
  const keys: (string | undefined)[] = new Array<string | undefined>(stems.length);
  const filing = new Filing(stems.length * 3);
  for (let i = 0; i < stems.length; i++) {
    const stem = stems[i]!;
    if (stem.length < MIN_SPELLING || exactOnly(stem)) continue;
    const key = transliterationKey(stem);
    keys[i] = key;
    const parts = stem.length > SHORT_SPELLING ? 3 : 2;
    for (let part = 0; part < parts; part++) {
      const from = Math.floor((part * key.length) / parts);
      const to = Math.floor(((part + 1) * key.length) / parts);
      filing.add(hashOf(key, from, to, pieceSeed(parts, key.length, part)), i);
    }
  }
  return { keys, pieces: filing.file() };
}

/** Tells apart the pieces of different key lengths and positions that are the same letters. */
function pieceSeed(parts: number, length: number, part: number): number {
  return (length * 4 + parts) * 4 + part + 1;
}

/**
 * Calls `visit` with every stem filed under a piece that occurs in the query's key at most as many letters
 * from where it stands in the stem's key as the spelling budget allows (some more than once): all stems
 * {@link spelledAlike} can accept, and others.
 */
function spellingCandidates(key: string, queryLength: number, spellings: Spellings, visit: (i: number) => void, strong = false): void {
  const probe = (parts: number, edits: number) => {
    for (let length = Math.max(0, key.length - edits); length <= key.length + edits; length++) {
      for (let part = 0; part < parts; part++) {
        const from = Math.floor((part * length) / parts);
        const size = Math.floor(((part + 1) * length) / parts) - from;
        const seed = pieceSeed(parts, length, part);
        for (let shift = -edits; shift <= edits; shift++) {
          const start = from + shift;
          if (start >= 0 && start + size <= key.length) eachIn(spellings.pieces, hashOf(key, start, start + size, seed), visit);
        }
      }
    }
  };
  // Stem lengths differ by two at most; the budget is one edit unless both have eight letters or more.
  if (queryLength <= SHORT_SPELLING + 2) probe(2, 1);
  if (queryLength < SHORT_SPELLING - 1) return;
  if (queryLength <= SHORT_SPELLING) probe(3, 1);
  // Only the matches that reach USED_MATCH (`strong`, see spelledSimilarity): two edits make less, so
  // there a stem counts only when its key is the query's, and then its first piece is the query's first.
  else if (strong) eachIn(spellings.pieces, hashOf(key, 0, Math.floor(key.length / 3), pieceSeed(3, key.length, 0)), visit);
  else probe(3, 2);
}

/** stemSimilarity's spelling rule, given both transliteration keys; `near` is {@link withinEdits} of the query's key. */
function spelledAlike(query: string, near: (other: string, budget: number) => boolean, stem: string, stemKey: string): boolean {
  const shorter = Math.min(query.length, stem.length);
  if (shorter < MIN_SPELLING || Math.abs(query.length - stem.length) > 2) return false;
  return near(stemKey, spellingBudget(shorter));
}

/**
 * Whether other words are within `budget` edits of `word`: the decision `editDistance(word, other,
 * budget) <= budget` makes, by Myers' bit-parallel algorithm (as fastest-levenshtein writes it) for a
 * word of up to 32 letters. The spelling index tests a few hundred stems against each query's key, and
 * a word of bits per letter of the other word is far cheaper than a row of the table. Pure.
 */
export function withinEdits(word: string): (other: string, budget: number) => boolean {
  const n = word.length;
  if (n === 0 || n > 32) return (other, budget) => editDistance(word, other, budget) <= budget;
  // Bit i of a letter's mask: the word's letter i is that letter.
  const masks = new Map<number, number>();
  for (let i = 0; i < n; i++) masks.set(word.charCodeAt(i), (masks.get(word.charCodeAt(i)) ?? 0) | (1 << i));
  const last = 1 << (n - 1);
  return (other, budget) => {
    if (Math.abs(other.length - n) > budget) return false;
    let pv = -1;
    let mv = 0;
    let score = n;
    for (let j = 0; j < other.length; j++) {
      let eq = masks.get(other.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      eq |= ((eq & pv) + pv) ^ pv;
      mv |= ~(eq | pv);
      pv &= eq;
      if (mv & last) score++;
      if (pv & last) score--;
      mv = (mv << 1) | 1;
      pv = (pv << 1) | ~(xv | mv);
      mv &= xv;
    }
    return score <= budget;
  };
}

/**
 * Ordinals filed under hashes of their keys in two flat arrays, a bucket per hash's low bits: far
 * cheaper to build than a Map of 100 000 string keys, which cost the first question hundreds of
 * milliseconds. Different keys can share a bucket, so every look-up checks what it finds.
 */
interface HashedLists {
  readonly mask: number;
  /** Bucket b holds `items[offsets[b]]` up to `items[offsets[b + 1]]`. */
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/** Collects (hash, ordinal) pairs, then files them by bucket with a counting sort. */
class Filing {
  private readonly hashes: Int32Array;
  private readonly ordinals: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.hashes = new Int32Array(capacity);
    this.ordinals = new Int32Array(capacity);
  }

  add(hash: number, ordinal: number): void {
    this.hashes[this.count] = hash;
    this.ordinals[this.count++] = ordinal;
  }

  file(): HashedLists {
    const buckets = 2 ** Math.max(4, Math.ceil(Math.log2(this.count + 1)));
    const mask = buckets - 1;
    const offsets = new Int32Array(buckets + 1);
    for (let k = 0; k < this.count; k++) offsets[(this.hashes[k]! & mask) + 1]!++;
    for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
    const next = offsets.slice(0, buckets);
    const items = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) items[next[this.hashes[k]! & mask]!++] = this.ordinals[k]!;
    return { mask, offsets, items };
  }
}

function eachIn(lists: HashedLists, hash: number, visit: (i: number) => void): void {
  const bucket = hash & lists.mask;
  const end = lists.offsets[bucket + 1]!;
  for (let k = lists.offsets[bucket]!; k < end; k++) visit(lists.items[k]!);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the letters `from` to `to` of `text`, then {@link mix}ed with `seed`. */
function hashOf(text: string, from: number, to: number, seed: number): number {
  let state = FNV_OFFSET;
  for (let k = from; k < to; k++) state = Math.imul(state ^ text.charCodeAt(k), FNV_PRIME);
  return mix(state, seed);
}

/** Sets apart the kinds of key filed together and spreads the low bits, which pick the bucket. */
function mix(state: number, seed: number): number {
  let hash = state ^ Math.imul(seed + 1, 0x9e3779b1);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash & 0x3fffffff;
}

/**
 * How a word spells the letters of `stem` that the stemmer folded, when they have an umlaut: "gründen",
 * "grund" → "gründ"; null when the word spells them without one ("Grund"); undefined when the word's
 * folded spelling does not contain the stem (a strong verb's other vowel). Pure German orthography.
 */
export function umlautSpelling(word: string, stem: string): string | null | undefined {
  const lower = word.toLowerCase();
  // Where each folded letter came from: "ß" folds to two letters.
  let folded = "";
  const from: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    for (const letter of fold(lower[i]!)) {
      folded += letter;
      from.push(i);
    }
  }
  const at = folded.indexOf(stem);
  if (at < 0 || stem.length === 0) return undefined;
  const spelt = lower.slice(from[at]!, from[at + stem.length - 1]! + 1);
  return /[äöü]/u.test(spelt) ? spelt : null;
}
