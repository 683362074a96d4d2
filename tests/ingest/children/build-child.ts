/**
 * A child process of tests/ingest/crash.test.ts: one `buildIndex` run, as `npm run index` does it, which
 * the test may kill at any moment. It prints `started` when the build begins and its outcome (`ok`,
 * `locked` or `error: …`) when it ends. While it holds the build lock it appends `enter <pid>` and
 * `exit <pid>` to a shared log, so the test sees whether two builds ever overlapped.
 *
 * Usage: node build-child.mjs <seeds> <index> <log> [rebuild]
 */
import { appendFileSync } from "node:fs";
import { smallBuild } from "../../helpers/small-build.js";
import { acquireLock, IndexLockedError } from "../../../src/ingest/lock.js";
import { buildIndex } from "../../../src/ingest/store.js";

const [seedsDir = "", indexDir = "", log = "", rebuild] = process.argv.slice(2);
process.stdout.write("started\n");
try {
  await buildIndex({
    ...smallBuild(seedsDir, indexDir),
    batchSize: 8,
    rebuild: rebuild === "rebuild",
    lock: async (dir) => {
      const release = await acquireLock(dir);
      appendFileSync(log, `enter ${process.pid}\n`);
      return async () => {
        appendFileSync(log, `exit ${process.pid}\n`);
        await release();
      };
    },
  });
  process.stdout.write("ok\n");
} catch (error) {
  process.stdout.write(error instanceof IndexLockedError ? "locked\n" : `error: ${(error as Error).message}\n`);
}
