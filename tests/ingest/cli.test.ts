import { execFile } from "node:child_process";
import { tempDir } from "../helpers/temp.js";
import { cp, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("src/cli/index.ts");
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info" };

async function indexCli(args: string[]) {
  return run(TSX, [CLI, ...args], { env: ENV, cwd: path.resolve(".") }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("npm run index", () => {
  it("prints a one-line JSON summary, and reports everything unchanged on a second run", async () => {
    const work = await tempDir("citebot-cli-");
    await cp(path.resolve("seeds"), path.join(work, "seeds"), { recursive: true });
    const args = ["--seeds", path.join(work, "seeds"), "--index", path.join(work, "index"), "--json"];

    const first = await indexCli(args);
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!);
    expect(Object.keys(summary).sort()).toEqual(["added", "chunks", "embedded", "ms", "removed", "unchanged", "updated"]);
    expect(summary).toMatchObject({ added: 1, updated: 0, removed: 0, unchanged: 0 });
    expect(summary.embedded).toBe(summary.chunks);
    expect(first.stderr).toMatch(/index written/);
    // Each long phase says how far it got, in what it counts.
    expect(first.stderr).toMatch(new RegExp(`embedded ${summary.chunks}/${summary.chunks} chunks`));
    expect(first.stderr).toMatch(/described (\d+)\/\1 sentences/);
    expect(first.stderr).not.toMatch(/embedded \d+\/\d+ sentences|described \d+\/\d+ chunks/);

    const second = await indexCli(args);
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 1, embedded: 0 });
    expect(await readdir(path.join(work, "index"))).toContain("manifest.json");
  });

  it("exits non-zero with a clear message when there are no seeds", async () => {
    const work = await tempDir("citebot-cli-");
    await mkdir(path.join(work, "seeds"));
    const result = await indexCli(["--seeds", path.join(work, "seeds"), "--index", path.join(work, "index"), "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/No usable seeds/);
  });

  it("names the variable and what is allowed when a setting is wrong", async () => {
    const result = await run(TSX, [CLI], { env: { ...ENV, HNSW_EF: "lots" } }).catch((e) => e);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/HNSW_EF="lots"/);
    expect(result.stderr).toMatch(/expected number/);
  });
});
