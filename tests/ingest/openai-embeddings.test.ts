import { createServer, type IncomingMessage, type Server } from "node:http";
import { tempDir } from "../helpers/temp.js";
import type { AddressInfo } from "node:net";
import { cp } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { buildOptions, createEmbeddings } from "../../src/app/indexing.js";
import { buildIndex, openIndex } from "../../src/ingest/store.js";

/** An OpenAI-compatible /v1/embeddings endpoint on 127.0.0.1 that fails its first request with a 500. */
const requests: { inputs: string[]; model: string; auth: string | undefined }[] = [];
let failures = 1;
let server: Server;
let baseURL: string;

function vectorFor(text: string): number[] {
  const v = new Array<number>(8).fill(0);
  for (let i = 0; i < text.length; i++) v[text.charCodeAt(i) % 8]! += 1;
  return v;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString("utf8"));
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const json = (await body(req)) as { input: string[] | string; model: string; encoding_format?: string };
    if (req.url !== "/v1/embeddings") {
      res.writeHead(404).end();
      return;
    }
    if (failures > 0) {
      failures -= 1;
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "boom" } }));
      return;
    }
    const inputs = Array.isArray(json.input) ? json.input : [json.input];
    requests.push({ inputs, model: json.model, auth: req.headers.authorization });
    const data = inputs.map((text, index) => {
      const vector = vectorFor(text);
      const embedding =
        json.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
      return { object: "embedding", index, embedding };
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ object: "list", data, model: json.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("OpenAI-compatible embeddings", () => {
  it("indexes through the server in batches, retrying a failed request", async () => {
    const work = await tempDir("citebot-openai-");
    await cp(path.resolve("seeds"), path.join(work, "seeds"), { recursive: true });
    const config = parseConfig({
      EMBEDDINGS: "openai",
      OPENAI_API_KEY: "sk-test-key",
      OPENAI_BASE_URL: baseURL,
      OPENAI_EMBEDDING_MODEL: "test-embed",
      EMBED_BATCH_SIZE: "3",
      SEEDS_DIR: path.join(work, "seeds"),
      INDEX_DIR: path.join(work, "index"),
    });
    const embeddings = createEmbeddings(config);
    expect(embeddings.id).toBe(`openai/test-embed@${new URL(baseURL).host}`);
    const summary = await buildIndex(buildOptions(config, embeddings));
    expect(failures).toBe(0); // the 500 happened and was retried
    const embeddedTexts = requests.flatMap((r) => r.inputs);
    expect(embeddedTexts).toHaveLength(summary.chunks);
    expect(requests.every((r) => r.inputs.length <= 3 && r.model === "test-embed")).toBe(true);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests[0]!.auth).toBe("Bearer sk-test-key");

    const index = await openIndex(config.indexDir, { embeddings, ef: 10 });
    expect(index.manifest.embedder).toMatchObject({ dimension: 8, state: false });
    const [hit] = index.searchDense(await index.embedQuery(index.chunks[2]!.text), 1);
    expect(hit!.id).toBe(2);

    // A second run sends nothing: with a paid API, unchanged sources cost nothing.
    const before = requests.length;
    expect((await buildIndex(buildOptions(config, embeddings))).embedded).toBe(0);
    expect(requests.length).toBe(before);
  });
});
