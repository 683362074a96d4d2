/**
 * The benchmark's chart as a self-contained SVG string: latency against corpus size on log–log axes
 * (where a linear scan is a straight line of slope one and a graph index stays nearly flat), and
 * recall@10 against corpus size beside it. Plain SVG with no script or external font, so GitHub renders
 * it inline from docs/bench/. Pure: the same data always gives the same bytes.
 */

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartSeries {
  readonly label: string;
  readonly points: readonly ChartPoint[];
  readonly dashed?: boolean;
}

export interface ChartInput {
  readonly title: string;
  /** A line under the title, e.g. the machine and date of the run. */
  readonly subtitle?: string;
  /** Latency in milliseconds per query, against corpus size in chunks (log–log). */
  readonly latency: readonly ChartSeries[];
  /** Recall@10 (0–1) against corpus size in chunks (log x). */
  readonly recall: readonly ChartSeries[];
}

const WIDTH = 980;
const HEIGHT = 440;
const PANEL = { top: 70, bottom: 340, leftA: 70, rightA: 450, leftB: 560, rightB: 940 } as const;
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

/**
 * Renders the two panels with axes, ticks, gridlines, one polyline with dots per series and a legend
 * under each panel. Series with no finite points are left out; an empty panel says "no data".
 *
 * @example
 * const svg = renderChart({ title: "citebot", latency: [{ label: "exact", points: [{ x: 1000, y: 0.4 }] }], recall: [] });
 */
export function renderChart(input: ChartInput): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(input.title)}</text>`,
  );
  if (input.subtitle) out.push(`<text x="${WIDTH / 2}" y="44" text-anchor="middle" fill="#555">${escapeXml(input.subtitle)}</text>`);
  out.push(
    ...panel(input.latency, { left: PANEL.leftA, right: PANEL.rightA, heading: "Latency per query (ms, log scale)", logY: true }),
    ...panel(input.recall, { left: PANEL.leftB, right: PANEL.rightB, heading: "HNSW recall@10 vs exact", logY: false }),
    "</svg>",
  );
  return `${out.join("\n")}\n`;
}

interface PanelOptions {
  readonly left: number;
  readonly right: number;
  readonly heading: string;
  readonly logY: boolean;
}

function panel(allSeries: readonly ChartSeries[], options: PanelOptions): string[] {
  const { left, right, heading, logY } = options;
  const { top, bottom } = PANEL;
  const out: string[] = [`<text x="${(left + right) / 2}" y="${top - 10}" text-anchor="middle" font-weight="bold">${escapeXml(heading)}</text>`];
  const series = allSeries
    .map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0 && (!logY || p.y > 0)) }))
    .filter((s) => s.points.length > 0);
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#999"/>`);
  if (series.length === 0) {
    out.push(`<text x="${(left + right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle" fill="#999">no data</text>`);
    return out;
  }
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const [xMin, xMax] = logRange(Math.min(...xs), Math.max(...xs));
  const [yMin, yMax] = logY ? logRange(Math.min(...ys), Math.max(...ys)) : recallRange(Math.min(...ys));
  const sx = (x: number) => left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * (right - left);
  const sy = logY
    ? (y: number) => bottom - ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (bottom - top)
    : (y: number) => bottom - ((y - yMin) / (yMax - yMin)) * (bottom - top);

  for (const x of logTicks(xMin, xMax)) {
    const px = round(sx(x));
    out.push(`<line x1="${px}" y1="${top}" x2="${px}" y2="${bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle">${formatCount(x)}</text>`);
  }
  const yTicks = logY ? logTicks(yMin, yMax) : linearTicks(yMin, yMax);
  for (const y of yTicks) {
    const py = round(sy(y));
    out.push(`<line x1="${left}" y1="${py}" x2="${right}" y2="${py}" stroke="#eee"/>`);
    out.push(`<text x="${left - 6}" y="${py + 4}" text-anchor="end">${formatValue(y)}</text>`);
  }
  out.push(`<text x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle" fill="#555">corpus size (chunks)</text>`);

  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const points = [...s.points].sort((a, b) => a.x - b.x).map((p) => `${round(sx(p.x))},${round(sy(p.y))}`);
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${points.join(" ")}"/>`);
    for (const p of s.points) out.push(`<circle cx="${round(sx(p.x))}" cy="${round(sy(p.y))}" r="3" fill="${color}"/>`);
    const row = Math.floor(i / 2);
    const column = i % 2;
    const lx = left + column * ((right - left) / 2);
    const ly = bottom + 54 + row * 16;
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 24}" y="${ly}">${escapeXml(s.label)}</text>`);
  });
  return out;
}

/** Powers of ten around [min, max], widened so that a single value still gets an axis. */
function logRange(min: number, max: number): [number, number] {
  let lo = Math.pow(10, Math.floor(Math.log10(min)));
  let hi = Math.pow(10, Math.ceil(Math.log10(max)));
  if (hi <= lo) hi = lo * 10;
  if (min === lo && max === lo) lo /= 10;
  return [lo, hi];
}

function recallRange(min: number): [number, number] {
  const lo = Math.max(0, Math.min(0.9, Math.floor((min - 0.02) * 20) / 20));
  return [lo, 1];
}

/** 1, 2, 5 × 10^k ticks when the range spans few decades; powers of ten otherwise. */
export function logTicks(min: number, max: number): number[] {
  const decades = Math.log10(max / min);
  const steps = decades <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const step of steps) {
      const value = step * Math.pow(10, e);
      if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push(Number(value.toPrecision(12)));
    }
  }
  return ticks;
}

function linearTicks(min: number, max: number): number[] {
  const step = max - min > 0.3 ? 0.1 : 0.05;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9; v += step) ticks.push(Number(v.toFixed(2)));
  return ticks;
}

function formatCount(value: number): string {
  if (value >= 1_000_000) return `${value / 1_000_000}M`;
  if (value >= 1000) return `${value / 1000}k`;
  return String(value);
}

function formatValue(value: number): string {
  return value >= 1 ? String(Number(value.toPrecision(3))) : String(Number(value.toPrecision(2)));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Escapes text for SVG/XML content and attributes. Pure. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
