import { describe, expect, it } from "vitest";
import { CorruptFileError } from "../../src/ingest/binary.js";
import { chunkDoc } from "../../src/ingest/chunk.js";
import { decodeChunkStore, encodeChunkStore } from "../../src/ingest/chunkstore.js";
import { loadSeeds } from "../../src/ingest/load.js";
import { sentenceTable } from "../../src/ingest/sentences.js";
import type { Chunk } from "../../src/types.js";

async function corpus() {
  const { docs } = await loadSeeds("seeds");
  // Characters outside Latin-1 and outside the BMP: offsets count UTF-16 code units, bytes differ.
  const text = " date 2023-05 Ein Artikel mit „Anführungszeichen“ – und Emoji 🚀 in Almaty. Er hat drei Sätze. Der dritte endet hier.";
  const sentences = ["Ein Artikel", "Er hat", "Der dritte"].map((opening) => {
    const start = text.indexOf(opening);
    return { start, end: text.indexOf(".", start) + 1 };
  });
  const extra = { ...docs[0]!, source: "b/zweiter.md", text, sentences };
  const all = [...docs, extra];
  const chunks: Chunk[] = all.flatMap((doc) => chunkDoc(doc, { sentences: 3, overlap: 1 })).map((draft, id) => ({ id, ...draft }));
  return { docs: all, chunks };
}

describe("chunks.bin", () => {
  it("reads back every chunk, its sentences and its text as a slice of its document's text", async () => {
    const { docs, chunks } = await corpus();
    expect(docs.at(-1)!.text.slice(docs.at(-1)!.sentences[0]!.start, docs.at(-1)!.sentences[0]!.end)).toBe(
      "Ein Artikel mit „Anführungszeichen“ – und Emoji 🚀 in Almaty.",
    );
    const store = decodeChunkStore(encodeChunkStore(docs, chunks));
    expect(store.sources).toEqual(docs.map((d) => d.source));
    expect(store.chunks).toHaveLength(chunks.length);
    store.chunks.forEach((chunk, id) => {
      const original = chunks[id]!;
      expect({ id: chunk.id, source: chunk.source, start: chunk.start, end: chunk.end, text: chunk.text, sentences: chunk.sentences }).toEqual(
        original,
      );
      const doc = store.sources.indexOf(chunk.source);
      expect(chunk.text).toBe(store.docText(doc).slice(chunk.start, chunk.end));
    });
    docs.forEach((doc, i) => expect(store.docText(i)).toBe(doc.text));
    expect(JSON.parse(JSON.stringify(store.chunks))).toEqual(chunks);

    const expected = sentenceTable(chunks);
    const table = store.sentences;
    expect(table.count).toBe(expected.count);
    for (const key of ["start", "end", "firstChunk", "memberOffsets", "members"] as const) expect([...table[key]]).toEqual([...expected[key]]);
    for (let i = 0; i < table.count; i++) {
      expect(table.text(i)).toBe(expected.text(i));
      expect(table.source(i)).toBe(expected.source(i));
    }
  });

  it("refuses a chunk that is not the slice of its document it claims to be", async () => {
    const { docs, chunks } = await corpus();
    const forged = chunks.map((c, i) => (i === 2 ? { ...c, text: `${c.text} ` } : c));
    expect(() => encodeChunkStore(docs, forged)).toThrow(/chunk 2 .* is not the text/);
    expect(() => encodeChunkStore(docs.slice(1), chunks)).toThrow(/not among the documents/);
  });

  it("fails clearly when the file is truncated, padded or its spans are damaged", async () => {
    const { docs, chunks } = await corpus();
    const bytes = encodeChunkStore(docs, chunks);
    expect(() => decodeChunkStore(bytes.subarray(0, bytes.length - 100))).toThrow(CorruptFileError);
    expect(() => decodeChunkStore(bytes.subarray(0, bytes.length - 100))).toThrow(/truncated/);
    expect(() => decodeChunkStore(Buffer.concat([bytes, Buffer.alloc(16)]))).toThrow(/after the last section/);
    expect(() => decodeChunkStore(Buffer.from("{}"))).toThrow(/too short|header/);

    // The chunk spans follow the two per-document arrays: set the first chunk's end beyond its document.
    const headerLength = bytes.readUInt32LE(0);
    const sectionsStart = Math.ceil((4 + headerLength) / 8) * 8;
    const align = (n: number) => Math.ceil(n / 8) * 8;
    const d = docs.length;
    const n = chunks.length;
    const chunkEndAt = sectionsStart + align((d + 1) * 4) + align(d * 4) + align(n * 4) + align(n * 4);
    const damaged = Buffer.from(bytes);
    expect(damaged.readUInt32LE(chunkEndAt)).toBe(chunks[0]!.end);
    damaged.writeUInt32LE(docs[0]!.text.length + 1, chunkEndAt);
    expect(() => decodeChunkStore(damaged)).toThrow(/chunk 0 lies outside its document/);
  });
});
