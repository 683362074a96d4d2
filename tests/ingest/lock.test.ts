import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, IndexLockedError, isRunning, processStart, self } from "../../src/ingest/lock.js";
import { bundleChild } from "./children/bundle.js";

let childScript: string;
let work: string;

beforeAll(async () => {
  childScript = await bundleChild("tests/ingest/children/lock-child.ts");
  work = await mkdtemp(path.join(tmpdir(), "citebot-lock-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(path.dirname(childScript), { recursive: true, force: true });
});

/** The PID of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

function lockFiles(names: readonly string[]): string[] {
  return names.filter((n) => n.startsWith(".index.lock"));
}

/** Checks that the log's holders never overlapped: every `enter` is followed by the same process's `exit`. */
function overlaps(log: string): string[] {
  const problems: string[] = [];
  let holder: string | undefined;
  for (const line of log.trim().split("\n").filter(Boolean)) {
    const [event, pid] = line.split(" ");
    if (event === "enter") {
      if (holder !== undefined) problems.push(`${pid} entered while ${holder} held the lock`);
      holder = pid;
    } else {
      if (holder !== pid) problems.push(`${pid} left, but the holder was ${holder ?? "nobody"}`);
      holder = undefined;
    }
  }
  return problems;
}

describe("process identity", () => {
  it("names a process by PID and start time, so a reused PID is not taken for the process that had it", async () => {
    expect(self.pid).toBe(process.pid);
    expect(self.start).toMatch(/^\d+$/);
    expect(processStart(process.pid)).toBe(self.start);
    expect(isRunning(self)).toBe(true);
    expect(isRunning({ pid: process.pid, start: String(Number(self.start) + 1) })).toBe(false);
    expect(isRunning({ pid: await deadPid(), start: "" })).toBe(false);
  });
});

describe("the index build lock", () => {
  it("refuses a second holder at once, naming the running one, and leaves nothing behind when released", async () => {
    const target = path.join(work, "single", "index");
    const release = await acquireLock(target);
    await expect(acquireLock(target)).rejects.toThrow(IndexLockedError);
    await expect(acquireLock(target)).rejects.toThrow(new RegExp(`pid ${process.pid}.*running`));
    await release();
    const again = await acquireLock(target);
    await again();
    expect(lockFiles(await readdir(path.dirname(target)))).toEqual([]);
  });

  it("is taken over from a holder killed with SIGKILL", async () => {
    const target = path.join(work, "killed", "index");
    const log = path.join(work, "killed.log");
    await writeFile(log, "");
    const child = fork(childScript, [], { execArgv: [], stdio: "ignore" });
    child.send({ round: 0, target, log, at: Date.now(), holdMs: 60_000 });
    while (!(await readFile(log, "utf8")).includes("enter")) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(acquireLock(target)).rejects.toThrow(IndexLockedError);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    const release = await acquireLock(target);
    await release();
    expect(lockFiles(await readdir(path.dirname(target)))).toEqual([]);
  });

  it("lets exactly one of many processes in at a time in 20 synchronized tries over stale locks of every kind", async () => {
    const children: ChildProcess[] = Array.from({ length: 6 }, () => fork(childScript, [], { execArgv: [], stdio: "ignore" }));
    const target = path.join(work, "race", "index");
    const parent = path.dirname(target);
    const log = path.join(work, "race.log");
    await writeFile(log, "");
    const dead = await deadPid();
    const outcomes: string[][] = [];
    try {
      for (let round = 0; round < 20; round++) {
        await import("node:fs/promises").then((fs) => fs.mkdir(parent, { recursive: true }));
        // What a crash leaves: a dead owner, a live PID of another process (here: this test, with another
        // start time), a file cut short by a power loss, and the single lock file of older citebots.
        const stale = [
          [".index.lock.0", JSON.stringify({ pid: dead, start: "12345", nonce: "dead" })],
          [".index.lock.3", JSON.stringify({ pid: process.pid, start: String(Number(self.start) + 7), nonce: "reused" })],
          [".index.lock.1", ""],
          [".index.lock", String(dead)],
        ][round % 4]!;
        await writeFile(path.join(parent, stale[0]!), stale[1]!);
        const at = Date.now() + 300;
        const results = await Promise.all(
          children.map(
            (child) =>
              new Promise<string>((resolve) => {
                const onMessage = (message: { round: number; outcome: string }) => {
                  if (message.round !== round) return;
                  child.off("message", onMessage);
                  resolve(message.outcome);
                };
                child.on("message", onMessage);
                child.send({ round, target, log, at, holdMs: 30 });
              }),
          ),
        );
        outcomes.push(results);
        expect(lockFiles(await readdir(parent))).toEqual([]);
      }
    } finally {
      for (const child of children) child.send("exit");
    }
    const flat = outcomes.flat();
    expect(flat.filter((o) => o !== "held" && o !== "locked")).toEqual([]);
    // Every round, the stale lock was taken over by somebody.
    expect(outcomes.every((round) => round.includes("held"))).toBe(true);
    expect(overlaps(await readFile(log, "utf8"))).toEqual([]);
  }, 120_000);

  it("does not wait for a running holder: every try ends at once with a message", async () => {
    const target = path.join(work, "held", "index");
    const release = await acquireLock(target);
    const log = path.join(work, "held.log");
    await writeFile(log, "");
    const children = Array.from({ length: 3 }, () => fork(childScript, [], { execArgv: [], stdio: "ignore" }));
    try {
      const results = await Promise.all(
        children.map(
          (child) =>
            new Promise<string>((resolve) => {
              child.once("message", (message: { outcome: string }) => resolve(message.outcome));
              child.send({ round: 0, target, log, at: Date.now() + 100, holdMs: 0 });
            }),
        ),
      );
      expect(results).toEqual(["locked", "locked", "locked"]);
      expect(await readFile(log, "utf8")).toBe("");
    } finally {
      for (const child of children) child.send("exit");
      await release();
    }
  });
});
