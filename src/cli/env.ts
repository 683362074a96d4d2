import { config as loadDotenv } from "dotenv";
import { ConfigError, parseConfig, type Config } from "../config.js";

/**
 * Reads `.env` (if present) and the process environment once, for the command-line entry points.
 * A bad setting prints the config error and exits with status 2 instead of a stack trace.
 */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  loadDotenv({ quiet: true });
  // An absent command-line flag (undefined) must not hide the variable from the environment.
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  try {
    return parseConfig({ ...process.env, ...given });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
