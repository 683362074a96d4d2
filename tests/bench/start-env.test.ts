import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HUGE_PAGES_TUNABLE, startEnvironment } from "../../src/bench/suite.js";

/** The scripts that open a large index to answer questions. */
const OPENING_SCRIPTS = ["start", "ask", "chat", "bench"];

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

/** The environment a package.json script gives the command it runs: its `NAME=value` words, evaluated by sh as npm does. */
function scriptTunables(script: string, tunables: string | undefined): string | undefined {
  const command = script.split("&&").at(-1)!.trim();
  const assignments = command.split(/\s+/).filter((word) => /^[A-Z_]+=/.test(word));
  const env = { PATH: process.env.PATH ?? "" } as NodeJS.ProcessEnv;
  if (tunables !== undefined) env.GLIBC_TUNABLES = tunables;
  const out = execFileSync("sh", ["-c", `${assignments.join(" ")} env`], { env, encoding: "utf8" });
  return /^GLIBC_TUNABLES=(.*)$/m.exec(out)?.[1];
}

describe("the environment the bot starts with", () => {
  it("npm start, ask, chat and bench ask glibc for huge pages, as the bench's cold-start child gets them", () => {
    for (const name of OPENING_SCRIPTS) expect(scriptTunables(scripts[name]!, undefined)).toBe(HUGE_PAGES_TUNABLE);
    expect(startEnvironment({}).GLIBC_TUNABLES).toBe(HUGE_PAGES_TUNABLE);
  });

  it("keeps tunables the user set, in the scripts as in the cold-start child", () => {
    const own = "glibc.malloc.arena_max=2";
    for (const name of OPENING_SCRIPTS) expect(scriptTunables(scripts[name]!, own)).toBe(`${own}:${HUGE_PAGES_TUNABLE}`);
    expect(startEnvironment({ GLIBC_TUNABLES: own }).GLIBC_TUNABLES).toBe(`${own}:${HUGE_PAGES_TUNABLE}`);
  });

  it("adds the tunable once when the bench already runs with it", () => {
    const env = startEnvironment({ GLIBC_TUNABLES: HUGE_PAGES_TUNABLE, HOME: "/x" });
    expect(env.GLIBC_TUNABLES).toBe(HUGE_PAGES_TUNABLE);
    expect(env.HOME).toBe("/x");
  });
});
