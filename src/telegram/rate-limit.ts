/**
 * A sliding-window limit per user: at most `perMinute` questions in any 60 seconds. The first refusal
 * in a burst is reported as `"warn"` (tell the user once), further ones as `"drop"` (stay quiet).
 */
export class RateLimiter {
  private readonly hits = new Map<number, { times: number[]; warned: boolean }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  check(userId: number): "ok" | "warn" | "drop" {
    const now = this.now();
    if (this.hits.size > 10_000) {
      for (const [id, e] of this.hits) if (e.times.every((t) => now - t >= 60_000)) this.hits.delete(id);
    }
    const entry = this.hits.get(userId) ?? { times: [], warned: false };
    entry.times = entry.times.filter((t) => now - t < 60_000);
    this.hits.set(userId, entry);
    if (entry.times.length < this.perMinute) {
      entry.times.push(now);
      entry.warned = false;
      return "ok";
    }
    if (entry.warned) return "drop";
    entry.warned = true;
    return "warn";
  }
}
