import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import type { Lexicon } from "../../src/lexicon/index.js";
import type { WordKnowledge } from "../../src/query/cues.js";
import { usedBySources } from "../../src/query/answer.js";
import { answerFirst, namesMember, read } from "../../src/query/read.js";
import { buildSentenceStats, type ScoredSentence, type SentenceStats } from "../../src/query/score.js";
import { understand } from "../../src/query/understand.js";
import type { Passage } from "../../src/types.js";
import { makeChunks } from "./fixtures.js";

/** A lexicon that knows no words: reading is tested on the question's own words. */
const nothing: Lexicon = {
  germanLemmas: () => [],
  isGermanNoun: (word) => !["Almaty", "Kourou", "Pro", "Bahn"].includes(word),
  isGermanWord: () => true,
  germanSynonyms: () => [],
  germanPhraseSynonyms: () => [],
  germanPivots: () => [],
  germanBroader: () => [],
  germanNarrower: () => [],
  englishToGerman: () => [],
  englishSynonyms: () => [],
  englishLemmas: () => [],
  place: () => undefined,
  demonymPlace: () => undefined,
};

/** One article in chunks of `size` sentences, each a passage ranked in text order, and the tools to read questions about it. */
function article(text: string, size: number) {
  const chunks = makeChunks("a.txt", text, size);
  const stats = buildSentenceStats(chunks, analyze);
  const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
  const tools = { analyze, lexicon: nothing, inCorpus: (s: string) => stats.postings.has(s) };
  return { stats, passages, tools };
}

function setup(text: string, lexicon: Lexicon = nothing, knows?: WordKnowledge) {
  const chunks = makeChunks("a.txt", text, 3);
  const stats: SentenceStats = buildSentenceStats(chunks, analyze, knows);
  const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
  const ask = (question: string) => {
    const u = understand(question, [], false, { analyze, lexicon, inCorpus: (s) => stats.postings.has(s) }, 1000);
    return read(u, passages, stats, { minCoverage: 0.3 });
  };
  return { ask };
}

describe("read", () => {
  it("answers 'Was weißt du über …' and 'Tell me about …' with the first sentence that names the subject, the lead when it does", () => {
    const text =
      "Die Gewerkschaft hat den Bahnverkehr im Land für zwei Tage lahmgelegt. Reisende mussten auf Busse umsteigen. " +
      "Es ist bereits der dritte Streik der Gewerkschaft in diesem Jahr. Die Bahn nannte den Streik unverhältnismäßig.";
    const { ask } = setup(text);
    // Alone, the sentence with the most of the question's words comes first.
    expect(ask("Welcher Streik der Gewerkschaft?").selected[0]?.sentence.text).toBe("Es ist bereits der dritte Streik der Gewerkschaft in diesem Jahr.");
    for (const q of ["Was weißt du über den Streik der Gewerkschaft?", "Erzähl mir was über den Streik der Gewerkschaft", "Tell me about the Gewerkschaft"]) {
      const reading = ask(q);
      expect(reading.passes, q).toBe(true);
      expect(reading.selected[0]?.sentence.text, q).toBe("Die Gewerkschaft hat den Bahnverkehr im Land für zwei Tage lahmgelegt.");
    }
    // A lead that does not name the subject makes way for the sentence that first does.
    expect(ask("Was weißt du über den Streik?").selected[0]?.sentence.text).toBe("Es ist bereits der dritte Streik der Gewerkschaft in diesem Jahr.");
  });

  it("answers a which-question with the sentence that names a member of the category by it, not one that only speaks of one", () => {
    const { ask } = setup(
      "Ein Biberdamm am Lohbach sorgt in Leubelsdorf für Streit zwischen einem Landwirt und dem Naturschutz. Der Bach ist seit Jahren gestaut. " +
        "Die Wiesen stehen unter Wasser. Landwirt Klaus Dettweiler konnte deshalb keinen Mais aussäen.",
    );
    expect(ask("Welcher Landwirt in Leubelsdorf ist betroffen?").selected[0]?.sentence.text).toBe("Landwirt Klaus Dettweiler konnte deshalb keinen Mais aussäen.");
  });

  it("answers 'Seit wann …' with the sentence that gives the span's start, 'Bis wann …' with the one that gives its end", () => {
    const { ask } = setup(
      "Das Stadtmuseum Wendau zeigt Bilder von Malern der Region. Das Museum hat die Ausstellung im März eröffnet. " +
        "Die Ausstellung läuft noch bis Ende Oktober. Der Eintritt kostet fünf Euro.",
    );
    expect(ask("Seit wann läuft die Ausstellung?").selected[0]?.sentence.text).toBe("Das Museum hat die Ausstellung im März eröffnet.");
    expect(ask("Bis wann läuft die Ausstellung?").selected[0]?.sentence.text).toBe("Die Ausstellung läuft noch bis Ende Oktober.");
  });

  it("answers a which-kind question with a compound that names the kind, not a sentence that repeats the word", () => {
    const { ask } = setup("Der Stadtrat will über Flächen für die neue Halle beraten. Unter anderem soll eine neue Lagerhalle für Bauholz entstehen.");
    for (const q of ["Was für eine Halle soll das werden?", "Welche Art von Halle soll entstehen?"]) {
      expect(ask(q).selected[0]?.sentence.text, q).toBe("Unter anderem soll eine neue Lagerhalle für Bauholz entstehen.");
    }
  });

  it("looks back for an overview's first mention only as far as a news article is long", () => {
    const filler = Array.from({ length: 80 }, (_, k) => `Absatz ${k + 1} handelt von anderen Dingen.`).join(" ");
    const { ask } = setup(`Der Hafen wurde 1890 gebaut. ${filler} Der Hafen ist heute der größte der Region.`);
    expect(ask("Was weißt du über den Hafen der Region?").selected[0]?.sentence.text).toBe("Der Hafen ist heute der größte der Region.");
  });

  it("answers a how-many question only with a sentence that has the number, not one that repeats its words", () => {
    const { ask } = setup("Die Sonde erreichte den Asteroiden nach langer Reise. Die Forscher zählten dort viele Krater. Am Ende waren es 42 Krater.");
    const reading = ask("Wie viele Krater zählten die Forscher?");
    expect(reading.passes).toBe(true);
    expect(reading.selected.map((s) => s.sentence.text)).toContain("Am Ende waren es 42 Krater.");
    const { ask: without } = setup("Die Sonde erreichte den Asteroiden nach langer Reise. Die Forscher zählten dort viele Krater.");
    expect(without("Wie viele Krater zählten die Forscher?").passes).toBe(false);
  });

  it("counts what a how-many question counts by the head of the compound it asks with, when the sources lack the compound", () => {
    // The sources say "Fahrgäste"; the dictionary has "Bahnkunde" = "Bahnfahrgast", and its head stands in.
    const riders: Lexicon = {
      ...nothing,
      germanLemmas: (w) => (w.toLowerCase().startsWith("bahnkunde") ? [{ lemma: "Bahnkunde", pos: "noun" }] : []),
      germanSynonyms: (w) => (w.toLowerCase().startsWith("bahnkunde") ? [{ word: "Bahnfahrgast", rank: 0 }] : []),
    };
    const { ask } = setup("Die Bahn strich am Montag 300 Verbindungen. Nach Angaben der Bahn waren 8000 Fahrgäste betroffen.", riders);
    const reading = ask("Wie viele Bahnkunden waren betroffen?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Nach Angaben der Bahn waren 8000 Fahrgäste betroffen.");
  });

  it("answers how many with the sentence whose number counts the noun, not one whose number counts something else beside it", () => {
    const text =
      "Der Verein hat eine Prämie von 5000 Euro für Hinweise auf die gestohlenen Fahrräder ausgesetzt. Die Polizei sucht Zeugen. Der Vorstand ist entsetzt. " +
      "In der Nacht holten die Täter 48 Rennfahrräder aus der Halle. Die Halle war nicht abgeschlossen.";
    const { ask } = setup(text);
    const reading = ask("Wie viele Fahrräder wurden gestohlen?");
    expect(reading.selected[0]?.sentence.text).toBe("In der Nacht holten die Täter 48 Rennfahrräder aus der Halle.");
  });

  it("declines how many when the sentence with the counted noun only measures (a price), and still answers a count in a unit or a bare number", () => {
    const text =
      "Das Dorfauto steht am Marktplatz. Eine Stunde Fahrt kostet 4 Euro, dazu kommen 25 Cent pro Kilometer. Der Bürgermeister ist zufrieden. " +
      "Das Auto fuhr seit dem Start 300 Stunden. Die Zahl der Nutzer stieg von 29 auf 41.";
    const { ask } = setup(text);
    expect(ask("Wie viele Fahrten gab es mit dem Dorfauto?").passes).toBe(false);
    // What a unit measures is asked as a count of the unit; a bare number counts what its clause names.
    expect(ask("Wie viele Stunden fuhr das Auto?").selected[0]?.sentence.text).toBe("Das Auto fuhr seit dem Start 300 Stunden.");
    expect(ask("Wie viele Nutzer hat das Auto?").selected[0]?.sentence.text).toBe("Die Zahl der Nutzer stieg von 29 auf 41.");
  });

  it("answers how many people with a number that counts someone, whatever the sources call them", () => {
    const { ask } = setup("Die Firma schließt ihr Werk in Kourou bis Ende 2025. Die Lage blieb ruhig.");
    expect(ask("Wie viele Menschen arbeiten im Werk in Kourou?").passes).toBe(false);
    const { ask: counted } = setup("Die Firma schließt ihr Werk in Kourou bis Ende 2025. Im Werk arbeiten 620 Beschäftigte.");
    const reading = counted("Wie viele Menschen arbeiten im Werk in Kourou?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Im Werk arbeiten 620 Beschäftigte.");
  });

  it("declines a measure question whose sentences have numbers of another measure", () => {
    const { ask } = setup("Die Sonde startete um 14:32 Uhr in Kourou. Sie fliegt sieben Jahre lang.");
    expect(ask("Wie schwer ist die Sonde?").passes).toBe(false);
    const { ask: weighed } = setup("Die Sonde startete um 14:32 Uhr in Kourou. Die Sonde wiegt 2,1 Tonnen.");
    const reading = weighed("Wie schwer ist die Sonde?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Die Sonde wiegt 2,1 Tonnen.");
  });

  it("answers how big or how high with the sentence that gives the measure's noun, not any number", () => {
    const { ask } = setup("Die Sonde fliegt zum Asteroiden. An Bord sind fünf Instrumente für den Asteroiden. Er hat einen Durchmesser von 500 Kilometern.");
    const reading = ask("Wie groß ist der Asteroid?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Er hat einen Durchmesser von 500 Kilometern.");
  });

  it("answers a question for a share only with a percentage or a fraction", () => {
    const { ask } = setup("Die Bahn strich am Montag viele Züge. Von 1340 Zügen fuhren nur 290 Züge. Im Fernverkehr strich die Bahn 80 Prozent der Züge.");
    const reading = ask("Welchen Anteil der Züge strich die Bahn?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Im Fernverkehr strich die Bahn 80 Prozent der Züge.");
    const { ask: counted } = setup("Die Bahn strich am Montag viele Züge. Von 1340 Zügen fuhren nur 290 Züge.");
    expect(counted("Welchen Anteil der Züge strich die Bahn?").passes).toBe(false);
  });

  it("quotes the next sentence too when it goes on with a pronoun, for a question of no particular type", () => {
    const { ask } = setup("Größter Gewinner der Wahl war Kourou. Sie legte auf 17 Prozent zu. Die Lage blieb ruhig.");
    const reading = ask("Wie schnitt Kourou bei der Wahl ab?");
    expect(reading.selected.map((s) => s.sentence.text).slice(0, 2)).toEqual(["Größter Gewinner der Wahl war Kourou.", "Sie legte auf 17 Prozent zu."]);
  });

  it("quotes what a speaker said in the sentences after the one that names them: a quotation, reported speech", () => {
    const { ask } = setup(
      "Auch der Mieterverein Kourou übte Kritik. «Die Mieten steigen zu schnell», sagte ein Sprecher. Die Stadt müsse mehr Wohnungen bauen. Die Lage blieb ruhig.",
    );
    const reading = ask("Was kritisierte der Mieterverein Kourou?");
    expect(reading.selected.map((s) => s.sentence.text)).toEqual([
      "Auch der Mieterverein Kourou übte Kritik.",
      "«Die Mieten steigen zu schnell», sagte ein Sprecher.",
      "Die Stadt müsse mehr Wohnungen bauen.",
    ]);
  });

  it("quotes what a later quote announces, when the next sentence goes on from it by a pronoun and says it", () => {
    const text =
      "Die Stadt Kourou verleiht seit Mai Lastenräder an fünf Stationen. Mit einer vollen Ladung fährt ein Lastenrad in Kourou 60 Kilometer weit. " +
      "Kritik an den Lastenrädern kommt von der Fraktion im Stadtrat. Ihr Vorsitzender sagte, das Geld wäre in Radwegen besser angelegt. Die Stationen sind rund um die Uhr offen.";
    const quoted = setup(text).ask("Was sagt die Fraktion zu den Lastenrädern mit voller Ladung in Kourou?").selected.map((s) => s.sentence.text);
    expect(quoted[0]).toBe("Mit einer vollen Ladung fährt ein Lastenrad in Kourou 60 Kilometer weit.");
    // "Kritik kommt von …" names who spoke; the words come next, and are quoted with it.
    expect(quoted.slice(1)).toEqual(["Kritik an den Lastenrädern kommt von der Fraktion im Stadtrat.", "Ihr Vorsitzender sagte, das Geld wäre in Radwegen besser angelegt."]);
  });

  it("ranks a sentence whose next one quotes what was said as a sentence that says it: the reaction before a bystander's remark", () => {
    const { ask } = setup(
      "Die Lage in der Stadt ist angespannt. Der Betriebsrat des Herstellers reagierte empört. " +
        "«Die Beschäftigten bekommen die Kündigung», sagte Betriebsratschef Kourou. " +
        "Zum Stellenabbau beim Hersteller sagte ein Sprecher des Ministeriums, man sei mit dem Betriebsrat in Kontakt.",
    );
    const reading = ask("Wie reagierte der Betriebsrat auf den Stellenabbau beim Hersteller?");
    expect(reading.selected.map((s) => s.sentence.text).slice(0, 2)).toEqual([
      "Der Betriebsrat des Herstellers reagierte empört.",
      "«Die Beschäftigten bekommen die Kündigung», sagte Betriebsratschef Kourou.",
    ]);
  });

  it("answers how many with a count that leaves out what it counts, named in its clause before", () => {
    const { ask } = setup("Die Straßen in Kourou bleiben nachts hell. Bislang gebe es in Kourou nur wenige Einbrüche; im vergangenen Jahr seien es sieben gewesen. Die Polizei ist zufrieden.");
    const reading = ask("Wie viele Einbrüche gab es im vergangenen Jahr in Kourou?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Bislang gebe es in Kourou nur wenige Einbrüche; im vergangenen Jahr seien es sieben gewesen.");
  });

  it("answers 'ab welchem Alter' with the sentence that gives the age as a bound, not another number", () => {
    const { ask } = setup("In Kourou gibt es seit Juni 12 Lastenräder zum Ausleihen. Eine Ausleihe kostet 5 Euro. Nutzen dürfen die Lastenräder alle Menschen ab 16 Jahren.");
    const reading = ask("Ab welchem Alter darf man die Lastenräder in Kourou leihen?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Nutzen dürfen die Lastenräder alle Menschen ab 16 Jahren.");
  });

  it("declines a count for this year when the quotes date theirs in the year before, and the other way round", () => {
    const { ask } = setup("Das Tierheim in Kourou ist voll. Im vergangenen Jahr vermittelte das Heim 212 Tiere. Die Pfleger sind erschöpft.");
    expect(ask("Wie viele Tiere hat das Tierheim in Kourou in diesem Jahr vermittelt?").passes).toBe(false);
    expect(ask("Wie viele Tiere hat das Tierheim in Kourou im vergangenen Jahr vermittelt?").passes).toBe(true);
    const { ask: now } = setup("Das Tierheim in Kourou ist voll. In diesem Jahr vermittelte das Heim 164 Tiere. Die Pfleger sind erschöpft.");
    expect(now("Wie viele Tiere hat das Tierheim in Kourou im vergangenen Jahr vermittelt?").passes).toBe(false);
  });

  it("takes a number the question names as a name the answering article must have", () => {
    const { ask } = setup("Im Jahr 2020 starben bei dem Unglück 14 Menschen. Die Lage blieb ruhig.");
    expect(ask("Wie viele Menschen starben 2019 bei dem Unglück?").passes).toBe(false);
    expect(ask("Wie viele Menschen starben 2020 bei dem Unglück?").passes).toBe(true);
  });

  it("answers a which-role question with the sentence that names the role, not any sentence with a name", () => {
    const { ask } = setup("Das Gericht in Kourou verurteilte Ole Brandt wegen Betrugs im Prozess. Die Lage blieb ruhig. «Das war Betrug», sagte Richterin Eva Lang.");
    const reading = ask("Welche Richterin leitete den Prozess in Kourou?");
    expect(reading.selected[0]?.sentence.text).toBe("«Das war Betrug», sagte Richterin Eva Lang.");
  });

  it("declines a who-is-the-role question when no source names the role, whatever else they say of its subject", () => {
    const { ask } = setup("Im Naturpark bei Kourou ist erstmals seit Jahren ein Wolf gesichtet worden. Parkleiter Jan Ode war zufrieden.");
    expect(ask("Wer ist der Förster im Naturpark bei Kourou?").passes).toBe(false);
    expect(ask("Wer ist der Parkleiter im Naturpark bei Kourou?").passes).toBe(true);
  });

  it("declines a question for a role holder's name when the sources name the role only, not whoever holds it", () => {
    // Kourou and Wiesenau are names; a role noun before another name ("Ein Sprecher des Landkreises Wiesenau") names no holder.
    const knows: WordKnowledge = { isPlace: () => false, isWord: (w) => !["Kourou", "Wiesenau", "Eva", "Lang"].includes(w) };
    const text = "Die Gewerkschaft in Kourou kritisierte die Erhöhung. Das löse das Problem nicht, sagte eine Sprecherin. Ein Sprecher des Landkreises Wiesenau teilte mit, die Stadt entscheide allein.";
    const { ask } = setup(text, nothing, knows);
    expect(ask("Wie heißt die Sprecherin der Gewerkschaft in Kourou?").passes).toBe(false);
    const { ask: named } = setup(text.replace("sagte eine Sprecherin", "sagte Sprecherin Eva Lang"), nothing, knows);
    expect(named("Wie heißt die Sprecherin der Gewerkschaft in Kourou?").passes).toBe(true);
  });

  it("declines a number question when the sources say the figure is not known", () => {
    const { ask } = setup("In Kourou schließt ein Werk, die Beschäftigten bekommen 300 Euro Bonus. Zur Höhe der Abfindung für die Beschäftigten in Kourou machte das Werk keine Angaben.");
    expect(ask("Wie viel Geld bekommen die Beschäftigten in Kourou als Abfindung?").passes).toBe(false);
    const { ask: given } = setup("In Kourou schließt ein Werk, die Beschäftigten bekommen 300 Euro Bonus. Als Abfindung bekommen die Beschäftigten in Kourou 9000 Euro.");
    expect(given("Wie viel Geld bekommen die Beschäftigten in Kourou als Abfindung?").passes).toBe(true);
  });

  it("reads a sentence that opens with a pronoun as going on about what the sentence before named", () => {
    const { ask } = setup("Die Partei Almaty erreichte 30,2 Prozent. Größter Gewinner der Wahl ist die Partei Kourou. Sie legte auf 17,9 Prozent zu.");
    // Without the pronoun read so, the two figures tie and the first one is quoted.
    expect(ask("Auf wie viel Prozent kam Kourou?").selected[0]?.sentence.text).toBe("Sie legte auf 17,9 Prozent zu.");
  });

  it("reads a number joined to the word it counts as a number: an age written '71-jähriger' or '71-year-old'", () => {
    const { ask } = setup("Der Sturm über Kourou riss Bäume um. Ein 71-jähriger Autofahrer wurde in Kourou verletzt.");
    const reading = ask("Wie alt ist der verletzte Autofahrer in Kourou?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Ein 71-jähriger Autofahrer wurde in Kourou verletzt.");
    const { ask: english } = setup("The storm in Kourou brought down trees. A 71-year-old driver was injured in Kourou.");
    expect(english("How old is the injured driver in Kourou?").selected[0]?.sentence.text).toBe("A 71-year-old driver was injured in Kourou.");
  });

  it("quotes the sentence after the answer when it goes on with a pronoun, not when its 'es' stands for nothing", () => {
    const quoted = (text: string) => setup(text).ask("Was befahl der Präsident in Kourou?").selected.map((s) => s.sentence.text);
    const goesOn = quoted("Der Präsident in Kourou befahl den Abzug der Truppen. Er nannte den Einsatz beendet. Die Lage blieb ruhig.");
    expect(goesOn).toEqual(["Der Präsident in Kourou befahl den Abzug der Truppen.", "Er nannte den Einsatz beendet."]);
    const expletive = quoted("Der Präsident in Kourou befahl den Abzug der Truppen. Es gab viele Tote und Verletzte. Die Lage blieb ruhig.");
    expect(expletive).toEqual(["Der Präsident in Kourou befahl den Abzug der Truppen."]);
  });

  it("quotes what a cause's sentence goes on to say after it, where the quote has room", () => {
    const { ask } = setup(
      "Die Schule in Kourou bleibt ein weiteres Jahr eine Baustelle. Als Grund für die Verzögerung der Sanierung in Kourou nannte die Stadt Schadstoffe im Altbau. " +
        "In den Decken sei Asbest gefunden worden. Die Schüler lernen weiter in Containern.",
    );
    const quoted = ask("Warum gibt es eine Verzögerung bei der Sanierung in Kourou?").selected.map((s) => s.sentence.text);
    expect(quoted[0]).toBe("Als Grund für die Verzögerung der Sanierung in Kourou nannte die Stadt Schadstoffe im Altbau.");
    expect(quoted).toContain("In den Decken sei Asbest gefunden worden.");
    expect(quoted).not.toContain("Die Schüler lernen weiter in Containern.");
  });

  it("does not answer a count of people with a number of something else the question names", () => {
    const question = "Wie viele Leute besuchten die Messe über Segelboote in Kourou?";
    const boats = setup("Kourou (dpa) - Auf der Messe über Segelboote in Kourou standen neun Segelboote. Die Messe dauerte zwei Tage.").ask(question);
    expect(boats.passes).toBe(false);
    const visitors = setup("Kourou (dpa) - Auf der Messe über Segelboote in Kourou standen neun Segelboote. Rund 180 Leute besuchten die Messe.").ask(question);
    expect(visitors.passes).toBe(true);
    expect(visitors.selected[0]?.sentence.text).toBe("Rund 180 Leute besuchten die Messe.");
  });

  it("answers 'how many' with a number that counts things, not with a price beside the word for them", () => {
    const question = "How many berths does the marina in Kourou have?";
    expect(setup("Kourou (AP) - A berth in the marina in Kourou costs 3 euros a day. The marina in Kourou has two piers.").ask(question).passes).toBe(false);
    const counted = setup("Kourou (AP) - A berth in the marina in Kourou costs 3 euros a day. The marina in Kourou has 400 berths.").ask(question);
    expect(counted.passes).toBe(true);
    expect(counted.selected[0]?.sentence.text).toBe("The marina in Kourou has 400 berths.");
    // "How much" asks an amount, which a unit gives.
    expect(setup("Kourou (AP) - The quarry in Kourou sold 40 tonnes of gravel a day.").ask("How much gravel did the quarry in Kourou sell a day?").passes).toBe(true);
  });

  it("is not kept from a date by a sentence that leaves open something else about the same subject", () => {
    const question = "Wann wurde der Kutter der Werft Almeda in Kourou getauft?";
    const text = "Kourou (dpa) - Die Werft Almeda hat einen neuen Kutter. Getauft wurde er im Mai 2024. Ob die Werft Almeda in Kourou bleibt, ist offen.";
    const reading = setup(text).ask(question);
    expect(reading.passes).toBe(true);
    expect(reading.selected.map((s) => s.sentence.text)).toContain("Getauft wurde er im Mai 2024.");
    // Said of what is asked, it still declines: the date is of something else.
    const open = "Kourou (dpa) - Die Werft Almeda hat einen neuen Kutter, er kam im Mai 2024 an. Wann der Kutter der Werft Almeda in Kourou getauft wird, ist offen.";
    expect(setup(open).ask(question).passes).toBe(false);
  });

  it("is not kept from a figure by a sentence that says nothing of the question is known", () => {
    const names: Lexicon = { ...nothing, isGermanNoun: (word) => word !== "Brandt" && nothing.isGermanNoun(word) };
    const text = "Unternehmer Brandt führte die Firma in Kourou lange. Der 81 Jahre alte Gründer gilt als einflussreich. Zu den Kosten des Hafens machte die Stadt keine Angaben.";
    const reading = setup(text, names).ask("Wie alt ist Brandt?");
    expect(reading.passes).toBe(true);
    expect(reading.selected.map((s) => s.sentence.text)).toContain("Der 81 Jahre alte Gründer gilt als einflussreich.");
  });

  it("does not take the name in the sentence after a role for the role holder's", () => {
    const { ask } = setup("Dem Landwirt in Kourou fielen kranke Tiere auf. «Es waren viele», sagte Kreissprecher Jon Ode. Die Lage blieb ruhig.");
    expect(ask("Wie heißt der Landwirt in Kourou?").passes).toBe(false);
    const { ask: named } = setup("Landwirt Per Holm in Kourou fielen kranke Tiere auf. «Es waren viele», sagte Kreissprecher Jon Ode.");
    expect(named("Wie heißt der Landwirt in Kourou?").passes).toBe(true);
  });

  it("declines a question for the name of a role when the named people hold other roles", () => {
    const { ask } = setup("Im Prozess in Kourou sagte Richterin Eva Lang, das Urteil sei gerecht. Verteidiger Jon Ek kündigte Revision an.");
    expect(ask("Wie heißt der Staatsanwalt im Prozess in Kourou?").passes).toBe(false);
    expect(ask("Wie heißt die Richterin im Prozess in Kourou?").passes).toBe(true);
  });

  it("declines a question for a name when the sources give only the role", () => {
    const { ask } = setup("Der Präsident will am Montag die Parteichefs empfangen. Die Lage blieb ruhig.");
    expect(ask("Wie heißt der Präsident, der die Parteichefs empfängt?").passes).toBe(false);
    const { ask: named } = setup("Präsident Marco Kourou will am Montag die Parteichefs empfangen. Die Lage blieb ruhig.");
    expect(named("Wie heißt der Präsident, der die Parteichefs empfängt?").passes).toBe(true);
  });

  it("answers a question for an organisation of a kind only with one named, not with the council the sentence also names", () => {
    const { ask } = setup("Der Stadtrat von Kourou hat den Bau einer neuen Schule beschlossen. Die Lage blieb ruhig.");
    for (const q of ["Welche Baufirma baut die neue Schule in Kourou?", "Welches Unternehmen baut die Schule in Kourou?"]) expect(ask(q).passes, q).toBe(false);
    const { ask: named } = setup("Den Bau der neuen Schule in Kourou übernimmt der Baukonzern Lerchenfeld. Die Lage blieb ruhig.");
    expect(named("Welche Baufirma baut die neue Schule in Kourou?").passes).toBe(true);
    const { ask: legal } = setup("Den Bau der neuen Schule in Kourou übernimmt die Lerchenfeld Bau GmbH. Die Lage blieb ruhig.");
    expect(legal("Welches Unternehmen baut die Schule in Kourou?").passes).toBe(true);
    // A name that is not an organisation's (a river's) does not answer it either.
    const knows: WordKnowledge = { isPlace: () => false, isWord: (w) => !["Kourou", "Kalde"].includes(w) };
    const { ask: river } = setup("Der Stadtrat von Kourou hat den Bau einer Brücke über die Kalde beschlossen. Die Lage blieb ruhig.", nothing, knows);
    expect(river("Welche Baufirma baut die Brücke in Kourou?").passes).toBe(false);
    const { ask: acronym } = setup("Die Brücke über die Kalde in Kourou baut die Kourou Bau (KBG). Die Lage blieb ruhig.", nothing, knows);
    expect(acronym("Welche Baufirma baut die Brücke in Kourou?").passes).toBe(true);
    // German joins a name to its kind by hyphens: "des Fraunhofer-Instituts", with no capital after it.
    const { ask: hyphenated } = setup("Das Messgerät der Station Kourou stammt vom Fraunhofer-Institut in Jena. Die Lage blieb ruhig.", nothing, knows);
    expect(hyphenated("Von welchem Forschungsinstitut stammt das Messgerät der Station Kourou?").passes).toBe(true);
    const { ask: unnamed } = setup("Das Messgerät der Station Kourou stammt von einem Forschungsinstitut in Jena. Die Lage blieb ruhig.", nothing, knows);
    expect(unnamed("Von welchem Forschungsinstitut stammt das Messgerät der Station Kourou?").passes).toBe(false);
  });

  it("answers a question for an organisation of a kind with a sentence that names it by the same kind", () => {
    const knows: WordKnowledge = { isPlace: () => false, isWord: (w) => !["Kourou", "Medivera"].includes(w) };
    // "die Personalagentur Medivera": the kind is the question's own word, the name is the answer.
    const { ask } = setup("Mit der Suche hat die Gemeinde Kourou die Personalagentur Medivera beauftragt. Die Lage blieb ruhig.", nothing, knows);
    const reading = ask("Welche Personalagentur hat Kourou mit der Suche beauftragt?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.typeMatch).toBe(true);
  });

  it("answers a question for a person's party with the party news gives in parentheses after the name, not a company's question", () => {
    const knows: WordKnowledge = { isPlace: () => false, isWord: (w) => !["Kourou", "Albers", "Torsten"].includes(w) };
    const { ask } = setup("„Wir denken in Jahrzehnten“, sagte Bürgermeister Torsten Albers (parteilos) in Kourou. Die Lage blieb ruhig.", nothing, knows);
    const reading = ask("Welcher Partei gehört der Bürgermeister von Kourou an?");
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.typeMatch).toBe(true);
    // A party is no construction company.
    expect(ask("Welche Baufirma baut das Rathaus in Kourou?").passes).toBe(false);
  });

  it("quotes the next sentence too when only it names the asked-for person", () => {
    const { ask } = setup(
      "Der Streik traf vor allem Pendler. Auch der Fahrgastverband Pro Bahn übte deutliche Kritik. «Reisende werden zum Spielball», sagte Verbandssprecher Lothar Kampe. Die Bahn bot Erstattungen an.",
    );
    const reading = ask("Wer übte für den Fahrgastverband Pro Bahn Kritik?");
    expect(reading.passes).toBe(true);
    expect(reading.selected.slice(0, 2).map((s) => s.sentence.text)).toEqual([
      "Auch der Fahrgastverband Pro Bahn übte deutliche Kritik.",
      "«Reisende werden zum Spielball», sagte Verbandssprecher Lothar Kampe.",
    ]);
  });

  it("quotes the sentence before reported speech too when it names the speaker a question for a person asks for", () => {
    const { ask } = setup(
      "Das Gericht verurteilte die Inhaberin zu drei Jahren Haft. «Sie haben das Vertrauen alter Menschen ausgenutzt», sagte Richterin Eva Grendel. Ein großer Teil des Geldes sei in ein Ferienhaus an der Ostsee geflossen. Das Ferienhaus ist beschlagnahmt.",
    );
    const reading = ask("Wer sagte, das Geld sei in ein Ferienhaus an der Ostsee geflossen?");
    expect(reading.passes).toBe(true);
    expect(reading.selected.slice(0, 2).map((s) => s.sentence.text)).toEqual([
      "«Sie haben das Vertrauen alter Menschen ausgenutzt», sagte Richterin Eva Grendel.",
      "Ein großer Teil des Geldes sei in ein Ferienhaus an der Ostsee geflossen.",
    ]);
  });

  it("quotes the reasons a few sentences after the sentence that names the event, within its passage", () => {
    const { ask } = setup(
      "Die Firma Kourou Plast schließt ihr Werk in Almaty bis Ende 2025. Rund 600 Beschäftigte verlieren ihre Arbeit. Als Gründe nannte die Geschäftsführung hohe Energiekosten. Die Gewerkschaft protestierte.",
    );
    const reading = ask("Warum schließt Kourou Plast das Werk in Almaty?");
    expect(reading.passes).toBe(true);
    // The reasons lead the answer; the sentence that names the event follows (see answerFirst).
    expect(reading.selected.slice(0, 2).map((s) => s.sentence.text)).toEqual([
      "Als Gründe nannte die Geschäftsführung hohe Energiekosten.",
      "Die Firma Kourou Plast schließt ihr Werk in Almaty bis Ende 2025.",
    ]);
  });

  it("reads the sentences right after a retrieved passage too, where a chunk ends before the answer", () => {
    const chunks = makeChunks("a.txt", "Die Wahl ist vorbei. Gewinner ist die Partei Novura. Sie legte zu. Parteichef Tom Vogt jubelte. Es regnete.", 3);
    const stats = buildSentenceStats(chunks, analyze);
    // Only the first chunk was retrieved; the leader is named in the sentence after it.
    const passages: Passage[] = [{ chunk: chunks[0]!, fused: 1, distance: null, keywordScore: null }];
    const u = understand("Welcher Parteichef jubelte?", [], false, { analyze, lexicon: nothing, inCorpus: (s) => stats.postings.has(s) }, 1000);
    const reading = read(u, passages, stats, { minCoverage: 0.3 });
    expect(reading.passes).toBe(true);
    expect(reading.selected.map((s) => s.sentence.text)).toContain("Parteichef Tom Vogt jubelte.");
  });

  it("takes the evidence from one passage, not words of one article and words of another", () => {
    const first = makeChunks("a.txt", "In Almaty gab es Proteste. Die Lage blieb angespannt.", 2);
    const chunks = [...first, ...makeChunks("b.txt", "Der Wetterdienst meldete Regen. Es wurde kühler.", 2, first.length)];
    const stats = buildSentenceStats(chunks, analyze);
    const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
    const u = understand("Wie war das Wetter in Almaty?", [], false, { analyze, lexicon: nothing, inCorpus: (s) => stats.postings.has(s) }, 1000);
    expect(read(u, passages, stats, { minCoverage: 0.6 }).passes).toBe(false);
  });
});

describe("read quotes only what the gate counted", () => {
  it("leaves out a sentence from a passage off the question's subject, even when it ranks first", () => {
    const first = makeChunks("a.txt", "Die Behörden wählten frühere Mitarbeiter wegen ihrer Erfahrung aus. Die Lage blieb ruhig.", 2);
    const chunks = [...first, ...makeChunks("b.txt", "Die Portugiesen wählten früher ein neues Parlament. Es gab Streit.", 2, first.length)];
    const stats = buildSentenceStats(chunks, analyze);
    const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
    const u = understand("Warum wählten die Portugiesen früher?", [], false, { analyze, lexicon: nothing, inCorpus: (s) => stats.postings.has(s) }, 1000);
    const reading = read(u, passages, stats, { minCoverage: 0.3 });
    expect(reading.passes).toBe(true);
    expect(reading.selected.map((s) => s.sentence.source)).toEqual(["b.txt"]);
  });
});

describe("read ranks what speaks to the question first", () => {
  it("quotes a sentence with a word of what is asked before a better one that only names the subject", () => {
    const chunks = makeChunks("a.txt", "Die Partei gewann die Wahl deutlich. Kourou feierte mit Paula Brandt und Jonas Weber. Der Abend war lang. Parteichefin Maria Lenz sprach von einem Sieg.", 2);
    const stats = buildSentenceStats(chunks, analyze);
    const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
    // The sources use "chef" in a compound, as production's corpus check allows.
    const inCorpus = (stem: string) => [...stats.postings.keys()].some((k) => k === stem || k.endsWith(stem) || k.endsWith(`${stem}in`));
    const u = understand("Wer führt Kourou?", [], false, { analyze, lexicon: nothing, inCorpus }, 1000);
    const reading = read(u, passages, stats, { minCoverage: 0.3 });
    expect(reading.selected[0]?.sentence.text).toBe("Parteichefin Maria Lenz sprach von einem Sieg.");
  });

  it("reads a reason the best article names as such further on, though retrieval did not bring its passage", () => {
    const text =
      "Kourou (dpa) - Nach 58 Jahren wird der Skilift in Kourou stillgelegt. Das hat der Verein am Freitag beschlossen. Von 96 Mitgliedern stimmten 81 dafür. " +
      "Der Lift war 1966 gebaut worden. Eine Tageskarte kostete zuletzt 18 Euro. Familien lernten hier das Skifahren. " +
      "Hauptgrund für das Aus ist der Schneemangel. In diesem Winter lief der Lift nur an neun Tagen.";
    const { stats, passages, tools } = article(text, 3);
    const u = understand("Warum wird der Skilift in Kourou stillgelegt?", [], false, tools, 1000);
    // Only the lead's passage is retrieved: the reason's shares none of the question's words.
    const reading = read(u, passages.slice(0, 1), stats, { minCoverage: 0.3 });
    expect(reading.selected[0]?.sentence.text).toBe("Hauptgrund für das Aus ist der Schneemangel.");
  });

  it("answers who leads a place with the sentence naming a person by a leader's noun, not the lead that names the place better", () => {
    const text =
      "Zwei Jahre nach dem Brand in der Stadtbibliothek von Marstal hat das Gericht zwei Angeklagte verurteilt. Die Männer hatten Feuer gelegt. " +
      "Die Kammer folgte der Staatsanwaltschaft. Ein Anwalt will Revision einlegen. Der Schaden lag bei einer Million Euro. " +
      "Bibliotheksleiterin Hanna Krüger zeigte sich erleichtert.";
    const { stats, passages, tools } = article(text, 3);
    // Production's corpus check: the sources use "Leiter" in a compound's inflected head.
    const inCorpus = (stem: string) => usedBySources(stats, stem);
    const lead = (q: string) => read(understand(q, [], false, { ...tools, inCorpus }, 1000), passages, stats, { minCoverage: 0.3 }).selected;
    for (const q of ["Wer leitet die Bibliothek in Marstal?", "Who runs the Bibliothek in Marstal?", "Wer leitet die Stadtbibliothek?"]) {
      expect(lead(q)[0]?.sentence.text, q).toBe("Bibliotheksleiterin Hanna Krüger zeigte sich erleichtert.");
    }
  });

  /** The sentence a question's reading leads with, on a made-up article whose dictionary knows every capitalised word but `names`. */
  const leadOf = (text: string, names: readonly string[], question: string) => {
    const knows: WordKnowledge = { isPlace: () => false, isWord: (w) => !names.includes(w) };
    const chunks = makeChunks("a.txt", text, 2);
    const stats = buildSentenceStats(chunks, analyze, knows);
    const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
    const inCorpus = (stem: string) => usedBySources(stats, stem);
    return read(understand(question, [], false, { analyze, lexicon: nothing, inCorpus }, 1000), passages, stats, { minCoverage: 0.3 }).selected[0]?.sentence.text;
  };

  it("leads a who-leads answer with the sentence where the leader's role stands, not one that has it only through a surname a family firm bears too", () => {
    // Brandt works there, Wenzel leads it.
    const text =
      "Lindtal (dpa) - Die Gärtnerei Wenzel in Lindtal schließt ihre Gewächshäuser. Bei der Gärtnerei Wenzel ist auch Ole Brandt angestellt. " +
      "Die Heizkosten seien zu hoch geworden, sagte Geschäftsführer Karl Wenzel. Die Gärtnerei will künftig Blumen zukaufen.";
    expect(leadOf(text, ["Wenzel", "Karl", "Lindtal", "Ole", "Brandt"], "Wer leitet die Gärtnerei Wenzel?")).toBe("Die Heizkosten seien zu hoch geworden, sagte Geschäftsführer Karl Wenzel.");
  });

  it("leads a who-leads answer with the best ranked sentence where the role stands, not another body's leader whose chunk says more of the question", () => {
    const text =
      "Die Stadtwerke Lindtal erhöhen zum März die Preise für Fernwärme. «Wir geben nur weiter, was uns selbst mehr kostet», sagte Roth. " +
      "Geschäftsführerin Eva Roth verwies auf höhere Kosten für Gas. Die Erhöhung trifft rund 5.000 Haushalte. " +
      "Der Mieterbund nannte die Erhöhung der Stadtwerke Lindtal überzogen. Sein Vorsitzender Paul Brandt sagte, die Stadtwerke Lindtal nutzten ihre Lage aus.";
    expect(leadOf(text, ["Lindtal", "Eva", "Roth", "Paul", "Brandt"], "Wer leitet die Stadtwerke Lindtal als Geschäftsführerin?")).toBe("Geschäftsführerin Eva Roth verwies auf höhere Kosten für Gas.");
  });
});

describe("read in a follow-up", () => {
  it("prefers the sentence right after the one the previous answer quoted", () => {
    const text = "Der Verband kritisierte den Streik. «Das ist maßlos», sagte Sprecher Paul Brandt. Die Bahn bot Gespräche an. «Wir sind bereit», sagte Bahnchefin Eva Roth.";
    const { stats, passages, tools } = article(text, 4);
    const quoted = (start: number) => [{ question: "Was geschah?", answer: "…", sources: ["a.txt"], quotes: [{ source: "a.txt", start }] }];
    const who = (history: ReturnType<typeof quoted>) =>
      read(understand("Wer sagte das?", history, false, tools, 1000), passages, stats, { minCoverage: 0.1 }).selected[0]?.sentence.text;
    expect(who(quoted(0))).toBe("«Das ist maßlos», sagte Sprecher Paul Brandt.");
    expect(who(quoted(text.indexOf("Die Bahn")))).toBe("«Wir sind bereit», sagte Bahnchefin Eva Roth.");
  });

  it("asks who said it of the sentence before reported speech the previous answer quoted, which names the speaker", () => {
    const text =
      "Die Stadt erhöht die Gebühr für Parkplätze. «Wir haben keine Wahl», sagte Kämmerin Ida Kern. Die Kosten seien seit Jahren gestiegen. Der Handel kritisierte die Erhöhung.";
    const { stats, passages, tools } = article(text, 4);
    const history = [{ question: "Warum?", answer: "…", sources: ["a.txt"], quotes: [{ source: "a.txt", start: text.indexOf("Die Kosten") }] }];
    const reading = read(understand("Wer hat das gesagt?", history, false, tools, 1000), passages, stats, { minCoverage: 0.1 });
    expect(reading.selected[0]?.sentence.text).toBe("«Wir haben keine Wahl», sagte Kämmerin Ida Kern.");
  });

  /** A robbery article and a follow-up in words it does not use, read after an answer that quoted its first sentence. */
  function robberyFollowUp(lexicon: Lexicon) {
    const text = "Die Räuber kamen durch den Hintereingang. Nach nur vier Minuten flohen sie mit der Beute. Die Bank benötigt nun neue Schlösser. Das Verfahren zog sich über zwei Jahre hin.";
    const { stats, passages } = article(text, 4);
    const tools = { analyze, lexicon, inCorpus: (s: string) => stats.postings.has(s) };
    const history = [{ question: "Wie kamen die Räuber hinein?", answer: "…", sources: ["a.txt"], quotes: [{ source: "a.txt", start: 0 }] }];
    return read(understand("Wie lange brauchten sie dafür?", history, false, tools, 1000), passages, stats, { minCoverage: 0.1 });
  }

  it("answers a follow-up whose own words the article never has from beside the last answer's quotes", () => {
    const reading = robberyFollowUp(nothing);
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Nach nur vier Minuten flohen sie mit der Beute.");
  });

  it("takes a follow-up's own word that the article has only as a synonym for the asker's, not the sources'", () => {
    const reading = robberyFollowUp({ ...nothing, germanSynonyms: (w) => (w.toLowerCase() === "brauchten" ? [{ word: "benötigt", rank: 0 }] : []) });
    expect(reading.passes).toBe(true);
    expect(reading.selected[0]?.sentence.text).toBe("Nach nur vier Minuten flohen sie mit der Beute.");
  });

  it("looks for a follow-up's English word across the article when the German sources use it as it is", () => {
    // "chatbot" translates to Telefonansage, which only the other article has; this one writes "Chatbot".
    const text = "Die Stadtwerke Ahlen ändern die Tarife. Kunden können im Kundenzentrum kündigen. Zudem gibt es einen Chatbot, der werktags von 8 bis 20 Uhr antwortet.";
    const other = "Die Bahn richtete eine Telefonansage ein.";
    const first = makeChunks("a.txt", text, 2);
    const chunks = [...first, ...makeChunks("b.txt", other, 2, first.length)];
    const stats = buildSentenceStats(chunks, analyze);
    const passages: Passage[] = chunks.map((chunk, i) => ({ chunk, fused: 1 / (i + 1), distance: null, keywordScore: null }));
    const lexicon: Lexicon = { ...nothing, englishToGerman: (w) => (w.toLowerCase() === "chatbot" ? [{ german: "Telefonansage", rank: 0 }] : []) };
    const tools = { analyze, lexicon, inCorpus: (s: string) => stats.postings.has(s) };
    const history = [{ question: "Where can customers cancel?", answer: "…", sources: ["a.txt"], quotes: [{ source: "a.txt", start: text.indexOf("Kunden") }] }];
    const reading = read(understand("When can they use the chatbot?", history, false, tools, 1000), passages, stats, { minCoverage: 0.1 });
    expect(reading.selected[0]?.sentence.text).toBe("Zudem gibt es einen Chatbot, der werktags von 8 bis 20 Uhr antwortet.");
  });

  it("answers 'Wie heißt er?' only from the last answer's quotes and the sentence after them, or declines", () => {
    const text = "Die Bahn bot Gespräche an. «Wir sind bereit», sagte Bahnchefin Eva Roth. Es regnete. Ein Sprecher der Stadt sagte, man warte ab. Es wurde kühl. Es blieb ruhig.";
    const { stats, passages, tools } = article(text, 6);
    const after = (sentence: string) => [{ question: "Was sagte die Bahn?", answer: "…", sources: ["a.txt"], quotes: [{ source: "a.txt", start: text.indexOf(sentence) }] }];
    const name = (history: ReturnType<typeof after>) => read(understand("Wie heißt er?", history, false, tools, 1000), passages, stats, { minCoverage: 0.1 });
    // The spokesman quoted last is not named; the article's other name is someone else's.
    expect(name(after("Ein Sprecher")).passes).toBe(false);
    const roth = name(after("Die Bahn bot"));
    expect(roth.passes).toBe(true);
    expect(roth.selected.map((s) => s.sentence.text)).toContain("«Wir sind bereit», sagte Bahnchefin Eva Roth.");
  });
});

describe("answerFirst", () => {
  const scored = (index: number, text: string, typeMatch = false): ScoredSentence => ({
    index,
    sentence: { source: "a.txt", start: index * 100, end: index * 100 + text.length, text, chunkId: 0 },
    hits: [1],
    coverage: 1,
    typeMatch,
    score: 1,
  });
  const texts = (selected: readonly ScoredSentence[]) => selected.map((s) => s.sentence.text);

  it("leads an answer with the sentences that carry the kind of answer asked for, in the order they were ranked", () => {
    const lead = scored(0, "Die Brauerei schließt ihr Lager in Kourou.");
    const reason = scored(5, "Als Grund nannte der Betreiber die hohen Mieten.", true);
    const other = scored(9, "Auch fehle es an Fahrern, weil die Löhne niedrig seien.", true);
    expect(texts(answerFirst([lead, reason, other], "reason"))).toEqual([reason, other, lead].map((s) => s.sentence.text));
    // Without an answer type, and for the strict types the gate has ordered, the ranking stays.
    expect(texts(answerFirst([lead, reason], null))).toEqual([lead, reason].map((s) => s.sentence.text));
    expect(texts(answerFirst([lead, reason], "number", true))).toEqual([lead, reason].map((s) => s.sentence.text));
  });

  const summed = scored(7, "Der Park sei das wichtigste Projekt seit Jahren.", true);
  const quoted = scored(2, "«Heute ist ein guter Tag für das Dorf», sagte Bürgermeisterin Lang.", true);

  it("leads an answer to what someone said with their own quoted words, before a sentence elsewhere that sums them up", () => {
    expect(texts(answerFirst([summed, quoted], "statement"))).toEqual([quoted, summed].map((s) => s.sentence.text));
  });

  it("moves a run of consecutive sentences as one: the sentence right before a quotation names whom it is from", () => {
    const announced = scored(1, "Auch der Mieterverein übte Kritik.");
    expect(texts(answerFirst([summed, announced, quoted], "statement"))).toEqual([announced, quoted, summed].map((s) => s.sentence.text));
  });
});

describe("namesMember", () => {
  const landwirt = new Map([["landwirt", 1]]);
  it("finds the category noun, or a compound on it, followed right away by a capitalised word, perhaps quoted", () => {
    expect(namesMember("Landwirt Klaus Dettweiler konnte keinen Mais aussäen.", landwirt)).toBe(true);
    expect(namesMember("Das teilte der Biolandwirt Jonas Beck mit.", landwirt)).toBe(true);
    expect(namesMember('Betroffen seien Flaschen der Sorte "Hasselkamp Zwickl".', new Map([["sort", 1]]))).toBe(true);
  });
  it("does not take an article, a pronoun, a word after a comma or a lower-case category word for a name", () => {
    expect(namesMember("Streit zwischen einem Landwirt und dem Naturschutz.", landwirt)).toBe(false);
    expect(namesMember("Der Landwirt, Der nicht genannt werden will, klagt.", landwirt)).toBe(false);
    expect(namesMember("Dem Landwirt Sie zu nennen, lehnte er ab.", landwirt)).toBe(false);
    expect(namesMember("Die Gewerkschaft fordert mehr Lohn.", new Map([["mehr", 1]]))).toBe(false);
    expect(namesMember("Landwirt Klaus Dettweiler klagt.", new Map([["landwirt", 0.3]]))).toBe(false);
  });
});
