import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/bench/corpus.js";
import { createExactSearch, recallAtK } from "../../src/bench/exact.js";

function naiveCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
}

describe("createExactSearch", () => {
  it("returns the same top k as sorting every cosine distance", () => {
    const random = createRandom(5);
    const dimension = 18; // not a multiple of 4: the unrolled loop has a remainder
    const count = 300;
    const vectors = Float32Array.from({ length: count * dimension }, () => random.next() * 2 - 1);
    const exact = createExactSearch(vectors, dimension);
    for (let q = 0; q < 10; q++) {
      const query = Array.from({ length: dimension }, () => random.next() * 2 - 1);
      const expected = Array.from({ length: count }, (_, id) => ({
        id,
        distance: naiveCosine(query, vectors.subarray(id * dimension, (id + 1) * dimension)),
      }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 10);
      const found = exact.search(query, 10);
      expect(found.map((n) => n.id)).toEqual(expected.map((n) => n.id));
      found.forEach((n, i) => expect(n.distance).toBeCloseTo(expected[i]!.distance, 5));
      expect(exact.distance(query, found[0]!.id)).toBeCloseTo(found[0]!.distance, 6);
    }
  });

  it("handles k larger than the set, k of zero, and rejects mismatched shapes", () => {
    const exact = createExactSearch(new Float32Array([1, 0, 0, 1]), 2);
    expect(exact.search([1, 0], 5).map((n) => n.id)).toEqual([0, 1]);
    expect(exact.search([1, 0], 0)).toEqual([]);
    expect(() => exact.search([1, 0, 0], 1)).toThrow(RangeError);
    expect(() => createExactSearch(new Float32Array(5), 2)).toThrow(RangeError);
  });
});

describe("recallAtK", () => {
  const exact = [
    { id: 1, distance: 0.1 },
    { id: 2, distance: 0.2 },
    { id: 3, distance: 0.3 },
    { id: 4, distance: 0.4 },
  ];
  it("is the share of the exact top k that was found", () => {
    expect(recallAtK(exact, exact, 4)).toBe(1);
    expect(recallAtK([exact[0]!, exact[1]!, { id: 9, distance: 0.5 }, { id: 8, distance: 0.6 }], exact, 4)).toBe(0.5);
    expect(recallAtK([], exact, 4)).toBe(0);
    expect(recallAtK([], [], 10)).toBe(1);
  });
  it("credits an equally close tie, unless ties are switched off, and never counts an id twice", () => {
    const tie = [exact[0]!, exact[1]!, exact[2]!, { id: 7, distance: 0.4 }];
    expect(recallAtK(tie, exact, 4)).toBe(1);
    expect(recallAtK(tie, exact, 4, -Infinity)).toBe(0.75);
    expect(recallAtK([exact[0]!, exact[0]!], exact, 2)).toBe(0.5);
  });
});
