import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { LocalLexicalEmbeddings, type CitebotEmbeddings } from "../../src/ingest/embed.js";
import {
  buildIndex,
  IndexMismatchError,
  IndexMissingError,
  NoSeedsError,
  openIndex,
  IndexSchemaError,
  readManifest,
  SCHEMA_VERSION,
  type BuildOptions,
} from "../../src/ingest/store.js";
import { openOrBuildIndex } from "../../src/cli/indexing.js";
import { parseConfig } from "../../src/config.js";
import type { Logger } from "../../src/log.js";

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

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await readdir(dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString("base64")])));
}

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "citebot-store-"));
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
