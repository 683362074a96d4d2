import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { asksAboutTheBot, asksAboutTheSources, framing, intentOf, saysLanguage, withoutFraming } from "../../src/query/framing.js";

describe("framing", () => {
  it("leaves out courtesies, announcements and references to the sources around what is asked", () => {
    expect(withoutFraming("Hallo zusammen! Kurze Frage: Wann öffnet das Hallenbad? Danke!")).toBe("Wann öffnet das Hallenbad?");
    expect(withoutFraming("ok wer baut die Halle, bitte?")).toBe("wer baut die Halle?");
    expect(withoutFraming("How tall is the tower, according to the articles? 🤔")).toBe("How tall is the tower?");
  });

  it("keeps a message that asks nothing besides its courtesies as the small talk it is", () => {
    expect(withoutFraming("Hmm, danke, das hilft.")).toBe("danke, das hilft.");
    expect(withoutFraming("Hallo Bot!")).toBe("Hallo Bot!");
  });

  it("takes a hesitation for one only when it is set off or drawn out, not the preposition 'um'", () => {
    expect(withoutFraming("Um wie viel Uhr beginnt das Konzert?")).toBe("Um wie viel Uhr beginnt das Konzert?");
    expect(withoutFraming("Um welche Summe geht es?")).toBe("Um welche Summe geht es?");
    expect(withoutFraming("Um, when does the concert start?")).toBe("when does the concert start?");
    expect(withoutFraming("Ummm wann beginnt das Konzert?")).toBe("wann beginnt das Konzert?");
    expect(withoutFraming("Ähm wann beginnt das Konzert?")).toBe("wann beginnt das Konzert?");
  });

  it("says what the framing words say: a new topic, a request for an overview, the sources named", () => {
    expect(framing("Themenwechsel: Wer leitet den Verein?")).toMatchObject({ question: "Wer leitet den Verein?", newTopic: true, overview: false });
    expect(framing("Was weißt du über den Turm?")).toMatchObject({ question: "über den Turm?", overview: true });
    expect(framing("Was ist mit der Bibliothek los?")).toMatchObject({ question: "mit der Bibliothek", overview: true });
    expect(framing("Back to the library: when does it open?")).toMatchObject({ question: "the library: when does it open?", newTopic: true });
    expect(framing("Worum geht es in den Artikeln?").sourcesNamed).toBe(true);
    expect(framing("Weißt du, wann der Bus fährt?")).toMatchObject({ question: "wann der Bus fährt?", overview: false, newTopic: false });
  });
});

describe("intentOf", () => {
  it("tells greetings, thanks and messages without words from questions", () => {
    expect(intentOf("Hallo Bot!", "de", analyze)).toBe("greeting");
    expect(intentOf("Ok, danke dir", "de", analyze)).toBe("thanks");
    expect(intentOf("🙂 :)", "de", analyze)).toBe("empty");
    expect(intentOf("Hallo, wer leitet den Verein?", "de", analyze)).toBe("question");
  });

  it("takes thanks or a goodbye that ends a message of one other word for what it is, however that word is typed", () => {
    expect(intentOf("Supr, danke!", "de", analyze)).toBe("thanks");
    expect(intentOf("Chers, thanks!", "en", analyze)).toBe("thanks");
    expect(intentOf("Alles kar, tschüss!", "de", analyze)).toBe("greeting");
    // A question stays one, with or without its question mark.
    expect(intentOf("Wer leitet den Verein? Danke!", "de", analyze)).toBe("question");
    expect(intentOf("Was kostet das Ticket nach Kiel, danke", "de", analyze)).toBe("question");
  });
});

describe("requests about the sources or the bot", () => {
  it("reads open words as a request for an overview only when told they may be one", () => {
    expect(asksAboutTheSources("Welche Themen kennst du?", false)).toBe(true);
    expect(asksAboutTheSources("Worum geht es?", true)).toBe(true);
    expect(asksAboutTheSources("Worum geht es?", false)).toBe(false);
    expect(asksAboutTheSources("Wann fährt der Bus?", true)).toBe(false);
  });

  it("knows a question about the bot, and which greetings say their language", () => {
    expect(asksAboutTheBot("Was kannst du?")).toBe(true);
    expect(asksAboutTheBot("Was kann der Verein?")).toBe(false);
    expect(saysLanguage("Danke!")).toBe(true);
    expect(saysLanguage("Hi 👋")).toBe(false);
  });
});
