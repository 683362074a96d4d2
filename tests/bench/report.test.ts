import { describe, expect, it } from "vitest";
import { bytes, chartData, checkTargets, formatTable, type BenchReport } from "../../src/bench/report.js";
import type { SizeResult } from "../../src/bench/suite.js";
import { summarize } from "../../src/bench/stats.js";

const latency = (p50: number, p95: number) => ({ ...summarize([p50]), p50, p95 });

function size(chunks: number, overrides: { hybridP95?: number; lost?: number; speedup?: number; recall?: number } = {}): SizeResult {
  return {
    target: chunks,
    indexing: {
      docs: chunks / 10,
      chunks,
      corpusMs: 1,
      buildMs: 1000,
      prepareMs: 100,
      embedMs: 500,
      embedPerSecond: 2000,
      writeMs: 400,
      hnswBuildMs: 300,
      hnswPerSecond: 3000,
      diskBytes: 5 * 1024 * 1024,
      files: {},
    },
    retrieval: {
      queries: 200,
      embedQuery: latency(0.1, 0.2),
      exact: latency(10, 12),
      dense: [
        { ef: 64, latency: latency(0.2, 0.3), recallAt10: overrides.recall ?? 0.97, recallAt10Strict: 0.97, speedup: overrides.speedup ?? 50 },
        { ef: 256, latency: latency(0.5, 0.6), recallAt10: 0.99, recallAt10Strict: 0.99, speedup: 20 },
      ],
      denseInHybrid: latency(0.3, 0.4),
      keyword: latency(2, 5),
      hybrid: latency(3, overrides.hybridP95 ?? 6),
      ask: latency(20, 40),
    },
    coldStart: {
      runs: 3,
      ms: [1500, 1600, 1700],
      median: 1600,
      bareNodeMs: 80,
      phases: { importedMs: 900, openedMs: 1200, answeredMs: 1500 },
      rssBytes: 300 * 1024 * 1024,
      heapUsedBytes: 100 * 1024 * 1024,
      bareNodeRssBytes: 40 * 1024 * 1024,
      openBreakdownMs: {},
    },
    endToEnd: {
      questions: 300,
      latency: latency(25, 50),
      direct: latency(23, 45),
      concurrent: {
        chats: 200,
        perChat: 2,
        delivery: { questions: 400, answered: 400 - (overrides.lost ?? 0), lost: overrides.lost ?? 0, duplicated: 0, outOfOrder: 0 },
        timeoutMs: 300_000,
        wallMs: 10_000,
        throughput: 40,
        latency: latency(5000, 9000),
        redelivered: 0,
      },
    },
  };
}

const report = (sizes: SizeResult[]): BenchReport => ({
  startedAt: "2026-01-01T00:00:00.000Z",
  seed: 1,
  quick: false,
  machine: { cpu: "Test CPU", cores: 2, memory: "24.0 GiB", node: "v20.0.0", platform: "linux" },
  settings: { HNSW_EF: "64" },
  sizes,
});

describe("checkTargets", () => {
  it("checks the largest size at the configured ef", () => {
    const checks = checkTargets([size(100_000), size(1000, { hybridP95: 99 })], 64);
    expect(checks.every((c) => c.size === 100_000)).toBe(true);
    expect(checks.every((c) => c.met)).toBe(true);
    expect(checks.map((c) => c.name).join("\n")).toContain("ef 64");
  });

  it("reports misses: slow hybrid, weak recall or speed-up, a lost answer", () => {
    const checks = checkTargets([size(100_000, { hybridP95: 12, recall: 0.9, speedup: 10, lost: 1 })], 64);
    expect(checks.filter((c) => !c.met).map((c) => c.name)).toEqual([
      "hybrid retrieval p95",
      "HNSW speed-up vs exact (ef 64, p50)",
      "HNSW recall@10 (ef 64)",
      "no lost or duplicated answer (200 chats at once)",
    ]);
    expect(checkTargets([], 64)).toEqual([]);
  });
});

describe("formatTable", () => {
  it("has one column per size, the baselines beside the measurements, and the targets", () => {
    const table = formatTable(report([size(1000), size(10_000)]), 64);
    expect(table).toContain("1k chunks");
    expect(table).toContain("10k chunks");
    expect(table).toContain("Test CPU, 2 cores");
    expect(table).toMatch(/exact cosine scan, top 10\s+10\.0 \/ 12\.0 ms/);
    expect(table).toMatch(/HNSW ef 64 \(config\)/);
    expect(table).toMatch(/50× · 0\.970/);
    expect(table).toMatch(/bare node start \(baseline\)/);
    expect(table).toMatch(/cold start \/ bare node\s+20\.0×/);
    expect(table).toMatch(/400 \/ 0 \/ 0/);
    expect(table).toContain("Targets (at 10k chunks)");
    expect(table).not.toMatch(/NaN|undefined/);
  });
});

describe("chartData", () => {
  it("has latency series with the exact baseline dashed, and one recall series per ef", () => {
    const data = chartData(report([size(10_000), size(1000)]), 64);
    expect(data.latency[0]).toMatchObject({ label: "exact cosine scan (baseline)", dashed: true });
    expect(data.latency[0]!.points.map((p) => p.x)).toEqual([1000, 10_000]);
    expect(data.recall.map((s) => s.label)).toEqual(["recall@10, ef 64", "recall@10, ef 256"]);
  });
});

describe("bytes", () => {
  it("uses binary units", () => {
    expect(bytes(512)).toBe("512 B");
    expect(bytes(1536)).toBe("1.5 KiB");
    expect(bytes(5 * 1024 * 1024)).toBe("5.0 MiB");
  });
});
