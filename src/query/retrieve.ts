import type { Config } from "../config.js";
import type { Chunk, Passage } from "../types.js";

/**
 * Hybrid retrieval: dense k-NN and BM25 keyword search over the same chunks, fused by weighted reciprocal
 * rank fusion. Dense search finds paraphrases, keyword search finds names and numbers; RRF needs no score
 * calibration between the two, only ranks.
 */

/** What retrieval needs of a loaded index (the ingest `LoadedIndex` satisfies it). */
export interface SearchableIndex {
  readonly chunks: readonly Chunk[];
  embedQuery(text: string): Promise<number[]>;
  searchDense(vector: number[], k: number): { id: number; distance: number }[];
  searchKeyword(query: string, k: number): { id: number; score: number }[];
}

/** k and fusion weights, exactly as parsed from the environment. */
export type RetrievalSettings = Config["retrieval"];

export interface RankedList {
  readonly weight: number;
  readonly ids: readonly number[];
}

/**
 * Weighted reciprocal rank fusion: each list adds `weight / (rrfK + rank)` (rank from 1) to the ids it
 * holds. Returns ids best first, ties broken by id so results are deterministic.
 *
 * @example
 * fuseRanks([{ weight: 1, ids: [3, 1] }, { weight: 1, ids: [1, 2] }], 60) // [[1, …], [3, …], [2, …]]
 */
export function fuseRanks(lists: readonly RankedList[], rrfK: number): [id: number, fused: number][] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.ids.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + list.weight / (rrfK + i + 1)));
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** How many of the matched list's best chunks are read whatever their fused rank (set on the tune sets: 1–3 tried). */
const MATCHED_READ = 2;

/**
 * Retrieves the top `k` passages for a query from an index. Both searches run on the same query text;
 * the result carries each passage's dense distance and keyword score for logs and the relevance gate.
 * With `onDenseError`, a failing query embedding (say, an unreachable embeddings server) is reported there
 * and retrieval goes on with keyword search alone; without it, the error propagates. `matched` is a third
 * ranked list of chunk ids, best first: those whose sentences best match the question's terms.
 *
 * @example
 * const passages = await retrieve(index, "Truppen Abzug Kasachstan", config.retrieval);
 */
export async function retrieve(
  index: SearchableIndex,
  query: string,
  settings: RetrievalSettings,
  onDenseError?: (error: unknown) => void,
  matched: readonly number[] = [],
): Promise<Passage[]> {
  if (index.chunks.length === 0 || query.trim() === "") return [];
  let dense: { id: number; distance: number }[] = [];
  try {
    dense = index.searchDense(await index.embedQuery(query), Math.min(settings.denseK, index.chunks.length));
  } catch (error) {
    // An embeddings endpoint that is down must not take answering down with it: keyword search still works.
    if (!onDenseError) throw error;
    onDenseError(error);
  }
  const keyword = index.searchKeyword(query, settings.keywordK);
  const distance = new Map(dense.map((d) => [d.id, d.distance]));
  const keywordScore = new Map(keyword.map((k) => [k.id, k.score]));
  const fused = fuseRanks(
    [
      { weight: settings.denseWeight, ids: dense.map((d) => d.id) },
      { weight: settings.keywordWeight, ids: keyword.map((k) => k.id) },
      // Chunks whose sentences match the question's words in the forms reading accepts (compounds,
      // inflections, synonyms, translations), which exact-stem BM25 cannot see.
      { weight: settings.keywordWeight, ids: matched },
    ],
    settings.rrfK,
  );
  // The chunks whose sentences match the question best are read whatever their fused rank: dense and
  // BM25 agreeing on other chunks says little when neither sees a compound, an inflection or a
  // translation, and the best match is often an article's lead, the answer a paragraph further.
  const top = fused.slice(0, settings.k);
  for (const id of matched.slice(0, MATCHED_READ)) {
    if (!top.some(([k]) => k === id)) top.push(fused.find(([k]) => k === id) ?? [id, 0]);
  }
  const passages: Passage[] = [];
  for (const [id, score] of top) {
    const chunk = index.chunks[id];
    if (!chunk) continue;
    passages.push({ chunk, fused: score, distance: distance.get(id) ?? null, keywordScore: keywordScore.get(id) ?? null });
  }
  return passages;
}
