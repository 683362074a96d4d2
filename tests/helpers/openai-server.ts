import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for tests: it speaks the real protocol,
 * JSON and SSE streaming, and can misbehave on purpose (HTTP 500, hang, malformed stream).
 */

export interface ChatRequest {
  readonly model: string;
  readonly stream: boolean;
  readonly messages: readonly { role: string; content: string }[];
}

export type Reply =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "status"; readonly status: number }
  | { readonly kind: "hang" }
  | { readonly kind: "malformed" };

export interface OpenAIServer {
  /** Base URL for `OPENAI_BASE_URL` / `configuration.baseURL`, ending in /v1. */
  readonly url: string;
  readonly requests: ChatRequest[];
  close(): Promise<void>;
}

/** True for the answer request (as opposed to the query rewrite). */
export function isAnswerRequest(request: ChatRequest): boolean {
  return request.messages.some((m) => m.role === "user" && m.content.includes("<sources>"));
}

function chunk(delta: object, finish: string | null = null): string {
  const body = { id: "chatcmpl-test", object: "chat.completion.chunk", created: 0, model: "test-model", choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

function contentOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p: { text?: string }) => p.text ?? "").join("");
  return "";
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/**
 * Starts the server. `reply` decides, per request, what to send back.
 *
 * @example
 * const server = await startOpenAIServer((r) => ({ kind: "text", text: isAnswerRequest(r) ? "Ja [1]." : "Suche" }));
 */
export async function startOpenAIServer(reply: (request: ChatRequest) => Reply): Promise<OpenAIServer> {
  const requests: ChatRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const raw = JSON.parse(await readBody(req)) as { model: string; stream?: boolean; messages: { role: string; content: unknown }[] };
    const request: ChatRequest = {
      model: raw.model,
      stream: raw.stream === true,
      messages: raw.messages.map((m) => ({ role: m.role, content: contentOf(m.content) })),
    };
    requests.push(request);
    const answer = reply(request);
    if (answer.kind === "status") {
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "injected failure", type: "server_error" } }));
      return;
    }
    if (answer.kind === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (!request.stream) {
      const text = answer.kind === "text" ? answer.text : "{";
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        answer.kind === "malformed"
          ? "{ this is not json"
          : JSON.stringify({
              id: "chatcmpl-test",
              object: "chat.completion",
              created: 0,
              model: "test-model",
              choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
              usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
            }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    if (answer.kind === "malformed") {
      res.write(chunk({ role: "assistant", content: "" }));
      res.write("data: {\"choices\": [ this is not json\n\n");
      res.end("data: [DONE]\n\n");
      return;
    }
    res.write(chunk({ role: "assistant", content: "" }));
    for (const piece of answer.text.match(/.{1,7}/gs) ?? []) res.write(chunk({ content: piece }));
    res.write(chunk({}, "stop"));
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
