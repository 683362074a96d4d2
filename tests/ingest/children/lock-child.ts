/**
 * A child process of tests/ingest/lock.test.ts: on each message it waits until the given moment, so all
 * children try at once, then tries to take the index lock. While it holds the lock it appends
 * `enter <pid>` and `exit <pid>` to a shared log (appends of one short line are atomic), so the test can
 * see whether two holders ever overlapped.
 */
import { appendFileSync } from "node:fs";
import { acquireLock, IndexLockedError } from "../../../src/ingest/lock.js";

interface Try {
  readonly round: number;
  readonly target: string;
  readonly log: string;
  readonly at: number;
  readonly holdMs: number;
}

process.on("message", (message: Try | "exit") => {
  if (message === "exit") process.exit(0);
  void attempt(message).then((outcome) => process.send?.({ round: message.round, outcome }));
});

async function attempt({ target, log, at, holdMs }: Try): Promise<string> {
  while (Date.now() < at) {
    // spin: a timer would wake the children up to a few milliseconds apart
  }
  let release: () => Promise<void>;
  try {
    release = await acquireLock(target);
  } catch (error) {
    return error instanceof IndexLockedError ? "locked" : `error: ${(error as Error).message}`;
  }
  appendFileSync(log, `enter ${process.pid}\n`);
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  appendFileSync(log, `exit ${process.pid}\n`);
  await release();
  return "held";
}
