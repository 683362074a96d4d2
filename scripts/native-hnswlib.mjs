#!/usr/bin/env node
/**
 * Rebuilds hnswlib-node for this machine's CPU after `npm ci` / `npm install` (the root `postinstall`).
 *
 * hnswlib picks its SIMD distance functions at compile time (`__AVX__`, `__AVX512F__`), and node-gyp's
 * default flags target a generic x86-64, so the stock build uses SSE only. Compiled with
 * `-march=native`, vector search and index builds run about 1.7× faster on an AVX-512 machine (measured
 * with `npm run bench`, see the README). The binary then needs a CPU like the one it was built on: if
 * you copy `node_modules/` to another machine, run `npm rebuild hnswlib-node` there, or install with
 * `CITEBOT_PORTABLE_NATIVE=1` to keep the generic build.
 *
 * Never fails the install: if the optimised build does not compile or load, the generic one is
 * rebuilt and used, with a warning.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const log = (message) => process.stderr.write(`citebot postinstall: ${message}\n`);

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], env, encoding: "utf8" });
  return { ok: result.status === 0, stderr: result.stderr ?? "" };
}

/** Loads hnswlib-node in a fresh process and runs one search, so a bad binary never reaches the bot. */
function loads() {
  const check =
    "const { HierarchicalNSW } = require('hnswlib-node');" +
    "const h = new HierarchicalNSW('cosine', 16); h.initIndex({ maxElements: 2 });" +
    "h.addPoint(Array.from({ length: 16 }, (_, i) => i + 1), 0); h.addPoint(Array.from({ length: 16 }, () => 1), 1);" +
    "if (h.searchKnn(Array.from({ length: 16 }, (_, i) => i + 1), 1).neighbors[0] !== 0) process.exit(1);";
  return run(process.execPath, ["-e", check], process.env).ok;
}

function rebuild(cxxflags) {
  const env = { ...process.env, CXXFLAGS: [process.env.CXXFLAGS, cxxflags].filter(Boolean).join(" ") };
  const npm = process.env.npm_execpath;
  return npm ? run(process.execPath, [npm, "rebuild", "hnswlib-node"], env) : run("npm", ["rebuild", "hnswlib-node"], env);
}

function main() {
  const require = createRequire(import.meta.url);
  try {
    require.resolve("hnswlib-node/package.json");
  } catch {
    return; // not installed (e.g. a partial install); nothing to optimise
  }
  if (process.env.CITEBOT_PORTABLE_NATIVE) return log("CITEBOT_PORTABLE_NATIVE is set: keeping the generic hnswlib-node build");
  if (process.arch !== "x64" || process.platform === "win32") return; // -march=native is only tried where it was measured
  log("rebuilding hnswlib-node for this CPU (-march=native), about 15 s");
  const native = rebuild("-march=native");
  if (native.ok && loads()) return log("hnswlib-node now uses this CPU's vector instructions");
  const reason = native.stderr.split("\n").find((line) => /error|ERR!/i.test(line) && !/complete log/.test(line));
  log(`the native build failed (${reason?.trim() ?? "it does not load"}); restoring the generic build`);
  const generic = rebuild("");
  if (!generic.ok || !loads()) {
    log(`the generic build failed too:\n${generic.stderr}`);
    process.exitCode = 1;
  }
}

main();
