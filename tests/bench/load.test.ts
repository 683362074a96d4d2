import { describe, expect, it } from "vitest";
import type { PushedQuestion, SentMessage } from "../../src/bench/bot-api.js";
import { checkDelivery } from "../../src/bench/load.js";

const question = (updateId: number, chatId: number, messageId: number): PushedQuestion => ({ updateId, chatId, messageId, text: "?", at: 0 });
const reply = (replyTo: number | undefined, at: number, method = "sendMessage"): SentMessage => ({
  method,
  chatId: 1,
  messageId: 1000 + at,
  text: "answer",
  replyTo,
  at,
});

describe("checkDelivery", () => {
  it("counts answered, lost and duplicated questions by the message they reply to", () => {
    const questions = [question(1, 10, 100), question(2, 11, 101), question(3, 12, 102)];
    const sent = [reply(100, 5), reply(101, 6), reply(101, 7), reply(undefined, 8), reply(102, 9, "editMessageText")];
    expect(checkDelivery(questions, sent)).toEqual({ questions: 3, answered: 2, lost: 1, duplicated: 1, outOfOrder: 0 });
  });

  it("notices a chat whose second question was answered before its first", () => {
    const questions = [question(1, 10, 100), question(2, 10, 101), question(3, 11, 102), question(4, 11, 103)];
    const sent = [reply(101, 1), reply(100, 2), reply(102, 3), reply(103, 4)];
    expect(checkDelivery(questions, sent).outOfOrder).toBe(1);
  });

  it("is clean when every question has exactly one reply", () => {
    const questions = [question(1, 10, 100), question(2, 11, 101)];
    expect(checkDelivery(questions, [reply(100, 1), reply(101, 2)])).toEqual({
      questions: 2,
      answered: 2,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
    });
  });
});
