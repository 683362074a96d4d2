/**
 * Parses the Ding German–English dictionary (Debian trans-de-en) into what citebot uses: English keys of up
 * to three words with their German translations in a useful order, English inflected forms that Ding
 * spells out ("struck" → strike, "countries" → country), and German nouns, verbs and adjectives with the
 * forms Ding lists. Pure functions over the file's text, so they are tested on a few synthetic lines.
 *
 * A Ding line is `German parts :: English parts`; the sides have the same number of ` | `-separated
 * parts, aligned by position. Part 0 is the headword; the next parts are often its inflections (plural,
 * participles, finite forms, comparison), the rest are phrases and examples. Within a part, `; `
 * separates alternatives. Annotations ({m} {pl} {vt}, [pol.] [coll.], (explanations), <variants>, /ABBR/)
 * are stripped from the text and read as tags.
 */
import { fold } from "../../ingest/keyword.js";
import { PARTICLES_LONGEST_FIRST } from "../../ingest/sentences.js";
import { WORD_TRANSLATIONS } from "../refs.js";

export type DingPos = "noun" | "verb" | "adj";

/** One alternative of a part, stripped of its annotations. */
export interface DingAlternative {
  readonly text: string;
  /** Contents of {…}: gender and part of speech on the German side, irregular forms on the English side. */
  readonly braces: readonly string[];
  /** Contents of […]: subject fields, register, region. */
  readonly labels: readonly string[];
  /** Whether (…) narrowed or explained the alternative. */
  readonly explained: boolean;
}

/** A German translation candidate of an English key, with the facts its rank is computed from. */
export interface Candidate {
  readonly german: string;
  readonly score: number;
  /** Position of the Ding line, to keep equal scores in file order. */
  readonly line: number;
  readonly order: number;
}

/**
 * The words of one aligned part of a Ding line (headword or phrase, not an inflection), each alternative's
 * words on its own, annotations and placeholders removed; English lower-cased. Only used to count how often
 * Ding pairs an English key with a German translation (see {@link orderTranslations}).
 */
export interface PartWords {
  readonly english: readonly (readonly string[])[];
  readonly german: readonly (readonly string[])[];
}

/**
 * A translation of an English key. Tier 0: the key is a whole English alternative of the entry; tier 1:
 * the key is the head of a short English phrase ("strike" in "general strike" → Generalstreik).
 */
export interface Translated {
  readonly german: string;
  readonly tier: 0 | 1;
}

/** Everything citebot takes from Ding. */
export interface DingData {
  /** English key → German translations, best first, deduplicated, capped. */
  readonly translations: Map<string, Translated[]>;
  /** English inflected form → its base forms, as Ding's own entries give them. */
  readonly englishForms: Map<string, string[]>;
  /** German lemma + pos → the forms Ding lists for it (including the lemma). */
  readonly germanLemmas: Map<string, { lemma: string; pos: DingPos; forms: Set<string> }>;
  /** Every single German word Ding uses as an alternative (any part of speech). */
  readonly germanWords: Set<string>;
  /** German names of places, mountains, rivers and regions ("München", "Zugspitze", "Rhein"): see {@link namesGeography}. */
  readonly geographicNames: Set<string>;
  /** The English names of those ("Munich", "Venice", "Rhine"), as Ding spells them. */
  readonly englishGeographicNames: Set<string>;
  /** Capitalised German headwords of other lines whose English is a common word ("Halle" → hall, "Zugspitze" → head of the train). */
  readonly commonNouns: Set<string>;
  /**
   * The reverse dictionary: each German translation → its English keys (whole entries only, not phrase
   * heads), in Ding's order (the order {@link orderTranslations} computes back-ranks from). Used to find
   * German words that share an English translation (src/lexicon/compile/pivots.ts).
   */
  readonly germanToEnglish: Map<string, string[]>;
}

export interface DingOptions {
  /** Translations kept per single-word English key (by default as many as the lexicon returns, WORD_TRANSLATIONS). */
  readonly maxTranslations: number;
  /** Translations kept per English phrase (they rarely have more, and the file stays small). */
  readonly maxPhraseTranslations: number;
  /** Longest English key, in words. */
  readonly maxEnglishWords: number;
  /** Longest German translation, in words. */
  readonly maxGermanWords: number;
}

export const DEFAULT_DING_OPTIONS: DingOptions = { maxTranslations: WORD_TRANSLATIONS, maxPhraseTranslations: 4, maxEnglishWords: 3, maxGermanWords: 4 };

// Subject fields and registers that make a sense unlikely in general news text. News fields (pol., econ.,
// adm., jur., mil., fin., soc., transp., sport, geogr., hist., med., meteo.: weather is daily news) are not penalised.
const RARE_LABELS = new Set([
  "agr.", "anat.", "arch.", "astron.", "audio", "aviat.", "biochem.", "biol.", "bot.", "chem.", "comp.", "constr.", "cook.",
  "electr.", "entom.", "envir.", "geol.", "her.", "ichth.", "ling.", "lit.", "mach.", "math.", "min.", "mus.",
  "naut.", "ornith.", "pharm.", "philat.", "phil.", "phys.", "photo.", "print", "psych.", "statist.", "techn.", "telco.",
  "textil.", "zool.", "mil. hist.", "relig.", "art", "acad.", "auto", "biotech.", "gastr.", "geom.", "humor.",
  "coll.", "ugs.", "slang", "vulg.", "obs.", "veraltet", "rare", "selten", "dated", "archaic", "poet.", "pej.", "euphem.",
  "Ös.", "Schw.", "Süddt.", "Norddt.", "Bayr.", "BW", "Mitteldt.", "Westdt.", "Ostdt.", "Lux.", "Südtirol", "Tirol",
  "regional", "Sächs.", "Schwäb.", "Ostös.", "Westös.", "Vorarlberg", "Liechtenstein", "Austr.", "Sc.", "Ir.", "NZ", "Can.",
  "childr.", "Kindersprache", "sl.", "übtr. veraltet", "jur. veraltet",
]);

// Added to the score of a phrase's translation when it is a candidate of the phrase's head word.
const PHRASE_HEAD = 100;

const ABBREVIATION = /(^|\s)\/[^\s/|][^/|]*\/(?=\s|;|$)/g;

const ENGLISH_FUNCTION_WORDS = new Set(["a", "an", "the", "of", "to", "on", "in", "at", "for", "and", "or", "with", "by", "from", "as", "into", "be", "not", "no"]);

/** Splits at `separator` outside brackets of any kind. */
export function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    else if ((c === ")" || c === "]" || c === "}" || c === ">") && depth > 0) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      out.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Strips Ding's annotations from one alternative and returns them as tags. */
export function parseAlternative(raw: string): DingAlternative {
  const braces: string[] = [];
  const labels: string[] = [];
  let explained = false;
  let text = "";
  let depth = 0;
  let opener = "";
  let inner = "";
  for (const c of raw) {
    if (depth === 0 && (c === "(" || c === "[" || c === "{" || c === "<")) {
      depth = 1;
      opener = c;
      inner = "";
      text += " ";
    } else if (depth > 0) {
      if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
      else if (c === ")" || c === "]" || c === "}" || c === ">") depth--;
      if (depth > 0) inner += c;
      else if (opener === "{") braces.push(inner.trim());
      else if (opener === "[") labels.push(inner.trim());
      else if (opener === "(") explained = true;
    } else text += c;
  }
  text = text.replace(ABBREVIATION, " ");
  return { text: text.replace(/\s+/g, " ").trim(), braces, labels, explained };
}

const ENGLISH_PLACEHOLDERS = /(^|\s)(sb\.\/sth\.|sth\.\/sb\.|sb\.'s|sth\.'s|sb\.|sth\.|one's|oneself|yourself|your|someone's)(?=\s|$)/g;

/** The lookup key of an English alternative: lower case, without "to " and placeholders; undefined when it is no usable key. */
export function englishKey(text: string, maxWords = DEFAULT_DING_OPTIONS.maxEnglishWords): string | undefined {
  let t = text.replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, " ").trim();
  t = t.replace(/^to /, "");
  t = t.replace(ENGLISH_PLACEHOLDERS, " ").replace(/\s+/g, " ").trim();
  t = t.replace(/[,;:]+$/, "").trim();
  // Letters, digits, spaces, hyphens, apostrophes and inner dots ("u.s.") only: no sentences, formulas or gaps.
  if (!/^[\p{L}\p{N}][\p{L}\p{N}' .-]*$/u.test(t) || t.endsWith(".")) return undefined;
  const words = t.split(" ");
  if (words.length > maxWords) return undefined;
  return t;
}

// A preposition right before a placeholder governs it ("jdn. für etw. entschädigen"): without its object it
// says nothing, and a translation "für entschädigen" would ask the sources for "für" beside the verb.
const GERMAN_PLACEHOLDERS =
  /(^|\s)(?:(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|vor|wegen|zu|zwischen)\s+)?((jd[nms]?|etw)\.)(\/(jd[nms]?|etw)\.)*(?=\s|$)/g;

/** A German alternative as citebot returns it; undefined when it is a sentence or too long. */
export function germanValue(text: string, maxWords = DEFAULT_DING_OPTIONS.maxGermanWords): string | undefined {
  const t = text.replace(GERMAN_PLACEHOLDERS, " ").replace(/\s+/g, " ").trim();
  // Unicode letters: an ASCII \W would take the umlaut of "Übernachtung" for a mark and drop the word.
  if (t === "" || /[?!:;"„“]|\.\.\.|\.$|^[^\p{L}\p{N}]/u.test(t)) return undefined;
  if (t.split(" ").length > maxWords) return undefined;
  return t;
}

/** Expands one slashed word ("durchführen/abhalten") into alternatives; more than one gives none. */
export function expandSlash(text: string): string[] {
  const words = text.split(" ");
  const slashed = words.filter((w) => /^[^/]+(\/[^/]+)+$/.test(w));
  if (slashed.length === 0) return [text];
  if (slashed.length > 1 || words.some((w) => w.startsWith("/") || w.endsWith("/"))) return [];
  const at = words.findIndex((w) => w.includes("/"));
  return words[at]!.split("/").map((option) => [...words.slice(0, at), option, ...words.slice(at + 1)].join(" "));
}

function germanPos(braces: readonly string[]): DingPos | undefined {
  for (const brace of braces) {
    const tags = brace.split(/[,;]\s*/);
    if (tags.some((t) => t === "m" || t === "f" || t === "n" || t === "pl")) return "noun";
    if (tags.some((t) => t === "vt" || t === "vi" || t === "vr" || t === "v")) return "verb";
    if (tags.includes("adj")) return "adj";
  }
  return undefined;
}

const ENGLISH_PRONOUN = /^(i\/he\/she\/it|i\/he\/she|he\/she\/it|he\/she|i|you|we|they|it|she|he) /;
const GERMAN_PRONOUN = /^(ich\/er\/sie\/es|ich\/er\/sie|er\/sie\/es|er\/sie|ich|du|wir|ihr|sie|es) /;

function isSingleWord(text: string): boolean {
  return /^[\p{L}'’-]+$/u.test(text);
}

interface Part {
  readonly german: DingAlternative[];
  readonly english: DingAlternative[];
}

/**
 * Whether part `index` of a line lists an inflection of the headword (a plural, a participle, a finite
 * form, a comparison) rather than a phrase: those forms are not keys of their own, the English lemmatiser
 * maps them to the headword instead.
 */
function isInflectionPart(part: Part, index: number, pos: DingPos | undefined, head: Part): boolean {
  if (index === 0 || pos === undefined || part.english.length === 0) return false;
  const german = part.german.map((a) => a.text.replace(GERMAN_PRONOUN, ""));
  // Nouns: the German side says it ("Streiks {pl}"), whatever the English side ("strikes; stoppages of work").
  if (pos === "noun") return part.german.length > 0 && part.german.every((a) => a.braces.includes("pl"));
  const english = part.english.map((a) => a.text.toLowerCase().replace(ENGLISH_PRONOUN, ""));
  if (pos === "verb") {
    // "arresting; bringing to a standstill" inflects "to arrest; to bring to a standstill": all but the first word agree.
    const tails = new Set(head.english.map((a) => tail(a.text.toLowerCase().replace(/^to /, ""))));
    return index <= 6 && english.every((e) => tails.has(tail(e))) && german.every((g) => g.split(" ").length <= 4);
  }
  return index <= 2 && english.every(isSingleWord) && german.every((g) => isSingleWord(g.replace(/^am /, "")));
}

function tail(text: string): string {
  const space = text.indexOf(" ");
  return space < 0 ? "" : text.slice(space + 1);
}

function labelPenalty(labels: readonly string[]): number {
  return labels.some((l) => l.split(/\s*[,;]\s*/).some((x) => RARE_LABELS.has(x))) ? 1 : 0;
}

/**
 * Whether a form of an inflection part can be a form of its headword. German inflects at a word's end: a
 * plural or a comparative keeps its headword's beginning but for the last two letters, umlaut aside
 * ("Ärzte" / "Arzt", "Themen" / "Thema", "dunkler" / "dunkel"), and a verb form keeps the first letter
 * of its root after the particle and "ge" ("sprang", "gesprungen" / "springen"), or a vowel for a vowel
 * ("aß" / "essen"). Ding's parts also hold other words with the same English ("Regelwerk | Regeln ::
 * rulebook | rulebook", "anfechtbar | unanfechtbar", "ausbeuten | … | ausgebeutet; ausgenutzt"), which are
 * no forms of it.
 */
function inflects(form: string, head: string, pos: DingPos): boolean {
  const f = fold(form);
  const h = fold(head);
  if (pos !== "verb") {
    // A compound in "-mann" has its plural in "-leute" ("Kaufleute"), as the word "Mann" has none.
    if (h.endsWith("mann") && f === `${h.slice(0, -4)}leute`) return true;
    return sharedLength(f, h) >= Math.max(2, h.length - INFLECTED_END);
  }
  // A particle is followed by a verb of its own ("frei" in "freilassen", not in "freien").
  const particle = PARTICLES_LONGEST_FIRST.find((p) => f.startsWith(p) && h.startsWith(p) && h.length - p.length >= MIN_VERB) ?? "";
  let root = f.slice(particle.length);
  const headRoot = h.slice(particle.length);
  const marker = /^(ge|zu)/.exec(root)?.[1];
  if (marker !== undefined && !headRoot.startsWith(marker)) root = root.slice(marker.length);
  // Ablaut may change a root's first letter only when it is a vowel ("aß" / "essen").
  const vowel = (c: string | undefined) => c !== undefined && "aeiouy".includes(c);
  return root !== "" && (root[0] === headRoot[0] || (vowel(root[0]) && vowel(headRoot[0])));
}

/** Ding's part-of-speech tags, which its braces hold beside irregular forms ("green {adj}", "to sing {sang; sung}"). */
const ENGLISH_TAGS: ReadonlySet<string> = new Set(["adj", "adv", "n", "pl", "vi", "vt", "vr", "prp", "conj", "num", "pron", "art", "interj", "sing"]);

/**
 * Whether an English form in an inflection part can be a form of a headword: English inflects at a word's
 * end, an irregular form changes its middle ("sang" / "sing", "caught" / "catch"), so a form keeps the
 * headword's beginning but for its last three letters. A part that does not align with the headwords may
 * also hold another word with the same German ("mourned" beside "grieved").
 */
function englishInflects(form: string, lemma: string): boolean {
  return sharedLength(form, lemma) >= Math.max(1, lemma.length - ENGLISH_CHANGED_END);
}

/** Letters at the end of an English word that its irregular forms may change ("catch" / "caught"). */
const ENGLISH_CHANGED_END = 3;

/** How many letters two words share at their beginning. */
function sharedLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Letters of the shortest verb after a particle ("tun" in "antun"). */
const MIN_VERB = 3;
/** Letters at the end of a noun or adjective that its forms may change ("Thema" / "Themen"). */
const INFLECTED_END = 2;

/**
 * The headword a German noun form belongs to: German nouns inflect at their end, so a plural begins as its
 * singular does, umlaut aside ("Ärzte" / "Arzt"). Where Ding's plurals do not align with the headwords one
 * by one, a plural may be another alternative's ("Kerl; Kumpel | Kerle; Kumpels; Leute"): each goes to the
 * headword it can be a form of (see {@link inflects}) that it shares the longest beginning with, and one
 * that is no form of any ("Leute") to none.
 */
function nounOf(form: string, heads: readonly DingAlternative[]): DingAlternative | undefined {
  const folded = fold(form);
  let best: DingAlternative | undefined;
  let bestLength = 1;
  for (const head of heads) {
    if (!inflects(form, head.text, "noun")) continue;
    const n = sharedLength(folded, fold(head.text));
    if (n > bestLength) [best, bestLength] = [head, n];
  }
  return best;
}

/** Parses the whole Ding file. Deterministic: the same text gives the same maps in the same order. */
export function parseDing(text: string, options: DingOptions = DEFAULT_DING_OPTIONS): DingData {
  const candidates = new Map<string, Candidate[]>();
  const englishForms = new Map<string, string[]>();
  const germanLemmas = new Map<string, { lemma: string; pos: DingPos; forms: Set<string> }>();
  const germanWords = new Set<string>();
  const geographicNames = new Set<string>();
  const englishGeographicNames = new Set<string>();
  const commonNouns = new Set<string>();
  const partWords: PartWords[] = [];

  const addCandidate = (key: string, candidate: Candidate): void => {
    const list = candidates.get(key);
    if (list) list.push(candidate);
    else candidates.set(key, [candidate]);
  };
  const addForm = (form: string, lemma: string): void => {
    if (form === lemma) return;
    const list = englishForms.get(form);
    if (!list) englishForms.set(form, [lemma]);
    else if (!list.includes(lemma)) list.push(lemma);
  };
  const addGerman = (lemma: string, pos: DingPos, form: string): void => {
    const id = `${lemma}\t${pos}`;
    const entry = germanLemmas.get(id) ?? { lemma, pos, forms: new Set([lemma]) };
    entry.forms.add(form);
    germanLemmas.set(id, entry);
  };

  const lines = text.split("\n");
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!.trim();
    if (line === "" || line.startsWith("#")) continue;
    const sides = line.split(" :: ");
    if (sides.length !== 2) continue;
    // Abbreviations such as "government /Gov.; Govt./" go first: they may hold the separators.
    const [germanSide, englishSide] = sides.map((side) => side.replace(ABBREVIATION, " "));
    const germanParts = splitTopLevel(germanSide!, " | ");
    const englishParts = splitTopLevel(englishSide!, " | ");
    if (germanParts.length !== englishParts.length) continue;
    const parts: Part[] = germanParts.map((g, i) => ({
      german: splitTopLevel(g, "; ").map(parseAlternative).filter((a) => a.text !== ""),
      english: splitTopLevel(englishParts[i]!, "; ").map(parseAlternative).filter((a) => a.text !== ""),
    }));
    const head = parts[0]!;
    // Whether a part's alternatives on one side match the headwords one by one.
    const aligned = (part: Part, side: "german" | "english") => part[side].length === head[side].length;
    const headPos = head.german.map((a) => germanPos(a.braces)).find((p) => p !== undefined);
    const inflection = parts.map((part, i) => isInflectionPart(part, i, headPos, head));
    // Entries with many phrases are the common senses (Ding has no frequencies); inflections do not count,
    // or every verb would outrank its noun.
    const richness = Math.min(inflection.filter((x) => !x).length, 24);

    const geographic = namesGeography(parts);
    const common = !geographic && head.english.some((a) => /^\p{Ll}/u.test(a.text));
    if (geographic) for (const alt of head.english) if (CAPITALISED_WORD.test(alt.text)) englishGeographicNames.add(alt.text);
    for (const alt of head.german) {
      if (!CAPITALISED_WORD.test(alt.text)) continue;
      if (geographic) geographicNames.add(alt.text);
      else if (common) commonNouns.add(alt.text);
    }
    for (const alt of head.german) {
      const pos = germanPos(alt.braces);
      if (isSingleWord(alt.text)) {
        germanWords.add(alt.text);
        if (pos === "noun" && /^\p{Lu}/u.test(alt.text) && !alt.braces.includes("pl")) addGerman(alt.text, "noun", alt.text);
        if (pos === "adj" && /^\p{Ll}/u.test(alt.text)) addGerman(alt.text, "adj", alt.text);
        if (pos === "verb" && /^\p{Ll}.*n$/u.test(alt.text)) addGerman(alt.text, "verb", alt.text);
      }
    }
    // Irregular English forms given in braces: "to run {ran; run}".
    for (const alt of head.english) {
      const lemma = englishKey(alt.text, 1);
      if (lemma === undefined) continue;
      for (const brace of alt.braces) {
        for (const form of brace.split(/[;,]\s*/)) {
          const f = form.trim().toLowerCase();
          // Braces also hold Ding's part-of-speech tags ("green {adj}"), which are no forms.
          if (isSingleWord(f) && !ENGLISH_TAGS.has(f)) addForm(f, lemma);
        }
      }
    }

    parts.forEach((part, partIndex) => {
      for (const alt of part.german) if (isSingleWord(alt.text)) germanWords.add(alt.text);
      if (inflection[partIndex]) {
        part.english.forEach((alt, j) => {
          const form = englishKey(alt.text.toLowerCase().replace(ENGLISH_PRONOUN, ""), 1);
          if (!form) return;
          // Aligned one by one with the headwords, a form is its headword's, however irregular ("good |
          // better"); otherwise ("to lag; to trail | … | lagged; trailed; trailed behind") the headword's
          // it begins as, if any.
          const lemma = aligned(part, "english")
            ? englishKey(head.english[j]!.text, 1)
            : head.english
                .flatMap((h) => englishKey(h.text, 1) ?? [])
                .filter((l) => englishInflects(form, l))
                .sort((a, b) => sharedLength(form, b) - sharedLength(form, a))[0];
          if (lemma === undefined) return;
          // Noun plurals are checked by their first letter: Ding aligns "countries; states" with "country; nation".
          if (headPos === "noun" && form[0] !== lemma[0]) return;
          addForm(form, lemma);
        });
        // An adjective's comparison, its superlative with "am", is its own however irregular ("gut | besser
        // | am besten"): a line of that shape holds no other word in those parts.
        const germanAligned = aligned(part, "german");
        const compared = headPos === "adj" && partIndex <= 2 && germanAligned && parts[2]?.german.every((a) => a.text.startsWith("am ")) === true;
        part.german.forEach((alt, k) => {
          const form = alt.text.replace(GERMAN_PRONOUN, "").replace(/^am /, "");
          const headAlt = headPos === "noun" ? nounOf(form, germanAligned ? [head.german[k]!] : head.german) : head.german[germanAligned ? k : 0];
          if (headAlt && headPos && isSingleWord(headAlt.text) && isSingleWord(form) && germanPos(headAlt.braces) === headPos && (compared || inflects(form, headAlt.text, headPos))) {
            addGerman(headAlt.text, headPos, form);
          }
        });
        return;
      }
      partWords.push({ english: part.english.map((a) => englishTokens(a.text)), german: part.german.map((a) => germanTokens(a.text)) });
      const partLabels = [...part.german, ...part.english].flatMap((a) => a.labels);
      part.english.forEach((englishAlt, j) => {
        for (const englishText of expandSlash(englishAlt.text)) {
          const key = englishKey(englishText, options.maxEnglishWords);
          if (key === undefined) continue;
          const words = key.split(" ");
          const heads = words.length === 1 ? [] : [words[0]!, words[words.length - 1]!].filter((w, i, all) => !ENGLISH_FUNCTION_WORDS.has(w) && all.indexOf(w) === i);
          part.german.forEach((germanAlt, k) => {
            for (const germanText of expandSlash(germanAlt.text)) {
              const german = germanValue(germanText, options.maxGermanWords);
              if (german === undefined) continue;
              const score =
                (partIndex > 0 ? 10 : 0) +
                3 * labelPenalty([...partLabels, ...germanAlt.labels, ...englishAlt.labels]) +
                (german.includes(" ") ? 2 : 0) +
                (englishAlt.explained ? 1 : 0) +
                0.5 * Math.min(j, 4) +
                0.3 * Math.min(k, 6) -
                0.15 * richness;
              const order = partIndex * 1000 + j * 50 + k;
              addCandidate(key, { german, score, line: lineIndex, order });
              // The key is also a candidate of its head words ("general strike" for "strike"), after every exact entry.
              for (const headWord of heads) addCandidate(headWord, { german, score: score + PHRASE_HEAD, line: lineIndex, order });
            }
          });
        }
      });
    });
  }

  const { translations, reverse } = orderAll(candidates, partWords, options);
  const germanToEnglish = new Map([...reverse].map(([german, keys]) => [german, keys.map((k) => k.key)]));
  return { translations, englishForms, germanLemmas, germanWords, geographicNames, englishGeographicNames, commonNouns, germanToEnglish };
}

/** One capitalised word, hyphens allowed ("München", "Baden-Baden"): how a name or a German noun is written. */
const CAPITALISED_WORD = /^\p{Lu}[\p{L}-]*$/u;

/**
 * Whether a line names a geographic thing: its headwords are labelled "[geogr.]", their English is a name
 * ("Munich", "Zugspitze", "Rhine"; "inhabitant" for Einwohner [geogr.] is a common noun), and no later part
 * gives a plural (a people's word has one: "Neapolitaner {m} … [geogr.] | Neapolitaner {pl}").
 */
function namesGeography(parts: readonly Part[]): boolean {
  const head = parts[0]!;
  const labelled = [...head.german, ...head.english].some((a) => a.labels.includes("geogr."));
  return (
    labelled &&
    head.english.length > 0 &&
    head.english.every((a) => /^\p{Lu}/u.test(a.text)) &&
    !parts.slice(1).some((part) => part.german.some((a) => a.braces.includes("pl")))
  );
}

// Ordering by how central a translation is. Ding lists senses in no order of frequency, and its own order
// (the score above) only says which entry and which alternative a pair comes from, so a rare sense whose
// entry happens to be short wins ("head" → köpfen, Kesselboden before Kopf). Two signals from the dictionary
// itself, independent of any corpus, move the core senses up:
// - support: how many aligned parts of all Ding lines, phrases and examples included, have the English key
//   and the German word side by side ("head" and Kopf stand together in 98 parts, "head" and Kesselboden
//   in one). A common sense is the one the dictionary's authors keep writing examples for.
//   Counted in doublings (log2), so 100 idioms do not bury everything else.
// - back-rank: where the key stands among the German word's own English translations, in Ding's order
//   (back-translation). "leiten" is 'direct, lead, chair, …' and 'head' only 11th: "head" is a marginal
//   sense of leiten, so leiten is a marginal translation of "head". A word with a single translation
//   would win on this alone, so it only pushes down, capped, and support weighs more.
// Both are added to Ding's score, so labels, phrase parts and multi-word translations keep their
// penalties; equal scores keep Ding's order.
const SUPPORT_WEIGHT = 1;
const BACK_RANK_WEIGHT = 0.5;
const BACK_RANK_CAP = 6;

/**
 * Orders each English key's German candidates, deduplicates and caps them. Pure: the candidates as
 * parseDing collects them and the words of every aligned part. Whole-entry translations (tier 0) are
 * ordered by Ding's score plus a penalty for a late back-rank, minus the support of the pair (see the
 * comment above); phrase-head translations (tier 1) follow in Ding's order.
 *
 * @example
 * // "head": Kopf (beside "head" in 98 parts) before Kesselboden (in one), which Ding's own order put first.
 */
export function orderTranslations(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  parts: readonly PartWords[],
  options: DingOptions = DEFAULT_DING_OPTIONS,
): Map<string, Translated[]> {
  return orderAll(candidates, parts, options).translations;
}

/** {@link orderTranslations}, and the reverse dictionary it computes on the way (German → English keys in Ding's order). */
function orderAll(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  parts: readonly PartWords[],
  options: DingOptions,
): { translations: Map<string, Translated[]>; reverse: Map<string, { key: string; candidate: Candidate }[]> } {
  // Each key's whole-entry translations in Ding's order, each German word once with its best score.
  const dingOrder = new Map<string, Candidate[]>();
  const phraseHeads = new Map<string, Candidate[]>();
  for (const [key, list] of candidates) {
    const sorted = [...list].sort(byDingOrder);
    dingOrder.set(key, unique(sorted.filter((c) => c.score < PHRASE_HEAD / 2)));
    phraseHeads.set(key, unique(sorted.filter((c) => c.score >= PHRASE_HEAD / 2)));
  }
  // The reverse dictionary: each German word's English keys, best first, by the same scores.
  const reverse = new Map<string, { key: string; candidate: Candidate }[]>();
  for (const [key, list] of dingOrder) {
    for (const candidate of list) {
      const keys = reverse.get(candidate.german);
      if (keys) keys.push({ key, candidate });
      else reverse.set(candidate.german, [{ key, candidate }]);
    }
  }
  const backRank = new Map<string, Map<string, number>>();
  for (const [german, keys] of reverse) {
    keys.sort((a, b) => byDingOrder(a.candidate, b.candidate) || compareStrings(a.key, b.key));
    backRank.set(german, new Map(keys.map(({ key }, i) => [key, i])));
  }
  const support = pairSupport(parts, backRank, options);

  const translations = new Map<string, Translated[]>();
  for (const [key, list] of candidates) {
    const cap = key.includes(" ") ? options.maxPhraseTranslations : options.maxTranslations;
    const whole = dingOrder
      .get(key)!
      .map((c, position) => {
        const back = Math.min(backRank.get(c.german)?.get(key) ?? 0, BACK_RANK_CAP);
        const together = Math.max(1, support.get(`${key}\t${c.german}`) ?? 0);
        return { german: c.german, position, rank: c.score + BACK_RANK_WEIGHT * back - SUPPORT_WEIGHT * Math.log2(together) };
      })
      .sort((a, b) => a.rank - b.rank || a.position - b.position);
    const kept: Translated[] = whole.slice(0, cap).map((c) => ({ german: c.german, tier: 0 }));
    const seen = new Set(kept.map((k) => k.german));
    for (const c of phraseHeads.get(key)!) {
      if (kept.length >= cap) break;
      if (!seen.has(c.german)) kept.push({ german: c.german, tier: 1 });
    }
    translations.set(key, kept);
  }
  return { translations, reverse };
}

/**
 * How many aligned parts hold each (English key, German word) pair of the reverse dictionary: the key as
 * consecutive words of an English alternative, the German word as consecutive words of a German one.
 * Returns counts by `key\tgerman`.
 */
function pairSupport(parts: readonly PartWords[], reverse: ReadonlyMap<string, ReadonlyMap<string, number>>, options: DingOptions): Map<string, number> {
  const counts = new Map<string, number>();
  for (const part of parts) {
    const english = new Set(part.english.flatMap((words) => nGrams(words, options.maxEnglishWords)));
    const german = new Set(part.german.flatMap((words) => nGrams(words, options.maxGermanWords)));
    for (const g of german) {
      const keys = reverse.get(g);
      if (keys === undefined) continue;
      for (const key of keys.keys()) {
        if (!english.has(key)) continue;
        const id = `${key}\t${g}`;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function nGrams(words: readonly string[], longest: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= longest && i + n <= words.length; n++) out.push(words.slice(i, i + n).join(" "));
  }
  return out;
}

// Words as keys and values are spelt: punctuation around a word and a sentence's final dot removed.
const AROUND_WORD = /^[,;:!?"„“”»«()]+|[,;:!?"„“”»«()]+$|(?<!\.\p{L})\.$/gu;

function englishTokens(text: string): string[] {
  const t = text.replace(/[’‘]/g, "'").toLowerCase().replace(ENGLISH_PLACEHOLDERS, " ");
  return t.split(/\s+/).map((w) => w.replace(AROUND_WORD, "")).filter((w) => w !== "");
}

function germanTokens(text: string): string[] {
  return text.replace(GERMAN_PLACEHOLDERS, " ").split(/\s+/).map((w) => w.replace(AROUND_WORD, "")).filter((w) => w !== "");
}

function byDingOrder(a: Candidate, b: Candidate): number {
  return a.score - b.score || a.line - b.line || a.order - b.order;
}

/** The first candidate of each German word, in the given order. */
function unique(sorted: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return sorted.filter((c) => {
    if (seen.has(c.german)) return false;
    seen.add(c.german);
    return true;
  });
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
