import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alice, privateChat, realPipeline, startHarness, type Harness } from "./harness.js";

// Sends that Telegram refuses for their text (issue 10, item 6): the answer still arrives, as plain
// text, instead of "Entschuldigung…". The pipeline is real; the refusals are injected by the server.

const QUESTION = "Wie lange soll die Rückverlegung der Soldaten dauern?";
const EXPECTED_QUOTE = "Die Rückverlegung der Soldaten aus Russland, Belarus, Armenien, Tadschikistan und Kirgistan soll zehn Tage dauern.";

let real: Awaited<ReturnType<typeof realPipeline>>;
let harness: Harness | undefined;

beforeAll(async () => {
  real = await realPipeline();
});
afterAll(async () => {
  await real.cleanup();
});
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("a refused HTML send", () => {
  it.each([
    ["can't parse entities", "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 12"],
    ["message is too long", "Bad Request: message is too long"],
  ])("is sent again once as plain text when Telegram says %s", async (_name, description) => {
    harness = await startHarness({ ask: real.pipeline.ask, library: real.library });
    const { api } = harness;
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
