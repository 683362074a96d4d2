import { describe, expect, it } from "vitest";
import { IdfTable, LocalLexicalEmbeddings } from "../../src/ingest/embed.js";
import { analyze } from "../../src/ingest/keyword.js";

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

describe("local lexical embeddings", () => {
  const corpus = [
    "Tokajew erteilte seinem Militär einen Schießbefehl.",
    "Die Rückverlegung der Soldaten soll zehn Tage dauern.",
    "Es gab viele Tote und Hunderte Verletzte.",
    "Kremlsprecher Dmitri Peskow erklärte, die Situation habe sich stabilisiert.",
  ];
  const embedder = new LocalLexicalEmbeddings(256).fit(corpus);

  it("is deterministic, fixed-dimension and L2-normalised", async () => {
    const [a, b] = await embedder.embedDocuments([corpus[0]!, corpus[0]!]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(Math.sqrt(cosine(a!, a!))).toBeCloseTo(1, 6);
  });

  it("names its space by kind and dimension", () => {
    expect(embedder.id).toBe("local-lexical-v1/256");
    expect(new LocalLexicalEmbeddings(512).id).not.toBe(embedder.id);
  });

  it("ranks the sentence sharing a compound's part above unrelated ones", async () => {
    const query = await embedder.embedQuery("Welchen Befehl gab er dem Militär?");
    const docs = await embedder.embedDocuments(corpus);
    const best = docs.map((d) => cosine(query, d)).indexOf(Math.max(...docs.map((d) => cosine(query, d))));
    expect(best).toBe(0);
  });

  it("brings inflected forms and near-cognates closer than unrelated words", async () => {
    const [verletzte, verletzten, soldaten] = await embedder.embedDocuments(["Verletzte", "Verletzten", "Soldaten"]);
    expect(cosine(verletzte!, verletzten!)).toBeGreaterThan(cosine(verletzte!, soldaten!) + 0.3);
    const [kazakh, kasach, moskau] = await embedder.embedDocuments(["Kazakhstan", "Kasachstan", "Moskau"]);
    expect(cosine(kazakh!, kasach!)).toBeGreaterThan(cosine(kazakh!, moskau!));
  });

  it("weights rare terms above common ones (IDF)", async () => {
    const fitted = new LocalLexicalEmbeddings(1024).fit([
      "Kasachstan Proteste",
      "Kasachstan Regierung",
      "Kasachstan Truppen",
      "Kasachstan Schießbefehl",
    ]);
    const [query, common, rare] = await fitted.embedDocuments(["Kasachstan Schießbefehl", "Kasachstan", "Schießbefehl"]);
    expect(cosine(query!, rare!)).toBeGreaterThan(cosine(query!, common!));
  });

  it("survives a save/load round trip of its IDF exactly", async () => {
    const restored = new LocalLexicalEmbeddings(256).loadState(embedder.saveState());
    expect(await restored.embedQuery("Schießbefehl Militär")).toEqual(await embedder.embedQuery("Schießbefehl Militär"));
    const unfitted = new LocalLexicalEmbeddings(256);
    expect(await unfitted.embedQuery("Schießbefehl Militär")).not.toEqual(await embedder.embedQuery("Schießbefehl Militär"));
  });

  it("rejects a corrupt state", () => {
    expect(() => new LocalLexicalEmbeddings(256).loadState(new Uint8Array([1, 2, 3]))).toThrow(/truncated/);
    // Two hashes stored out of order: looked up by bisection, they would give wrong IDFs silently.
    const state = Buffer.from(embedder.saveState());
    const first = state.readUInt32LE(16);
    state.writeUInt32LE(state.readUInt32LE(20), 16);
    state.writeUInt32LE(first, 20);
    expect(() => new LocalLexicalEmbeddings(256).loadState(state)).toThrow(/corrupt/);
  });

  it("finds every stored IDF and none of a hash it never saw", () => {
    const table = IdfTable.of([
      [7, 1.5],
      [0xffffffff, 2.5],
      [3, 0.5],
    ]);
    expect([3, 7, 0xffffffff].map((hash) => table.get(hash))).toEqual([0.5, 1.5, 2.5]);
    expect([0, 5, 8, 0xfffffffe].map((hash) => table.get(hash))).toEqual([undefined, undefined, undefined, undefined]);
    expect(IdfTable.of([]).get(1)).toBeUndefined();
  });

  it("analyzes German text into folded stems without stop words", () => {
    expect(analyze("Wie viele Verletzte gab es bei den Unruhen?")).toEqual(["viel", "verletzt", "unruh"]);
    expect(analyze("Behörden")).toEqual(analyze("behorde"));
  });
});
