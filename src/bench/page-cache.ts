import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";

/**
 * Empties the operating system's page cache, so that the next start reads the index from the disk as a
 * freshly booted machine (or one whose memory went to other programs) does. Only Linux as root can:
 * elsewhere it resolves to the reason it could not, and the bench reports that instead of a number.
 * Dropping the cache slows every process on the machine for a while, so the bench does it once per size.
 */
export async function dropPageCache(): Promise<{ dropped: true } | { dropped: false; reason: string }> {
  if (process.platform !== "linux") return { dropped: false, reason: `not Linux (${process.platform})` };
  try {
    await promisify(execFile)("sync"); // dirty pages are not dropped: write them first
    await writeFile("/proc/sys/vm/drop_caches", "3");
    return { dropped: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { dropped: false, reason: code === "EACCES" || code === "EPERM" ? "needs root" : `cannot drop the page cache (${code})` };
  }
}
