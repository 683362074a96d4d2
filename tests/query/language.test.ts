import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/query/language.js";

describe("detectLanguage", () => {
  it.each([
    ["Wer ist der Präsident Kasachstans?", "de"],
    ["Wie viele Verletzte gab es bei den Unruhen?", "de"],
    ["Nach wie langer Zeit wurde der Einsatz beendet?", "de"],
    ["und wann sind sie abgezogen?", "de"],
    ["Who is the president of Kazakhstan?", "en"],
    ["How did experts view the deployment?", "en"],
    ["What currency is used in Kazakhstan?", "en"],
    ["Where does Kazakhstan rank among the largest countries on earth?", "en"],
  ] as const)("%s → %s", (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });

  it("prefers German, the corpus language, when there is no cue", () => {
    expect(detectLanguage("Tokajew?")).toBe("de");
    expect(detectLanguage("")).toBe("de");
  });
});
