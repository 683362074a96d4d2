import { pino, type DestinationStream, type Logger } from "pino";
import { maskSpans, secretMatcher, type SecretMatcher } from "./secrets.js";

export type { Logger };

/**
 * Structured logs to stderr (stdout stays free for answers and `--json` output). Secrets are
 * redacted by key, and any string that looks like a Telegram bot token is masked wherever it appears,
 * because grammY puts the token into request URLs that can surface in error messages. The given
 * secrets are masked in every line, also upper-cased or in part (see `secrets.ts`).
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  options: { pretty?: boolean; destination?: DestinationStream } = {},
): Logger {
  const masks = secretMatcher(secrets);
  const pretty = options.destination === undefined && (options.pretty ?? process.stderr.isTTY === true);
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "apiKey", "*.apiKey", "config.telegram.token"], censor: "[redacted]" },
      hooks: {
        streamWrite: (line) => maskSecrets(line, masks),
      },
    },
    pretty
      ? pino.transport({ target: "pino-pretty", options: { destination: 2, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss", singleLine: true } })
      : (options.destination ?? pino.destination(2)),
  );
}

const TOKEN_PATTERN = /\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g;

/**
 * Replaces bot tokens and the given secrets in a string: a secret in any case, any run of 8 or more of
 * its characters, and a secret shorter than that whole. Pass a compiled {@link SecretMatcher} when
 * masking many strings with the same secrets.
 */
export function maskSecrets(text: string, secrets: readonly (string | undefined)[] | SecretMatcher = []): string {
  const matcher = "spans" in secrets ? secrets : secretMatcher(secrets);
  const out = String(text).replace(TOKEN_PATTERN, "[redacted-token]");
  return maskSpans(out, matcher.spans(out), "[redacted]");
}
