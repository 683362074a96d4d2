import { describe, expect, it } from "vitest";
import { parseTelegramHtml, type InlineAnswer } from "../helpers/bot-api-server.js";
import { alice, bob, e2eSuite, SEED_QUESTION as QUESTION, SEED_QUOTE as EXPECTED_QUOTE, type Harness } from "./harness.js";

// Inline mode: `@bot <question>` in any chat offers the cited answer and its quoted passages as inline
// results. The bot and the pipeline are real; the Bot API server checks Telegram's rules for results.


const suite = e2eSuite();

const start = (env: Record<string, string> = {}): Promise<Harness> => suite.start({ env });

function texts(answer: InlineAnswer): string[] {
  return answer.results.map((r) => {
    const content = r.input_message_content;
    return content.parse_mode === "HTML" ? parseTelegramHtml(content.message_text) : content.message_text;
  });
}

describe("inline mode", () => {
  it("offers the cited answer first, then the quoted passages, with a short cache time", async () => {
    const { api } = await start();
    const answer = await api.inlineAnswer(api.sendInlineQuery(alice, QUESTION, "group"));
    expect(answer.results.length).toBeGreaterThanOrEqual(2);
    expect(answer.cache_time).toBeGreaterThan(0);
    expect(answer.cache_time).toBeLessThanOrEqual(60);

    const [first, ...passages] = answer.results;
    const shown = texts(answer);
    expect(first!.input_message_content.parse_mode).toBe("HTML");
    expect(first!.title.length).toBeGreaterThan(0);
    expect(first!.description).toContain("Rückverlegung");
    // The answer as in a chat: the quote with its [1] marker, then the sources with the quote.
    expect(shown[0]).toMatch(new RegExp(`${EXPECTED_QUOTE}.{0,3} \\[1\\]`));
    expect(shown[0]).toContain("Quellen");
    expect(first!.input_message_content.message_text).toContain(`<blockquote>${EXPECTED_QUOTE}</blockquote>`);

    // Then the passage behind each citation, the quote highlighted in its context.
    expect(passages[0]!.title).toMatch(/^\[1\] Nur eine Woche nach der Verlegung/);
    expect(passages[0]!.input_message_content.message_text).toContain(`<b><u>${EXPECTED_QUOTE}</u></b>`);
    expect(shown[1]).toContain("Die von der OVKS so bezeichneten Friedenstruppen");
  });

  it("answers an empty query with no results and a button that opens the private chat", async () => {
    const { api } = await start();
    const answer = await api.inlineAnswer(api.sendInlineQuery(bob, "   "));
    expect(answer.results).toEqual([]);
    expect(answer.button?.text).toMatch(/question|Frage/i);
    expect(answer.button?.start_parameter).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("offers a single result saying so when the sources do not answer", async () => {
    const { api } = await start();
    const question = "Wie hoch ist der Eiffelturm in Paris?";
    const expected = await suite.real.pipeline.ask(question, { history: [] });
    expect(expected.kind).toBe("not_found");
    const answer = await api.inlineAnswer(api.sendInlineQuery(alice, question));
    expect(answer.results).toHaveLength(1);
    expect(texts(answer)[0]!.startsWith(expected.text.trim())).toBe(true);
    expect(answer.results[0]!.input_message_content.message_text).not.toContain("<blockquote>");
  });

  it("keeps the answer within one message when it is too long for one, sources included", async () => {
    const base = suite.real.pipeline.ask;
    const harness = await suite.start({
      library: suite.real.library,
      ask: async (question, context) => {
        const answer = await base(question, context);
        return answer.kind === "answered" ? { ...answer, text: `${"Sehr lange Einleitung. ".repeat(400)}${answer.text}` } : answer;
      },
    });
    const { api } = harness;
    const answer = await api.inlineAnswer(api.sendInlineQuery(alice, QUESTION));
    const shown = texts(answer)[0]!;
    expect(shown.length).toBeLessThanOrEqual(4096);
    expect(shown).toContain("Quellen");
    expect(shown).toContain(EXPECTED_QUOTE);
  });

  it("is rate-limited per user like everything else: queries over the limit are not answered", async () => {
    let asked = 0;
    const harness = await suite.start({
      library: suite.real.library,
      env: { RATE_LIMIT_PER_MINUTE: "2" },
      ask: async (question, context) => {
        asked += 1;
        return suite.real.pipeline.ask(question, context);
      },
    });
    const { api } = harness;
    const ids = ["Wie lange", "Wie lange soll", "Wie lange soll die Rückverlegung", QUESTION].map((q) => api.sendInlineQuery(alice, q));
    await api.inlineAnswer(ids[0]!);
    await api.consumed();
    await harness.app.idle();
    expect(asked).toBe(2);
    const withResults = api.callsOf("answerInlineQuery").filter((c) => Array.isArray(c.params.results) && c.params.results.length > 0);
    expect(withResults).toHaveLength(2);
    // Another user is not limited by Alice's typing.
    const other = await api.inlineAnswer(api.sendInlineQuery(bob, QUESTION));
    expect(other.results.length).toBeGreaterThanOrEqual(2);
  });

  it("offers nothing to users outside ALLOWED_CHAT_IDS, and answers those on it", async () => {
    const { api } = await start({ ALLOWED_CHAT_IDS: String(alice.id) });
    const refused = await api.inlineAnswer(api.sendInlineQuery(bob, QUESTION));
    expect(refused.results).toEqual([]);
    expect(refused.is_personal).toBe(true);
    const allowed = await api.inlineAnswer(api.sendInlineQuery(alice, QUESTION));
    expect(allowed.results.length).toBeGreaterThanOrEqual(2);
  });
});
