import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ConfigError, parseConfig, SETTING_NAMES } from "../src/config.js";

describe("parseConfig", () => {
  it("works offline with no settings at all", () => {
    const config = parseConfig({});
    expect(config.embeddings).toEqual({ kind: "local", dimension: 512 });
    expect(config.answer.mode).toBe("extractive");
    expect(config.seedsDir).toBe("seeds");
    expect(config.indexDir).toBe("index");
    expect(config.telegram.token).toBeUndefined();
    expect(config.telegram.allowedChatIds).toEqual([]);
  });

  it("switches to OpenAI when a key is set, and to the LLM only with a base URL", () => {
    const withKey = parseConfig({ OPENAI_API_KEY: "sk-test" });
    expect(withKey.embeddings).toMatchObject({ kind: "openai", model: "text-embedding-3-small" });
    expect(withKey.answer.mode).toBe("llm");
    const ollama = parseConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" });
    expect(ollama.embeddings.kind).toBe("local");
    expect(ollama.answer.mode).toBe("llm");
    expect(ollama.openai.baseURL).toBe("http://127.0.0.1:11434/v1");
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ OPENAI_API_KEY: "", TELEGRAM_BOT_TOKEN: " ", OPENAI_BASE_URL: "" }).answer.mode).toBe("extractive");
  });

  it("parses ID lists", () => {
    const config = parseConfig({ ALLOWED_CHAT_IDS: "-1001234, 42 7", ADMIN_USER_IDS: "99" });
    expect(config.telegram.allowedChatIds).toEqual([-1001234, 42, 7]);
    expect(config.telegram.adminUserIds).toEqual([99]);
  });

  it.each([
    [{ HNSW_EF: "lots" }, /HNSW_EF="lots"/],
    [{ CHUNK_SENTENCES: "0" }, /CHUNK_SENTENCES="0".*>=1/],
    [{ EMBEDDINGS: "magic" }, /EMBEDDINGS="magic".*"auto"\|"local"\|"openai"/],
    [{ OPENAI_BASE_URL: "localhost:11434" }, /OPENAI_BASE_URL="localhost:11434".*http/],
    [{ ALLOWED_CHAT_IDS: "12,abc" }, /ALLOWED_CHAT_IDS="12,abc".*"abc" is not a numeric Telegram ID/],
    [{ CHUNK_SENTENCES: "2", CHUNK_OVERLAP: "2" }, /CHUNK_OVERLAP=2.*smaller than CHUNK_SENTENCES/],
    [{ ANSWER_MODE: "llm" }, /ANSWER_MODE=llm.*OPENAI_API_KEY or OPENAI_BASE_URL/],
  ])("rejects %o naming the variable and what is allowed", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it.each(["123456", "abc:def", "123456:", ":secret", "123456:has space", "123456:ABC/def", "bot123456:ABC", "123:abc:def"])(
    "refuses the malformed token %j before anything talks to the network, without printing it",
    (token) => {
      expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token })).toThrow(ConfigError);
      expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: token })).toThrow(/TELEGRAM_BOT_TOKEN=\(hidden\): must look like 123456789:AAE…/);
      try {
        parseConfig({ TELEGRAM_BOT_TOKEN: token });
      } catch (error) {
        expect((error as Error).message).not.toContain(JSON.stringify(token));
      }
    },
  );

  it("accepts tokens of the form digits:secret", () => {
    const token = "123456789:AAEhBP0av28oB1-mYzm_ONEsecret-42";
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: ` ${token} ` }).telegram.token).toBe(token);
  });

  it("has every setting documented in .env.example with its default", () => {
    const example = readFileSync(".env.example", "utf8");
    const documented = new Map(
      example.split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect([...documented.keys()].sort()).toEqual([...SETTING_NAMES].sort());
    // The documented values are the defaults: parsing them gives the same config as parsing nothing.
    expect(parseConfig(Object.fromEntries(documented))).toEqual(parseConfig({}));
  });
});
