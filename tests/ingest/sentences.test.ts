import { describe, expect, it } from "vitest";
import { CorruptFileError } from "../../src/ingest/binary.js";
import { analyze } from "../../src/ingest/keyword.js";
import {
  analysisVersion,
  analyzeSentences,
  decodeAnalysis,
  encodeAnalysis,
  postingsOf,
  rejoinedParticleVerbs,
  sentenceStems,
  sentenceTable,
} from "../../src/ingest/sentences.js";
import { ARTICLE, makeChunks } from "../query/fixtures.js";

const TEXT = `${ARTICLE} Die Polizei nahm den Mann am Abend fest. Die Regierung hat neue Regeln beschlossen.`;

describe("sentenceTable", () => {
  it("keeps every sentence once, in order of first appearance, with the chunks that hold it", () => {
    const chunks = makeChunks("a.txt", TEXT, 3);
    const table = sentenceTable(chunks);
    expect(table.count).toBe(8);
    for (let i = 0; i < table.count; i++) {
      expect(table.text(i)).toBe(TEXT.slice(table.start[i], table.end[i]));
      expect(table.source(i)).toBe("a.txt");
      const first = chunks[table.firstChunk[i]!]!;
      expect(first.sentences.some((s) => s.start === table.start[i])).toBe(true);
      expect(chunks.slice(0, first.id).some((c) => c.sentences.some((s) => s.start === table.start[i]))).toBe(false);
    }
    chunks.forEach((chunk, id) => {
      const members = [...table.members.subarray(table.memberOffsets[id], table.memberOffsets[id + 1])];
      expect(members.map((i) => table.start[i])).toEqual(chunk.sentences.map((s) => s.start));
    });
  });

  it("refuses chunks whose ids are not their positions", () => {
    const chunks = makeChunks("a.txt", TEXT, 3, 5);
    expect(() => sentenceTable(chunks)).toThrow(/positions/);
  });
});

describe("analyzeSentences", () => {
  it("stores each sentence's distinct stems, particle verbs included, over one vocabulary in order of appearance", () => {
    const table = sentenceTable(makeChunks("a.txt", TEXT, 3));
    const analysis = analyzeSentences(table, analyze);
    const seen: string[] = [];
    for (let i = 0; i < table.count; i++) {
      const text = table.text(i);
      const expected = [...new Set([...analyze(text), ...rejoinedParticleVerbs(text, analyze)])];
      const stems = [...analysis.stems.subarray(analysis.offsets[i], analysis.offsets[i + 1])].map((t) => analysis.vocab[t]);
      expect(stems).toEqual(expected);
      expect(sentenceStems(text, analyze)).toEqual(expected);
      for (const stem of expected) if (!seen.includes(stem)) seen.push(stem);
    }
    expect(analysis.vocab).toEqual(seen);
    expect(analysis.vocab).toContain("festnahm");
    expect(analysis.version).toBe(analysisVersion(analyze));
  });

  it("inverts into postings: every stem's sentences, ascending, keys in vocabulary order", () => {
    const table = sentenceTable(makeChunks("a.txt", TEXT, 3));
    const analysis = analyzeSentences(table, analyze);
    const postings = postingsOf(analysis);
    const expected = new Map<string, number[]>();
    for (let i = 0; i < table.count; i++) {
      for (const stem of sentenceStems(table.text(i), analyze)) expected.set(stem, [...(expected.get(stem) ?? []), i]);
    }
    expect(postings.size).toBe(expected.size);
    expect([...postings.keys()]).toEqual([...expected.keys()]);
    for (const [stem, list] of expected) expect([...postings.get(stem)!]).toEqual(list);
    expect([...postings.entries()].map(([stem, list]) => [stem, [...list]])).toEqual([...expected.entries()]);
    expect(postings.has("regier")).toBe(true);
    expect(postings.get("nirgendwo")).toBeUndefined();
    let visited = 0;
    postings.forEach(() => visited++);
    expect(visited).toBe(expected.size);
  });
});

describe("analysisVersion", () => {
  it("is stable for an analyzer and differs for one that stems differently", () => {
    expect(analysisVersion(analyze)).toBe(analysisVersion(analyze));
    expect(analysisVersion(analyze)).toMatch(/^\d+-[0-9a-f]{12}$/);
    const other = (text: string) => analyze(text).map((stem) => stem.slice(0, 4));
    expect(analysisVersion(other)).not.toBe(analysisVersion(analyze));
  });
});

describe("sentences.bin", () => {
  const table = sentenceTable(makeChunks("a.txt", TEXT, 3));
  const analysis = analyzeSentences(table, analyze);

  it("reads back what it wrote", () => {
    const decoded = decodeAnalysis(encodeAnalysis(analysis), table.count);
    expect(decoded.version).toBe(analysis.version);
    expect(decoded.vocab).toEqual(analysis.vocab);
    expect([...decoded.offsets]).toEqual([...analysis.offsets]);
    expect([...decoded.stems]).toEqual([...analysis.stems]);
    expect([...decoded.postingOffsets]).toEqual([...analysis.postingOffsets]);
    expect([...decoded.sentences]).toEqual([...analysis.sentences]);
  });

  it("reads back an analysis of no sentences", () => {
    const empty = analyzeSentences(sentenceTable([]), analyze);
    expect(decodeAnalysis(encodeAnalysis(empty), 0)).toMatchObject({ vocab: [], version: empty.version });
  });

  it("fails clearly when truncated, damaged or made for another table", () => {
    const bytes = encodeAnalysis(analysis);
    expect(() => decodeAnalysis(bytes.subarray(0, bytes.length - 16), table.count)).toThrow(CorruptFileError);
    expect(() => decodeAnalysis(bytes.subarray(0, bytes.length - 16), table.count)).toThrow(/truncated/);
    expect(() => decodeAnalysis(bytes.subarray(0, 3), table.count)).toThrow(/too short/);
    expect(() => decodeAnalysis(bytes, table.count + 1)).toThrow(/analysis of 8 sentences for a table of 9/);
    const badStem = encodeAnalysis({ ...analysis, stems: analysis.stems.map((id, k) => (k === 3 ? 9999 : id)) });
    expect(() => decodeAnalysis(badStem, table.count)).toThrow(/stem id 9999 beyond the \d+ there are/);
    const badSentence = encodeAnalysis({ ...analysis, sentences: analysis.sentences.map((i, k) => (k === 3 ? 8 : i)) });
    expect(() => decodeAnalysis(badSentence, table.count)).toThrow(/sentence id 8 beyond the 8 there are/);
    const unordered = encodeAnalysis({ ...analysis, offsets: analysis.offsets.map((o, i) => (i === 2 ? 0 : o)) });
    expect(() => decodeAnalysis(unordered, table.count)).toThrow(/stem rows out of order/);
    const other = Buffer.from(bytes);
    other.write("X", 4 + other.toString("utf8", 4, 40).indexOf("citebot"));
    expect(() => decodeAnalysis(other, table.count)).toThrow(/format/);
  });
});

describe("rejoinedParticleVerbs", () => {
  it("joins a clause-final particle to the words that may be its verb", () => {
    expect(rejoinedParticleVerbs("Die Gewerkschaft kündigte einen Streik an.", analyze)).toEqual(expect.arrayContaining(analyze("ankündigte")));
  });

  it("does not join it to a present participle, which is never the finite verb of its clause", () => {
    // "kommende" + "an" is no form of "ankommen": the clause's verb is "kündigte".
    const joined = rejoinedParticleVerbs("Die Gewerkschaft kündigte für kommende Woche Proteste an.", analyze);
    expect(joined).toEqual(expect.arrayContaining(analyze("ankündigte")));
    for (const participle of ["ankommende", "ankommenden", "anlaufenden"]) expect(joined).not.toContain(analyze(participle)[0]);
    const plural = rejoinedParticleVerbs("Die Händler senden ihre Waren in den laufenden Wochen aus.", analyze);
    expect(plural).toEqual(expect.arrayContaining(analyze("aussenden")));
    expect(plural).not.toContain(analyze("auslaufenden")[0]);
  });
});
