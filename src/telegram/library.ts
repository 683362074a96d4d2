import type { SentenceTable } from "../ingest/sentences.js";
import { salientTopics } from "../query/topics.js";
import type { Chunk, DocInfo } from "../types.js";
import type { PassageView } from "./format.js";

/**
 * What the bot may know about the index: the documents (for /start, /sources and button keys), the
 * passage behind a citation, and, for admins, rebuilding. The bot never sees retrieval internals.
 */
export interface Library {
  /** The indexed documents, as of now. */
  sources(): readonly DocInfo[];
  /** The passage around `[start, end)` of the document whose key is `doc`; undefined when stale. */
  passage(doc: string, start: number, end: number): PassageView | undefined;
  /** Re-runs the incremental index build and hot-swaps it; resolves to a one-line summary. */
  reindex?(): Promise<string>;
  /** Names the sources are about, most salient first, for sample questions. */
  topics?(): readonly string[];
  /** Facts for /stats, e.g. `{ documents: 3, chunks: 40, buildId: "…" }`. */
  stats?(): Readonly<Record<string, string | number | null>>;
}

/** The parts of a loaded index the bot reads (the ingest stage's `LoadedIndex` has them). */
export interface IndexView {
  readonly chunks: readonly Chunk[];
  /** Every sentence once; without it, the sentences are collected from the chunks. */
  readonly sentenceTable?: SentenceTable;
  readonly docs: readonly DocInfo[];
  readonly manifest?: { readonly buildId?: string; readonly builtAt?: string };
}

/** The key of a document in callback data: a prefix of its content hash, so edits make buttons stale. */
export function docKey(doc: DocInfo): string {
  return doc.sha256.slice(0, 12).toLowerCase();
}

/** Finds the key for a citation's source; undefined when the document is not (or no longer) indexed. */
export function docKeyFor(library: Library, source: string): string | undefined {
  const doc = library.sources().find((d) => d.source === source);
  return doc === undefined || !/^[0-9a-f]{12}/i.test(doc.sha256) ? undefined : docKey(doc);
}

/**
 * Adapts a loaded index to a {@link Library}. `current` is asked on every call, so a hot-swapped
 * index is seen at once. The passage is stitched from the chunks that overlap the quote.
 *
 * @example
 * const library = libraryFromIndex(() => pipeline.index(), { reindex: () => rebuild() });
 */
export function libraryFromIndex(
  current: () => IndexView,
  options: { reindex?: () => Promise<string> } = {},
): Library {
  const topicsCache = new WeakMap<IndexView, readonly string[]>();
  return {
    sources: () => current().docs,
    passage: (key, start, end) => passageOf(current(), key, start, end),
    reindex: options.reindex,
    topics: () => {
      const index = current();
      let topics = topicsCache.get(index);
      if (topics === undefined) {
        topics = salientTopics(sentenceTexts(index));
        topicsCache.set(index, topics);
      }
      return topics;
    },
    stats: () => {
      const index = current();
      return {
        documents: index.docs.length,
        chunks: index.chunks.length,
        buildId: index.manifest?.buildId ?? null,
        builtAt: index.manifest?.builtAt ?? null,
      };
    },
  };
}

/** Each sentence of the index once, although chunks overlap. */
function sentenceTexts(index: IndexView): string[] {
  const table = index.sentenceTable;
  if (table) return Array.from({ length: table.count }, (_, i) => table.text(i));
  const sentences = new Map<string, string>();
  for (const c of index.chunks) {
    for (const s of c.sentences) sentences.set(`${c.source}:${s.start}`, c.text.slice(s.start - c.start, s.end - c.start));
  }
  return [...sentences.values()];
}

function passageOf(index: IndexView, key: string, start: number, end: number): PassageView | undefined {
  const doc = index.docs.find((d) => docKey(d) === key);
  if (doc === undefined) return undefined;
  const chunks = index.chunks
    .filter((c) => c.source === doc.source && c.start < end && c.end > start)
    .sort((a, b) => a.start - b.start);
  const first = chunks[0];
  if (first === undefined) return undefined;
  let text = first.text;
  let textEnd = first.end;
  for (const chunk of chunks.slice(1)) {
    if (chunk.start > textEnd) return undefined; // a gap: the index no longer matches the button
    if (chunk.end > textEnd) {
      text += chunk.text.slice(textEnd - chunk.start);
      textEnd = chunk.end;
    }
  }
  if (start < first.start || end > textEnd) return undefined;
  return {
    source: doc.source,
    title: doc.title,
    date: doc.date,
    text,
    quoteStart: start - first.start,
    quoteEnd: end - first.start,
  };
}
