import { readFileSync } from "node:fs";
import { tempDir } from "../helpers/temp.js";
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDoc } from "../../src/ingest/chunk.js";
import { loadSeeds, parseMetadataPrefix, parseSeed, splitSentences } from "../../src/ingest/load.js";
import type { SourceDoc } from "../../src/types.js";

const SEEDS = path.resolve("seeds");
const SEED_FILE = "000_308e1ab380b049a5.txt";

describe("loading seeds", () => {
  it("reads the metadata prefix into metadata.date and keeps it out of the body", async () => {
    const { docs, skipped } = await loadSeeds(SEEDS);
    expect(skipped).toEqual([]);
    const doc = docs.find((d) => d.source === SEED_FILE)!;
    expect(doc.date).toBe("2022-01");
    expect(doc.text.slice(0, doc.bodyStart)).toBe(" date 2022-01 ");
    expect(doc.text.slice(doc.bodyStart).startsWith("Nur eine Woche")).toBe(true);
    expect(doc.title.startsWith("Nur eine Woche nach der Verlegung")).toBe(true);
    expect(doc.title.length).toBeLessThanOrEqual(90);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("parses only known keys with plausible values, and nothing from ordinary prose", () => {
    expect(parseMetadataPrefix(" date 2022-01 Text")).toEqual({ bodyStart: 14, metadata: { date: "2022-01" } });
    expect(parseMetadataPrefix("date 2022-01-05 lang de\nText").metadata).toEqual({ date: "2022-01-05", lang: "de" });
    expect(parseMetadataPrefix("Date is unknown here.")).toEqual({ bodyStart: 0, metadata: {} });
    expect(parseMetadataPrefix("Die Lage ist ruhig.")).toEqual({ bodyStart: 0, metadata: {} });
  });

  it("gives every sentence verbatim offsets, none spanning a line break or carrying the prefix", () => {
    const text = readFileSync(path.join(SEEDS, SEED_FILE), "utf8");
    const { bodyStart } = parseMetadataPrefix(text);
    const spans = splitSentences(text, bodyStart);
    expect(spans.length).toBeGreaterThan(20);
    for (const { start, end } of spans) {
      const sentence = text.slice(start, end);
      expect(sentence).toBe(sentence.trim());
      expect(sentence).not.toContain("\n");
      expect(sentence).not.toContain("date 2022-01");
      expect(start).toBeGreaterThanOrEqual(bodyStart);
    }
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toMatch(/^Nur eine Woche.*beendet worden\.$/);
  });

  it("treats a line without a full stop as a sentence of its own", () => {
    const text = "Unruhen in Kasachstan\nDie Lage ist ruhig. Es gab Proteste.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Unruhen in Kasachstan",
      "Die Lage ist ruhig.",
      "Es gab Proteste.",
    ]);
  });

  it("does not cut a sentence inside a German date or before a lower-case word", () => {
    const text = "Die Gespräche sollen am 19. und 20. März in Potsdam fortgesetzt werden. Der Start war am 3. Mai. Das ist z.B. ein Beispiel. Es gab 2. Die Zahl stieg.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Die Gespräche sollen am 19. und 20. März in Potsdam fortgesetzt werden.",
      "Der Start war am 3. Mai.",
      "Das ist z.B. ein Beispiel.",
      "Es gab 2.",
      "Die Zahl stieg.",
    ]);
  });

  it("does not cut after an ordinal that an article or a preposition opened", () => {
    const text = "Die Kirche stammt aus dem 12. Jahrhundert. Im 3. Quartal sank der Umsatz. Der Verein stieg auf Platz 4. Danach kam die Pause.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Die Kirche stammt aus dem 12. Jahrhundert.",
      "Im 3. Quartal sank der Umsatz.",
      "Der Verein stieg auf Platz 4.",
      "Danach kam die Pause.",
    ]);
  });

  it("does not cut a sentence after an abbreviation before a capital or a number (CLDR's list)", () => {
    const text =
      "Die Kosten liegen bei 5 Mio. Euro. Laut Dr. Maier ist das viel. Die Firma Beispiel GmbH & Co. KG widerspricht. Mr. Smith agreed. Es kam v. Chr. Ruhe auf. Sein Sohn heißt Paul. Dann war Pause.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Die Kosten liegen bei 5 Mio. Euro.",
      "Laut Dr. Maier ist das viel.",
      "Die Firma Beispiel GmbH & Co. KG widerspricht.",
      "Mr. Smith agreed.",
      "Es kam v. Chr. Ruhe auf.",
      "Sein Sohn heißt Paul.",
      "Dann war Pause.",
    ]);
    // The price of a maintained list: a noun on it ("Test." for "Testament") that ends a sentence joins the
    // next one, as under ICU's own suppressions. A longer quote loses nothing; a cut after "Dr." loses half.
    const noun = "Das war ein Test. Danach kam die Pause.";
    expect(splitSentences(noun).map((s) => noun.slice(s.start, s.end))).toEqual([noun]);
  });

  it("skips invalid UTF-8, empty and binary files with a reason that names them, and goes on", async () => {
    const dir = await tempDir("citebot-seeds-");
    await writeFile(path.join(dir, "good.txt"), "Ein Satz. Noch ein Satz.");
    await writeFile(path.join(dir, "latin1.txt"), Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x2e])); // "Grüße." in Latin-1
    await writeFile(path.join(dir, "empty.md"), "  \n ");
    await writeFile(path.join(dir, "only-prefix.txt"), " date 2022-01 ");
    await writeFile(path.join(dir, "binary.txt"), Buffer.from([0x41, 0x00, 0x42]));
    await writeFile(path.join(dir, "image.png"), "not a seed");
    await mkdir(path.join(dir, "sub"));
    await writeFile(path.join(dir, "sub", "nested.md"), "Verschachtelt.");
    const { docs, skipped } = await loadSeeds(dir);
    expect(docs.map((d) => d.source)).toEqual(["good.txt", "sub/nested.md"]);
    expect(Object.fromEntries(skipped.map((s) => [s.source, s.reason]))).toEqual({
      "binary.txt": expect.stringMatching(/binary/),
      "empty.md": expect.stringMatching(/empty/),
      "latin1.txt": expect.stringMatching(/UTF-8/),
      "only-prefix.txt": expect.stringMatching(/empty/),
    });
  });
});

describe("chunking", () => {
  it("keeps text === fileText.slice(start, end) for every chunk and sentence of the real seed", async () => {
    const { docs } = await loadSeeds(SEEDS);
    for (const doc of docs) {
      const fileText = readFileSync(path.join(SEEDS, doc.source), "utf8");
      for (const options of [
        { sentences: 4, overlap: 1 },
        { sentences: 1, overlap: 0 },
        { sentences: 3, overlap: 2 },
      ]) {
        const chunks = chunkDoc(doc, options);
        expect(chunks.length).toBeGreaterThan(0);
        for (const chunk of chunks) {
          expect(chunk.source).toBe(doc.source);
          expect(chunk.text).toBe(fileText.slice(chunk.start, chunk.end));
          expect(chunk.sentences.length).toBeLessThanOrEqual(options.sentences);
          for (const s of chunk.sentences) {
            expect(s.start).toBeGreaterThanOrEqual(chunk.start);
            expect(s.end).toBeLessThanOrEqual(chunk.end);
            expect(chunk.text.slice(s.start - chunk.start, s.end - chunk.start)).toBe(fileText.slice(s.start, s.end));
          }
          expect(chunk.text).not.toContain("date 2022-01");
        }
        // Every sentence is covered by some chunk.
        const covered = new Set(chunks.flatMap((c) => c.sentences.map((s) => s.start)));
        expect(covered.size).toBe(doc.sentences.length);
      }
    }
  });

  it("overlaps consecutive chunks by the configured number of sentences", () => {
    const text = "S1. S2. S3. S4. S5. S6. S7.";
    const doc = parseSeed("t.txt", Buffer.from(text)) as SourceDoc;
    const chunks = chunkDoc(doc, { sentences: 3, overlap: 1 });
    expect(chunks.map((c) => c.text)).toEqual(["S1. S2. S3.", "S3. S4. S5.", "S5. S6. S7."]);
  });
});
