import { describe, expect, it } from "vitest";
import type { Library } from "../../src/telegram/library.js";
import type { DocInfo } from "../../src/types.js";
import { alice, bob, e2eSuite, privateChat, SEED_QUESTION as QUESTION, type Harness } from "./harness.js";

// Issue 10, item 3: every update that costs a send passes one per-user limit, and /sources is one
// message, paginated with buttons. The pipeline and its library are real; /sources gets a library
// with 25 documents (the seed has one) by listing synthetic documents beside it.


const suite = e2eSuite();

/** Waits until the bot has taken every update and sent everything it queued. */
async function settled(h: Harness): Promise<void> {
  await h.api.consumed();
  await h.app.idle();
}

describe("one per-user limit for everything that costs a send", () => {
  it("answers emoji-only messages, stickers, unknown commands and over-long questions within the limit, warns once, then stays quiet", async () => {
    const harness = await suite.start({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    const { api } = harness;
    const chat = privateChat(alice);
    for (let i = 0; i < 5; i += 1) {
      api.sendText(chat, alice, "🙂🔥");
      api.sendSticker(chat, alice);
      api.sendText(chat, alice, "/frobnicate");
      api.sendText(chat, alice, "x".repeat(2000));
    }
    await settled(harness);
    const texts = api.botMessages(chat.id).map((m) => m.text);
    expect(texts).toHaveLength(4);
    expect(texts[3]).toBe("Langsam bitte – ich beantworte höchstens 3 Fragen pro Minute. Versuch es gleich noch einmal.");
    // Another user is not limited by Alice's burst.
    api.sendText(privateChat(bob), bob, QUESTION);
    await api.botMessage(bob.id);
  });

  it("limits presses of a citation button: passages within the limit, one warning as a toast, then nothing", async () => {
    const harness = await suite.start({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    const { api } = harness;
    const chat = privateChat(bob);
    api.sendText(chat, bob, QUESTION);
    const answer = await api.botMessage(chat.id);
    const data = answer.reply_markup!.inline_keyboard[0]![0]!.callback_data!;
    const presses = Array.from({ length: 10 }, () => api.pressButton(chat, bob, answer.message_id, data));
    await settled(harness);
    // The question took one of three; two passages were sent.
    expect(api.botMessages(chat.id)).toHaveLength(3);
    const answered = api.callsOf("answerCallbackQuery").filter((c) => presses.includes(String(c.params.callback_query_id)));
    const warnings = answered.filter((c) => typeof c.params.text === "string");
    expect(warnings.map((c) => c.params.text)).toEqual(["Slow down, please – I answer at most 3 questions per minute. Try again in a moment."]);
    expect(answered).toHaveLength(3);
  });
});

describe("/sources", () => {
  const many: DocInfo[] = Array.from({ length: 25 }, (_, i) => ({
    source: `doc-${String(i + 1).padStart(2, "0")}.txt`,
    title: `Artikel Nummer ${i + 1}`,
    date: "2022-01",
    sha256: `${i}`.padStart(64, "0"),
    chunks: 3,
  }));
  const library = (): Library => ({ ...suite.real.library, sources: () => many });

  it("is one message, paginated with buttons; forged page data gets a short answer and changes nothing", async () => {
    const harness = await suite.start({ library: library() });
    const { api } = harness;
    const chat = privateChat(alice);
    api.sendText(chat, alice, "/sources");
    const first = await api.botMessage(chat.id);
    await settled(harness);
    expect(api.botMessages(chat.id)).toHaveLength(1);
    expect(first.text).toContain("25 Dokumente im Index");
    expect(first.text).toContain("1. Artikel Nummer 1 ·");
    expect(first.text).toContain("10. Artikel Nummer 10 ·");
    expect(first.text).not.toContain("Artikel Nummer 11 ");
    const buttons = () => api.message(chat.id, first.message_id)!.reply_markup!.inline_keyboard.flat();
    const next = buttons().find((b) => b.text.includes("›"))!;
    expect(next).toBeDefined();

    api.pressButton(chat, alice, first.message_id, next.callback_data!);
    await api.until(() => api.message(chat.id, first.message_id)!.text!.includes("11. Artikel Nummer 11 ·"));
    expect(api.message(chat.id, first.message_id)!.text).not.toContain("10. Artikel Nummer 10 ·");
    expect(buttons().some((b) => b.text.includes("‹"))).toBe(true);

    const before = api.message(chat.id, first.message_id)!.text;
    const forged = ["s:999", "s:-1", "s:x", `s:${"9".repeat(60)}`].map((data) => api.pressButton(chat, alice, first.message_id, data));
    await settled(harness);
    for (const id of forged) {
      const call = api.callsOf("answerCallbackQuery").find((c) => c.params.callback_query_id === id);
      expect(call?.params.text).toBe("Diese Schaltfläche ist nicht mehr gültig. Bitte stell die Frage noch einmal.");
    }
    expect(api.message(chat.id, first.message_id)!.text).toBe(before);
    expect(api.botMessages(chat.id)).toHaveLength(1);
  });
});
