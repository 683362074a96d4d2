import { describe, expect, it } from "vitest";
import { cleanQuestion, coordinatedQuestions, questionsIn } from "../../src/query/question.js";

describe("cleanQuestion", () => {
  it("writes typographic apostrophes as the plain one, as every keyboard's \"What's\" is the same question", () => {
    expect(cleanQuestion("What’s new? Wer hat‘s gesagt? Whoʼs there?", 1000).text).toBe("What's new? Wer hat's gesagt? Who's there?");
  });

  it("writes the old one-word spelling \"wieviel\" as two words, as the question words are", () => {
    expect(cleanQuestion("Wieviele Gäste kamen, und wieviel kostete es? Wievielen half man?", 1000).text).toBe(
      "Wie viele Gäste kamen, und wie viel kostete es? Wie vielen half man?",
    );
    expect(cleanQuestion("Die Wievielte war sie?", 1000).text).toBe("Die Wievielte war sie?");
  });

  it("writes a message typed in capitals only in lower case, which understanding reads as typed so", () => {
    expect(cleanQuestion("WIE VIELE GÄSTE KAMEN?", 1000).text).toBe("wie viele gäste kamen?");
    // An acronym alone, or among lower-case words, is as written.
    expect(cleanQuestion("NATO?", 1000).text).toBe("NATO?");
    expect(cleanQuestion("Was will die NATO?", 1000).text).toBe("Was will die NATO?");
  });

  it("ends each line of a message that asks on several lines with a question mark, where a question word opens it", () => {
    expect(cleanQuestion("wann kam das schiff an\nwoher kam es", 1000).text).toBe("wann kam das schiff an? woher kam es?");
    // One line, or lines that are no questions, are as written.
    expect(cleanQuestion("wann kam das schiff an", 1000).text).toBe("wann kam das schiff an");
    expect(cleanQuestion("Das Schiff\nkam an. Wann", 1000).text).toBe("Das Schiff kam an. Wann");
  });

  it("strips HTML tags, scripts and entities", () => {
    expect(cleanQuestion('<b>Wer</b> ist <script>alert("x")</script>&quot;Tokajew&quot;?', 1000)).toEqual({
      text: 'Wer ist "Tokajew"?',
      truncated: false,
    });
  });

  it("removes control characters and collapses whitespace", () => {
    expect(cleanQuestion("Wie\u0000 viele\n\n\tVerletzte\u200b?", 1000).text).toBe("Wie viele Verletzte ?");
  });

  it("caps huge input at a word boundary and says so", () => {
    const result = cleanQuestion("Verletzte ".repeat(100_000), 1000);
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.text.endsWith("Verletzte")).toBe(true);
  });

  it("leaves nothing of a question made only of markup", () => {
    expect(cleanQuestion("<p><br/></p>", 1000).text).toBe("");
  });
});

describe("questionsIn", () => {
  it("splits a message into the questions it asks, each with what stands before it and after the last", () => {
    expect(questionsIn("Wann kam das Schiff an? Woraus bestand die Ladung?")).toEqual(["Wann kam das Schiff an?", "Woraus bestand die Ladung?"]);
    expect(questionsIn("Hallo! Wann kam das Schiff an?? Und woher? Danke!")).toEqual(["Hallo! Wann kam das Schiff an??", "Und woher? Danke!"]);
  });

  it("keeps a message with one question, or none, whole", () => {
    expect(questionsIn("Ich habe den Artikel gelesen. Wann kam das Schiff an?")).toEqual(["Ich habe den Artikel gelesen. Wann kam das Schiff an?"]);
    expect(questionsIn("Erzähl mir vom Hafen.")).toEqual(["Erzähl mir vom Hafen."]);
    expect(questionsIn("?? ?")).toEqual(["?? ?"]);
    expect(questionsIn(cleanQuestion("wann kam das schiff an\nwoher kam es", 1000).text)).toEqual(["wann kam das schiff an?", "woher kam es?"]);
  });

  it("keeps a question without a word of its own with the one before, which it says more of", () => {
    const hasContent = (q: string) => /\p{L}{5,}/u.test(q.replace(/wie viel|wann|und/giu, ""));
    expect(questionsIn("Zahlt das Land etwas dazu? Wie viel?", hasContent)).toEqual(["Zahlt das Land etwas dazu? Wie viel?"]);
    expect(questionsIn("Zahlt das Land etwas dazu? Und wann kommt das Geld?", hasContent)).toEqual(["Zahlt das Land etwas dazu?", "Und wann kommt das Geld?"]);
  });

  it("ends the first of two questions joined by 'und' or 'and' before a question word, not one that asks two things at once", () => {
    expect(coordinatedQuestions("Wann öffnet das Bad und wer bezahlt den Umbau?")).toBe("Wann öffnet das Bad? Und wer bezahlt den Umbau?");
    expect(coordinatedQuestions("Who runs the bakery, and how many people work there?")).toBe("Who runs the bakery? And how many people work there?");
    expect(coordinatedQuestions("Wann und wo wird weiterverhandelt?")).toBe("Wann und wo wird weiterverhandelt?");
    expect(coordinatedQuestions("Wer hat gesagt, dass der Bau so teuer wird wie geplant?")).toBe("Wer hat gesagt, dass der Bau so teuer wird wie geplant?");
    expect(coordinatedQuestions("Der Bau und wer ihn plant.")).toBe("Der Bau und wer ihn plant.");
  });

  it("asks at most a few questions of one message, the rest with the last", () => {
    const many = questionsIn("Wer? Wann? Wo? Warum? Wie?");
    expect(many).toEqual(["Wer?", "Wann?", "Wo? Warum? Wie?"]);
  });
});
