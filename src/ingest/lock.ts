import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Who may build an index, and who owns the folders a build leaves beside it. A process is named by its
 * PID and its start time (from /proc), so a PID reused by an unrelated process after a crash is not
 * mistaken for the build that crashed.
 *
 * The lock is a series of generation files beside the index, `.index.lock.<n>`, each created whole and
 * exclusively (written to a private file, then hard-linked to its name, which fails if the name exists).
 * The highest generation holds the lock while its owner runs. A crashed owner is taken over by creating
 * generation n + 1, which only one process can do, so there is no check-then-delete race between two
 * processes that both found the same stale lock (the race of a single lock file that is deleted and
 * created again). A creator then checks that no higher generation appeared meanwhile and otherwise backs
 * off, so the highest live generation is the only holder. Written by hand because proper-lockfile judges
 * staleness by modification time, which a build busy for seconds on one thread fails to refresh.
 */

/** Another build holds the lock. */
export class IndexLockedError extends Error {
  override name = "IndexLockedError";
}

/** A process as lock files and leftover folders name it. `start` is "" where /proc is not available. */
export interface ProcessIdentity {
  readonly pid: number;
  readonly start: string;
}

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), "" when unknown. */
export function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? "";
  } catch {
    return "";
  }
}

/** This process. */
export const self: ProcessIdentity = { pid: process.pid, start: processStart(process.pid) };

/**
 * Whether the process a lock or folder names is still running: its PID exists and, where start times
 * are known, started when the name says. Never throws.
 */
export function isRunning(owner: ProcessIdentity): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (owner.start === "") return true;
  const start = processStart(owner.pid);
  return start === "" || start === owner.start;
}

/** A tag naming a build folder after this process: `<pid>-<start>-<random>`. */
export function ownerTag(): string {
  return `${self.pid}-${self.start}-${randomBytes(4).toString("hex")}`;
}

/** The owner a tag made by {@link ownerTag} names; a tag of an older citebot (`<pid>-<random>`) has no start time. */
export function ownerOfTag(tag: string): ProcessIdentity | undefined {
  const current = /^(\d+)-(\d*)-[0-9a-f]+$/.exec(tag);
  if (current) return { pid: Number(current[1]), start: current[2]! };
  const legacy = /^(\d+)-[0-9a-f]{8}$/.exec(tag);
  return legacy ? { pid: Number(legacy[1]), start: "" } : undefined;
}

interface LockRecord extends ProcessIdentity {
  readonly nonce: string;
}

const ATTEMPTS = 100;

/**
 * Takes the build lock of the index at `target`, or throws {@link IndexLockedError} at once when a
 * running process holds it (builds do not queue: the caller reports and the user runs it again). A lock
 * left by a process that is no longer running is taken over. Resolves to the function that releases it.
 *
 * @example
 * const release = await acquireLock("index");
 * try { await build(); } finally { await release(); }
 */
export async function acquireLock(target: string): Promise<() => Promise<void>> {
  const parent = path.dirname(path.resolve(target));
  const prefix = `.${path.basename(path.resolve(target))}.lock.`;
  await mkdir(parent, { recursive: true });
  const record: LockRecord = { ...self, nonce: randomBytes(8).toString("hex") };
  const draft = path.join(parent, `${prefix}draft-${record.pid}-${record.start}-${record.nonce}`);
  await writeFile(draft, JSON.stringify(record), { flush: true });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const generations = await listGenerations(parent, prefix);
      const top = generations.at(-1);
      if (top !== undefined) {
        const owner = await readRecord(path.join(parent, `${prefix}${top}`));
        if (owner === "gone") continue; // released meanwhile: look again
        if (owner !== undefined && isRunning(owner)) {
          throw new IndexLockedError(`another index build (pid ${owner.pid}) is running on ${target}; wait for it to finish`);
        }
      }
      const mine = (top ?? -1) + 1;
      const file = path.join(parent, `${prefix}${mine}`);
      try {
        await link(draft, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        await pause(attempt);
        continue; // someone else took generation `mine` first
      }
      // Someone who read an older listing may have created a higher generation meanwhile: the highest wins.
      if ((await listGenerations(parent, prefix)).some((g) => g > mine)) {
        await unlink(file).catch(() => {});
        await pause(attempt);
        continue;
      }
      // Lower generations belong to processes that are gone or released: tidy them away.
      await Promise.all(generations.filter((g) => g < mine).map((g) => unlink(path.join(parent, `${prefix}${g}`)).catch(() => {})));
      await rm(path.join(parent, prefix.slice(0, -1)), { force: true }); // the single lock file of older citebots
      return () => unlink(file).catch(() => {});
    }
    throw new IndexLockedError(`could not take the index lock beside ${target} after ${ATTEMPTS} attempts; try again`);
  } finally {
    await unlink(draft).catch(() => {});
  }
}

async function listGenerations(parent: string, prefix: string): Promise<number[]> {
  const names = await readdir(parent);
  return names
    .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
    .map((n) => Number(n.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/** The record of a lock file; "gone" when it was removed meanwhile, undefined when unreadable (stale). */
async function readRecord(file: string): Promise<LockRecord | "gone" | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    if (typeof value.pid !== "number" || typeof value.start !== "string" || typeof value.nonce !== "string") return undefined;
    return { pid: value.pid, start: value.start, nonce: value.nonce };
  } catch {
    return undefined;
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * Math.min(20, 2 + attempt)));
}
