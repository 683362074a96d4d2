import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { analyzeSentences, sentenceTable } from "../../src/ingest/sentences.js";
import { answerType, sentenceFeatures } from "../../src/query/cues.js";
import { decodeFacts, encodeFacts } from "../../src/ingest/facts.js";
import { openLexicon } from "../../src/lexicon/index.js";
import { acronymsIn, aliasesIn, buildSentenceStats, describeSentences, FACTS_PROBE, factsVersion, namesBehind, townBehind, coverage, LEAD_SHARE, RANK_PRIOR, matchTerms, matchedChunks, scoreSentences, sentenceStats, stemSimilarity, termHits } from "../../src/query/score.js";
import { contentWords } from "../../src/query/terms.js";
import { DERIVATION_MATCH } from "../../src/query/vocabulary.js";
import { ARTICLE, makeChunks } from "./fixtures.js";

describe("stemSimilarity", () => {
  it("is 1 for equal stems and 0 for unrelated ones", () => {
    expect(stemSimilarity("verletzt", "verletzt")).toBe(1);
    expect(stemSimilarity("verletzt", "verleg")).toBe(0);
    expect(stemSimilarity("zeit", "zahl")).toBe(0);
  });

  it("matches German compound heads, strongly for long heads", () => {
    expect(stemSimilarity("befehl", "schiessbefehl")).toBe(0.8);
    expect(stemSimilarity("land", "ausland")).toBe(0.5);
  });

  it("counts a short head as a strong match after a real modifier (a Bundesland is a Land)", () => {
    expect(stemSimilarity("stadt", "hafenstadt")).toBe(0.8);
    expect(stemSimilarity("land", "bundesland")).toBe(0.8);
    expect(stemSimilarity("dorf", "bergdorf")).toBe(0.8);
    expect(stemSimilarity("dorf", "umdorf")).toBe(0.5);
  });

  it("matches inflections and derivations the stemmer leaves apart", () => {
    expect(stemSimilarity("grenzt", "grenz")).toBe(0.9);
    expect(stemSimilarity("kasachstan", "kasach")).toBe(0.7);
  });

  it("counts a longer word of the sources that begins with the question's word as weakly as a short head", () => {
    // "Brand" is the modifier of "Brandenburg", "Feuerwehr" of "Feuerwehrleute": about something else.
    expect(stemSimilarity("brand", "brandenburg")).toBe(0.5);
    expect(stemSimilarity("feuerwehr", "feuerwehrleut")).toBe(0.5);
  });

  it("matches transliterated names, English against German spelling", () => {
    expect(stemSimilarity("peskov", "peskow")).toBe(0.8);
    expect(stemSimilarity("kazakhstan", "kasachstan")).toBe(0.8);
    expect(stemSimilarity("tokayev", "tokajew")).toBe(0.8);
    expect(stemSimilarity("zhukov", "schukow")).toBe(0.8);
    expect(stemSimilarity("tokayev", "tadschik")).toBe(0);
  });

  it("never matches numbers fuzzily", () => {
    expect(stemSimilarity("2021", "2022")).toBe(0);
  });
});

describe("buildSentenceStats", () => {
  it("keeps every sentence once, with offsets into the source, although chunks overlap", () => {
    const chunks = makeChunks("a.txt", ARTICLE, 3);
    const stats = buildSentenceStats(chunks, analyze);
    expect(stats.count).toBe(6);
    for (let i = 0; i < stats.count; i++) expect(ARTICLE.slice(stats.sentence(i).start, stats.sentence(i).end)).toBe(stats.sentence(i).text);
    expect(stats.chunkSentences(1)).toEqual([2, 3, 4]);
  });

  it("builds from a stored table and analysis, and refuses an analysis another analyzer made", () => {
    const chunks = makeChunks("a.txt", ARTICLE, 3);
    const table = sentenceTable(chunks);
    const analysis = analyzeSentences(table, analyze);
    const stats = sentenceStats(table, analysis, analyze);
    const scratch = buildSentenceStats(chunks, analyze);
    expect(stats.count).toBe(6);
    for (let i = 0; i < stats.count; i++) {
      expect(stats.sentence(i)).toEqual(scratch.sentence(i));
      expect([...stats.stems(i)]).toEqual([...scratch.stems(i)]);
    }
    expect(stats.stems(99).size).toBe(0);
    expect(() => stats.sentence(6)).toThrow(RangeError);
    const other = (text: string) => analyze(text).map((stem) => stem.slice(0, 4));
    expect(() => sentenceStats(table, analysis, other)).toThrow(/not made by this analyzer/);
  });
});

describe("stored sentence facts", () => {
  const lexicon = openLexicon();
  const knowledge = () => ({
    isPlace: (w: string) => lexicon.place(w) !== undefined,
    isWord: (w: string) => lexicon.isGermanWord(w),
    lemmas: (w: string) => lexicon.germanLemmas(w).map((l) => l.lemma),
  });
  // Every kind of fact: a dateline and "die Stadt", an acronym spelled out, a surname after its role, a
  // name after its kind, a pronoun going on, strong verb forms, counted nouns, dates and places.
  const REPORT = [
    "Neustadt (dpa) - Der Verein Grüner Gärtner (VGG) hat am Dienstag 85 Mitglieder zu einem Gartenfest gerufen.",
    "Die Vorsitzende Jana Holm verlangte, die Stadt solle bis 2027 zwei Gärten kaufen.",
    "Sie sprach vor dem Vereinsheim, weil der Vorstand schwieg.",
    "Holm traf danach die Firma Gartex in Hamburg.",
    "Der Verein zählt 400 Mitglieder; die VGG-Chefin blieb drei Stunden.",
  ].join(" ");
  const first = makeChunks("a.txt", ARTICLE, 3);
  const chunks = [...first, ...makeChunks("b.txt", REPORT, 3, first.length)];

  it("give every sentence what working it out on demand gives", async () => {
    const table = sentenceTable(chunks);
    const analysis = analyzeSentences(table, analyze);
    const knows = knowledge();
    const facts = decodeFacts(encodeFacts(await describeSentences(table, analysis, analyze, knows)), table.count);
    const stored = sentenceStats(table, analysis, analyze, knows, facts);
    const onDemand = sentenceStats(table, analysis, analyze, knows);
    let features = 0;
    for (let i = 0; i < table.count; i++) {
      expect([...stored.stems(i)]).toEqual([...onDemand.stems(i)]);
      expect([...stored.carried(i)]).toEqual([...onDemand.carried(i)]);
      expect([...stored.lemmaStems(i)]).toEqual([...onDemand.lemmaStems(i)]);
      expect([...stored.counted(i)]).toEqual([...onDemand.counted(i)]);
      expect([...stored.countedNouns(i)]).toEqual([...onDemand.countedNouns(i)]);
      expect([...stored.features(i)]).toEqual([...onDemand.features(i)]);
      features += stored.features(i).size;
    }
    // The report's facts are not all empty: its article's names and its answer types were found.
    const chief = [...Array(table.count).keys()].find((i) => table.text(i).startsWith("Der Verein zählt"))!;
    expect(stored.stems(chief).has(analyze("Gärtner")[0]!)).toBe(true);
    expect(features).toBeGreaterThan(5);
  });

  it("take a surname the article gave in full as a person's in a later sentence that names no one else", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => ["Vogel", "Bürgermeisterin", "Haushalt", "Sitzung", "Bad"].includes(w) };
    const text = "Die Bürgermeisterin Petra Vogel stellte den Haushalt vor. «Wir sparen nicht am Bad», sagte Vogel nach der Sitzung.";
    const stats = buildSentenceStats(makeChunks("v.txt", text, 3), analyze, knows);
    expect(stats.features(1).get("person")).toContain(analyze("Vogel")[0]);
  });

  it("are versioned by a probe that has a clock time, so features stored when '6 Uhr' counted as an amount are described again", () => {
    const clock = FACTS_PROBE.find((sentence) => /\d Uhr/.test(sentence));
    expect(clock).toBeDefined();
    const types = sentenceFeatures(clock!).types;
    expect(types.get("time")).toContain("6");
    expect(types.get("number") ?? []).not.toContain("6");
  });

  it("are versioned by a probe that names a year of three digits, so features stored when it counted as an amount are described again", () => {
    const year = FACTS_PROBE.find((sentence) => /Jahr \d{1,3}\b/.test(sentence));
    expect(year).toBeDefined();
    const types = sentenceFeatures(year!).types;
    expect(types.get("time")).toContain("950");
    expect(types.get("number") ?? []).not.toContain("950");
  });

  it("are versioned by a probe with this round's time and place cues, so features stored before them are described again", () => {
    const cued = FACTS_PROBE.find((sentence) => /montags/.test(sentence) && /bis Weihnachten/.test(sentence) && /Gemeinde \p{Lu}/u.test(sentence));
    expect(cued).toBeDefined();
    const knows = { isPlace: () => false, isWord: (w: string) => ["Gemeinde", "Weihnachten", "Brot"].includes(w) };
    const types = sentenceFeatures(cued!, knows).types;
    expect(types.get("time")).toEqual(expect.arrayContaining(["montags", "weihnachten"]));
    expect(types.get("place")).toContain("lindtal");
  });

  it("are versioned by a probe with a number that ends its sentence, so features stored when it counted as an ordinal are described again", () => {
    const ending = FACTS_PROBE.find((sentence) => /\d\.$/.test(sentence));
    expect(ending).toBeDefined();
    const types = sentenceFeatures(ending!).types;
    expect(types.get("number")).toContain("12");
    expect(types.get("ordinal")).toBeUndefined();
  });

  it("are read instead of worked out: a question touching a sentence looks nothing up", async () => {
    const table = sentenceTable(chunks);
    const analysis = analyzeSentences(table, analyze);
    let lookUps = 0;
    const base = knowledge();
    const knows = {
      isPlace: (w: string) => (lookUps++, base.isPlace(w)),
      isWord: (w: string) => (lookUps++, base.isWord(w)),
      lemmas: (w: string) => (lookUps++, base.lemmas(w)),
    };
    const facts = await describeSentences(table, analysis, analyze, knows);
    const stats = sentenceStats(table, analysis, analyze, knows, facts);
    lookUps = 0;
    for (let i = 0; i < table.count; i++) [stats.stems(i), stats.carried(i), stats.lemmaStems(i), stats.features(i)].forEach(() => {});
    expect(lookUps).toBe(0);
    const onDemand = sentenceStats(table, analysis, analyze, knows);
    for (let i = 0; i < table.count; i++) [onDemand.stems(i), onDemand.lemmaStems(i), onDemand.features(i)].forEach(() => {});
    expect(lookUps).toBeGreaterThan(0);
  });

  it("are not used when another lexicon would make other facts", async () => {
    const table = sentenceTable(chunks);
    const analysis = analyzeSentences(table, analyze);
    const knows = knowledge();
    const facts = await describeSentences(table, analysis, analyze, knows);
    // A lexicon that knows no lemmas: the stored lemma stems would be wrong for it.
    const without = { ...knowledge(), lemmas: () => [] };
    expect(factsVersion(analyze, without)).not.toBe(factsVersion(analyze, knows));
    const stats = sentenceStats(table, analysis, analyze, without, facts);
    for (let i = 0; i < table.count; i++) expect(stats.lemmaStems(i).size).toBe(0);
    expect([...Array(table.count).keys()].some((i) => sentenceStats(table, analysis, analyze, knows, facts).lemmaStems(i).size > 0)).toBe(true);
  });
});

describe("acronymsIn", () => {
  it("reads an acronym's long form from the capitalised words before it, whose initials it has in any order", () => {
    const defined = acronymsIn(
      [
        "Der Verband Freier Bäcker (VFB) rief zum Protest auf.",
        "Die Alianza Popular (PA) gewann.",
        "Der Chef des Senders (ARD) sprach.",
        "Die Uhr (X) stand still.",
      ],
      analyze,
    );
    expect(defined.get("vfb")).toEqual([...analyze("Verband"), ...analyze("Freier"), ...analyze("Bäcker")]);
    expect(defined.get("pa")).toEqual([...analyze("Alianza"), ...analyze("Popular")]);
    // Initials that do not spell it, or a single letter, define nothing.
    expect(defined.has("ard")).toBe(false);
    expect(defined.size).toBe(2);
  });

  it("lets a sentence with the acronym match the words of its long form", () => {
    const stats = buildSentenceStats(
      makeChunks("a.txt", "Der Verband Freier Bäcker (VFB) rief zum Protest auf. Die Lage blieb ruhig. VFB-Chef Ole Brandt sprach von Willkür.", 3),
      analyze,
    );
    const chief = [...Array(stats.count).keys()].find((i) => stats.sentence(i).text.startsWith("VFB-Chef"))!;
    expect(stats.stems(chief).has(analyze("Bäcker")[0]!)).toBe(true);
    expect(stats.stems(chief - 1).has(analyze("Bäcker")[0]!)).toBe(false);
  });
});

describe("aliasesIn", () => {
  it("reads a surname as the role it was introduced with, when a dictionary tells names from nouns", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => !["Ole", "Brandt"].includes(w) };
    const texts = ["Der 52-jährige Bauunternehmer Ole Brandt wurde verurteilt.", "Im Hafen Kiel Nord lag ein Schiff."];
    expect(aliasesIn(texts, analyze, knows).get(analyze("Brandt")[0]!)).toEqual(analyze("Bauunternehmer"));
    // "Hafen Kiel Nord": two words the dictionary knows (a keel, the north), no first name and surname.
    expect(aliasesIn(texts, analyze, knows).size).toBe(1);
    expect(aliasesIn(texts, analyze).size).toBe(0);
  });

  it("takes a surname that is a word too, after a first name no dictionary knows", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => w !== "Sabine" };
    const texts = ["Oberbürgermeisterin Sabine Krämer (CSU) fuhr mit.", "«Heute geht ein Projekt in Betrieb», sagte Krämer."];
    expect(aliasesIn(texts, analyze, knows).get(analyze("Krämer")[0]!)).toEqual(analyze("Oberbürgermeisterin"));
  });
});

describe("namesBehind", () => {
  it("reads a compound of a thing's kind, in the next sentences, as that thing's name", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => !["Novura", "Vogt"].includes(w) };
    const texts = ["Gewinner ist die Partei Novura.", "Sie legte zu.", "Parteichef Tom Vogt jubelte.", "Das sagte die Parteichefin später auch."];
    const behind = namesBehind(texts, analyze, knows);
    expect(behind[2]).toEqual(analyze("Novura"));
    // Two sentences on, the kind may mean another one of its kind; without a dictionary, nothing.
    expect(behind[3]).toEqual([]);
    expect(namesBehind(texts, analyze).flat()).toEqual([]);
  });

  it("reads the kind alone, with its article, anywhere later as the one thing the article introduced as that kind", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => !["VFB", "Lichtblick", "Sonnenschein"].includes(w) };
    const texts = [
      "Der Verband Freier Bäcker (VFB) rief zum Protest auf.",
      "Die Bäcker schlossen ihre Läden.",
      "Der Streik dauerte zwei Tage.",
      "Die Polizei sprach von Tausenden Teilnehmern.",
      "Der Verband vertritt 4000 Betriebe.",
    ];
    expect(namesBehind(texts, analyze, knows)[4]).toEqual(analyze("VFB"));
    // Two things of the same kind: "der Verein" could be either.
    const two = ["Der Verein Lichtblick half.", "Auch der Verein Sonnenschein half.", "Der Verein sammelte Spenden."];
    expect(namesBehind(two, analyze, knows)[2]).toEqual([]);
  });
  it("reads the kind before the thing's name, alone or in a compound, as that name, also when the name is quoted", () => {
    const knows = { isPlace: () => false, isWord: (w: string) => !["Kornblume", "Lerchenfeld"].includes(w) };
    const texts = [
      "Die Inhaberin einer Buchhandlung wurde verurteilt.",
      "Der Schaden für die Buchhandlungskette ist groß.",
      "Laut Urteil verkaufte die Buchhandlung «Kornblume» gefälschte Bücher.",
      "Die Polizei ermittelt weiter.",
    ];
    const behind = namesBehind(texts, analyze, knows);
    expect(behind[0]).toEqual(analyze("Kornblume"));
    expect(behind[1]).toEqual(analyze("Kornblume"));
    expect(behind[3]).toEqual([]);
    // Two things of the kind named later: the one before could be either.
    const two = [...texts.slice(0, 3), "Auch die Buchhandlung Lerchenfeld half."];
    expect(namesBehind(two, analyze, knows)[0]).toEqual([]);
  });
});

describe("townBehind", () => {
  it("reads 'die Stadt' / 'the town' as the town of the article's dateline", () => {
    const texts = ["Brenningen (dpa/lni) - Der Stadtrat hat eine Brücke beschlossen.", "Sie kostet viel.", "Die Stadt rechnet mit Kosten von 23 Millionen Euro."];
    expect(townBehind(texts, analyze)).toEqual([[], [], analyze("Brenningen")]);
    const english = ["HEXHAM, England, March 4 (Reuters) - A bridge will close.", "The town expects long queues."];
    expect(townBehind(english, analyze)[1]).toEqual(analyze("Hexham"));
    // Without a dateline the article names no town of its own: "die Stadt" stays a word.
    expect(townBehind(["Der Stadtrat hat beschlossen.", "Die Stadt rechnet mit Kosten."], analyze)).toEqual([[], []]);
  });

  it("lets a sentence that says 'die Stadt' meet the dateline's town in part, as a pronoun meets the sentence before", () => {
    const text = "Brenningen (dpa) - Der Rat hat eine Brücke beschlossen. Die Stadt rechnet mit Kosten von 23 Millionen Euro. Die Kosten in Altwiesen sind geringer.";
    const stats = buildSentenceStats(makeChunks("b.txt", text, 3), analyze);
    const matches = matchTerms(contentWords("Wie viel kostet die Brücke in Brenningen?", "de", analyze), stats);
    const town = matches.findIndex((m) => m.term.word === "Brenningen");
    expect(termHits(matches, stats, 1)[town]).toBe(0.5);
    expect(termHits(matches, stats, 2)[town]).toBe(0);
  });

  it("lets a sentence that opens with a preposition and a pronoun meet the sentence before in part, as one opening with the pronoun does", () => {
    const text = "Korbach (dpa) - Die Gebühr für Segelboote steigt deutlich. Für sie verlangt der Hafen künftig 90 Euro. Mit ihm sprach der Bürgermeister. Für die Kanus bleibt es bei 20 Euro.";
    const stats = buildSentenceStats(makeChunks("k.txt", text, 4), analyze);
    const matches = matchTerms(contentWords("Wie viel kostet ein Segelboot im Hafen?", "de", analyze), stats);
    const boat = matches.findIndex((m) => m.term.word === "Segelboot");
    expect(termHits(matches, stats, 0)[boat]).toBe(1);
    expect(termHits(matches, stats, 1)[boat]).toBe(0.5);
    // Only a personal pronoun points back: "Für die Kanus" names its own thing.
    expect(termHits(matches, stats, 3)[boat]).toBe(0);
    // "Mit ihm" after "Für sie …" goes on from that sentence, which does not name the boats.
    expect(termHits(matches, stats, 2)[boat]).toBe(0);
  });
});

describe("termHits", () => {
  it("counts a stem met only without the umlaut the question's word is spelt with as another word of its family", () => {
    // The stemmer folds "gründete" and "Grund" into one stem.
    const text = "Mainz (dpa) - Den Verein gründete 1990 Ida Holm. Als Grund nannte sie den Streit. Der Verein hat 40 Mitglieder.";
    const stats = buildSentenceStats(makeChunks("m.txt", text, 3), analyze);
    const [term] = contentWords("gegründet", "de", analyze);
    const founded = { ...term!, alternatives: [...term!.alternatives, { stem: "grund", weight: 1, via: "lemma" as const }] };
    const plain = matchTerms([founded], stats);
    // Without the spelling, "Grund" meets "gegründet" as its dictionary form, better than "gründete" does.
    expect(termHits(plain, stats, 1)[0]).toBe(1);
    expect(termHits(plain, stats, 0)[0]).toBeLessThan(1);
    const spelt = matchTerms([{ ...founded, umlauts: [{ stem: "grund", spelt: "gründ" }] }], stats);
    expect(termHits(spelt, stats, 0)[0]).toBe(termHits(plain, stats, 0)[0]);
    expect(termHits(spelt, stats, 1)[0]).toBe(DERIVATION_MATCH);
    expect(termHits(spelt, stats, 0)[0]).toBeGreaterThan(DERIVATION_MATCH);
    expect(termHits(spelt, stats, 2)[0]).toBe(0);
  });

  it("gives each question's matches their own hits on a sentence read before for another question", () => {
    const text = "Mainz (dpa) - Der Stadtrat beschloss den Bau einer Brücke. Die Brücke soll 2027 fertig sein.";
    const stats = buildSentenceStats(makeChunks("b.txt", text, 3), analyze);
    const bridge = matchTerms(contentWords("Brücke", "de", analyze), stats);
    const council = matchTerms(contentWords("Stadtrat", "de", analyze), stats);
    expect(termHits(bridge, stats, 1)).toEqual([1]);
    expect(termHits(council, stats, 1)).toEqual([0]);
    expect(termHits(council, stats, 0)).toEqual([1]);
    // Asked again, the same hits.
    expect(termHits(bridge, stats, 1)).toEqual([1]);
  });
});

describe("matchTerms", () => {
  it("counts a sentence once in a term's rarity, however many of the stems it matches the sentence has", () => {
    const text = "Die Grenze grenzt an Grenzen. Der Zaun steht. Die Grenzregion ist ruhig. Es regnet.";
    const stats = buildSentenceStats(makeChunks("g.txt", text, 2), analyze);
    const [match] = matchTerms(contentWords("grenzt", "de", analyze), stats);
    expect([...(match?.similar ?? [])]).toEqual([["grenz", 0.9], ["grenzt", 1]]);
    const df = 1; // the first sentence, of four
    expect(match?.idf).toBe(Math.log(1 + (4 - df + 0.5) / (df + 0.5)));
  });

  it("finds a translation in compounds and inflections of it, never in a word merely spelled like it", () => {
    const stats = buildSentenceStats(makeChunks("m.txt", "Die Mission beginnt. Die Emissionen sinken. Die Gesamtemission stieg.", 1), analyze);
    const term = { word: "launch", position: 0, weight: 1, alternatives: [{ stem: "emission", weight: 0.9, via: "translation" as const }] };
    const [match] = matchTerms([term], stats);
    expect([...(match?.similar.keys() ?? [])].sort()).toEqual(["emission", "gesamtemission"]);
    // A name as written keeps its tolerance for spellings (transliterations).
    const [own] = matchTerms([{ ...term, word: "Emission", alternatives: [{ stem: "emission", weight: 1, via: "word" as const }] }], stats);
    expect(own?.similar.has("mission")).toBe(true);
    // A lower-case word is no name: found as it is, not by spelling.
    const [verb] = matchTerms([{ ...term, word: "emission", alternatives: [{ stem: "emission", weight: 1, via: "word" as const }] }], stats);
    expect(verb?.similar.has("mission")).toBe(false);
  });

  it("does not find a name by its tail: a town in -hausen is not mentioned by 'zu Hause'; a compound noun is by its head", () => {
    const stats = buildSentenceStats(makeChunks("t.txt", "Die Stadtwerke Kornhausen erhöhen den Preis. Viele Kunden blieben zu Hause. Ein Landhaus brannte.", 1), analyze);
    const town = { word: "Kornhausen", position: 0, weight: 1, name: true, alternatives: [{ stem: "kornhaus", weight: 1, via: "word" as const }] };
    const [name] = matchTerms([town], stats);
    expect([...(name?.similar.keys() ?? [])]).toEqual(["kornhaus"]);
    // The same word as a noun ("ein Kornhaus") is a kind of house, found by its head where the sources use its modifier.
    const [noun] = matchTerms([{ ...town, name: false }], stats);
    expect(noun?.similar.has("haus")).toBe(true);
  });

  it("finds a compound by the head the dictionary reads after a modifier of three letters, where the sources use the modifier, and no other tail so", () => {
    const stats = buildSentenceStats(makeChunks("s.txt", "Im Wald lag Bauschutt. Entdeckt hatte den Schutt eine Försterin. Ein Bauer fand ihn. Das Spiel begann. Die Leute erschraken.", 1), analyze);
    const term = { word: "Bauschutt", position: 0, weight: 1, alternatives: [{ stem: "bauschutt", weight: 1, via: "word" as const }] };
    const found = (t: typeof term & { heads?: string[] }) => matchTerms([t], stats)[0]?.similar;
    // "Bau" is too short to be taken for a modifier on its own spelling ("ver" in "verletzt" is none); the dictionary's cut tells.
    expect(found({ ...term, heads: ["schutt"] })?.get("schutt")).toBe(0.6);
    expect(found(term)?.has("schutt")).toBe(false);
    // Where the sources never use the modifier, their head is another thing: a question's "Zugspiel" is not their "Spiel".
    const spiel = { word: "Zugspiel", position: 0, weight: 1, heads: ["spiel"], alternatives: [{ stem: "zugspiel", weight: 1, via: "word" as const }] };
    expect(matchTerms([spiel], stats)[0]?.similar.has("spiel")).toBe(false);
  });

  it("finds the question's own word as the modifier of a compound of the sources, weakly, and a synonym's not", () => {
    const stats = buildSentenceStats(makeChunks("p.txt", "Die IG Metall kündigte für Freitag eine Protestkundgebung an. Es regnete.", 1), analyze);
    // A lower-case word ("When is the protest?"), which is found as it is, not by spelling as a name is.
    const protest = { word: "protest", position: 0, weight: 1, alternatives: [{ stem: "protest", weight: 1, via: "word" as const }] };
    const [own] = matchTerms([protest], stats);
    expect(own?.similar.get("protestkundgeb")).toBe(0.5);
    const [synonym] = matchTerms([{ ...protest, word: "demo", alternatives: [{ stem: "protest", weight: 0.6, via: "synonym" as const }] }], stats);
    expect(synonym?.similar.has("protestkundgeb")).toBe(false);
  });

  it("resolves a word anew when what resolution reads of it differs, though its stems are the same", () => {
    const stats = buildSentenceStats(makeChunks("w.txt", "Der Waldbrand wütet. Am Rand des Ortes regnet es.", 1), analyze);
    const term = { word: "Waldbrand", position: 0, weight: 1, alternatives: [{ stem: "waldbrand", weight: 1, via: "word" as const }] };
    const rand = (t: typeof term & { heads?: string[] }) => matchTerms([t], stats)[0]?.similar.has("rand");
    // Without a dictionary cut the tail "rand" stands in for the compound; with the cut at "brand" it does not.
    expect(rand(term)).toBe(true);
    expect(rand({ ...term, heads: ["brand"] })).toBe(false);
    expect(rand(term)).toBe(true);
  });

  it("meets a strong verb's past form through a synonym's dictionary form, at the synonym's weight", () => {
    const knows = { isPlace: () => false, isWord: () => true, lemmas: (w: string) => (w === "begann" ? ["beginnen"] : []) };
    const stats = buildSentenceStats(makeChunks("b.txt", "Der Streik begann am Mittwoch. Es regnete.", 1), analyze, knows);
    const term = { word: "anfing", position: 0, weight: 1, alternatives: [{ stem: "anfing", weight: 1, via: "word" as const }, { stem: "beginn", weight: 0.6, via: "synonym" as const }] };
    const matches = matchTerms([term], stats);
    expect(termHits(matches, stats, 0)).toEqual([0.6]);
    expect(termHits(matches, stats, 1)).toEqual([0]);
  });

  it("meets a synonym of two words only where both stand, in any form", () => {
    const knows = { isPlace: () => false, isWord: () => true, lemmas: (w: string) => (w === "verbrachten" ? ["verbringen"] : []) };
    const text = "Viele verbrachten die Nacht in Turnhallen. Die Nacht war kalt. Sie verbrachten Stunden im Stau.";
    const stats = buildSentenceStats(makeChunks("n.txt", text, 1), analyze, knows);
    const term = {
      word: "untergekommen",
      position: 0,
      weight: 1,
      alternatives: [{ stem: "untergekomm", weight: 1, via: "word" as const }],
      phrases: [{ stems: ["nacht", "verbring"], weight: 0.6 }],
    };
    const matches = matchTerms([term], stats);
    expect([0, 1, 2].map((i) => termHits(matches, stats, i)[0])).toEqual([0.6, 0, 0]);
  });

  it("finds nothing for a word no sentence has, which makes it as rare as can be", () => {
    const stats = buildSentenceStats(makeChunks("a.txt", ARTICLE, 3), analyze);
    const [match] = matchTerms(contentWords("Wetter", "de", analyze), stats);
    expect(match?.similar.size).toBe(0);
    expect(match?.idf).toBe(Math.log(1 + (6 + 0.5) / 0.5));
  });
});

describe("scoreSentences", () => {
  const stats = buildSentenceStats(makeChunks("a.txt", ARTICLE, 3), analyze);
  const rank = (question: string) => {
    const matches = matchTerms(contentWords(question, "de", analyze), stats);
    const candidates = Array.from({ length: stats.count }, (_, index) => ({ index, prior: 0 }));
    return scoreSentences(candidates, matches, stats, answerType(question));
  };

  it("favours the sentence that carries the number a how-many question asks for", () => {
    const [best] = rank("Wie viele Menschen wurden in Leipzig verletzt?");
    expect(best?.sentence.text).toBe("Bei dem Unfall in Leipzig wurden 14 Menschen verletzt.");
    expect(best?.typeMatch).toBe(true);
  });

  it("reads, when asked, the answer type of a sentence that covers nothing, and scores it by its rank alone", () => {
    const matches = matchTerms(contentWords("Wie viele Zebras?", "de", analyze), stats);
    const candidates = Array.from({ length: stats.count }, (_, index) => ({ index, prior: index / stats.count }));
    const scored = scoreSentences(candidates, matches, stats, "number");
    expect(scored.every((s) => s.coverage === 0)).toBe(true);
    for (const s of scored) {
      // No word of the question stands among the number's words, so a sentence with a number is of the type.
      expect(s.typeMatch).toBe(stats.features(s.index).has("number"));
      expect(s.score).toBe(RANK_PRIOR * (s.index / stats.count));
    }
    expect(scored.some((s) => s.typeMatch)).toBe(true);
  });

  /** A reason's sentence (the one that opens with `opening`) scored alone for a why-question, outside the lead's chunk. */
  const reasonScored = (text: string, size: number, opening: string, question: string) => {
    const story = buildSentenceStats(makeChunks("r.txt", text, size), analyze);
    const reason = Array.from({ length: story.count }, (_, i) => i).find((i) => story.sentence(i).text.startsWith(opening))!;
    expect(story.chunk(reason)).not.toBe(story.chunk(0));
    const matches = matchTerms(contentWords(question, "de", analyze), story);
    const [scored] = scoreSentences([{ index: reason, prior: 0 }], matches, story, "reason");
    return { story, reason, matches, scored };
  };

  it("meets a reason's sentence, past the lead's chunk, through the sentence before it, which it explains", () => {
    const { story, reason, matches, scored } = reasonScored(
      "Talstadt (dpa) - Die Stadt meldet einen ruhigen Winter. Der Winterdienst hatte wenig zu tun. Die Bibliothek bleibt geöffnet. Im Lesesaal fiel die Heizung aus. Als Grund nannte die Stadt marode Leitungen.",
      3,
      "Als Grund",
      "Warum fiel die Heizung aus?",
    );
    expect(scored?.typeMatch).toBe(true);
    expect(scored?.coverage).toBeGreaterThan(0);
    // Only in part: the sentence before it says what happened, not why.
    expect(scored?.coverage).toBeLessThan(coverage(matches, [termHits(matches, story, reason - 1)]));
  });

  it("meets a reason named as such, after a sentence on another detail, through the article's lead, whose event it explains", () => {
    const { story, matches, scored } = reasonScored(
      "Talstadt (dpa) - Das Bürgerbüro in Talstadt verkürzt seine Öffnungszeiten. Montags bleibt es geschlossen. Freitags endet die Sprechzeit um zwölf Uhr. Grund für die Einschnitte ist vor allem der Personalmangel.",
      2,
      "Grund",
      "Warum verkürzt das Bürgerbüro in Talstadt die Öffnungszeiten?",
    );
    expect(scored?.typeMatch).toBe(true);
    // In part, as the lead's words count in a later sentence (LEAD_SHARE).
    expect(scored?.coverage).toBeCloseTo(LEAD_SHARE * coverage(matches, [termHits(matches, story, 0)]), 5);
  });

  it("ranks a later sentence of an article with part of its lead, which says what the story is about", () => {
    const story = buildSentenceStats(
      makeChunks("k.txt", "Zwickau (dpa) - Der Autozulieferer Kessler Antriebstechnik will 700 Stellen streichen. Betriebsrat und Gewerkschaft reagierten empört. Die Produktion läuft weiter.", 3),
      analyze,
    );
    const matches = matchTerms(contentWords("Wie hat der Betriebsrat von Kessler Antriebstechnik reagiert?", "de", analyze), story);
    const candidates = Array.from({ length: story.count }, (_, index) => ({ index, prior: 0 }));
    const [first, second] = scoreSentences(candidates, matches, story, null);
    expect(first?.sentence.text).toBe("Betriebsrat und Gewerkschaft reagierten empört.");
    expect(second?.sentence.text).toContain("Kessler Antriebstechnik");
    // Only the order: the score, which the gate and further quotes weigh, is the sentence's own.
    expect(first?.score).toBeCloseTo(first?.coverage ?? 0);
    expect(first?.coverage).toBeLessThan(1);
  });

  it("ranks a sentence that meets the question by a word its article uses once above those that meet it by the words the article uses throughout", () => {
    // Made-up articles: the story names its town and its lift in most sentences, and its operator once, in a
    // compound that meets the question's word only in part.
    const story = [
      "Hollweiler (dpa) - In Hollweiler fährt seit Montag eine neue Seilbahn.",
      "Bürgermeister Jan Kurz nannte die Seilbahn in Hollweiler einen Gewinn.",
      "Die Seilbahn in Hollweiler fährt täglich.",
      "Landrätin Eva Brenn lobte die Seilbahn in Hollweiler.",
      "Die Seilbahn in Hollweiler ist neu.",
      "Viele Gäste fuhren mit der Seilbahn in Hollweiler.",
      "Pfarrer Otto Lenz segnete die Seilbahn in Hollweiler.",
      "Der Betreiberkonzern ist die Talbahn GmbH.",
    ].join(" ");
    // Another article, so that the town and the lift are rare in the corpus, as news of one place is.
    const other = ["Brunnfeld (dpa) - Der Markt öffnet wieder.", ...Array.from({ length: 30 }, (_, i) => `Am Stand ${i + 1} gibt es Obst.`)].join(" ");
    const first = makeChunks("s.txt", story, 3);
    const corpus = buildSentenceStats([...first, ...makeChunks("o.txt", other, 3, first.length)], analyze);
    const question = "Wer ist Betreiber der neuen Seilbahn in Hollweiler?";
    const matches = matchTerms(contentWords(question, "de", analyze), corpus);
    const candidates = Array.from({ length: corpus.count }, (_, index) => ({ index, prior: 0 }));
    const [best, next] = scoreSentences(candidates, matches, corpus, answerType(question));
    expect(best?.sentence.text).toBe("Der Betreiberkonzern ist die Talbahn GmbH.");
    // Only the order: its score, which the gate weighs, is below theirs, as it covers less of the question.
    expect(best!.score).toBeLessThan(next!.score);
  });

  it("favours the duration for a how-long question", () => {
    const [best] = rank("Wie lange dauert die Reparatur?");
    expect(best?.sentence.text).toContain("drei Wochen");
  });

  it("does not count the person a who-question names as its answer", () => {
    const scored = rank("Wer ist Anna Berger?");
    const berger = scored.find((s) => s.sentence.text.includes("Berger"));
    expect(berger?.typeMatch).toBe(true); // "Verkehrsministerin" is a role noun the question does not name
    const only = buildSentenceStats(makeChunks("b.txt", "Anna Berger kam. Es regnete."), analyze);
    const matches = matchTerms(contentWords("Wer ist Anna Berger?", "de", analyze), only);
    const [first] = scoreSentences([{ index: 0, prior: 0 }], matches, only, "person");
    expect(first?.typeMatch).toBe(false);
  });

  it("takes an organisation for the answer to a who-question", () => {
    const knows = { isPlace: () => false, isWord: () => true };
    const text = buildSentenceStats(makeChunks("v.txt", "Zum Streik aufgerufen hatte der Verband. Es regnete."), analyze, knows);
    const matches = matchTerms(contentWords("Wer hatte zum Streik aufgerufen?", "de", analyze), text);
    const [first] = scoreSentences([{ index: 0, prior: 0 }], matches, text, "person");
    expect(first?.typeMatch).toBe(true);
  });

  it("measures coverage as the idf-weighted share of question terms", () => {
    const matches = matchTerms(contentWords("Unfall Leipzig Fahrplan", "de", analyze), stats);
    const [best] = rank("Unfall Leipzig Fahrplan");
    expect(best?.coverage).toBeGreaterThan(0.5);
    expect(best?.coverage).toBeLessThan(1);
    expect(coverage(matches, [])).toBe(0);
  });

  it("lets the places a sentence names stand for the category noun of a which-places question", () => {
    const towns = buildSentenceStats(makeChunks("t.txt", "Die Sänger reisten aus Graz, Linz und Bozen an. Die Halle war voll."), analyze);
    const question = "Aus welchen Städten reisten die Sänger an?";
    const matches = matchTerms(contentWords(question, "de", analyze), towns);
    const category = matches.findIndex((m) => m.term.word === "Städten");
    const [plain] = scoreSentences([{ index: 0, prior: 0 }], matches, towns, "place");
    const [typed] = scoreSentences([{ index: 0, prior: 0 }], matches, towns, "place", category);
    expect(plain?.hits[category]).toBe(0);
    expect(typed?.hits[category]).toBe(0.8);
    expect(typed?.coverage).toBeGreaterThan(plain?.coverage ?? 1);
    const [unrelated] = scoreSentences([{ index: 1, prior: 0 }], matches, towns, "place", category);
    expect(unrelated?.hits[category]).toBe(0);
  });

  it("bridges English question words to the German sentences", () => {
    const question = "How many were injured in the accident in Leipzig?";
    const matches = matchTerms(contentWords(question, "en", analyze), stats);
    const candidates = Array.from({ length: stats.count }, (_, index) => ({ index, prior: 0 }));
    const [best] = scoreSentences(candidates, matches, stats, answerType(question));
    expect(best?.sentence.text).toContain("14 Menschen verletzt");
    expect(best?.typeMatch).toBe(true);
  });
});

describe("matchedChunks", () => {
  it("ranks chunks by how much of the question their best sentences match, compounds and inflections included", () => {
    const chunks = [
      ...makeChunks("a.txt", "Der Regen hielt an. Die Feuerwehr kam.", 1),
      ...makeChunks("b.txt", "Zwei Schwerverletzte kamen in die Klinik. Der Regen hörte auf.", 1, 2),
    ];
    const stats = buildSentenceStats(chunks, analyze);
    const matches = matchTerms(contentWords("Wie viele Verletzte kamen in die Klinik?", "de", analyze), stats);
    expect(matchedChunks(matches, stats, 10)[0]).toBe(2);
    expect(matchedChunks(matches, stats, 1)).toHaveLength(1);
    expect(matchedChunks(matchTerms([], stats), stats, 10)).toEqual([]);
  });

  it("ranks as a plain map of sentence scores would, call after call on the same scratch arrays", () => {
    const chunks = makeChunks("a.txt", ARTICLE, 1);
    const stats = buildSentenceStats(chunks, analyze);
    // Each sentence's score in float32 as the scratch keeps it: the sum over terms of the term's share times its best match.
    const reference = (matches: ReturnType<typeof matchTerms>, k: number) => {
      const total = matches.reduce((sum, m) => sum + m.term.weight * m.idf, 0);
      const scores = new Map<number, number>();
      for (const m of matches) {
        const best = new Map<number, number>();
        for (const [stem, value] of m.similar) for (const i of stats.postings.get(stem) ?? []) best.set(i, Math.max(best.get(i) ?? 0, Math.fround(value)));
        for (const [i, value] of best) scores.set(i, Math.fround((scores.get(i) ?? 0) + Math.fround(((m.term.weight * m.idf) / total) * value)));
      }
      const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 4 * k);
      return [...new Set(ranked.map(([i]) => stats.chunk(i)))].slice(0, k);
    };
    const questions = ["Wie viele Menschen wurden in Leipzig verletzt?", "Wie lange dauert die Reparatur?", "Wer ist Anna Berger?"];
    for (const question of [...questions, ...questions]) {
      const matches = matchTerms(contentWords(question, "de", analyze), stats);
      expect(matchedChunks(matches, stats, 3)).toEqual(reference(matches, 3));
    }
  });
});
