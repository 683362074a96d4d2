import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { z } from "zod";
import { secretMatcher } from "../secrets.js";
import { ANSWER_SYSTEM_PROMPT, REWRITE_SYSTEM_PROMPT } from "./prompts.js";

/**
 * Talking to the chat model: a one-line query rewrite, and a streamed answer. The model is passed in
 * (any LangChain chat model); only `cli/` constructs `ChatOpenAI`. Model output is untrusted data: it is
 * validated here and checked for leaks before anything downstream sees it.
 */

/** The chat model the query stage needs; `ChatOpenAI` and LangChain's fakes both fit. */
export type ChatModel = Pick<BaseChatModel, "invoke" | "stream">;

/** Any failure of the LLM path; the caller falls back to the extractive answer. */
export class LlmError extends Error {
  override name = "LlmError";
  constructor(
    message: string,
    readonly reason: "timeout" | "error" | "invalid" | "leak",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        typeof part === "string" ? part : typeof part === "object" && part !== null && "text" in part ? String(part.text) : "",
      )
      .join("");
  }
  return "";
}

function asLlmError(error: unknown, signal: AbortSignal): LlmError {
  if (error instanceof LlmError) return error;
  const timedOut = signal.aborted && signal.reason instanceof DOMException && signal.reason.name === "TimeoutError";
  if (timedOut) return new LlmError("the language model did not answer in time", "timeout", { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new LlmError(`the language model failed: ${message.slice(0, 200)}`, "error", { cause: error });
}

const RewrittenQuery = z
  .string()
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(2).max(400));

/**
 * Asks the model for a standalone German search query for the latest question, resolving follow-up
 * references. The corpus is German, so an English question retrieves far better once rewritten.
 */
export async function rewriteQuery(
  model: ChatModel,
  messages: { system: string; user: string },
  signal: AbortSignal,
): Promise<string> {
  try {
    const reply = await model.invoke(
      [
        ["system", messages.system],
        ["human", messages.user],
      ],
      { signal },
    );
    const parsed = RewrittenQuery.safeParse(contentText(reply.content));
    if (!parsed.success) throw new LlmError("the language model gave no usable search query", "invalid", { cause: parsed.error });
    return parsed.data;
  } catch (error) {
    throw asLlmError(error, signal);
  }
}

/** Where a streamed answer is cut (at most two Telegram messages with its sources); `max_tokens` caps it too. */
export const MAX_ANSWER_CHARS = 3500;
/** Tokens the model may write: about {@link MAX_ANSWER_CHARS} characters of German. */
export const MAX_ANSWER_TOKENS = 1200;

/**
 * Streams the answer, calling `onToken` with the text so far, and returns the whole text. A stream that
 * breaks off or carries garbage ends in an {@link LlmError}, never in a half answer.
 */
export async function streamAnswer(
  model: ChatModel,
  messages: { system: string; user: string },
  signal: AbortSignal,
  onToken?: (partial: string) => void,
): Promise<string> {
  let text = "";
  try {
    const stream = await model.stream(
      [
        ["system", messages.system],
        ["human", messages.user],
      ],
      { signal },
    );
    for await (const chunk of stream) {
      const piece = contentText(chunk.content);
      if (piece === "") continue;
      text += piece;
      onToken?.(text);
      // A runaway answer is cut: more than two Telegram messages is no longer an answer to a question.
      if (text.length >= MAX_ANSWER_CHARS) break;
    }
  } catch (error) {
    throw asLlmError(error, signal);
  }
  if (text.trim() === "") throw new LlmError("the language model returned an empty answer", "invalid");
  return text.trim();
}

const PROMPTS = [ANSWER_SYSTEM_PROMPT, REWRITE_SYSTEM_PROMPT];

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when model output repeats a stretch of a system prompt (six words in a row) or contains a secret
 * (API key, endpoint): in any case, any 8 or more of its characters in a row, or a shorter secret
 * whole (see `secrets.ts`). Prompt injection may talk a model into reciting its instructions; this
 * makes sure such an answer never reaches the user.
 */
export function leaksSecrets(text: string, secrets: readonly string[]): boolean {
  if (secretMatcher(secrets).spans(text).length > 0) return true;
  const output = ` ${words(text).join(" ")} `;
  for (const prompt of PROMPTS) {
    const w = words(prompt.replace("{language}", ""));
    for (let i = 0; i + 6 <= w.length; i++) {
      if (output.includes(` ${w.slice(i, i + 6).join(" ")} `)) return true;
    }
  }
  return false;
}

/**
 * Guards a streaming display: `onToken` sees the answer so far, and nothing more once the text starts to
 * recite instructions or a secret. Each check reads only the text that arrived since the last one, plus an
 * overlap as long as the longest thing it looks for, so a long answer costs linear time, not a rescan of
 * everything per token (which took seconds of CPU at 20k characters and stalled every other chat). `transform` prepares what is shown
 * (citation numbers renumbered); `hold` says when to show nothing for now. The final answer is checked
 * again in full by the caller.
 */
export function guardedDisplay(
  secrets: readonly string[],
  onToken: ((partial: string) => void) | undefined,
  transform: (partial: string) => string,
  hold: (partial: string) => boolean,
): ((partial: string) => void) | undefined {
  if (!onToken) return undefined;
  const overlap = Math.max(400, ...secrets.map((secret) => secret.length + 8));
  let checked = 0;
  let stopped = false;
  return (partial) => {
    if (stopped) return;
    if (leaksSecrets(partial.slice(Math.max(0, checked - overlap)), secrets)) {
      stopped = true;
      return;
    }
    checked = partial.length;
    if (hold(partial)) return;
    onToken(transform(partial));
  };
}
