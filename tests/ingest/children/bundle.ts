import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/**
 * Compiles a child-process script of the tests to plain JavaScript, so that tests which start 20 or more
 * processes pay node's start-up and not tsx's for each. Written under node_modules/.cache so that the
 * packages it imports (hnswlib-node …) resolve from this repository.
 */
export async function bundleChild(entry: string): Promise<string> {
  const root = path.resolve("node_modules/.cache");
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, "citebot-test-child-"));
  const outfile = path.join(dir, `${path.basename(entry, ".ts")}.mjs`);
  await build({
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}
