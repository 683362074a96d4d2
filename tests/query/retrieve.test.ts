import { describe, expect, it } from "vitest";
import { fuseRanks, retrieve, type SearchableIndex } from "../../src/query/retrieve.js";
import { ARTICLE, makeChunks } from "./fixtures.js";

describe("fuseRanks", () => {
  it("adds weight / (k + rank) per list, best first", () => {
    const fused = fuseRanks(
      [
        { weight: 1, ids: [3, 1] },
        { weight: 1, ids: [1, 2] },
      ],
      60,
    );
    expect(fused.map(([id]) => id)).toEqual([1, 3, 2]);
    expect(fused[0]?.[1]).toBeCloseTo(1 / 62 + 1 / 61);
  });

  it("lets a heavier list win", () => {
    const lists = (w: number) => [
      { weight: 1, ids: [1] },
      { weight: w, ids: [2] },
    ];
    expect(fuseRanks(lists(2), 60)[0]?.[0]).toBe(2);
    expect(fuseRanks(lists(0.5), 60)[0]?.[0]).toBe(1);
  });

  it("breaks ties by id, so results are deterministic", () => {
    expect(fuseRanks([{ weight: 1, ids: [5] }, { weight: 1, ids: [4] }], 60).map(([id]) => id)).toEqual([4, 5]);
  });
});

describe("retrieve", () => {
  const chunks = makeChunks("a.txt", ARTICLE, 2);
  const index: SearchableIndex = {
    chunks,
    embedQuery: async () => [1, 0],
    searchDense: (_, k) => [2, 0, 1].slice(0, k).map((id, i) => ({ id, distance: 0.1 * (i + 1) })),
    searchKeyword: (_, k) => [1, 2].slice(0, k).map((id, i) => ({ id, score: 10 - i })),
  };
  const settings = { k: 2, denseK: 10, keywordK: 10, rrfK: 60, denseWeight: 1, keywordWeight: 1 };

  it("fuses dense and keyword results and keeps how each passage was found", async () => {
    const passages = await retrieve(index, "Unfall", settings);
    expect(passages.map((p) => p.chunk.id)).toEqual([2, 1]);
    expect(passages[0]).toMatchObject({ distance: 0.1, keywordScore: 9 });
    expect(passages[1]).toMatchObject({ distance: 0.30000000000000004, keywordScore: 10 });
  });

  it("goes on with keyword search alone when the query cannot be embedded, reporting why", async () => {
    const failing = { ...index, embedQuery: async () => Promise.reject(new Error("connection refused")) };
    const errors: unknown[] = [];
    const passages = await retrieve(failing, "Unfall", settings, (error) => errors.push(error));
    expect(passages.map((p) => [p.chunk.id, p.distance])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(errors).toHaveLength(1);
    await expect(retrieve(failing, "Unfall", settings)).rejects.toThrow("connection refused");
  });

  it("fuses a third list, the chunks whose sentences match the question's words, at the keyword weight", async () => {
    const passages = await retrieve(index, "Unfall", { ...settings, k: 3 }, undefined, [0]);
    expect(passages.map((p) => p.chunk.id)).toContain(0);
    expect((await retrieve(index, "Unfall", { ...settings, k: 3 })).map((p) => p.chunk.id)).toEqual([2, 1, 0]);
    expect((await retrieve(index, "Unfall", { ...settings, k: 3 }, undefined, [0, 1])).map((p) => p.chunk.id)[0]).toBe(1);
  });

  it("reads the chunks whose sentences match the question best, whatever their fused rank", async () => {
    // Weighted out of the fusion, the matched list still brings its best chunk, and its second.
    const passages = await retrieve(index, "Unfall", { ...settings, k: 1, keywordWeight: 0 }, undefined, [0]);
    expect(passages.map((p) => p.chunk.id)).toEqual([2, 0]);
    const two = await retrieve(index, "Unfall", { ...settings, k: 1, keywordWeight: 0 }, undefined, [0, 1]);
    expect(two.map((p) => p.chunk.id)).toEqual([2, 0, 1]);
  });

  it("returns nothing for an empty query or an empty index", async () => {
    expect(await retrieve(index, "  ", settings)).toEqual([]);
    expect(await retrieve({ ...index, chunks: [] }, "Unfall", settings)).toEqual([]);
  });
});
