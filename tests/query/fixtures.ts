import type { Chunk } from "../../src/types.js";

/**
 * Hand-made chunks for unit tests: a text split at sentence ends, with absolute offsets, grouped
 * `perChunk` sentences at a time with one sentence of overlap, like the ingest chunker.
 */
export function makeChunks(source: string, text: string, perChunk = 3, firstId = 0): Chunk[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^.!?]+[.!?]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    spans.push({ start: m.index + lead, end: m.index + m[0].trimEnd().length });
  }
  const chunks: Chunk[] = [];
  for (let i = 0; i < spans.length; i += Math.max(1, perChunk - 1)) {
    const group = spans.slice(i, i + perChunk);
    const start = group[0]!.start;
    const end = group.at(-1)!.end;
    chunks.push({ id: firstId + chunks.length, source, start, end, text: text.slice(start, end), sentences: group });
    if (i + perChunk >= spans.length) break;
  }
  return chunks;
}

export const ARTICLE = [
  "Die Regierung hat am Montag neue Regeln für den Bahnverkehr beschlossen.",
  "Verkehrsministerin Anna Berger sprach von einem wichtigen Schritt.",
  "Bei dem Unfall in Leipzig wurden 14 Menschen verletzt.",
  "Die Reparatur der Strecke soll drei Wochen dauern.",
  "Der Bahnkonzern kündigte an, die Fahrpläne zu ändern.",
  "Kritiker nannten die Regeln zu spät.",
].join(" ");
