import { execFile, spawn } from "node:child_process";
import { tempDir } from "../helpers/temp.js";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isAnswerRequest, startOpenAIServer, type ChatRequest } from "../helpers/openai-server.js";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("src/cli/ask.ts");
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", EMBEDDINGS: "local" };
const SEED = "000_308e1ab380b049a5.txt";

async function workspace() {
  const work = await tempDir("citebot-ask-");
  await cp(path.resolve("seeds", SEED), path.join(work, "seeds", SEED));
  return { work, args: ["--seeds", path.join(work, "seeds"), "--index", path.join(work, "index")] };
}

async function ask(args: string[], env: Record<string, string | undefined> = {}, stdin?: string) {
  if (stdin === undefined) {
    return run(TSX, [CLI, ...args], { env: { ...ENV, ...env } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  }
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(TSX, [CLI, ...args], { env: { ...ENV, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("npm run ask", () => {
  it("--json prints exactly one line per answer with the specified fields, building the index first", async () => {
    const { work, args } = await workspace();
    const result = await ask([...args, "--json", "Wie viele Verletzte gab es bei den Unruhen?"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(Object.keys(record)).toEqual(["question", "answer", "kind", "refused", "language", "mode", "citations"]);
    expect(record).toMatchObject({ question: "Wie viele Verletzte gab es bei den Unruhen?", kind: "answer", refused: false, language: "de", mode: "extractive" });
    expect(record.citations.length).toBeGreaterThan(0);
    const file = await readFile(path.join(work, "seeds", SEED), "utf8");
    for (const c of record.citations) {
      expect(Object.keys(c)).toEqual(["n", "source", "title", "date", "quote", "start", "end"]);
      expect(c.source).toBe(SEED);
      expect(file.slice(c.start, c.end)).toBe(c.quote);
    }
    expect(record.citations[0].quote).toContain("Hunderte Verletzte");
    expect(result.stderr).toContain("building it");
  });

  it("reads one question per line from stdin and answers each in turn", async () => {
    const { args } = await workspace();
    const result = await ask(
      [...args, "--json"],
      {},
      "Wer ist der Präsident Kasachstans?\n\nWhat currency is used in Kazakhstan?\n<b>Welchen Befehl</b> erteilte Tokajew seinem Militär?\n",
    );
    expect(result.code).toBe(0);
    const records = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => [r.refused, r.language])).toEqual([
      [false, "de"],
      [true, "en"],
      [false, "de"],
    ]);
    expect(records[1].citations).toEqual([]);
    expect(records[2].citations[0].quote).toContain("Schießbefehl");
  });

  it("--conversation answers each stdin line in turn as one JSON record, and a blank line starts a new conversation", async () => {
    const { args } = await workspace();
    const result = await ask(
      [...args, "--json", "--conversation"],
      {},
      "Wer ist der Präsident Kasachstans?\nund was befahl er seinem Militär?\n\nWie viele Verletzte gab es bei den Unruhen?\n",
    );
    expect(result.code).toBe(0);
    const records = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => r.question)).toEqual([
      "Wer ist der Präsident Kasachstans?",
      "und was befahl er seinem Militär?",
      "Wie viele Verletzte gab es bei den Unruhen?",
    ]);
    for (const r of records) expect(Object.keys(r)).toEqual(["question", "answer", "kind", "refused", "language", "mode", "citations"]);
    expect(records[2]).toMatchObject({ kind: "answer", refused: false });
  });

  it("--conversation hands a follow-up the earlier turns and forgets them after a blank line (seen in the LLM's requests)", async () => {
    // The LLM path sends the history to the model, so the requests show what history each question got.
    const server = await startOpenAIServer((r) => ({ kind: "text", text: isAnswerRequest(r) ? "Tokajew [1]." : "Tokajew Präsident Befehl" }));
    try {
      const { args } = await workspace();
      const first = "Wer ist der Präsident Kasachstans?";
      const followUp = "und was befahl er seinem Militär?";
      const fresh = "Wie viele Verletzte gab es bei den Unruhen?";
      const result = await ask([...args, "--json", "--conversation"], { OPENAI_BASE_URL: server.url }, `${first}\n${followUp}\n\n${fresh}\n`);
      expect(result.code).toBe(0);
      expect(result.stdout.trim().split("\n")).toHaveLength(3);
      const text = (r: ChatRequest) => r.messages.map((m) => m.content).join("\n");
      const about = (q: string) => server.requests.filter((r) => text(r).includes(q));
      expect(about(followUp).length).toBeGreaterThan(0);
      expect(about(followUp).some((r) => text(r).includes(first))).toBe(true);
      expect(about(fresh).length).toBeGreaterThan(0);
      expect(about(fresh).some((r) => text(r).includes(first) || text(r).includes(followUp))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("prints a readable answer with numbered sources without --json", async () => {
    const { args } = await workspace();
    const result = await ask([...args, "Wer", "ist", "der", "Präsident", "Kasachstans?"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Laut /);
    expect(result.stdout).toMatch(/Quellen:\n {2}\[1\] .+, 2022-01 — 000_308e1ab380b049a5\.txt:\d+-\d+\n/);
  });

  it("falls back to the extractive answer when the LLM endpoint is dead", async () => {
    const { args } = await workspace();
    const result = await ask([...args, "--json", "Wie viele Verletzte gab es bei den Unruhen?"], {
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      LLM_TIMEOUT_MS: "3000",
    });
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout.trim());
    expect(record).toMatchObject({ refused: false, mode: "extractive" });
    expect(result.stderr).toContain("LLM path failed");
  });

  it("explains a missing seeds folder instead of crashing", async () => {
    const work = await tempDir("citebot-ask-");
    const result = await ask(["--seeds", path.join(work, "nothing"), "--index", path.join(work, "index"), "Frage?"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n").at(-1)).not.toMatch(/^\s+at /);
  });

  it("rejects an unknown option with usage", async () => {
    const result = await ask(["--nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: npm run --silent ask");
  });
});
