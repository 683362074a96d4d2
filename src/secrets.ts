/**
 * Finding secrets (API keys, tokens, webhook secrets) in text, for masking logs and for refusing model
 * output that recites one. A leak is rarely the exact key: it may be upper-cased, cut short by a
 * truncated log line, or split across two messages. So a secret is found case-insensitively, and any
 * run of {@link RUN} or more of its characters counts. Secrets shorter than that are found whole.
 *
 * No library does this partial matching; it is a set of the secret's 8-grams checked once per text
 * position, so the cost is linear in the text, however long the text and the secrets.
 */

/** The shortest stretch of a secret that counts as a leak of it. */
export const RUN = 8;

/** Spans `[start, end)` of `text` that belong to a secret, sorted and merged. */
export type Span = readonly [number, number];

/** A compiled set of secrets; build it once and reuse it for every text. */
export interface SecretMatcher {
  /** The merged spans of `text` that are (parts of) a secret. */
  spans(text: string): Span[];
}

/**
 * Compiles secrets for {@link SecretMatcher.spans}. Empty strings are ignored. The scheme of a URL
 * (`https://`) is not secret and would match every other URL, so it is left out of the secret.
 *
 * @example
 * secretMatcher(["sk-abcdef1234567890"]).spans("key SK-ABCDEF1234 here") // [[4, 15]]
 */
export function secretMatcher(secrets: readonly (string | undefined)[]): SecretMatcher {
  const grams = new Set<string>();
  const short = new Set<string>();
  for (const raw of secrets) {
    if (typeof raw !== "string") continue;
    const secret = foldCase(raw.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, ""));
    if (secret === "") continue;
    if (secret.length < RUN) short.add(secret);
    else for (let i = 0; i + RUN <= secret.length; i += 1) grams.add(secret.slice(i, i + RUN));
  }
  return {
    spans(text: string): Span[] {
      if (grams.size === 0 && short.size === 0) return [];
      const folded = foldCase(text);
      const found: [number, number][] = [];
      if (grams.size > 0) {
        for (let i = 0; i + RUN <= folded.length; i += 1) {
          if (grams.has(folded.slice(i, i + RUN))) found.push([i, i + RUN]);
        }
      }
      for (const secret of short) {
        for (let i = folded.indexOf(secret); i >= 0; i = folded.indexOf(secret, i + 1)) found.push([i, i + secret.length]);
      }
      return merge(found);
    },
  };
}

/** Replaces every span of a secret in `text` with `replacement`. */
export function maskSpans(text: string, spans: readonly Span[], replacement: string): string {
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + replacement;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Lower case with the string's length kept, so that offsets in the folded text are offsets in the
 * original (a few characters, such as "İ", lower-case to two code units and are kept as they are).
 */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

function merge(spans: [number, number][]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}
