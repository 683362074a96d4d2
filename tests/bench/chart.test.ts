import { describe, expect, it } from "vitest";
import { escapeXml, logTicks, renderChart } from "../../src/bench/chart.js";

const input = {
  title: "citebot <bench> & co",
  subtitle: "2 cores",
  latency: [
    { label: "exact", points: [{ x: 1000, y: 1 }, { x: 10_000, y: 10 }, { x: 100_000, y: 100 }], dashed: true },
    { label: "HNSW", points: [{ x: 1000, y: 0.1 }, { x: 10_000, y: 0.2 }, { x: 100_000, y: 0.3 }] },
  ],
  recall: [{ label: "ef 64", points: [{ x: 1000, y: 0.99 }, { x: 100_000, y: 0.8 }] }],
};

describe("renderChart", () => {
  it("draws one line per series with a legend, escaping text", () => {
    const svg = renderChart(input);
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("citebot &lt;bench&gt; &amp; co");
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain(">exact<");
    expect(svg).toContain(">ef 64<");
    expect(svg).toContain("stroke-dasharray");
    expect(svg).toContain(">100k<");
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("is deterministic and says so when a panel has no data", () => {
    expect(renderChart(input)).toBe(renderChart(input));
    const empty = renderChart({ title: "t", latency: [{ label: "x", points: [{ x: 1000, y: Number.NaN }] }], recall: [] });
    expect(empty.match(/no data/g)).toHaveLength(2);
    expect(empty).not.toMatch(/NaN/);
  });

  it("places a larger value higher on the log axis", () => {
    const svg = renderChart({ title: "t", latency: [{ label: "x", points: [{ x: 10, y: 1 }, { x: 100, y: 100 }] }], recall: [] });
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(circles).toHaveLength(2);
    expect(circles[1]!.x).toBeGreaterThan(circles[0]!.x);
    expect(circles[1]!.y).toBeLessThan(circles[0]!.y);
  });
});

describe("logTicks and escapeXml", () => {
  it("gives 1-2-5 ticks over few decades and powers of ten over many", () => {
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(0.001, 1000)).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
  });
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
