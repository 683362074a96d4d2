import { describe, expect, it } from "vitest";
import { alice, e2eSuite, privateChat, SEED_QUESTION as QUESTION, SEED_QUOTE as EXPECTED_QUOTE } from "./harness.js";

// Sends that Telegram refuses for their text (issue 10, item 6): the answer still arrives, as plain
// text, instead of "Entschuldigung…". The pipeline is real; the refusals are injected by the server.

const suite = e2eSuite();

describe("a refused HTML send", () => {
  it.each([
    ["can't parse entities", "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 12"],
    ["message is too long", "Bad Request: message is too long"],
  ])("is sent again once as plain text when Telegram says %s", async (_name, description) => {
    const { api } = await suite.start();
    api.fail("sendMessage", { error_code: 400, description }, 1);
    const chat = privateChat(alice);
    const question = api.sendText(chat, alice, QUESTION);
    const reply = await api.botMessage(chat.id);
    expect(reply.html).toBeUndefined(); // plain text
    expect(reply.text).toContain(EXPECTED_QUOTE);
    expect(reply.text).toContain("Quellen");
    expect(reply.text).not.toContain("<b>");
    expect(reply.reply_to_message?.message_id).toBe(question.message_id);
    expect(reply.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["[1] Quelle öffnen"]);
    await api.consumed();
    expect(api.botMessages(chat.id).map((m) => m.text)).not.toContainEqual(expect.stringContaining("Entschuldigung"));
    expect(api.callsOf("sendMessage")).toHaveLength(2);
  });
});
