/**
 * Parses OpenThesaurus in the MyThes format (Debian mythes-de, th_de_DE_v2.dat) into synsets. The .dat
 * repeats every synset under each of its words, with hypernyms mixed in as "(Oberbegriff)"; here each
 * synset is kept once, without hypernyms, antonyms and vulgar, derogatory or obsolete words, and each word
 * points to its synsets in the order the thesaurus lists them for it. A word's hypernyms are kept apart.
 * Pure functions over the text.
 */

/** A synset member: its text without annotations, and whether it carries a register or field mark. */
export interface SynsetMember {
  readonly word: string;
  /** Colloquial, elevated, technical, regional, figurative or foreign: ranked after unmarked words. */
  readonly marked: boolean;
}

export interface ThesaurusData {
  readonly synsets: readonly (readonly SynsetMember[])[];
  /** Lower-case word → synset numbers, in the thesaurus's order for that word. */
  readonly index: Map<string, number[]>;
  /**
   * Lower-case word → the hypernyms ("(Oberbegriff)") of its first {@link BROADER_SENSES} synsets that it is a
   * member of, unmarked ones only, in the thesaurus's order: "Auto" → Fahrzeug, Gefährt.
   */
  readonly broader: Map<string, string[]>;
}

/**
 * The broader table turned round: a lower-case hypernym → the words that list it among their first senses'
 * hypernyms, in code-unit order ("getränk" → apfelschorle, saft, …). One-word hypernyms and words only: a
 * question's category and a source's word are single words. Pure.
 */
export function narrowerOf(broader: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const narrower = new Map<string, string[]>();
  for (const [word, hypernyms] of broader) {
    if (word.includes(" ")) continue;
    for (const hypernym of hypernyms) {
      const key = hypernym.toLowerCase();
      if (key.includes(" ")) continue;
      const list = narrower.get(key) ?? [];
      if (!list.includes(word)) list.push(word);
      narrower.set(key, list);
    }
  }
  // The default sort compares code units: the same order on every machine.
  for (const list of narrower.values()) list.sort();
  return narrower;
}

/** The senses whose hypernyms a word keeps: its first ones, as for synonyms (later ones are rarer senses). */
export const BROADER_SENSES = 2;
/** Hypernyms kept per word: as many as a word's first senses list, within reason. */
const MAX_BROADER = 8;

// Marks that make a word no synonym citebot should offer (hypernyms and antonyms are other relations).
const DROP_MARKS = new Set(["Oberbegriff", "Unterbegriff", "Antonym", "derb", "vulg.", "veraltet", "selten", "Spruch", "abwertend", "verhüllend", "Jargon", "Soldatenjargon"]);
// Marks of register, field or region: the word stays, after the unmarked ones.
const SOFT_MARKS = new Set([
  "ugs.", "geh.", "fachspr.", "fig.", "regional", "österr.", "schweiz.", "engl.", "veraltend", "salopp", "ironisch", "scherzhaft",
  "norddeutsch", "süddt.", "ruhrdt.", "bair.", "rheinisch", "berlinerisch", "schwäbisch", "sächsisch", "lat.", "franz.", "ital.",
  "span.", "griechisch", "Amtsdeutsch", "lit.", "Kindersprache", "Neologismus", "mediensprachlich", "militärisch", "bundesdeutsch",
  "poetisch", "historisch", "Anglizismus", "fränk.", "hessisch", "westfälisch", "kölsch", "österr., schweiz.", "niederdeutsch",
]);

/** Reads the encoding named in the first line of a MyThes .dat (UTF-8 or ISO8859-1) and decodes it. */
export function decodeMythes(bytes: Uint8Array): string {
  const firstLineEnd = bytes.indexOf(0x0a);
  const encoding = new TextDecoder("latin1").decode(bytes.subarray(0, firstLineEnd < 0 ? bytes.length : firstLineEnd)).trim().toUpperCase();
  if (encoding === "UTF-8" || encoding === "UTF8") return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  if (encoding === "ISO8859-1" || encoding === "ISO-8859-1" || encoding === "LATIN1") return new TextDecoder("latin1").decode(bytes);
  throw new Error(`the thesaurus is in encoding "${encoding}", which the compiler does not read (UTF-8 or ISO8859-1)`);
}

// A member used to address or greet someone ("Kumpel (Anrede)", "(…) allerseits (Gruß)") or as an exclamation:
// that use says nothing of what the word means.
const VOCATIVE_MARK = /^(Anrede|Gruß|Ausruf)(\s|$)/;

/** Parses one member ("Niederschlag (meist Plural: Niederschläge) (ugs.)"); undefined when it is dropped or unusable. */
export function parseMember(raw: string): { word: string; marked: boolean; relation: boolean } | undefined {
  const marks = marksOf(raw);
  const relation = marks.some((m) => m === "Oberbegriff" || m === "Unterbegriff" || m === "Antonym");
  const drop = marks.some((m) => DROP_MARKS.has(m) || VOCATIVE_MARK.test(m));
  const marked = marks.some((m) => SOFT_MARKS.has(m));
  if (relation) return { word: cleanWord(raw) ?? "", marked, relation };
  const word = cleanWord(raw);
  if (word === undefined || drop) return undefined;
  return { word, marked, relation };
}

/** Longest synonym kept, in words: a longer one is a paraphrase, no word to look for. */
const MEMBER_WORDS = 3;
/**
 * Longest expression an entry is filed under, in words: an idiom with its preposition and article ("unter
 * die Arme greifen", "über die Bühne gehen"), as people say things in chat, finds its synset and so its
 * shorter synonyms (unterstützen, stattfinden). As a synonym of other words it stays out (see MEMBER_WORDS).
 */
const KEY_WORDS = 4;

/** The marks in a member's parentheses, each of a comma-separated group on its own: "(ugs., fig.)" → ugs., fig. */
function marksOf(raw: string): string[] {
  return [...raw.matchAll(/\(([^()]*)\)/g)].flatMap((group) => (group[1] ?? "").split(/,\s*/));
}

function isVocative(raw: string): boolean {
  return marksOf(raw).some((m) => VOCATIVE_MARK.test(m));
}

function cleanWord(raw: string, most = MEMBER_WORDS): string | undefined {
  // A slot for other words ("(...) allerseits", "zwar (...) doch") makes a frame, no word, even in parentheses.
  if (raw.includes("...") || raw.includes("…")) return undefined;
  // Parentheses hold optional parts ("(sich) regen", "(auf)keimen"), grammar hints and marks.
  const word = raw.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
  if (word === "" || /[()|]/.test(word)) return undefined;
  if (word.split(" ").length > most) return undefined;
  return word;
}

/** Parses the .dat text. Deterministic: synsets are numbered in order of first appearance. */
export function parseMythes(text: string): ThesaurusData {
  const lines = text.split("\n");
  const synsets: SynsetMember[][] = [];
  const synsetIds = new Map<string, number>();
  // Members (lower case) of each synset that are real members, not hypernyms.
  const memberKeys: Set<string>[] = [];
  // Lower-case words marked "(Hauptform)" in each synset: the synset's main word.
  const mainKeys: string[][] = [];
  const index = new Map<string, number[]>();
  const broader = new Map<string, string[]>();
  let at = 1; // line 0 names the encoding
  while (at < lines.length) {
    const header = lines[at++]!;
    if (header.trim() === "") continue;
    const bar = header.lastIndexOf("|");
    const count = Number(header.slice(bar + 1));
    if (bar < 0 || !Number.isInteger(count)) continue;
    const headKey = cleanWord(header.slice(0, bar), KEY_WORDS)?.toLowerCase();
    for (let i = 0; i < count && at < lines.length; i++) {
      const line = lines[at++]!;
      const fields = line.split("|");
      const body = fields.slice(1).join("|");
      let id = synsetIds.get(body);
      if (id === undefined) {
        id = synsets.length;
        synsetIds.set(body, id);
        const members: SynsetMember[] = [];
        const keys = new Set<string>();
        const main: string[] = [];
        const seen = new Set<string>();
        for (const raw of fields.slice(1)) {
          const member = parseMember(raw);
          if (member === undefined || member.relation || member.word === "") continue;
          const key = member.word.toLowerCase();
          keys.add(key);
          if (/\(Hauptform\)/.test(raw)) main.push(key);
          if (seen.has(member.word)) continue;
          seen.add(member.word);
          members.push({ word: member.word, marked: member.marked });
        }
        // Words dropped for their register or their length still find their synset.
        for (const raw of fields.slice(1)) {
          const word = cleanWord(raw, KEY_WORDS);
          if (word !== undefined && !/\((Oberbegriff|Unterbegriff|Antonym)\)/.test(raw) && !isVocative(raw)) keys.add(word.toLowerCase());
        }
        synsets.push(members);
        memberKeys.push(keys);
        mainKeys.push(main);
      }
      if (headKey === undefined || !memberKeys[id]!.has(headKey)) continue;
      // "Meister" is filed with the synset of ways to address a man; a word's sense is none it is only called by.
      if (fields.slice(1).some((raw) => cleanWord(raw, KEY_WORDS)?.toLowerCase() === headKey && isVocative(raw))) continue;
      if (i < BROADER_SENSES) {
        const list = broader.get(headKey) ?? [];
        for (const raw of fields.slice(1)) {
          // Only a plain "(Oberbegriff)": a colloquial or technical hypernym is no word the sources would use for it.
          const marks = [...raw.matchAll(/\(([^()]*)\)/g)].map((group) => group[1]).filter((mark) => mark !== "Hauptform");
          if (marks.length !== 1 || marks[0] !== "Oberbegriff") continue;
          const word = cleanWord(raw);
          if (word !== undefined && !list.includes(word) && list.length < MAX_BROADER) list.push(word);
        }
        if (list.length > 0) broader.set(headKey, list);
      }
      const list = index.get(headKey) ?? [];
      if (!list.includes(id)) list.push(id);
      index.set(headKey, list);
    }
  }
  // Debian's file lacks the entry of some words whose spelling differs from another's only by an umlaut
  // ("zahlen" / "zählen", "nahen" / "nähen"): their synsets are filed under the other word only. Such a
  // word still finds the synsets it is a member of, in the thesaurus's order.
  const headed = new Set(index.keys());
  memberKeys.forEach((keys, id) => {
    for (const key of keys) {
      if (headed.has(key)) continue;
      const list = index.get(key) ?? [];
      list.push(id);
      index.set(key, list);
    }
  });
  // Its entry also lacks, for some words, the synset they are the main word of: "krank" is filed with
  // "kaputt" and "leiden" only, while "krank (Hauptform) | erkrankt | kränklich" is filed under the
  // others. A synset a word is the main word of is its main sense, so it comes first.
  mainKeys.forEach((keys, id) => {
    for (const key of keys) {
      const list = index.get(key);
      if (list !== undefined && !list.includes(id)) list.unshift(id);
    }
  });
  return { synsets, index, broader };
}
