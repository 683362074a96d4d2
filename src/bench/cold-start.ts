/**
 * The process the cold-start benchmark spawns: it opens the index on disk exactly as `npm start` and
 * `npm run ask` do (through `createPipeline`), answers one question, and prints one JSON line with
 * when each phase finished (milliseconds since this process started) and its memory with the index
 * loaded. The parent measures the wall time from spawn to that line.
 *
 * Usage (by the bench only, after `npm run build`): `node dist/bench/cold-start.js '<settings JSON>' '<question>'`.
 * The settings are passed as an argument, not read from the environment, so the child sees exactly the
 * configuration the parent benchmarks.
 */
import { createPipeline } from "../app/pipeline.js";
import { parseConfig } from "../config.js";
import { createLogger } from "../log.js";

const imported = performance.now();
const [settingsJson = "{}", question = "Wer ist der Präsident?"] = process.argv.slice(2);
const config = parseConfig(JSON.parse(settingsJson) as Record<string, string>);
const logger = createLogger("silent", [], { pretty: false });
const pipeline = await createPipeline(config, logger);
const opened = performance.now();
const answer = await pipeline.ask(question, { history: [] });
const answered = performance.now();
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    importedMs: imported,
    openedMs: opened,
    answeredMs: answered,
    kind: answer.kind,
    chunks: pipeline.index().chunks.length,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
  })}\n`,
);
process.exit(0);
