import { spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalLexicalEmbeddings } from "../../src/ingest/embed.js";
import { buildIndex, openIndex, readManifest } from "../../src/ingest/store.js";
import { smallBuild } from "../helpers/small-build.js";
import { bundleChild } from "./children/bundle.js";

/**
 * `kill -9` of `npm run index` at random moments, 20 times: after each kill the index on disk still
 * opens and answers, two builds started at once never overlap and neither fails for anything but the
 * lock, and once they are done nothing is left beside the index.
 */

let childScript: string;
let work: string;
let seedsDir: string;
let indexDir: string;
let log: string;

interface Run {
  readonly pid: number;
  readonly outcome: Promise<string>;
  readonly started: Promise<void>;
  kill(): Promise<void>;
}

function startBuild(rebuild = false): Run {
  const child = spawn(process.execPath, [childScript, seedsDir, indexDir, log, rebuild ? "rebuild" : ""], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  let onStarted = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  child.stdout.on("data", (data: Buffer) => {
    out += data.toString();
    if (out.includes("started\n")) onStarted();
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    pid: child.pid!,
    started,
    outcome: exited.then(() => {
      onStarted();
      return out.replace("started\n", "").trim() || "killed";
    }),
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Whether any `enter` came while another build held the lock; a killed holder counts as gone. */
function overlaps(text: string): string[] {
  const problems: string[] = [];
  let holder: string | undefined;
  for (const line of text.trim().split("\n").filter(Boolean)) {
    const [event, pid] = line.split(" ");
    if (event === "enter") {
      if (holder !== undefined) problems.push(`${pid} entered while ${holder} held the lock`);
      holder = pid;
    } else if (holder === pid) {
      holder = undefined;
    } else if (event === "exit") {
      problems.push(`${pid} left, but the holder was ${holder ?? "nobody"}`);
    }
  }
  return problems;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  childScript = await bundleChild("tests/ingest/children/build-child.ts");
  work = await mkdtemp(path.join(tmpdir(), "citebot-crash-"));
  seedsDir = path.join(work, "seeds");
  indexDir = path.join(work, "index");
  log = path.join(work, "holders.log");
  await writeFile(log, "");
  const article = await readFile(path.resolve("seeds/000_308e1ab380b049a5.txt"), "utf8");
  await cp(path.resolve("seeds/000_308e1ab380b049a5.txt"), path.join(seedsDir, "a.txt"));
  // A few more articles (the real one's paragraphs in other orders), so a build has phases worth hitting.
  const paragraphs = article.split("\n").filter((p) => p.trim());
  for (let i = 0; i < 6; i++) {
    await writeFile(path.join(seedsDir, `more-${i}.txt`), paragraphs.map((_, k) => paragraphs[(k * (i + 2)) % paragraphs.length]).join("\n"));
  }
  await buildIndex(smallBuild(seedsDir, indexDir));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(path.dirname(childScript), { recursive: true, force: true });
});

describe("kill -9 during npm run index", () => {
  it("leaves an index that answers, and the next builds neither overlap nor leave anything behind (20 kills)", async () => {
    // How long one build takes here, so the kills spread over all of it.
    const timing = startBuild(true);
    await timing.started;
    const from = performance.now();
    expect(await timing.outcome).toBe("ok");
    const buildMs = performance.now() - from;

    const builds = new Set<string>([(await readManifest(indexDir)).buildId]);
    let killedMidway = 0;
    // Kills spread over a little more than one build; when one comes after its build finished (the
    // machine got faster than when the build was timed), the spread shrinks, so most still hit a build.
    let spread = buildMs * 1.1;
    for (let round = 0; round < 20; round++) {
      await writeFile(path.join(seedsDir, `round-${round}.txt`), `Meldung ${round}. Die Lage in Almaty blieb am Tag ${round} ruhig.`);
      const victim = startBuild(round % 2 === 0);
      await victim.started;
      await sleep(Math.random() * spread);
      await victim.kill();
      await appendFile(log, `killed ${victim.pid}\n`);
      if ((await victim.outcome) === "killed") killedMidway++;
      else spread *= 0.7;

      // The index on disk answers: the previous one, or the new one if the kill came after the swap.
      const index = await openIndex(indexDir, { embeddings: new LocalLexicalEmbeddings(64), ef: 20 });
      expect(builds.has(index.manifest.buildId) || index.manifest.docs.some((d) => d.source === `round-${round}.txt`)).toBe(true);
      expect(index.searchKeyword("Tokajew Schießbefehl", 3).length).toBeGreaterThan(0);
      expect(index.searchDense(await index.embedQuery("Tokajew"), 3)).toHaveLength(3);

      // Two builds at once: each either builds or is told that the other holds the lock.
      const both = [startBuild(), startBuild()];
      const outcomes = await Promise.all(both.map((b) => b.outcome));
      expect(outcomes.filter((o) => o !== "ok" && o !== "locked")).toEqual([]);
      expect(outcomes).toContain("ok");
      const manifest = await readManifest(indexDir);
      builds.add(manifest.buildId);
      expect(manifest.docs.some((d) => d.source === `round-${round}.txt`)).toBe(true);
      expect((await readdir(work)).sort()).toEqual(["holders.log", "index", "seeds"]);
    }
    expect(overlaps(await readFile(log, "utf8"))).toEqual([]);
    // Most kills hit a build in progress (a few may come just after it finished).
    expect(killedMidway).toBeGreaterThanOrEqual(10);
  }, 300_000);
});
