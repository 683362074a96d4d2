import { LocalLexicalEmbeddings } from "../../src/ingest/embed.js";
import type { BuildOptions } from "../../src/ingest/store.js";

/**
 * Build options for a small, fast test index: a 64-dimension local embedder, chunks of three sentences
 * overlapping by one, a small HNSW graph. The ingest tests (and the crash test's child process) build alike with them.
 */
export function smallBuild(seedsDir: string, indexDir: string): BuildOptions {
  return {
    seedsDir,
    indexDir,
    embeddings: new LocalLexicalEmbeddings(64),
    chunking: { sentences: 3, overlap: 1 },
    hnsw: { m: 16, efConstruction: 100 },
  };
}
