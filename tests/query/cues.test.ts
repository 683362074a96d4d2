import { describe, expect, it } from "vitest";
import { answerType, asksForLeader, isAttributedQuote, asksHowMany, asksPersonName, asksPlannedTime, boundAsked, countedByNumbers, contradictsPeriod, countedWords, countsBack, countsSomething, isOrganizationKind, isUnitWord, measuresOnly, isPlaceKind, measureNouns, namesReason, periodFor, questionFocus, quotedTitles, saysBound, sentenceFeatures, speaksOfPlan, surnamesIn, unitFor } from "../../src/query/cues.js";

describe("answerType", () => {
  it.each([
    ["Wie viele Verletzte gab es?", "number"],
    ["How many people were arrested?", "number"],
    // A quantity asked for by its noun: a rise, a level, a length, a number to call.
    ["Welchen Höchststand erreichte der Pegel?", "number"],
    ["Welche Lohnerhöhung verlangt die Gewerkschaft?", "number"],
    ["Unter welcher Telefonnummer kann man sich melden?", "number"],
    ["What turnout did the poll show?", "number"],
    // Hours of the day asked for as "Uhrzeiten" are; "which" after any preposition asks ("during which", "under which").
    ["During which hours is the helicopter ready to fly?", "time"],
    ["What hours does the bus run on weekdays?", "time"],
    ["Zu welchen Uhrzeiten darf man gießen?", "time"],
    ["Under which law was the plant approved?", null],
    ["How many hours did the strike last?", "duration"],
    // A role in the feminine asks for a person as the masculine does.
    ["Welche Politikerin ist für die Straßen zuständig?", "person"],
    ["Welche Sprecherin hat sich geäußert?", "person"],
    // A cause asked for by what it did.
    ["What caused the flood?", "reason"],
    // An adverb may stand between the question word and its verb.
    ["What probably caused the power cut at the mill?", "reason"],
    ["What actually led to the delay?", "reason"],
    ["What weather situation was behind the days of non-stop rain?", "reason"],
    ["Was steckt hinter dem Streik?", "reason"],
    ["Was war der Auslöser?", "reason"],
    ["Was hat zu dem Unfall geführt?", "reason"],
    // The first question word asks; a later one opens a clause of its own.
    ["How old was the driver who was hurt when a tree came down on his car?", "number"],
    ["Who was in charge when the fire broke out?", "person"],
    ["Why was the road closed where the accident happened?", "reason"],
    ["Wann und wo wird weiterverhandelt?", "time"],
    ["Nach wie langer Zeit wurde der Einsatz beendet?", "duration"],
    ["Wie lange dauert der Abzug?", "duration"],
    ["How long will the withdrawal take?", "duration"],
    ["Wer ist der Präsident?", "person"],
    ["Wen haben die Behörden festgenommen?", "person"],
    ["Who thanked Putin?", "person"],
    ["Wann begannen die Proteste?", "time"],
    ["Where does Kazakhstan rank among the largest countries?", "ordinal"],
    ["An welches Land grenzt Kasachstan?", "place"],
    ["Welche Organisation hat die Truppen geschickt?", "organization"],
    ["What role does Dmitry Peskov have?", "role"],
    ["Warum gab es Proteste?", "reason"],
    ["Wie groß ist das Land?", "number"],
    ["Wie oft fährt der Bus?", "frequency"],
    ["How often do the trains run?", "frequency"],
    ["Wie heißt der Präsident?", "name"],
    ["What is the name of the missing man?", "name"],
    ["What's the captain's name?", "name"],
    // A which-question for a day, a date or a point of the calendar, after any preposition.
    ["Ab welchem Datum gilt der neue Tarif?", "time"],
    ["Bis zu welchem Tag kann man sich anmelden?", "time"],
    ["Zu welchem Zeitpunkt schloss das Tor?", "time"],
    ["Seit welchem Jahr gibt es den Chor?", "time"],
    ["An welchen Tagen hat die Kantine geöffnet?", "time"],
    ["On which day did the gallery open?", "time"],
    ["At what times may lorries use the lane?", "time"],
    ["Für welchen Zeitraum gilt der Vertrag?", "duration"],
    ["Mit welcher Laufzeit?", "duration"],
    ["Over what period of time?", "duration"],
    // A contracted "is", with a straight or a typographic apostrophe (phones type the latter).
    ["What's the reason for the delay?", "reason"],
    ["What's behind the closure?", "reason"],
    ["What’s the name of the mayor?", "name"],
    ["Where’s the new plant?", "place"],
    // A quantity or a sum named after "what is the …".
    ["What is the total investment in the new harbour?", "number"],
    ["What was the budget for the regatta?", "number"],
    ["What is the overall share of the harbour board?", "number"],
  ] as const)("%s → %s", (question, type) => {
    expect(answerType(question)).toBe(type);
  });

  it.each([
    "Aus welchen Ländern kamen die Gäste?",
    "Welche Staaten unterzeichneten den Vertrag?",
    "In welchen Städten wurde gestreikt?",
    "Welche Bundesländer sind betroffen?",
    "In welcher Region liegt das Dorf?",
    "An welchen Orten brannte es?",
    "Which countries signed the treaty?",
    "What cities were hit by the storm?",
  ])("asks for places when its category noun names places: %s", (question) => {
    expect(answerType(question)).toBe("place");
  });

  it("asks for a person when a which-question names a role, and reads the role as what must be named", () => {
    expect(answerType("Which judge presided over the trial?")).toBe("person");
    expect(answerType("Welche neue Bürgermeisterin wurde gewählt?")).toBe("person");
    // A compound names what its head names: a "Baufirma" is a firm, a "Polizeisprecher" a person.
    expect(answerType("Welche Baufirma baut die neue Schule?")).toBe("organization");
    expect(answerType("Welche große Umweltorganisation klagt?")).toBe("organization");
    // The kinds of organisation are a closed class: institutes, offices, clubs, foundations, charities.
    expect(answerType("Welches Ingenieurbüro hat den Entwurf gezeichnet?")).toBe("organization");
    expect(answerType("Von welchem Forschungsinstitut stammt die Studie?")).toBe("organization");
    expect(answerType("Which building firm got the contract?")).toBe("organization");
    expect(answerType("What charity runs the shelter?")).toBe("organization");
    expect(answerType("Welcher Polizeisprecher äußerte sich?")).toBe("person");
    expect(questionFocus("Welche Richterin leitete den Prozess?")).toEqual({ word: "richterin", kind: "role" });
    expect(questionFocus("Welche Städte waren betroffen?")).toEqual({ word: "städte", kind: "category" });
    // A question for a name asks for the holder of the role it names.
    expect(questionFocus("Wie heißt der neue Landwirt?")).toEqual({ word: "landwirt", kind: "role" });
    // A modal particle may stand before the article, as people write in a chat.
    expect(questionFocus("Wie heißt eigentlich der Richter?")).toEqual({ word: "richter", kind: "role" });
    expect(questionFocus("Wie heißt denn die Bürgermeisterin?")).toEqual({ word: "bürgermeisterin", kind: "role" });
    expect(questionFocus("What is the name of the mayor?")).toEqual({ word: "mayor", kind: "role" });
    // So does "who is the X": its holder, named where the role is.
    expect(questionFocus("Who is the chief engineer of the Lindenau ferry?")).toEqual({ word: "engineer", kind: "role" });
    expect(questionFocus("Who's the deputy treasurer?")).toEqual({ word: "treasurer", kind: "role" });
    expect(questionFocus("Wer ist der Kassenwart des Schützenvereins?")).toEqual({ word: "kassenwart", kind: "role" });
    expect(questionFocus("Wer ist eigentlich Vorsitzender im Kleingartenverein?")).toEqual({ word: "vorsitzender", kind: "role" });
    expect(questionFocus("Wer ist der Präsident?")).toEqual({ word: "präsident", kind: "role" });
    // Not a question about someone who did something.
    expect(questionFocus("Wer ist am Samstag bei der Rallye mitgefahren?")).toBeNull();
    expect(questionFocus("Who is responsible for the delay?")).toBeNull();
    // "Wie viel" and a verb ask for a sum, not a count of the subject after the verb; an adjective after "viele" ends otherwise.
    expect(questionFocus("Wie viel zahlen Mieter am Hafen künftig?")).toBeNull();
    // So does "gibt" or "gab" right after it: its subject follows ("die Bank"); after the noun, "gibt es" counts that noun.
    expect(questionFocus("Und wie viel gibt die Bank dazu?")).toBeNull();
    expect(questionFocus("Wie viel gab die Stadt für das Fest aus?")).toBeNull();
    expect(questionFocus("Wie viele Einwohner gibt es?")).toEqual({ word: "einwohner", kind: "counted" });
    // "How much of" a whole asks a part of it, a sum or a share that need not name the whole; "how many of" counts its members.
    expect(questionFocus("And how much of the price did the state cover?")).toBeNull();
    expect(questionFocus("Wie viel von den Kosten trägt das Land?")).toBeNull();
    expect(questionFocus("How many of the buses were late?")).toEqual({ word: "buses", kind: "counted" });
    expect(questionFocus("Wie viele neue Stellen entstehen am Hafen?")).toEqual({ word: "stellen", kind: "counted" });
    expect(questionFocus("Mit wie vielen neuen Bussen fährt die Linie?")).toEqual({ word: "bussen", kind: "counted" });
    // Of someone's role: "the ship's captain" is a captain.
    expect(questionFocus("What is the name of the old ship's captain?")).toEqual({ word: "captain", kind: "role" });
    // With the possessive, as a chat says it.
    expect(questionFocus("What's the captain's name?")).toEqual({ word: "captain", kind: "role" });
    expect(questionFocus("Wie heißt er?")).toBeNull();
    // A price is asked of a thing: the first noun after the article, adjectives and particles before it.
    expect(questionFocus("Wie viel kostet eine Jahreskarte für Erwachsene?")).toEqual({ word: "jahreskarte", kind: "priced" });
    expect(questionFocus("Was kosten denn die neuen Kleinbusse?")).toEqual({ word: "kleinbusse", kind: "priced" });
    expect(questionFocus("Wie teuer wird die neue Brücke?")).toEqual({ word: "brücke", kind: "priced" });
    expect(questionFocus("How much does a single rescue flight from the base cost?")).toEqual({ word: "flight", kind: "priced" });
    expect(questionFocus("How much is a monthly pass?")).toEqual({ word: "pass", kind: "priced" });
    expect(questionFocus("What does the new ferry cost?")).toEqual({ word: "ferry", kind: "priced" });
    // A modifier with a digit ("3D", "e-cargo") and up to three words before the thing.
    expect(questionFocus("How much did the 3D printer for the club cost?")).toEqual({ word: "printer", kind: "priced" });
    expect(questionFocus("How much will the two new daycare centres cost to build?")).toEqual({ word: "centres", kind: "priced" });
    // Not a price of a thing named: a sum paid, or what something is.
    expect(questionFocus("How much did the town pay for it?")).toBeNull();
    expect(questionFocus("What is the name of the new ferry?")).toEqual({ word: "ferry", kind: "role" });
    expect(questionFocus("What does the mayor want?")).toBeNull();
    // People in general are counted by any noun; the word after them is no focus.
    expect(questionFocus("How many people live there?")).toEqual({ word: "people", kind: "people" });
    expect(questionFocus("Wie viele Menschen arbeiten dort?")).toEqual({ word: "menschen", kind: "people" });
    expect(questionFocus("Wie vielen Leuten wurde gekündigt?")).toEqual({ word: "leuten", kind: "people" });
    // So are people named by what they do, in a compound on "-leute" or "-kräfte".
    expect(questionFocus("Wie viele Rettungskräfte halfen?")).toEqual({ word: "rettungskräfte", kind: "people" });
    expect(questionFocus("Wie viele Fachleute prüfen den Bau?")).toEqual({ word: "fachleute", kind: "people" });
    // Not any word that ends so: "Kräfte" alone are forces.
    expect(questionFocus("Wie viele Kräfte wirken?")).toEqual({ word: "kräfte", kind: "counted" });
  });

  it("asks for a statement when a question asks what someone said or how they reacted", () => {
    expect(answerType("Was sagte der Bürgermeister zu dem Unfall?")).toBe("statement");
    expect(answerType("Wie reagierte die Opposition?")).toBe("statement");
    expect(answerType("How did the ministry respond?")).toBe("statement");
    expect(answerType("What did the mayor say about the fire?")).toBe("statement");
    // What someone called a thing is in their words.
    expect(answerType("What did the head of the airport association call the walkout?")).toBe("statement");
    expect(answerType("Wie bezeichnete der Verband den Streik?")).toBe("statement");
    expect(sentenceFeatures("«Wir bleiben hier», sagte die Sprecherin.").types.has("statement")).toBe(true);
    expect(sentenceFeatures("Das Angebot sei zu niedrig.").types.has("statement")).toBe(true);
    // News gives a demand or a warning in the present as often as in the past.
    expect(sentenceFeatures("Die GDL fordert 9,5 Prozent mehr Lohn.").types.has("statement")).toBe(true);
    expect(sentenceFeatures("The union warns of further strikes.").types.has("statement")).toBe(true);
    expect(sentenceFeatures("Die Brücke wurde 1990 gebaut.").types.has("statement")).toBe(false);
  });

  it("asks for a statement when a question asks for someone's argument, concern or demand", () => {
    expect(answerType("What was his argument?")).toBe("statement");
    expect(answerType("What were their main concerns?")).toBe("statement");
    expect(answerType("Was war ihre Sorge?")).toBe("statement");
    expect(answerType("Welche Bedenken hatte der Seniorenbeirat?")).toBe("statement");
    expect(answerType("Which demands did the union make?")).toBe("statement");
    // A cause asked for by its noun stays a reason; a position in a ranking, a role, are no stance.
    expect(answerType("Was war der Grund dafür?")).toBe("reason");
    expect(answerType("What position did the team finish in?")).toBe("ordinal");
    expect(answerType("Welche Position hat sie im Verein?")).toBe("role");
  });

  it("reads a surname the article gave in full as a person where it stands alone, though the dictionary knows the word", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => ["Vogel", "Bürgermeisterin", "Rathaus", "Sitzung", "Vogelschutz"].includes(w) };
    expect(surnamesIn("Das sagte Bürgermeisterin Petra Vogel am Montag.", knows)).toEqual(["petra", "vogel"]);
    // A noun after a noun names nothing of a person's ("Rathaus Vogel" is no full name).
    expect(surnamesIn("Die Sitzung im Rathaus endete.", knows)).toEqual([]);
    const later = "«Wir bauen weiter», sagte Vogel nach der Sitzung.";
    expect(sentenceFeatures(later, knows).types.get("person") ?? []).not.toContain("vogel");
    expect(sentenceFeatures(later, knows, new Set(["vogel"])).types.get("person")).toContain("vogel");
    // After an article the word is the noun it also is.
    expect(sentenceFeatures("Ein Vogel saß auf dem Dach.", knows, new Set(["vogel"])).types.get("person") ?? []).not.toContain("vogel");
  });

  it("reads a clause opened by causal 'da' or 'zumal' as giving a reason, not 'da' for there or then", () => {
    const reason = (s: string) => sentenceFeatures(s).types.has("reason");
    expect(reason("Da der nächste Stützpunkt weit entfernt liegt, dauert es lange.")).toBe(true);
    expect(reason("Die Stadt zahlt nichts, da die Grundsteuer nicht reicht.")).toBe(true);
    expect(reason("Der Bus fährt selten, zumal viele Fahrer fehlen.")).toBe(true);
    // Before its verb, "da" is an adverb of place or time.
    expect(reason("Da kam der Bus um acht Uhr.")).toBe(false);
    expect(reason("Er war da, als die Feuerwehr kam.")).toBe(false);
  });

  it("reads a capitalised word the dictionary lacks right after a number as what the number counts, no person's name", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => ["Feuerwehr", "Sprecher", "Aufnahmen", "Einsätzen"].includes(w) };
    expect(sentenceFeatures("Die Feuerwehr rückte mit 40 Einsatzkräften aus.", knows).types.get("person") ?? []).toEqual([]);
    expect(sentenceFeatures("Rund 350 Ehrenamtliche sichten die Aufnahmen.", knows).types.get("person") ?? []).toEqual([]);
    // A name elsewhere is still a person's.
    expect(sentenceFeatures("Das sagte Sprecher Mirsojew nach 40 Einsätzen.", knows).types.get("person")).toContain("mirsojew");
  });

  it("reads 'im Alter von', 'in Höhe von' before an amount as a measure, no place", () => {
    const knows = { isPlace: () => false, isWord: () => true };
    expect(sentenceFeatures("Die Polizei nahm zwei Männer im Alter von 23 und 31 Jahren fest.", knows).types.get("place") ?? []).toEqual([]);
    expect(sentenceFeatures("Das Land gab eine Förderung in Höhe von rund 610.000 Euro.", knows).types.get("place") ?? []).toEqual([]);
    // A place that a "von" follows is still one.
    expect(sentenceFeatures("Sie trafen sich im Rathaus von Lindtal.", knows).types.get("place")).toContain("rathaus");
  });

  it("reads a word the dictionary lacks after an article as a thing's or a place's name, no person's", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => ["Brücke", "Stadtrat"].includes(w) };
    const features = sentenceFeatures("Der Stadtrat hat den Bau einer neuen Brücke über die Kalde beschlossen.", knows).types;
    expect(features.get("person") ?? []).toEqual([]);
    expect(features.get("name")).toContain("kalde");
  });

  it("reads 'nach' before a common noun as on whose authority ('nach Angaben der Polizei'), before a name as a place", () => {
    const knows = { isPlace: (w: string) => w === "Polen", isWord: (w: string) => ["Angaben", "Polizei", "Schätzung", "Stadt", "Hause", "Polen"].includes(w) };
    expect(sentenceFeatures("Nach Angaben der Polizei wurde niemand verletzt.", knows).types.get("place") ?? []).toEqual([]);
    expect(sentenceFeatures("Der Schaden liegt nach Schätzung der Stadt bei 9.000 Euro.", knows).types.get("place") ?? []).toEqual([]);
    expect(sentenceFeatures("Die Familie fuhr nach Kesselbach.", knows).types.get("place")).toEqual(["kesselbach"]);
    expect(sentenceFeatures("Die Lieferung ging nach Polen.", knows).types.get("place")).toEqual(["polen"]);
    expect(sentenceFeatures("Die Bewohner durften nach Hause.", knows).types.get("place")).toEqual(["hause"]);
  });

  it("reads a span within which something must happen as a deadline: a time as well as a duration", () => {
    const types = (s: string) => sentenceFeatures(s).types;
    expect(types("Gegen die Entscheidung kann innerhalb eines Monats Berufung eingelegt werden.").has("time")).toBe(true);
    expect(types("Gegen die Entscheidung kann innerhalb eines Monats Berufung eingelegt werden.").has("duration")).toBe(true);
    expect(types("Die Anträge müssen binnen drei Tagen gestellt werden.").has("time")).toBe(true);
    expect(types("The appeal must be filed within two weeks.").has("time")).toBe(true);
    // A span alone is how long, no point in time.
    expect(types("Die Verhandlung hatte drei Stunden gedauert.").has("time")).toBe(false);
  });

  it("tells a quotation with its speaker from a sentence that announces or sums up what was said", () => {
    expect(isAttributedQuote("«Wir bleiben bei unserem Plan», sagte der Bürgermeister.")).toBe(true);
    expect(isAttributedQuote("„Das ist ein guter Tag“, rief er.")).toBe(true);
    expect(isAttributedQuote('"We will rebuild it," the engineer said.')).toBe(true);
    expect(isAttributedQuote("Auch der Mieterverein übte Kritik.")).toBe(false);
    expect(isAttributedQuote("Der Plan sei zu teuer, sagte sie.")).toBe(false);
    // A title in quotation marks is no quotation.
    expect(isAttributedQuote("Das Schiff «Seestern» legte am Donnerstag ab.")).toBe(false);
  });

  it("reads a relative 'who' or 'which' as no question word", () => {
    expect(answerType("What did the railway do for people who could not fly?")).toBeNull();
    expect(answerType("And who said that?")).toBe("person");
    expect(answerType("In which year was it built?")).toBe("time");
  });

  it("gives no cue for questions without one", () => {
    expect(answerType("How did experts view the deployment?")).toBeNull();
  });
});

describe("sentenceFeatures of durations", () => {
  it("takes an end ('bis Ende der Woche', 'until Friday') for how long something lasts", () => {
    expect(sentenceFeatures("Die Strecke bleibt bis Ende der Woche gesperrt.").types.has("duration")).toBe(true);
    expect(sentenceFeatures("The road stays closed until Friday.").types.has("duration")).toBe(true);
    expect(sentenceFeatures("Der Zug fuhr bis Leipzig.").types.has("duration")).toBe(false);
  });

  it("takes the span after 'Anfang', 'Ende', 'Mitte' for the time said ('Anfang des Monats')", () => {
    expect(sentenceFeatures("Anfang des Monats gab es zunächst Proteste.").types.get("time")).toEqual(["anfang", "monats"]);
    expect(sentenceFeatures("Die Arbeiten dauern bis Ende der Woche.").types.get("time")).toContain("woche");
    // Not any noun: "am Ende des Tunnels" says where.
    expect(sentenceFeatures("Am Ende des Tunnels stand ein Zug.").types.get("time")).toEqual(["ende"]);
  });

  it("takes an age ('29 Jahre alt', '54 years old') for no duration, and a span of years for one", () => {
    expect(sentenceFeatures("Ihr 29 Jahre alter Sohn war dort angestellt.").types.has("duration")).toBe(false);
    expect(sentenceFeatures("The captain, 54 years old, was questioned.").types.has("duration")).toBe(false);
    expect(sentenceFeatures("Er arbeitete 29 Jahre bei der Firma.").types.get("duration")).toEqual(["jahre"]);
    // The age is still a number.
    expect(sentenceFeatures("Ihr 29 Jahre alter Sohn war dort angestellt.").types.get("number")).toEqual(["29"]);
  });
});

describe("sentenceFeatures of places", () => {
  const knows = { isPlace: () => false, isWord: (w: string) => ["Ort", "Gemeinde", "Bürgermeister", "Fluss", "Zelte"].includes(w) };
  it("takes a name after a noun for a kind of place for that place, not a name after a role", () => {
    expect(sentenceFeatures("Am stärksten getroffen wurde der Ort Quellbrunn am Fluss.", knows).types.get("place")).toContain("quellbrunn");
    expect(sentenceFeatures("Die Gemeinde Rodenbach stellt Zelte auf.", knows).types.get("place")).toContain("rodenbach");
    expect(sentenceFeatures("Das sagte Bürgermeister Jens Tamm.", knows).types.get("place")).toBeUndefined();
  });
});

describe("sentenceFeatures of people", () => {
  const knows = { isPlace: () => false, isWord: (w: string) => ["Landgericht", "Landrat", "Urteil", "Richterin", "Prozess"].includes(w) };
  it("takes a role or an unknown first name before a name for a person, not a noun before a place", () => {
    expect(sentenceFeatures("Das Landgericht Bochum sprach ein Urteil.", knows).types.get("person")).toBeUndefined();
    expect(sentenceFeatures("Der Prozess fand in Bochum statt.", knows).types.get("person")).toBeUndefined();
    expect(sentenceFeatures("Das sagte Landrat Bernd Hülsmann.", knows).types.get("person")).toContain("hülsmann");
    expect(sentenceFeatures("Das sagte Claudia Brenner.", knows).types.get("person")).toContain("brenner");
  });
});

describe("sentenceFeatures", () => {
  const types = (s: string) => [...sentenceFeatures(s).types.keys()];

  it("finds numbers, written or in digits", () => {
    expect(types("Es gab Hunderte Verletzte.")).toContain("number");
    expect(types("Mehr als 10.000 Festnahmen.")).toContain("number");
    expect(types("Die Lage ist ruhig.")).not.toContain("number");
  });

  it("finds a name in a first name and surname or a word no dictionary knows, not in a role noun", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => ["Parteichef", "Staatspräsident", "Woche", "Vorsitzenden", "Stamm"].includes(w) };
    const named = (s: string) => [...sentenceFeatures(s, knows).types.keys()];
    expect(named("Parteichef Rui Batista sprach vor Anhängern.")).toContain("name");
    expect(named("Das sagte Holger Stamm.")).toContain("name");
    expect(named("Der Staatspräsident will in der kommenden Woche die Vorsitzenden empfangen.")).not.toContain("name");
    expect(named("Der Staatspräsident will in der kommenden Woche die Vorsitzenden empfangen.")).toContain("person");
  });

  it("finds how often in a timetable's words, not in a span", () => {
    expect(types("Die Bahnen fahren im Zehn-Minuten-Takt.")).toContain("frequency");
    expect(types("Morgens fährt alle zehn Minuten ein Zug.")).toContain("frequency");
    expect(types("Trains run every ten minutes.")).toContain("frequency");
    expect(types("Die Fahrt dauert zehn Minuten.")).not.toContain("frequency");
  });

  it("finds a point in time in a clock time and in a span after or before something", () => {
    expect(types("Die Sonde hob um 14.32 Uhr ab.")).toContain("time");
    expect(types("The strongest gust was recorded at 3:40 a.m. at the weather station.")).toContain("time");
    expect(types("The warning remained in force until 6 p.m. on the coast.")).toContain("time");
    expect(types("The match kicked off at 3 o'clock.")).toContain("time");
    expect(types("Das Signal kam eine Stunde nach dem Start.")).toContain("time");
    expect(types("Two days later the line reopened.")).toContain("time");
    expect(types("Der Flug dauert sieben Jahre.")).not.toContain("time");
  });

  it("takes a clock time for no amount: 'wie viel' is not answered by '18 Uhr'", () => {
    expect(types("Der Markt öffnet um 18 Uhr.")).not.toContain("number");
    expect(types("The match kicked off at 3 o'clock.")).not.toContain("number");
    expect(types("The shop opens at 9:30 a.m.")).not.toContain("number");
    // A number beside a clock time still counts.
    expect(types("Um 18 Uhr kamen 300 Gäste.")).toContain("number");
  });

  it("takes a number named as a year for a time, however few its digits: 'um das Jahr 950', 'in the year 79'", () => {
    expect(types("Die Burg wurde um das Jahr 950 errichtet.")).toContain("time");
    expect(sentenceFeatures("Die Burg wurde um das Jahr 950 errichtet.").types.get("number") ?? []).not.toContain("950");
    expect(types("The town was buried in the year 79.")).toContain("time");
    // A number of years is still an amount, and a number after other words no year.
    expect(types("Die Burg ist 950 Jahre alt.")).not.toContain("time");
    expect(types("Die Burg hat 950 Besucher im Jahr.")).toContain("number");
  });

  it("finds a point in time in a span of the calendar named from now", () => {
    expect(types("Die Gewerkschaft will noch in dieser Woche mit der Geschäftsführung verhandeln.")).toContain("time");
    expect(types("Der Umbau beginnt kommenden Monat.")).toContain("time");
    expect(types("The talks resume next week.")).toContain("time");
    expect(types("Die Woche war schwer für die Belegschaft.")).not.toContain("time");
  });

  it("finds a point in time in a season, a holiday or a turn of the calendar after a preposition or determiner", () => {
    expect(types("Der neue Spielplatz soll im Frühjahr öffnen.")).toContain("time");
    expect(types("Im kommenden Sommer wird der Turm gestrichen.")).toContain("time");
    expect(types("Der Steg soll bis Weihnachten fertig sein.")).toContain("time");
    expect(types("Das Gutachten soll bis Jahresende vorliegen.")).toContain("time");
    expect(types("Zum Jahreswechsel ändert sich der Fahrplan.")).toContain("time");
    expect(types("The pier is due to reopen in the spring.")).toContain("time");
    expect(types("The gallery should reopen by Christmas.")).toContain("time");
    // A weekday as an adverb or in the plural: "montags", "on Mondays".
    expect(types("Die Bücherei ist montags geschlossen.")).toContain("time");
    expect(types("The pool is closed on Mondays.")).toContain("time");
    // A season's word as a name, or as what something is for, says no time.
    expect(types("Kapitänin Jana Winter lobte das Team.")).not.toContain("time");
    expect(types("Die Winterdienste sind bereit.")).not.toContain("time");
  });

  it("finds a duration only where a count stands before a time unit", () => {
    expect(types("Nur eine Woche nach der Verlegung endete der Einsatz.")).toContain("duration");
    expect(types("Der Rückzug soll zehn Tage dauern.")).toContain("duration");
    expect(types("Der Rückzug wurde beschlossen.")).not.toContain("duration");
  });

  it("finds people through role nouns and runs of names, and remembers the words", () => {
    const features = sentenceFeatures("Kremlsprecher Dmitri Peskow erklärte, die Lage sei stabil.");
    expect(features.types.get("role")).toEqual(["kremlsprecher"]);
    expect(features.types.get("person")).toEqual(expect.arrayContaining(["dmitri", "peskow"]));
  });

  it("finds places after prepositions, organisations by acronym, ordinals in compounds", () => {
    expect(sentenceFeatures("Die Republik an der Grenze zu China.").types.get("place")).toContain("china");
    expect(types("Die Organisation des Vertrags (OVKS) übergab die Objekte.")).toContain("organization");
    expect(types("Das neuntgrößte Land der Erde.")).toContain("ordinal");
    expect(types("Die Partei wurde zweitstärkste Kraft.")).toContain("ordinal");
    expect(types("Der Verein stieg erstmals auf.")).toContain("ordinal");
    // Verbs that open with "erst" are no ordinals.
    expect(types("Die Kasse erstattete die Kosten, die Sperre erstreckt sich über den Ort.")).not.toContain("ordinal");
    // A number with a full stop is an ordinal inside a sentence ("am 3. Mai"), not where the sentence ends.
    expect(types("Am 3. Mai öffnet der Laden.")).toContain("ordinal");
    expect(types("Der Bau beginnt im Sommer 2026.")).not.toContain("ordinal");
    expect(types("Die Zahl der Mitglieder stieg auf 140.")).not.toContain("ordinal");
  });

  it("finds organisations by their nouns in any form and by legal forms, not by words that only end alike", () => {
    expect(sentenceFeatures("Der Sprecher des Baukonzerns bestätigte das.").types.get("organization")).toEqual(["baukonzerns"]);
    expect(sentenceFeatures("Beide Parteien stimmten zu.").types.get("organization")).toEqual(["parteien"]);
    expect(sentenceFeatures("Den Auftrag bekam die Lerchenfeld Bau GmbH.").types.get("organization")).toEqual(["gmbh"]);
    expect(types("Die Zinsen und die Raten stiegen um fünf Kilogramm (5 kg).")).not.toContain("organization");
    // A verb or an adjective that ends like one ("trat", "separat"), a Roman numeral ("II").
    expect(types("Er trat zurück, die Kosten kamen separat dazu.")).not.toContain("organization");
    expect(types("Die Fähre Kornblume II legte ab.")).not.toContain("organization");
    expect(types("Die UN und die Lerchenfeld GmbH halfen.")).toContain("organization");
    expect(sentenceFeatures("Die Kamera stammt vom Fraunhofer-Institut in Jena.").types.get("organization")).toEqual(["fraunhofer-institut"]);
    expect(sentenceFeatures("Der Verein Lichtblick und zwei Stiftungen halfen.").types.get("organization")).toEqual(["verein", "stiftungen"]);
    expect(sentenceFeatures("The charity said two banks had agreed.").types.get("organization")).toEqual(["charity", "banks"]);
  });

  it("reads the words in parentheses after a person's name as the group they belong to, as news names a party", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => ["Bürgermeister", "Geduld", "Landrätin", "Jahren", "Wahl"].includes(w) };
    expect(sentenceFeatures("Bürgermeister Frank Heßler (Freie Wähler) bat um Geduld.", knows).types.get("organization")).toEqual(["freie", "wähler"]);
    expect(sentenceFeatures("Das sagte Bürgermeister Torsten Albers (parteilos) am Montag.", knows).types.get("organization")).toEqual(["parteilos"]);
    // An age, a place's district or a source after a dateline is none.
    expect(sentenceFeatures("Landrätin Eva Brandt (54) trat zur Wahl an.", knows).types.get("organization")).toBeUndefined();
    expect(sentenceFeatures("Hollerbach (dpa) - Die Wahl ist vorbei.", knows).types.get("organization")).toBeUndefined();
    expect(sentenceFeatures("In Weidach (Landkreis Sandern) wird gewählt.", knows).types.get("organization")).toBeUndefined();
  });

  it("carries a place through a list: every name after the first one counts", () => {
    const places = sentenceFeatures("Die Gäste kamen aus Portugal, Ungarn, Chile und Peru.").types.get("place");
    expect(places).toEqual(["portugal", "ungarn", "chile", "peru"]);
    expect(sentenceFeatures("Anna Berger und Paul Kern kamen.").types.get("place")).toBeUndefined();
  });
});

describe("sentenceFeatures, places after a preposition", () => {
  it("takes a name or a noun after 'in' or 'im' for a place, but not a season or a span of the calendar", () => {
    expect(sentenceFeatures("Die Diebe brachen im Kreismuseum ein.").types.get("place")).toEqual(["kreismuseum"]);
    expect(sentenceFeatures("Die Linie wird im Sommer stillgelegt.").types.get("place")).toBeUndefined();
    // A compound headed by a span of time is a time too.
    expect(sentenceFeatures("Die Busse fahren im Stundentakt, in der Mittagszeit seltener als im Vorjahr.").types.get("place")).toBeUndefined();
    expect(sentenceFeatures("Die Busse fahren im Stundentakt nach Neustadt.").types.get("place")).toEqual(["neustadt"]);
    expect(sentenceFeatures("Der Bau beginnt im Frühjahr 2025.").types.get("place")).toBeUndefined();
    expect(sentenceFeatures("Die Preise stiegen im Jahr 2021.").types.get("place")).toBeUndefined();
    expect(sentenceFeatures("Der Prozess endet im Dezember.").types.get("place")).toBeUndefined();
  });

  it("takes a noun after a locative preposition and an article for a place too, but not a span of time", () => {
    expect(sentenceFeatures("Die Gäste schlafen vorerst in einem Zeltlager.").types.get("place")).toEqual(["zeltlager"]);
    expect(sentenceFeatures("Die Halle steht an der Kreisstraße.").types.get("place")).toEqual(["kreisstraße"]);
    expect(sentenceFeatures("Karten gibt es in allen Filialen.").types.get("place")).toEqual(["filialen"]);
    expect(sentenceFeatures("Die Arbeiten enden an dem Tag der Eröffnung.").types.get("place")).toBeUndefined();
    // Not after a preposition of another kind: "mit der Partei" names no place.
    expect(sentenceFeatures("Sie sprach mit der Bürgermeisterin.").types.get("place")).toBeUndefined();
  });
});

describe("sentenceFeatures, times", () => {
  it("takes a weekday with its time of day, written as one word, for a time", () => {
    expect([...sentenceFeatures("Das Gericht entschied am Dienstagabend.").types.keys()]).toContain("time");
    expect([...sentenceFeatures("Das Gericht entschied schnell.").types.keys()]).not.toContain("time");
  });
});

describe("sentenceFeatures: years", () => {
  it("reads a year after a word of the calendar as a time, not as an amount", () => {
    for (const sentence of ["Die Halle soll bis Herbst 2027 fertig sein.", "Im Jahr 2019 schloss die Mühle.", "Seit 2021 gilt die Regel."]) {
      const types = sentenceFeatures(sentence).types;
      expect(types.has("time"), sentence).toBe(true);
      expect(types.has("number"), sentence).toBe(false);
    }
    expect(sentenceFeatures("Zum Fest kamen 2020 Gäste.").types.has("number")).toBe(true);
  });
});

describe("sentenceFeatures: reasons", () => {
  it("finds a cause by its conjunction or by a noun that names one", () => {
    expect(sentenceFeatures("Als Gründe für die Mehrkosten nannte die Stadt gestiegene Preise.").types.has("reason")).toBe(true);
    expect(sentenceFeatures("Ursache war ein Tiefdruckgebiet.").types.has("reason")).toBe(true);
    // The nouns a question asks a cause by ("Was war der Auslöser?") name one in a sentence too.
    for (const sentence of ["Auslöser war ein Kurzschluss.", "Anlass ist ein Gutachten.", "Hintergrund ist ein Loch in der Kasse."]) {
      expect(sentenceFeatures(sentence).types.has("reason"), sentence).toBe(true);
    }
    expect(sentenceFeatures("Der Zug fuhr um acht Uhr ab.").types.has("reason")).toBe(false);
  });

  it("finds a cause by a compound of its noun and by the verb that gives one ('Hauptgrund', 'begründete … mit')", () => {
    for (const sentence of ["Hauptgrund für das Aus ist der Schneemangel.", "Die Brandursache ist noch unklar.", "Der Bürgermeister begründete die Erhöhung mit der Kreisumlage."]) {
      expect(sentenceFeatures(sentence).types.has("reason"), sentence).toBe(true);
    }
    // A ground that is soil or a place is none.
    for (const sentence of ["Der Untergrund ist weich.", "Im Vordergrund steht die Kirche.", "Das Wrack liegt am Meeresgrund."]) {
      expect(sentenceFeatures(sentence).types.has("reason"), sentence).toBe(false);
    }
  });
});

describe("sentenceFeatures: lists", () => {
  it("finds three or more capitalised items joined by commas and a conjunction", () => {
    expect(sentenceFeatures("Betroffen waren Frankfurt, München, Hamburg und Köln/Bonn.").types.get("list")).toEqual(["frankfurt", "münchen", "hamburg", "köln/bonn"]);
    expect(sentenceFeatures("Affected were Paris, Lyon and Nice.").types.has("list")).toBe(true);
    expect(sentenceFeatures("Frankfurt und München waren betroffen.").types.has("list")).toBe(false);
    // Items may stand after a preposition and an article.
    expect(sentenceFeatures("Gestreikt wurde an den Schaltern, in der Gepäckabfertigung und auf dem Vorfeld.").types.get("list")).toEqual(["schaltern", "gepäckabfertigung", "vorfeld"]);
  });
});

describe("unitFor", () => {
  it("reads 'ab welchem Alter', 'up to what age' as asking an age, given as a bound of years", () => {
    for (const q of ["Ab welchem Alter darf man die Räder leihen?", "Bis zu welchem Alter sind Kinder befreit?", "Up to what age are children exempt?"]) {
      expect(answerType(q), q).toBe("number");
      expect(unitFor(q)?.test("Nutzen dürfen das Angebot alle Menschen ab 16 Jahren."), q).toBe(true);
      expect(unitFor(q)?.test("Kinder unter 14 Jahren zahlen nichts."), q).toBe(true);
      expect(unitFor(q)?.test("Die Leiterin ist 52 Jahre alt."), q).toBe(true);
      // A span of years is no age.
      expect(unitFor(q)?.test("Das Projekt läuft seit 16 Jahren."), q).toBe(false);
      expect(unitFor(q)?.test("Ein Rad kostet 16 Euro."), q).toBe(false);
    }
  });

  it("reads 'how many hectares', 'wie viele Tonnen' as asking that measure, in either language's unit", () => {
    const area = unitFor("How many hectares of orchard meadows are left in the district?");
    expect(area?.test("noch etwa 3.100 Hektar Streuobstwiesen")).toBe(true);
    expect(area?.test("mit 38 Beschäftigten")).toBe(false);
    const weight = unitFor("Wie viele Tonnen Äpfel wurden angeliefert?");
    expect(weight?.test("rund 2.300 Tonnen Äpfel")).toBe(true);
    expect(weight?.test("9 Euro für 100 Äpfel")).toBe(false);
    expect(unitFor("How many kilometres is the new cycle path?")?.test("auf 12 Kilometern")).toBe(true);
    // A count of things names no unit.
    expect(unitFor("How many workers lost their jobs?")).toBeNull();
  });

  it("reads 'how long is / was the …' as asking a length or a span, and 'how long' with a verb as a span", () => {
    // German says "wie lange" for a span, but "wie lang ist / war der …" for both, as English does.
    for (const question of ["How long was the main hall of the old mill?", "How long is the flooded stretch?", "How long was the strike?", "Wie lang war der Streik?", "Wie lang ist die neue Strecke?"]) {
      expect(answerType(question), question).toBe("number");
      const unit = unitFor(question);
      for (const answer of ["rund 38 Meter lang", "auf einer Länge von 120 Metern", "dauerte zwei Tage", "nach 48 Stunden"]) expect(unit?.test(answer), `${question} / ${answer}`).toBe(true);
      for (const other of ["rund 38 Euro", "am 15. September", "14 Zimmer"]) expect(unit?.test(other), `${question} / ${other}`).toBe(false);
    }
    // A verb after the thing asks how long something goes on: given by its end, too ("bis Ende der Woche").
    for (const question of ["How long is the road from Alden to Brix expected to stay shut?", "How long will it be closed?", "How long did the rescue take?", "Wie lange dauerte die Sperrung?"]) {
      expect(answerType(question), question).toBe("duration");
      expect(unitFor(question), question).toBeNull();
    }
    // "Wie lang" with no form of "sein" asks a length, as before.
    expect(unitFor("Wie lang soll die neue Brücke werden?")?.test("rund 240 Meter")).toBe(true);
    expect(unitFor("Wie lang soll die neue Brücke werden?")?.test("zwei Tage")).toBe(false);
  });

  it("asks 'um wie viel Uhr', 'zu welchen Uhrzeiten' and 'what time' for a time of day, not a date", () => {
    for (const question of ["Um wie viel Uhr prallte die Fähre gegen die Mauer?", "Zu welchen Uhrzeiten darf man gießen?", "What time does the rally start?", "At what time did the ferry leave?"]) {
      const clock = unitFor(question);
      for (const time of ["gegen 7.40 Uhr", "zwischen 22 und 6 Uhr", "at 3 p.m.", "um Mitternacht"]) expect(clock?.test(time), `${question} / ${time}`).toBe(true);
      for (const other of ["am 15. September", "seit Dezember", "rund um die Uhr", "bis Ende 2026"]) expect(clock?.test(other), `${question} / ${other}`).toBe(false);
    }
    expect(answerType("Zu welchen Uhrzeiten dürfen die Bauern ihre Felder beregnen?")).toBe("time");
    // "What time of year", "what time frame": no time of day.
    expect(unitFor("What time of year is the festival?")).toBeNull();
  });

  it("asks 'wie hoch' for a level or a sum, not a count of things, unless it asks for a number", () => {
    const high = unitFor("Wie hoch ist der wirtschaftliche Schaden des Streiks?");
    expect(high?.test("Ein ganzer Tag Stillstand an fünf großen Flughäfen")).toBe(false);
    for (const measure of ["Schäden von rund 40 Millionen Euro", "ein Pegel von 3,20 Metern", "eine Quote von 5,3 Prozent"]) expect(high?.test(measure), measure).toBe(true);
    // A volume is a level too: rain in litres per square metre, water drawn in cubic metres.
    const rain = unitFor("Wie hoch war der Niederschlag im Juli?");
    for (const measure of ["nur 11 Liter Regen pro Quadratmeter", "bis zu 14.000 Kubikmeter Wasser"]) expect(rain?.test(measure), measure).toBe(true);
    expect(unitFor("Wie hoch ist die Zahl der Toten?")).toBeNull();
  });

  it("asks a measure, share or money question for a number with its unit", () => {
    // A currency the question names asks for a sum of money, whatever it asks about ("damage").
    const euros = unitFor("How much damage in euros did the storm cause?");
    expect(euros?.test("Schäden von rund 40 Millionen Euro")).toBe(true);
    expect(euros?.test("seit mehr als zwanzig Jahren")).toBe(false);
    expect(unitFor("Wie schwer ist die Sonde?")?.test("2,1 Tonnen")).toBe(true);
    expect(unitFor("Wie schwer ist die Sonde?")?.test("um 14.32 Uhr")).toBe(false);
    // "Wie viel wiegt …" asks what "wie schwer" asks.
    expect(unitFor("Wie viel wiegt die Sonde beim Start?")?.test("2,1 Tonnen")).toBe(true);
    expect(unitFor("How much does the probe weigh?")?.test("rund 1,2 Millionen Euro")).toBe(false);
    // The word a unit may follow is a whole word: "2021 hat" is no "2021 ha" of tonnes, "2 Wochen mehr" no metres.
    expect(unitFor("Wie schwer ist die Sonde?")?.test("Seit 2021 hat die Firma Verluste.")).toBe(false);
    expect(unitFor("Wie weit reicht die Zone?")?.test("Nach 2 Wochen mehr Regen.")).toBe(false);
    expect(unitFor("Wie weit reicht die Zone?")?.test("ein Radius von 3 km")).toBe(true);
    // A unit needs its number: an "Infrarotspektrometer" measures no width.
    expect(unitFor("Wie breit ist der Asteroid?")?.test("ein Infrarotspektrometer")).toBe(false);
    expect(unitFor("Wie breit ist der Asteroid?")?.test("mit rund 430 Kilometern")).toBe(true);
    expect(unitFor("How far did it fly?")?.test("mehr als 1,6 Milliarden Kilometer")).toBe(true);
    expect(unitFor("Welcher Anteil der Züge fiel aus?")?.test("rund 80 Prozent")).toBe(true);
    for (const question of [
      "Wie viel Geld sagte die Kommission zu?",
      "Was kostete der Bau?",
      "How much money is the strike costing?",
      "How much do they earn?",
      "Wie viel zahlt der Konzern für die Marke?",
      "Wie viel steckt die Stadt in den Umbau?",
      "How much did the club pay for the stadium?",
    ]) {
      const unit = unitFor(question);
      expect(unit?.test("400 Millionen Euro"), question).toBe(true);
      expect(unit?.test("für 48 Stunden"), question).toBe(false);
    }
    // An age is a number of years written as an age, not any span of years.
    const age = unitFor("Wie alt ist die Bürgermeisterin?");
    for (const text of ["ein 67 Jahre alter Mann", "der 81-jährige Präsident", "Krämer (54) sagte", "im Alter von 67 Jahren"]) expect(age?.test(text), text).toBe(true);
    expect(age?.test("seit mehr als 30 Jahren gestritten")).toBe(false);
    for (const question of ["What did the new bridge cost?", "Was soll die neue Brücke kosten?", "Wie viel hat der Umbau gekostet?"]) {
      expect(unitFor(question)?.test("23,5 Millionen Euro"), question).toBe(true);
    }
    // "Was" and "what" ask for a sum only with a cost or a price: "Was passiert mit dem Geld?" asks what
    // happens; and "was" in English is a verb.
    for (const question of ["Was passiert mit dem Geld?", "What happened to the money?", "My train was cancelled by the strike - can I get my money back?"]) {
      expect(unitFor(question), question).toBeNull();
    }
    // A raise is a percentage as often as a sum; no unit is asked for.
    expect(unitFor("What pay increase did the employer offer?")).toBeNull();
    expect(unitFor("Was hat der Minister gesagt?")).toBeNull();
  });
});

describe("countedWords", () => {
  it("gives the words in the same clause as a number, not across punctuation", () => {
    const words = countedWords("Es gab viele Tote, Hunderte Verletzte und mehr als 10.000 Festnahmen.");
    expect(words).toEqual(expect.arrayContaining(["verletzte", "festnahmen"]));
    expect(words).not.toContain("tote");
    expect(countedWords("Die Zahl der Toten stieg auf 225.")).toContain("toten");
    expect(countedWords("Niemand wurde verletzt.")).toEqual([]);
  });

  it("gives the clause before a number set off on its own with no noun of its own: what it counts is named there", () => {
    expect(countedWords("Neue Fahrer habe man eingestellt, insgesamt fünf, sagte der Chef.", true)).toContain("fahrer");
    expect(countedWords("Volunteers came from all over, more than 300.", true)).toContain("volunteers");
    // A number with a noun of its own counts that: "viele Tote, Hunderte Verletzte".
    expect(countedWords("Es gab viele Tote, Hunderte Verletzte.", true)).not.toContain("tote");
  });

  it("gives only the nouns when asked: German capitalised words, English plurals", () => {
    expect(countedWords("Binnen 72 Stunden waren 140 Liter Regen pro Quadratmeter gefallen.", true)).not.toContain("gefallen");
    expect(countedWords("Binnen 72 Stunden waren 140 Liter Regen pro Quadratmeter gefallen.", true)).toEqual(expect.arrayContaining(["liter", "regen"]));
    expect(countedWords("Storms left around 62,000 homes without power.", true)).toContain("homes");
    expect(countedWords("Dort sind seit 2021 bereits 40 Stellen weggefallen.", true)).toContain("stellen");
    expect(countedWords("Dort sind seit 2021 bereits 40 Stellen weggefallen.", true)).not.toContain("bereits");
  });
});

describe("countsSomething", () => {
  it("takes a number before a noun for a count of things, not a number before a unit of money, measure or time", () => {
    expect(countsSomething("Das Unternehmen beschäftigt rund 3.400 Menschen.")).toBe(true);
    expect(countsSomething("Mehr als 4.000 betroffene Familien warten.")).toBe(true);
    expect(countsSomething("Rund 2 Millionen Menschen leben dort.")).toBe(true);
    expect(countsSomething("About 300 workers lost their jobs.")).toBe(true);
    expect(countsSomething("Er will rund 30 Millionen Euro investieren.")).toBe(false);
    expect(countsSomething("Die Brücke ist 300 Meter lang.")).toBe(false);
    expect(countsSomething("Der Streik dauerte 24 Stunden.")).toBe(false);
    expect(countsSomething("Die Firma besteht seit 30 Jahren.")).toBe(false);
    expect(countsSomething("It will cost 2 million dollars.")).toBe(false);
    expect(countsSomething("The road is closed for 3 weeks.")).toBe(false);
    // A German word in -s is no English plural: "seit 2021 mehr als verdoppelt" counts nothing.
    expect(countsSomething("Die Stromkosten hätten sich seit 2021 mehr als verdoppelt.")).toBe(false);
  });
});

describe("countsBack", () => {
  it("finds a count that leaves out what it counts, not one in a unit or with its noun gone unsaid", () => {
    expect(countsBack("Bislang gebe es nur wenige Einbrüche; im vergangenen Jahr seien es sieben gewesen.")).toBe(true);
    expect(countsBack("Derzeit lernen 93 junge Leute den Beruf, im Jahr 2020 waren es 71.")).toBe(true);
    expect(countsBack("Im vergangenen Jahr seien es nur 1.400 Tonnen gewesen.")).toBe(false);
    expect(countsBack("Das sind 40 Euro mehr.")).toBe(false);
    expect(countsBack("Es gibt 40 Stände.")).toBe(false);
  });
});

describe("contradictsPeriod", () => {
  it("is true where a sentence dates its fact in the period before or after the asked one, and not in that one too", () => {
    expect(contradictsPeriod("Wie viele Tiere wurden dieses Jahr vermittelt?", "Im vergangenen Jahr vermittelte das Heim 212 Tiere.")).toBe(true);
    expect(contradictsPeriod("How much did it pay this year?", "Im Vorjahr waren es noch 16 Euro.")).toBe(true);
    expect(contradictsPeriod("Wie viele waren es letzte Woche?", "In dieser Woche kamen 40.")).toBe(true);
    expect(contradictsPeriod("What did it pay last year?", "Im Vorjahr waren es noch 16 Euro.")).toBe(false);
    expect(contradictsPeriod("Wie viel dieses Jahr?", "Im vergangenen Jahr waren es 5, in diesem Jahr sind es 7.")).toBe(false);
    // Another unit of time, or no period asked, contradicts nothing.
    expect(contradictsPeriod("Wie viele waren es dieses Jahr?", "Im vergangenen Monat kamen 40.")).toBe(false);
    expect(contradictsPeriod("Wie viele Tiere wurden vermittelt?", "Im vergangenen Jahr vermittelte das Heim 212 Tiere.")).toBe(false);
  });
});

describe("measuresOnly", () => {
  it("is true when every number of a sentence stands before a unit, false when one is bare or counts a noun", () => {
    expect(measuresOnly("Eine Stunde Fahrt kostet 4 Euro, dazu kommen 25 Cent pro Kilometer.")).toBe(true);
    expect(measuresOnly("Der Bau kostete 2,3 Millionen Euro.")).toBe(true);
    expect(measuresOnly("Rund 380 Pferde betreut er, eine Stunde kostet 60 Euro.")).toBe(false);
    expect(measuresOnly("Die Zahl der Apotheken sank von 29 auf 21.")).toBe(false);
    expect(measuresOnly("Die Halle ist groß.")).toBe(false);
  });
});

describe("isUnitWord", () => {
  it("knows units, scale words and compounds ending in a unit", () => {
    expect(isUnitWord("Euro")).toBe(true);
    expect(isUnitWord("Millionen")).toBe(true);
    expect(isUnitWord("Wochenstunden")).toBe(true);
    expect(isUnitWord("Fahrten")).toBe(false);
  });
});

describe("questionFocus", () => {
  it("marks a question for a kind of something, German and English", () => {
    expect(questionFocus("Was für eine Halle soll das werden?")).toEqual({ word: "halle", kind: "category", sort: true });
    expect(questionFocus("Mit was für einer Rakete?")).toEqual({ word: "rakete", kind: "category", sort: true });
    expect(questionFocus("What kind of farm is it?")).toEqual({ word: "farm", kind: "category", sort: true });
    expect(questionFocus("Welche Brücken wurden gesperrt?")).toEqual({ word: "brücken", kind: "category" });
  });

  it("takes no clock time for a count", () => {
    expect(questionFocus("Um wie viel Uhr startete die Sonde?")).toBeNull();
  });

  it("counts nothing named when a verb or preposition follows 'wie viel(e)', but reads adjectives and a rate's noun", () => {
    expect(questionFocus("Wie viel kostet Regensburg das Projekt?")).toBeNull();
    expect(questionFocus("Und wie viele davon mit Motor?")).toBeNull();
    expect(questionFocus("Wie viele neue Stellen entstehen?")).toEqual({ word: "stellen", kind: "counted" });
    expect(questionFocus("Wie viel pro Zug?")).toEqual({ word: "zug", kind: "counted" });
  });

  it("reads a partitive's noun as what is counted, and a pronoun as nothing named", () => {
    expect(questionFocus("Wie viele von den Kinos schließen?")).toEqual({ word: "kinos", kind: "counted" });
    expect(questionFocus("Wie viele von diesen Lampen sind defekt?")).toEqual({ word: "lampen", kind: "counted" });
    expect(questionFocus("Which of these cinemas will close?")).toEqual({ word: "cinemas", kind: "category" });
    expect(questionFocus("Wie viele von ihnen wurden entlassen?")).toBeNull();
    expect(questionFocus("How many of them were hurt?")).toBeNull();
    expect(questionFocus("How many of those were sold?")).toBeNull();
  });

  it("reads a contracted \"'s\" as \"is\", not as the category asked for", () => {
    expect(questionFocus("What's the normal price there?")).toBeNull();
    expect(questionFocus("What’s the name of the mayor?")).toEqual({ word: "mayor", kind: "role" });
  });

  it("finds what a how-many question counts", () => {
    expect(questionFocus("Wie viele Einwohner hat Kasachstan?")).toEqual({ word: "einwohner", kind: "counted" });
    expect(questionFocus("How many soldiers were sent?")).toEqual({ word: "soldiers", kind: "counted" });
    // An English noun phrase counts its head: here a unit of measure, which the answer need not repeat.
    expect(questionFocus("How many army trucks were sent?")).toEqual({ word: "trucks", kind: "counted" });
    // Its head is the word before the auxiliary, past a name and a number; "of" ends the phrase first.
    expect(questionFocus("How many RB 34 trains were cancelled in December?")).toEqual({ word: "trains", kind: "counted" });
    expect(questionFocus("How many hectares of forest have burned?")).toEqual({ word: "hectares", kind: "counted" });
    // Without an auxiliary, "how many" counts the phrase's first plural, not its first word.
    expect(questionFocus("How many bus stops in the old town were closed?")).toEqual({ word: "stops", kind: "counted" });
    expect(questionFocus("How many hospital beds at the clinic remain?")).toEqual({ word: "beds", kind: "counted" });
    expect(questionFocus("How many staff left?")).toEqual({ word: "staff", kind: "counted" });
    expect(questionFocus("Wie hoch ist die genaue Zahl der Toten?")).toEqual({ word: "toten", kind: "counted" });
    expect(questionFocus("What was the number of victims?")).toEqual({ word: "victims", kind: "counted" });
    expect(questionFocus("How much emergency money can a household receive?")).toBeNull();
  });

  it("finds the category of a which-question", () => {
    expect(questionFocus("Welche Organisation hat die Truppen geschickt?")).toEqual({ word: "organisation", kind: "category" });
    expect(questionFocus("What currency is used in Kazakhstan?")).toEqual({ word: "currency", kind: "category" });
  });

  it("does not insist on a unit of measure, which answers rarely repeat", () => {
    expect(questionFocus("Wie viel Geld sagte die Kommission zu?")).toBeNull();
    expect(questionFocus("How much money was promised?")).toBeNull();
  });

  it("has none for questions without a focus noun", () => {
    expect(questionFocus("Wer hat gewonnen?")).toBeNull();
    expect(questionFocus("What did he say?")).toBeNull();
    // Counting people in general is no noun to find ("were" and "arrested" are not what is counted).
    expect(questionFocus("How many people were arrested?")).toEqual({ word: "people", kind: "people" });
  });
});

describe("periodFor", () => {
  it("tells how the evidence must say a period the question counts back from now", () => {
    expect(periodFor("Wie viele Unfälle gab es letztes Jahr in Talstadt?")?.test("mehr als im Vorjahr")).toBe(true);
    expect(periodFor("Wie viele Unfälle gab es letztes Jahr in Talstadt?")?.test("2024 zählte die Polizei 84 Unfälle")).toBe(true);
    expect(periodFor("Wie viele Unfälle gab es letztes Jahr in Talstadt?")?.test("Die Polizei zählte 84 Unfälle.")).toBe(false);
    expect(periodFor("How many visitors came last month?")?.test("Im Oktober kamen 3.000 Besucher, mehr als im Vormonat.")).toBe(true);
    expect(periodFor("Was passierte diese Woche?")?.test("am Wochenende")).toBe(true);
    // A week's events by their weekdays, a month's by its name.
    expect(periodFor("Was passierte letzte Woche in Talstadt?")?.test("Am Dienstagabend brannte eine Scheune.")).toBe(true);
    expect(periodFor("What happened last month?")?.test("Im Oktober brannte eine Scheune.")).toBe(true);
    expect(periodFor("What happened last month?")?.test("Der Mais brannte.")).toBe(false);
    // No period counted back from now: nothing to say.
    expect(periodFor("Wie viele Unfälle gab es 2024?")).toBeNull();
    expect(periodFor("Wann war die letzte Wahl?")).toBeNull();
  });
});

describe("measureNouns", () => {
  it("gives the nouns a measure is stated with, for German and English measure questions", () => {
    expect(measureNouns("Wie groß ist der Asteroid?")).toContain("Durchmesser");
    expect(measureNouns("How high did the water rise?")).toContain("Höhe");
    expect(measureNouns("Wie viele Menschen kamen?")).toEqual([]);
    expect(measureNouns("Wer ist der Präsident?")).toEqual([]);
  });

  it("gives a question for a sum of money the currencies it is stated in", () => {
    expect(measureNouns("Wie viel Geld soll es dafür geben?")).toContain("Euro");
    expect(measureNouns("How much money is the state putting in?")).toContain("Euro");
    expect(measureNouns("Wie viele Helfer waren im Einsatz?")).toEqual([]);
    // "Zahl" is a count, not a payment.
    expect(measureNouns("Wie hoch ist die Zahl der Helfer?")).not.toContain("Euro");
  });
});

describe("answerType of money questions", () => {
  it("asks for a number when a question asks what something cost, whatever its question word", () => {
    expect(answerType("Was kostete der Bau der Brücke?")).toBe("number");
    expect(answerType("What did the new line end up costing?")).toBe("number");
    expect(answerType("Was kritisierte der Verband?")).toBe("statement");
  });
});

describe("the ends of a span", () => {
  it("tells a question about a span's start or end from one about when something happened", () => {
    expect(boundAsked("Seit wann gibt es den Ruderverein?")).toBe("start");
    expect(boundAsked("Since when has the club existed?")).toBe("start");
    expect(boundAsked("Und bis wann?")).toBe("end");
    expect(boundAsked("By when must the repairs be finished?")).toBe("end");
    expect(boundAsked("Wann wurde der Ruderverein gegründet?")).toBeNull();
  });

  it("reads 'von wann bis wann' as asking for both ends, neither one alone", () => {
    expect(boundAsked("Von wann bis wann bleiben die Laternen in Lindenau aus?")).toBeNull();
    expect(boundAsked("From when to when is the road closed?")).toBeNull();
    expect(answerType("Von wann bis wann bleiben die Laternen aus?")).toBe("time");
  });

  it("reads 'ab wann' and 'from when' as asking for a start, which news gives with 'ab' or 'vom … an' before a date", () => {
    expect(boundAsked("Ab wann fährt der Bus wieder?")).toBe("start");
    expect(boundAsked("From when will visitors be able to see it?")).toBe("start");
    expect(saysBound("Ab dem 20. Mai darf es auf die Außenanlage.", "start")).toBe(true);
    expect(saysBound("Vom 1. Oktober an fährt die neue Linie.", "start")).toBe(true);
    expect(saysBound("The bridge reopens to cars from 3 March.", "start")).toBe(true);
    // "ab" as a verb's particle, or a clock time, is no start of a span.
    expect(saysBound("Der erste Bus fährt um 5.42 Uhr ab.", "start")).toBe(false);
    expect(saysBound("Der Bus kam von der anderen Seite.", "start")).toBe(false);
    expect(saysBound("Der Bus fährt ab und zu.", "start")).toBe(false);
    expect(saysBound("Ab Montag fährt der Bus.", "start")).toBe(true);
    expect(saysBound("Die Preise reichen von 2 bis 5 Euro.", "start")).toBe(false);
  });

  it("finds the words news gives a start or an end with, not an amount's 'bis zu'", () => {
    expect(saysBound("Der Ruderverein wurde 1921 gegründet.", "start")).toBe(true);
    expect(saysBound("Die Fähre fährt seit dem Frühjahr.", "start")).toBe(true);
    expect(saysBound("The club was founded in 1921.", "start")).toBe(true);
    expect(saysBound("Die Sperre gilt bis zum 3. Mai.", "end")).toBe(true);
    expect(saysBound("The road stays closed until Friday.", "end")).toBe(true);
    expect(saysBound("Die Sperre gilt bis zum 3. Mai.", "start")).toBe(false);
    expect(saysBound("Die Fahrt dauert bis zu 40 Minuten.", "end")).toBe(false);
    // A word that merely contains one is none.
    expect(saysBound("Die Bistros schließen früh.", "end")).toBe(false);
  });
});

describe("planned times", () => {
  it("tells a question about when something is planned from one about when it happened", () => {
    expect(asksPlannedTime("Wann soll die Sonde ihr Ziel erreichen?")).toBe(true);
    expect(asksPlannedTime("When will the bridge reopen?")).toBe(true);
    expect(asksPlannedTime("When is the plant expected to close?")).toBe(true);
    expect(asksPlannedTime("Wann hob die Sonde ab?")).toBe(false);
    // "wird" is as often a passive of the present.
    expect(asksPlannedTime("Wann wird gewählt?")).toBe(false);
    // A plan, but not a time.
    expect(asksPlannedTime("Wie viel soll die Brücke kosten?")).toBe(false);
  });

  it("finds the words news gives a plan with, in either language", () => {
    expect(speaksOfPlan("Der Vollzug des Kaufs ist für Ende Februar geplant.")).toBe(true);
    expect(speaksOfPlan("Die Reederei rechnet damit, den Betrieb frühestens am kommenden Montag wieder aufzunehmen.")).toBe(true);
    expect(speaksOfPlan("The line is expected to reopen next week.")).toBe(true);
    expect(speaksOfPlan("Die Sonde hob um 14.32 Uhr ab.")).toBe(false);
    // A word that merely contains one is none.
    expect(speaksOfPlan("Die Sollbruchstelle hielt.")).toBe(false);
  });
});

describe("asksPersonName", () => {
  it("tells a question for a person's name from one for any name", () => {
    for (const q of ["Wie heißt er?", "Wie heißt sie eigentlich?", "Und wie heißt die Frau?", "What's her name?", "wie heisst der?"]) expect(asksPersonName(q)).toBe(true);
    for (const q of ["Wie heißen die Interessenten?", "Wie heißt die Firma?", "Wie heißt der Fluss?", "What's the name of the ship?"]) expect(asksPersonName(q)).toBe(false);
  });
});

describe("kinds of place and organisation", () => {
  it("knows a kind of place or organisation, alone or as a compound's head, and nothing else", () => {
    expect(["Stadt", "Hansestadt", "Gemeinde", "Metropole", "Bundesland"].every(isPlaceKind)).toBe(true);
    expect(["Bibliothek", "Stadtrat", "Gebäude"].some(isPlaceKind)).toBe(false);
    expect(["Fluggesellschaft", "Großunternehmen", "Verein", "AG"].every(isOrganizationKind)).toBe(true);
    expect(["Bibliothek", "Stadt", "Fenster"].some(isOrganizationKind)).toBe(false);
  });
});

describe("asksHowMany", () => {
  it("tells a count of things from an amount of something", () => {
    for (const q of ["Wie viele Plätze hat das Parkhaus?", "Mit wie vielen Bussen?", "How many spaces are there?"]) expect(asksHowMany(q), q).toBe(true);
    for (const q of ["Wie viel Regen fiel?", "How much money is it?", "Wie hoch ist die Miete?"]) expect(asksHowMany(q), q).toBe(false);
  });
});

describe("countedByNumbers", () => {
  it("gives the noun each number counts, not a measure's unit", () => {
    expect(countedByNumbers("Am Hafen lagen neun Segelboote mit Masten von jeweils 14 Metern.")).toEqual(["Segelboote"]);
    expect(countedByNumbers("Es kamen rund 300 betroffene Familien und 2 Millionen Menschen, dazu 40 workers.")).toEqual(["Familien", "Menschen", "workers"]);
    expect(countedByNumbers("Die Halle kostet 4,5 Millionen Euro und öffnet um 9 Uhr.")).toEqual([]);
  });
});

describe("quotedTitles", () => {
  it("reads a title in quotes after a noun as that noun's name, and a quote after a verb or colon as speech", () => {
    expect(quotedTitles("Die Initiative „Kurze Wege“ sammelte Unterschriften.")).toEqual([{ noun: "Initiative", title: "Kurze Wege" }]);
    expect(quotedTitles('Das Geld kommt aus dem Programm "Wald und Wiese", teilte die Stadt mit.')).toEqual([{ noun: "Programm", title: "Wald und Wiese" }]);
    expect(quotedTitles('Er sagte: "Das ist gut."')).toEqual([]);
    expect(quotedTitles("Der Landrat sprach von einem «großen Schritt».")).toEqual([]);
    expect(quotedTitles('"Die Schule bleibt", sagte Bürgermeister Kranz.')).toEqual([]);
  });

  it("makes the title's words a name the sentence supplies", () => {
    expect(sentenceFeatures("Die Initiative „Kurze Wege“ sammelte Unterschriften.").types.get("name")).toEqual(expect.arrayContaining(["kurze", "wege"]));
  });
});

describe("asksForLeader", () => {
  it("reads every form of a leading verb as asking who leads, in a question for a person only", () => {
    for (const word of ["leads", "leading", "led", "heads", "heading", "runs", "running", "chairs", "chaired", "leitet", "geleitet", "führt", "geführt", "angeführt"]) {
      expect(asksForLeader(word, "person"), word).toBe(true);
    }
    expect(asksForLeader("leading", "time")).toBe(false);
    expect(asksForLeader("reads", "person")).toBe(false);
  });
});

describe("namesReason", () => {
  it("is true for a sentence that names a cause by a noun or a compound of one, not for a place or soil named with 'Grund'", () => {
    expect(namesReason("Als Grund nannte die Stadt fehlendes Personal.")).toBe(true);
    expect(namesReason("Hauptgrund für das Aus ist der Schneemangel.")).toBe(true);
    expect(namesReason("Die Brandursache ist noch unklar.")).toBe(true);
    expect(namesReason("Im Untergrund fanden die Arbeiter Asbest.")).toBe(false);
    expect(namesReason("Der Lift fuhr im Winter nur an neun Tagen.")).toBe(false);
  });
});
