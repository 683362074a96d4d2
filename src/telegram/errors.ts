import { GrammyError, HttpError } from "grammy";
import { maskSecrets } from "../log.js";

/**
 * Tells Bot API refusals and network failures apart for the logs. Network errors quote the request
 * URL, which contains the token, so every text is scrubbed of `/bot<token>/` and token-like strings.
 * It never throws, whatever it is given: it runs inside `.catch` handlers, where a throw would turn
 * one failed request into a crash. A Bot API error may carry no description at all (`{ ok: false,
 * error_code: 404 }`), an object may refuse to become a string, a `stack` getter may throw.
 */
export function describe(error: unknown): Record<string, unknown> {
  try {
    if (error instanceof GrammyError) {
      const described: Record<string, unknown> = { kind: "GrammyError", method: error.method, errorCode: error.error_code };
      if (error.description !== undefined) described.description = scrub(error.description);
      return described;
    }
    if (error instanceof HttpError) {
      const cause = error.error instanceof Error ? error.error.message : safeString(error.error);
      return { kind: "HttpError", message: scrub(error.message), cause: scrub(cause) };
    }
    if (error instanceof Error) {
      return { kind: safeString(error.name), message: scrub(error.message), stack: scrub(safeGet(() => error.stack) ?? "") };
    }
    return { kind: typeof error, value: scrub(safeString(error)) };
  } catch {
    return { kind: "unknown", value: "(an error that could not be described)" };
  }
}

function scrub(text: unknown): string {
  return maskSecrets(safeString(text).replace(/\/bot[^/\s]+\//g, "/bot[redacted]/"));
}

function safeString(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function safeGet<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
