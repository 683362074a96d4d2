/**
 * The little statistics the benchmark reports. Latency is summarised by percentiles rather than means
 * because users feel the slow tail, and one garbage collection pause should not move the median.
 */

/** A latency summary in milliseconds. */
export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The p-th percentile (0–100) of `samples`, interpolating linearly between the two nearest ranks
 * (the "type 7" definition of R and NumPy), so p50 of [1, 2, 3, 4] is 2.5. NaN for no samples. Pure.
 *
 * @example
 * percentile([5, 1, 3], 50) // 3
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * weight;
}

/** n, mean, min, p50, p95, p99 and max of `samples`. Pure. */
export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  if (n === 0) return { n: 0, mean: Number.NaN, min: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const s of samples) {
    sum += s;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return { n, mean: sum / n, min, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max };
}

/** The arithmetic mean; NaN for no values. Pure. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Times `run` once per input, in milliseconds, after `warmup` untimed calls so that the JIT and caches
 * are warm. Returns the samples in input order; the results are handed to `check` so the work cannot be
 * optimised away and can be inspected.
 */
export async function timeEach<I, R>(
  inputs: readonly I[],
  run: (input: I) => R | Promise<R>,
  options: { warmup?: number; check?: (result: R, input: I, index: number) => void } = {},
): Promise<number[]> {
  const warmup = Math.min(options.warmup ?? 5, inputs.length);
  for (let i = 0; i < warmup; i++) await run(inputs[i]!);
  const samples: number[] = [];
  for (const [index, input] of inputs.entries()) {
    const started = performance.now();
    const pending = run(input);
    // A synchronous result is timed without an await, so microtask scheduling does not pad fast calls.
    const result = pending instanceof Promise ? await pending : pending;
    samples.push(performance.now() - started);
    options.check?.(result, input, index);
  }
  return samples;
}
