import { spawn } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
  const work = await mkdtemp(path.join(tmpdir(), "citebot-chat-"));
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
