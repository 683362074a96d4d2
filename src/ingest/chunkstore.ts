import type { Chunk, SentenceSpan } from "../types.js";
import { CorruptFileError, decodeBinary, encodeBinary, type Section } from "./binary.js";
import { sentenceTable, type SentenceTable } from "./sentences.js";

/**
 * chunks.bin: the chunks and sentences of an index as spans over the texts of their documents, each text
 * stored once. Chunks overlap, and a JSON file with every chunk's text (75 MB at 100k chunks) took over a
 * second to read and parse; here opening is one read and a few typed-array views, a document's text is
 * decoded when one of its chunks is first read, and a chunk's text is a slice of it, so
 * `chunk.text === fileText.slice(chunk.start, chunk.end)` holds by construction.
 */

/** A document as the chunk store keeps it: its path and its full text. */
export interface StoredDoc {
  readonly source: string;
  readonly text: string;
}

/** A decoded chunks.bin. */
export interface ChunkStore {
  /** The documents' sources, in build order; a chunk's `source` is one of them. */
  readonly sources: readonly string[];
  /** `chunks[id].id === id`; texts and sentences are read from the store when first asked for. */
  readonly chunks: readonly Chunk[];
  readonly sentences: SentenceTable;
  /** The full text of document `doc` (an index into `sources`). */
  docText(doc: number): string;
}

const MAGIC = "citebot-chunks-v1";

/**
 * Lays out documents and their chunks as chunks.bin. Every chunk's source must be among `docs` and its
 * text the slice of that document's text it claims to be.
 */
export function encodeChunkStore(docs: readonly StoredDoc[], chunks: readonly Chunk[]): Buffer {
  const docOf = new Map(docs.map((d, i) => [d.source, i]));
  const chunkDoc = new Uint32Array(chunks.length);
  const chunkStart = new Uint32Array(chunks.length);
  const chunkEnd = new Uint32Array(chunks.length);
  chunks.forEach((chunk, id) => {
    const doc = docOf.get(chunk.source);
    if (doc === undefined) throw new Error(`chunk ${id} belongs to ${chunk.source}, which is not among the documents`);
    if (docs[doc]!.text.slice(chunk.start, chunk.end) !== chunk.text) {
      throw new Error(`chunk ${id} of ${chunk.source} is not the text at ${chunk.start}–${chunk.end} of its document`);
    }
    chunkDoc[id] = doc;
    chunkStart[id] = chunk.start;
    chunkEnd[id] = chunk.end;
  });
  const table = sentenceTable(chunks);
  const texts = docs.map((d) => Buffer.from(d.text, "utf8"));
  const textOffsets = new Uint32Array(docs.length + 1);
  texts.forEach((t, i) => (textOffsets[i + 1] = textOffsets[i]! + t.length));
  const textLengths = Uint32Array.from(docs, (d) => d.text.length);
  const text = Buffer.concat(texts);
  const header = { sources: docs.map((d) => d.source), chunks: chunks.length, sentences: table.count };
  return encodeBinary(MAGIC, header, [
    textOffsets,
    textLengths,
    chunkDoc,
    chunkStart,
    chunkEnd,
    table.memberOffsets,
    table.members,
    table.start,
    table.end,
    table.firstChunk,
    new Uint8Array(text.buffer, text.byteOffset, text.byteLength),
  ]);
}

/**
 * Opens chunks.bin: checks that every span lies inside its document and every reference points at
 * something that exists, so a damaged file fails here with {@link CorruptFileError} rather than later with
 * wrong quotes.
 */
export function decodeChunkStore(bytes: Uint8Array): ChunkStore {
  const { header, sections } = decodeBinary(bytes, MAGIC);
  const { sources, chunks: n, sentences: count } = header;
  if (!isStrings(sources) || !isCount(n) || !isCount(count)) {
    throw new CorruptFileError("header lacks sources or counts");
  }
  const d = sources.length;
  const [textOffsets, textLengths, chunkDoc, chunkStart, chunkEnd, memberOffsets, members, start, end, firstChunk, text] = sections;
  const expected: [Section | undefined, number][] = [
    [textOffsets, d + 1], [textLengths, d], [chunkDoc, n], [chunkStart, n], [chunkEnd, n], [memberOffsets, n + 1],
    [start, count], [end, count], [firstChunk, count], [members, -1],
  ];
  if (sections.length !== 11 || !(text instanceof Uint8Array) || text instanceof Uint32Array) throw new CorruptFileError("unexpected sections");
  for (const [array, length] of expected) {
    if (!(array instanceof Uint32Array) || (length >= 0 && array.length !== length)) {
      throw new CorruptFileError("sections do not match the counts in the header");
    }
  }
  const arrays = {
    textOffsets, textLengths, chunkDoc, chunkStart, chunkEnd, memberOffsets, members, start, end, firstChunk,
  } as Record<keyof Arrays, Uint32Array>;
  check(arrays, text.length, d, n, count);

  const bytesOfText = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const decoded: (string | undefined)[] = new Array(d);
  const docText = (doc: number): string => {
    let value = decoded[doc];
    if (value === undefined) {
      value = bytesOfText.toString("utf8", arrays.textOffsets[doc], arrays.textOffsets[doc + 1]);
      if (value.length !== arrays.textLengths[doc]) {
        throw new CorruptFileError(`text of ${String(sources[doc])} decodes to ${value.length} characters, expected ${arrays.textLengths[doc]}`);
      }
      decoded[doc] = value;
    }
    return value;
  };
  const view: ChunkView = { ...arrays, sources, docText };
  const chunks: Chunk[] = new Array(n);
  for (let id = 0; id < n; id++) chunks[id] = new StoredChunk(view, id);
  const sentenceDoc = (index: number) => arrays.chunkDoc[arrays.firstChunk[index]!]!;
  return {
    sources,
    chunks,
    docText,
    sentences: {
      count,
      start: arrays.start,
      end: arrays.end,
      firstChunk: arrays.firstChunk,
      memberOffsets: arrays.memberOffsets,
      members: arrays.members,
      source: (index) => sources[sentenceDoc(index)]!,
      text: (index) => docText(sentenceDoc(index)).slice(arrays.start[index], arrays.end[index]),
    },
  };
}

/** The typed arrays of chunks.bin, in file order (the UTF-8 text follows them). */
interface Arrays {
  /** Document d's UTF-8 text: bytes textOffsets[d] … textOffsets[d + 1] − 1 of the text section. */
  readonly textOffsets: Uint32Array;
  /** Its length in UTF-16 code units, as JavaScript counts offsets. */
  readonly textLengths: Uint32Array;
  readonly chunkDoc: Uint32Array;
  readonly chunkStart: Uint32Array;
  readonly chunkEnd: Uint32Array;
  /** Chunk c's sentences: members[memberOffsets[c]] … members[memberOffsets[c + 1] − 1]. */
  readonly memberOffsets: Uint32Array;
  readonly members: Uint32Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly firstChunk: Uint32Array;
}

interface ChunkView extends Arrays {
  readonly sources: readonly string[];
  docText(doc: number): string;
}

/** A chunk backed by the store: building 100k of them costs a few milliseconds, reading one a slice. */
class StoredChunk implements Chunk {
  readonly #store: ChunkView;
  readonly id: number;
  readonly source: string;
  readonly start: number;
  readonly end: number;

  constructor(store: ChunkView, id: number) {
    this.#store = store;
    this.id = id;
    this.source = store.sources[store.chunkDoc[id]!]!;
    this.start = store.chunkStart[id]!;
    this.end = store.chunkEnd[id]!;
  }

  get text(): string {
    return this.#store.docText(this.#store.chunkDoc[this.id]!).slice(this.start, this.end);
  }

  get sentences(): SentenceSpan[] {
    const s = this.#store;
    const spans: SentenceSpan[] = [];
    for (let k = s.memberOffsets[this.id]!; k < s.memberOffsets[this.id + 1]!; k++) {
      const index = s.members[k]!;
      spans.push({ start: s.start[index]!, end: s.end[index]! });
    }
    return spans;
  }

  /** `text` and `sentences` are getters, which `JSON.stringify` would skip; a chunk serialises whole. */
  toJSON(): Chunk {
    return { id: this.id, source: this.source, start: this.start, end: this.end, text: this.text, sentences: this.sentences };
  }
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((s) => typeof s === "string");
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** Every offset ascending and in range, every span inside its document and chunk, every id pointing at something. */
function check(s: Arrays, textBytes: number, docs: number, chunks: number, sentences: number): void {
  const fail = (what: string) => {
    throw new CorruptFileError(what);
  };
  if (s.textOffsets[0] !== 0 || s.textOffsets[docs] !== textBytes) fail("text offsets do not cover the text");
  for (let doc = 0; doc < docs; doc++) if (s.textOffsets[doc]! > s.textOffsets[doc + 1]!) fail("text offsets out of order");
  if (s.memberOffsets[0] !== 0 || s.memberOffsets[chunks] !== s.members.length) fail("chunk sentence rows do not cover the members");
  for (let i = 0; i < sentences; i++) {
    const chunk = s.firstChunk[i]!;
    if (chunk >= chunks) fail(`sentence ${i} names chunk ${chunk}, which does not exist`);
  }
  for (let id = 0; id < chunks; id++) {
    const doc = s.chunkDoc[id]!;
    const start = s.chunkStart[id]!;
    const end = s.chunkEnd[id]!;
    if (doc >= docs || start > end || end > s.textLengths[doc]!) fail(`chunk ${id} lies outside its document`);
    const from = s.memberOffsets[id]!;
    const to = s.memberOffsets[id + 1]!;
    if (from > to || to > s.members.length) fail("chunk sentence rows out of order");
    for (let k = from; k < to; k++) {
      const sentence = s.members[k]!;
      if (sentence >= sentences) fail(`sentence ${sentence} does not exist`);
      if (s.start[sentence]! < start || s.start[sentence]! > s.end[sentence]! || s.end[sentence]! > end) {
        fail(`sentence ${sentence} lies outside chunk ${id}`);
      }
    }
  }
}
