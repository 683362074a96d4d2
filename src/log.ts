import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs to stderr (stdout stays free for answers and `--json` output). Secrets are
 * redacted by key, and any string that looks like a Telegram bot token is masked wherever it appears,
 * because grammY puts the token into request URLs that can surface in error messages.
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  options: { pretty?: boolean } = {},
): Logger {
  const masks = secrets.filter((s): s is string => typeof s === "string" && s.length >= 8);
  const pretty = options.pretty ?? process.stderr.isTTY === true;
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
      : pino.destination(2),
  );
}

const TOKEN_PATTERN = /\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g;

/** Replaces bot tokens and the given secrets in a string. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, "[redacted-token]");
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}
