import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests start servers on 127.0.0.1 and build indexes in temp folders; two cores are plenty.
    pool: "forks",
  },
});
