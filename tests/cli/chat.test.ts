import { spawn } from "node:child_process";
import { tempDir } from "../helpers/temp.js";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.js";
import type { Answer, AskContext } from "../../src/types.js";
import { isAnswerRequest, startOpenAIServer, type OpenAIServer } from "../helpers/openai-server.js";

const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("src/cli/chat.ts");
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", EMBEDDINGS: "local" };
const HARBOUR = " date 2023-05 Im Hafen von Hamburg legte ein Containerschiff aus Singapur an. Die Ladung bestand aus Elektronik. Der Hafen wurde im Jahr 1189 eröffnet.";
const MUSEUM = " date 2023-06 In München stellt ein neues Museum moderne Kunst aus. Der Eintritt kostet zwölf Euro. Das Museum wurde im Jahr 2023 eröffnet.";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function chat(input: string, env: Record<string, string> = {}) {
  const work = await tempDir("citebot-chat-");
  await mkdir(path.join(work, "seeds"));
  await writeFile(path.join(work, "seeds", "harbour.txt"), HARBOUR);
  await writeFile(path.join(work, "seeds", "museum.txt"), MUSEUM);
  const args = ["--seeds", path.join(work, "seeds"), "--index", path.join(work, "index")];
  return new Promise<{ code: number; stdout: string }>((resolve) => {
    const child = spawn(TSX, [CLI, ...args], { env: { ...ENV, ...env } });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
    child.stdin.end(input);
  });
}

describe("npm run chat", () => {
  it("holds a conversation with follow-ups and numbered sources, with no key", async () => {
    const { code, stdout } = await chat(
      [
        "Woher kam das Containerschiff im Hafen von Hamburg?",
        "Und wann wurde es eröffnet?",
        "/new",
        "Was zeigt das neue Museum in München?",
        "Und wann wurde es eröffnet?",
        "/quit",
        "Wird nicht mehr gefragt?",
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(stdout).toContain("extractive answers (no LLM)");
    const turns = stdout.split(/^\? /m).slice(1);
    expect(turns).toHaveLength(4);
    expect(turns[0]).toContain("Singapur");
    expect(turns[0]).toMatch(/Quellen:\n {2}\[1\] .+, 2023-05 — harbour\.txt:\d+-\d+/);
    expect(turns[1]).toContain("„Der Hafen wurde im Jahr 1189 eröffnet.“ [1]");
    expect(turns[1]).toContain("(new conversation)");
    expect(turns[3]).toContain("„Das Museum wurde im Jahr 2023 eröffnet.“ [1]");
    expect(stdout).not.toContain("Wird nicht mehr gefragt");
  });

  it("streams LLM answers and lists their sources", async () => {
    server = await startOpenAIServer((request) =>
      isAnswerRequest(request)
        ? { kind: "text", text: "Der Eintritt kostet zwölf Euro [1]." }
        : { kind: "text", text: "Eintritt Preis Museum München" },
    );
    const { code, stdout } = await chat("Was kostet der Eintritt ins Museum?\n", { OPENAI_BASE_URL: server.url });
    expect(code).toBe(0);
    expect(stdout).toContain("LLM answers");
    expect(stdout).toContain("Der Eintritt kostet zwölf Euro [1].");
    expect(stdout).toMatch(/\[1\] .+, 2023-06 — museum\.txt:\d+-\d+\n {6}“Der Eintritt kostet zwölf Euro\.”/);
  });
});

describe("runChat", () => {
  async function converse(lines: string[], interactive = false) {
    const seen: { question: string; history: string[] }[] = [];
    const ask = async (question: string, context: AskContext): Promise<Answer> => {
      seen.push({ question, history: context.history.map((t) => t.question) });
      context.onToken?.("Die Fähre ");
      context.onToken?.("Die Fähre fährt um acht.");
      return { kind: "answered", text: "Die Fähre fährt um acht.", citations: [], language: "de", mode: "llm" };
    };
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (d: Buffer) => (written += d.toString()));
    const done = runChat({ ask }, { input, output, interactive, greeting: "hallo\n" });
    input.end(lines.join("\n"));
    await done;
    return { seen, written };
  }

  it("streams each answer, keeps follow-up history and starts afresh on /new", async () => {
    const { seen, written } = await converse(["Wann fährt die Fähre?", "Und am Sonntag?", "/new", "Wo hält sie?", "/quit", "Nie gefragt?"]);
    expect(written.startsWith("hallo\n")).toBe(true);
    expect(written).toContain("? Wann fährt die Fähre?\nDie Fähre fährt um acht.");
    expect(written).toContain("(new conversation)");
    expect(seen).toEqual([
      { question: "Wann fährt die Fähre?", history: [] },
      { question: "Und am Sonntag?", history: ["Wann fährt die Fähre?"] },
      { question: "Wo hält sie?", history: [] },
    ]);
  });

  it("prompts on a terminal instead of echoing the question", async () => {
    const { written } = await converse(["Wann fährt die Fähre?"], true);
    expect(written).toContain("? ");
    expect(written).not.toContain("? Wann fährt die Fähre?\nDie Fähre");
    expect(written).toContain("Die Fähre fährt um acht.");
  });
});
