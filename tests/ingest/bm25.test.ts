import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createRandom, generateCorpus, generateQuestions, type Random } from "../../src/bench/corpus.js";
import { buildKeywordIndex, KeywordIndexFormatError, loadKeywordIndex, type KeywordHit } from "../../src/ingest/bm25.js";
import { chunkDoc } from "../../src/ingest/chunk.js";
import { analyze } from "../../src/ingest/keyword.js";
import { parseSeed } from "../../src/ingest/load.js";

const texts = [
  "Die Behörden nahmen zwei Mitarbeiter fest.",
  "Tokajew erteilte seinem Militär einen Schießbefehl.",
  "Die Truppen sollen in zehn Tagen abziehen. Die Truppen sind müde.",
  "Der Truppenabzug beginnt morgen.",
  "Ein Satz ohne jeden Bezug.",
];

describe("BM25 keyword index", () => {
  const index = buildKeywordIndex(texts);

  it("finds documents by stemmed, folded terms, best first", () => {
    expect(index.search("Behörde", 3).map((r) => r.id)).toEqual([0]);
    expect(index.search("behorden mitarbeitern", 3)[0]!.id).toBe(0);
    const troops = index.search("Truppen", 5).map((r) => r.id);
    expect(troops[0]).toBe(2); // two occurrences beat a prefix match in a compound
    expect(troops).toContain(3); // "Truppenabzug" through the prefix
  });

  it("ignores stop words and unknown terms", () => {
    expect(index.search("die der und", 5)).toEqual([]);
    expect(index.search("Raumschiff", 5)).toEqual([]);
  });

  it("weights rare terms above common ones", () => {
    const corpus = buildKeywordIndex(["Kasachstan Proteste", "Kasachstan Regierung", "Kasachstan Truppen", "Schießbefehl heute"]);
    const [first] = corpus.search("Kasachstan Schießbefehl", 5);
    expect(first!.id).toBe(3);
  });

  it("returns at most k results with descending scores", () => {
    const results = index.search("Truppen Tokajew Behörden Satz", 2);
    expect(results).toHaveLength(2);
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
  });

  it("gives the same results after a serialize/load round trip", () => {
    const restored = loadKeywordIndex(index.serialize());
    for (const query of ["Truppen", "Behörden Mitarbeiter", "Schießbefehl Militär", "Satz Bezug"]) {
      expect(restored.search(query, 5)).toEqual(index.search(query, 5));
    }
    expect(restored.n).toBe(texts.length);
  });

  it("rejects bytes of another format", () => {
    const bogus = Buffer.alloc(64);
    bogus.writeUInt32LE(13, 0);
    bogus.write('{"magic":"x"}', 4);
    expect(() => loadKeywordIndex(bogus)).toThrow(/format/);
  });

  it("handles an empty corpus", () => {
    expect(buildKeywordIndex([]).search("Truppen", 3)).toEqual([]);
  });
});

/**
 * The plainest BM25 over the same texts, written from the definition and nothing of the index: every
 * posting of every matched term is scored, summed in query order, and all matches are sorted. The
 * optimised search must return exactly this (ids, order and scores).
 */
class ExhaustiveBm25 {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly vocab: string[];
  private readonly averageLength: number;

  constructor(texts: readonly string[]) {
    texts.forEach((text, doc) => {
      const terms = analyze(text);
      this.lengths.push(terms.length);
      for (const term of terms) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = new Map()));
        list.set(doc, (list.get(doc) ?? 0) + 1);
      }
    });
    this.vocab = [...this.postings.keys()].sort();
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, texts.length);
  }

  /** Exact term at weight 1, then up to 64 matches in all: longer terms with the prefix, at 0.375 × length ratio. */
  matches(term: string): [string, number][] {
    const out: [string, number][] = [];
    if (this.postings.has(term)) out.push([term, 1]);
    if (term.length >= 5) {
      for (const candidate of this.vocab) {
        if (out.length >= 64) break;
        if (candidate !== term && candidate.startsWith(term)) out.push([candidate, (0.375 * term.length) / candidate.length]);
      }
    }
    return out;
  }

  search(query: string, k: number): { id: number; score: number }[] {
    const n = this.lengths.length;
    const scores = new Map<number, number>();
    for (const term of new Set(analyze(query))) {
      for (const [match, weight] of this.matches(term)) {
        const list = this.postings.get(match)!;
        const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
        for (const [doc, tf] of list) {
          const norm = tf + 1.2 * (1 - 0.75 + (0.75 * this.lengths[doc]!) / this.averageLength);
          scores.set(doc, (scores.get(doc) ?? 0) + (weight * idf * tf * (1.2 + 1)) / norm);
        }
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, Math.max(0, k));
  }
}

/** Where two result lists differ (ids and order exactly, scores up to float rounding), or undefined. */
function difference(actual: readonly KeywordHit[], expected: readonly KeywordHit[]): string | undefined {
  const ids = (hits: readonly KeywordHit[]) => hits.map((h) => h.id).join(",");
  if (ids(actual) !== ids(expected)) return `ids ${ids(actual)} instead of ${ids(expected)}`;
  const i = actual.findIndex((hit, i) => Math.abs(hit.score - expected[i]!.score) > 1e-12 * expected[i]!.score);
  return i < 0 ? undefined : `score ${actual[i]!.score} instead of ${expected[i]!.score} at rank ${i}`;
}

/** German-looking words with shared stems and suffixes, so prefix expansion and stemming both have work. */
function randomCorpus(random: Random): { texts: string[]; words: string[] } {
  const stems = ["trupp", "kasach", "behord", "schies", "verleg", "sicher", "regier", "abzug", "grenz", "wahl"];
  const suffixes = ["", "en", "ung", "abzug", "stan", "er", "heit", "lich", "befehl", "e", "s"];
  const words = Array.from({ length: 10 + random.int(40) }, () => random.pick(stems) + random.pick(suffixes));
  // One stem with more than 64 longer vocabulary terms, to hit the expansion limit.
  if (random.next() < 0.5) for (let i = 0; i < 80; i++) words.push(`schwer${String.fromCharCode(97 + (i % 26))}${i}x`);
  words.push("die", "der", "und", "the", "2022", "Zehn");
  const texts: string[] = [];
  const count = 1 + random.int(120);
  for (let d = 0; d < count; d++) {
    if (texts.length > 0 && random.next() < 0.15) {
      texts.push(random.pick(texts)); // duplicates give exact score ties
      continue;
    }
    const length = random.int(25);
    texts.push(Array.from({ length }, () => random.pick(words)).join(random.next() < 0.5 ? " " : ", "));
  }
  return { texts, words };
}

function queriesFor(random: Random, words: readonly string[], count: number): string[] {
  const queries = ["", "   ", "die der und", "Raumschiff", "schwer", "trupp", "kasachstan", "Truppen Truppen abzug"];
  for (let i = 0; i < count; i++) {
    const parts = Array.from({ length: 1 + random.int(6) }, () => {
      const word = random.pick(words);
      const roll = random.next();
      if (roll < 0.25) return word.slice(0, 5 + random.int(3)); // a prefix
      if (roll < 0.35) return word.slice(0, 2 + random.int(3)); // too short to expand
      if (roll < 0.45) return word.toUpperCase();
      return word;
    });
    queries.push(parts.join(" "));
  }
  return queries;
}

/** A synthetic corpus of the benchmark's kind, chunked as the index chunks it; built once. */
const synthetic = memo(async () => {
  const seed = parseSeed("seed.txt", await readFile("seeds/000_308e1ab380b049a5.txt"));
  if ("reason" in seed) throw new Error(seed.reason);
  const chunking = { sentences: 4, overlap: 1 };
  const docs = generateCorpus(
    seed.sentences.map((s) => seed.text.slice(s.start, s.end)),
    { chunks: 5000, seed: 3, chunking },
  );
  const texts = docs.flatMap((doc) => {
    const parsed = parseSeed(doc.name, Buffer.from(doc.text));
    if ("reason" in parsed) throw new Error(parsed.reason);
    return chunkDoc(parsed, chunking).map((c) => c.text);
  });
  const df = new Map<string, number>();
  for (const text of texts) for (const term of new Set(analyze(text))) df.set(term, (df.get(term) ?? 0) + 1);
  // Terms by document frequency: the most common ones have the long posting lists pruning is for.
  const byFrequency = [...df.keys()].sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1));
  return {
    docs,
    texts,
    index: buildKeywordIndex(texts),
    reference: new ExhaustiveBm25(texts),
    common: byFrequency.slice(0, 12),
    rare: byFrequency.filter((t) => df.get(t) === 1).slice(0, 6),
  };
});

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

describe("BM25 search is exact", () => {
  it("matches an exhaustive BM25 on random small corpora", () => {
    const random = createRandom(20261126);
    const failures: string[] = [];
    for (let corpus = 0; corpus < 60; corpus++) {
      const { texts, words } = randomCorpus(random);
      const index = buildKeywordIndex(texts);
      const restored = loadKeywordIndex(index.serialize());
      const reference = new ExhaustiveBm25(texts);
      for (const query of queriesFor(random, words, 25)) {
        for (const k of [1, 2, 3, 7, 30, texts.length + 5]) {
          const expected = reference.search(query, k);
          const label = `corpus ${corpus}, ${JSON.stringify(query)}, k=${k}`;
          const built = difference(index.search(query, k), expected);
          if (built) failures.push(`${label}: ${built}`);
          const loaded = difference(restored.search(query, k), expected);
          if (loaded) failures.push(`${label} (loaded): ${loaded}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("matches an exhaustive BM25 on a synthetic corpus of the benchmark's kind", async () => {
    const { docs, texts, index, reference, common, rare } = await synthetic();
    expect(texts.length).toBeGreaterThan(2 * 2048); // more than one accumulation window
    const queries = [
      ...generateQuestions(docs, 120, 5),
      ...common,
      common.join(" "),
      `${common[0]} ${common[1]} ${rare[0]}`,
      ...common.map((t) => t.slice(0, 5)),
      ...rare,
      rare.join(" "),
      "die der und was wer",
      "",
      "Xylophonzentrale",
    ];
    const failures: string[] = [];
    for (const query of queries) {
      for (const k of [1, 10, 30, 200]) {
        const different = difference(index.search(query, k), reference.search(query, k));
        if (different) failures.push(`${JSON.stringify(query)}, k=${k}: ${different}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("returns every match when k is larger than the number of matches", async () => {
    const { index, reference, rare } = await synthetic();
    const query = rare.join(" ");
    const all = reference.search(query, 10_000);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThan(50);
    expect(difference(index.search(query, 50), all)).toBeUndefined();
  });

  it("stops reading a common term's postings once they cannot change the top k", () => {
    // "haus" is in every document; "kasachstan" only in one early document, which outscores them all.
    const texts = Array.from({ length: 20_000 }, (_, i) => (i === 5 ? "Haus Kasachstan Kasachstan" : `Haus Nummer ${i % 7}`));
    const index = buildKeywordIndex(texts);
    const stats = { postings: 0, lookups: 0, candidates: 0 };
    expect(index.search("Haus Kasachstan", 1, stats).map((h) => h.id)).toEqual([5]);
    const postings = texts.length + 1;
    expect(stats.postings + stats.lookups).toBeLessThan(postings / 4);
    expect(stats.candidates).toBeLessThan(texts.length / 4);
    const exhaustive = { postings: 0, lookups: 0, candidates: 0 };
    index.search("Haus Kasachstan", texts.length, exhaustive);
    expect(exhaustive.postings).toBe(postings);
  });
});

describe("keyword index format", () => {
  it("refuses an index of a previous format with a message that says to rebuild", () => {
    for (const magic of ["citebot-bm25-v1", "citebot-bm25-v2"]) {
      const header = Buffer.from(JSON.stringify({ magic, vocab: ["trupp"], postings: 1, n: 1 }));
      const bytes = Buffer.alloc(4 + header.length + 64);
      bytes.writeUInt32LE(header.length, 0);
      header.copy(bytes, 4);
      expect(() => loadKeywordIndex(bytes)).toThrow(KeywordIndexFormatError);
      expect(() => loadKeywordIndex(bytes)).toThrow(new RegExp(`${magic}.*rebuild`));
    }
  });

  it("loads from bytes at any offset of their buffer", () => {
    const index = buildKeywordIndex(texts);
    const bytes = index.serialize();
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    const restored = loadKeywordIndex(shifted.subarray(3));
    expect(restored.search("Truppen Tokajew", 5)).toEqual(index.search("Truppen Tokajew", 5));
  });
});
