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

  it("lets the words only one language's dictionary knows decide when the function words are alike", () => {
    const english = new Set(["anyone", "hurt", "tokajew"]);
    const german = new Set(["kostet", "brücke", "tokajew"]);
    const knows = { english: (w: string) => english.has(w.toLowerCase()), german: (w: string) => german.has(w.toLowerCase()) };
    // "Was" is a German question word and an English verb.
    expect(detectLanguage("Was anyone hurt?")).toBe("de");
    expect(detectLanguage("Was anyone hurt?", knows)).toBe("en");
    expect(detectLanguage("Was kostet die Brücke?", knows)).toBe("de");
    // A word both know, or neither, leaves the tie to German.
    expect(detectLanguage("Tokajew?", knows)).toBe("de");
    // Clear function words are not overruled.
    expect(detectLanguage("Wer ist der Anyone?", knows)).toBe("de");
  });
});
