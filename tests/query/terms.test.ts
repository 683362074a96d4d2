import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { contentWords } from "../../src/query/terms.js";

describe("contentWords", () => {
  const words = (question: string, language: "de" | "en" = "de") => contentWords(question, language, analyze);

  it("reads a word that opens the question as it is written where it comes again inside it", () => {
    const [town] = words("Ebersfelden und Lindenhorst setzen beide auf E-Autos. Wo stehen die Wagen in Ebersfelden?");
    // After "in" it is a place's name, no subject noun (see BARE_PREPOSITIONS), but capitalised inside.
    expect(town).toMatchObject({ word: "Ebersfelden", capitalised: true, noun: false });
    expect(words("Ebersfelden setzt auf E-Autos.")[0]).toMatchObject({ word: "Ebersfelden", capitalised: false });
    expect(words("Wohnungen gibt es zu wenige. Wie viele Wohnungen fehlen in Kourou?")[0]).toMatchObject({ word: "Wohnungen", capitalised: true, noun: true });
    expect(words("Kessingen and Tannweiler both have one. Who sued in Kessingen?", "en")[0]).toMatchObject({ word: "Kessingen", name: true, capitalised: true });
  });

  it("keeps an English question's words that are German function words: die, war, man, hat", () => {
    expect(words("When did the war end?", "en").map((t) => t.word)).toEqual(["war", "end"]);
    expect(words("In which year did the composer die?", "en").map((t) => t.word)).toEqual(["year", "composer", "die"]);
    expect(words("What did the man in the hat say?", "en").map((t) => t.word)).toEqual(["man", "hat"]);
    // In a German question they are the article and the auxiliaries they are.
    expect(words("Wann war die Wahl?").map((t) => t.word)).toEqual(["Wahl"]);
  });

  it("marks the attribute that says which one of a noun is meant, not a count's or a frame's", () => {
    const specifiers = (q: string, language: "de" | "en" = "de") => words(q, language).filter((t) => t.specifier).map((t) => t.word);
    expect(specifiers("Wie hoch ist der Schaden des Streiks für die Betreiber?")).toEqual(["Streiks"]);
    expect(specifiers("Wie heißt die Firma von dem verurteilten Unternehmer?")).toEqual(["Unternehmer"]);
    expect(specifiers("Who is the lawyer of the museum thieves?", "en")).toEqual(["museum", "thieves"]);
    expect(specifiers("Wie heißt der Bürgermeister?")).toEqual([]);
    expect(specifiers("How many of them lost their jobs?", "en")).toEqual([]);
    expect(specifiers("Over what period of time?", "en")).toEqual([]);
    // A name ends the attribute; the word after it is the clause's verb.
    expect(specifiers("Which party does the mayor of Lindau belong to?", "en")).toEqual(["Lindau"]);
  });

  it("drops every preposition, a closed class that says where or how, not what", () => {
    expect(words("When do the walks through the forest start?", "en").map((t) => t.word)).toEqual(["walks", "forest", "start"]);
    expect(words("Who lives across the river, opposite the school?", "en").map((t) => t.word)).toEqual(["lives", "river", "school"]);
    expect(words("Wer wohnt gegenüber der Schule entlang des Flusses?").map((t) => t.word)).toEqual(["wohnt", "Schule", "Flusses"]);
  });

  it("drops the forms of \"all\", which say how much of something, not what", () => {
    expect(words("Wen suchen die vor allem?").map((t) => t.word)).toEqual(["suchen"]);
    expect(words("Sind alle Schulen geschlossen?").map((t) => t.word)).toEqual(["Schulen", "geschlossen"]);
  });

  it("drops every form of the possessives, of \"kein\" and of \"jener\", which say whose or which, not what", () => {
    expect(words("Wo spielen die Kinder, solange ihrer Halle das Dach fehlt?").map((t) => t.word)).toEqual(["spielen", "Kinder", "Halle", "Dach", "fehlt"]);
    expect(words("Wer half ihnen trotz seines Alters und keines Geldes an jenem Tag?").map((t) => t.word)).toEqual(["half", "Alters", "Geldes", "Tag"]);
    expect(words("Did the mayor blame herself or themselves for the flood?", "en").map((t) => t.word)).toEqual(["mayor", "blame", "flood"]);
  });

  it("drops the frame of a which-kind question, keeping its noun", () => {
    expect(words("What kind of farm is it?", "en").map((t) => t.word)).toEqual(["farm"]);
    expect(words("Welche Art von Halle soll entstehen?").map((t) => t.word)).toEqual(["Halle", "entstehen"]);
  });

  it("marks a noun after a definite article or a demonstrative as definite, after an indefinite one not", () => {
    const terms = words("Warum ist ihr die Firma so wichtig, und muss sie eine Geldstrafe zahlen?");
    expect(terms.find((t) => t.word === "Firma")?.definite).toBe(true);
    expect(terms.find((t) => t.word === "Geldstrafe")?.definite).toBe(false);
    expect(words("Why is this company so important?", "en").find((t) => t.word === "company")?.definite).toBe(true);
    // Past the adjectives between them, as German grammar puts them.
    expect(words("Was kostet er im laufenden Betrieb?").find((t) => t.word === "Betrieb")?.definite).toBe(true);
    expect(words("Zahlt sie eine hohe Geldstrafe?").find((t) => t.word === "Geldstrafe")?.definite).toBe(false);
  });

  it("marks the capitalised words inside a German question as nouns, not the first word or frame nouns", () => {
    const terms = words("Fähren fuhren wegen des Nebels nicht, aus welchem Grund genau?");
    expect(terms.find((t) => t.word === "Fähren")?.noun).toBe(false);
    expect(terms.find((t) => t.word === "Nebels")?.noun).toBe(true);
    expect(terms.find((t) => t.word === "Grund")?.noun).toBe(false);
    expect(terms.find((t) => t.word === "fuhren")?.noun).toBe(false);
  });

  it("does not take a bare noun after a preposition for the subject: it is an idiom or a place", () => {
    const terms = words("Wie viele Gäste blieben an Deck, als der Sturm kam?");
    expect(terms.find((t) => t.word === "Deck")?.noun).toBe(false);
    expect(terms.find((t) => t.word === "Sturm")?.noun).toBe(true);
    expect(words("Wie lange blieb die Brücke im Bau?").find((t) => t.word === "Bau")?.noun).toBe(true);
  });

  it("reads English 'going to' before a verb as the future, not as going anywhere", () => {
    expect(words("Who is going to kill the birds?", "en").map((t) => t.word)).toEqual(["kill", "birds"]);
    expect(words("Who is gonna pay?", "en").map((t) => t.word)).toEqual(["pay"]);
    expect(words("Where is the ferry going?", "en").map((t) => t.word)).toEqual(["ferry", "going"]);
  });

  it("reads an English contraction as the auxiliary or pronoun it is, not as a word ('don't', 'they're')", () => {
    expect(words("Why don't they just fix the old bridge?", "en").map((t) => t.word)).toEqual(["fix", "old", "bridge"]);
    expect(words("Who couldn't fly?", "en").map((t) => t.word)).toEqual(words("Who could not fly?", "en").map((t) => t.word));
    expect(words("Where're they going?", "en").map((t) => t.word)).toEqual(["going"]);
  });

  it("drops the pronouns a chat user asks with: first and second person, possessives too", () => {
    expect(words("Kriege ich mein Geld für die Tickets zurück?").map((t) => t.word)).toEqual(["Kriege", "Geld", "Tickets", "zurück"]);
    expect(words("Was kann uns passieren, wenn wir euch helfen?").map((t) => t.word)).toEqual(["passieren", "helfen"]);
    expect(words("Can I get my money back, or will they send us a voucher?", "en").map((t) => t.word)).toEqual(["get", "money", "back", "send", "voucher"]);
  });

  it("leaves English questions to the name rule", () => {
    const terms = words("Did the ferry stop in Lisbon?", "en");
    expect(terms.find((t) => t.word === "Lisbon")).toMatchObject({ name: true, noun: false });
  });

  it("takes a word with a capital inside it for a brand's name, wherever it stands and in either language", () => {
    expect(words("How much does a new iPhone cost?", "en").find((t) => t.word === "iPhone")).toMatchObject({ name: true });
    expect(words("Was kostet ein neues iPhone?").find((t) => t.word === "iPhone")).toMatchObject({ name: true });
    expect(words("Wann wurde eBay gegründet?").find((t) => t.word === "eBay")).toMatchObject({ name: true });
    // A German noun is capitalised at its start only: no name for that.
    expect(words("Was kostet ein neues Telefon?").find((t) => t.word === "Telefon")?.name).toBe(false);
  });

  it("drops pronominal question words and weighs generic nouns for people lightly", () => {
    const terms = words("Wogegen demonstrierten die Leute?");
    expect(terms.map((t) => t.word)).toEqual(["demonstrierten", "Leute"]);
    expect(terms[1]?.weight).toBeLessThan(terms[0]?.weight ?? 0);
    // Their inflected forms too: "den Leuten" is nobody the answer must name.
    const dative = words("Was hat er den Leuten versprochen?");
    expect(dative.find((t) => t.word === "Leuten")).toMatchObject({ weight: terms[1]?.weight, noun: false });
  });

  it("drops the auxiliaries in any form: they carry tense, not content", () => {
    expect(words("Warum ist das Projekt so teuer geworden?").map((t) => t.word)).toEqual(["Projekt", "teuer"]);
    expect(words("Wo wären die Gäste gewesen, hätte es geregnet?").map((t) => t.word)).toEqual(["Gäste", "geregnet"]);
  });

  it("drops subordinating conjunctions and weighs every form of a light verb lightly", () => {
    expect(words("Warum blieb die Schule zu, obwohl es nicht schneite?").map((t) => t.word)).toEqual(["blieb", "Schule", "schneite"]);
    expect(words("Why was the road closed, although it was dry?", "en").map((t) => t.word)).toEqual(["road", "closed", "dry"]);
    const came = words("Wie kam der Bürgermeister ins Amt?");
    expect(came.find((t) => t.word === "kam")?.weight).toBeLessThan(came.find((t) => t.word === "Amt")?.weight ?? 0);
    // "liegen" says where, as "stehen" does: the answer need not repeat it.
    const lay = words("Wie viele Patienten lagen auf der Intensivstation?");
    expect(lay.find((t) => t.word === "lagen")?.weight).toBeLessThan(lay.find((t) => t.word === "Patienten")?.weight ?? 0);
  });

  it("drops modal verbs in any form: they say how, not what", () => {
    expect(words("Warum mussten die Bewohner das Dorf verlassen?").map((t) => t.word)).toEqual(["Bewohner", "Dorf", "verlassen"]);
    expect(words("Wodurch konnten die Ermittler den Fall lösen?").map((t) => t.word)).toEqual(["Ermittler", "Fall", "lösen"]);
    expect(words("Was möchten die Anwohner, und was dürften sie bekommen?").map((t) => t.word)).toEqual(["Anwohner", "bekommen"]);
  });

  it("leaves the verb of a question for a name to the question word", () => {
    expect(words("Wie heißt die Bürgermeisterin der Stadt?").map((t) => t.word)).toEqual(["Bürgermeisterin", "Stadt"]);
  });

  it("leaves the adjective of a measure question to the question word", () => {
    expect(words("Wie hoch ist der Schaden?").map((t) => t.word)).toEqual(["Schaden"]);
    expect(words("How far is the station?", "en").map((t) => t.word)).toEqual(["station"]);
  });
});
