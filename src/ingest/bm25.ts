import { processTerm, tokenize } from "./keyword.js";

/**
 * BM25 keyword search over chunks, stored as flat typed arrays. MiniSearch served first, but at 100k
 * chunks it took 3 s to load (`loadJSON` rebuilds its tree) and 70 ms per query (it materialises and
 * sorts every matching document, tens of thousands for a common word). Here loading is a view onto one
 * file, and a query accumulates scores in one array and keeps only the top k. Terms are processed by
 * the same analyzer as everywhere else (lower case, German stemming, umlaut folding, stop words).
 */

const K1 = 1.2;
const B = 0.75;
/** Terms of 5+ characters also match longer vocabulary terms that start with them, at this weight. */
const PREFIX_WEIGHT = 0.375;
const PREFIX_MIN_LENGTH = 5;
const PREFIX_MAX_EXPANSIONS = 64;
const MAGIC = "citebot-bm25-v1";

export interface KeywordIndex {
  /** Number of documents (chunk ids are 0..n-1). */
  readonly n: number;
  search(query: string, k: number): { id: number; score: number }[];
  /** The index as bytes, for {@link loadKeywordIndex}. */
  serialize(): Buffer;
}

interface Arrays {
  readonly vocab: readonly string[];
  /** Postings of term t are positions offsets[t] .. offsets[t+1]-1 of docs and tfs. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly tfs: Uint16Array;
  readonly lengths: Uint32Array;
}

/** Builds the keyword index of a set of texts; text i is document i. */
export function buildKeywordIndex(texts: readonly string[]): KeywordIndex {
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  const lengths = new Uint32Array(texts.length);
  texts.forEach((text, doc) => {
    const counts = new Map<string, number>();
    for (const token of tokenize(text)) {
      const term = processTerm(token);
      if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    let length = 0;
    for (const [term, tf] of counts) {
      length += tf;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], tfs: [] }));
      list.docs.push(doc);
      list.tfs.push(Math.min(tf, 65535));
    }
    lengths[doc] = length;
  });
  const vocab = [...postings.keys()].sort();
  const offsets = new Uint32Array(vocab.length + 1);
  let total = 0;
  vocab.forEach((term, t) => {
    offsets[t] = total;
    total += postings.get(term)!.docs.length;
  });
  offsets[vocab.length] = total;
  const docs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  vocab.forEach((term, t) => {
    const list = postings.get(term)!;
    docs.set(list.docs, offsets[t]!);
    tfs.set(list.tfs, offsets[t]!);
  });
  return fromArrays({ vocab, offsets, docs, tfs, lengths });
}

/** Restores an index from {@link KeywordIndex.serialize}'s bytes. */
export function loadKeywordIndex(bytes: Buffer): KeywordIndex {
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as {
    magic: string;
    vocab: string[];
    postings: number;
    n: number;
  };
  if (header.magic !== MAGIC) throw new Error(`keyword index has format ${String(header.magic)}, expected ${MAGIC}`);
  // Copy into one aligned buffer so the typed arrays can be views onto it.
  const body = new Uint8Array(bytes.subarray(align(4 + headerLength))).buffer;
  const v = header.vocab.length;
  let at = 0;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, size: number): T => {
    const view = make(body, at, length);
    at = align(at + length * size);
    return view;
  };
  const offsets = take((b, o, l) => new Uint32Array(b, o, l), v + 1, 4);
  const docs = take((b, o, l) => new Uint32Array(b, o, l), header.postings, 4);
  const lengths = take((b, o, l) => new Uint32Array(b, o, l), header.n, 4);
  const tfs = take((b, o, l) => new Uint16Array(b, o, l), header.postings, 2);
  return fromArrays({ vocab: header.vocab, offsets, docs, tfs, lengths });
}

function fromArrays(arrays: Arrays): KeywordIndex {
  const { vocab, offsets, docs, tfs, lengths } = arrays;
  const n = lengths.length;
  let sum = 0;
  for (const length of lengths) sum += length;
  const averageLength = n > 0 ? sum / n : 0;
  const termIds = new Map<string, number>();
  vocab.forEach((term, t) => termIds.set(term, t));

  /** Vocabulary ids of the terms a query term matches, with their weights. */
  const expand = (term: string): [number, number][] => {
    const out: [number, number][] = [];
    const exact = termIds.get(term);
    if (exact !== undefined) out.push([exact, 1]);
    if (term.length >= PREFIX_MIN_LENGTH) {
      for (let t = lowerBound(vocab, term); t < vocab.length && out.length < PREFIX_MAX_EXPANSIONS; t++) {
        const candidate = vocab[t]!;
        if (!candidate.startsWith(term)) break;
        if (candidate !== term) out.push([t, (PREFIX_WEIGHT * term.length) / candidate.length]);
      }
    }
    return out;
  };

  return {
    n,
    search(query, k) {
      if (n === 0 || k <= 0) return [];
      const scores = new Float64Array(n);
      const touched: number[] = [];
      const terms = new Set<string>();
      for (const token of tokenize(query)) {
        const term = processTerm(token);
        if (term) terms.add(term);
      }
      for (const term of terms) {
        for (const [t, weight] of expand(term)) {
          const start = offsets[t]!;
          const end = offsets[t + 1]!;
          const df = end - start;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          for (let p = start; p < end; p++) {
            const doc = docs[p]!;
            const tf = tfs[p]!;
            const norm = tf + K1 * (1 - B + (B * lengths[doc]!) / averageLength);
            if (scores[doc] === 0) touched.push(doc);
            scores[doc]! += (weight * idf * tf * (K1 + 1)) / norm;
          }
        }
      }
      return topK(touched, scores, k);
    },
    serialize() {
      const header = Buffer.from(JSON.stringify({ magic: MAGIC, vocab, postings: docs.length, n }), "utf8");
      const parts: Buffer[] = [];
      const prefix = Buffer.alloc(4);
      prefix.writeUInt32LE(header.length, 0);
      parts.push(prefix, header, Buffer.alloc(align(4 + header.length) - 4 - header.length));
      for (const array of [offsets, docs, lengths, tfs]) {
        const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
        parts.push(bytes, Buffer.alloc(align(bytes.length) - bytes.length));
      }
      return Buffer.concat(parts);
    },
  };
}

/** The k best documents, best first (ties: lower id first). */
function topK(touched: readonly number[], scores: Float64Array, k: number): { id: number; score: number }[] {
  const best: number[] = [];
  for (const doc of touched) {
    const score = scores[doc]!;
    if (best.length === k && score <= scores[best[k - 1]!]!) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && (scores[best[i - 1]!]! < score || (scores[best[i - 1]!]! === score && best[i - 1]! > doc))) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = doc;
  }
  return best.map((id) => ({ id, score: scores[id]! }));
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
