import { describe, expect, it } from "vitest";
import { mean, percentile, summarize, timeEach } from "../../src/bench/stats.js";

describe("percentile", () => {
  it("interpolates linearly between ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 95)).toBe(20);
    expect(percentile([10, 20], 0)).toBe(10);
    expect(percentile([10, 20], 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
  });
  it("is NaN without samples and rejects percentiles outside 0..100", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
  it("does not reorder its input", () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe("summarize", () => {
  it("reports count, mean, extremes and percentiles", () => {
    const s = summarize([4, 1, 3, 2]);
    expect(s).toMatchObject({ n: 4, mean: 2.5, min: 1, max: 4, p50: 2.5 });
    expect(s.p95).toBeCloseTo(3.85, 10);
    expect(summarize([]).n).toBe(0);
    expect(mean([])).toBeNaN();
  });
});

describe("timeEach", () => {
  it("runs warm-up calls first, then one timed call per input in order, sync or async", async () => {
    const calls: number[] = [];
    const checked: number[] = [];
    const samples = await timeEach([1, 2, 3], (x) => {
      calls.push(x);
      return x * 2;
    }, { warmup: 2, check: (result) => checked.push(result) });
    expect(calls).toEqual([1, 2, 1, 2, 3]);
    expect(checked).toEqual([2, 4, 6]);
    expect(samples).toHaveLength(3);
    for (const s of samples) expect(s).toBeGreaterThanOrEqual(0);
    const asyncSamples = await timeEach(["a"], async (x) => x.toUpperCase(), { warmup: 0, check: (r) => expect(r).toBe("A") });
    expect(asyncSamples).toHaveLength(1);
  });
});
