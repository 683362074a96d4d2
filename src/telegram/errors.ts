import { GrammyError, HttpError } from "grammy";
import { maskSecrets } from "../log.js";

/**
 * Tells Bot API refusals and network failures apart for the logs. Network errors quote the request
 * URL, which contains the token, so every text is scrubbed of `/bot<token>/` and token-like strings.
 */
export function describe(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return { kind: "GrammyError", method: error.method, errorCode: error.error_code, description: scrub(error.description) };
  }
  if (error instanceof HttpError) {
    const cause = error.error instanceof Error ? error.error.message : String(error.error);
    return { kind: "HttpError", message: scrub(error.message), cause: scrub(cause) };
  }
  if (error instanceof Error) return { kind: error.name, message: scrub(error.message), stack: scrub(error.stack ?? "") };
  return { kind: typeof error, value: scrub(String(error)) };
}

function scrub(text: string): string {
  return maskSecrets(text.replace(/\/bot[^/\s]+\//g, "/bot[redacted]/"));
}
