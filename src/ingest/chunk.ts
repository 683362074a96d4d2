import type { Chunk, SourceDoc } from "../types.js";

export interface ChunkingOptions {
  /** Sentences per chunk. */
  readonly sentences: number;
  /** Sentences shared by consecutive chunks, so an answer spanning a boundary is still found whole. */
  readonly overlap: number;
}

/** A chunk before it gets its index-wide id. */
export type ChunkDraft = Omit<Chunk, "id">;

/**
 * Splits a document into windows of consecutive sentences with overlap. Each chunk's text is the
 * exact slice of the file between its first sentence's start and its last sentence's end, so
 * `chunk.text === doc.text.slice(chunk.start, chunk.end)` always holds. Pure.
 */
export function chunkDoc(doc: SourceDoc, options: ChunkingOptions): ChunkDraft[] {
  const size = Math.max(1, options.sentences);
  const step = Math.max(1, size - Math.min(options.overlap, size - 1));
  const chunks: ChunkDraft[] = [];
  const { sentences } = doc;
  for (let first = 0; first < sentences.length; first += step) {
    const window = sentences.slice(first, first + size);
    const start = window[0]!.start;
    const end = window[window.length - 1]!.end;
    chunks.push({ source: doc.source, start, end, text: doc.text.slice(start, end), sentences: window });
    if (first + size >= sentences.length) break;
  }
  return chunks;
}
