import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { chunksPerDoc, createRandom, generateCorpus, generateQuestions, zipfSampler } from "../../src/bench/corpus.js";
import { chunkDoc } from "../../src/ingest/chunk.js";
import { parseSeed } from "../../src/ingest/load.js";

const chunking = { sentences: 4, overlap: 1 };

async function seedSentences(): Promise<string[]> {
  const doc = parseSeed("seed.txt", await readFile("seeds/000_308e1ab380b049a5.txt"));
  if ("reason" in doc) throw new Error(doc.reason);
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
}

describe("createRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("zipfSampler", () => {
  it("maps the unit interval onto ranks, the first rank most often", () => {
    const sample = zipfSampler(100, 1.07);
    expect(sample(0)).toBe(0);
    expect(sample(0.999999)).toBe(99);
    const random = createRandom(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[sample(random.next())]! += 1;
    expect(counts[0]!).toBeGreaterThan(counts[1]!);
    expect(counts[1]!).toBeGreaterThan(counts[50]!);
  });
});

describe("chunksPerDoc", () => {
  it("agrees with the ingest chunker for every document length", async () => {
    const sentences = await seedSentences();
    for (const options of [chunking, { sentences: 3, overlap: 0 }, { sentences: 5, overlap: 2 }, { sentences: 1, overlap: 0 }]) {
      for (let n = 1; n <= sentences.length; n++) {
        const text = sentences.slice(0, n).join("\n");
        const doc = parseSeed("x.txt", Buffer.from(text));
        if ("reason" in doc) throw new Error(doc.reason);
        expect(chunksPerDoc(doc.sentences.length, options)).toBe(chunkDoc(doc, options).length);
      }
    }
  });
});

describe("generateCorpus", () => {
  it("is deterministic for a seed value and differs for another", async () => {
    const sentences = await seedSentences();
    const a = generateCorpus(sentences, { chunks: 300, seed: 3, chunking });
    const b = generateCorpus(sentences, { chunks: 300, seed: 3, chunking });
    const c = generateCorpus(sentences, { chunks: 300, seed: 4, chunking });
    expect(b).toEqual(a);
    expect(c.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
  });

  it("yields the requested number of chunks through the real loader and chunker", async () => {
    const sentences = await seedSentences();
    const docs = generateCorpus(sentences, { chunks: 1000, seed: 1, chunking });
    let chunks = 0;
    for (const d of docs) {
      const doc = parseSeed(d.name, Buffer.from(d.text));
      if ("reason" in doc) throw new Error(`${d.name}: ${doc.reason}`);
      expect(doc.date).toMatch(/^\d{4}-\d{2}$/);
      expect(doc.sentences).toHaveLength(31);
      chunks += chunkDoc(doc, chunking).length;
    }
    expect(chunks).toBe(1000);
    expect(new Set(docs.map((d) => d.name)).size).toBe(docs.length);
  });

  it("keeps the seed's language but varies it: numbers change, noise words appear", async () => {
    const sentences = await seedSentences();
    const text = generateCorpus(sentences, { chunks: 200, seed: 1, chunking })
      .map((d) => d.text)
      .join("\n");
    expect(text).toContain("Tokajew");
    expect(text).not.toContain("\u0000");
    const numbers = new Set(text.match(/\b\d+\b/g));
    expect(numbers.size).toBeGreaterThan(10);
    const seedWords = new Set(sentences.join(" ").split(/\s+/));
    const novel = new Set(text.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w) && !seedWords.has(w)));
    expect(novel.size).toBeGreaterThan(100);
  });
});

describe("generateQuestions", () => {
  it("asks deterministic, non-empty questions about the corpus", async () => {
    const docs = generateCorpus(await seedSentences(), { chunks: 100, seed: 1, chunking });
    const questions = generateQuestions(docs, 50, 9);
    expect(questions).toHaveLength(50);
    expect(generateQuestions(docs, 50, 9)).toEqual(questions);
    for (const q of questions) expect(q).toMatch(/\p{L}{4,}.*\?$/u);
  });
});
