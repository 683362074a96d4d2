import { createHash } from "node:crypto";
import type { Chunk } from "../types.js";
import { CorruptFileError, decodeBinary, encodeBinary, GrowingIds } from "./binary.js";

/**
 * The sentences of an index and their analysis. Chunks are what retrieval finds; sentences are what an
 * answer quotes, and their stems are what a question's words are matched against. Chunks overlap, so each
 * sentence is kept once, numbered in order of first appearance. The analysis (the distinct stems of every
 * sentence and the sentences of every stem, in compressed sparse rows over one stem vocabulary) is computed
 * when the index is built and stored in sentences.bin, so opening a large index reads it instead of
 * stemming the corpus again (about 5 s at 100k chunks) or inverting it (50–70 ms).
 */

/** Text → stems, as `analyze` in keyword.ts (the query stage's `Analyzer` has the same shape). */
export type Analyzer = (text: string) => string[];

/** Particles that, standing alone at the end of a clause, belong to the clause's verb ("nahmen … fest"). */
export const CLAUSE_FINAL_PARTICLES: ReadonlySet<string> = new Set([
  "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "frei", "her", "hin", "los", "mit", "nach", "vor",
  "weg", "zu", "zuruck", "zurück", "zusammen", "vorbei", "weiter", "teil", "statt", "hoch", "heraus", "hinaus",
  "unter", "um", "über", "durch", "nieder", "wieder", "dar", "entgegen", "herum", "voran", "hervor", "heran",
]);

/** The same particles, the longest first, so that "zurück" is not read as "zu" + "rück". */
export const PARTICLES_LONGEST_FIRST: readonly string[] = [...CLAUSE_FINAL_PARTICLES].sort((a, b) => b.length - a.length);

/**
 * The sentences of an index: sentence i spans `start[i]`…`end[i]` of its source file's text and first
 * appears in chunk `firstChunk[i]`. Plain typed arrays, so a table of 300k sentences costs a few views.
 */
export interface SentenceTable {
  readonly count: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** The first chunk (by id) that contains each sentence. */
  readonly firstChunk: Uint32Array;
  /** Chunk c's sentences, in text order: `members[memberOffsets[c]]` … `members[memberOffsets[c + 1] - 1]`. */
  readonly memberOffsets: Uint32Array;
  readonly members: Uint32Array;
  source(index: number): string;
  /** `text(i) === fileText(source(i)).slice(start[i], end[i])`. */
  text(index: number): string;
}

/**
 * What the analyzer made of every sentence, in both directions (compressed sparse rows over one stem
 * vocabulary, stems numbered in order of first appearance): sentence i's distinct stems are
 * `vocab[stems[offsets[i]]]` … `vocab[stems[offsets[i + 1] - 1]]`, in the order the analysis found them,
 * and stem t occurs in sentences `sentences[postingOffsets[t]]` … `sentences[postingOffsets[t + 1] - 1]`,
 * ascending. `version` names the analysis that produced it.
 */
export interface SentenceAnalysis {
  readonly version: string;
  readonly vocab: readonly string[];
  readonly offsets: Uint32Array;
  readonly stems: Uint32Array;
  readonly postingOffsets: Uint32Array;
  readonly sentences: Uint32Array;
}

/**
 * Bump when the sentence analysis changes (the stemmer, stop words, folding or the particle rule), so
 * indexes analysed before are re-analysed instead of answering from stale stems. {@link analysisVersion}
 * adds a fingerprint of the analyzer's output on a probe text, which catches most changes even when this
 * number is forgotten.
 */
export const ANALYSIS_VERSION = 2;

const PROBE = [
  "Die Polizei nahm den Mann am Montag in der Hauptstadt fest.",
  "Präsident Tokajew sprach über die kasachischen Behörden, die Fallschirmjäger und den Schießbefehl.",
  "Der Bahnkonzern kündigte an, die Fahrpläne zu ändern; Kritiker riefen zurück.",
  "Wer ist der Präsident, wie viele Verletzte gab es und was sagte er dazu?",
  "Straße, Fußgänger, Größe, Übergänge: 14 Verletzte und 2022 Festnahmen.",
  "Who is the president of the country, and how many people were arrested in Almaty?",
  "Sie legten die Waffen nieder, gaben auf und zogen ab, während die Truppen weiter vorrückten.",
  ...[...CLAUSE_FINAL_PARTICLES].map((particle) => `Die Leute brachten das Geld ${particle}.`),
];

const versions = new WeakMap<Analyzer, string>();

/**
 * The version of the analysis `analyze` produces: {@link ANALYSIS_VERSION} and a digest of its stems
 * of a probe text. Stored analysis is used only when its version equals this. Memoised per analyzer.
 *
 * @example
 * analysisVersion(analyze) // "1-5d0c2e8f41aa"
 */
export function analysisVersion(analyze: Analyzer): string {
  let version = versions.get(analyze);
  if (version === undefined) {
    const digest = createHash("sha256")
      .update(JSON.stringify(PROBE.map((sentence) => sentenceStems(sentence, analyze))))
      .digest("hex");
    version = `${ANALYSIS_VERSION}-${digest.slice(0, 12)}`;
    versions.set(analyze, version);
  }
  return version;
}

/**
 * The distinct stems of one sentence: its analysed words, then the separable verbs rejoined from a
 * clause-final particle (see {@link rejoinedParticleVerbs}). Pure.
 */
export function sentenceStems(text: string, analyze: Analyzer): string[] {
  const stems = new Set(analyze(text));
  for (const stem of rejoinedParticleVerbs(text, analyze)) stems.add(stem);
  return [...stems];
}

/**
 * Stems of separable verbs whose particle stands apart at the end of a clause: "Die Polizei nahm den Mann
 * fest." also yields the stem of "festnahm", so a question about "festgenommen" finds it. The particle is
 * joined to every lower-case word of its clause, since which one is the verb is not known without a parser;
 * the stray combinations are words no question contains.
 */
export function rejoinedParticleVerbs(sentence: string, analyze: Analyzer): string[] {
  const joined: string[] = [];
  if (!CLAUSE_END_PARTICLE.test(sentence)) return joined; // most sentences: no particle ends a clause
  for (const clause of sentence.split(/[,;:!?.()«»„“"–]+/)) {
    const words = clause.match(/[\p{L}]+/gu) ?? [];
    const last = words.at(-1);
    if (!last || words.length < 3 || !CLAUSE_FINAL_PARTICLES.has(last)) continue;
    for (const word of words.slice(0, -1)) {
      if (/^\p{Ll}/u.test(word) && word.length >= 3 && !PRESENT_PARTICIPLE.test(word) && analyze(word).length > 0) joined.push(...analyze(`${last}${word}`));
    }
  }
  return joined;
}

/**
 * A present participle, bare or declined ("kommende", "laufenden", "wandernde"), is never the finite verb
 * a particle belongs to: "sagte die laufende Sitzung ab" is no "ablaufen". Three letters
 * before the ending at least, so "senden" and "wenden" (finite in "sie senden … aus") stay verbs.
 */
const PRESENT_PARTICIPLE = /^\p{Ll}{3,}(?:e|er|el)nd(?:e[mnrs]?)?$/u;

const CLAUSE_END_PARTICLE = new RegExp(`(?:^|\\P{L})(?:${[...CLAUSE_FINAL_PARTICLES].join("|")})\\s*(?:[,;:!?.()«»„“"–]|$)`, "u");

/**
 * The sentence table of chunks whose ids are their positions (`chunks[id].id === id`, as in every index):
 * each sentence once, numbered in order of first appearance, keyed by source and start offset. Pure.
 */
export function sentenceTable(chunks: readonly Chunk[]): SentenceTable {
  const start: number[] = [];
  const end: number[] = [];
  const firstChunk: number[] = [];
  const memberOffsets = new Uint32Array(chunks.length + 1);
  const members: number[] = [];
  const bySource = new Map<string, Map<number, number>>(); // source → sentence start → index
  chunks.forEach((chunk, id) => {
    if (chunk.id !== id) throw new Error(`chunk ${chunk.id} is at position ${id}: chunk ids must be their positions`);
    let seen = bySource.get(chunk.source);
    if (!seen) bySource.set(chunk.source, (seen = new Map()));
    for (const span of chunk.sentences) {
      let index = seen.get(span.start);
      if (index === undefined) {
        index = start.length;
        seen.set(span.start, index);
        start.push(span.start);
        end.push(span.end);
        firstChunk.push(id);
      }
      members.push(index);
    }
    memberOffsets[id + 1] = members.length;
  });
  const table = {
    count: start.length,
    start: Uint32Array.from(start),
    end: Uint32Array.from(end),
    firstChunk: Uint32Array.from(firstChunk),
    memberOffsets,
    members: Uint32Array.from(members),
  };
  const chunkOf = (index: number) => {
    const chunk = chunks[table.firstChunk[index] ?? -1];
    if (!chunk) throw new RangeError(`no sentence ${index}`);
    return chunk;
  };
  return {
    ...table,
    source: (index) => chunkOf(index).source,
    text: (index) => {
      const chunk = chunkOf(index);
      return chunk.text.slice(table.start[index]! - chunk.start, table.end[index]! - chunk.start);
    },
  };
}

/**
 * Analyses sentences one at a time into a {@link SentenceAnalysis}, so a long analysis (300k sentences
 * at 100k chunks take seconds) can yield to the event loop between sentences.
 */
export function createAnalysisBuilder(analyze: Analyzer): { add(text: string): void; finish(): SentenceAnalysis } {
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  const offsets: number[] = [0];
  const stems = new GrowingIds();
  return {
    add(text) {
      for (const stem of sentenceStems(text, analyze)) {
        let id = ids.get(stem);
        if (id === undefined) {
          id = vocab.length;
          ids.set(stem, id);
          vocab.push(stem);
        }
        stems.push(id);
      }
      offsets.push(stems.length);
    },
    finish() {
      const rows = { offsets: Uint32Array.from(offsets), stems: stems.done() };
      return { version: analysisVersion(analyze), vocab, ...rows, ...invert(vocab.length, rows.offsets, rows.stems) };
    },
  };
}

/** Sentences per stem from stems per sentence, with a counting pass; each list comes out ascending. */
function invert(vocabSize: number, offsets: Uint32Array, stems: Uint32Array): { postingOffsets: Uint32Array; sentences: Uint32Array } {
  const postingOffsets = new Uint32Array(vocabSize + 1);
  for (let k = 0; k < stems.length; k++) postingOffsets[stems[k]! + 1]!++;
  for (let t = 0; t < vocabSize; t++) postingOffsets[t + 1]! += postingOffsets[t]!;
  const fill = postingOffsets.slice(0, vocabSize);
  const sentences = new Uint32Array(stems.length);
  for (let i = 0; i + 1 < offsets.length; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) sentences[fill[stems[k]!]!++] = i;
  }
  return { postingOffsets, sentences };
}

/**
 * Analyses every sentence of a table: what `npm run index` stores, and what opening an index computes
 * when its stored analysis is from another version. Pure.
 */
export function analyzeSentences(table: SentenceTable, analyze: Analyzer): SentenceAnalysis {
  const builder = createAnalysisBuilder(analyze);
  for (let i = 0; i < table.count; i++) builder.add(table.text(i));
  return builder.finish();
}

/**
 * Stem → the sentences containing it, ascending: a map over the analysis's posting rows that slices a
 * list out only when it is asked for and builds its stem index on first look-up, so wrapping 50k stems
 * and 4M postings costs nothing at open. Keys iterate in vocabulary order.
 */
export function postingsOf(analysis: SentenceAnalysis): ReadonlyMap<string, Uint32Array> {
  return new Postings(analysis.vocab, analysis.postingOffsets, analysis.sentences);
}

class Postings implements ReadonlyMap<string, Uint32Array> {
  #ids: Map<string, number> | undefined;

  constructor(
    readonly vocab: readonly string[],
    readonly starts: Uint32Array,
    readonly sentences: Uint32Array,
  ) {}

  get size(): number {
    return this.vocab.length;
  }

  get(stem: string): Uint32Array | undefined {
    const t = this.#index().get(stem);
    return t === undefined ? undefined : this.#list(t);
  }

  has(stem: string): boolean {
    return this.#index().has(stem);
  }

  keys(): MapIterator<string> {
    return this.vocab.values();
  }

  *values(): MapIterator<Uint32Array> {
    for (let t = 0; t < this.vocab.length; t++) yield this.#list(t);
  }

  *entries(): MapIterator<[string, Uint32Array]> {
    for (let t = 0; t < this.vocab.length; t++) yield [this.vocab[t]!, this.#list(t)];
  }

  [Symbol.iterator](): MapIterator<[string, Uint32Array]> {
    return this.entries();
  }

  forEach(callback: (value: Uint32Array, key: string, map: ReadonlyMap<string, Uint32Array>) => void, thisArg?: unknown): void {
    for (let t = 0; t < this.vocab.length; t++) callback.call(thisArg, this.#list(t), this.vocab[t]!, this);
  }

  #list(t: number): Uint32Array {
    return this.sentences.subarray(this.starts[t]!, this.starts[t + 1]!);
  }

  #index(): Map<string, number> {
    if (!this.#ids) {
      this.#ids = new Map();
      for (let t = 0; t < this.vocab.length; t++) this.#ids.set(this.vocab[t]!, t);
    }
    return this.#ids;
  }
}

const MAGIC = "citebot-sentences-v1";

/** sentences.bin: an analysis as bytes (vocabulary as UTF-8 lines, then the stem rows and posting rows). */
export function encodeAnalysis(analysis: SentenceAnalysis): Buffer {
  if (analysis.vocab.some((stem) => stem === "" || stem.includes("\n"))) throw new Error("a stem is empty or contains a line break");
  const vocab = Buffer.from(analysis.vocab.join("\n"), "utf8");
  const header = { version: analysis.version, sentences: analysis.offsets.length - 1, vocab: analysis.vocab.length };
  return encodeBinary(MAGIC, header, [
    new Uint8Array(vocab.buffer, vocab.byteOffset, vocab.byteLength),
    analysis.offsets,
    analysis.stems,
    analysis.postingOffsets,
    analysis.sentences,
  ]);
}

/**
 * Reads sentences.bin back, checking that it is whole, that its rows are in order and that every id it
 * holds exists, for a table of `sentences` sentences; throws {@link CorruptFileError} otherwise.
 */
export function decodeAnalysis(bytes: Uint8Array, sentences: number): SentenceAnalysis {
  const { header, sections } = decodeBinary(bytes, MAGIC);
  const [vocabBytes, offsets, stems, postingOffsets, postings] = sections;
  if (
    sections.length !== 5 ||
    !(vocabBytes instanceof Uint8Array) ||
    vocabBytes instanceof Uint32Array ||
    ![offsets, stems, postingOffsets, postings].every((section) => section instanceof Uint32Array)
  ) {
    throw new CorruptFileError("unexpected sections");
  }
  const rows = { offsets, stems, postingOffsets, sentences: postings } as Record<"offsets" | "stems" | "postingOffsets" | "sentences", Uint32Array>;
  if (typeof header.version !== "string") throw new CorruptFileError("no analysis version");
  if (header.sentences !== sentences || rows.offsets.length !== sentences + 1) {
    throw new CorruptFileError(`analysis of ${rows.offsets.length - 1} sentences for a table of ${sentences}`);
  }
  const vocab = vocabBytes.length === 0 ? [] : Buffer.from(vocabBytes.buffer, vocabBytes.byteOffset, vocabBytes.length).toString("utf8").split("\n");
  if (vocab.length !== header.vocab || rows.postingOffsets.length !== vocab.length + 1) {
    throw new CorruptFileError(`${vocab.length} stems and ${rows.postingOffsets.length - 1} posting rows, header says ${String(header.vocab)}`);
  }
  checkRows(rows.offsets, rows.stems, vocab.length, "stem");
  checkRows(rows.postingOffsets, rows.sentences, sentences, "sentence");
  return { version: header.version, vocab, ...rows };
}

/** Row offsets ascending from 0 to the end of `ids`, and every id below `limit`. */
function checkRows(offsets: Uint32Array, ids: Uint32Array, limit: number, what: string): void {
  const rows = offsets.length - 1;
  if (offsets[0] !== 0 || offsets[rows] !== ids.length) throw new CorruptFileError(`${what} rows do not cover the ${what} ids`);
  for (let i = 0; i < rows; i++) if (offsets[i]! > offsets[i + 1]!) throw new CorruptFileError(`${what} rows out of order`);
  let largest = 0;
  for (let k = 0; k < ids.length; k++) if (ids[k]! > largest) largest = ids[k]!;
  if (ids.length > 0 && largest >= limit) throw new CorruptFileError(`${what} id ${largest} beyond the ${limit} there are`);
}
