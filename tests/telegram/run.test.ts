import { describe, expect, it } from "vitest";
import { startRetrySeconds } from "../../src/telegram/run.js";

describe("startRetrySeconds", () => {
  it("doubles the wait between getMe attempts from 1 s and never waits more than 60 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50, 5000].map(startRetrySeconds)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });
});
