import type { ChartInput, ChartSeries } from "./chart.js";
import type { SizeResult } from "./suite.js";

/**
 * Turns benchmark results into what people read: a table with one column per corpus size, the
 * targets met or missed, and the data of the chart. Pure functions over the plain result data, so the
 * JSON of an old run can be re-rendered.
 */

/** The machine a run was made on; absolute times only mean something next to it. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly node: string;
  readonly platform: string;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly seed: number;
  readonly quick: boolean;
  readonly machine: Machine;
  /** The effective settings that shape the numbers, by env name, e.g. HNSW_M, HNSW_EF, CHUNK_SENTENCES. */
  readonly settings: Readonly<Record<string, string>>;
  readonly sizes: readonly SizeResult[];
}

export interface TargetCheck {
  readonly name: string;
  /** The corpus size the check was made at (the largest one run). */
  readonly size: number;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/**
 * Checks our targets at the largest size measured: hybrid p95 < 10 ms; HNSW ≥ 20× faster than exact
 * with recall@10 ≥ 0.95 (at the configured ef); cold start < 2 s; end-to-end p50 < 50 ms; no answer
 * lost or duplicated under load. The targets are stated for 100k chunks; at a smaller size the check
 * says so through `size`. Pure.
 */
export function checkTargets(sizes: readonly SizeResult[], configuredEf: number): TargetCheck[] {
  const largest = [...sizes].sort((a, b) => b.indexing.chunks - a.indexing.chunks)[0];
  if (!largest) return [];
  const size = largest.indexing.chunks;
  const dense = largest.retrieval.dense.find((d) => d.ef === configuredEf) ?? largest.retrieval.dense[0];
  const delivery = largest.endToEnd.concurrent.delivery;
  const checks: TargetCheck[] = [
    {
      name: "hybrid retrieval p95",
      size,
      target: "< 10 ms",
      measured: `${ms(largest.retrieval.hybrid.p95)}`,
      met: largest.retrieval.hybrid.p95 < 10,
    },
  ];
  if (dense) {
    checks.push(
      {
        name: `HNSW speed-up vs exact (ef ${dense.ef}, p50)`,
        size,
        target: "≥ 20×",
        measured: `${dense.speedup.toFixed(1)}×`,
        met: dense.speedup >= 20,
      },
      {
        name: `HNSW recall@10 (ef ${dense.ef})`,
        size,
        target: "≥ 0.95",
        measured: dense.recallAt10.toFixed(3),
        met: dense.recallAt10 >= 0.95,
      },
    );
  }
  checks.push(
    {
      name: "cold start to first answer",
      size,
      target: "< 2 s",
      measured: ms(largest.coldStart.median),
      met: largest.coldStart.median < 2000,
    },
    {
      name: "end-to-end p50 (bot, offline)",
      size,
      target: "< 50 ms",
      measured: ms(largest.endToEnd.latency.p50),
      met: largest.endToEnd.latency.p50 < 50,
    },
    {
      name: `no lost or duplicated answer (${largest.endToEnd.concurrent.chats} chats at once)`,
      size,
      target: "0 lost, 0 duplicated",
      measured: `${delivery.lost} lost, ${delivery.duplicated} duplicated of ${delivery.questions}`,
      met: delivery.lost === 0 && delivery.duplicated === 0 && delivery.answered === delivery.questions,
    },
  );
  const headOfLine = largest.endToEnd.headOfLine;
  if (headOfLine !== undefined) {
    checks.push({
      name: `unrelated chat's answer while ${headOfLine.held} chats wait out a 429 (retry_after ${headOfLine.retryAfterSeconds} s)`,
      size,
      target: "< 1 s, none lost",
      measured: `${ms(headOfLine.latencyMs)}, ${headOfLine.held - headOfLine.heldDelivered} of ${headOfLine.held} held lost`,
      met: headOfLine.latencyMs < 1000 && headOfLine.beforeHeld && headOfLine.heldDelivered === headOfLine.held,
    });
  }
  return checks;
}

/**
 * The stdout table: one column per size, rows grouped by indexing, retrieval, start-up and end to
 * end, each speed beside its baseline and the ratio between them. Pure.
 */
export function formatTable(report: BenchReport, configuredEf: number): string {
  const sizes = report.sizes;
  const label = (s: SizeResult) => `${compact(s.indexing.chunks)} chunks`;
  const rows: (string | [string, ...string[]])[] = [];
  const row = (name: string, cell: (s: SizeResult) => string) => rows.push([name, ...sizes.map(cell)]);
  const m = report.machine;
  rows.push(`citebot benchmark · seed ${report.seed}${report.quick ? " · quick" : ""} · ${report.startedAt}`);
  rows.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM, node ${m.node}, ${m.platform}`);
  rows.push(`settings: ${Object.entries(report.settings).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  rows.push("");
  rows.push(["", ...sizes.map(label)]);
  rows.push("Indexing");
  row("  documents", (s) => String(s.indexing.docs));
  row("  full build (buildIndex)", (s) => seconds(s.indexing.buildMs));
  row("  · seeds + IDF fit + chunking", (s) => seconds(s.indexing.prepareMs));
  row("  · local embedder", (s) => `${rate(s.indexing.embedPerSecond)} ch/s`);
  row("  · HNSW + BM25 + write", (s) => seconds(s.indexing.writeMs));
  row("  HNSW build alone", (s) => `${rate(s.indexing.hnswPerSecond)} ch/s`);
  row("  index on disk", (s) => bytes(s.indexing.diskBytes));
  rows.push("Retrieval per query, p50 / p95");
  row("  exact cosine scan, top 10", (s) => pair(s.retrieval.exact));
  const efs = [...new Set(sizes.flatMap((s) => s.retrieval.dense.map((d) => d.ef)))].sort((a, b) => a - b);
  for (const ef of efs) {
    const mark = ef === configuredEf ? " (config)" : "";
    row(`  HNSW ef ${ef}${mark}, top 10`, (s) => {
      const d = s.retrieval.dense.find((x) => x.ef === ef);
      return d ? pair(d.latency) : "–";
    });
    row(`    speed-up vs exact · recall@10`, (s) => {
      const d = s.retrieval.dense.find((x) => x.ef === ef);
      return d ? `${d.speedup.toFixed(0)}× · ${d.recallAt10.toFixed(3)}` : "–";
    });
  }
  row("  query embedding", (s) => pair(s.retrieval.embedQuery));
  row("  dense as in hybrid (embed+top k)", (s) => pair(s.retrieval.denseInHybrid));
  row("  BM25 keyword search", (s) => pair(s.retrieval.keyword));
  row("  hybrid retrieve (dense+BM25+RRF)", (s) => pair(s.retrieval.hybrid));
  row("    vs exact scan (p50)", (s) => ratio(s.retrieval.exact.p50, s.retrieval.hybrid.p50));
  row("  ask (extractive), called directly", (s) => pair(s.retrieval.ask));
  rows.push("Start-up and memory");
  row("  cold start → first answer (median)", (s) => ms(s.coldStart.median));
  row("  · imports / index open / answer", (s) =>
    `${ms0(s.coldStart.phases.importedMs)} / ${ms0(s.coldStart.phases.openedMs - s.coldStart.phases.importedMs)} / ${ms0(s.coldStart.phases.answeredMs - s.coldStart.phases.openedMs)}`,
  );
  row("  cold start, page cache dropped", (s) => {
    const cold = s.coldStart.coldCache;
    if (cold === undefined) return "–";
    if ("skipped" in cold) return `– (${cold.skipped})`;
    return `${ms(cold.ms)} (open ${ms0(cold.phases.openedMs - cold.phases.importedMs)})`;
  });
  row("  bare node start (baseline)", (s) => ms(s.coldStart.bareNodeMs));
  row("    cold start / bare node", (s) => `${(s.coldStart.median / s.coldStart.bareNodeMs).toFixed(1)}×`);
  row("  RSS, index loaded", (s) => bytes(s.coldStart.rssBytes));
  row("    bare node RSS (baseline)", (s) => bytes(s.coldStart.bareNodeRssBytes));
  rows.push("End to end through the bot (Bot API on 127.0.0.1)");
  row("  question → reply, p50 / p95", (s) => pair(s.endToEnd.latency));
  row("  ask directly (baseline)", (s) => pair(s.endToEnd.direct));
  row("    bot overhead at p50", (s) => signed(s.endToEnd.latency.p50 - s.endToEnd.direct.p50));
  row("  concurrent chats × questions", (s) => `${s.endToEnd.concurrent.chats} × ${s.endToEnd.concurrent.perChat}`);
  row("  · throughput", (s) => `${s.endToEnd.concurrent.throughput.toFixed(0)} q/s`);
  row("  · latency under load p50 / p95", (s) => pair(s.endToEnd.concurrent.latency));
  row("  · answered / lost / duplicated", (s) => {
    const d = s.endToEnd.concurrent.delivery;
    return `${d.answered} / ${d.lost} / ${d.duplicated}`;
  });
  row("  · chats answered out of order", (s) => String(s.endToEnd.concurrent.delivery.outOfOrder));
  row("  unrelated chat, 8 chats held on 429", (s) => {
    const h = s.endToEnd.headOfLine;
    return h === undefined ? "–" : `${ms(h.latencyMs)}${h.beforeHeld ? "" : " (after a held one)"}`;
  });
  row("  · retry_after / held answers delivered", (s) => {
    const h = s.endToEnd.headOfLine;
    return h === undefined ? "–" : `${h.retryAfterSeconds} s / ${h.heldDelivered} of ${h.held}`;
  });

  const checks = checkTargets(sizes, configuredEf);
  const lines = layout(rows);
  if (checks.length > 0) {
    lines.push("", `Targets (at ${compact(checks[0]!.size)} chunks)`);
    for (const c of checks) lines.push(`  ${c.met ? "met   " : "MISSED"}  ${c.name}: ${c.measured} (target ${c.target})`);
  }
  return `${lines.join("\n")}\n`;
}

/** The chart's series: latency p95 of exact, HNSW at the configured ef, hybrid and the bot; recall per ef. Pure. */
export function chartData(report: BenchReport, configuredEf: number): ChartInput {
  const sizes = [...report.sizes].sort((a, b) => a.indexing.chunks - b.indexing.chunks);
  const series = (label: string, value: (s: SizeResult) => number | undefined, dashed = false): ChartSeries => ({
    label,
    dashed,
    points: sizes.flatMap((s) => {
      const y = value(s);
      return y === undefined ? [] : [{ x: s.indexing.chunks, y }];
    }),
  });
  const efs = [...new Set(sizes.flatMap((s) => s.retrieval.dense.map((d) => d.ef)))].sort((a, b) => a - b);
  const m = report.machine;
  return {
    title: "citebot: latency and recall against corpus size",
    subtitle: `${m.cpu}, ${m.cores} cores, node ${m.node} · ${report.startedAt.slice(0, 10)} · p95 per query`,
    latency: [
      series("exact cosine scan (baseline)", (s) => s.retrieval.exact.p95, true),
      series(`HNSW ef ${configuredEf}, top 10`, (s) => s.retrieval.dense.find((d) => d.ef === configuredEf)?.latency.p95),
      series("BM25 keyword search", (s) => s.retrieval.keyword.p95),
      series("hybrid retrieval", (s) => s.retrieval.hybrid.p95),
      series("ask, direct", (s) => s.retrieval.ask.p95),
      series("end to end via bot", (s) => s.endToEnd.latency.p95),
    ],
    recall: efs.map((ef) => series(`recall@10, ef ${ef}`, (s) => s.retrieval.dense.find((d) => d.ef === ef)?.recallAt10)),
  };
}

function layout(rows: readonly (string | readonly string[])[]): string[] {
  const tabular = rows.filter((r): r is readonly string[] => Array.isArray(r));
  const columns = Math.max(0, ...tabular.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...tabular.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => {
    if (typeof r === "string") return r;
    return r.map((cell, c) => (c === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[c]!))).join("   ").trimEnd();
  });
}

function pair(s: { p50: number; p95: number }): string {
  return `${num(s.p50)} / ${num(s.p95)} ms`;
}

function ratio(baseline: number, value: number): string {
  if (!(value > 0)) return "–";
  return baseline >= value ? `${(baseline / value).toFixed(1)}× faster` : `${(value / baseline).toFixed(1)}× slower`;
}

/** Milliseconds with sensible precision: 0.0123 → "0.012", 4.56 → "4.6", 1234 → "1234". */
export function num(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function ms(value: number): string {
  return Number.isFinite(value) ? (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${num(value)} ms`) : "–";
}

/** A difference in ms with its sign; noise can make the bot look faster than `ask` alone. */
function signed(value: number): string {
  return `${value < 0 ? "−" : "+"}${ms(Math.abs(value))}`;
}

function ms0(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)}` : "–";
}

function seconds(value: number): string {
  return Number.isFinite(value) ? `${(value / 1000).toFixed(value < 1000 ? 2 : 1)} s` : "–";
}

function rate(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–";
}

/** Bytes in binary units: 1536 → "1.5 KiB". Pure. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const units = ["B", "KiB", "MiB", "GiB"];
  let v = value;
  let unit = 0;
  while (v >= 1024 && unit < units.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${unit === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[unit]}`;
}

/** 1000 → "1k", 100000 → "100k", 1234 → "1234". */
export function compact(count: number): string {
  if (count >= 1000 && count % 1000 === 0) return `${count / 1000}k`;
  return String(count);
}
