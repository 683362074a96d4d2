import { createHash, randomBytes } from "node:crypto";
import { copyFile, link, mkdir, open, readFile, readdir, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type { Chunk, DocInfo, SourceDoc } from "../types.js";
import { CorruptFileError } from "./binary.js";
import { decodeFacts, encodeFacts, type SentenceDescriber, type SentenceFacts } from "./facts.js";
import { chunkDoc, type ChunkingOptions, type ChunkDraft } from "./chunk.js";
import { decodeChunkStore, encodeChunkStore, type ChunkStore } from "./chunkstore.js";
import type { CitebotEmbeddings } from "./embed.js";
import { buildKeywordIndex, KeywordIndexFormatError, loadKeywordIndex, type KeywordIndex } from "./bm25.js";
import { analyze } from "./keyword.js";
import { loadSeeds, SPLITTER_VERSION, SUPPORTED_EXTENSIONS, type SkippedSeed } from "./load.js";
import { acquireLock, IndexLockedError, isRunning, ownerOfTag, ownerTag } from "./lock.js";
import {
  analysisVersion,
  analyzeSentences,
  createAnalysisBuilder,
  decodeAnalysis,
  encodeAnalysis,
  type SentenceAnalysis,
  type SentenceTable,
} from "./sentences.js";

const { HierarchicalNSW } = hnswlib;

/**
 * The index on disk, and the only code that reads or writes it. A build writes everything into a
 * temporary folder beside `index/` and swaps it in with a rename when complete, so a crash or error
 * mid-build leaves the previous index as it was. Builds are incremental: a source whose sha256 is
 * unchanged keeps its chunks and vectors and is not embedded again. The sentences of the chunks are
 * analysed at build time too (sentences.bin), so opening an index reads what answering needs instead
 * of recomputing it.
 *
 * What a maintainer can rely on: builds take an inter-process lock (lock.ts), so two never overlap; the
 * files are fsynced, and the folder too, before the swap, so a power cut cannot leave a renamed index with
 * empty files; the manifest records every file's size (and a checksum of the small ones), which opening
 * checks; and folders left by a killed build are removed by the next build once their owner is gone.
 */

export { IndexLockedError };

export const SCHEMA_VERSION = 3;

const FILES = {
  manifest: "manifest.json",
  chunks: "chunks.bin",
  sentences: "sentences.bin",
  facts: "facts.bin",
  vectors: "vectors.f32",
  hnsw: "vectors.hnsw",
  keywords: "keywords.bm25",
  embedder: "embedder.bin",
} as const;

export interface Manifest {
  readonly schema: number;
  readonly buildId: string;
  readonly builtAt: string;
  readonly buildMs: number;
  readonly embedder: { readonly id: string; readonly dimension: number; readonly state: boolean };
  /** With the version of the sentence splitter that cut the chunks (absent: version 1). */
  readonly chunking: ChunkingOptions & { readonly splitter?: number };
  readonly hnsw: { readonly space: "cosine"; readonly m: number; readonly efConstruction: number };
  readonly counts: { readonly docs: number; readonly chunks: number };
  /**
   * Which analysis sentences.bin holds (see `analysisVersion`). Absent or different from this citebot's,
   * the sentences are analysed again when the index is opened, and `npm run index` rewrites the file.
   */
  readonly analysis?: { readonly version: string; readonly sentences: number };
  /** Which facts facts.bin holds (see `SentenceDescriber`); absent when the build was given no describer. */
  readonly facts?: { readonly version: string };
  readonly docs: readonly DocInfo[];
  /** Every other file of the index, as written; absent in indexes written before it was recorded. */
  readonly files?: Readonly<Record<string, FileRecord>>;
}

/** A file of the index as the manifest records it: its size, and for a small file its sha256. */
export interface FileRecord {
  readonly bytes: number;
  readonly sha256?: string;
}

/**
 * Files up to this size get a checksum in the manifest. Opening reads most of them whole anyway, so
 * hashing costs only CPU; the large ones (the HNSW graph, the vectors) are checked by size, since
 * hashing hundreds of megabytes would slow every start.
 */
const CHECKSUM_MAX_BYTES = 4 * 1024 * 1024;

export interface LoadedIndex {
  readonly dir: string;
  readonly manifest: Manifest;
  /** All chunks; `chunks[id].id === id`. */
  readonly chunks: readonly Chunk[];
  /** Every sentence of the chunks once, and which chunks hold it. */
  readonly sentenceTable: SentenceTable;
  /** The stems of every sentence, as this citebot's analyzer computes them (stored, or recomputed on open). */
  readonly analysis: SentenceAnalysis;
  /** What reading needs of each sentence beyond its stems, when the build stored it (the reader checks its version). */
  readonly facts?: SentenceFacts;
  readonly docs: readonly DocInfo[];
  doc(source: string): DocInfo | undefined;
  /**
   * The text of a source as the index holds it (extracted from a web page or PDF): what citations'
   * offsets point into, `quote === docText(source).slice(start, end)`. Undefined for an unknown source.
   */
  docText(source: string): string | undefined;
  /** Embeds a query in this index's space (with the lexical embedder's stored IDF). */
  embedQuery(text: string): Promise<number[]>;
  /** k nearest chunks by cosine distance (lower is closer). */
  searchDense(vector: readonly number[], k: number): { id: number; distance: number }[];
  /** BM25 keyword search, best first. */
  searchKeyword(query: string, k: number): { id: number; score: number }[];
  /** hnswlib does not save `ef`; it is set on every load and may be changed later. */
  setEf(ef: number): void;
}

export interface BuildOptions {
  readonly seedsDir: string;
  readonly indexDir: string;
  readonly embeddings: CitebotEmbeddings;
  readonly chunking: ChunkingOptions;
  readonly hnsw: { readonly m: number; readonly efConstruction: number };
  /** Texts per embedDocuments call; progress is reported per batch. */
  readonly batchSize?: number;
  /** Ignore the previous index: re-chunk, re-fit and re-embed everything. */
  readonly rebuild?: boolean;
  /** Progress of the long phases: embedding chunks, then describing sentences (see {@link SentenceDescriber}). */
  readonly onProgress?: (progress: { readonly phase: "embedding" | "describing"; readonly done: number; readonly total: number }) => void;
  readonly onWarning?: (message: string) => void;
  /** Works out each sentence's facts for facts.bin; without one, no facts are stored and reading works them out on demand. */
  readonly describer?: SentenceDescriber;
  /** Takes the build lock and resolves to its release; {@link acquireLock} unless a test watches it. */
  readonly lock?: (indexDir: string) => Promise<() => Promise<void>>;
}

export interface BuildSummary {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly chunks: number;
  readonly embedded: number;
  readonly ms: number;
  readonly skipped: readonly SkippedSeed[];
  /** False when nothing changed and the index on disk was left as it was. */
  readonly written: boolean;
}

/** No usable seed: the index is left untouched. */
export class NoSeedsError extends Error {
  override name = "NoSeedsError";
}
/** There is no index at that path yet. */
export class IndexMissingError extends Error {
  override name = "IndexMissingError";
}
/** The index was built with another embedder or dimension, or by another schema version. */
export class IndexMismatchError extends Error {
  override name = "IndexMismatchError";
}
/** The index was written by another version of citebot's index format; rebuilding it is safe. */
export class IndexSchemaError extends IndexMismatchError {
  override name = "IndexSchemaError";
}
/** A file of the index is missing, truncated or damaged; rebuilding the index is the way out. */
export class IndexCorruptError extends Error {
  override name = "IndexCorruptError";
}

interface Previous {
  readonly manifest: Manifest;
  readonly store: ChunkStore;
  readonly vectors: Float32Array;
  readonly embedderState: Uint8Array | undefined;
  /** Its sentence facts, when they are of the version the build's describer makes. */
  readonly facts?: SentenceFacts;
}

/**
 * Builds or updates the index at `indexDir` from the seeds in `seedsDir`.
 *
 * @example
 * const summary = await buildIndex({ seedsDir: "seeds", indexDir: "index", embeddings, chunking, hnsw });
 * // → { added: 1, updated: 0, removed: 0, unchanged: 0, chunks: 8, embedded: 8, ms: 41, … }
 */
export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const warn = options.onWarning ?? (() => {});
  const release = await (options.lock ?? acquireLock)(options.indexDir);
  try {
    await recoverInterruptedSwap(options.indexDir);
    const removedLeftovers = await removeLeftovers(options.indexDir);
    if (removedLeftovers.length > 0) warn(`removed what interrupted builds left beside the index: ${removedLeftovers.join(", ")}`);
    const { docs, skipped, unsupported } = await loadSeedsOrFail(options.seedsDir, options.indexDir);
    for (const s of skipped) warn(`skipped seed ${s.source}: ${s.reason}`);
    if (unsupported.length > 0) {
      const listed = unsupported.slice(0, 5).join(", ") + (unsupported.length > 5 ? ` and ${unsupported.length - 5} more` : "");
      warn(`ignored ${unsupported.length} file${unsupported.length === 1 ? "" : "s"} of a type citebot does not read (${listed}); seeds may be ${SUPPORTED_EXTENSIONS}`);
    }
    if (docs.length === 0) {
      throw new NoSeedsError(
        `No usable seeds in ${options.seedsDir}${skipped.length ? ` (${skipped.length} skipped)` : ""}: ` +
          `add ${SUPPORTED_EXTENSIONS} files.${await untouchedNote(options.indexDir)}`,
      );
    }

    const previous = options.rebuild ? undefined : await readPrevious(options, warn);
    let embedder = options.embeddings;
    if (previous?.embedderState && embedder.loadState) embedder = embedder.loadState(previous.embedderState);
    else if (embedder.fit) embedder = embedder.fit(docs.flatMap((d) => d.sentences.map((s) => d.text.slice(s.start, s.end))));

    const previousBySource = new Map(previous?.manifest.docs.map((d) => [d.source, d]) ?? []);
    const plan = docs.map((doc) => {
      const before = previousBySource.get(doc.source);
      const status = !before ? "added" : before.sha256 === doc.sha256 ? "unchanged" : "updated";
      return { doc, status } as const;
    });
    const currentSources = new Set(docs.map((d) => d.source));
    const removed = [...previousBySource.keys()].filter((s) => !currentSources.has(s)).length;
    const count = (status: string) => plan.filter((p) => p.status === status).length;

    if (previous && removed === 0 && plan.every((p) => p.status === "unchanged")) {
      const chunks = previous.store.chunks.length;
      const current =
        previous.manifest.analysis?.version === analysisVersion(analyze) &&
        (options.describer === undefined || previous.manifest.facts?.version === options.describer.version);
      if (!current) await rewriteAnalysis(options, previous, started);
      return summary(count, removed, chunks, 0, started, skipped, !current);
    }

    // Chunks in source order; unchanged sources take their chunks and vectors from the previous index.
    const drafts: ChunkDraft[] = [];
    const reused: (Float32Array | undefined)[] = [];
    const toEmbed: number[] = [];
    const dimensionBefore = previous?.manifest.embedder.dimension ?? 0;
    const previousChunks = new Map<string, Chunk[]>();
    for (const chunk of previous?.store.chunks ?? []) {
      const list = previousChunks.get(chunk.source);
      if (list) list.push(chunk);
      else previousChunks.set(chunk.source, [chunk]);
    }
    for (const { doc, status } of plan) {
      if (status === "unchanged" && previous) {
        // Same sha256, same text: the previous spans cut the same chunks out of the current text.
        for (const { id, start, end, sentences } of previousChunks.get(doc.source) ?? []) {
          drafts.push({ source: doc.source, start, end, text: doc.text.slice(start, end), sentences });
          reused.push(previous.vectors.subarray(id * dimensionBefore, (id + 1) * dimensionBefore));
        }
      } else {
        for (const draft of chunkDoc(doc, options.chunking)) {
          toEmbed.push(drafts.length);
          drafts.push(draft);
          reused.push(undefined);
        }
      }
    }

    const embeddedVectors = await embedInBatches(
      embedder,
      toEmbed.map((i) => drafts[i]!.text),
      options.batchSize ?? 64,
      options.onProgress,
    );
    const dimension = embeddedVectors[0]?.length ?? dimensionBefore;
    const vectors = new Float32Array(drafts.length * dimension);
    toEmbed.forEach((draftIndex, j) => {
      const vector = embeddedVectors[j]!;
      if (vector.length !== dimension) {
        throw new Error(`embedder returned vectors of ${vector.length} and ${dimension} dimensions in one build`);
      }
      vectors.set(vector, draftIndex * dimension);
    });
    reused.forEach((vector, i) => {
      if (!vector) return;
      if (vector.length !== dimension) {
        throw new IndexMismatchError(
          `the previous index has ${vector.length}-dimensional vectors but the embedder now returns ${dimension}; run with --rebuild`,
        );
      }
      vectors.set(vector, i * dimension);
    });

    const chunks: Chunk[] = drafts.map((draft, id) => ({ id, ...draft }));
    const chunkCounts = new Map<string, number>();
    for (const chunk of chunks) chunkCounts.set(chunk.source, (chunkCounts.get(chunk.source) ?? 0) + 1);
    const docInfos: DocInfo[] = docs.map((doc) => docInfo(doc, chunkCounts.get(doc.source) ?? 0));
    const chunkStore = encodeChunkStore(docs, chunks);
    const table = decodeChunkStore(chunkStore).sentences;
    const analysis = await analyzeInSlices(table);
    const unchanged = new Set(plan.filter((p) => p.status === "unchanged").map((p) => p.doc.source));
    const facts = await describeInSlices(options, table, analysis, unchangedFacts(previous, table, unchanged));
    const manifest: Manifest = {
      schema: SCHEMA_VERSION,
      buildId: randomBytes(8).toString("hex"),
      builtAt: new Date().toISOString(),
      buildMs: 0,
      embedder: { id: embedder.id, dimension, state: Boolean(embedder.saveState) },
      chunking: { sentences: options.chunking.sentences, overlap: options.chunking.overlap, splitter: SPLITTER_VERSION },
      hnsw: { space: "cosine", m: options.hnsw.m, efConstruction: options.hnsw.efConstruction },
      counts: { docs: docInfos.length, chunks: chunks.length },
      analysis: { version: analysis.version, sentences: analysis.offsets.length - 1 },
      ...(facts ? { facts: { version: facts.version } } : {}),
      docs: docInfos,
    };

    await writeAtomically(options.indexDir, async (dir) => {
      const hnsw = new HierarchicalNSW("cosine", dimension);
      hnsw.initIndex({ maxElements: Math.max(1, chunks.length), m: options.hnsw.m, efConstruction: options.hnsw.efConstruction, randomSeed: 100 });
      for (let i = 0; i < chunks.length; i++) {
        hnsw.addPoint(Array.from(vectors.subarray(i * dimension, (i + 1) * dimension)), i);
        if (i % 500 === 499) await yieldToEventLoop();
      }
      await hnsw.writeIndex(path.join(dir, FILES.hnsw));
      await writeFile(path.join(dir, FILES.vectors), Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength));
      await writeFile(path.join(dir, FILES.chunks), chunkStore);
      await writeFile(path.join(dir, FILES.sentences), encodeAnalysis(analysis));
      if (facts) await writeFile(path.join(dir, FILES.facts), encodeFacts(facts));
      await writeFile(path.join(dir, FILES.keywords), buildKeywordIndex(chunks.map((c) => c.text)).serialize());
      const state = embedder.saveState?.();
      if (state) await writeFile(path.join(dir, FILES.embedder), state);
      await writeFile(path.join(dir, ".gitkeep"), "");
    }, (files) => ({ ...manifest, buildMs: Math.round(performance.now() - started), files }));
    return summary(count, removed, chunks.length, toEmbed.length, started, skipped, true);
  } finally {
    await release();
  }
}

/**
 * Opens a built index for querying. Refuses an index built with another embedder, dimension or
 * schema, with a message telling the user to re-index, and a damaged one with {@link IndexCorruptError}.
 * Sentence analysis stored by another version of the analyzer is not used: the sentences are analysed
 * again (seconds for a large index), and `onWarning` says so once.
 */
export async function openIndex(
  dir: string,
  options: { embeddings: CitebotEmbeddings; ef: number; onWarning?: (message: string) => void },
): Promise<LoadedIndex> {
  await recoverInterruptedSwap(dir);
  const manifest = await readManifest(dir);
  checkCompatible(manifest, options.embeddings, dir);
  await checkSizes(dir, manifest);
  // hnswlib reads its graph on a worker thread (the largest file); the rest is read and decoded meanwhile.
  const hnsw = new HierarchicalNSW("cosine", manifest.embedder.dimension);
  const graph = hnsw.readIndex(path.join(dir, FILES.hnsw));
  let parts: Awaited<ReturnType<typeof readParts>>;
  try {
    parts = await readParts(dir, manifest, options);
  } catch (error) {
    await graph.catch(() => {});
    throw error;
  }
  await graph;
  hnsw.setEf(options.ef);
  const { store, analysis, facts, keywords, embedder } = parts;
  const bySource = new Map(manifest.docs.map((d) => [d.source, d]));
  const docIndex = new Map(store.sources.map((source, i) => [source, i]));
  const dimension = manifest.embedder.dimension;
  const count = hnsw.getCurrentCount();

  return {
    dir,
    manifest,
    chunks: store.chunks,
    sentenceTable: store.sentences,
    analysis,
    ...(facts ? { facts } : {}),
    docs: manifest.docs,
    doc: (source) => bySource.get(source),
    docText: (source) => {
      const doc = docIndex.get(source);
      return doc === undefined ? undefined : store.docText(doc);
    },
    async embedQuery(text) {
      const vector = await embedder.embedQuery(text);
      if (vector.length !== dimension) {
        throw new IndexMismatchError(
          `the embedder returns ${vector.length}-dimensional vectors but the index at ${dir} holds ${dimension}; re-index with: npm run index -- --rebuild`,
        );
      }
      return vector;
    },
    searchDense(vector, k) {
      const n = Math.min(k, count);
      if (n <= 0) return [];
      const { neighbors, distances } = hnsw.searchKnn(vector as number[], n);
      return neighbors.map((id, i) => ({ id, distance: distances[i]! }));
    },
    searchKeyword: (query, k) => keywords.search(query, k),
    setEf: (ef) => hnsw.setEf(ef),
  };
}

/** Everything of an index but its HNSW graph, read in parallel and decoded. */
async function readParts(dir: string, manifest: Manifest, options: Parameters<typeof openIndex>[1]) {
  const version = analysisVersion(analyze);
  const stored = manifest.analysis?.version === version;
  const withState = manifest.embedder.state && options.embeddings.loadState !== undefined;
  const [chunkBytes, sentenceBytes, factBytes, keywordBytes, state] = await Promise.all([
    readIndexFile(dir, FILES.chunks),
    stored ? readIndexFile(dir, FILES.sentences) : undefined,
    stored && manifest.facts ? readIndexFile(dir, FILES.facts) : undefined,
    readIndexFile(dir, FILES.keywords),
    withState ? readIndexFile(dir, FILES.embedder) : undefined,
  ]);
  const read = new Map<string, Uint8Array>([[FILES.chunks, chunkBytes], [FILES.keywords, keywordBytes]]);
  if (sentenceBytes) read.set(FILES.sentences, sentenceBytes);
  if (factBytes) read.set(FILES.facts, factBytes);
  if (state) read.set(FILES.embedder, state);
  const store = decodeOrFail(dir, FILES.chunks, () => decodeChunkStore(chunkBytes));
  if (store.chunks.length !== manifest.counts.chunks) {
    throw new IndexCorruptError(
      `index at ${dir} is inconsistent (${store.chunks.length} chunks, manifest says ${manifest.counts.chunks}); re-run npm run index -- --rebuild`,
    );
  }
  let analysis: SentenceAnalysis;
  if (sentenceBytes) {
    analysis = decodeOrFail(dir, FILES.sentences, () => decodeAnalysis(sentenceBytes, store.sentences.count));
    if (analysis.version !== version) {
      throw new IndexCorruptError(
        `index at ${dir}: ${FILES.sentences} holds analysis ${analysis.version}, the manifest says ${version}; ` +
          "rebuild it with: npm run index -- --rebuild",
      );
    }
  } else {
    options.onWarning?.(
      `index at ${dir} has ${manifest.analysis ? `sentence analysis ${manifest.analysis.version}` : "no stored sentence analysis"}, ` +
        `this citebot's is ${version}: analysing ${store.sentences.count} sentences at every start until you run npm run index`,
    );
    analysis = analyzeSentences(store.sentences, analyze);
  }
  const facts = factBytes ? decodeOrFail(dir, FILES.facts, () => decodeFacts(factBytes, store.sentences.count)) : undefined;
  let keywords: KeywordIndex;
  try {
    keywords = loadKeywordIndex(keywordBytes);
  } catch (error) {
    // A keyword file of another format version is an old index, not a damaged one: rebuild it on open.
    if (error instanceof KeywordIndexFormatError) throw new IndexSchemaError(`index at ${dir}: ${error.message}`, { cause: error });
    throw error;
  }
  // After decoding, so that a file of an older format is reported as that rather than as damage.
  await checkChecksums(dir, manifest, read);
  const embedder = state && options.embeddings.loadState ? options.embeddings.loadState(state) : options.embeddings;
  return { store, analysis, facts, keywords, embedder };
}

async function readIndexFile(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(path.join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new IndexCorruptError(`index at ${dir} lacks ${file}; rebuild it with: npm run index -- --rebuild`, { cause: error });
  }
}

function decodeOrFail<T>(dir: string, file: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    throw new IndexCorruptError(`index at ${dir}: ${file} is damaged (${error.message}); rebuild it with: npm run index -- --rebuild`, {
      cause: error,
    });
  }
}

/** Reads an index's manifest; {@link IndexMissingError} when there is none. */
export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, FILES.manifest), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new IndexMissingError(`no index at ${dir}: build it with npm run index`, { cause: error });
    }
    throw error;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (error) {
    throw new IndexCorruptError(`index at ${dir}: ${FILES.manifest} is damaged (not JSON); rebuild it with: npm run index -- --rebuild`, {
      cause: error,
    });
  }
  if (typeof manifest !== "object" || manifest === null || manifest.schema !== SCHEMA_VERSION) {
    throw new IndexSchemaError(
      `index at ${dir} has schema ${String((manifest as Partial<Manifest> | null)?.schema)}, this citebot reads ${SCHEMA_VERSION}; re-index with: npm run index -- --rebuild`,
    );
  }
  return manifest;
}

function checkCompatible(manifest: Manifest, embeddings: CitebotEmbeddings, dir: string): void {
  if (manifest.embedder.id !== embeddings.id) {
    throw new IndexMismatchError(
      `index at ${dir} was built with embedder ${manifest.embedder.id} (${manifest.embedder.dimension} dimensions), ` +
        `but the configured embedder is ${embeddings.id}. Re-index with: npm run index -- --rebuild`,
    );
  }
}

async function loadSeedsOrFail(seedsDir: string, indexDir: string) {
  try {
    return await loadSeeds(seedsDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new NoSeedsError(`seeds folder ${seedsDir} does not exist.${await untouchedNote(indexDir)}`, { cause: error });
    }
    throw error;
  }
}

/** Says that the previous index stays, but only when there is one (a first build has none to keep). */
async function untouchedNote(indexDir: string): Promise<string> {
  const exists = await stat(path.join(indexDir, FILES.manifest)).then(
    () => true,
    () => false,
  );
  return exists ? " The existing index was left untouched." : "";
}

async function readPrevious(options: BuildOptions, warn: (message: string) => void): Promise<Previous | undefined> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(options.indexDir);
  } catch (error) {
    if (error instanceof IndexMissingError) return undefined;
    warn(`previous index unusable, rebuilding everything: ${(error as Error).message}`);
    return undefined;
  }
  const sameChunking =
    manifest.chunking.sentences === options.chunking.sentences &&
    manifest.chunking.overlap === options.chunking.overlap &&
    (manifest.chunking.splitter ?? 1) === SPLITTER_VERSION;
  if (manifest.embedder.id !== options.embeddings.id || !sameChunking) {
    warn(`embedder or chunking changed since the last build (${manifest.embedder.id}); re-embedding everything`);
    return undefined;
  }
  if (options.embeddings.fit && !manifest.embedder.state) {
    warn("previous index lacks the embedder's corpus statistics; re-embedding everything");
    return undefined;
  }
  try {
    await checkSizes(options.indexDir, manifest);
    await checkChecksums(options.indexDir, manifest, new Map());
    const store = decodeChunkStore(await readFile(path.join(options.indexDir, FILES.chunks)));
    const raw = await readFile(path.join(options.indexDir, FILES.vectors));
    const vectors = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    if (vectors.length !== store.chunks.length * manifest.embedder.dimension) throw new Error("vector file size does not match");
    const embedderState = manifest.embedder.state ? await readFile(path.join(options.indexDir, FILES.embedder)) : undefined;
    const facts = await readPreviousFacts(options, manifest, store.sentences.count);
    return { manifest, store, vectors, embedderState, ...(facts ? { facts } : {}) };
  } catch (error) {
    warn(`previous index unreadable, rebuilding everything: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * The previous build's sentence facts, when they are of the version the describer makes now, so that an
 * unchanged source's are taken as they are; undefined otherwise, or when they cannot be read (then they
 * are worked out again: losing them costs time, not an answer).
 */
async function readPreviousFacts(options: BuildOptions, manifest: Manifest, sentences: number): Promise<SentenceFacts | undefined> {
  if (options.describer === undefined || manifest.facts?.version !== options.describer.version) return undefined;
  try {
    return decodeFacts(await readFile(path.join(options.indexDir, FILES.facts)), sentences);
  } catch {
    return undefined;
  }
}

/**
 * For each sentence of a source that did not change, its rows in the previous build's facts: the same
 * chunks in the same order give the same sentences in the same order, and a sentence's facts depend on
 * its own article only. Undefined for the others.
 */
function unchangedFacts(
  previous: Previous | undefined,
  table: SentenceTable,
  unchanged: ReadonlySet<string>,
): ((sentence: number) => string[][] | undefined) | undefined {
  const facts = previous?.facts;
  if (!previous || !facts || unchanged.size === 0) return undefined;
  const firstOf = (sentences: SentenceTable) => {
    const first = new Map<string, number>();
    for (let i = 0; i < sentences.count; i++) {
      const source = sentences.source(i);
      if (unchanged.has(source) && !first.has(source)) first.set(source, i);
    }
    return first;
  };
  const before = previous.store.sentences;
  const [then, now] = [firstOf(before), firstOf(table)];
  return (sentence) => {
    const source = table.source(sentence);
    const first = now.get(source);
    const firstThen = then.get(source);
    if (first === undefined || firstThen === undefined) return undefined;
    const j = firstThen + (sentence - first);
    if (j >= before.count || before.source(j) !== source || before.text(j) !== table.text(sentence)) return undefined;
    return facts.columns.map((_, c) => facts.row(c, j));
  };
}

/** The describer's facts of every sentence, with progress and the event loop served between slices; undefined without a describer. */
async function describeInSlices(
  options: BuildOptions,
  table: SentenceTable,
  analysis: SentenceAnalysis,
  known?: (sentence: number) => string[][] | undefined,
): Promise<SentenceFacts | undefined> {
  if (!options.describer) return undefined;
  const total = table.count;
  options.onProgress?.({ phase: "describing", done: 0, total });
  const facts = await options.describer.describe(
    table,
    analysis,
    async (done) => {
      options.onProgress?.({ phase: "describing", done, total });
      await yieldToEventLoop();
    },
    known,
  );
  options.onProgress?.({ phase: "describing", done: total, total });
  return facts;
}

/**
 * Analyses the sentences of a table a slice at a time, yielding between slices, so a bot re-indexing
 * in-process keeps answering during the seconds a large corpus takes.
 */
async function analyzeInSlices(table: SentenceTable): Promise<SentenceAnalysis> {
  const builder = createAnalysisBuilder(analyze);
  for (let i = 0; i < table.count; i++) {
    builder.add(table.text(i));
    if (i % 2000 === 1999) await yieldToEventLoop();
  }
  return builder.finish();
}

/**
 * Nothing to embed, but the stored sentence analysis or facts are from another analyzer or lexicon: a new
 * index with the same files (hard links where the file system allows, copies otherwise) and a fresh
 * sentences.bin and facts.bin.
 */
async function rewriteAnalysis(options: BuildOptions, previous: Previous, started: number): Promise<void> {
  const { indexDir } = options;
  const table = previous.store.sentences;
  const analysis = await analyzeInSlices(table);
  const facts = await describeInSlices(options, table, analysis);
  const { facts: _stale, ...kept } = previous.manifest;
  const manifest: Manifest = {
    ...kept,
    buildId: randomBytes(8).toString("hex"),
    builtAt: new Date().toISOString(),
    analysis: { version: analysis.version, sentences: analysis.offsets.length - 1 },
    ...(facts ? { facts: { version: facts.version } } : {}),
  };
  await writeAtomically(indexDir, async (dir) => {
    for (const file of [FILES.chunks, FILES.vectors, FILES.hnsw, FILES.keywords, FILES.embedder, ".gitkeep"]) {
      const from = path.join(indexDir, file);
      if (await exists(from)) await link(from, path.join(dir, file)).catch(() => copyFile(from, path.join(dir, file)));
    }
    await writeFile(path.join(dir, FILES.sentences), encodeAnalysis(analysis));
    if (facts) await writeFile(path.join(dir, FILES.facts), encodeFacts(facts));
  }, (files) => ({ ...manifest, buildMs: Math.round(performance.now() - started), files }));
}

async function embedInBatches(
  embedder: CitebotEmbeddings,
  texts: readonly string[],
  batchSize: number,
  onProgress: BuildOptions["onProgress"],
): Promise<number[][]> {
  const out: number[][] = [];
  onProgress?.({ phase: "embedding", done: 0, total: texts.length });
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const vectors = await embedder.embedDocuments(batch);
    if (vectors.length !== batch.length) throw new Error(`embedder returned ${vectors.length} vectors for ${batch.length} texts`);
    out.push(...vectors);
    onProgress?.({ phase: "embedding", done: out.length, total: texts.length });
    await yieldToEventLoop(); // a bot re-indexing in-process keeps answering between batches
  }
  return out;
}

/**
 * Runs `write` into a fresh temporary folder beside `target`, records every file's size and checksum in
 * the manifest that `manifest` makes of them, fsyncs the files and the folder, then swaps it in: target →
 * old, temporary → target, old removed, and fsyncs the parent so the renames are on disk too. On any error
 * the temporary folder is removed and the target is untouched. Both folders are named after this process
 * (PID and start time), so a later build can tell a killed build's leftovers from a running one's.
 */
async function writeAtomically(
  target: string,
  write: (dir: string) => Promise<void>,
  manifest: (files: Record<string, FileRecord>) => Manifest,
): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(path.resolve(target));
  const tag = ownerTag();
  const temp = path.join(parent, `.${base}-build-${tag}`);
  const old = path.join(parent, `.${base}-old-${tag}`);
  await mkdir(temp, { recursive: true });
  try {
    await write(temp);
    const files = await syncAndRecord(temp);
    await writeDurably(path.join(temp, FILES.manifest), `${JSON.stringify(manifest(files), null, 2)}\n`);
    await syncDirectory(temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(temp, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await syncDirectory(parent);
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

/** fsyncs every file in `dir` and returns what the manifest records of each (not of the manifest itself). */
async function syncAndRecord(dir: string): Promise<Record<string, FileRecord>> {
  const files: Record<string, FileRecord> = {};
  for (const name of (await readdir(dir)).filter((n) => n !== FILES.manifest).sort()) {
    const handle = await open(path.join(dir, name), "r+");
    try {
      const { size } = await handle.stat();
      const sha256 = size <= CHECKSUM_MAX_BYTES ? sha256Of(await handle.readFile()) : undefined;
      await handle.sync();
      files[name] = sha256 === undefined ? { bytes: size } : { bytes: size, sha256 };
    } finally {
      await handle.close();
    }
  }
  return files;
}

async function writeDurably(file: string, data: string): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsyncs a folder, so renames and new entries in it survive a power cut. Not every platform can (Windows). */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL" && code !== "EBADF") throw error;
  } finally {
    await handle?.close();
  }
}

function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Checks that every file the manifest lists exists with the recorded size, before anything is read: a
 * truncated graph must never reach hnswlib. An index written before sizes were recorded passes.
 */
async function checkSizes(dir: string, manifest: Manifest): Promise<void> {
  await Promise.all(
    usedFiles(manifest).map(async ([name, record]) => {
      let size: number;
      try {
        size = (await stat(path.join(dir, name))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        throw new IndexCorruptError(`index at ${dir} lacks ${name}; rebuild it with: npm run index -- --rebuild`, { cause: error });
      }
      if (size !== record.bytes) {
        throw damagedFile(dir, name, `${size < record.bytes ? "truncated: " : ""}${size} bytes, the manifest says ${record.bytes}`);
      }
    }),
  );
}

/**
 * Compares the checksums the manifest records with the files' bytes: those in `read` (read whole by
 * opening anyway), the other small ones read here.
 */
async function checkChecksums(dir: string, manifest: Manifest, read: ReadonlyMap<string, Uint8Array>): Promise<void> {
  await Promise.all(
    usedFiles(manifest).map(async ([name, record]) => {
      if (record.sha256 === undefined) return;
      const bytes = read.get(name) ?? (await readFile(path.join(dir, name)));
      if (sha256Of(bytes) !== record.sha256) throw damagedFile(dir, name, "its checksum differs from the manifest's");
    }),
  );
}

/** The files the manifest records, but sentences.bin when it holds another analyzer's output (it is not read, and is rewritten). */
function usedFiles(manifest: Manifest): [string, FileRecord][] {
  const current = manifest.analysis?.version === analysisVersion(analyze);
  return Object.entries(manifest.files ?? {}).filter(([name]) => current || name !== FILES.sentences);
}

function damagedFile(dir: string, name: string, why: string): IndexCorruptError {
  return new IndexCorruptError(`index at ${dir}: ${name} is damaged (${why}); rebuild it with: npm run index -- --rebuild`);
}

/**
 * If a swap was interrupted between its two renames, puts the previous index back. A swap whose owner is
 * still running is in progress, not interrupted: it is given a moment to finish.
 */
async function recoverInterruptedSwap(target: string): Promise<void> {
  if (await exists(path.join(target, FILES.manifest))) return;
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(path.resolve(target));
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(`.${base}-old-`))) {
    const candidate = path.join(parent, name);
    if (!(await exists(path.join(candidate, FILES.manifest)))) continue;
    const owner = ownerOfTag(name.slice(`.${base}-old-`.length));
    for (let wait = 0; wait < 20 && (owner === undefined || isRunning(owner)); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (await exists(path.join(target, FILES.manifest))) return;
    }
    if (await exists(path.join(target, FILES.manifest))) return;
    if (!(await exists(candidate))) continue;
    await rm(target, { recursive: true, force: true });
    await rename(candidate, target);
    await syncDirectory(parent);
    return;
  }
}

/**
 * Removes the temporary folders (`.index-build-*`), previous indexes (`.index-old-*`) and lock drafts that
 * builds killed mid-way left beside `target`, once the process named in them is no longer running.
 * Returns the names removed.
 */
export async function removeLeftovers(target: string): Promise<string[]> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(path.resolve(target));
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const folder = /^\.(.+)-(?:build|old)-(\d[\d-]*-[0-9a-f]+)$/.exec(name);
    const draft = /^\.(.+)\.lock\.draft-(\d[\d-]*-[0-9a-f]+)$/.exec(name);
    const match = folder ?? draft;
    if (!match || match[1] !== base) continue;
    const owner = ownerOfTag(match[2]!);
    if (owner === undefined || isRunning(owner)) continue;
    if (folder) await rm(path.join(parent, name), { recursive: true, force: true });
    else await unlink(path.join(parent, name)).catch(() => {});
    removed.push(name);
  }
  return removed;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function docInfo(doc: SourceDoc, chunks: number): DocInfo {
  return { source: doc.source, title: doc.title, date: doc.date, sha256: doc.sha256, chunks, ...(doc.pages ? { pages: doc.pages } : {}) };
}

function summary(
  count: (status: string) => number,
  removed: number,
  chunks: number,
  embedded: number,
  started: number,
  skipped: readonly SkippedSeed[],
  written: boolean,
): BuildSummary {
  return {
    added: count("added"),
    updated: count("updated"),
    removed,
    unchanged: count("unchanged"),
    chunks,
    embedded,
    ms: Math.round(performance.now() - started),
    skipped,
    written,
  };
}
