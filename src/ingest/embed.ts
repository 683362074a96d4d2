import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { analyze, fold, tokenize } from "./keyword.js";

/**
 * Embedders behind LangChain's `EmbeddingsInterface`, plus what the index needs to know about them:
 * an `id` naming the embedding space (vectors of two ids must never be mixed), and, for embedders
 * that learn corpus statistics, a way to fit them and to save and restore that state with the index.
 */
export interface CitebotEmbeddings extends EmbeddingsInterface {
  /** Names the embedding space, e.g. `local-lexical-v1/512` or `openai/text-embedding-3-small`. */
  readonly id: string;
  /** Learns corpus statistics (the lexical embedder's IDF) and returns the fitted embedder. */
  fit?(texts: readonly string[]): CitebotEmbeddings;
  /** The fitted state, to store in the index. */
  saveState?(): Uint8Array;
  /** An embedder with a state read back from the index. */
  loadState?(bytes: Uint8Array): CitebotEmbeddings;
}

const NGRAM_SIZES = [3, 4, 5] as const;
const WORD_WEIGHT = 1;
const NGRAM_WEIGHT = 0.35;

/**
 * The offline default: a lexical embedder that needs no model download. Each text becomes a bag of
 * features — stemmed words plus character 3–5-grams of each word — hashed into a fixed number of
 * dimensions (with a sign hash, so collisions cancel instead of pile up), weighted by sublinear TF
 * times IDF, and L2-normalised so cosine distance works. Character n-grams make German compounds and
 * inflections overlap ("Schießbefehl" shares "befehl") and bridge near-cognates across languages
 * ("Kazakhstan"/"Kasachstan"). It is deterministic: the same text and IDF always give the same vector.
 *
 * @example
 * const embedder = new LocalLexicalEmbeddings(512).fit(sentences);
 * const [vector] = await embedder.embedDocuments(["Tokajew erteilte einen Schießbefehl."]);
 */
export class LocalLexicalEmbeddings implements CitebotEmbeddings {
  readonly id: string;
  readonly dimension: number;
  private readonly idf: IdfTable;
  private readonly unseenIdf: number;

  constructor(
    dimension: number,
    idf: IdfTable = IdfTable.of([]),
    private readonly documents = 0,
  ) {
    if (!Number.isInteger(dimension) || dimension < 8) throw new RangeError(`dimension must be an integer ≥ 8, got ${dimension}`);
    this.dimension = dimension;
    this.id = `local-lexical-v1/${dimension}`;
    this.idf = idf;
    this.unseenIdf = Math.log(documents + 1) + 1;
  }

  fit(texts: readonly string[]): LocalLexicalEmbeddings {
    const df = new Map<number, number>();
    for (const text of texts) {
      for (const hash of new Set(features(text).keys())) df.set(hash, (df.get(hash) ?? 0) + 1);
    }
    const n = texts.length;
    const idf = [...df].map(([hash, count]): [number, number] => [hash, Math.log((n + 1) / (count + 1)) + 1]);
    return new LocalLexicalEmbeddings(this.dimension, IdfTable.of(idf), n);
  }

  saveState(): Uint8Array {
    const { keys, values } = this.idf;
    const header = new Float64Array([keys.length, this.documents]);
    return Buffer.concat([Buffer.from(header.buffer), Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength), Buffer.from(values.buffer, values.byteOffset, values.byteLength)]);
  }

  loadState(bytes: Uint8Array): LocalLexicalEmbeddings {
    const buffer = Buffer.from(bytes);
    if (buffer.length < 16) throw new Error("lexical embedder state is truncated");
    const count = buffer.readDoubleLE(0);
    const documents = buffer.readDoubleLE(8);
    if (!Number.isInteger(count) || buffer.length !== 16 + count * 8) throw new Error("lexical embedder state is corrupt");
    const copy = new Uint8Array(buffer.subarray(16)).buffer;
    const keys = new Uint32Array(copy, 0, count);
    for (let i = 1; i < count; i++) if (keys[i - 1]! >= keys[i]!) throw new Error("lexical embedder state is corrupt (hashes out of order)");
    return new LocalLexicalEmbeddings(this.dimension, new IdfTable(keys, new Float32Array(copy, count * 4, count)), documents);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => this.embed(text));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }

  /** Synchronous embedding of one text. */
  embed(text: string): number[] {
    const vector = new Float64Array(this.dimension);
    for (const [hash, { tf, weight }] of features(text)) {
      const idf = this.idf.get(hash) ?? this.unseenIdf;
      const value = (1 + Math.log(tf)) * idf * weight;
      const bucket = hash % this.dimension;
      vector[bucket]! += hash & 0x80000000 ? -value : value;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    return Array.from(vector, (v) => (norm > 0 ? v / norm : 0));
  }
}

/**
 * Feature hash → IDF as two typed arrays sorted by hash, searched by bisection: the stored state is used
 * as read, where building a Map of its 150k number keys took about 80 ms of opening a 100k-chunk index
 * (and 8 MB more heap). IDFs are float32, as stored.
 */
export class IdfTable {
  constructor(
    readonly keys: Uint32Array,
    readonly values: Float32Array,
  ) {}

  static of(entries: Iterable<readonly [number, number]>): IdfTable {
    const sorted = [...entries].sort((a, b) => a[0] - b[0]);
    return new IdfTable(Uint32Array.from(sorted, ([hash]) => hash), Float32Array.from(sorted, ([, idf]) => idf));
  }

  get(hash: number): number | undefined {
    const { keys } = this;
    let low = 0;
    let high = keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const key = keys[middle]!;
      if (key === hash) return this.values[middle];
      if (key < hash) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

/** Hashed features of a text with their term frequency and kind weight. */
function features(text: string): Map<number, { tf: number; weight: number }> {
  const out = new Map<number, { tf: number; weight: number }>();
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    const entry = out.get(hash);
    if (entry) entry.tf += 1;
    else out.set(hash, { tf: 1, weight });
  };
  for (const term of analyze(text)) add(`w:${term}`, WORD_WEIGHT);
  for (const token of tokenize(text)) {
    if (token.length < 3) continue;
    const padded = `^${fold(token)}$`;
    for (const size of NGRAM_SIZES) {
      for (let i = 0; i + size <= padded.length; i++) add(`g:${padded.slice(i, i + size)}`, NGRAM_WEIGHT);
    }
  }
  return out;
}

/** 32-bit FNV-1a over UTF-16 code units; unsigned. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
