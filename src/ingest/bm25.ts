import { processTerm, tokenize } from "./keyword.js";

/**
 * BM25 keyword search over chunks, stored as flat typed arrays. MiniSearch served first, but at 100k
 * chunks it took 3 s to load (`loadJSON` rebuilds its tree) and 70 ms per query (it materialises and
 * sorts every matching document, tens of thousands for a common word). Here loading is a view onto one
 * file. Terms are processed by the same analyzer as everywhere else (lower case, German stemming, umlaut
 * folding, stop words).
 *
 * Scoring every posting of every query term was the slow tail at 100k chunks: a synthetic noise word in
 * two thirds of the chunks, or "Tagen" in half of them, made a query read 100k–140k postings into one
 * score array the size of the corpus (p95 12.5 ms). Now each term stores the largest value its BM25
 * term-frequency part takes in any chunk, so a query knows how much a term can add at most, and
 * evaluates with MaxScore pruning: once the k-th best score exceeds what the weakest terms can add
 * together, a chunk that has only those terms cannot make the top k, so those terms are no longer walked
 * but only looked up for chunks a stronger term brings up, and a chunk is dropped as soon as its bound
 * falls to the k-th score. The result is exactly that of scoring everything: the same chunks, the same
 * scores (contributions are added in query order, as a term-at-a-time pass would), ties to the lower id.
 */

const K1 = 1.2;
const B = 0.75;
/** Terms of 5+ characters also match longer vocabulary terms that start with them, at this weight. */
const PREFIX_WEIGHT = 0.375;
const PREFIX_MIN_LENGTH = 5;
const PREFIX_MAX_EXPANSIONS = 64;
/** Version 2 added each term's peak term-frequency part, which pruning needs; 3 stores length norms, not lengths. */
const MAGIC = "citebot-bm25-v3";
/**
 * Upper bounds are scaled by this before a comparison: they are computed with rounding of their own and
 * must never come out below a score they bound. Being generous by 1e-9 only prunes a little less.
 */
const BOUND_SLACK = 1 + 1e-9;

/** One hit: a chunk id and its BM25 score (higher is better). */
export interface KeywordHit {
  readonly id: number;
  readonly score: number;
}

/** Work counters a search adds to, so the benchmark and tests can see what pruning saves. */
export interface SearchStats {
  /** Postings scored (a plain BM25 scores every posting of every matched term). */
  postings: number;
  /** Posting entries read while seeking a document in a list that is no longer walked. */
  lookups: number;
  /** Chunks considered as candidates (brought up by a term that is still walked). */
  candidates: number;
}

export interface KeywordIndex {
  /** Number of documents (chunk ids are 0..n-1). */
  readonly n: number;
  /** The k best chunks for a query, best first; ties go to the lower id. */
  search(query: string, k: number, stats?: SearchStats): KeywordHit[];
  /** The index as bytes, for {@link loadKeywordIndex}. */
  serialize(): Buffer;
}

/**
 * The bytes are not a keyword index of the format this code reads (written by an older citebot, or not a
 * keyword index). The index is derived from the chunks, so rebuilding it is always safe.
 */
export class KeywordIndexFormatError extends Error {
  override name = "KeywordIndexFormatError";
}

interface Arrays {
  /** Sorted, so that prefix expansion is one range of it. */
  readonly vocab: readonly string[];
  /** Postings of term t are positions offsets[t] .. offsets[t+1]-1 of docs and tfs, docs ascending. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly tfs: Uint16Array;
  /**
   * Per document, the length part of the BM25 denominator, `K1 (1 - B + B len / avglen)`. Stored rather
   * than the lengths: computing it for 100k chunks took 20–40 ms of a cold start.
   */
  readonly norms: Float64Array;
  /** Per term, the largest `tf (K1 + 1) / (tf + norm(doc))` over its postings; BM25 bounds come from it. */
  readonly peaks: Float64Array;
}

interface Header {
  readonly magic: string;
  readonly n: number;
  readonly terms: number;
  readonly postings: number;
  /** UTF-8 bytes of the vocabulary, its terms joined by "\n". */
  readonly vocabBytes: number;
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
  const norms = lengthNorms(lengths);
  const peaks = new Float64Array(vocab.length);
  for (let t = 0; t < vocab.length; t++) {
    let peak = 0;
    for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
      const tf = tfs[p]!;
      const part = (tf * (K1 + 1)) / (tf + norms[docs[p]!]!);
      if (part > peak) peak = part;
    }
    peaks[t] = peak;
  }
  return fromArrays({ vocab, offsets, docs, tfs, norms, peaks });
}

/**
 * Restores an index from {@link KeywordIndex.serialize}'s bytes. The index is mostly views onto `bytes`
 * (no copy of a file read whole), so they must not be changed afterwards. Bytes of another format (an
 * index written by an older citebot) throw {@link KeywordIndexFormatError}: rebuild the index.
 */
export function loadKeywordIndex(bytes: Buffer): KeywordIndex {
  const headerLength = bytes.readUInt32LE(0);
  let header: Partial<Header>;
  try {
    header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as Partial<Header>;
  } catch (error) {
    throw new KeywordIndexFormatError(`keyword index has an unreadable header; re-index with: npm run index -- --rebuild`, { cause: error });
  }
  if (header.magic !== MAGIC) {
    throw new KeywordIndexFormatError(
      `keyword index has format ${String(header.magic)}, this citebot reads ${MAGIC}; re-index with: npm run index -- --rebuild`,
    );
  }
  const { n = 0, terms = 0, postings = 0, vocabBytes = 0 } = header;
  const vocabStart = 4 + headerLength;
  const vocab = terms === 0 ? [] : bytes.toString("utf8", vocabStart, vocabStart + vocabBytes).split("\n");
  if (vocab.length !== terms) throw new KeywordIndexFormatError(`keyword index is damaged (${vocab.length} terms, header says ${terms}); re-index`);
  // Typed arrays must start at a multiple of their element size; a file read whole usually does, else copy once.
  const bodyStart = align(vocabStart + vocabBytes);
  const aligned = (bytes.byteOffset + bodyStart) % 8 === 0;
  const body = aligned ? bytes.buffer : new Uint8Array(bytes.subarray(bodyStart)).buffer;
  let at = aligned ? bytes.byteOffset + bodyStart : 0;
  const take = <T extends { readonly byteLength: number }>(make: (buffer: ArrayBufferLike, offset: number) => T): T => {
    const view = make(body, at);
    at = align(at + view.byteLength);
    return view;
  };
  const peaks = take((b, o) => new Float64Array(b, o, terms));
  const norms = take((b, o) => new Float64Array(b, o, n));
  const offsets = take((b, o) => new Uint32Array(b, o, terms + 1));
  const docs = take((b, o) => new Uint32Array(b, o, postings));
  const tfs = take((b, o) => new Uint16Array(b, o, postings));
  return fromArrays({ vocab, offsets, docs, tfs, norms, peaks });
}

/**
 * Per document, the length part of the BM25 denominator, computed once so that a query adds only its
 * tf. The expression is the one a plain BM25 evaluates, so scores match it to the last bit.
 */
function lengthNorms(lengths: Uint32Array): Float64Array {
  const n = lengths.length;
  let sum = 0;
  for (const length of lengths) sum += length;
  const averageLength = n > 0 ? sum / n : 0;
  const norms = new Float64Array(n);
  for (let doc = 0; doc < n; doc++) norms[doc] = K1 * (1 - B + (B * lengths[doc]!) / averageLength);
  return norms;
}

function fromArrays(arrays: Arrays): KeywordIndex {
  const { vocab, offsets, docs, tfs, norms, peaks } = arrays;
  const n = norms.length;
  const scratch = new Scratch();

  /** Adds the vocabulary terms a query term matches to the query's lists, with their weights. */
  const expand = (term: string, lists: QueryLists): void => {
    const first = lowerBound(vocab, term);
    let added = 0;
    if (vocab[first] === term) {
      lists.add(first, 1);
      added++;
    }
    if (term.length < PREFIX_MIN_LENGTH) return;
    for (let t = first; t < vocab.length && added < PREFIX_MAX_EXPANSIONS; t++) {
      const candidate = vocab[t]!;
      if (!candidate.startsWith(term)) break;
      if (candidate !== term) {
        lists.add(t, (PREFIX_WEIGHT * term.length) / candidate.length);
        added++;
      }
    }
  };

  return {
    n,
    search(query, k, stats) {
      const wanted = Math.min(Math.floor(k), n);
      if (!(wanted > 0)) return [];
      const terms = new Set<string>();
      for (const token of tokenize(query)) {
        const term = processTerm(token);
        if (term) terms.add(term);
      }
      const lists = new QueryLists(offsets, peaks, n);
      for (const term of terms) expand(term, lists);
      if (lists.size === 0) return [];
      return maxScore(lists, wanted, { docs, tfs, norms }, scratch, stats);
    },
    serialize() {
      const vocabText = Buffer.from(vocab.join("\n"), "utf8");
      const header: Header = { magic: MAGIC, n, terms: vocab.length, postings: docs.length, vocabBytes: vocabText.length };
      const headerText = Buffer.from(JSON.stringify(header), "utf8");
      const prefix = Buffer.alloc(4);
      prefix.writeUInt32LE(headerText.length, 0);
      const start = 4 + headerText.length + vocabText.length;
      const parts: Buffer[] = [prefix, headerText, vocabText, Buffer.alloc(align(start) - start)];
      for (const array of [peaks, norms, offsets, docs, tfs]) {
        const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
        parts.push(bytes, Buffer.alloc(align(bytes.length) - bytes.length));
      }
      return Buffer.concat(parts);
    },
  };
}

/**
 * The posting lists one query reads, in the order a term-at-a-time pass would add them up (query terms
 * in order of appearance, each followed by its prefix expansions). `coef` is `weight × idf`, `bound` the
 * most the list can add to a score.
 */
class QueryLists {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly coefs: number[] = [];
  readonly bounds: number[] = [];

  constructor(
    private readonly offsets: Uint32Array,
    private readonly peaks: Float64Array,
    private readonly n: number,
  ) {}

  get size(): number {
    return this.starts.length;
  }

  add(term: number, weight: number): void {
    const start = this.offsets[term]!;
    const end = this.offsets[term + 1]!;
    const df = end - start;
    const idf = Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
    const coef = weight * idf;
    this.starts.push(start);
    this.ends.push(end);
    this.coefs.push(coef);
    this.bounds.push(coef * this.peaks[term]!);
  }
}

/** Documents per window: the window's accumulator (8 bytes a document) stays in the L1 cache. */
const WINDOW = 2048;

/** Buffers reused from query to query (a search runs synchronously, so one set per index is enough). */
class Scratch {
  heapIds = new Int32Array(64);
  heapScores = new Float64Array(64);
  /** Partial scores of one window of documents; all zero between windows. */
  readonly window = new Float64Array(WINDOW);
  /** Which documents of the window have a partial score, one bit each; all zero between windows. */
  readonly found = new Int32Array(WINDOW / 32);
  readonly seeks = { reads: 0 };

  reserve(k: number): void {
    if (this.heapIds.length >= k) return;
    this.heapIds = new Int32Array(k);
    this.heapScores = new Float64Array(k);
  }
}

interface Postings {
  readonly docs: Uint32Array;
  readonly tfs: Uint16Array;
  readonly norms: Float64Array;
}

/**
 * Top-k with MaxScore pruning (Turtle & Flood 1995), in windows of document ids. Lists sorted by bound,
 * the weakest ones whose bounds sum to at most the k-th score are "non-essential": a document found only
 * in them cannot enter the top k. Within a window, the essential lists are added up term at a time into
 * a small accumulator that stays in the CPU cache (one accumulator over all chunks, indexed at random,
 * made the old search slow per posting); then each document found there, in id order, looks up the
 * non-essential lists, strongest first, only while its bound still exceeds the k-th score. As documents
 * are taken in id order, a later document never wins a tie with the k-th.
 */
function maxScore(lists: QueryLists, k: number, postings: Postings, scratch: Scratch, stats: SearchStats | undefined): KeywordHit[] {
  const { docs, tfs, norms } = postings;
  const count = lists.size;
  const n = norms.length;
  // Lists by ascending bound; `slot[i]` is where query list i went, so scores can be added in query order.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => lists.bounds[a]! - lists.bounds[b]! || a - b);
  const pos = new Int32Array(count);
  const end = new Int32Array(count);
  const coef = new Float64Array(count);
  const reach = new Float64Array(count); // bound of lists 0..j together (compared after scaling by BOUND_SLACK)
  const slot = new Int32Array(count);
  const windowStart = new Int32Array(count);
  const value = new Float64Array(count); // contribution of non-essential list j to document stamp[j]
  const stamp = new Int32Array(count).fill(-1);
  let sum = 0;
  order.forEach((list, j) => {
    pos[j] = lists.starts[list]!;
    end[j] = lists.ends[list]!;
    coef[j] = lists.coefs[list]!;
    sum += lists.bounds[list]!;
    reach[j] = sum;
    slot[list] = j;
  });

  scratch.reserve(k);
  const { heapIds, heapScores, window, found, seeks } = scratch;
  seeks.reads = 0;
  let size = 0;
  let threshold = 0; // the k-th score once k documents are held; scores are positive
  let essential = 0; // lists 0..essential-1 are non-essential
  let read = 0;
  let candidates = 0;

  while (essential < count) {
    // The next window starts at the first document any essential list has left.
    let base = n;
    for (let j = essential; j < count; j++) {
      const p = pos[j]!;
      if (p < end[j]! && docs[p]! < base) base = docs[p]!;
    }
    if (base === n) break;
    const limit = base + WINDOW;
    for (let j = essential; j < count; j++) {
      const c = coef[j]!;
      const stop = end[j]!;
      let p = pos[j]!;
      windowStart[j] = p;
      for (; p < stop; p++) {
        const doc = docs[p]!;
        if (doc >= limit) break;
        const tf = tfs[p]!;
        const at = doc - base;
        const before = window[at]!;
        if (before === 0) {
          found[at >>> 5]! |= 1 << (at & 31);
          candidates++;
        }
        window[at] = before + (c * tf * (K1 + 1)) / (tf + norms[doc]!);
      }
      read += p - pos[j]!;
      pos[j] = p;
    }

    const firstEssential = essential; // lists that turn non-essential meanwhile were added up above already
    for (let word = 0; word < found.length; word++) {
      // The window's documents in id order: lowest set bit first.
      for (let bits = found[word]!; bits !== 0; ) {
        const lowest = bits & -bits;
        bits ^= lowest;
        const at = (word << 5) | (31 - Math.clz32(lowest));
        const doc = base + at;
        let partial = window[at]!;
        window[at] = 0;
        let pruned = false;
        for (let j = firstEssential - 1; j >= 0; j--) {
          if ((partial + reach[j]!) * BOUND_SLACK <= threshold) {
            pruned = true;
            break;
          }
          const p = seek(docs, pos[j]!, end[j]!, doc, seeks);
          pos[j] = p;
          if (p < end[j]! && docs[p] === doc) {
            const tf = tfs[p]!;
            const contribution = (coef[j]! * tf * (K1 + 1)) / (tf + norms[doc]!);
            value[j] = contribution;
            stamp[j] = doc;
            partial += contribution;
            pos[j] = p + 1;
            read++;
          }
        }
        if (pruned || (size === k && partial * BOUND_SLACK <= threshold)) continue;

        // The exact score, summed in query order as a term-at-a-time pass does.
        let score = 0;
        for (let i = 0; i < count; i++) {
          const j = slot[i]!;
          if (j < firstEssential) {
            if (stamp[j] === doc) score += value[j]!;
            continue;
          }
          const p = seek(docs, windowStart[j]!, pos[j]!, doc, seeks);
          if (p < pos[j]! && docs[p] === doc) {
            const tf = tfs[p]!;
            score += (coef[j]! * tf * (K1 + 1)) / (tf + norms[doc]!);
          }
        }
        if (size < k) {
          heapPush(heapIds, heapScores, size++, doc, score);
          if (size === k) threshold = heapScores[0]!;
        } else if (score > threshold) {
          heapReplaceRoot(heapIds, heapScores, size, doc, score);
          threshold = heapScores[0]!;
        }
      }
      found[word] = 0;
    }
    while (essential < count && reach[essential]! * BOUND_SLACK <= threshold) essential++;
  }

  if (stats) {
    stats.postings += read;
    stats.lookups += seeks.reads;
    stats.candidates += candidates;
  }
  const hits: KeywordHit[] = [];
  for (let i = 0; i < size; i++) hits.push({ id: heapIds[i]!, score: heapScores[i]! });
  return hits.sort((a, b) => b.score - a.score || a.id - b.id);
}

/**
 * The first position in `docs[from..to)` holding a document >= doc, or `to`: galloping from `from`,
 * since the next candidate is usually close. Counts the entries it reads.
 */
function seek(docs: Uint32Array, from: number, to: number, doc: number, counter: { reads: number }): number {
  if (from >= to || docs[from]! >= doc) return from;
  // docs[lo] < doc, and docs[hi] >= doc or hi is the end.
  let lo = from;
  let step = 1;
  let hi = from + 1;
  let reads = 1;
  while (hi < to && docs[hi]! < doc) {
    reads++;
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > to) hi = to;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    reads++;
    if (docs[mid]! < doc) lo = mid;
    else hi = mid;
  }
  counter.reads += reads;
  return hi;
}

/** Min-heap of the k best so far; the root is the worst: lowest score, and of equal scores the higher id. */
function worse(ids: Int32Array, scores: Float64Array, a: number, b: number): boolean {
  return scores[a]! < scores[b]! || (scores[a] === scores[b] && ids[a]! > ids[b]!);
}

function heapPush(ids: Int32Array, scores: Float64Array, size: number, id: number, score: number): void {
  let i = size;
  ids[i] = id;
  scores[i] = score;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(ids, scores, i, parent)) break;
    swap(ids, scores, i, parent);
    i = parent;
  }
}

function heapReplaceRoot(ids: Int32Array, scores: Float64Array, size: number, id: number, score: number): void {
  ids[0] = id;
  scores[0] = score;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && worse(ids, scores, right, left) ? right : left;
    if (!worse(ids, scores, child, i)) break;
    swap(ids, scores, i, child);
    i = child;
  }
}

function swap(ids: Int32Array, scores: Float64Array, a: number, b: number): void {
  const id = ids[a]!;
  ids[a] = ids[b]!;
  ids[b] = id;
  const score = scores[a]!;
  scores[a] = scores[b]!;
  scores[b] = score;
}

/** The first position in an ascending array whose value is not below `value` (the array's length if none). */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T): number {
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
