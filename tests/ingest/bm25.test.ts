import { describe, expect, it } from "vitest";
import { buildKeywordIndex, loadKeywordIndex } from "../../src/ingest/bm25.js";

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
