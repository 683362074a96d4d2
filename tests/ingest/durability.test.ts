import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openOrBuildIndex } from "../../src/app/indexing.js";
import { parseConfig } from "../../src/config.js";
import { LocalLexicalEmbeddings } from "../../src/ingest/embed.js";
import { self } from "../../src/ingest/lock.js";
import { buildIndex, IndexCorruptError, openIndex, readManifest, removeLeftovers, type BuildOptions } from "../../src/ingest/store.js";
import type { Logger } from "../../src/log.js";
import { smallBuild } from "../helpers/small-build.js";

let work: string;
let seedsDir: string;
let indexDir: string;

function options(extra: Partial<BuildOptions> = {}): BuildOptions {
  return { ...smallBuild(seedsDir, indexDir), ...extra };
}

const open = () => openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 10 });

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "citebot-durable-"));
  seedsDir = path.join(work, "seeds");
  indexDir = path.join(work, "index");
  await cp(path.resolve("seeds/000_308e1ab380b049a5.txt"), path.join(seedsDir, "a.txt"));
  await writeFile(path.join(seedsDir, "b.txt"), "Zweiter Artikel. Er handelt von Wahlen in Kirgistan. Die Wahl war ruhig.");
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("leftovers of interrupted builds", () => {
  it("are removed by the next build once their owner is gone, and kept while it runs", async () => {
    await buildIndex(options());
    const dead = [".index-build-999999999-1-0a0b0c0d", ".index-old-999999999-1-0a0b0c0e", ".index-build-999999998-abcdef12"];
    const live = `.index-build-${self.pid}-${self.start}-01020304`;
    const reused = `.index-old-${self.pid}-${Number(self.start) + 1}-01020305`;
    for (const name of [...dead, live, reused]) {
      await mkdir(path.join(work, name));
      await writeFile(path.join(work, name, "vectors.f32"), Buffer.alloc(4096));
    }
    await writeFile(path.join(work, `.index.lock.draft-999999999-1-00ff`), "{}");
    await writeFile(path.join(seedsDir, "c.txt"), "Dritter Artikel über Öl und Gas. Die Preise stiegen stark.");
    const warnings: string[] = [];
    await buildIndex(options({ onWarning: (m) => warnings.push(m) }));
    expect((await readdir(work)).sort()).toEqual([live, "index", "seeds"].sort());
    expect(warnings).toEqual([expect.stringMatching(/removed what interrupted builds left beside the index: .*\.index-build-999999999-1-0a0b0c0d/)]);
    expect(await removeLeftovers(indexDir)).toEqual([]);
  });

  it("puts the previous index back when a build died between the two renames of its swap", async () => {
    await buildIndex(options());
    const before = await readManifest(indexDir);
    const old = path.join(work, ".index-old-999999999-1-0a0b0c0d");
    await cp(indexDir, old, { recursive: true });
    await rm(indexDir, { recursive: true });
    const index = await open();
    expect(index.manifest.buildId).toBe(before.buildId);
    expect((await readdir(work)).sort()).toEqual(["index", "seeds"]);
  });
});

describe("what the manifest says about the files", () => {
  it("records every file's size, and a checksum of the small ones", async () => {
    await buildIndex(options());
    const manifest = await readManifest(indexDir);
    const names = (await readdir(indexDir)).filter((n) => n !== "manifest.json").sort();
    expect(Object.keys(manifest.files ?? {}).sort()).toEqual(names);
    for (const name of names) {
      const bytes = await readFile(path.join(indexDir, name));
      expect(manifest.files?.[name]?.bytes).toBe(bytes.length);
      expect(manifest.files?.[name]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("refuses a file that is cut short, grown, missing or changed in place, naming it", async () => {
    await buildIndex(options());
    for (const file of ["vectors.hnsw", "keywords.bm25", "embedder.bin", "vectors.f32"]) {
      const bytes = await readFile(path.join(indexDir, file));
      await writeFile(path.join(indexDir, file), bytes.subarray(0, bytes.length - 8));
      await expect(open()).rejects.toThrow(new RegExp(`${file.replace(".", "\\.")} is damaged \\(truncated: .*the manifest says ${bytes.length}.*--rebuild`));
      await writeFile(path.join(indexDir, file), Buffer.concat([bytes, Buffer.alloc(3)]));
      await expect(open()).rejects.toThrow(IndexCorruptError);
      const flipped = Buffer.from(bytes);
      flipped[flipped.length >> 1] = 255 - (flipped[flipped.length >> 1] ?? 0);
      await writeFile(path.join(indexDir, file), flipped);
      await expect(open()).rejects.toThrow(new RegExp(`${file.replace(".", "\\.")} is damaged \\(its checksum differs`));
      await rm(path.join(indexDir, file));
      await expect(open()).rejects.toThrow(new RegExp(`lacks ${file.replace(".", "\\.")}`));
      await writeFile(path.join(indexDir, file), bytes);
    }
    await expect(open()).resolves.toBeDefined();
    await writeFile(path.join(indexDir, "manifest.json"), "{ half a manif");
    await expect(open()).rejects.toThrow(/manifest\.json is damaged \(not JSON\)/);
  });

  it("is rebuilt from the seeds with a warning when the bot or ask opens a damaged index", async () => {
    await buildIndex(options());
    const graph = path.join(indexDir, "vectors.hnsw");
    const bytes = await readFile(graph);
    await writeFile(graph, bytes.subarray(0, 100));
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m) } as unknown as Logger;
    const config = parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, LOCAL_EMBEDDING_DIM: "64", CHUNK_SENTENCES: "3" });
    const index = await openOrBuildIndex(config, logger);
    expect(warnings).toEqual([expect.stringMatching(/vectors\.hnsw is damaged \(truncated.*rebuilding it from the seeds/)]);
    expect(index.searchDense(await index.embedQuery("Tokajew"), 3).length).toBe(3);
    expect((await readFile(graph)).length).toBeGreaterThan(100);
  });
});

describe("npm run index over a damaged index", () => {
  it("rebuilds it, although no seed changed, instead of calling it up to date", async () => {
    await buildIndex(options());
    const keywords = path.join(indexDir, "keywords.bm25");
    const bytes = await readFile(keywords);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length >> 1] = 255 - (flipped[flipped.length >> 1] ?? 0);
    await writeFile(keywords, flipped);
    const warnings: string[] = [];
    const summary = await buildIndex(options({ onWarning: (m) => warnings.push(m) }));
    expect(summary).toMatchObject({ written: true, embedded: summary.chunks });
    expect(warnings).toEqual([expect.stringMatching(/rebuilding everything: .*keywords\.bm25 is damaged \(its checksum differs/)]);
    expect(await readFile(keywords)).toEqual(bytes);
    await expect(open()).resolves.toBeDefined();
  });
});
