import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/cli/env.js";

describe("loadConfig", () => {
  const saved = process.env.SEEDS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.SEEDS_DIR;
    else process.env.SEEDS_DIR = saved;
  });

  it("lets a given flag win, and an absent flag leave the environment alone", () => {
    process.env.SEEDS_DIR = "from-env";
    expect(loadConfig({ SEEDS_DIR: undefined }).seedsDir).toBe("from-env");
    expect(loadConfig({ SEEDS_DIR: "from-flag" }).seedsDir).toBe("from-flag");
  });
});
