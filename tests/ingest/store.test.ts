import { cp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tempDir } from "../helpers/temp.js";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { LocalLexicalEmbeddings, type CitebotEmbeddings } from "../../src/ingest/embed.js";
import { analyze } from "../../src/ingest/keyword.js";
import { SPLITTER_VERSION } from "../../src/ingest/load.js";
import { createFactsBuilder, type SentenceDescriber } from "../../src/ingest/facts.js";
import { encodeAnalysis, rejoinedParticleVerbs } from "../../src/ingest/sentences.js";
import {
  buildIndex,
  IndexCorruptError,
  IndexMismatchError,
  IndexMissingError,
  NoSeedsError,
  openIndex,
  IndexSchemaError,
  readManifest,
  SCHEMA_VERSION,
  type BuildOptions,
} from "../../src/ingest/store.js";
import { openOrBuildIndex } from "../../src/app/indexing.js";
import { parseConfig } from "../../src/config.js";
import type { Logger } from "../../src/log.js";
import { sentenceStats } from "../../src/query/score.js";
import type { Chunk } from "../../src/types.js";

/** Wraps an embedder and counts the texts it embeds, across fit/loadState copies. */
class Counting implements CitebotEmbeddings {
  constructor(
    readonly inner: CitebotEmbeddings,
    readonly counter = { texts: 0, calls: 0 },
    readonly failAfterTexts = Infinity,
  ) {}
  get id() {
    return this.inner.id;
  }
  fit = (texts: readonly string[]) => new Counting(this.inner.fit!(texts), this.counter, this.failAfterTexts);
  saveState = () => this.inner.saveState!();
  loadState = (bytes: Uint8Array) => new Counting(this.inner.loadState!(bytes), this.counter, this.failAfterTexts);
  async embedDocuments(texts: string[]) {
    if (this.counter.texts + texts.length > this.failAfterTexts) throw new Error("injected embedding failure");
    this.counter.calls += 1;
    this.counter.texts += texts.length;
    return this.inner.embedDocuments(texts);
  }
  embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
}

const ARTICLE = path.resolve("seeds/000_308e1ab380b049a5.txt");
let work: string;
let seedsDir: string;
let indexDir: string;

function options(embeddings: CitebotEmbeddings, extra: Partial<BuildOptions> = {}): BuildOptions {
  return {
    seedsDir,
    indexDir,
    embeddings,
    chunking: { sentences: 3, overlap: 1 },
    hnsw: { m: 16, efConstruction: 100 },
    batchSize: 2,
    ...extra,
  };
}

/** Sentence statistics the way answering first computed them: every chunk split and analysed from scratch. */
function analysedFromScratch(chunks: readonly Chunk[]) {
  const sentences: { source: string; start: number; end: number; text: string; chunkId: number }[] = [];
  const stems: string[][] = [];
  const postings = new Map<string, number[]>();
  const byChunk = new Map<number, number[]>();
  const seen = new Map<string, number>();
  for (const chunk of chunks) {
    const inChunk: number[] = [];
    for (const span of chunk.sentences) {
      let index = seen.get(`${chunk.source}:${span.start}`);
      if (index === undefined) {
        index = sentences.length;
        seen.set(`${chunk.source}:${span.start}`, index);
        const text = chunk.text.slice(span.start - chunk.start, span.end - chunk.start);
        sentences.push({ source: chunk.source, start: span.start, end: span.end, text, chunkId: chunk.id });
        const set = new Set(analyze(text));
        for (const stem of rejoinedParticleVerbs(text, analyze)) set.add(stem);
        stems.push([...set]);
        for (const stem of set) postings.set(stem, [...(postings.get(stem) ?? []), index]);
      }
      inChunk.push(index);
    }
    byChunk.set(chunk.id, inChunk);
  }
  return { sentences, stems, postings, byChunk };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await readdir(dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString("base64")])));
}

beforeEach(async () => {
  work = await tempDir("citebot-store-");
  seedsDir = path.join(work, "seeds");
  indexDir = path.join(work, "index");
  await cp(ARTICLE, path.join(seedsDir, "a.txt"));
  await writeFile(path.join(seedsDir, "b.md"), " date 2023-05 Zweiter Artikel. Er handelt von Wahlen in Kirgistan. Die Wahl war ruhig.");
  await writeFile(path.join(seedsDir, "c.txt"), "Dritter Artikel über Öl und Gas. Die Preise stiegen stark.");
});

describe("building the index", () => {
  it("embeds everything once, then nothing when unchanged", async () => {
    const counter = { texts: 0, calls: 0 };
    const first = await buildIndex(options(new Counting(new LocalLexicalEmbeddings(128), counter)));
    expect(first).toMatchObject({ added: 3, updated: 0, removed: 0, unchanged: 0, written: true });
    expect(first.embedded).toBe(first.chunks);
    expect(counter.texts).toBe(first.chunks);

    const second = await buildIndex(options(new Counting(new LocalLexicalEmbeddings(128), counter)));
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3, embedded: 0, chunks: first.chunks, written: false });
    expect(counter.texts).toBe(first.chunks);
  });

  it("re-embeds only the changed file, adds new ones and drops deleted ones", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(128)));
    const before = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(128), ef: 50 });
    const articleChunks = before.chunks.filter((c) => c.source === "a.txt");

    await writeFile(path.join(seedsDir, "b.md"), " date 2023-05 Zweiter Artikel, neu gefasst. Die Wahl in Kirgistan war umstritten.");
    await rm(path.join(seedsDir, "c.txt"));
    await writeFile(path.join(seedsDir, "d.txt"), "Ein ganz neuer Artikel über den Winter in Almaty.");
    const counter = { texts: 0, calls: 0 };
    const summary = await buildIndex(options(new Counting(new LocalLexicalEmbeddings(128), counter)));
    expect(summary).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 1 });

    const after = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(128), ef: 50 });
    const embeddedSources = after.chunks.filter((c) => c.source === "b.md" || c.source === "d.txt");
    expect(counter.texts).toBe(embeddedSources.length);
    expect(summary.embedded).toBe(embeddedSources.length);
    expect(after.docs.map((d) => d.source)).toEqual(["a.txt", "b.md", "d.txt"]);
    expect(after.chunks.some((c) => c.source === "c.txt")).toBe(false);
    expect(after.chunks.every((c, i) => c.id === i)).toBe(true);
    // The unchanged article kept its chunks and is still found by its own words.
    expect(after.chunks.filter((c) => c.source === "a.txt").map((c) => c.text)).toEqual(articleChunks.map((c) => c.text));
    const hits = after.searchDense(await after.embedQuery("Fallschirmjäger ausgeflogen"), 1);
    expect(after.chunks[hits[0]!.id]!.text).toContain("Fallschirmjäger");
    const keyword = after.searchKeyword("Winter Almaty", 1);
    expect(after.chunks[keyword[0]!.id]!.source).toBe("d.txt");
  });

  it("keeps text === fileText.slice(start, end) for every stored chunk", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(64)));
    const index = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 10 });
    for (const chunk of index.chunks) {
      const fileText = await readFile(path.join(seedsDir, chunk.source), "utf8");
      expect(chunk.text).toBe(fileText.slice(chunk.start, chunk.end));
      for (const s of chunk.sentences) expect(s.end).toBeLessThanOrEqual(chunk.end);
    }
    expect(index.doc("b.md")).toMatchObject({ date: "2023-05", title: "Zweiter Artikel." });
    expect(index.chunks.some((c) => c.text.includes("date 2023-05"))).toBe(false);
  });

  it("stores sentences and their stems: opening gives what analysing the chunks from scratch gives", async () => {
    await writeFile(path.join(seedsDir, "d.txt"), "Die Polizei nahm den Mann am Abend fest. Er gab später auf, sagte die Behörde.");
    await buildIndex(options(new LocalLexicalEmbeddings(64)));
    const index = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 10 });
    const stored = sentenceStats(index.sentenceTable, index.analysis, analyze);
    const expected = analysedFromScratch(index.chunks);
    expect(stored.count).toBe(expected.sentences.length);
    expected.sentences.forEach((sentence, i) => {
      expect(stored.sentence(i)).toEqual(sentence);
      expect([...stored.stems(i)]).toEqual(expected.stems[i]);
    });
    expect([...stored.postings.keys()]).toEqual([...expected.postings.keys()]);
    for (const [stem, list] of expected.postings) expect([...stored.postings.get(stem)!]).toEqual(list);
    for (const chunk of index.chunks) expect(stored.chunkSentences(chunk.id)).toEqual(expected.byChunk.get(chunk.id));
    expect(stored.postings.has("festnahm")).toBe(true);
    expect((await readManifest(indexDir)).analysis).toEqual({ version: index.analysis.version, sentences: stored.count });
  });

  it("analyses again, with one warning, an index whose stored analysis is another version's or absent; npm run index rewrites it without embedding", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(128)));
    const embeddings = new LocalLexicalEmbeddings(128);
    const fresh = (await openIndex(indexDir, { embeddings, ef: 10 })).analysis;
    const graph = await readFile(path.join(indexDir, "vectors.hnsw"));
    const manifestPath = path.join(indexDir, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    // A stale analysis that would answer wrongly if it were used: no stems at all.
    const none = new Uint32Array(0);
    const stale = { version: "0-stale", vocab: [], offsets: new Uint32Array(fresh.offsets.length), stems: none, postingOffsets: Uint32Array.of(0), sentences: none };
    await writeFile(path.join(indexDir, "sentences.bin"), encodeAnalysis(stale));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, analysis: { version: "0-stale", sentences: fresh.offsets.length - 1 } }));

    const warnings: string[] = [];
    const reopened = await openIndex(indexDir, { embeddings, ef: 10, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/sentence analysis 0-stale.*npm run index/);
    expect(reopened.analysis.version).toBe(fresh.version);
    expect(reopened.analysis.vocab).toEqual(fresh.vocab);
    expect([...reopened.analysis.stems]).toEqual([...fresh.stems]);

    const { analysis: _absent, ...withoutAnalysis } = manifest;
    await writeFile(manifestPath, JSON.stringify(withoutAnalysis));
    await rm(path.join(indexDir, "sentences.bin"));
    warnings.length = 0;
    expect((await openIndex(indexDir, { embeddings, ef: 10, onWarning: (m) => warnings.push(m) })).analysis.vocab).toEqual(fresh.vocab);
    expect(warnings).toEqual([expect.stringMatching(/no stored sentence analysis/)]);

    const counter = { texts: 0, calls: 0 };
    const summary = await buildIndex(options(new Counting(new LocalLexicalEmbeddings(128), counter)));
    expect(summary).toMatchObject({ unchanged: 3, embedded: 0, written: true });
    expect(counter.texts).toBe(0);
    expect((await readManifest(indexDir)).analysis?.version).toBe(fresh.version);
    expect(await readFile(path.join(indexDir, "vectors.hnsw"))).toEqual(graph);
    warnings.length = 0;
    const rewritten = await openIndex(indexDir, { embeddings, ef: 10, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(rewritten.analysis.vocab).toEqual(fresh.vocab);
    expect((await readdir(work)).sort()).toEqual(["index", "seeds"]);
    expect(await buildIndex(options(new LocalLexicalEmbeddings(128)))).toMatchObject({ written: false });
  });

  it("stores the facts a describer works out for every sentence, and rewrites them alone when its version changes", async () => {
    // A describer of the index stage's own: each sentence's first word and its length, in two columns.
    const calls: string[] = [];
    const describer = (version: string): SentenceDescriber => ({
      version,
      async describe(table, _analysis, pause) {
        calls.push(version);
        const builder = createFactsBuilder(version, ["first word", "length"]);
        for (let i = 0; i < table.count; i++) {
          builder.add([[table.text(i).split(" ")[0]!], [String(table.text(i).length)]]);
          await pause(i + 1);
        }
        return builder.finish();
      },
    });
    await buildIndex(options(new LocalLexicalEmbeddings(64), { describer: describer("v1") }));
    const embeddings = new LocalLexicalEmbeddings(64);
    const index = await openIndex(indexDir, { embeddings, ef: 10 });
    expect((await readManifest(indexDir)).facts).toEqual({ version: "v1" });
    expect(index.facts?.version).toBe("v1");
    expect(index.facts?.columns).toEqual(["first word", "length"]);
    for (let i = 0; i < index.sentenceTable.count; i++) {
      expect(index.facts?.row(0, i)).toEqual([index.sentenceTable.text(i).split(" ")[0]]);
      expect(index.facts?.row(1, i)).toEqual([String(index.sentenceTable.text(i).length)]);
    }
    const graph = await readFile(path.join(indexDir, "vectors.hnsw"));

    // Same seeds, same describer: nothing is written. A new version: the facts are rewritten, nothing embedded.
    expect(await buildIndex(options(new LocalLexicalEmbeddings(64), { describer: describer("v1") }))).toMatchObject({ written: false });
    const counter = { texts: 0, calls: 0 };
    const summary = await buildIndex(options(new Counting(new LocalLexicalEmbeddings(64), counter), { describer: describer("v2") }));
    expect(summary).toMatchObject({ embedded: 0, written: true });
    expect(counter.texts).toBe(0);
    expect(calls).toEqual(["v1", "v2"]);
    expect(await readFile(path.join(indexDir, "vectors.hnsw"))).toEqual(graph);
    expect((await openIndex(indexDir, { embeddings, ef: 10 })).facts?.version).toBe("v2");

    // Damaged, facts.bin is reported like any other file.
    const bytes = await readFile(path.join(indexDir, "facts.bin"));
    await writeFile(path.join(indexDir, "facts.bin"), bytes.subarray(0, bytes.length - 16));
    await expect(openIndex(indexDir, { embeddings, ef: 10 })).rejects.toThrow(/facts\.bin is damaged.*--rebuild/);
  });

  it("takes an unchanged source's facts from the previous build and works out only the rest", async () => {
    const worked: string[] = [];
    const describer: SentenceDescriber = {
      version: "v1",
      async describe(table, _analysis, _pause, known) {
        const builder = createFactsBuilder("v1", ["words"]);
        for (let i = 0; i < table.count; i++) {
          const stored = known?.(i);
          if (!stored) worked.push(table.text(i));
          builder.add(stored ?? [table.text(i).split(" ").slice(0, 2)]);
        }
        return builder.finish();
      },
    };
    await buildIndex(options(new LocalLexicalEmbeddings(64), { describer }));
    const everything = worked.length;
    expect(everything).toBeGreaterThan(5);
    worked.length = 0;
    // A source before the others in order, and one changed: only their sentences are worked out.
    await writeFile(path.join(seedsDir, "0-new.txt"), "Ein neuer Bericht. Er hat zwei Sätze.");
    await writeFile(path.join(seedsDir, "c.txt"), "Ganz anderer Text. Mit neuen Sätzen. Und noch einem.");
    await buildIndex(options(new LocalLexicalEmbeddings(64), { describer }));
    expect(worked.sort()).toEqual(["Ein neuer Bericht.", "Er hat zwei Sätze.", "Ganz anderer Text.", "Mit neuen Sätzen.", "Und noch einem."]);
    // Every sentence's facts are what working them all out gives.
    const index = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 10 });
    for (let i = 0; i < index.sentenceTable.count; i++) {
      expect(index.facts?.row(0, i)).toEqual(index.sentenceTable.text(i).split(" ").slice(0, 2));
    }
  });

  it("says clearly which file of the index is damaged or missing", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(64)));
    const open = () => openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 10 });
    for (const file of ["chunks.bin", "sentences.bin"]) {
      const bytes = await readFile(path.join(indexDir, file));
      await writeFile(path.join(indexDir, file), bytes.subarray(0, bytes.length - 64));
      await expect(open()).rejects.toThrow(IndexCorruptError);
      await expect(open()).rejects.toThrow(new RegExp(`${file} is damaged \\(truncated.*npm run index -- --rebuild`));
      await writeFile(path.join(indexDir, file), bytes);
    }
    await rm(path.join(indexDir, "chunks.bin"));
    await expect(open()).rejects.toThrow(/lacks chunks\.bin.*--rebuild/);
  });

  it("leaves the previous index loadable and unchanged when a build fails midway", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(128)));
    const before = await snapshot(indexDir);
    await writeFile(path.join(seedsDir, "a.txt"), `${await readFile(ARTICLE, "utf8")}\nEin neuer Absatz. Noch einer. Und ein dritter.`);
    await writeFile(path.join(seedsDir, "e.txt"), "Noch ein Artikel. Mit zwei Sätzen.");
    await expect(buildIndex(options(new Counting(new LocalLexicalEmbeddings(128), undefined, 3)))).rejects.toThrow(
      /injected embedding failure/,
    );
    expect(await snapshot(indexDir)).toEqual(before);
    const index = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(128), ef: 50 });
    expect(index.docs.map((d) => d.source)).toEqual(["a.txt", "b.md", "c.txt"]);
    // No temporary folder or lock is left behind.
    expect((await readdir(work)).sort()).toEqual(["index", "seeds"]);
  });

  it("refuses to open an index built with another embedder or dimension, telling the user to re-index", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(128)));
    const other = openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(256), ef: 10 });
    await expect(other).rejects.toThrow(IndexMismatchError);
    await expect(other).rejects.toThrow(/local-lexical-v1\/128.*local-lexical-v1\/256.*npm run index -- --rebuild/s);
  });

  it("re-embeds everything when the embedder changed", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(128)));
    const warnings: string[] = [];
    const summary = await buildIndex(options(new LocalLexicalEmbeddings(256), { onWarning: (m) => warnings.push(m) }));
    expect(summary.embedded).toBe(summary.chunks);
    expect(warnings.join("\n")).toMatch(/embedder or chunking changed/);
    expect((await readManifest(indexDir)).embedder).toMatchObject({ id: "local-lexical-v1/256", dimension: 256 });
  });

  it("re-chunks everything when the index was cut by another sentence splitter", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(128)));
    const file = path.join(indexDir, "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8")) as { chunking: Record<string, unknown> };
    delete manifest.chunking.splitter; // as an index built before the splitter had versions
    await writeFile(file, JSON.stringify(manifest));
    const warnings: string[] = [];
    const summary = await buildIndex(options(new LocalLexicalEmbeddings(128), { onWarning: (m) => warnings.push(m) }));
    expect(summary.embedded).toBe(summary.chunks);
    expect(warnings.join("\n")).toMatch(/embedder or chunking changed/);
    expect((await readManifest(indexDir)).chunking.splitter).toBe(SPLITTER_VERSION);
  });

  it("fails clearly with no seeds and leaves the existing index untouched", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(64)));
    const before = await snapshot(indexDir);
    for (const f of ["a.txt", "b.md", "c.txt"]) await rm(path.join(seedsDir, f));
    await writeFile(path.join(seedsDir, "empty.txt"), "");
    await expect(buildIndex(options(new LocalLexicalEmbeddings(64)))).rejects.toThrow(NoSeedsError);
    await expect(buildIndex(options(new LocalLexicalEmbeddings(64)))).rejects.toThrow(/No usable seeds.*1 skipped.*untouched/);
    expect(await snapshot(indexDir)).toEqual(before);
    await expect(buildIndex(options(new LocalLexicalEmbeddings(64), { seedsDir: path.join(work, "nope") }))).rejects.toThrow(
      /does not exist/,
    );
  });

  it("skips bad files with a warning naming them, and indexes the rest", async () => {
    await writeFile(path.join(seedsDir, "broken.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const warnings: string[] = [];
    const summary = await buildIndex(options(new LocalLexicalEmbeddings(64), { onWarning: (m) => warnings.push(m) }));
    expect(summary.added).toBe(3);
    expect(summary.skipped.map((s) => s.source)).toEqual(["broken.txt"]);
    expect(warnings).toEqual([expect.stringMatching(/skipped seed broken\.txt: not valid UTF-8/)]);
  });

  it("rebuilds an index of an older format when the pipeline opens it, instead of failing", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(512)));
    const manifestPath = path.join(indexDir, "manifest.json");
    const old = JSON.parse(await readFile(manifestPath, "utf8"));
    await writeFile(manifestPath, JSON.stringify({ ...old, schema: 1 }));
    await expect(openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(512), ef: 10 })).rejects.toThrow(IndexSchemaError);
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m) } as unknown as Logger;
    const config = parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, CHUNK_SENTENCES: "3" });
    const index = await openOrBuildIndex(config, logger);
    expect(index.manifest.schema).toBe(SCHEMA_VERSION);
    expect(warnings.join("\n")).toMatch(/schema 1.*rebuilding it/);
  });

  it("rebuilds an index of schema 2 (chunk texts in chunks.json) into the current files", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(512)));
    const manifestPath = path.join(indexDir, "manifest.json");
    const { analysis: _analysis, ...old } = JSON.parse(await readFile(manifestPath, "utf8"));
    await writeFile(manifestPath, JSON.stringify({ ...old, schema: 2 }));
    await rm(path.join(indexDir, "chunks.bin"));
    await rm(path.join(indexDir, "sentences.bin"));
    await writeFile(path.join(indexDir, "chunks.json"), "[]");
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m) } as unknown as Logger;
    const config = parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, CHUNK_SENTENCES: "3" });
    const index = await openOrBuildIndex(config, logger);
    expect(index.manifest.schema).toBe(SCHEMA_VERSION);
    expect(warnings.join("\n")).toMatch(/schema 2.*rebuilding it/);
    expect((await readdir(indexDir)).sort()).toEqual(
      [".gitkeep", "chunks.bin", "embedder.bin", "facts.bin", "keywords.bm25", "manifest.json", "sentences.bin", "vectors.f32", "vectors.hnsw"],
    );
    expect(index.chunks.length).toBeGreaterThan(0);
  });

  it("rebuilds an index whose keyword file is of an older format, though its manifest is current", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(512)));
    const keywordsPath = path.join(indexDir, "keywords.bm25");
    const bytes = await readFile(keywordsPath);
    const older = Buffer.from(bytes.toString("latin1").replace(/citebot-bm25-v(\d+)/, "citebot-bm25-v0"), "latin1");
    expect(older.equals(bytes)).toBe(false);
    await writeFile(keywordsPath, older);
    await expect(openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(512), ef: 10 })).rejects.toThrow(IndexSchemaError);
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m) } as unknown as Logger;
    const config = parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, CHUNK_SENTENCES: "3" });
    const index = await openOrBuildIndex(config, logger);
    expect(warnings.join("\n")).toMatch(/citebot-bm25-v0.*rebuilding it/);
    expect(index.searchKeyword("Truppen", 3).length).toBeGreaterThan(0);
    expect((await readFile(keywordsPath)).equals(bytes)).toBe(true);
  });

  it("says clearly that there is no index yet", async () => {
    await expect(openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 10 })).rejects.toThrow(IndexMissingError);
  });

  it("returns at most as many neighbours as there are chunks, whatever ef is", async () => {
    await buildIndex(options(new LocalLexicalEmbeddings(64)));
    const index = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 1 });
    index.setEf(200);
    const vector = await index.embedQuery("Kasachstan");
    expect(index.searchDense(vector, 100).length).toBe(index.chunks.length);
  });
});
