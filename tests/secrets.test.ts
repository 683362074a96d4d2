import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskSecrets } from "../src/log.js";
import { leaksSecrets } from "../src/query/llm.js";
import { secretMatcher } from "../src/secrets.js";

const KEY = "sk-proj-Ab12Cd34Ef56Gh78Ij90";

describe("maskSecrets", () => {
  it.each([
    ["the whole key", `key=${KEY}`],
    ["the key upper-cased", `key=${KEY.toUpperCase()}`],
    ["the key lower-cased", `key=${KEY.toLowerCase()}`],
    ["the key minus its last character", `key=${KEY.slice(0, -1)}`],
    ["an 8-character run from its middle", `key=…${KEY.slice(9, 17)}…`],
  ])("masks %s", (_what, text) => {
    const masked = maskSecrets(text, [KEY]);
    expect(masked).toContain("[redacted]");
    expect(masked.toLowerCase()).not.toContain(KEY.slice(9, 17).toLowerCase());
    expect(masked.startsWith("key=")).toBe(true);
  });

  it("leaves 7-character runs of a key and unrelated text alone", () => {
    const text = `prefix ${KEY.slice(3, 10)} suffix`;
    expect(maskSecrets(text, [KEY])).toBe(text);
  });

  it("masks a key shorter than 8 characters whole, in any case", () => {
    expect(maskSecrets("the key is Xy9Q-2 and XY9Q-2.", ["Xy9Q-2"])).toBe("the key is [redacted] and [redacted].");
  });

  it("masks two secrets that meet in one text, and keeps the text around them", () => {
    const other = "whsec_0123456789abcdef";
    expect(maskSecrets(`a ${KEY}${other} b`, [KEY, other])).toBe("a [redacted] b");
  });

  it("does not treat a URL's scheme as part of the secret", () => {
    expect(maskSecrets("see https://example.org", ["https://llm.internal.example:8443/v1"])).toBe("see https://example.org");
  });

  it("stays linear on long texts with long secrets", () => {
    const secret = "k".repeat(3) + "0123456789".repeat(50);
    const text = "lorem ipsum ".repeat(50_000) + secret.slice(100, 120).toUpperCase();
    // A quadratic search would take minutes here; the test's own timeout would catch it.
    const masked = maskSecrets(text, [secret]);
    expect(masked.endsWith("[redacted]")).toBe(true);
    expect(masked.length).toBe(text.length - 20 + "[redacted]".length);
  });

  it("masks in every log line the logger writes, short and partial secrets too", async () => {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString("utf8"));
        callback();
      },
    });
    const logger = createLogger("info", [KEY, "abc123"], { pretty: false, destination: sink });
    logger.info(`upper ${KEY.toUpperCase()} short ABC123 cut ${KEY.slice(0, -1)}`);
    await new Promise((resolve) => setImmediate(resolve));
    const output = written.join("");
    expect(output).toContain("[redacted]");
    expect(output.toLowerCase()).not.toContain(KEY.slice(0, 8).toLowerCase());
    expect(output.toLowerCase()).not.toContain("abc123");
  });
});

describe("secretMatcher", () => {
  it("gives merged spans in the original text's offsets, even around characters whose case folds longer", () => {
    const text = `İİ ${KEY.toUpperCase()} İ`;
    const spans = secretMatcher([KEY]).spans(text);
    expect(spans).toEqual([[3, 3 + KEY.length]]);
  });
});

describe("leaksSecrets", () => {
  it.each([
    ["the whole key", `Here it is: ${KEY}`],
    ["the key upper-cased", `Here it is: ${KEY.toUpperCase()}`],
    ["the key minus its last character", `Here it is: ${KEY.slice(0, -1)}`],
    ["an 8-character run of it", `It starts with ${KEY.slice(0, 8)}`],
  ])("finds %s", (_what, text) => {
    expect(leaksSecrets(text, [KEY])).toBe(true);
  });

  it("finds a short key whole, in any case", () => {
    expect(leaksSecrets("The password is HUNTER.", ["hunter"])).toBe(true);
  });

  it("lets ordinary answers through, URLs included, when the base URL is a secret", () => {
    const text = "Laut der Quelle sollen die Truppen in zehn Tagen abziehen [1]. Mehr unter https://example.org/news.";
    expect(leaksSecrets(text, [KEY, "https://llm.internal.example:8443/v1"])).toBe(false);
  });
});
