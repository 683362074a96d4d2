import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tempDir } from "../helpers/temp.js";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalLexicalEmbeddings } from "../../src/ingest/embed.js";
import { analyze } from "../../src/ingest/keyword.js";
import { buildIndex, openIndex, type LoadedIndex } from "../../src/ingest/store.js";
import { createAsk, sentencesWith, usedBySources, type AskSettings } from "../../src/query/answer.js";
import { buildSentenceStats } from "../../src/query/score.js";
import { vocabularyOf } from "../../src/query/vocabulary.js";
import { makeChunks } from "./fixtures.js";
import { turnOf, type Answer, type Turn } from "../../src/types.js";

const SETTINGS: AskSettings = {
  retrieval: { k: 6, denseK: 30, keywordK: 30, rrfK: 60, denseWeight: 1, keywordWeight: 1 },
  minCoverage: 0.2,
  maxQuestionChars: 1000,
  llmTimeoutMs: 1000,
};

const HARBOUR = " date 2023-05 Im Hafen von Hamburg legte ein Containerschiff aus Singapur an. Die Ladung bestand aus Elektronik. Der Hafen wurde im Jahr 1189 eröffnet.";
const MUSEUM = " date 2023-06 In München stellt ein neues Museum moderne Kunst aus. Der Eintritt kostet zwölf Euro. Das Museum wurde im Jahr 2023 eröffnet.";

async function makeIndex(seeds: Record<string, string>, copyArticle = false, sentences = 2): Promise<{ index: LoadedIndex; dir: string }> {
  const dir = await tempDir("citebot-answer-");
  await mkdir(path.join(dir, "seeds"));
  for (const [name, text] of Object.entries(seeds)) await writeFile(path.join(dir, "seeds", name), text);
  if (copyArticle) await cp(path.resolve("seeds/000_308e1ab380b049a5.txt"), path.join(dir, "seeds", "000_308e1ab380b049a5.txt"));
  const embeddings = new LocalLexicalEmbeddings(256);
  const options = {
    seedsDir: path.join(dir, "seeds"),
    indexDir: path.join(dir, "index"),
    embeddings,
    chunking: { sentences, overlap: 1 },
    hnsw: { m: 16, efConstruction: 100 },
  };
  await buildIndex(options);
  return { index: await openIndex(options.indexDir, { embeddings, ef: 64 }), dir };
}

/** Asks each question alone, without history, of the index the getter gives when asked. */
const askAlone = (index: () => LoadedIndex) => (q: string) => createAsk({ index, analyze, settings: SETTINGS })(q, { history: [] });
/** The quoted text of an answer, all its citations together; "" when nothing was answered. */
const quotes = (a: Answer) => (a.kind === "answered" ? a.citations.map((c) => c.quote).join(" ") : "");

async function expectVerbatim(answer: Answer, dir: string) {
  expect(answer.kind).toBe("answered");
  if (answer.kind !== "answered") return;
  for (const c of answer.citations) {
    expect((await readFile(path.join(dir, "seeds", c.source), "utf8")).slice(c.start, c.end)).toBe(c.quote);
  }
}

describe("createAsk, names in the sources", () => {
  const FERRY =
    " date 2025-03 Cuxhaven (dpa) - Die Fähre «Nordlicht II» ist am Dienstagmorgen gegen die Kaimauer geprallt. Der Kapitän habe kurz vor dem Anlegen über Funk einen Ausfall der Rudersteuerung gemeldet. Verletzt wurden 17 Menschen.";
  const TEAM = " date 2024-05 Kiel (dpa) - Die Handballmannschaft des THW Kiel hat das Pokalfinale gewonnen. Kapitän Jens Albers warf im Finale neun Tore.";
  let ferry: LoadedIndex;
  let team: LoadedIndex;
  beforeAll(async () => {
    ({ index: ferry } = await makeIndex({ "ferry.txt": FERRY }));
    ({ index: team } = await makeIndex({ "team.txt": TEAM }));
  });

  it("does not take a compound the dictionary lacks for a name: the captain's name is not given", async () => {
    // "Rudersteuerung" is Ruder + Steuerung, no name; a question for the captain's name finds none.
    expect((await askAlone(() => ferry)("Wie heißt der Kapitän der Fähre?")).kind).toBe("not_found");
  });

  it("does not take the speaker's name for the name of what was spoken of", async () => {
    const PLANT =
      " date 2025-02 Zwickau (dpa) - Der Autozulieferer Kessler will 700 Stellen streichen, sagte Geschäftsführer Frank Mehnert am Mittwoch. Für das Werk in Glauchau gebe es bereits Gespräche mit zwei Interessenten, sagte Mehnert.";
    const { index: plant } = await makeIndex({ "plant.txt": PLANT });
    const ask = askAlone(() => plant);
    expect((await ask("Wie heißen die Interessenten für das Werk in Glauchau?")).kind).toBe("not_found");
    expect(quotes(await ask("Wie heißt der Geschäftsführer von Kessler?"))).toContain("Frank Mehnert");
  });

  it("answers 'how many' by the sentence that counts the asked noun, though another names it only as a compound's part", async () => {
    // "households" stands for Haushalt and Haus, which the lead has only in "Mehrfamilienhaus".
    const FIRE =
      " date 2024-01 Talheim (dpa) - Bei einem Brand in einem Mehrfamilienhaus in Talheim sind in der Nacht zwei Menschen leicht verletzt worden. Wegen des Feuers sperrte die Feuerwehr für mehrere Stunden die ganze Straße. Betroffen waren etwa 90 Haushalte, die bei Frost ohne Heizung blieben.";
    const { index: fire } = await makeIndex({ "fire.txt": FIRE });
    expect(quotes(await askAlone(() => fire)("How many households were cut off after the fire in Talheim?"))).toContain("90 Haushalte");
  });

  it("answers for a thing's name with the title in quotes after its noun, not with what someone said", async () => {
    const PARK =
      " date 2024-06 Wiesental (dpa) - Im Stadtpark von Wiesental soll ein Spielplatz entstehen. Die Bürgerinitiative „Grüne Mitte“ sammelte dafür 800 Unterschriften. Der Sprecher der Stadt sagte: „Wir prüfen den Antrag.“";
    const { index: park } = await makeIndex({ "park.txt": PARK });
    const ask = askAlone(() => park);
    expect(quotes(await ask("Wie heißt die Bürgerinitiative?"))).toContain("Grüne Mitte");
    expect((await ask("Wie heißt der Antrag?")).kind).toBe("not_found");
  });

  it("answers 'Wie heißt er?' with a person's name only, not a town's or a court's", async () => {
    const TRIAL =
      " date 2025-03 Halberg (dpa) - Das Landgericht Halberg hat einen 52 Jahre alten Unternehmer zu drei Jahren Haft verurteilt. Der Mann hatte Fördergelder für Heizungen erschlichen.";
    const NAMED = " date 2025-03 Halberg (dpa) - Das Landgericht Halberg hat den Unternehmer Karl Brandt zu drei Jahren Haft verurteilt.";
    const history = (source: string) => [{ question: "Wie alt ist der Unternehmer aus Halberg?", answer: "Laut der Quelle: „… 52 Jahre alten Unternehmer …“", sources: [source] }];
    const { index: trial } = await makeIndex({ "trial.txt": TRIAL });
    const { index: named } = await makeIndex({ "named.txt": NAMED });
    expect((await createAsk({ index: () => trial, analyze, settings: SETTINGS })("Wie heißt er?", { history: history("trial.txt") })).kind).toBe("not_found");
    expect(quotes(await createAsk({ index: () => named, analyze, settings: SETTINGS })("Wie heißt er?", { history: history("named.txt") }))).toContain("Karl Brandt");
  });

  it("answers 'wie viel Geld' with a sum in euros, and no general-knowledge price with any sum", async () => {
    const AID =
      " date 2024-09 Talstadt (dpa) - Nach dem Hochwasser an der Elster hat der Innenminister den Betroffenen schnelle Unterstützung versprochen. Das Landeskabinett will am Dienstag ein Soforthilfeprogramm über 50 Millionen Euro beschließen.";
    const { index: aid } = await makeIndex({ "aid.txt": AID });
    const ask = askAlone(() => aid);
    expect(quotes(await ask("Wie viel Geld gibt es für die Betroffenen des Hochwassers?"))).toContain("50 Millionen Euro");
    expect((await ask("Was kostet ein Gramm Gold?")).kind).toBe("not_found");
  });

  it("answers when something began with the span the sources give ('Anfang des Monats'), though 'anfangen' is a word of the question", async () => {
    // Another article says when its strike began, by the clock; the seed says when the protests did.
    const STRIKE = " date 2025-03 Frankfurt (dpa) - Die Lokführer streiken wieder. Der Streik begann in der Nacht zum Mittwoch um 2 Uhr und soll bis Freitag dauern.";
    const { index: seed } = await makeIndex({ "strike.txt": STRIKE }, true);
    expect(quotes(await askAlone(() => seed)("Wann begannen die Proteste?"))).toContain("Anfang des Monats");
  });

  it("answers 'Wogegen …?' with the sentence that says what it was against", async () => {
    const { index: seed } = await makeIndex({}, true);
    const ask = askAlone(() => seed);
    expect(quotes(await ask("Wogegen wurde demonstriert?"))).toContain("Proteste gegen eine Verdopplung von Treibstoffpreisen");
    expect(quotes(await ask("Wogegen wurde protestiert?"))).toContain("Proteste gegen eine Verdopplung von Treibstoffpreisen");
  });

  it("answers 'Wer stimmte dagegen?' with who voted against, not with the vote's result", async () => {
    const VOTE =
      " date 2025-05 Talstadt (dpa) - Der Gemeinderat von Talstadt hat den Bau einer neuen Sporthalle beschlossen. Der Rat stimmte am Montag mit 15 zu 9 Stimmen für das Projekt. Die Grünen-Fraktion stimmte geschlossen gegen den Neubau.";
    const { index: vote } = await makeIndex({ "vote.txt": VOTE });
    const answer = quotes(await askAlone(() => vote)("Wer stimmte dagegen?"));
    expect(answer).toContain("Grünen-Fraktion");
  });

  it("answers a count for last year only from a sentence that says which year, or a year", async () => {
    const undated = " date 2025-05 Talstadt (dpa) - Die Polizei in Talstadt hat 84 Verkehrsunfälle gezählt. Die meisten ereigneten sich auf der Bundesstraße.";
    const dated = " date 2025-05 Talstadt (dpa) - Im vergangenen Jahr hat die Polizei in Talstadt 84 Verkehrsunfälle gezählt. Die meisten ereigneten sich auf der Bundesstraße.";
    const question = "Wie viele Verkehrsunfälle gab es letztes Jahr in Talstadt?";
    const { index: plain } = await makeIndex({ "unfall.txt": undated });
    expect((await askAlone(() => plain)(question)).kind).toBe("not_found");
    const { index: year } = await makeIndex({ "unfall.txt": dated });
    expect(quotes(await askAlone(() => year)(question))).toContain("84 Verkehrsunfälle");
    // Asked without the period, the undated count answers.
    expect(quotes(await askAlone(() => plain)("Wie viele Verkehrsunfälle gab es in Talstadt?"))).toContain("84 Verkehrsunfälle");
  });

  it("names the captain where the sources do", async () => {
    expect(quotes(await askAlone(() => team)("Wie heißt der Kapitän der Kieler Handballmannschaft?"))).toContain("Jens Albers");
  });
});

describe("createAsk, a question that says which one it means", () => {
  const FLOOD =
    " date 2024-09 Grimma (dpa) - Das Hochwasser der Mulde hat in Grimma schwere Schäden angerichtet. Der wirtschaftliche Schaden liegt nach ersten Schätzungen bei rund 40 Millionen Euro.";
  const STRIKE = " date 2024-09 Frankfurt (dpa) - Ein Warnstreik des Bodenpersonals hat den Flugverkehr in Frankfurt lahmgelegt. Rund 1000 Flüge fielen aus.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "flood.txt": FLOOD, "strike.txt": STRIKE }));
  });

  it("declines when the answer's article never speaks of what the question's attribute names", async () => {
    const ask = askAlone(() => index);
    // The flood's damage is the flood's, not the strike's.
    expect((await ask("Wie hoch ist der wirtschaftliche Schaden des Streiks?")).kind).toBe("not_found");
    expect(quotes(await ask("Wie hoch ist der wirtschaftliche Schaden des Hochwassers?"))).toContain("40 Millionen Euro");
  });

  it("answers when no article read speaks of the attribute: the asker said it in other words", async () => {
    const { index: rescue } = await makeIndex({
      "rescue.txt": " date 2024-10 Kreuzbach (dpa) - Die Bergwacht hat sieben Wanderer aus Bergnot an der Hohen Gratlspitze gerettet. Der Notruf ging gegen 15.30 Uhr bei der Leitstelle ein.",
      "strike.txt": STRIKE,
    });
    expect(quotes(await askAlone(() => rescue)("Wann ging der Notruf der Bergsteiger ein?"))).toContain("15.30 Uhr");
  });
});

describe("createAsk, a question whose nouns name another story", () => {
  const FLOOD =
    " date 2024-09 Grimma (dpa) - Das Hochwasser der Mulde hat in Grimma schwere Schäden angerichtet. Den Schaden an Straßen und Brücken schätzt der Landkreis auf rund 40 Millionen Euro.";
  const STRIKE =
    " date 2024-09 Frankfurt (dpa) - Die Lokführer der Bahn haben am Mittwoch die Arbeit niedergelegt. Ökonomen warnen seit Wochen vor den Folgen eines langen Ausstands. Die Gewerkschaft verlangt mehr Lohn.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "flood.txt": FLOOD, "strike.txt": STRIKE }));
  });

  it("declines a damage the strike's article does not give rather than quote the flood's", async () => {
    const ask = askAlone(() => index);
    expect((await ask("Wie hoch beziffern Ökonomen den Schaden durch die Lokführer?")).kind).toBe("not_found");
    expect(quotes(await ask("Wie hoch ist der Schaden durch das Hochwasser?"))).toContain("40 Millionen Euro");
  });
});

describe("createAsk, a question about a planned time", () => {
  const PROBE =
    " date 2025-06 Kourou (dpa) - Die Raumsonde «Hermes» hob am Dienstag um 14.32 Uhr vom Weltraumbahnhof Kourou ab. Ziel der Reise ist der Asteroid Psyche. Die Sonde soll nach einem Vorbeiflug am Mars ihr Ziel im Herbst 2030 erreichen.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "probe.txt": PROBE }));
  });

  it("quotes the planned date, not the time of what has happened", async () => {
    const ask = askAlone(() => index);
    expect(quotes(await ask("Wann soll die Raumsonde bei dem Asteroiden ankommen?"))).toContain("Herbst 2030");
    expect(quotes(await ask("Wann hob die Raumsonde ab?"))).toContain("14.32 Uhr");
  });
});

describe("createAsk, a sentence that says its subject only in the lead", () => {
  const TRAM =
    " date 2025-10 Würzburg (dpa) - Nach drei Jahren Bauzeit hat Würzburg am Samstag seine neue Straßenbahnlinie 6 eröffnet. Die Bahnen fahren alle zehn Minuten. Oberbürgermeisterin Sabine Krämer fuhr in der ersten Bahn mit. Anwohner hatten jahrelang gegen das Projekt geklagt. Der Bau kostete 152 Millionen Euro.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "tram.txt": TRAM }));
  });

  it("answers what the later sentence gives of the subject the lead named", async () => {
    expect(quotes(await askAlone(() => index)("Wie viel hat die neue Straßenbahnlinie gekostet?"))).toContain("152 Millionen Euro");
  });
});

describe("createAsk, a count the sources give under a broader name", () => {
  const BRIDGE =
    " date 2025-03 Brenningen (dpa) - Der Stadtrat von Brenningen hat eine neue Brücke über die Kalde beschlossen. Derzeit überqueren täglich etwa 18.000 Fahrzeuge die alte Ostbrücke. Der Bau soll 2027 beginnen.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "bridge.txt": BRIDGE }));
  });

  it("takes the number of vehicles for the number of cars, OpenThesaurus's hypernym of the counted noun", async () => {
    expect(quotes(await askAlone(() => index)("Wie viele Autos fahren täglich über die Ostbrücke?"))).toContain("18.000 Fahrzeuge");
  });
});

describe("createAsk, a count of one thing beside the question's other words", () => {
  const HOSPITAL = [
    " date 2025-03 Wernsfeld (dpa) - Das Kreiskrankenhaus in Wernsfeld schließt seine Innere Abteilung und die Notaufnahme. Als Grund nannte der Betreiber einen Mangel an Ärzten.",
    "Das Haus mit zuletzt 120 Betten ist das einzige Krankenhaus im Landkreis Wernsfeld-Aue. Es war 1954 eröffnet worden.",
    "Für die rund 310 Beschäftigten soll es nach Angaben des Unternehmens keine betriebsbedingten Kündigungen geben. Die Gewerkschaft Verdi kritisierte die Pläne.",
  ].join("\n\n");
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "hospital.txt": HOSPITAL }));
  });

  it("answers 'wie viele Mitarbeiter' with the number of staff, not the beds the sentence about the hospital counts", async () => {
    const answer = quotes(await askAlone(() => index)("Wie viele Mitarbeiter hat das Krankenhaus in Wernsfeld?"));
    expect(answer).toContain("310 Beschäftigten");
    expect(answer).not.toContain("120 Betten");
  });
});

describe("createAsk, a reason the lead's paragraph gives", () => {
  const CLINIC = [
    " date 2025-03 Wernsfeld (dpa) - Das Kreiskrankenhaus in Wernsfeld schließt seine Notaufnahme. Die Patienten werden in andere Kliniken verlegt. Als Grund nannte der Betreiber einen Mangel an Ärzten.",
    "Das Haus mit zuletzt 120 Betten ist das einzige Krankenhaus im Landkreis Wernsfeld. Bereits vor drei Jahren war die Geburtsstation geschlossen worden, damals wegen fehlender Hebammen.",
  ].join("\n\n");
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "clinic.txt": CLINIC }, false, 4));
  });

  it("gives the reason for what the lead reports, though the reason's sentence repeats none of the question's words and another sentence says \"Krankenhaus\"", async () => {
    const answer = quotes(await askAlone(() => index)("Warum macht die Klinik in Wernsfeld dicht?"));
    expect(answer).toContain("Mangel an Ärzten");
    expect(answer).not.toContain("Hebammen");
  });
});

describe("createAsk, a reason or a list a later paragraph gives", () => {
  const POOL = [
    " date 2025-05 Marbach (dpa) - Das Freibad in Marbach bleibt in diesem Sommer geschlossen. Das teilte die Stadtverwaltung am Freitag mit. Die Saisonkarten werden erstattet.",
    "Schon 2019 war das Freibad in Marbach einen Sommer lang geschlossen geblieben. Damals fehlten Rettungsschwimmer.",
    "Taucher hatten im Frühjahr einen Riss im Becken entdeckt, deshalb darf kein Wasser eingelassen werden. Im vergangenen Jahr kamen rund 60.000 Badegäste ins Freibad.",
  ].join("\n\n");
  const SCHOOLS = [
    " date 2025-06 Lindow (dpa) - Der Landkreis Lindow schließt zum Herbst mehrere Grundschulen. Das beschloss der Kreistag am Mittwoch. Die Eltern sind empört.",
    "Schon 2020 hatte der Landkreis Lindow zwei Grundschulen geschlossen. Damals fehlten Lehrkräfte.",
    "Betroffen sind die Standorte Almsdorf, Brenz und Kettwig. Im vergangenen Jahr besuchten rund 300 Kinder die Grundschulen.",
  ].join("\n\n");

  it.each([
    ["gives a reason", POOL, "Warum bleibt das Freibad in Marbach geschlossen?", "Riss im Becken"],
    ["lists some of the kind asked for", SCHOOLS, "Welche Grundschulen schließt der Landkreis Lindow?", "Almsdorf, Brenz und Kettwig"],
  ])("quotes the sentence that %s, not only the sentences that repeat the question's words", async (_, article, question, fact) => {
    const { index } = await makeIndex({ "article.txt": article }, false, 3);
    expect(quotes(await askAlone(() => index)(question))).toContain(fact);
  });
});

describe("createAsk, a translation the sources do not use", () => {
  const MUSEUM =
    " date 2024-04 Winsen (dpa) - Aus dem Museum in Winsen sind 312 Silbermünzen gestohlen worden, sagte Polizeisprecher Tom Berg. Museumsleiterin Friederike Sander war direkt nach dem Einbruch vor Ort.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "museum.txt": MUSEUM }));
  });

  it("does not take a word the sources only begin ('direkt') for their use of it ('Direktor'), and reads the English word's synonyms instead", async () => {
    // "director" translates to Direktor, which the sources never say; WordNet's "manager" is a Leiter.
    expect(quotes(await askAlone(() => index)("Who is the director of the museum in Winsen?"))).toContain("Friederike Sander");
  });
});

describe("createAsk, a question for who leads what the story names", () => {
  const LIBRARY =
    " date 2025-03 Marstal (dpa) - Zwei Jahre nach dem Brand in der Stadtbibliothek von Marstal hat das Amtsgericht zwei Männer zu Bewährungsstrafen verurteilt. " +
    "Die Angeklagten im Alter von 22 und 25 Jahren hatten gestanden, in der Nacht zum 3. März 2023 Feuer im Lesesaal gelegt zu haben.\n\n" +
    "Das Feuer zerstörte rund 14.000 Bücher und einen Teil des historischen Archivs. Die Feuerwehr war mit 60 Kräften im Einsatz. Verletzt wurde niemand. " +
    "Der Schaden wurde auf 2,4 Millionen Euro geschätzt.\n\n" +
    "«Die Tat war sinnlos», sagte Richterin Petra Olsen in der Urteilsbegründung. Das Gericht folgte weitgehend dem Antrag der Staatsanwaltschaft. " +
    "Einer der Verteidiger kündigte an, Rechtsmittel zu prüfen.\n\n" +
    "Bibliotheksleiterin Hanna Krüger zeigte sich nach dem Urteil erleichtert. «Wir wollen nach vorne schauen», sagte sie. " +
    "Der Lesesaal soll im Herbst wieder öffnen, die Stadt hat dafür 800.000 Euro bereitgestellt.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "library.txt": LIBRARY }, true, 3));
  });

  it("quotes first the story's sentence that names a person by a leader's noun, not its lead, nor a leader of another story", async () => {
    for (const q of ["Wer leitet die Bibliothek in Marstal?", "Who is the director of the library in Marstal?", "Who runs the library?"]) {
      const answer = await askAlone(() => index)(q);
      expect(answer.kind === "answered" && answer.citations[0]?.quote, q).toBe("Bibliotheksleiterin Hanna Krüger zeigte sich nach dem Urteil erleichtert.");
      expect(answer.kind === "answered" && answer.citations.map((c) => c.source), q).not.toContain("000_308e1ab380b049a5.txt");
    }
  });
});

describe("createAsk, a compound the sources do not use", () => {
  const CABLE_CAR =
    " date 2025-04 Oberwald (dpa) - Bei der Bergfahrt einer Seilbahnkabine am Kammberg sind am Samstagmittag 14 Menschen leicht verletzt worden. " +
    "Sie stieß gegen 12.10 Uhr gegen einen Stützpfeiler, wie die Polizei mitteilte. An Bord waren 38 Fahrgäste.\n\n" +
    "Der Betreiber ließ die Anlage nach dem Vorfall prüfen. Ein Gutachter soll klären, ob ein technischer Defekt vorlag. " +
    "Die Bahn bleibt bis auf Weiteres geschlossen, Wanderer können den Gipfel über einen Fußweg erreichen.\n\n" +
    "Es war der erste Unfall an der Anlage seit ihrer Eröffnung im Jahr 1998. Die Gemeinde will im Sommer über eine Erneuerung der Kabinen beraten.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "cable-car.txt": CABLE_CAR }, true));
  });

  it("takes the story that names its modifier for the story it asks about, not for another subject", async () => {
    const answer = await askAlone(() => index)("Wie viele Leute sind bei dem Seilbahnunfall am Kammberg verletzt worden?");
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toContain("14 Menschen leicht verletzt");
    expect((await askAlone(() => index)("Wie viele Leute sind bei dem Busunfall am Kammberg verletzt worden?")).kind).toBe("not_found");
  });
});

describe("createAsk, a role noun the stemmer cuts to its root", () => {
  const TREE_HOUSE =
    " date 2023-11 Kessingen (dpa) - Ein Baumhaus in einem Garten in Kessingen darf stehen bleiben. " +
    "Das hat das Amtsgericht Kessingen am Dienstag entschieden und damit einen Nachbarschaftsstreit beendet. " +
    "Die Nachbarn hatten geklagt, weil sie von der Plattform aus beobachtet würden.\n\n" +
    "Die Familie hatte das Baumhaus im Frühjahr 2022 für ihre beiden Kinder gebaut. Es kostete rund 6.500 Euro an Material. " +
    "Richterin Claudia Wendt hatte sich die Lage im Juni bei einem Ortstermin selbst angesehen. " +
    "Die mündliche Verhandlung im September hatte gut drei Stunden gedauert.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "tree-house.txt": TREE_HOUSE }, true));
  });

  it("does not find a judge ('Richter' → richt) in the court ('Amtsgericht'): the sentence that names the judge comes first", async () => {
    const answer = await askAlone(() => index)("Welche Richterin hat am Amtsgericht Kessingen im Baumhaus-Streit entschieden?");
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toBe("Richterin Claudia Wendt hatte sich die Lage im Juni bei einem Ortstermin selbst angesehen.");
  });
});

describe("createAsk, a role asked for in English", () => {
  const SHELTER =
    " date 2024-08 Lindtal (dpa) - Der Tierschutzverein Lindtal schließt sein Tierheim in Lindtal für neue Tiere. " +
    "Der Verein betreibt das Tierheim in Lindtal seit 1985 und versorgt Fundtiere aus 14 Gemeinden.\n\n" +
    "Die Vorsitzende Anna Berg sagte, die Pauschale der Gemeinden reiche nicht mehr. " +
    "Derzeit leben in dem Heim 63 Katzen und 21 Hunde. " +
    "Tierheimleiter Max Huber sagte, das Tierheim des Tierschutzvereins in Lindtal sei voll.";
  // Another story uses the dictionary's first sense of "chairman", so "Vorsitzende" meets it below that.
  const HUNTERS = " date 2024-09 Hohenau (dpa) - Der Obmann der Jäger in Hohenau, Karl Grün, lobte die Zusammenarbeit mit den Förstern.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "shelter.txt": SHELTER, "hunters.txt": HUNTERS }, true));
  });

  it("quotes first the sentence that names the role by a later translation the sources use ('chairman' → Vorsitzende, after Obmann)", async () => {
    const answer = await askAlone(() => index)("Who is the chairman of the animal shelter association in Lindtal?");
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toContain("Anna Berg");
  });
});

describe("createAsk, a verb the dictionary also files under a phrase", () => {
  const BUS =
    " date 2025-03 Lindtal (dpa) - Die neue Buslinie 12 fährt ab Montag stündlich nach Kassel. " +
    "Eine Fahrt kostet 2,40 Euro, wie die Verkehrsgesellschaft am Dienstag mitteilte. " +
    "Die Linie ersetzt die alte Verbindung, die im vergangenen Jahr eingestellt worden war.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "bus.txt": BUS }, true));
  });

  it("does not read 'fährt' as 'rad fahren' and so as a word about a bicycle", async () => {
    expect((await askAlone(() => index)("Wie viel kostet ein neues Rad in Lindtal?")).kind).toBe("not_found");
    const answer = await askAlone(() => index)("Wie viel kostet eine Fahrt nach Kassel?");
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toContain("2,40 Euro");
  });
});

describe("createAsk, a conversation that stays with its story", () => {
  const UNION =
    " date 2025-02 Zwickau (dpa) - Der Autozulieferer Kessler will 700 Stellen streichen. Die IG Metall fordert bei Kessler eine Standortgarantie bis 2030. Die IG Metall ruft bei Kessler für Freitag zu einem Warnstreik auf.";
  const FRANCE = " date 2025-02 Paris (dpa) - In Frankreich begann am Montag ein landesweiter Warnstreik der Lokführer. Viele Züge fielen aus.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "union.txt": UNION, "france.txt": FRANCE }));
  });

  it("answers a question that names nothing new from the story the conversation is about", async () => {
    const ask = createAsk({ index: () => index, analyze, settings: SETTINGS });
    // Alone, the strike that began is the one in France.
    expect(quotes(await ask("When does the strike start?", { history: [] }))).toContain("Frankreich");
    const first = await ask("What does IG Metall demand from Kessler?", { history: [] });
    expect(quotes(first)).toContain("Standortgarantie");
    const story = [turnOf("What does IG Metall demand from Kessler?", first)];
    const next = await ask("When does the strike start?", { history: story });
    expect(quotes(next)).toContain("Freitag");
    // A question that names its subject goes where it points.
    expect(quotes(await ask("When did the strike in France start?", { history: story }))).toContain("Montag");
  });
});

describe("createAsk, a conversation that returns to its story after a detour", () => {
  const SCHOOL =
    " date 2025-03 Tannstedt (dpa) - Die Stadt Tannstedt erhöht zum 1. April die Gebühren ihrer Musikschule. Eine Unterrichtsstunde kostet dann 28 Euro statt bisher 22 Euro. " +
    "Bürgermeisterin Karin Lodders begründete die Erhöhung mit gestiegenen Löhnen der Lehrkräfte. Der Stadtrat stimmte mit 18 zu 9 Stimmen zu.";
  const STORM =
    " date 2025-03 Ellwangen (dpa) - Ein Sturm hat in Ellwangen in der Nacht zum Sonntag 40 Dächer abgedeckt. Verletzt wurde niemand. " +
    "Bürgermeister Tim Albers richtete ein Spendenkonto für die Betroffenen ein. Die Feuerwehr war mit 90 Kräften im Einsatz. " +
    "Der Stadtrat rief am Sonntag mit allen Stimmen den Katastrophenfall aus.";
  let index: LoadedIndex;
  const ask = createAsk({ index: () => index, analyze, settings: SETTINGS });
  // A question on one story, then a detour to the other.
  const history: Turn[] = [];
  beforeAll(async () => {
    ({ index } = await makeIndex({ "school.txt": SCHOOL, "storm.txt": STORM }));
    for (const q of ["Wie viel kostet in Tannstedt künftig eine Unterrichtsstunde?", "Wie viele Dächer hat der Sturm in Ellwangen abgedeckt?"]) {
      history.push(turnOf(q, await ask(q, { history: [...history] })));
    }
  });

  it("answers a follow-up whose definite nouns the last story lacks from the earlier story that has them", async () => {
    expect(history.map((t) => t.sources?.[0])).toEqual(["school.txt", "storm.txt"]);
    const back = await ask("Und wie begründet die Bürgermeisterin die Erhöhung?", { history });
    expect(back.kind === "answered" && back.citations[0]?.quote).toContain("gestiegenen Löhnen");
    // One whose nouns the last story has stays with it.
    const stays = await ask("Und was hat der Bürgermeister eingerichtet?", { history });
    expect(stays.kind === "answered" && stays.citations[0]?.quote).toContain("Spendenkonto");
  });

  it("answers a question asked alone from the earlier story it is answered from, not from the last one", async () => {
    const alone = await ask("Mit wie vielen Stimmen hat der Stadtrat zugestimmt?", { history: [] });
    expect(alone.kind === "answered" && alone.citations[0]?.quote).toContain("18 zu 9");
    const back = await ask("Mit wie vielen Stimmen hat der Stadtrat zugestimmt?", { history });
    expect(back.kind === "answered" && back.citations[0]?.quote).toContain("18 zu 9");
  });
});

describe("createAsk, what the person the last answer named said", () => {
  const PORT =
    " date 2025-04 Seeburg (dpa) - Der Hafen von Seeburg soll für 80 Millionen Euro ausgebaut werden. " +
    "«Damit sichern wir Arbeitsplätze für Jahrzehnte», sagte Hafenchefin Anke Brandt. " +
    "Gegen den geplanten Ausbau stimmte im Stadtrat die Fraktion der Grünen. " +
    "«Der geplante Ausbau zerstört Watt und Salzwiesen», sagte Grünen-Sprecher Ole Friis zum Ausbau des Hafens. " +
    "Die Bauarbeiten sollen im Herbst beginnen.";
  let index: LoadedIndex;
  const ask = createAsk({ index: () => index, analyze, settings: SETTINGS });
  beforeAll(async () => {
    ({ index } = await makeIndex({ "port.txt": PORT }));
  });

  it("quotes the words that person said, not another speaker's on the same subject", async () => {
    const q = "Wer leitet den Hafen in Seeburg?";
    const first = await ask(q, { history: [] });
    expect(quotes(first)).toContain("Anke Brandt");
    const said = await ask("Was hat sie zum geplanten Ausbau gesagt?", { history: [turnOf(q, first)] });
    expect(said.kind === "answered" && said.citations[0]?.quote).toContain("Arbeitsplätze");
  });
});

describe("createAsk, a conversation that names nothing new", () => {
  const FERRY = " date 2025-03 Cuxhaven (dpa) - Die Fähre «Nordlicht II» ist am Dienstagmorgen gegen die Kaimauer geprallt. Dabei wurden 17 Menschen leicht verletzt.";
  const BIKES = " date 2025-03 Schweinfurt (dpa) - Der insolvente Fahrradhersteller Brenner ist gerettet. Ein Konzern aus den Niederlanden übernimmt die Firma.";
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "ferry.txt": FERRY, "bikes.txt": BIKES }));
  });

  it("stays with the story when every word it asks with is the story's, and says so when the story does not tell", async () => {
    const ask = createAsk({ index: () => index, analyze, settings: SETTINGS });
    // Alone, the one "gerettet" is the bicycle maker.
    expect(quotes(await ask("Musste jemand gerettet werden?", { history: [] }))).toContain("Brenner");
    const first = await ask("Wie viele Menschen wurden auf der Fähre in Cuxhaven verletzt?", { history: [] });
    expect(quotes(first)).toContain("17 Menschen");
    const story = [turnOf("Wie viele Menschen wurden auf der Fähre in Cuxhaven verletzt?", first)];
    expect((await ask("Musste jemand gerettet werden?", { history: story })).kind).toBe("not_found");
    // A noun the ferry's article does not have opens another story.
    expect(quotes(await ask("Wer übernimmt den Fahrradhersteller?", { history: story }))).toContain("Konzern");
  });
});

describe("createAsk, extractive", () => {
  let index: LoadedIndex;
  let dir: string;
  beforeAll(async () => {
    ({ index, dir } = await makeIndex({ "harbour.txt": HARBOUR, "museum.txt": MUSEUM }, true));
  });
  const ask = () => createAsk({ index: () => index, analyze, settings: SETTINGS });

  it("answers from the sources with verbatim, numbered quotes framed in German", async () => {
    const answer = await ask()("Wie viele Verletzte gab es bei den Unruhen?", { history: [] });
    expect(answer).toMatchObject({ kind: "answered", language: "de", mode: "extractive" });
    expect(answer.text).toMatch(/^Laut der Quelle: „Es gab viele Tote, Hunderte Verletzte und mehr als 10\.000 Festnahmen\.“ \[1\]$/);
    await expectVerbatim(answer, dir);
    if (answer.kind === "answered") {
      expect(answer.citations[0]).toMatchObject({ n: 1, source: "000_308e1ab380b049a5.txt", date: "2022-01" });
    }
  });

  it("answers each question of a message that asks several, numbering the quotes of all in one answer", async () => {
    const [ship, cargo] = ["Aus welchem Land kam das Containerschiff?", "Woraus bestand die Ladung?"];
    const both = await ask()(`${ship} ${cargo}`, { history: [] });
    expect(both.kind).toBe("answered");
    if (both.kind !== "answered") return;
    expect(quotes(both)).toContain("Singapur");
    expect(quotes(both)).toContain("Elektronik");
    expect(both.citations.map((c) => c.n)).toEqual(both.citations.map((_, i) => i + 1));
    // Each answer under its question, with its quotes' numbers.
    const singapore = both.citations.find((c) => c.quote.includes("Singapur"))!;
    const electronics = both.citations.find((c) => c.quote.includes("Elektronik"))!;
    expect(both.text.indexOf(ship)).toBeLessThan(both.text.indexOf(`[${singapore.n}]`));
    expect(both.text.indexOf(cargo)).toBeLessThan(both.text.indexOf(`[${electronics.n}]`));
    await expectVerbatim(both, dir);
    // A part the sources do not answer is declined as such, the other answered.
    const half = await ask()(`${cargo} Wer gewann die Bundestagswahl 2021?`, { history: [] });
    expect(quotes(half)).toContain("Elektronik");
    expect(half.text).toContain("Wer gewann die Bundestagswahl 2021? Dazu finde ich in meinen Quellen nichts");
    // None answered: one refusal, as for one question.
    expect((await ask()("Wer gewann die Bundestagswahl 2021? Wer wurde Kanzler?", { history: [] })).kind).toBe("not_found");
  });

  it("answers a continuing question that names another story from that story, not held to the last answer's", async () => {
    const answer = await ask()("Wann wurde der Hafen eröffnet? Und was kostet der Eintritt im Museum?", { history: [] });
    expect(quotes(answer)).toContain("1189");
    expect(quotes(answer)).toContain("Der Eintritt kostet zwölf Euro.");
    await expectVerbatim(answer, dir);
  });

  it("asks two questions joined by 'und' one by one when read as one they find nothing", async () => {
    const answer = await ask()("Wann wurde der Hafen eröffnet und was kostet der Eintritt?", { history: [] });
    expect(quotes(answer)).toContain("1189");
    expect(quotes(answer)).toContain("Der Eintritt kostet zwölf Euro.");
    expect(answer.text).toContain("Und was kostet der Eintritt?");
    await expectVerbatim(answer, dir);
  });

  it("answers a second question of a message as a follow-up of the first", async () => {
    // "…? Woraus, bitte?" is one question: the second has no word of its own but a courtesy.
    const one = await ask()("Was legte im Hafen von Hamburg an? Woraus, bitte?", { history: [] });
    expect(one.text).not.toContain("Woraus, bitte? ");
    const answer = await ask()("Was legte im Hafen von Hamburg an? Und woraus bestand seine Ladung?", { history: [] });
    expect(quotes(answer)).toContain("Containerschiff");
    expect(quotes(answer)).toContain("Elektronik");
  });

  it("answers a request for what the sources are about with the lead of each, newest first", async () => {
    const answer = await ask()("Worum geht es in den Artikeln?", { history: [] });
    expect(answer).toMatchObject({ kind: "answered", language: "de" });
    if (answer.kind !== "answered") return;
    // Each article's first sentence, quoted: the museum (2023-06), the harbour (2023-05), the seed (2022-01).
    expect(answer.citations.map((c) => c.quote)).toEqual([
      "In München stellt ein neues Museum moderne Kunst aus.",
      "Im Hafen von Hamburg legte ein Containerschiff aus Singapur an.",
      expect.stringMatching(/^Nur eine Woche nach der Verlegung/),
    ]);
    expect(answer.citations.map((c) => c.n)).toEqual([1, 2, 3]);
    await expectVerbatim(answer, dir);
    expect((await ask()("What are the sources about?", { history: [] })).text).toMatch(/^The sources report, among other things: “In München/);
  });

  it("answers a question about the bot itself with what it does and example questions, no citation or refusal", async () => {
    const answer = await ask()("Was kannst du?", { history: [] });
    expect(answer).toMatchObject({ kind: "smalltalk", language: "de" });
    expect(answer.text).toMatch(/wörtlichen Zitat/);
    if (answer.kind === "smalltalk") expect(answer.examples.length).toBeGreaterThan(0);
    expect(await ask()("Who are you?", { history: [] })).toMatchObject({ kind: "smalltalk", language: "en" });
  });

  it("frames the answer in English for an English question and quotes the German source", async () => {
    const answer = await ask()("How much does admission to the museum cost?", { history: [] });
    expect(answer).toMatchObject({ kind: "answered", language: "en" });
    expect(answer.text).toMatch(/^According to the sources?: “Der Eintritt kostet zwölf Euro\.” \[1\]/);
    await expectVerbatim(answer, dir);
  });

  it("declines a question the sources do not answer, in the asker's language, suggesting what they cover", async () => {
    const answer = await ask()("Wer gewann die Bundestagswahl 2021?", { history: [] });
    expect(answer).toMatchObject({ kind: "not_found", language: "de", mode: "extractive" });
    if (answer.kind === "not_found") {
      expect(answer.suggestions.length).toBeGreaterThan(0);
      expect(answer.text).toContain(answer.suggestions[0]);
    }
    const english = await ask()("What currency is used in Kazakhstan?", { history: [] });
    expect(english).toMatchObject({ kind: "not_found", language: "en" });
    expect(english.text).toMatch(/^I can't find that in my sources/);
  });

  it("uses the previous question's terms for a follow-up", async () => {
    const followUp = "Und wann wurde es eröffnet?";
    const harbour = await ask()(followUp, { history: [{ question: "Woher kam das Schiff im Hafen von Hamburg?", answer: "…" }] });
    const museum = await ask()(followUp, { history: [{ question: "Was zeigt das neue Museum in München?", answer: "…" }] });
    expect(harbour.kind === "answered" && harbour.citations[0]?.quote).toBe("Der Hafen wurde im Jahr 1189 eröffnet.");
    expect(museum.kind === "answered" && museum.citations[0]?.quote).toBe("Das Museum wurde im Jahr 2023 eröffnet.");
  });

  it("reads questions with HTML in them as text", async () => {
    const answer = await ask()("<b>Wer</b> ist der <i>Präsident</i> Kasachstans?<script>alert(1)</script>", { history: [] });
    expect(answer.kind === "answered" && answer.citations.map((c) => c.quote).join(" ")).toContain("Tokajew");
  });

  it("survives huge input and says it was cut", async () => {
    const answer = await ask()(`Wie viele Verletzte gab es? ${"bla ".repeat(250_000)}`, { history: [] });
    expect(answer.note).toBe("question truncated");
    expect(["answered", "not_found"]).toContain(answer.kind);
  });

  it("asks for a question when there is none, without refusing and without repeating the last answer", async () => {
    const history = [{ question: "Wie viele Verletzte gab es bei den Unruhen?", answer: "Laut der Quelle: „Es gab viele Tote, Hunderte Verletzte …“ [1]" }];
    for (const text of ["  <br/> ?! ", "<b>x</b>", "👍🎉"]) {
      const answer = await ask()(text, { history });
      expect(answer.kind).toBe("smalltalk");
      expect(answer.text).toMatch(/keine Frage/);
      expect(answer.text).not.toMatch(/Verletzte/);
    }
  });

  it("greets and thanks in the user's language with example questions from the sources, never a citation or a refusal", async () => {
    const hello = await ask()("Hallo!", { history: [] });
    expect(hello).toMatchObject({ kind: "smalltalk", language: "de" });
    if (hello.kind !== "smalltalk") return;
    expect(hello.examples.length).toBeGreaterThanOrEqual(2);
    // The examples come from the indexed documents, and each of them is answered.
    for (const example of hello.examples) expect((await ask()(example, { history: [] })).kind).toBe("answered");
    const thanks = await ask()("Thanks!", { history: [] });
    expect(thanks).toMatchObject({ kind: "smalltalk", language: "en" });
    expect(thanks.text).toMatch(/welcome/);
    // A greeting that carries a question is a question.
    expect((await ask()("Hallo, wie viele Verletzte gab es bei den Unruhen?", { history: [] })).kind).toBe("answered");
  });

  it("answers a self-contained question in a conversation exactly as if asked alone", async () => {
    const alone = await ask()("Wann wurde der Hafen eröffnet?", { history: [] });
    const history = [{ question: "Was kostet der Eintritt ins Museum?", answer: "Laut der Quelle: „Der Eintritt kostet zwölf Euro.“ [1]" }];
    const inConversation = await ask()("Wann wurde der Hafen eröffnet?", { history });
    expect(inConversation).toEqual(alone);
  });

  it("continues a follow-up in the article the previous answer quoted, when that article answers it", async () => {
    const quoted = async (source: string) => {
      const answer = await ask()("Wann wurde dieses eröffnet?", { history: [{ question: "Und?", answer: "…", sources: [source] }] });
      return answer.kind === "answered" ? answer.citations[0]?.quote : answer.kind;
    };
    expect(await quoted("museum.txt")).toBe("Das Museum wurde im Jahr 2023 eröffnet.");
    expect(await quoted("harbour.txt")).toBe("Der Hafen wurde im Jahr 1189 eröffnet.");
  });

  it("keeps a conversation on the article of the last answer when the question between found nothing", async () => {
    const quoted = async (source: string) => {
      const history = [
        { question: "Was gibt es Neues?", answer: "…", sources: [source] },
        { question: "Wie viele Besucher kamen?", answer: "Dazu finde ich in meinen Quellen nichts.", sources: [] },
      ];
      const answer = await ask()("Wann wurde dieses eröffnet?", { history });
      return answer.kind === "answered" ? answer.citations[0]?.quote : answer.kind;
    };
    expect(await quoted("museum.txt")).toBe("Das Museum wurde im Jahr 2023 eröffnet.");
    expect(await quoted("harbour.txt")).toBe("Der Hafen wurde im Jahr 1189 eröffnet.");
  });

  it("answers a follow-up that points back only from the previous answer's article, or says the sources do not", async () => {
    const history = [{ question: "Was stellt das Museum aus?", answer: "…", sources: ["museum.txt"] }];
    const answer = await ask()("Woher kam das Containerschiff dort?", { history });
    expect(answer.kind).toBe("not_found");
    // Asked alone, the harbour article answers it.
    const alone = await ask()("Woher kam das Containerschiff?", { history: [] });
    expect(alone.kind === "answered" && alone.citations[0]?.source).toBe("harbour.txt");
  });

  it("keeps a conversation in the previous answer's article when the question's words point nowhere else", async () => {
    const quoted = async (source: string) => {
      const answer = await ask()("Wann wurde eröffnet?", { history: [{ question: "Was gibt es Neues?", answer: "…", sources: [source] }] });
      return answer.kind === "answered" ? answer.citations[0]?.quote : answer.kind;
    };
    expect(await quoted("museum.txt")).toBe("Das Museum wurde im Jahr 2023 eröffnet.");
    expect(await quoted("harbour.txt")).toBe("Der Hafen wurde im Jahr 1189 eröffnet.");
  });

  it("reads a question with a pronoun and nothing to refer to together with the previous turn", async () => {
    const history = [{ question: "Was stellt das neue Museum in München aus?", answer: "Laut der Quelle: „In München stellt ein neues Museum moderne Kunst aus.“ [1]" }];
    const harbour = [{ question: "Woher kam das Containerschiff im Hamburger Hafen?", answer: "Laut der Quelle: „Im Hafen von Hamburg legte ein Containerschiff aus Singapur an.“ [1]" }];
    const quoted = async (h: typeof history) => {
      const answer = await ask()("Wann wurde dieses eröffnet?", { history: h });
      return answer.kind === "answered" ? answer.citations[0]?.quote : answer.kind;
    };
    expect(await quoted(history)).toBe("Das Museum wurde im Jahr 2023 eröffnet.");
    expect(await quoted(harbour)).toBe("Der Hafen wurde im Jahr 1189 eröffnet.");
  });

  it("answers the same without the stored analysis, and never from one another analyzer made", async () => {
    const question = "Wie viele Verletzte gab es bei den Unruhen?";
    const expected = await ask()(question, { history: [] });
    expect(expected.kind).toBe("answered");
    const { sentenceTable: _table, analysis: _analysis, ...bare } = index;
    const stale = { ...index.analysis, version: "0-stale", stems: new Uint32Array(0), offsets: new Uint32Array(index.analysis.offsets.length) };
    for (const variant of [bare, { ...index, analysis: stale }]) {
      expect(await createAsk({ index: () => variant, analyze, settings: SETTINGS })(question, { history: [] })).toEqual(expected);
    }
  });
});

const FLOOD = ` date 2023-09 Nach tagelangen Regenfällen hat ein Hochwasser im Süden Sloweniens schwere Schäden angerichtet.

Mindestens sechs Menschen kamen nach Angaben der Behörden ums Leben. Ministerpräsident Robert Golob sprach von der schlimmsten Naturkatastrophe in der Geschichte des Landes. Rund 8000 Menschen mussten ihre Häuser verlassen.

Die Regierung bat die Europäische Union um Hilfe. Die EU-Kommission sagte Soforthilfe in Höhe von 400 Millionen Euro zu. Auch Österreich schickte Hubschrauber und Soldaten in das Nachbarland.

Die Aufräumarbeiten sollen nach Schätzung der Regierung mehrere Monate dauern. Experten machen den Klimawandel für die zunehmende Zahl extremer Wetterereignisse verantwortlich. Die Hauptstadt Ljubljana blieb weitgehend verschont.
`;

describe("createAsk on an article it was not developed on", () => {
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "flood.txt": FLOOD }));
  });
  const ask = askAlone(() => index);

  it.each([
    ["Wie viele Menschen starben bei dem Hochwasser?", "sechs Menschen"],
    ["Wie lange sollen die Aufräumarbeiten dauern?", "mehrere Monate"],
    ["Wie viel Geld sagte die EU-Kommission zu?", "400 Millionen Euro"],
    ["Welches Land schickte Hubschrauber?", "Österreich"],
    ["How many people had to leave their homes?", "8000"],
    ["Who is the prime minister of Slovenia?", "Robert Golob"],
    ["What did experts blame for the extreme weather?", "Klimawandel"],
  ])("answers %s", async (question, fact) => {
    const answer = await ask(question);
    expect(answer.kind).toBe("answered");
    expect(quotes(answer)).toContain(fact);
  });

  it.each([
    "Wie hoch war der Pegel der Save?",
    "Wie viele Einwohner hat Ljubljana?",
    "Who won the election in Slovenia?",
    "Did Germany send help?",
  ])("declines %s", async (question) => {
    expect((await ask(question)).kind).toBe("not_found");
  });
});

const LIBRARY = `Leeds (PA) - A fire has destroyed the roof of the Central Library in Leeds, the city council said on Sunday. Nobody was injured. Firefighters needed six hours to bring the flames under control.

The library holds about 300,000 books; staff saved most of the rare manuscripts. The building was opened in 1884. Repairs are expected to cost at least 12 million pounds.
`;

describe("createAsk on an English article, asked in German", () => {
  let index: LoadedIndex;
  let dir: string;
  beforeAll(async () => {
    ({ index, dir } = await makeIndex({ "library.txt": LIBRARY }));
  });
  const ask = askAlone(() => index);

  it.each([
    ["Wie viele Bücher hat die Bibliothek?", "300,000 books"],
    ["Wie lange brauchte die Feuerwehr, um die Flammen zu löschen?", "six hours"],
    ["Wie viel kostet die Reparatur?", "12 million pounds"],
    ["Wann wurde die Bibliothek eröffnet?", "1884"],
  ])("answers %s from the English words the German ones translate", async (question, fact) => {
    const answer = await ask(question);
    expect(answer).toMatchObject({ kind: "answered", language: "de" });
    expect(quotes(answer)).toContain(fact);
    await expectVerbatim(answer, dir);
  });

  it("declines what the article does not say", async () => {
    expect((await ask("Wie heißt der Bürgermeister von Leeds?")).kind).toBe("not_found");
  });

  it("tells a web page with a short headline by its opening sentences", async () => {
    const page = `<html><head><title>Library fire</title></head><body><article><h1>Library fire</h1>${LIBRARY.split("\n\n").map((p) => `<p>${p.trim()}</p>`).join("")}</article></body></html>`;
    const { index: web } = await makeIndex({ "library.html": page });
    const answer = await createAsk({ index: () => web, analyze, settings: SETTINGS })("Wie viele Bücher hat die Bibliothek?", { history: [] });
    expect(quotes(answer)).toContain("300,000 books");
  });
});

const COUNCIL = ` date 2023-07 Der Stadtrat von Graz hat am Dienstag den Haushalt für das kommende Jahr beschlossen.

Kritik kam von der Opposition. Deren Fraktionschef Jannik Wendtner nannte den Plan unsozial. Die Abstimmung dauerte drei Stunden.
`;

describe("createAsk in a conversation about a person", () => {
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "council.txt": COUNCIL }));
  });

  it("answers 'Wie heißt er?' with the name the previous answer quoted", async () => {
    const ask = createAsk({ index: () => index, analyze, settings: SETTINGS });
    const first = await ask("Was kritisierte der Fraktionschef der Opposition?", { history: [] });
    expect(first.kind).toBe("answered");
    const answer = await ask("Wie heißt er?", { history: [turnOf("Was kritisierte der Fraktionschef der Opposition?", first)] });
    expect(answer.kind).toBe("answered");
    expect(answer.kind === "answered" && answer.citations.map((c) => c.quote).join(" ")).toContain("Jannik Wendtner");
  });
});

const STRIKE = ` date 2024-02 In der Universitätsstadt Göttingen streikten am Montag die Lokführer.

Die Gewerkschaft nannte die Arbeitsbedingungen unzumutbar. Die Polizei nahm zwei Demonstranten fest, die Gleise blockiert hatten. Der Streik soll drei Tage dauern.

Pendler aus Kassel, Hannover und Erfurt mussten auf Busse umsteigen.
`;

describe("createAsk on German word formation: compounds, place lists, derived verbs, absent nouns", () => {
  let index: LoadedIndex;
  beforeAll(async () => {
    ({ index } = await makeIndex({ "strike.txt": STRIKE }));
  });
  const ask = askAlone(() => index);

  it.each([
    ["In welcher Stadt streikten die Lokführer?", "Göttingen"],
    ["Aus welchen Städten kamen die Pendler?", "Kassel, Hannover und Erfurt"],
    ["Wie viele Menschen wurden festgenommen?", "zwei Demonstranten"],
  ])("answers %s", async (question, fact) => {
    const answer = await ask(question);
    expect(answer.kind).toBe("answered");
    expect(quotes(answer)).toContain(fact);
  });

  it.each(["Wie war das Wetter in Göttingen?", "Wer ist der Bürgermeister von Göttingen?"])("declines %s", async (question) => {
    expect((await ask(question)).kind).toBe("not_found");
  });
});

describe("createAsk reads the best passage's article", () => {
  it("finds the answer in a chunk of that article that retrieval did not return", async () => {
    const bridge = " date 2024-05 In Ulm wurde am Montag eine neue Brücke eröffnet. Viele Bürger kamen zur Feier. Die Brücke ist für Radfahrer gedacht. Der Bau der Brücke kostete zwölf Millionen Euro.";
    const { index } = await makeIndex({ "bridge.txt": bridge, "harbour.txt": HARBOUR, "museum.txt": MUSEUM });
    const settings = { ...SETTINGS, retrieval: { ...SETTINGS.retrieval, k: 1 } };
    const answer = await createAsk({ index: () => index, analyze, settings })("Wie viel hat die neue Brücke in Ulm gekostet?", { history: [] });
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toBe("Der Bau der Brücke kostete zwölf Millionen Euro.");
  });
});

describe("createAsk with a swapped index", () => {
  it("answers each question from the index current when it arrived", async () => {
    const a = await makeIndex({ "harbour.txt": HARBOUR });
    const b = await makeIndex({ "museum.txt": MUSEUM });
    let current = a.index;
    const ask = createAsk({ index: () => current, analyze, settings: SETTINGS });
    const inFlight = ask("Wann wurde der Hafen eröffnet?", { history: [] });
    current = b.index;
    const first = await inFlight;
    expect(first.kind === "answered" && first.citations[0]?.source).toBe("harbour.txt");
    const second = await ask("Wann wurde das Museum eröffnet?", { history: [] });
    expect(second.kind === "answered" && second.citations[0]?.source).toBe("museum.txt");
  });
});

describe("sentencesWith", () => {
  it("finds a lexicon word's sentences by its forms and compounds, not by words only spelt like it", () => {
    const stats = buildSentenceStats(
      makeChunks("t.txt", "Der Minister besuchte Schukow. Die Ministerin sprach mit Zhukov. Ein Schukower Bürger schwieg. Der Regen hielt an.", 4),
      analyze,
    );
    const found = [...sentencesWith(stats, vocabularyOf(stats.postings), analyze("Schukow"))].map((i) => stats.sentence(i).text);
    expect(found).toContain("Der Minister besuchte Schukow.");
    expect(found).not.toContain("Die Ministerin sprach mit Zhukov.");
    expect(found).not.toContain("Der Regen hielt an.");
  });
});

describe("usedBySources", () => {
  it("tells whether a corpus uses a word, a compound or an inflection of it, for each corpus its own", () => {
    const harbour = buildSentenceStats(makeChunks("h.txt", "Die Eisenbahnbrücke wurde beschädigt. Der Direktor schwieg.", 4), analyze);
    const rail = buildSentenceStats(makeChunks("r.txt", "Die Bahn fährt wieder. Die Züge sind direkt.", 4), analyze);
    const [bridge] = analyze("Brücke");
    const [direktor] = analyze("Direktor");
    // A compound of it counts; a shorter word it begins with does not ("direkt" is no Direktor).
    expect(usedBySources(harbour, bridge!)).toBe(true);
    expect(usedBySources(rail, direktor!)).toBe(false);
    // Asked again, and of the other corpus: each corpus answers for itself.
    expect(usedBySources(rail, bridge!)).toBe(false);
    expect(usedBySources(harbour, direktor!)).toBe(true);
    expect(usedBySources(harbour, bridge!)).toBe(true);
  });
});
