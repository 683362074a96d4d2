import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import type { Lemma, Lexicon } from "../../src/lexicon/index.js";
import { EXPANSION_WEIGHT, compoundsWithLetter, dictionaryCuts, leaningOn, partsOf, previousTurn, truecased, understand, withoutTypos, withPrevious, withUmlauts, type UnderstandTools } from "../../src/query/understand.js";
import type { Turn } from "../../src/types.js";

/** A lexicon with a handful of entries, so these tests say what understanding does with what it is given. */
const lexicon: Lexicon = {
  germanLemmas: (word) => (word.toLowerCase() === "trafen" ? [{ lemma: "treffen", pos: "verb" }] : []),
  isGermanNoun: (word) => ["streik", "minister", "kritik", "hafen", "arbeitsniederlegung", "pegel"].includes(word.toLowerCase()),
  isGermanWord: (word) => ["streik", "minister", "kritik", "hafen", "arbeitsniederlegung", "pegel"].includes(word.toLowerCase()),
  germanSynonyms: (word) =>
    word.toLowerCase() === "arbeitsniederlegung"
      ? [
          { word: "Ausstand", rank: 0 },
          { word: "Streik", rank: 1 },
          { word: "Arbeitskampf machen", rank: 2 },
        ]
      : [],
  // Pivots through English: "Stausee" and "Talsperre" both translate "dammed lake"; "Stauwehr" is not in the corpus.
  germanPhraseSynonyms: () => [],
  germanPivots: (word) =>
    ({ stausee: ["Stauwehr", "Talsperre"], arbeitsniederlegung: ["Ausstand", "Streik", "Pegel"] })[word.toLowerCase()]?.map((w, rank) => ({ word: w, rank })) ?? [],
  englishToGerman: (phrase) => {
    const table: Record<string, string[]> = {
      strike: ["Schlag", "Hieb", "Streik", "Ausstand"],
      "train driver": ["Lokführer"],
      train: ["Zug"],
      driver: ["Fahrer"],
      harbour: ["Hafen"],
      walkout: ["wilder Streik"],
    };
    return (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank }));
  },
  // Hypernyms: "Autos" are "Fahrzeuge", which the corpus says; "Gefährt" it does not.
  germanBroader: (word) => (/^autos?$/i.test(word) ? [{ word: "Fahrzeug", rank: 0 }, { word: "Gefährt", rank: 1 }] : []),
  germanNarrower: () => [],
  englishSynonyms: () => [],
  englishLemmas: (word) => [word],
  place: () => undefined,
  demonymPlace: () => undefined,
};

/** The corpus has these stems (as the analyzer makes them). */
const corpus = new Set(["streik", "ausstand", "lokfuhr", "haf", "treff", "minist", "bohl"]);
const tools: UnderstandTools = { analyze, lexicon, inCorpus: (stem) => corpus.has(stem) };
const read = (question: string, history = [] as { question: string; answer: string }[], continues = false) =>
  understand(question, history, continues, tools, 1000);

describe("understand", () => {
  const intents = (cases: Record<string, string>) => {
    for (const [text, intent] of Object.entries(cases)) expect([text, read(text).intent]).toEqual([text, intent]);
  };

  it("tells greetings, thanks and messages without words from questions", () => {
    intents({
      "Hallo!": "greeting",
      "Hi there :)": "greeting",
      "Danke dir!": "thanks",
      "Thank you so much": "thanks",
      "<b>x</b>": "empty",
      "🙂👍": "empty",
      "Hallo, wer führt den Streik an?": "question",
      "Hi, who leads the strike?": "question",
    });
  });

  it("marks the stems a word's dictionary forms spell with an umlaut the stemmer folds, not a plural's or a comparative's", () => {
    const forms: Record<string, Lemma[]> = {
      gegründet: [{ lemma: "gründen", pos: "verb" }],
      gründe: [{ lemma: "Grund", pos: "noun" }],
      länger: [{ lemma: "länger", pos: "adj" }],
    };
    const german: Lexicon = {
      ...lexicon,
      germanLemmas: (w) => forms[w.toLowerCase()] ?? lexicon.germanLemmas(w),
      isGermanWord: (w) => /^(wer|hat|den|verein|gegründet|welche|gründe|nannte|er|warum|dauerte|es|länger)$/i.test(w) || lexicon.isGermanWord(w),
      isGermanNoun: (w) => /^(verein|gründe)$/i.test(w) || lexicon.isGermanNoun(w),
    };
    const withForms: UnderstandTools = { ...tools, lexicon: german };
    const term = (q: string, word: string) => understand(q, [], false, withForms, 1000).terms.find((t) => t.word === word);
    expect(term("Wer hat den Verein gegründet?", "gegründet")?.umlauts).toEqual([{ stem: "grund", spelt: "gründ" }]);
    // "Gründe" is the plural of "Grund", "länger" the comparative of "lang": the same words without the umlaut.
    expect(term("Welche Gründe nannte er?", "Gründe")?.umlauts).toBeUndefined();
    expect(term("Warum dauerte es länger?", "länger")?.umlauts).toBeUndefined();
  });

  it("marks the stem the stemmer cuts a verb's infinitive to, below the part all its forms spell: verdienen is no Verdi", () => {
    const forms: Record<string, Lemma[]> = {
      verdienen: [{ lemma: "verdienen", pos: "verb" }],
      wandern: [{ lemma: "wandern", pos: "verb" }],
      merken: [{ lemma: "merken", pos: "verb" }],
    };
    const german: Lexicon = {
      ...lexicon,
      germanLemmas: (w) => forms[w.toLowerCase()] ?? lexicon.germanLemmas(w),
      isGermanWord: (w) => /^(wie|viel|verdienen|die|piloten|wohin|wandern|störche|wer|hat|das|merken)$/i.test(w) || lexicon.isGermanWord(w),
    };
    const withForms: UnderstandTools = { ...tools, lexicon: german };
    const term = (q: string, word: string) => understand(q, [], false, withForms, 1000).terms.find((t) => t.word === word);
    expect(term("Wie viel verdienen die Piloten?", "verdienen")?.umlauts).toEqual([{ stem: "verdi", spelt: "verdien" }]);
    expect(term("Wohin wandern die Störche?", "wandern")?.umlauts).toEqual([{ stem: "wand", spelt: "wander" }]);
    // "merken" stems to "merk", which every form spells: nothing to guard.
    expect(term("Wer hat das merken können?", "merken")?.umlauts).toBeUndefined();
  });

  it("guards an '-er' noun the stemmer cuts to its root, and the masculine of a feminine, not a noun declined as an adjective", () => {
    const forms: Record<string, Lemma[]> = {
      richter: [{ lemma: "Richter", pos: "noun" }],
      vater: [{ lemma: "Vater", pos: "noun" }],
      richte: [{ lemma: "richten", pos: "verb" }],
      angestellter: [{ lemma: "Angestellter", pos: "noun" }],
      angestellte: [{ lemma: "Angestellte", pos: "noun" }, { lemma: "Angestellter", pos: "noun" }],
      verletzter: [{ lemma: "verletzen", pos: "verb" }],
    };
    const nouns = /^(richter|richterin|vater|angestellter|verletzter)$/i;
    const german: Lexicon = {
      ...lexicon,
      germanLemmas: (w) => forms[w.toLowerCase()] ?? lexicon.germanLemmas(w),
      isGermanNoun: (w) => nouns.test(w) || lexicon.isGermanNoun(w),
      isGermanWord: (w) => nouns.test(w) || lexicon.isGermanWord(w),
    };
    const withForms: UnderstandTools = { ...tools, lexicon: german };
    const term = (q: string, word: string) => understand(q, [], false, withForms, 1000).terms.find((t) => t.word === word);
    // "Richter" → richt, which "Gericht" and "Unterricht" end in: a sentence must spell "richter".
    expect(term("Welcher Richter hat entschieden?", "Richter")?.umlauts).toEqual([{ stem: "richt", spelt: "richter" }]);
    expect(term("Welche Richterin hat entschieden?", "Richterin")?.umlauts).toEqual([{ stem: "richt", spelt: "richter" }]);
    // A plural with an umlaut spells it too ("Väter").
    expect(term("Was sagte der Vater dazu?", "Vater")?.umlauts).toEqual([
      { stem: "vat", spelt: "vater" },
      { stem: "vat", spelt: "väter" },
    ]);
    // An expansion's "-er" noun guards no stem the asked word spells itself: "Vorsitzer" (a synonym) is cut
    // to "vorsitz", and so is "Vorsitzende", which a sentence may say as the question does.
    const chair: UnderstandTools = {
      ...withForms,
      inCorpus: (s) => s === "vorsitz" || withForms.inCorpus(s),
      lexicon: {
        ...german,
        germanLemmas: (w) => (/^vorsitzer$/i.test(w) ? [{ lemma: "Vorsitzer", pos: "noun" }] : /^vorsitzender$/i.test(w) ? [{ lemma: "Vorsitzender", pos: "noun" }] : german.germanLemmas(w)),
        germanSynonyms: (w) => (/^vorsitzender$/i.test(w) ? [{ word: "Vorsitzer", rank: 0 }] : []),
      },
    };
    const chairTerm = understand("Wer ist Vorsitzender des Vereins?", [], false, chair, 1000).terms.find((t) => t.word === "Vorsitzender");
    expect(chairTerm?.alternatives.map((a) => a.stem)).toContain("vorsitz");
    expect(chairTerm?.umlauts ?? []).not.toContainEqual(expect.objectContaining({ stem: "vorsitz" }));
    // "Angestellter" / "Angestellte" and "Verletzter" (a participle's) end in an ending: nothing to guard.
    expect(term("Was sagte der Angestellter dazu?", "Angestellter")?.umlauts).toBeUndefined();
    expect(term("Wo liegt der Verletzter?", "Verletzter")?.umlauts).toBeUndefined();
  });

  it("reads a verb by its one-word infinitive, not by a phrase the dictionary also files it under ('rad fahren')", () => {
    const forms: Record<string, Lemma[]> = {
      fährt: [
        { lemma: "fahren", pos: "verb" },
        { lemma: "rad fahren", pos: "verb" },
      ],
    };
    const german: Lexicon = { ...lexicon, germanLemmas: (w) => forms[w.toLowerCase()] ?? lexicon.germanLemmas(w) };
    const term = understand("Wie lange fährt man bis Kassel?", [], false, { ...tools, lexicon: german }, 1000).terms.find((t) => t.word === "fährt");
    expect(term?.alternatives.map((a) => a.stem)).toContain("fahr");
    expect(term?.alternatives.map((a) => a.stem)).not.toContain("rad");
  });

  it("lets the sources name what a number counts by its hypernym, and only that word", () => {
    // A German dictionary that knows the question's words, so it is read as German.
    const german: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => /^(wie|viele|autos|fahren|über|die|brücke|wo|parken)$/i.test(w) || lexicon.isGermanWord(w),
      isGermanNoun: (w) => /^(autos|brücke)$/i.test(w) || lexicon.isGermanNoun(w),
    };
    const withVehicles: UnderstandTools = { ...tools, lexicon: german, inCorpus: (stem) => stem === "fahrzeug" || corpus.has(stem) };
    const autos = (q: string) => understand(q, [], false, withVehicles, 1000).terms.find((t) => t.word === "Autos");
    // "18.000 Fahrzeuge" counts the cars, below the word itself; a hypernym the sources lack is no alternative.
    expect(autos("Wie viele Autos fahren über die Brücke?")?.alternatives).toContainEqual({ stem: "fahrzeug", weight: EXPANSION_WEIGHT.synonym, via: "synonym" });
    expect(autos("Wie viele Autos fahren über die Brücke?")?.alternatives.map((a) => a.stem)).not.toContain("gefahrt");
    // Elsewhere a hypernym names too much: "Wo parken die Autos?" is not about every vehicle.
    expect(autos("Wo parken die Autos?")?.alternatives.map((a) => a.stem)).not.toContain("fahrzeug");
  });

  it("lets a count of people asked by one general word be found by another the sources use", () => {
    const german: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => /^(wie|viele|leute|fachkräfte|waren|bei|der|kundgebung|kamen|zur)$/i.test(w) || lexicon.isGermanWord(w),
      isGermanNoun: (w) => /^(leute|fachkräfte|kundgebung)$/i.test(w) || lexicon.isGermanNoun(w),
    };
    // The sources say "Menschen" and "Fachleute"; no source says "Personen".
    const withPeople: UnderstandTools = { ...tools, lexicon: german, inCorpus: (stem) => stem === "mensch" || stem === "leut" || corpus.has(stem) };
    const stems = (q: string, word: string) => understand(q, [], false, withPeople, 1000).terms.find((t) => t.word === word)?.alternatives ?? [];
    // "rund 200 Menschen" counts the "Leute"; "40 Fachleute" the "Fachkräfte", by its head.
    expect(stems("Wie viele Leute waren bei der Kundgebung?", "Leute")).toContainEqual({ stem: "mensch", weight: EXPANSION_WEIGHT.synonym, via: "synonym" });
    expect(stems("Wie viele Fachkräfte waren bei der Kundgebung?", "Fachkräfte")).toContainEqual({ stem: "leut", weight: EXPANSION_WEIGHT.synonym, via: "synonym" });
    expect(stems("Wie viele Leute waren bei der Kundgebung?", "Leute").map((a) => a.stem)).not.toContain("person");
    // Not where no people are counted: "Wer kam zur Kundgebung?" may be answered by any word for the people.
    expect(stems("Welche Leute kamen zur Kundgebung?", "Leute").map((a) => a.stem)).not.toContain("mensch");
  });

  it("takes thanks after an interjection for thanks, not for a question", () => {
    intents({
      "Ok, danke.": "thanks",
      "Alles klar, vielen Dank!": "thanks",
      "Okay thanks": "thanks",
      "Great, thank you!": "thanks",
      "Ok, und wann?": "question",
      "Okay, who leads the strike?": "question",
    });
    // The thanks says its language, whatever the chat's was ("danke" is a German word, as the dictionary knows).
    const knowsDanke = { ...tools, lexicon: { ...lexicon, isGermanWord: (w: string) => w.toLowerCase() === "danke" || lexicon.isGermanWord(w) } };
    expect(understand("Ok, danke.", [], false, knowsDanke, 1000, "en").language).toBe("de");
  });

  it("spells a word the stemmer cut short whole too, and its lemma, so that it can be found as a compound's modifier", () => {
    const protests: Lexicon = { ...lexicon, germanLemmas: (w) => (w.toLowerCase() === "proteste" ? [{ lemma: "Protest", pos: "noun" }] : []) };
    const t: UnderstandTools = { analyze, lexicon: protests, inCorpus: () => false };
    const stems = (q: string, word: string) => understand(q, [], false, t, 1000).terms.find((x) => x.word === word)?.alternatives.map((a) => a.stem);
    // The stemmer makes "prot" of "Protest": no compound's modifier is that short.
    expect(stems("Wann ist der Protest?", "Protest")).toEqual(["prot", "protest"]);
    expect(stems("Wann sind die Proteste?", "Proteste")).toContain("protest");
    // A stem of five letters or more is found as a modifier as it is.
    expect(stems("Wann ist der Streik?", "Streik")).toEqual(["streik"]);
  });

  it("keeps a synonym of two content words as a phrase whose words must stand together, not as either word", () => {
    const lodging: Lexicon = {
      ...lexicon,
      germanSynonyms: (w) => (w.toLowerCase() === "untergekommen" ? [{ word: "die Nacht verbringen", rank: 0 }, { word: "Quartier beziehen", rank: 1 }] : []),
    };
    const t: UnderstandTools = { analyze, lexicon: lodging, inCorpus: (s) => ["nacht"].includes(s) };
    const term = understand("Wo sind sie untergekommen?", [], false, t, 1000).terms.find((x) => x.word === "untergekommen");
    // "Quartier" is no word of the sources; the verb's forms there stem otherwise, so it is not asked for.
    expect(term?.phrases).toEqual([{ stems: ["nacht", "verbring"], weight: EXPANSION_WEIGHT.synonym }]);
    expect(term?.alternatives.map((a) => a.stem)).not.toContain("nacht");
  });

  it("takes no synonym said with a negation by its content word: 'ohne Geld' is the opposite of Geld", () => {
    const broke: Lexicon = {
      ...lexicon,
      germanSynonyms: (w) =>
        w.toLowerCase() === "abgebrannt"
          ? [{ word: "ohne Geld", rank: 0 }, { word: "nicht Schritt halten", rank: 1 }, { word: "niederbrennen", rank: 2 }]
          : [],
    };
    const t: UnderstandTools = { analyze, lexicon: broke, inCorpus: (s) => ["geld", "schritt", "halt", "niederbrenn"].includes(s) };
    const term = understand("Wo ist der Wald abgebrannt?", [], false, t, 1000).terms.find((x) => x.word === "abgebrannt");
    expect(term?.alternatives.map((a) => a.stem)).toContain("niederbrenn");
    expect(term?.alternatives.map((a) => a.stem)).not.toContain("geld");
    expect(term?.phrases ?? []).toEqual([]);
  });

  it("reads a compound, its own or a synonym's, as its two words standing together (\"die Arbeit niederlegen\")", () => {
    const words = ["streik", "arbeitsniederlegung", "arbeit", "niederlegung", "kreismuseum", "kreis", "museum"];
    const strikes: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => words.includes(w.toLowerCase()),
      isGermanNoun: (w) => words.includes(w.toLowerCase()),
      germanSynonyms: (w) => (w.toLowerCase() === "streik" ? [{ word: "Arbeitsniederlegung", rank: 0 }] : []),
    };
    const stems = new Set(["streik", "arbeit", "niederleg", "kreis", "museum"]);
    const t: UnderstandTools = { analyze, lexicon: strikes, inCorpus: (s) => stems.has(s) };
    const term = (question: string, word: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === word);
    // The sources write "die Arbeit niederzulegen", never the noun; a noun made of a verb stems as the verb does.
    expect(term("Wie lange dauerte der Streik?", "Streik")?.phrases).toEqual([{ stems: ["arbeit", "niederleg"], weight: EXPANSION_WEIGHT.synonym }]);
    // The question's own compound too: "das Museum des Kreises".
    expect(term("Wann wurde das Kreismuseum gebaut?", "Kreismuseum")?.phrases).toEqual([{ stems: ["kreis", "museum"], weight: EXPANSION_WEIGHT.synonym }]);
    // Not where the sources lack one of the words.
    stems.delete("kreis");
    expect(term("Wann wurde das Kreismuseum gebaut?", "Kreismuseum")?.phrases).toBeUndefined();
  });

  it("meets an English word in a German compound that glues it, as a loan, to another word's translation (\"mini forest\" → Miniwald)", () => {
    const table: Record<string, string[]> = { forest: ["Wald"] };
    const compounds: Lexicon = {
      ...lexicon,
      englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })),
      germanLemmas: (word) => (word === "wählen" ? [{ lemma: "wählen", pos: "verb" }] : []),
    };
    const stems = new Set(["wald", "miniwald"]);
    const t: UnderstandTools = { analyze, lexicon: compounds, inCorpus: (s) => stems.has(s) };
    const alternatives = (question: string, word: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === word)?.alternatives.map((a) => a.stem) ?? [];
    expect(alternatives("How large is the mini forest?", "mini")).toContain("miniwald");
    expect(alternatives("How large is the mini forest?", "forest")).toContain("miniwald");
    // An adjective's translation right before the noun ("old town" → Altstadt), not before a verb ("newly
    // elected": Ding gives "wählen", whose stem ends "Neuwahl").
    Object.assign(table, { old: ["alt"], town: ["Stadt"], newly: ["neu"], elected: ["wählen"] });
    for (const stem of ["alt", "stadt", "altstadt", "neu", "wahl", "neuwahl"]) stems.add(stem);
    expect(alternatives("Where is the old town?", "old")).toContain("altstadt");
    expect(alternatives("Is the town old?", "old")).not.toContain("altstadt");
    expect(alternatives("Who was newly elected?", "newly")).not.toContain("neuwahl");
  });

  it("reads a question's first word before a subject pronoun as its verb, with the verb's synonyms only", () => {
    const readings: Lemma[] = [
      { lemma: "Krieg", pos: "noun" },
      { lemma: "kriegen", pos: "verb" },
    ];
    const table: Record<string, string> = { Krieg: "Konflikt", kriegen: "erhalten" };
    const getting: Lexicon = {
      ...lexicon,
      germanLemmas: (w) => (w.toLowerCase() === "kriege" ? readings : []),
      germanSynonyms: (w, lemmas = []) => (w.toLowerCase() === "kriege" ? lemmas.map((l, rank) => ({ word: table[l.lemma]!, rank })) : []),
    };
    const stems = new Set(["konflikt", "erhalt", "geld"]);
    const t: UnderstandTools = { analyze, lexicon: getting, inCorpus: (s) => stems.has(s) };
    const synonyms = (question: string) =>
      understand(question, [], false, t, 1000).terms.find((x) => x.word === "Kriege")?.alternatives.filter((a) => a.via === "synonym").map((a) => a.stem);
    expect(synonyms("Kriege ich das Geld zurück?")).toEqual(["erhalt"]);
    // Without a pronoun after it, the first word may be the noun.
    expect(synonyms("Kriege und Krisen: was kostet das?")).toEqual(["konflikt", "erhalt"]);
  });

  it("meets a compound the sources make of two of the question's words with both of them", () => {
    const words = ["sonde", "all", "raum", "raumsonde", "stadt", "rat", "stadtrat"];
    const space: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => words.includes(w.toLowerCase()),
      germanLemmas: (w) => (words.includes(w.toLowerCase()) ? [{ lemma: w, pos: "noun" }] : []),
      isGermanNoun: (w) => words.includes(w.toLowerCase()),
      germanSynonyms: (w) => (w.toLowerCase() === "all" ? [{ word: "Raum", rank: 0 }] : []),
    };
    const stems = new Set(["sond", "all", "raum", "raumsond", "stadtrat", "stadt", "rat"]);
    const t: UnderstandTools = { analyze, lexicon: space, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const terms = understand("Wann flog die Sonde ins All?", [], false, t, 1000).terms;
    // "All" is "Raum", and the sources' "Raumsonde" is both the probe and the space it flew to.
    for (const word of ["Sonde", "All"]) {
      expect(terms.find((x) => x.word === word)?.alternatives).toContainEqual({ stem: "raumsond", weight: EXPANSION_WEIGHT.synonym, via: "part" });
    }
    // A follow-up carries the question read as it was alone.
    const before = [{ question: "Wann flog die Sonde ins All?", answer: "Im Mai.", sources: ["a.txt"] }];
    const carried = understand("Und wie lange dauerte das?", before, false, t, 1000).terms.filter((x) => x.context === true);
    expect(carried.find((x) => x.word === "Sonde")?.alternatives.map((a) => a.stem)).toContain("raumsond");
    // A compound the question says itself belongs to that word alone.
    const council = understand("Was sagte der Stadtrat über den Rat der Stadt?", [], false, t, 1000).terms;
    for (const word of ["Stadt", "Rat"]) expect(council.find((x) => x.word === word)?.alternatives.map((a) => a.stem)).not.toContain("stadtrat");
  });

  it("meets the noun the sources make of a noun and a verb's infinitive: Auto waschen, das Autowaschen", () => {
    const verbs: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => ["auto", "waschen", "autos"].includes(w.toLowerCase()),
      germanLemmas: (w) => (w.toLowerCase() === "waschen" ? [{ lemma: "waschen", pos: "verb" }] : /^autos?$/i.test(w) ? [{ lemma: "Auto", pos: "noun" }] : []),
      isGermanNoun: (w) => /^autos?$/i.test(w),
    };
    const stems = new Set(["auto", "wasch", "autowasch"]);
    const t: UnderstandTools = { analyze, lexicon: verbs, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const terms = understand("Darf ich mein Auto waschen?", [], false, t, 1000).terms;
    for (const word of ["Auto", "waschen"]) expect(terms.find((x) => x.word === word)?.alternatives.map((a) => a.stem)).toContain("autowasch");
  });

  it("joins a noun with the verb a question's verb means: wann geht der Bau los, der Baubeginn", () => {
    const verbs: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => ["bau", "losgehen", "beginnen", "geht"].includes(w.toLowerCase()),
      germanLemmas: (w) =>
        /^(beginnen|losgehen)$/i.test(w) ? [{ lemma: w.toLowerCase(), pos: "verb" }] : /^bau$/i.test(w) ? [{ lemma: "Bau", pos: "noun" }] : [],
      isGermanNoun: (w) => /^bau$/i.test(w),
      germanSynonyms: (w) => (/^(geht|losgehen)$/i.test(w) ? [{ word: "beginnen", rank: 0 }] : []),
    };
    const stems = new Set(["bau", "beginn", "baubeginn"]);
    const t: UnderstandTools = { analyze, lexicon: verbs, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const terms = understand("Wie groß wird der Bau?", [], false, t, 1000).terms;
    expect(terms.find((x) => x.word === "Bau")?.alternatives.map((a) => a.stem)).not.toContain("baubeginn");
    const later = understand("Wann geht der Bau los?", [], false, t, 1000).terms;
    expect(later.find((x) => x.word === "Bau")?.alternatives.map((a) => a.stem)).toContain("baubeginn");
  });

  it("joins an English word's first sense that the sources use only inside a compound: Kremlin spokesman, Kremlsprecher", () => {
    const table: Record<string, string[]> = { kremlin: ["der Kreml"], spokesman: ["Sprecher"] };
    const kremlin: Lexicon = { ...lexicon, englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })) };
    // The sources say "Kremlsprecher" and "Sprecher", never "Kreml" alone.
    const stems = new Set(["kremlsprech", "sprech"]);
    const t: UnderstandTools = { analyze, lexicon: kremlin, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const terms = understand("What did the Kremlin spokesman say?", [], false, t, 1000).terms;
    for (const word of ["Kremlin", "spokesman"]) expect(terms.find((x) => x.word === word)?.alternatives.map((a) => a.stem)).toContain("kremlsprech");
  });

  it("takes no dictionary senses for a name the sources write as the English question does", () => {
    const table: Record<string, string[]> = { deutsche: ["Mark"], germany: ["Deutschland"] };
    const names: Lexicon = { ...lexicon, englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })) };
    const stems = new Set(["deutsch", "bahn", "mark", "deutschland"]);
    const t: UnderstandTools = { analyze, lexicon: names, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const term = (question: string, word: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === word);
    // "Deutsche Bahn" is the sources' own name, not the Deutsche Mark.
    expect(term("What did Deutsche Bahn do for travellers?", "Deutsche")?.alternatives.map((a) => a.stem)).toEqual(["deutsch"]);
    // A name they write otherwise is translated.
    expect(term("What did Germany pay?", "Germany")?.alternatives.map((a) => a.stem)).toContain("deutschland");
  });

  it("reads an abbreviation the sources never write, but whose translation they use, as that word, not as a name", () => {
    const table: Record<string, string[]> = { gp: ["Allgemeinmediziner"], nato: ["NATO"], practice: ["Praxis"] };
    const abbreviations: Lexicon = { ...lexicon, englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })) };
    const stems = new Set(["allgemeinmedizin", "praxis", "nato"]);
    const t: UnderstandTools = { analyze, lexicon: abbreviations, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const term = (question: string, word: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === word);
    const gp = term("How far is the nearest GP practice?", "GP");
    expect(gp?.name).not.toBe(true);
    expect(gp?.alternatives.map((a) => a.stem)).toContain("allgemeinmedizin");
    // An acronym the sources write as it is stays a name their article must have.
    expect(term("What did NATO decide?", "NATO")?.name).toBe(true);
  });

  it("counts a feminine listed beside its masculine as one sense, so a later sense stays among the first ones", () => {
    // Made-up dictionary order: three kinds of guide, each with its feminine, before the one the sources use.
    const guides = ["Reiseleiter", "Reiseleiterin", "Stadtführer", "Stadtführerin", "Fremdenführer", "Fremdenführerin", "Bergführer", "Bergführerin"];
    const listed: Lexicon = { ...lexicon, englishToGerman: (phrase) => (phrase.toLowerCase() === "guide" ? guides.map((german, rank) => ({ german, rank })) : []) };
    const stems = new Set(analyze("Bergführer"));
    const t: UnderstandTools = { analyze, lexicon: listed, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const guide = understand("What did the guide say?", [], false, t, 1000).terms.find((x) => x.word === "guide");
    expect(guide?.alternatives.map((a) => a.stem)).toEqual(expect.arrayContaining(analyze("Bergführer")));
  });

  it("counts the inflected forms of one word listed one after another as one sense", () => {
    // Made-up dictionary order: four forms of one adjective, two other senses, then the one the sources use.
    const calm = ["ruhige", "ruhiger", "ruhiges", "ruhig", "still", "leise", "gelassen"];
    const listed: Lexicon = {
      ...lexicon,
      englishToGerman: (phrase) => (phrase.toLowerCase() === "calm" ? calm.map((german, rank) => ({ german, rank })) : []),
      germanLemmas: (word) => (/^ruhig(e|er|es)?$/.test(word) ? [{ lemma: "ruhig", pos: "adj" }] : []),
    };
    const stems = new Set(analyze("gelassen"));
    const t: UnderstandTools = { analyze, lexicon: listed, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const word = understand("Who stayed calm?", [], false, t, 1000).terms.find((x) => x.word === "calm");
    expect(word?.alternatives.map((a) => a.stem)).toEqual(expect.arrayContaining(analyze("gelassen")));
  });

  it("caps an English word's translations by senses, not by forms", () => {
    // Made-up: three forms of one adjective and three other senses, all of them words of the sources.
    const calm = ["ruhige", "ruhiger", "ruhig", "still", "leise", "gelassen"];
    const listed: Lexicon = {
      ...lexicon,
      englishToGerman: (phrase) => (phrase.toLowerCase() === "calm" ? calm.map((german, rank) => ({ german, rank })) : []),
      germanLemmas: (word) => (/^ruhig(e|er)?$/.test(word) ? [{ lemma: "ruhig", pos: "adj" }] : []),
    };
    const stems = new Set(calm.flatMap((w) => analyze(w)));
    const t: UnderstandTools = { analyze, lexicon: listed, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const word = understand("Who stayed calm?", [], false, t, 1000).terms.find((x) => x.word === "calm");
    expect(word?.alternatives.map((a) => a.stem)).toEqual(expect.arrayContaining(analyze("gelassen")));
  });

  it("reads the verb of a who-question by its agent noun's senses too", () => {
    // Made-up: the sources name the one who keeps the lighthouse "Wärter", which only "keeper" translates to.
    const table: Record<string, string[]> = { keep: ["behalten", "halten"], keeper: ["Wärter", "Hüter"], lighthouse: ["Leuchtturm"] };
    const listed: Lexicon = {
      ...lexicon,
      englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })),
      englishLemmas: (word) => (word === "keeps" ? ["keep"] : [word]),
    };
    const stems = new Set([...analyze("Wärter"), ...analyze("halten"), ...analyze("Leuchtturm")]);
    const t: UnderstandTools = { analyze, lexicon: listed, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const keeps = (question: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === "keeps")?.alternatives.map((a) => a.stem);
    expect(keeps("Who keeps the lighthouse?")).toEqual(expect.arrayContaining(analyze("Wärter")));
    expect(keeps("Who is it that keeps the lighthouse?")).not.toEqual(expect.arrayContaining(analyze("Wärter")));
    expect(keeps("What keeps the lighthouse dry?")).not.toEqual(expect.arrayContaining(analyze("Wärter")));
    // A sense the verb lists deep down and its agent noun early takes the earlier rank, among the first senses.
    table.keeps = ["behalten", "halten", "aufbewahren", "erhalten", "pflegen", "führen", "bewachen"];
    table.keeper = ["Wärter", "bewachen"];
    stems.add(analyze("bewachen")[0]!);
    expect(keeps("Who keeps the lighthouse?")).toEqual(expect.arrayContaining(analyze("bewachen")));
  });

  it("takes the translations of an English word's WordNet synonyms only when the sources use none of its own", () => {
    const table: Record<string, string[]> = {
      environmentalist: ["Umweltschützer"],
      conservationist: ["Naturschützer"],
      greenie: ["Grüne"],
      harbour: ["Hafen"],
      port: ["Hafenstadt"],
    };
    const wordnet: Lexicon = {
      ...lexicon,
      englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })),
      englishSynonyms: (word) =>
        ({ environmentalist: ["conservationist", "greenie"], harbour: ["port"] })[word.toLowerCase()]?.map((w, rank) => ({ word: w, rank })) ?? [],
    };
    const stems = new Set([...analyze("Naturschützer"), ...analyze("Grüne"), ...analyze("Hafen"), ...analyze("Hafenstadt")]);
    const t: UnderstandTools = { analyze, lexicon: wordnet, inCorpus: (s) => stems.has(s) };
    const term = (question: string, word: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === word);
    // "Umweltschützer" is no word of the sources; its synonym's translation is, at no more than a synonym's weight.
    const nature = term("What does the environmentalist want?", "environmentalist")?.alternatives.find((a) => analyze("Naturschützer").includes(a.stem));
    expect(nature?.via).toBe("translation");
    expect(nature!.weight).toBeLessThanOrEqual(EXPANSION_WEIGHT.synonym);
    // Only the first synonym, its most common sense: a rarer one's translations are other things.
    expect(term("What does the environmentalist want?", "environmentalist")?.alternatives.map((a) => a.stem)).not.toEqual(expect.arrayContaining(analyze("Grüne")));
    // The sources translate "harbour": its synonym "port" adds nothing.
    const harbour = term("Which harbour?", "harbour")?.alternatives.map((a) => a.stem) ?? [];
    expect(harbour).toEqual(expect.arrayContaining(analyze("Hafen")));
    expect(harbour).not.toEqual(expect.arrayContaining(analyze("Hafenstadt")));
    // Of the synonym's translations only its first senses, as of a word's own: "pond" → pool → … Spieleinsatz
    // (a stake, listed eleventh) is not what a pond is.
    table.pond = ["Teich"];
    table.pool = ["Pool", "Lache", "zusammenlegen", "Datenbasis", "Poolbillard", "Tümpel", "Teichbecken", "gemeinsam nutzen", "Wasserbecken", "Wettpool", "Spieleinsatz"];
    const ponds: Lexicon = { ...wordnet, englishSynonyms: (word) => (word.toLowerCase() === "pond" ? [{ word: "pool", rank: 0 }] : wordnet.englishSynonyms(word)) };
    for (const word of ["Tümpel", "Spieleinsatz"]) for (const stem of analyze(word)) stems.add(stem);
    const pond = understand("How deep is the pond?", [], false, { ...t, lexicon: ponds }, 1000).terms.find((x) => x.word === "pond")?.alternatives.map((a) => a.stem) ?? [];
    expect(pond).toEqual(expect.arrayContaining(analyze("Tümpel")));
    expect(pond).not.toEqual(expect.arrayContaining(analyze("Spieleinsatz")));
  });

  it("takes only the noun senses of what an English how-many question counts", () => {
    const table: Record<string, string[]> = { stops: ["stoppt", "Halt", "Haltestelle"] };
    const stops: Lexicon = { ...lexicon, englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })) };
    const stems = new Set([...analyze("stoppt"), ...analyze("Halt"), ...analyze("Haltestelle")]);
    const t: UnderstandTools = { analyze, lexicon: stops, inCorpus: (s) => stems.has(s) };
    const senses = (question: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === "stops")?.alternatives.map((a) => a.stem) ?? [];
    expect(senses("How many stops were built?")).toEqual(expect.arrayContaining([...analyze("Halt"), ...analyze("Haltestelle")]));
    expect(senses("How many stops were built?")).not.toEqual(expect.arrayContaining(analyze("stoppt")));
    // Elsewhere the word keeps its verb's senses.
    expect(senses("Where does the bus go when it stops?")).toEqual(expect.arrayContaining(analyze("stoppt")));
  });

  it("takes an article and its noun for the noun, not for an expression the thesaurus files under them", () => {
    const debts: Lexicon = {
      ...lexicon,
      isGermanNoun: (w) => w === "Schulden",
      isGermanWord: (w) => w === "Schulden",
      germanSynonyms: (w) => (w === "Schulden" ? [{ word: "Verbindlichkeit", rank: 0 }] : []),
      // "die Schuld erlassen", found without its verb, is filed under "die" and "Schuld".
      germanPhraseSynonyms: (words) => (words.join(" ") === "die Schulden" ? [{ word: "begnadigen", rank: 0 }, { word: "die Strafe erlassen", rank: 1 }] : []),
    };
    const t: UnderstandTools = { analyze, lexicon: debts, inCorpus: (s) => ["verbind", "begnad", "straf", "erlass"].includes(s) };
    const stems = understand("Wie hoch sind die Schulden?", [], false, t, 1000).terms.find((x) => x.word === "Schulden")?.alternatives.map((a) => a.stem);
    expect(stems).toContain("verbind");
    expect(stems).not.toContain("begnad");
  });

  it("gives a word of an idiom the idiom's synonyms instead of its own", () => {
    const bars: Lexicon = {
      ...lexicon,
      isGermanNoun: (w) => w === "Gitter",
      isGermanWord: (w) => w === "Gitter",
      germanSynonyms: (w) => (w === "Gitter" ? [{ word: "Zaun", rank: 0 }] : []),
      germanPhraseSynonyms: (words) => (words.join(" ") === "hinter Gitter" ? [{ word: "in Haft", rank: 0 }, { word: "eingesperrt", rank: 1 }] : []),
    };
    const t: UnderstandTools = { analyze, lexicon: bars, inCorpus: (s) => ["haft", "zaun", "gitt"].includes(s) };
    const stems = (question: string) => understand(question, [], false, t, 1000).terms.find((x) => x.word === "Gitter")?.alternatives.map((a) => a.stem);
    // "Haft" is the one content word of "in Haft"; "eingesperrt" is no word of the sources.
    expect(stems("Wie lange muss er hinter Gitter?")).toEqual(["gitt", "gitter", "haft"]);
    expect(stems("Wer hat das Gitter gebaut?")).toEqual(["gitt", "gitter", "zaun"]);
    // An idiom of four words is read whole too: "über die Bühne gehen" is stattfinden, not a stage.
    const stage: Lexicon = {
      ...bars,
      isGermanNoun: (w) => w === "Bühne" || w === "Verkauf",
      isGermanWord: (w) => w === "Bühne" || w === "Verkauf",
      germanPhraseSynonyms: (words) => (words.join(" ").toLowerCase() === "über die bühne gehen" ? [{ word: "stattfinden", rank: 0 }] : []),
    };
    const staged: UnderstandTools = { analyze, lexicon: stage, inCorpus: (s) => ["stattfind", "buhn"].includes(s) };
    const bühne = understand("Wann soll der Verkauf über die Bühne gehen?", [], false, staged, 1000).terms.find((x) => x.word === "Bühne");
    expect(bühne?.alternatives.map((a) => a.stem)).toContain("stattfind");
    // An idiom none of whose synonyms the sources use leaves its words their own senses.
    const unused: UnderstandTools = { ...t, inCorpus: (s) => ["zaun", "gitt"].includes(s) };
    expect(understand("Wie lange muss er hinter Gitter?", [], false, unused, 1000).terms.find((x) => x.word === "Gitter")?.alternatives.map((a) => a.stem)).toEqual(["gitt", "gitter", "zaun"]);
  });

  it("takes no expression for another sense when its synonyms are its own words ('geht's' for 'geht es')", () => {
    const going: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => ["geht", "weitergeht", "weiter"].includes(w.toLowerCase()),
      germanLemmas: (w) => (w.toLowerCase() === "weitergeht" ? [{ lemma: "weitergehen", pos: "verb" }] : []),
      germanSynonyms: (w) => (w.toLowerCase() === "weitergeht" ? [{ word: "fortsetzen", rank: 0 }] : []),
      germanPhraseSynonyms: (words) => (words.join(" ").toLowerCase() === "geht es" ? [{ word: "geht's", rank: 0 }, { word: "gehts", rank: 1 }] : []),
    };
    const t: UnderstandTools = { analyze, lexicon: going, inCorpus: (s) => ["geht", "fortsetz"].includes(s) };
    const word = understand("Wann geht es weiter?", [], false, t, 1000).terms.find((x) => x.word === "weitergeht");
    expect(word?.alternatives.map((a) => a.stem)).toContain("fortsetz");
  });

  it("lets a German demonym find its country where the sources name it, at a synonym's weight", () => {
    const portugal = { code: "PT", de: "Portugal", en: "Portugal" };
    const people: Lexicon = {
      ...lexicon,
      isGermanNoun: (w) => w === "Portugiesen",
      isGermanWord: (w) => w === "Portugiesen",
      demonymPlace: (w) => (w === "Portugiesen" ? portugal : undefined),
    };
    const terms = (corpus: readonly string[]) =>
      understand("Wie viel Prozent der Portugiesen haben gewählt?", [], false, { analyze, lexicon: people, inCorpus: (s) => corpus.includes(s) }, 1000).terms;
    const word = terms(["portugal"]).find((t) => t.word === "Portugiesen");
    expect(word?.alternatives).toContainEqual({ stem: "portugal", weight: EXPANSION_WEIGHT.synonym, via: "synonym" });
    expect(word?.noun).toBe(true);
    expect(terms([]).find((t) => t.word === "Portugiesen")?.alternatives.map((a) => a.stem)).not.toContain("portugal");
  });

  it("expands a German word by its lemma at full weight and by synonyms the corpus uses, below it", () => {
    const [met] = read("Wann trafen sich die Minister?").terms;
    expect(met?.alternatives).toContainEqual({ stem: "treff", weight: 1, via: "lemma" });
    const strike = read("Wie lange dauerte die Arbeitsniederlegung?").terms.find((t) => t.word === "Arbeitsniederlegung");
    const synonyms = strike?.alternatives.filter((a) => a.via === "synonym") ?? [];
    expect(synonyms.map((a) => a.stem).sort()).toEqual(["ausstand", "streik"]);
    expect(Math.max(...synonyms.map((a) => a.weight))).toBeLessThan(1);
  });

  it("adds pivots the corpus uses after the synonyms, below them, and leaves a synonym's weight alone", () => {
    const lake: UnderstandTools = {
      ...tools,
      lexicon: { ...lexicon, isGermanNoun: (w) => w.toLowerCase() === "stausee" || lexicon.isGermanNoun(w), isGermanWord: (w) => w.toLowerCase() === "stausee" || lexicon.isGermanWord(w) },
      inCorpus: (stem) => stem === "talsperr" || corpus.has(stem),
    };
    const reservoir = understand("Wie groß ist der Stausee?", [], false, lake, 1000).terms.find((t) => t.word === "Stausee");
    const pivots = reservoir?.alternatives.filter((a) => a.via === "pivot") ?? [];
    // "Stauwehr" is not in the corpus, so only "Talsperre" is looked for.
    expect(pivots).toEqual([{ stem: "talsperr", weight: EXPANSION_WEIGHT.pivot, via: "pivot" }]);
    // A pivot of two words is no word to look for, even when the corpus has its parts.
    const hyphened: UnderstandTools = {
      ...lake,
      lexicon: { ...lake.lexicon, germanPivots: (w) => (w.toLowerCase() === "stausee" ? [{ word: "Stau-Talsperre", rank: 0 }] : []) },
      inCorpus: (stem) => stem === "talsperr" || stem === "stau" || corpus.has(stem),
    };
    const split = understand("Wie groß ist der Stausee?", [], false, hyphened, 1000).terms.find((t) => t.word === "Stausee");
    expect(split?.alternatives.filter((a) => a.via === "pivot")).toEqual([]);
    expect(EXPANSION_WEIGHT.pivot).toBeLessThan(EXPANSION_WEIGHT.synonym);
    // Pivots that are synonyms too keep the synonym's weight; "Pegel" is not in the corpus.
    const strike = read("Wie lange dauerte die Arbeitsniederlegung?").terms.find((t) => t.word === "Arbeitsniederlegung");
    expect(strike?.alternatives.filter((a) => a.via === "pivot")).toEqual([]);
    expect(strike?.alternatives).toContainEqual({ stem: "ausstand", weight: EXPANSION_WEIGHT.synonym, via: "synonym" });
  });

  it("marks a pivot the dictionary reads only as a verb, its nominalisation aside, and no other", () => {
    const ended: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        germanLemmas: (w) => (w === "landen" ? [{ lemma: "Landen", pos: "noun" }, { lemma: "landen", pos: "verb" }] : w === "still" ? [{ lemma: "still", pos: "adj" }, { lemma: "stillen", pos: "verb" }] : lexicon.germanLemmas(w)),
        germanPivots: (w) => (w === "endete" ? ["landen", "Schluss", "still"].map((word, rank) => ({ word, rank })) : []),
      },
      inCorpus: (stem) => ["land", "schluss", "still"].includes(stem) || corpus.has(stem),
    };
    const pivots = understand("Wann endete der Markt?", [], false, ended, 1000).terms.find((t) => t.word === "endete")?.alternatives.filter((a) => a.via === "pivot");
    expect(pivots).toEqual([
      { stem: "land", weight: EXPANSION_WEIGHT.pivot, via: "pivot", verb: true },
      { stem: "schluss", weight: EXPANSION_WEIGHT.pivot, via: "pivot" },
      { stem: "still", weight: EXPANSION_WEIGHT.pivot, via: "pivot" },
    ]);
  });

  it("lets the head of a compound the sources do not use stand in for it, below the word, when they use its modifier", () => {
    const known = ["fern", "fernzüge", "züge", "bundestag", "wahl", "weiter", "verhandelt", "rathaus", "rathauschef", "chef", "chefin", "ministerin", "minister", "mini", "ster"];
    // The sources' stems: "Fernverkehr", "Zug", "Wahl", "weit", "verhandeln", "Rathaus", "Chef".
    const nouns = ["fernzüge", "züge", "bundestag", "wahl", "rathaus", "rathauschef", "chef", "chefin", "ministerin", "minister"];
    const words: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => known.includes(w.toLowerCase()),
      isGermanNoun: (w) => nouns.includes(w.toLowerCase()),
      germanLemmas: (w) => (w === "Züge" ? [{ lemma: "Zug", pos: "noun" }] : []),
    };
    const stems = new Set(["fernverkehr", "zug", "wahl", "weit", "verhandelt", "rathaus", "chef"]);
    const compounds: UnderstandTools = { analyze, lexicon: words, inCorpus: (s) => stems.has(s), beginsInCorpus: (s) => [...stems].some((c) => c.startsWith(s)) };
    expect(partsOf("Fernzüge", compounds)).toEqual(["Züge"]);
    expect(partsOf("weiterverhandelt", compounds)).toEqual(["verhandelt"]);
    // A particle modifier names no kind, so nothing of it need be in the sources.
    const particles: Lexicon = { ...words, isGermanWord: (w) => ["mit", "verhandelt"].includes(w.toLowerCase()) };
    expect(partsOf("mitverhandelt", { ...compounds, lexicon: particles, beginsInCorpus: (s) => s === "verhandelt" })).toEqual(["verhandelt"]);
    // The sources never speak of the Bundestag: its election is not any election they report.
    expect(partsOf("Bundestagswahl", compounds)).toEqual([]);
    // A feminine role reads as its masculine; a known word is not split into rarities ("Mini" + "ster").
    expect(partsOf("Rathauschefin", compounds)).toEqual(["Rathauschef", "Chef"]);
    // Heads the sources use, not merely heads the dictionary knows.
    expect(partsOf("Straßenbahnstrecke", { ...compounds, lexicon: { ...words, isGermanWord: (w) => ["straßen", "straßenbahn", "bahnstrecke", "strecke"].includes(w.toLowerCase()) }, inCorpus: (s) => ["strassenbahnlini", "streck"].includes(s), beginsInCorpus: (s) => "strassenbahnlini".startsWith(s) })).toEqual(["Strecke"]);
    expect(partsOf("Ministerin", compounds)).toEqual(["Minister"]);
    // A modifier drops its noun's final "e": "Fähr-" in "Fährunglück" is "Fähre".
    const ferry: UnderstandTools = { ...compounds, lexicon: { ...words, isGermanWord: (w) => ["fähre", "unglück"].includes(w.toLowerCase()) }, inCorpus: (s) => s === "ungluck", beginsInCorpus: (s) => "fahrhaf".startsWith(s) };
    expect(partsOf("Fährunglück", ferry)).toEqual(["Unglück"]);
    // A modifier the sources write with a synonym ("Tram" / "Straßenbahn") lets a head they use stand in.
    const tram: UnderstandTools = {
      ...compounds,
      lexicon: { ...words, isGermanWord: (w) => ["tram", "strecke"].includes(w.toLowerCase()), germanSynonyms: (w) => (w === "Tram" ? [{ word: "Straßenbahn", rank: 0 }] : []) },
      inCorpus: (s) => ["strassenbahn", "streck"].includes(s),
      beginsInCorpus: (s) => ["strassenbahn", "streck"].some((c) => c.startsWith(s)),
    };
    expect(partsOf("Tramstrecke", tram)).toEqual(["Strecke"]);
    expect(partsOf("Tramstrecke", { ...tram, lexicon: { ...tram.lexicon, germanSynonyms: () => [] } })).toEqual([]);
    // A head the sources do not use lends its synonyms they do use: "Notquartiere" → Quartier → Unterkunft.
    const shelter: UnderstandTools = {
      ...compounds,
      lexicon: { ...words, isGermanWord: (w) => ["not", "quartiere"].includes(w.toLowerCase()), germanSynonyms: (w) => (w === "Quartiere" ? [{ word: "Unterkunft", rank: 0 }] : []) },
      inCorpus: (s) => s === "unterkunft",
    };
    const quarters = understand("Wie viele kamen in Notquartiere?", [], false, shelter, 1000).terms.find((t) => t.word === "Notquartiere");
    expect(quarters?.alternatives).toContainEqual({ stem: "unterkunft", weight: 0.6, via: "synonym" });
    // A role the sources name only in the feminine is theirs: its head ("Chef") does not stand in.
    const feminine: UnderstandTools = { ...compounds, inCorpus: (s) => ["rathauschefin", "rathaus", "chef"].includes(s) };
    const head = understand("Wer ist der Rathauschef?", [], false, feminine, 1000).terms.find((t) => t.word === "Rathauschef");
    expect(head?.alternatives.filter((a) => a.via === "part")).toEqual([]);
    const trains = understand("Wie viele Fernzüge fielen aus?", [], false, compounds, 1000).terms.find((t) => t.word === "Fernzüge");
    const part = trains?.alternatives.find((a) => a.via === "part" && a.stem === "zug");
    expect(part?.weight).toBeGreaterThan(0);
    expect(part?.weight).toBeLessThan(1);
  });

  it("reads a compound as the head of its synonym when both share the modifier, not when the modifiers differ", () => {
    const lexicon: Lexicon = {
      ...tools.lexicon,
      germanLemmas: (w) => (["bahnkunden", "bahnkunde"].includes(w.toLowerCase()) ? [{ lemma: "Bahnkunde", pos: "noun" }] : []),
      isGermanNoun: (w) => ["bahnkunde", "bahnkunden", "fahrgast", "direktor", "stadtchef"].includes(w.toLowerCase()),
      isGermanWord: (w) => ["bahnkunde", "bahnkunden", "fahrgast", "direktor", "stadtchef"].includes(w.toLowerCase()),
      germanSynonyms: (w) =>
        ({ bahnkunden: ["Bahnfahrgast"], stadtchef: ["Gemeindedirektor"] })[w.toLowerCase()]?.map((word, rank) => ({ word, rank })) ?? [],
    };
    const riders: UnderstandTools = { analyze, lexicon, inCorpus: (s) => ["fahrgast", "direktor"].includes(s) };
    const customers = understand("Wie viele Bahnkunden waren betroffen?", [], false, riders, 1000).terms.find((t) => t.word === "Bahnkunden");
    expect(customers?.alternatives).toContainEqual({ stem: "fahrgast", weight: EXPANSION_WEIGHT.head, via: "part" });
    const mayor = understand("Was sagte der Stadtchef?", [], false, riders, 1000).terms.find((t) => t.word === "Stadtchef");
    expect(mayor?.alternatives.map((a) => a.stem)).not.toContain("direktor");
  });

  it("takes a capitalised word no German dictionary knows for a name, mentioned by the sources or not", () => {
    const grimma = understand("Wie hoch war der Pegel in Grimma?", [], false, tools, 1000).terms.find((t) => t.word === "Grimma");
    expect(grimma?.name).toBe(true);
    // A word the dictionary knows is a noun, whether the sources use it or not.
    expect(understand("Wie hoch war der Streik?", [], false, tools, 1000).terms.find((t) => t.word === "Streik")?.name).not.toBe(true);
    // A word it lists without forms and not as a noun is a town, named though the sources never mention it.
    const listed: UnderstandTools = { ...tools, lexicon: { ...lexicon, isGermanWord: (w) => w === "Berlin" || lexicon.isGermanWord(w) } };
    expect(understand("Wie viele Einwohner hat Berlin?", [], false, listed, 1000).terms.find((t) => t.word === "Berlin")?.name).toBe(true);
    // Not one made of words it knows ("Feuerball": Feuer + Ball): a compound noun the inflection tables lack.
    const compound: UnderstandTools = { ...tools, lexicon: { ...lexicon, isGermanWord: (w) => ["feuerball", "feuer", "ball"].includes(w.toLowerCase()) || lexicon.isGermanWord(w) } };
    expect(understand("Wie lange war der Feuerball zu sehen?", [], false, compound, 1000).terms.find((t) => t.word === "Feuerball")?.name).not.toBe(true);
  });

  it("takes what a question counts or asks a kind of for a noun, though the dictionary lacks it and the sources use it", () => {
    // "Gerätewagen" is unknown to this lexicon and used by the sources: alone it reads as a name.
    const used: UnderstandTools = { ...tools, inCorpus: (s) => s === "geratewag" || corpus.has(s), inCorpusExactly: (s) => s === "geratewag" };
    const term = (question: string) => understand(question, [], false, used, 1000).terms.find((t) => t.word === "Gerätewagen");
    expect(term("Wann kam Gerätewagen an?")?.name).toBe(true);
    expect(term("Wie viele Gerätewagen hat die Wehr?")?.name).not.toBe(true);
    expect(term("Welcher Gerätewagen fuhr zuerst?")?.name).not.toBe(true);
  });

  it("takes a word after an indefinite article, past its adjectives, for a noun, though the dictionary lacks it", () => {
    const used: UnderstandTools = { ...tools, inCorpus: (s) => s === "geratewag" || corpus.has(s), inCorpusExactly: (s) => s === "geratewag" };
    const term = (question: string) => understand(question, [], false, used, 1000).terms.find((t) => t.word === "Gerätewagen");
    expect(term("Seit wann hat die Wehr einen eigenen Gerätewagen?")?.name).not.toBe(true);
    expect(term("Gibt es keinen neuen Gerätewagen?")?.name).not.toBe(true);
    // After a definite article or a preposition it may be a place's name.
    expect(term("Wie viele Menschen leben in Gerätewagen?")?.name).toBe(true);
  });

  it("takes a word the thesaurus files with a known noun for a noun, unless it files it under a kind of place or organisation", () => {
    const thesaurus: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => ["Stadtarchiv", "Köln", "Hansaflug"].includes(w) || lexicon.isGermanWord(w),
      isGermanNoun: (w) => ["Archiv", "Domstadt", "Kranich"].includes(w) || lexicon.isGermanNoun(w),
      germanSynonyms: (w) => ({ Stadtarchiv: ["Archiv"], Köln: ["Domstadt"], Hansaflug: ["Kranich"] })[w]?.map((word, rank) => ({ word, rank })) ?? lexicon.germanSynonyms(w),
      germanBroader: (w) => ({ Köln: ["Stadt"], Hansaflug: ["Fluggesellschaft"] })[w]?.map((word, rank) => ({ word, rank })) ?? [],
    };
    const listed: UnderstandTools = { ...tools, lexicon: thesaurus };
    const term = (question: string, word: string) => understand(question, [], false, listed, 1000).terms.find((t) => t.word === word);
    expect(term("Wann öffnet das Stadtarchiv wieder?", "Stadtarchiv")?.name).not.toBe(true);
    expect(term("Wie viele Einwohner hat Köln?", "Köln")?.name).toBe(true);
    expect(term("Wie viele Mitarbeiter hat Hansaflug?", "Hansaflug")?.name).toBe(true);
  });

  it("takes a compound the dictionary cuts, after an article, for a name that also says what is asked", () => {
    const parts: UnderstandTools = {
      ...tools,
      lexicon: { ...lexicon, isGermanWord: (w) => ["mieter", "bund", "rosen", "heim"].includes(w.toLowerCase()) || lexicon.isGermanWord(w) },
      inCorpus: (s) => ["mieterbund", "rosenheim"].includes(s) || corpus.has(s),
    };
    const term = (question: string, word: string) => understand(question, [], false, parts, 1000).terms.find((t) => t.word === word);
    const union = term("Was kritisiert der Mieterbund?", "Mieterbund");
    expect(union?.name).toBe(true);
    expect(union?.asked).toBe(true);
    // A town goes without an article: a name only, though the dictionary cuts it too.
    const town = term("Wie viele Menschen leben in Rosenheim?", "Rosenheim");
    expect(town?.name).toBe(true);
    expect(town?.asked).not.toBe(true);
  });

  it("reads a capitalised word with a noun reading as the noun, without the synonyms of an adjective spelt alike", () => {
    const readings: Record<string, { lemma: string; pos: "noun" | "adj" }[]> = { herbst: [{ lemma: "Herbst", pos: "noun" }, { lemma: "herb", pos: "adj" }] };
    const byHead: Record<string, string[]> = { herbst: ["Spätjahr"], herb: ["bitter"] };
    const autumn: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        germanLemmas: (w) => readings[w.toLowerCase()] ?? lexicon.germanLemmas(w),
        germanSynonyms: (w, lemmas = readings[w.toLowerCase()] ?? []) =>
          [w.toLowerCase(), ...lemmas.map((l) => l.lemma.toLowerCase())].flatMap((h) => byHead[h] ?? []).map((word, rank) => ({ word, rank })),
      },
      inCorpus: (s) => ["spatjahr", "bitt"].includes(s) || corpus.has(s),
    };
    const stems = (question: string) => understand(question, [], false, autumn, 1000).terms.find((t) => t.word.toLowerCase() === "herbst")?.alternatives.map((a) => a.stem);
    expect(stems("Was geschah im Herbst?")).toContain("spatjahr");
    expect(stems("Was geschah im Herbst?")).not.toContain("bitt");
  });

  /** Tools whose lexicon knows only the words of `readings`, each with those readings, over sources that use the stems `used`. */
  const readingTools = (readings: Record<string, Lemma[]>, used: readonly string[], germanSynonyms: Lexicon["germanSynonyms"] = () => []): UnderstandTools => ({
    ...tools,
    lexicon: {
      ...lexicon,
      isGermanNoun: (w) => w.toLowerCase() in readings,
      isGermanWord: (w) => w.toLowerCase() in readings,
      germanLemmas: (w) => readings[w.toLowerCase()] ?? [],
      germanSynonyms,
    },
    inCorpus: (s) => used.includes(s),
  });
  /** The stems a question's word may match, understood with `reading`. */
  const stemsWith = (reading: UnderstandTools) => (question: string, word: string) =>
    understand(question, [], false, reading, 1000).terms.find((t) => t.word === word)?.alternatives.map((a) => a.stem) ?? [];

  it("gives a capitalised word the synonyms of its noun, and a verb's only when it is that verb made a noun", () => {
    const readings: Record<string, Lemma[]> = {
      verletzte: [{ lemma: "Verletzte", pos: "noun" }, { lemma: "verletzen", pos: "verb" }],
      treffen: [{ lemma: "Treffen", pos: "noun" }, { lemma: "treffen", pos: "verb" }],
    };
    const byHead: Record<string, string[]> = { verletzte: [], verletzen: ["kränken"], treffen: ["begegnen"] };
    const stems = stemsWith(
      readingTools(readings, ["verletzt", "verletz", "krank", "treff", "begegn"], (w, lemmas = readings[w.toLowerCase()] ?? []) =>
        [...new Set([w.toLowerCase(), ...lemmas.map((l) => l.lemma.toLowerCase())])].flatMap((h) => byHead[h] ?? []).map((word, rank) => ({ word, rank })),
      ),
    );
    // "Verletzte" is a form of "verletzen" (it meets "verletzt"), but the verb's synonyms are another sense.
    expect(stems("Gab es bei dem Sturm Verletzte?", "Verletzte")).toContain("verletz");
    expect(stems("Gab es bei dem Sturm Verletzte?", "Verletzte")).not.toContain("krank");
    // "das Treffen" is the verb made a noun: its verb's synonyms are its own.
    expect(stems("Wann war das Treffen?", "Treffen")).toContain("begegn");
  });

  it("reads a capitalised noun that spells a verb's finite form as the noun only", () => {
    // "Werft" is also "(ihr) werft" of "werfen", "Wand" the past of "winden": neither is that verb.
    // A participle made a noun ("Angeklagte") and a verb's stem ("Kauf") are the verb's.
    const readings: Record<string, Lemma[]> = {
      werft: [{ lemma: "Werft", pos: "noun" }, { lemma: "werfen", pos: "verb" }],
      wand: [{ lemma: "Wand", pos: "noun" }, { lemma: "winden", pos: "verb" }],
      angeklagte: [{ lemma: "Angeklagte", pos: "noun" }, { lemma: "anklagen", pos: "verb" }],
      kauf: [{ lemma: "Kauf", pos: "noun" }, { lemma: "kaufen", pos: "verb" }],
      beilagen: [{ lemma: "Beilage", pos: "noun" }, { lemma: "beiliegen", pos: "verb" }],
    };
    const stems = stemsWith(readingTools(readings, ["werf", "werfen", "wind", "winden", "anklag", "anklagen", "kauf", "kaufen", "beilieg", "beiliegen"]));
    expect(stems("Wer baut die Werft?", "Werft")).not.toContain("werf");
    expect(stems("Wie hoch ist die Wand?", "Wand")).not.toContain("wind");
    // "Beilagen" is "(sie) lagen bei", no participle: a particle and "ge" begin one ("angeklagt").
    expect(stems("Welche Beilagen gibt es?", "Beilagen")).not.toContain("beilieg");
    expect(stems("Was sagte die Angeklagte?", "Angeklagte")).toContain("anklag");
    expect(stems("Wann war der Kauf?", "Kauf")).toContain("kauf");
  });

  it("takes no adjective of a synonym whose noun is a light one for a stand-in", () => {
    // OpenThesaurus lists "ungewöhnlicher Mensch" (an odd bird) among the synonyms of "Vogel".
    const birds: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        isGermanNoun: (w) => w.toLowerCase() === "vogel",
        isGermanWord: (w) => w.toLowerCase() === "vogel",
        germanSynonyms: (w) => (w.toLowerCase() === "vogel" ? ["ungewöhnlicher Mensch", "Federvieh"].map((word, rank) => ({ word, rank })) : []),
      },
      inCorpus: (s) => ["vogel", "ungewohn", "federvieh"].includes(s),
    };
    const stems = understand("Wie viele Vogel gibt es?", [], false, birds, 1000).terms.find((t) => t.word === "Vogel")?.alternatives.map((a) => a.stem);
    expect(stems).toContain("federvieh");
    expect(stems).not.toContain("ungewohn");
  });

  it("reads a capitalised compound's head as a noun, without the synonyms of an adjective spelt alike", () => {
    // "Mauer" is also the comparative of "mau" (meagre): the head of "Hafenmauer" is the wall.
    const readings: Record<string, Lemma[]> = { mauer: [{ lemma: "Mauer", pos: "noun" }, { lemma: "mau", pos: "adj" }] };
    const byHead: Record<string, string[]> = { mauer: ["Wand"], mau: ["dürftig"] };
    const walls: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        isGermanWord: (w) => ["hafen", "mauer"].includes(w.toLowerCase()),
        isGermanNoun: (w) => ["hafen", "mauer"].includes(w.toLowerCase()),
        germanLemmas: (w) => readings[w.toLowerCase()] ?? [],
        germanSynonyms: (w, lemmas = readings[w.toLowerCase()] ?? []) =>
          [w.toLowerCase(), ...lemmas.map((l) => l.lemma.toLowerCase())].flatMap((h) => byHead[h] ?? []).map((word, rank) => ({ word, rank })),
      },
      inCorpus: (s) => ["haf", "mau", "wand", "durftig"].includes(s),
      beginsInCorpus: (s) => ["haf", "hafen"].includes(s),
    };
    const wall = understand("Wann ist das Schiff gegen die Hafenmauer gefahren?", [], false, walls, 1000).terms.find((t) => t.word === "Hafenmauer");
    const stems = wall?.alternatives.map((a) => a.stem) ?? [];
    expect(stems).toContain("mau");
    expect(stems).toContain("wand");
    expect(stems).not.toContain("durftig");
  });

  it("takes a compound's own synonyms where the thesaurus has some, not its head's, which name something more general", () => {
    // "Geheimdienst" → Nachrichtendienst; its head "Dienst" → Angebot, Versorger is another sense.
    const readings: Record<string, Lemma[]> = { geheimdienst: [{ lemma: "Geheimdienst", pos: "noun" }], dienst: [{ lemma: "Dienst", pos: "noun" }], geheim: [{ lemma: "geheim", pos: "adj" }] };
    const byWord: Record<string, string[]> = { geheimdienst: ["Nachrichtendienst"], dienst: ["Angebot"], geheim: ["verborgen"] };
    const secret: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        isGermanWord: (w) => w.toLowerCase() in readings,
        isGermanNoun: (w) => ["geheimdienst", "dienst"].includes(w.toLowerCase()),
        germanLemmas: (w) => readings[w.toLowerCase()] ?? [],
        germanSynonyms: (w) => (byWord[w.toLowerCase()] ?? []).map((word, rank) => ({ word, rank })),
      },
      inCorpus: (s) => ["dien", "nachrichtendien", "angebot", "geheim", "verborg"].includes(s),
      beginsInCorpus: (s) => ["geheim"].includes(s),
    };
    const term = understand("Was macht der Geheimdienst in Almaty?", [], false, secret, 1000).terms.find((t) => t.word === "Geheimdienst");
    const stems = term?.alternatives.map((a) => a.stem) ?? [];
    expect(stems).toContain("nachrichtendien");
    expect(stems).not.toContain("angebot");
  });

  it("reads a name and a noun the asker joined ('Kaldebrücke') as the name the sources use and the noun's head", () => {
    const german: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => /^(wie|viele|bäume|müssen|für|die|neue|brücke|gefällt|werden)$/i.test(w),
      isGermanNoun: (w) => /^(brücke|bäume)$/i.test(w),
    };
    const stems = new Set(["kald", "bruck", "baum"]);
    const bridge: UnderstandTools = { analyze, lexicon: german, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const term = (t: UnderstandTools) => understand("Wie viele Bäume müssen für die neue Kaldebrücke gefällt werden?", [], false, t, 1000).terms.find((x) => x.word === "Kaldebrücke");
    expect(term(bridge)).toMatchObject({ name: true });
    expect(term(bridge)?.alternatives).toEqual(expect.arrayContaining([{ stem: "kald", weight: 1, via: "word" }, { stem: "bruck", weight: EXPANSION_WEIGHT.head, via: "part" }]));
    // A name the sources never write stays a name they lack.
    const without = new Set(["bruck", "baum"]);
    expect(term({ ...bridge, inCorpus: (s) => without.has(s), inCorpusExactly: (s) => without.has(s) })?.alternatives.map((a) => a.stem)).toEqual(["kaldebruck"]);
  });

  it("takes an acronym for a name even when the dictionary knows it", () => {
    const known: UnderstandTools = { ...tools, lexicon: { ...lexicon, isGermanWord: (w) => w === "SPD" || lexicon.isGermanWord(w), isGermanNoun: (w) => w === "SPD" || lexicon.isGermanNoun(w) } };
    expect(understand("Wie viele Mitglieder hat die SPD?", [], false, known, 1000).terms.find((t) => t.word === "SPD")?.name).toBe(true);
  });

  it("takes a town's name with -er for the town's name, though the dictionary knows it as a noun", () => {
    const towns: Lexicon = {
      ...lexicon,
      isGermanWord: (w) => ["berlin", "berliner", "mauer", "muster"].includes(w.toLowerCase()),
      isGermanNoun: (w) => ["berliner", "mauer", "muster"].includes(w.toLowerCase()),
      germanLemmas: (w) => (["berliner", "muster"].includes(w.toLowerCase()) ? [{ lemma: w, pos: "noun" }] : []),
    };
    const berlin: UnderstandTools = { ...tools, lexicon: towns, inCorpus: (s) => ["berlin", "mau", "must"].includes(s) };
    const term = (question: string, word: string, t = berlin) => understand(question, [], false, t, 1000).terms.find((x) => x.word === word);
    expect(term("Wann wurde die Berliner Mauer gebaut?", "Berliner")?.name).toBe(true);
    // A noun is no town's name with -er because it ends so ("Muster": "Must" is no word).
    expect(term("Welches Muster hat die Mauer?", "Muster")?.name).not.toBe(true);
    // Where the sources never name the town, the word is the noun the dictionary knows.
    expect(term("Wann wurde die Berliner Mauer gebaut?", "Berliner", { ...berlin, inCorpus: (s) => s === "mau" })?.name).not.toBe(true);
  });

  it("takes a country the sources never mention for a name, so that the gate can decline", () => {
    const places: UnderstandTools = { ...tools, lexicon: { ...lexicon, place: (w) => (w === "Österreich" ? { code: "AT", de: "Österreich", en: "Austria" } : undefined) } };
    const austria = understand("Wie viele Bundesländer hat Österreich?", [], false, places, 1000).terms.find((t) => t.word === "Österreich");
    expect(austria?.name).toBe(true);
  });

  it("takes a town or mountain the dictionary names for a name, though it also lists it as a noun", () => {
    const geographic: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        germanLemmas: (w) => (w === "München" || w === "Halle" ? [{ lemma: w, pos: "noun" as const }] : lexicon.germanLemmas(w)),
        isGermanNoun: (w) => w === "München" || w === "Halle" || lexicon.isGermanNoun(w),
        isGeographicName: (w) => w === "München",
      },
    };
    const term = (question: string, word: string) => understand(question, [], false, geographic, 1000).terms.find((t) => t.word === word);
    expect(term("Wie viele Einwohner hat München?", "München")?.name).toBe(true);
    // A noun the dictionary does not name as a place stays a noun.
    expect(term("Wie groß ist die Halle?", "Halle")?.name).not.toBe(true);
  });

  it("translates an English word into the German words the corpus uses, in the dictionary's order, below the word itself", () => {
    const strike = read("How long did the strike last?").terms.find((t) => t.word === "strike");
    const translations = strike?.alternatives.filter((a) => a.via === "translation") ?? [];
    // "Schlag" and "Hieb" come first in the dictionary, but the sources never use them.
    expect(translations.map((a) => a.stem)).toEqual(["streik", "ausstand"]);
    expect(translations[0]!.weight).toBeGreaterThan(translations[1]!.weight);
    expect(translations[0]!.weight).toBeLessThan(1);
    expect(read("How long did the strike last?").searchText).toContain("Streik");
  });

  it("reads a separable verb whose particle ends the question as the whole verb", () => {
    const verbs: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        isGermanWord: (w) => ["anfing", "streik"].includes(w.toLowerCase()),
        germanLemmas: (w) => (w.toLowerCase() === "anfing" ? [{ lemma: "anfangen", pos: "verb" }] : []),
        germanSynonyms: (w) => (w === "anfing" ? [{ word: "beginnen", rank: 0 }] : []),
      },
      inCorpus: (stem) => ["beginn", "streik"].includes(stem),
    };
    const [began] = understand("Wann fing der Streik an?", [], false, verbs, 1000).terms;
    expect(began?.word).toBe("anfing");
    expect(began?.alternatives.map((a) => a.stem)).toEqual(expect.arrayContaining(["fing", "anfang", "beginn"]));
    // Without a particle at the end, the verb is read as written.
    expect(understand("Wann fing der Streik?", [], false, verbs, 1000).terms[0]?.word).toBe("fing");
    // The particle is the verb's, not a word of its own ("los" is not "Los").
    const going: UnderstandTools = { ...verbs, lexicon: { ...verbs.lexicon, isGermanWord: (w) => ["losgeht", "streik", "los"].includes(w.toLowerCase()) } };
    expect(understand("Wann geht der Streik los?", [], false, going, 1000).terms.map((t) => t.word)).toEqual(["losgeht", "Streik"]);
    // So it is when a follow-up carries the question before it.
    const before = [{ question: "Wann geht der Streik los?", answer: "Am Montag.", sources: ["a.txt"] }];
    const carried = understand("Und wie lange dauert er?", before, false, going, 1000).terms.filter((t) => t.context === true).map((t) => t.word);
    expect(carried).toContain("losgeht");
    expect(carried).not.toContain("los");
    // A particle ends its clause, not only the question: before a comma too, and after a clause between.
    expect(understand("Wann fing der Streik an, den alle fürchten?", [], false, verbs, 1000).terms[0]?.word).toBe("anfing");
    expect(understand("Wann fing der Streik, den alle fürchten, an?", [], false, verbs, 1000).terms[0]?.word).toBe("anfing");
  });

  it("reads where a German compound may be cut: a known modifier before a known head", () => {
    const words: UnderstandTools = {
      ...tools,
      lexicon: { ...lexicon, isGermanWord: (w) => ["wald", "brand", "rand"].includes(w.toLowerCase()) },
    };
    const [fire] = understand("Wie groß ist der Waldbrand?", [], false, words, 1000).terms;
    expect(fire?.heads).toEqual(["brand"]);
    expect(understand("Wie groß ist der Brand?", [], false, words, 1000).terms[0]?.heads).toBeUndefined();
  });

  it("takes no head whose stem is also a word that is no noun: 'Meister' stems as the adverb 'meist' does", () => {
    const words: UnderstandTools = {
      ...tools,
      lexicon: {
        ...lexicon,
        isGermanWord: (w) => ["bürger", "meister", "meist"].includes(w.toLowerCase()),
        isGermanNoun: (w) => ["bürger", "meister"].includes(w.toLowerCase()),
      },
    };
    const mayor = understand("Wie heißt der Bürgermeister?", [], false, words, 1000).terms.find((t) => t.word === "Bürgermeister");
    expect(mayor?.heads).toEqual([]);
  });

  it("reads particles that are also prefixes or prepositions (unter, nieder, um) as a separable verb's at the question's end", () => {
    const known = ["unterkamen", "niederging", "umzog"];
    const verbs: UnderstandTools = {
      ...tools,
      lexicon: { ...lexicon, isGermanWord: (w) => known.includes(w.toLowerCase()), germanLemmas: () => [], germanSynonyms: () => [] },
      inCorpus: () => true,
    };
    const first = (q: string) => understand(q, [], false, verbs, 1000).terms[0]?.word;
    expect(first("Wo kamen die Bewohner unter?")).toBe("unterkamen");
    expect(first("Wann ging der Regen nieder?")).toBe("niederging");
    expect(first("Wohin zog die Firma um?")).toBe("umzog");
  });

  it("reads a translation that is a separable verb's form with its particle last as that verb, not as its stem verb", () => {
    // The dictionary lists "stopped" as "hielt an", a form of "anhalten"; "hielt" alone is "halten", which the
    // sources use in "festhielt" for something else.
    const separable: UnderstandTools = {
      ...tools,
      inCorpus: (stem) => ["hielt", "anhielt", "festhielt"].includes(stem),
      lexicon: {
        ...lexicon,
        isGermanWord: (w) => ["anhielt", "hielt"].includes(w.toLowerCase()),
        englishToGerman: (w) => ({ stopped: ["hielt an"] })[w.toLowerCase()]?.map((german, rank) => ({ german, rank })) ?? [],
      },
    };
    const [stopped] = understand("Why was the convoy stopped?", [], false, separable, 1000).terms.filter((t) => t.word === "stopped");
    const stems = stopped?.alternatives.filter((a) => a.via === "translation").map((a) => a.stem);
    expect(stems).toEqual(["anhielt"]);
  });

  it("takes the noun of an adjective-and-noun translation when the sources do not use the adjective", () => {
    const [walkout] = read("How long was the walkout?").terms;
    expect(walkout?.alternatives.filter((a) => a.via === "translation").map((a) => a.stem)).toEqual(["streik"]);
  });

  it("asks for a list when a which-question names a plural category and no other answer type", () => {
    const plurals: UnderstandTools = { ...tools, lexicon: { ...lexicon, germanLemmas: (w) => (w.toLowerCase() === "flughäfen" ? [{ lemma: "Flughafen", pos: "noun" }] : w.toLowerCase() === "partei" ? [{ lemma: "Partei", pos: "noun" }] : []) } };
    expect(understand("Which airports were hit?", [], false, plurals, 1000).answerType).toBe("list");
    expect(understand("Welche Flughäfen wurden bestreikt?", [], false, plurals, 1000).answerType).toBe("list");
    expect(understand("Welche Partei gewann?", [], false, plurals, 1000).answerType).not.toBe("list");
    expect(understand("Which countries sent troops?", [], false, plurals, 1000).answerType).toBe("place");
  });

  it("reads a two-word English phrase the dictionary knows as one term", () => {
    const terms = read("Who leads the train driver union?").terms;
    expect(terms.map((t) => t.word)).toContain("train driver");
    expect(terms.find((t) => t.word === "train driver")?.alternatives.map((a) => a.stem)).toContain("lokfuhr");
  });

  it("reads the phrase where its first word was said before in the question", () => {
    // "train" comes twice; the second one begins the phrase, and the first stays a word of its own.
    const terms = read("Which train was the train driver on?").terms;
    expect(terms.map((t) => t.word)).toEqual(["train", "train driver"]);
    expect(terms.find((t) => t.word === "train driver")?.alternatives.map((a) => a.stem)).toContain("lokfuhr");
  });

  it("looks an English verb up with its particle, which is no word of its own ('hand in')", () => {
    const phrasal: UnderstandTools = {
      ...tools,
      inCorpus: (stem) => ["einreich", "hand"].includes(stem),
      lexicon: {
        ...lexicon,
        englishToGerman: (w) => ({ "hand in": ["einreichen"], hand: ["Hand"] })[w.toLowerCase()]?.map((german, rank) => ({ german, rank })) ?? [],
      },
    };
    const terms = understand("What do firms have to hand in now?", [], false, phrasal, 1000).terms;
    expect(terms.find((t) => t.word === "hand")?.alternatives.map((a) => a.stem)).toContain("einreich");
    // Without its particle, "hand" is the noun.
    const alone = understand("What did she hold in her hand?", [], false, phrasal, 1000).terms;
    expect(alone.find((t) => t.word === "hand")?.alternatives.map((a) => a.stem)).not.toContain("einreich");
  });

  it("reads a hyphenated English noun the dictionary lacks as the phrase it is made of ('sign-ups' → sign up)", () => {
    const hyphens: UnderstandTools = {
      ...tools,
      inCorpus: (stem) => ["anmeld", "zeich", "grenzuberschreit", "grenz"].includes(stem),
      lexicon: {
        ...lexicon,
        englishToGerman: (w) =>
          ({ "sign up": ["anmelden"], "sign ups": ["anmelden"], sign: ["Zeichen"], "cross-border": ["grenzüberschreitend"], "cross border": ["Grenze"] })[w.toLowerCase()]?.map((german, rank) => ({ german, rank })) ?? [],
      },
    };
    const signUps = understand("Who are the new sign-ups?", [], false, hyphens, 1000).terms;
    expect(signUps.map((t) => t.word)).toContain("sign ups");
    expect(signUps.find((t) => t.word === "sign ups")?.alternatives.map((a) => a.stem)).toContain("anmeld");
    // One the dictionary has with its hyphen keeps that entry's senses.
    const crossBorder = understand("Which cross-border trains run?", [], false, hyphens, 1000).terms;
    expect(crossBorder.find((t) => t.word === "cross border")?.alternatives.map((a) => a.stem)).toEqual(expect.arrayContaining(["grenzuberschreit"]));
    expect(crossBorder.find((t) => t.word === "cross border")?.alternatives.map((a) => a.stem)).not.toContain("grenz");
  });

  it("adds the senses of an English verb with its preposition to the verb's own ('look for', 'pay for', 'look after', 'come from')", () => {
    const prepositional: UnderstandTools = {
      ...tools,
      inCorpus: (stem) => ["such", "seh", "erkauf", "bezahl", "betreu", "stamm", "komm"].includes(stem),
      lexicon: {
        ...lexicon,
        englishToGerman: (w) =>
          ({ "look for": ["suchen"], look: ["sehen"], "pay for": ["erkaufen"], pay: ["bezahlen"], "look after": ["betreuen"], "come from": ["stammen"], come: ["kommen"] })[w.toLowerCase()]?.map((german, rank) => ({ german, rank })) ?? [],
      },
    };
    const stems = (q: string, word: string) => understand(q, [], false, prepositional, 1000).terms.find((t) => t.word === word)?.alternatives.map((a) => a.stem) ?? [];
    expect(stems("What does the town look for?", "look")).toEqual(expect.arrayContaining(["such", "seh"]));
    expect(stems("Who will look after the forest?", "look")).toEqual(expect.arrayContaining(["betreu", "seh"]));
    expect(stems("Where do the hikers come from?", "come")).toContain("stamm");
    // The verb keeps its own sense: "pay for" is still "bezahlen".
    expect(stems("Who will pay for the new roof?", "pay")).toEqual(expect.arrayContaining(["erkauf", "bezahl"]));
    // With no preposition after it, the verb has only its own.
    expect(stems("Who will pay the bill?", "pay")).not.toContain("erkauf");
  });

  it("adds the senses of an English idiom of a preposition and a word to the word's own ('in total', 'at night')", () => {
    const idioms: UnderstandTools = {
      ...tools,
      inCorpus: (stem) => ["insgesamt", "total", "nacht"].includes(stem),
      lexicon: {
        ...lexicon,
        englishToGerman: (w) => ({ "in total": ["insgesamt"], total: ["total"], "at night": ["nachts"], night: ["Nacht"] })[w.toLowerCase()]?.map((german, rank) => ({ german, rank })) ?? [],
      },
    };
    const stems = (q: string, word: string) => understand(q, [], false, idioms, 1000).terms.find((t) => t.word === word)?.alternatives.map((a) => a.stem) ?? [];
    expect(stems("How many houses were damaged in total?", "total")).toEqual(expect.arrayContaining(["insgesamt", "total"]));
    // Without the preposition before it, the word has only its own senses.
    expect(stems("What was the total damage?", "total")).not.toContain("insgesamt");
  });

  it("reads a hyphenated English word as the dictionary writes it, with its hyphen", () => {
    const hyphen: UnderstandTools = {
      ...tools,
      lexicon: { ...lexicon, englishToGerman: (w) => ({ "non-stop": ["durchgehend"], stop: ["Halt"] })[w.toLowerCase()]?.map((german, rank) => ({ german, rank })) ?? [] },
      inCorpus: (stem) => ["durchgeh", "halt"].includes(stem),
    };
    const terms = understand("Why did the non-stop strike end?", [], false, hyphen, 1000).terms;
    expect(terms.find((t) => t.word === "non stop")?.alternatives.map((a) => a.stem)).toContain("durchgeh");
    expect(terms.flatMap((t) => t.alternatives.map((a) => a.stem))).not.toContain("halt");
  });

  it("lets a question for who leads something find the role nouns a leader is named by", () => {
    const chef = (u: ReturnType<typeof read>, word: string) => u.terms.find((t) => t.word === word)?.alternatives.map((a) => a.stem) ?? [];
    const withChef = { ...tools, inCorpus: (stem: string) => corpus.has(stem) || stem === "chef" };
    const ask = (q: string) => understand(q, [], false, withChef, 1000);
    expect(chef(ask("Wer führt die Gewerkschaft?"), "führt")).toContain("chef");
    expect(chef(ask("Who leads the union?"), "leads")).toContain("chef");
    // "Who is in charge of …", "who is the director of …" ask who leads it too.
    expect(chef(ask("Who is in charge of the museum?"), "charge")).toContain("chef");
    expect(chef(ask("Who is the director of the museum?"), "director")).toContain("chef");
    // An English article names its leader by an English role noun.
    const english = { ...tools, inCorpus: (stem: string) => corpus.has(stem) || stem === "director" };
    expect(chef(understand("Who is in charge of the museum?", [], false, english, 1000), "charge")).toContain("director");
    // Not when the question asks for something else than a person.
    expect(chef(ask("Wohin führt die Straße?"), "führt")).not.toContain("chef");
  });

  it("reads a question opened as a new topic without the opening words, and without the turn before", () => {
    const history = [{ question: "Wer führt den Streik an?", answer: "Laut der Quelle: „Minister Böhler …“", sources: ["a.txt"] }];
    for (const q of ["Different topic: who leads the strike?", "Themenwechsel: Wer führt den Streik an?", "Andere Frage – wer führt sie an?"]) {
      const u = read(q, history);
      expect(u.newTopic).toBe(true);
      expect(u.followUp).toBeNull();
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("topic");
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("themenwechsel");
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("frage");
    }
    // Without such words, "sie" still leans on the turn before.
    expect(read("Wer führt sie an?", history).followUp?.reason).toBe("pronoun");
  });

  it("reads a return to an earlier subject as a new topic that keeps the subject's words", () => {
    const history = [{ question: "Wie viele Unterschriften sammelte der Verein?", answer: "Laut der Quelle: „6.340 Unterschriften …“", sources: ["a.txt"] }];
    const words = (u: ReturnType<typeof read>) => u.terms.map((t) => t.word.toLowerCase());
    for (const [q, subject] of [
      ["Back to the strike: who leads it?", "strike"],
      ["Zurück zum Streik: Wer führt ihn an?", "streik"],
      ["Noch mal zu den Streiks – wer führt sie an?", "streiks"],
    ] as const) {
      const u = read(q, history);
      expect(u.newTopic).toBe(true);
      expect(u.followUp).toBeNull();
      expect(words(u)).toContain(subject);
      expect(words(u)).not.toContain("back");
    }
    // Not a return without the subject set off: "Wann kehrt er zurück zum Verein?" asks about a return.
    expect(read("Zurück zum Verein kehrt er wann?", history).newTopic).not.toBe(true);
  });

  it("reads the question before without the words that only framed it", () => {
    for (const before of ["Different topic: who leads the strike?", "Weißt du, wer den Streik anführt?", "Was weißt du über den Streik?"]) {
      const words = read("Und wann?", [{ question: before, answer: "…" }]).terms.filter((t) => t.context === true).map((t) => t.word.toLowerCase());
      expect(words, before).not.toEqual(expect.arrayContaining(["different"]));
      expect(words, before).not.toContain("topic");
      expect(words, before).not.toContain("weißt");
      expect(words.some((w) => w === "streik" || w === "strike"), before).toBe(true);
    }
  });

  it("lets an ellipsis ask for what the question before asked for, but not a yes/no question", () => {
    const history = [{ question: "Wie viele Menschen wurden verletzt?", answer: "…" }];
    expect(read("Und in Leipzig?", history).answerType).toBe("number");
    // Opening with its verb, a question is a clause of its own: it asks yes or no, not how many.
    for (const q of ["Hat er gestanden?", "Und musste jemand ins Krankenhaus?", "Ist der Streik vorbei?"]) expect(read(q, history).answerType, q).toBeNull();
    // So is one whose clause opens with its verb after a word put in front.
    expect(read("Und die Hunde, durften die ins Tierheim?", history).answerType).toBeNull();
    expect(read("And the dogs, were they rescued?", [{ question: "How many animals were rescued?", answer: "…" }]).answerType).toBeNull();
    expect(read("Was he drunk?", [{ question: "How old is the captain?", answer: "…" }]).answerType).toBeNull();
  });

  it("reads 'Was weißt du über …', 'Erzähl mir von …', 'Tell me about …' as asking for an overview, without the request's words", () => {
    const asks = {
      streik: [
        "Was weißt du über den Streik?",
        "Erzähl mir was über den Streik",
        "Hast du Infos zum Streik?",
        "Gibt es Neuigkeiten zum Streik?",
        "Was steht in den Quellen über den Streik?",
        "Erklär mir den Streik.",
        "Beschreibe den Streik!",
        "Fass den Streik zusammen.",
        "Gib mir einen Überblick über den Streik.",
        "Was kannst du mir über den Streik sagen?",
        "Kannst du mir etwas zum Streik erzählen?",
      ],
      strike: ["Tell me about the strike", "What do you know about the strike?", "What do the sources say about the strike?", "Explain the strike to me.", "Summarize the strike.", "Give me an overview of the strike.", "What can you tell me about the strike?"],
      // What happened somewhere is what the story's lead says.
      hafen: ["Was geschah im Hafen?", "Was ist los im Hafen?", "Was ist im Hafen los?", "Was ist denn mit dem Hafen los?", "Was ist beim Hafen passiert?"],
      harbour: ["What happened in the harbour?", "What is going on at the harbour?"],
    };
    for (const [word, questions] of Object.entries(asks)) {
      for (const q of questions) {
        const u = read(q);
        expect(u.overview, q).toBe(true);
        expect(u.terms.map((t) => t.word.toLowerCase()), q).toEqual([word]);
      }
    }
    // A question about someone's knowledge, or one that asks something in particular, is no such request.
    expect(read("Was weißt du?").overview).toBeUndefined();
    expect(read("Weißt du, wer den Streik anführt?").overview).toBeUndefined();
    expect(read("Was sagt die Bahn über den Streik?").overview).toBeUndefined();
    expect(read("What happened?").overview).toBeUndefined();
  });

  it("reads the question after 'Weißt du, …' or 'Can you tell me …', not those words", () => {
    for (const q of ["Weißt du, wer den Streik anführt?", "Kannst du mir sagen, wer den Streik anführt?", "Can you tell me who leads the strike?", "Do you know who leads the strike?"]) {
      const u = read(q);
      expect(u.answerType).toBe("person");
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("weißt");
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("tell");
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("know");
      expect(u.terms.map((t) => t.word.toLowerCase())).not.toContain("sagen");
    }
    // Alone they ask what the sources are about.
    expect(read("Was weißt du?").intent).toBe("overview");
  });

  it("takes a question about the bot itself for a request for help, not a question about the sources", () => {
    for (const q of ["Wer bist du?", "Was kannst du alles?", "Hilfe!", "Wie funktionierst du?", "Bist du ein Bot?", "Was kann ich dich fragen?", "Who are you?", "What can you do?", "help", "How does this work?", "Are you a bot?"]) {
      expect([q, read(q).intent]).toEqual([q, "help"]);
    }
    // After a greeting, too, without a question mark.
    expect(read("Hi, help").intent).toBe("help");
    // About someone else, it is a question.
    for (const q of ["Wer bist du, Streik?", "Was kann die Bahn tun?", "Who can help the strikers?", "Wer hilft den Opfern?"]) expect([q, read(q).intent]).toEqual([q, "question"]);
  });

  it("takes a request for what the sources are about, with no subject, for an overview of them", () => {
    for (const q of ["Worum geht es in den Artikeln?", "Welche Themen kennst du?", "Fass die Artikel zusammen.", "Was weißt du denn so?", "What are the sources about?", "Summarize the news, please.", "What topics do you cover?"]) {
      expect([q, read(q).intent]).toEqual([q, "overview"]);
      expect([q, read(q, [{ question: "Wann beginnt der Streik?", answer: "Am Montag." }]).intent]).toEqual([q, "overview"]);
    }
    // Asked first, an open question is about everything; later, it asks about the story so far.
    for (const q of ["Worum geht es?", "Was gibt es Neues?", "Was ist passiert?", "What happened?", "What's new?"]) {
      expect([q, read(q).intent]).toEqual([q, "overview"]);
      expect([q, read(q, [{ question: "Wann beginnt der Streik?", answer: "Am Montag." }]).intent]).toEqual([q, "question"]);
    }
    // With a subject, it asks about that subject.
    for (const q of ["Worum geht es beim Streik?", "Was ist beim Streik passiert?", "What happened at the harbour?", "Was weißt du über den Streik?"]) {
      expect([q, read(q).intent]).toEqual([q, "question"]);
    }
  });

  it("reads a question without the greeting, thanks or announcement around it", () => {
    const plain = read("Wer führt den Streik an?");
    const words = (u: ReturnType<typeof read>) => u.terms.map((t) => t.word.toLowerCase());
    for (const q of [
      "Hallo! Wer führt den Streik an?",
      "Hallo zusammen, wer führt den Streik an?",
      "Danke! Wer führt den Streik an?",
      "Wer führt den Streik an? Danke!",
      "Wer führt den Streik an? Vielen Dank im Voraus.",
      "Kurze Frage: Wer führt den Streik an?",
      "Guten Morgen! Kurze Frage: Wer führt den Streik an? Danke dir!",
      "Wer führt den Streik an? 🤔",
      "Wer führt den Streik an?? :)",
      "Kannst du mir bitte sagen: Wer führt den Streik an?",
      "Wer führt den Streik an, bitte?",
      "Laut den Quellen: Wer führt den Streik an?",
      "Wer führt den Streik an, laut Artikel?",
      "Also, wer führt den Streik an?",
      "Hmm, wer führt den Streik an?",
      "hallo wer führt den Streik an?",
      "Ok wer führt den Streik an?",
      "Übrigens, wer führt den Streik an?",
      "Sorry, wer führt den Streik an? lol",
    ]) {
      const u = read(q);
      expect([q, u.intent, u.answerType, words(u)]).toEqual([q, "question", plain.answerType, words(plain)]);
    }
    const english = read("Who leads the strike?");
    for (const q of ["Hi! Who leads the strike?", "Please tell me who leads the strike.", "Who leads the strike, please? 👍", "According to the articles, who leads the strike?", "Well, who leads the strike?", "Btw who leads the strike pls?", "Ok. Who leads the strike?", "Who leads the strike according to your sources?", "Hey there, who leads the strike?", "Quick question: who leads the strike?", "Who leads the strike? Thanks in advance!"]) {
      const u = read(q);
      expect([q, u.language, u.answerType, words(u)]).toEqual([q, "en", english.answerType, words(english)]);
    }
    // Alone, or with nothing asked after them, they are still small talk.
    expect(read("Hallo Bot!").intent).toBe("greeting");
    expect(read("Danke! Tschüss!").intent).toBe("thanks");
    expect(read("Ok, danke!").intent).toBe("thanks");
    expect(read("Also, danke!").intent).toBe("thanks");
    expect(read("Hmm, danke dir!").intent).toBe("thanks");
    expect(read("ok danke").intent).toBe("thanks");
    // An interjection is no word of a question, with or without its comma.
    expect(words(read("ok streikt die Bahn?"))).toEqual(words(read("Streikt die Bahn?")));
    // "So what …" asks what "What …" asks; only a filler set off by a comma goes.
    const history = [{ question: "Wann beginnt der Streik?", answer: "Am Montag." }];
    expect(read("Gut, und wann?", history).followUp?.reason).toBe(read("Und wann?", history).followUp?.reason);
    expect(read("Und wann?", history).followUp?.reason).toBe("ellipsis");
    expect(read("ok und wann?", history).followUp?.reason).toBe("ellipsis");
    expect(read("Hallo! 🙂").intent).toBe("greeting");
    expect(read("🙂👍").intent).toBe("empty");
    // Thanks inside the question is a word of it, and so is a request named by an article.
    expect(words(read("Wem galt die bitte?"))).toContain("bitte");
    expect(words(read("Wem dankte der Präsident?"))).toContain("dankte");
  });

  it("keeps a Roman numeral after a name as part of the name, untranslated", () => {
    const two: UnderstandTools = { ...tools, lexicon: { ...lexicon, englishToGerman: (w) => (w.toLowerCase() === "ii" ? [{ german: "zwei", rank: 0 }] : []) }, inCorpus: (s) => ["zwei", "ii"].includes(s) };
    const term = understand("Where was the ferry Nordlicht II taken?", [], false, two, 1000).terms.find((t) => t.word === "II");
    expect(term?.alternatives.map((a) => a.stem)).toEqual(["ii"]);
  });

  it("keeps a number in an English question as it is, untranslated", () => {
    const six: UnderstandTools = { ...tools, lexicon: { ...lexicon, englishToGerman: (w) => (w === "6" ? [{ german: "Schicht", rank: 0 }] : []) }, inCorpus: (s) => ["schicht", "6"].includes(s) };
    const term = understand("When does line 6 open?", [], false, six, 1000).terms.find((t) => t.word === "6");
    expect(term?.alternatives.map((a) => a.stem)).toEqual(["6"]);
  });

  it("reads an English light verb as light, translated to German light verbs and their lemma", () => {
    const said: UnderstandTools = {
      analyze,
      lexicon: {
        ...lexicon,
        englishToGerman: (w) => (w === "said" ? [{ german: "gesagt", rank: 0 }, { german: "behaupten", rank: 1 }] : []),
        germanLemmas: (w) => (w === "gesagt" ? [{ lemma: "sagen", pos: "verb" }] : []),
      },
      inCorpus: (stem) => ["gesagt", "sag", "behaupt"].includes(stem),
    };
    const term = understand("Who said that?", [], false, said, 1000).terms.find((t) => t.word === "said");
    expect(term?.weight).toBeLessThan(1);
    expect(term?.alternatives.map((a) => a.stem)).toEqual(expect.arrayContaining(["gesagt", "sag"]));
    // "behaupten" is no light verb: a light word does not take on a content word's sense.
    expect(term?.alternatives.map((a) => a.stem)).not.toContain("behaupt");
  });

  it("reads a self-contained question alone, even inside a conversation", () => {
    const history = [{ question: "Welcher Minister besuchte den Hafen?", answer: "Laut der Quelle: „Innenminister Martin Böhler besuchte den Hafen.“ [1]" }];
    const alone = read("Wie lange dauerte der Streik?");
    expect(read("Wie lange dauerte der Streik?", history)).toEqual(alone);
    expect(alone.followUp).toBeNull();
  });

  it("reads a pronoun with nothing to refer to, an ellipsis, or a reply together with the previous turn", () => {
    const history = [{ question: "Welcher Minister besuchte den Hafen?", answer: "Laut der Quelle: „Innenminister Martin Böhler besuchte den Hafen.“ [1]" }];
    const pronoun = read("Was hat er versprochen?", history);
    expect(pronoun.followUp?.reason).toBe("pronoun");
    // The name the last answer quoted is context, so "er" can find the minister.
    expect(pronoun.terms.map((t) => t.word)).toEqual(expect.arrayContaining(["versprochen", "Minister", "Böhler"]));
    expect(read("Und wann?", history).followUp?.reason).toBe("ellipsis");
    // A fragment without a clause continues the question before it; a clause does not.
    expect(read("Mit welchem Ergebnis?", history).followUp?.reason).toBe("ellipsis");
    expect(read("Wie viele Minister?", history).followUp?.reason).toBe("ellipsis");
    expect(read("Over what period of time?", history).followUp?.reason).toBe("ellipsis");
    expect(read("Mit welchem Ergebnis endete der Streik?", history).followUp).toBeNull();
    expect(read("Wer ist Böhler?", history).followUp).toBeNull();
    expect(read("In which year was the harbour built?", history).followUp).toBeNull();
    expect(read("Wie lange dauerte der Streik?", history, true).followUp?.reason).toBe("reply");
    // "es" points back, unless it is the expletive of "gibt es" and its kind.
    expect(read("Wie lange dauerte es?", history).followUp?.reason).toBe("pronoun");
    expect(read("Wie viele Verletzte gab es?", history).followUp).toBeNull();
    // Speech's "der", "die", "den", "dem" without a noun after them stand for a person or a group named before.
    expect(read("Was wollten die stattdessen?", history).followUp?.reason).toBe("pronoun");
    expect(read("Hatte der was getrunken?", history).followUp?.reason).toBe("pronoun");
    expect(read("Was wollten die Gewerkschaften stattdessen?", history).followUp).toBeNull();
    expect(read("Wie heißt die Firma, die den Hafen baut?", history).followUp).toBeNull();
    // The comma is found where the word stands, not where its letters first occur ("die" in "Studie").
    const studies: UnderstandTools = { ...tools, lexicon: { ...lexicon, isGermanWord: (w) => w.toLowerCase() === "studie" || lexicon.isGermanWord(w) } };
    expect(understand("Wo ist die Studie, die erschien?", history, false, studies, 1000).followUp).toBeNull();
    // A name before the pronoun is what it refers to.
    expect(read("Was hat Böhler gesagt, als er kam?", history).followUp).toBeNull();
    expect(read("What did he promise?", [{ question: "Who visited the harbour?", answer: "Böhler." }]).followUp?.reason).toBe("pronoun");
    // An acronym the last answer quoted is a name a follow-up can find ("they" → the AD).
    const party = read("What share did they get?", [{ question: "Who won?", answer: "„Das Bündnis Demokratische Allianz (AD) gewann.“ [1]" }]);
    expect(party.terms.map((t) => t.word)).toContain("AD");
    // English "it" points back as a subject after an auxiliary or as the object at the end, not in "is it true".
    const harbour = [{ question: "When did the harbour open?", answer: "In 2020." }];
    expect(read("How much did it cost?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("Who built it?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("What are its main problems?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("Is it true that the minister resigned?", harbour).followUp).toBeNull();
    // After a form of "be" it is the subject too, unless the clause it stands for follows.
    expect(read("When was it told about the plans?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("Why is it closed?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("Was it necessary to close the road?", harbour).followUp).toBeNull();
    // "ones" stands for a noun said before ("the recovered ones"); it is no word to look for.
    const ones = read("Where were the recovered ones found?", harbour);
    expect(ones.followUp?.reason).toBe("pronoun");
    expect(ones.terms.map((t) => t.word)).not.toContain("ones");
    // A demonstrative for a statement points back; before its noun it is an article.
    expect(read("Wer hat das gesagt?", history).followUp?.reason).toBe("pronoun");
    expect(read("Wann war das?", history).followUp?.reason).toBe("pronoun");
    expect(read("Wie lange dauerte das Treffen der Minister?", history).followUp).toBeNull();
    expect(read("Wie hoch ist das geschätzte Defizit?", history).followUp).toBeNull();
    expect(read("Who said that?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("Who said that the harbour opened?", harbour).followUp).toBeNull();
    // A definite person without a name is someone named before; with a name, the question says who.
    expect(read("Wie alt ist der Mann?", history).followUp?.reason).toBe("pronoun");
    expect(read("Where does the woman live?", harbour).followUp?.reason).toBe("pronoun");
    // Said casually too: "der Typ", "der Kerl", as "the guy".
    expect(read("Wie alt ist der Typ?", history).followUp?.reason).toBe("pronoun");
    expect(read("Was hat der Kerl gesagt?", history).followUp?.reason).toBe("pronoun");
    // And a group the conversation spoke of: "die Leute", "the people".
    expect(read("Wo wohnen die Leute?", history).followUp?.reason).toBe("pronoun");
    expect(read("Do the people get any money?", harbour).followUp?.reason).toBe("pronoun");
    expect(read("Was sagte die Frau von Böhler?", history).followUp).toBeNull();
    // A pronominal adverb ("dazu", "damit") stands for what was said before, unless a clause follows it.
    expect(read("Was sagt der Minister dazu?", history).followUp?.reason).toBe("pronoun");
    expect(read("Was hat der Minister damit gemeint?", history).followUp?.reason).toBe("pronoun");
    expect(read("Was weiß man darüber, wie lange der Streik dauert?", history).followUp).toBeNull();
  });

  it("gives the previous turn's words at most half the weight of the question's own", () => {
    const history = [{ question: "Welcher Minister besuchte den Hafen am Sonntag mit Gästen?", answer: "…" }];
    const u = read("Was hat er versprochen?", history);
    const own = u.terms.filter((t) => !t.context).reduce((s, t) => s + t.weight, 0);
    const borrowed = u.terms.filter((t) => t.context).reduce((s, t) => s + t.weight, 0);
    expect(borrowed).toBeGreaterThan(0);
    expect(borrowed).toBeLessThanOrEqual(own / 2 + 1e-9);
    // Only the question's own nouns may mark it as off-topic.
    expect(u.terms.filter((t) => t.context).every((t) => t.noun === false)).toBe(true);
  });

  it("keeps answering when the lexicon fails, and says so", () => {
    const errors: unknown[] = [];
    const broken: Lexicon = { ...lexicon, germanSynonyms: () => { throw new Error("damaged"); } };
    const u = understand("Wie lange dauerte die Arbeitsniederlegung?", [], false, { ...tools, lexicon: broken, onLexiconError: (e) => errors.push(e) }, 1000);
    expect(u.terms.map((t) => t.word)).toEqual(["dauerte", "Arbeitsniederlegung"]);
    expect(errors).toHaveLength(2);
  });

  it("finds a pronoun's names in what the last answer quoted from its story, not in a quote from another article", () => {
    const previous = {
      question: "Wer wird vermisst?",
      answer: "Ein 67 Jahre alter Mann wird seit Samstag vermisst. Die Behörden nahmen zwei Mitarbeiter von Karim Massimow fest.",
      story: "Ein 67 Jahre alter Mann wird seit Samstag vermisst.",
    };
    const terms = withPrevious(read("Wie alt ist er?"), previous, "pronoun", tools).terms;
    const words = terms.map((t) => t.word);
    expect(words).toContain("vermisst");
    expect(words).not.toContain("Massimow");
    // The earlier question's words are what it asked; the names the answer quoted only say which story.
    const asked = (word: string) => terms.find((t) => t.word === word)?.askedBefore === true;
    expect(asked("vermisst")).toBe(true);
    expect(asked("Samstag")).toBe(false);
    expect(words).toContain("Samstag");
    // A turn remembered before stories were kept still lends its answer's names.
    const { story: _, ...older } = previous;
    expect(withPrevious(read("Wie alt ist er?"), older, "pronoun", tools).terms.map((t) => t.word)).toContain("Massimow");
  });

  it("reads a question whose function words are alike in both languages by the words its dictionaries know", () => {
    // "Was" opens German and English questions; "anyone" and "hurt" only the English dictionary knows.
    expect(understand("Was anyone hurt?", [], false, tools, 1000).language).toBe("en");
    expect(understand("Was Streik?", [], false, tools, 1000).language).toBe("de");
    // Telling them apart asks only the German tables, which a German chat loads anyway.
    let english = 0;
    const counting = { ...tools, lexicon: { ...lexicon, englishLemmas: (w: string) => (english++, lexicon.englishLemmas(w)) } };
    understand("Was Streik?", [], false, counting, 1000);
    expect(english).toBe(0);
  });

  it("combines a question with the previous turn on request (a fallback when alone it finds nothing)", () => {
    const alone = read("Wie lange dauerte der Streik?");
    const combined = withPrevious(alone, { question: "Was forderten die Lokführer?", answer: "…" }, "fallback", tools);
    expect(combined.followUp?.reason).toBe("fallback");
    expect(combined.terms.length).toBeGreaterThan(alone.terms.length);
  });
});

describe("a which-question's category", () => {
  const withPlural: Lexicon = {
    ...lexicon,
    germanLemmas: (word) => ({ brücken: [{ lemma: "Brücke", pos: "noun" as const }], verein: [{ lemma: "Verein", pos: "noun" as const }] })[word.toLowerCase()] ?? [],
    isGermanNoun: (word) => ["brücken", "verein"].includes(word.toLowerCase()),
    isGermanWord: (word) => ["brücken", "verein"].includes(word.toLowerCase()),
  };
  const focusOf = (question: string) => understand(question, [], false, { ...tools, lexicon: withPlural }, 1000).focus;

  it("asks for kinds of a plural German category, which German names by compounds on it", () => {
    expect(focusOf("Welche Brücken wurden gesperrt?")).toEqual({ word: "brücken", kind: "category", sort: true });
  });

  it("looks for a plural German category's kinds in the thesaurus, two levels down, that the sources use", () => {
    const kinds: Record<string, string[]> = { getränk: ["apfelschorle", "limonade", "saft"], baum: ["laubbaum", "obstbaum"], laubbaum: ["buche", "eiche"] };
    const nouns: Record<string, string> = { getränke: "Getränk", baumarten: "Baumart", vereine: "Verein" };
    const withKinds: Lexicon = {
      ...lexicon,
      germanLemmas: (word) => (nouns[word.toLowerCase()] ? [{ lemma: nouns[word.toLowerCase()]!, pos: "noun" as const }] : []),
      isGermanNoun: (word) => word.toLowerCase() in nouns || word.toLowerCase() === "baum",
      isGermanWord: (word) => word.toLowerCase() in nouns || word.toLowerCase() === "baum",
      germanNarrower: (word, lemmas) =>
        [word, ...(lemmas ?? withKinds.germanLemmas(word)).map((l) => l.lemma)].flatMap((w) => kinds[w.toLowerCase()] ?? []).map((w, rank) => ({ word: w, rank })),
    };
    const stems = new Set(["apfelschorl", "saft", "buch", "eich", "baum", "obstbaum", "kelterei"]);
    const t: UnderstandTools = { analyze, lexicon: withKinds, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s) };
    const standIns = (question: string, word: string) =>
      understand(question, [], false, t, 1000).terms.find((term) => term.word === word)?.alternatives.filter((a) => a.via === "synonym").map((a) => [a.stem, a.weight]);
    // "Limonade" is no word of the sources.
    expect(standIns("Welche Getränke stellt die Kelterei her?", "Getränke")).toEqual([["apfelschorl", 0.6], ["saft", 0.6]]);
    // "Baumarten" asks for kinds of trees: a beech is a broad-leaved tree, which is a tree. "Obstbaum" is a
    // compound on the category, which the reader takes in full anyway (sortsOf).
    expect(standIns("Welche Baumarten wachsen dort?", "Baumarten")).toEqual([["baum", 0.6], ["buch", 0.6], ["eich", 0.6]]);
    // Not for a singular category asking for one member, nor in English (the resource is German).
    expect(standIns("Welcher Verein spendet Getränke?", "Getränke")).toEqual([]);
    expect(standIns("Which drinks does it make?", "drinks") ?? []).toEqual([]);
  });

  it("asks for one member of a singular category, and leaves English as it is", () => {
    expect(focusOf("Welcher Verein zahlt?")).toEqual({ word: "verein", kind: "category" });
    expect(focusOf("Which bridges were closed?")).toEqual({ word: "bridges", kind: "category" });
  });
});

describe("a German word with more synonyms the sources use than are kept", () => {
  // The thesaurus lists "Minus" in several senses; the sources use all these words, but only "Verlust" in a
  // sentence with another word of the question ("Jahr").
  const senses = ["ausgenommen", "außer", "abgerechnet", "weniger", "negativ", "Nachteil", "Defizit", "Verlust"];
  const nouns = ["minus", "jahr"];
  const withMinus: Lexicon = {
    ...lexicon,
    germanLemmas: (word) => (nouns.includes(word.toLowerCase()) ? [{ lemma: word, pos: "noun" }] : []),
    isGermanNoun: (word) => nouns.includes(word.toLowerCase()),
    isGermanWord: (word) => nouns.includes(word.toLowerCase()),
    germanSynonyms: (word) => (word.toLowerCase() === "minus" ? senses.map((w, rank) => ({ word: w, rank })) : []),
  };
  const stems = new Set(["minus", "jahr", ...senses.flatMap((w) => analyze(w))]);
  // Sentence 0 has "Verlust" and "Jahr"; each other synonym stands alone in a sentence of its own.
  const sentences = [["verlust", "jahr"], ...senses.slice(0, -1).map((w) => analyze(w))];
  const sentencesWith = (asked: readonly string[]) => new Set(sentences.flatMap((has, k) => (asked.some((stem) => has.includes(stem)) ? [k] : [])));
  const alternativesOf = (extra: Partial<UnderstandTools>) =>
    understand("Wie viel Minus gab es im Jahr?", [], false, { analyze, lexicon: withMinus, inCorpus: (stem) => stems.has(stem), ...extra }, 1000)
      .terms.find((t) => t.word === "Minus")!
      .alternatives.map((a) => a.stem);

  it("keeps the sense the sources use with the question's other words", () => {
    expect(alternativesOf({ sentencesWith })).toContain("verlust");
    // Kept as many as before: the first of the thesaurus's order make way.
    expect(alternativesOf({ sentencesWith })).toHaveLength(alternativesOf({}).length);
  });

  it("keeps the thesaurus's order without a way to see the company words keep", () => {
    expect(alternativesOf({})).not.toContain("verlust");
  });

  it("looks for the company only of synonyms the sources have as written", () => {
    // The sources have "Verlust" only in another form ("Verluste" near enough for inCorpus, not as indexed).
    const inCorpusExactly = (stem: string) => stem !== "verlust" && stems.has(stem);
    expect(alternativesOf({ sentencesWith, inCorpusExactly })).not.toContain("verlust");
  });
});

describe("an English follow-up's word with a late sense the sources use", () => {
  // Made-up dictionary order: "branches" has its shop sense seventh; the sources use "Filiale" only in a
  // sentence with "Metzgerei", the last question's word, and no other of its senses at all.
  const senses = ["Geäst", "Abzweigung", "Branche", "Zweigstelle", "Teilgebiet", "Zweigbetrieb", "Zweiggeschäft", "Filiale"];
  const table: Record<string, string[]> = { branches: senses, butcher: ["Metzgerei"] };
  const listed: Lexicon = { ...lexicon, englishToGerman: (phrase) => (table[phrase.toLowerCase()] ?? []).map((german, rank) => ({ german, rank })) };
  const stems = new Set([...analyze("Filiale"), ...analyze("Metzgerei")]);
  const sentences = [[...analyze("Filiale"), ...analyze("Metzgerei")]];
  const sentencesWith = (asked: readonly string[]) => new Set(sentences.flatMap((has, k) => (asked.some((stem) => has.includes(stem)) ? [k] : [])));
  const t: UnderstandTools = { analyze, lexicon: listed, inCorpus: (s) => stems.has(s), inCorpusExactly: (s) => stems.has(s), sentencesWith };
  const previous: Turn = { question: "Which butcher is closing?", answer: "Die Metzgerei schließt." };
  const branches = (question: string, history: readonly Turn[]) =>
    understand(question, history, false, t, 1000).terms.find((x) => x.word === "branches")?.alternatives.map((a) => a.stem) ?? [];

  it("takes the sense the sources use beside the last question's words", () => {
    expect(branches("How many branches does it have?", [previous])).toEqual(expect.arrayContaining(analyze("Filiale")));
  });

  it("does not take it alone, nor in a self-contained question after the same turn", () => {
    expect(branches("How many branches does it have?", [])).not.toEqual(expect.arrayContaining(analyze("Filiale")));
    expect(branches("How many branches does Kowalski Bau have?", [previous])).not.toEqual(expect.arrayContaining(analyze("Filiale")));
  });
});

describe("understand, a question after an opening that names more than it asks about", () => {
  // Two towns the sources name; the dictionary knows neither.
  const nouns: Lexicon = {
    ...lexicon,
    isGermanNoun: (w) => /^gebühr$/i.test(w) || lexicon.isGermanNoun(w),
    isGermanWord: (w) => /^gebühr$/i.test(w) || lexicon.isGermanWord(w),
    englishLemmas: (w) => (/^(altdorf|neustadt)$/i.test(w) ? [] : lexicon.englishLemmas(w)),
  };
  const towns = { ...tools, lexicon: nouns, inCorpus: (stem: string) => ["altdorf", "neustadt", "gebuhr"].includes(stem) || corpus.has(stem) };
  const names = (q: string) => understand(q, [], false, towns, 1000).terms.filter((t) => t.name === true).map((t) => t.word);

  it("asks about the name its last clause repeats, not the others of its opening", () => {
    expect(names("Altdorf und Neustadt erhöhen beide die Gebühr. Wie hoch ist sie in Neustadt?")).toEqual(["Neustadt"]);
    expect(names("Comparing Altdorf and Neustadt: what does Neustadt charge?")).toEqual(["Neustadt"]);
    expect(names("Both Altdorf and Neustadt raise the fee – how much in Altdorf?")).toEqual(["Altdorf"]);
    // An English question's first word is a name when no English dictionary knows it and the sources use it.
    expect(names("Altdorf and Neustadt both raise the fee – how much in Altdorf?")).toEqual(["Altdorf"]);
    expect(names("Children in Altdorf pay how much?")).toEqual(["Altdorf"]);
    // A phrase opened by a preposition and set before the question word by a comma is such an opening too;
    // a clause the question word opens after a comma says more of what is asked.
    expect(names("In the fee rises in Altdorf and Neustadt, what does Neustadt charge?")).toEqual(["Neustadt"]);
    expect(names("Bei den Gebühren in Altdorf und Neustadt, wie hoch ist sie in Altdorf?")).toEqual(["Altdorf"]);
    expect(names("Wie hoch ist die Gebühr in Altdorf, wo auch Neustadt sie erhöht?")).toEqual(["Altdorf", "Neustadt"]);
    // A last clause that names none asks about what the opening named; one clause asks about all it names.
    expect(names("In Altdorf steigt die Gebühr. Wie hoch ist sie jetzt?")).toEqual(["Altdorf"]);
    expect(names("Wie hoch ist die Gebühr in Altdorf und Neustadt?")).toEqual(["Altdorf", "Neustadt"]);
  });

  it("does not ask about a name the question says it does not mean", () => {
    expect(names("Wie hoch ist die Gebühr in Altdorf – nicht in Neustadt?")).toEqual(["Altdorf"]);
    expect(names("How much is the fee in Altdorf? I don't mean Neustadt.")).toEqual(["Altdorf"]);
    expect(names("Wie hoch ist die Gebühr in Altdorf, nicht Neustadt?")).toEqual(["Altdorf"]);
    // A question that negates every name it says is about them still.
    expect(names("Warum erhöht nicht Altdorf die Gebühr?")).toEqual(["Altdorf"]);
  });

  it("does not ask about a name the question sets against the one it asks about", () => {
    expect(names("Unlike in Neustadt, how much is the fee in Altdorf?")).toEqual(["Altdorf"]);
    expect(names("How much is the fee in Altdorf, as opposed to the parking charges in Neustadt?")).toEqual(["Altdorf"]);
    expect(names("Wie hoch ist die Gebühr in Altdorf – anders als die Abgabe in Neustadt?")).toEqual(["Altdorf"]);
    expect(names("Im Gegensatz zu Neustadt: Wie hoch ist die Gebühr in Altdorf?")).toEqual(["Altdorf"]);
  });
});

describe("truecased", () => {
  const cased: Lexicon = {
    ...lexicon,
    germanLemmas: (word) =>
      (
        {
          brücke: [{ lemma: "Brücke", pos: "noun" }],
          bäume: [
            { lemma: "Baum", pos: "noun" },
            { lemma: "bäumen", pos: "verb" },
          ],
          neue: [
            { lemma: "neu", pos: "adj" },
            { lemma: "Neue", pos: "noun" },
          ],
          teuer: [{ lemma: "teuer", pos: "adj" }],
          beantragen: [
            { lemma: "Beantragen", pos: "noun" },
            { lemma: "beantragen", pos: "verb" },
          ],
        } as Record<string, Lemma[]>
      )[word.toLowerCase()] ?? [],
    isGermanWord: (word) =>
      ["brücke", "bäume", "neue", "teuer", "wird", "müssen", "fallen", "sales", "drop", "kann", "sehen", "gesagt", "geht", "bekommt", "jeder", "mehreren", "reise", "gemalt", "viele"].includes(word.toLowerCase()),
    englishLemmas: (word) => (["sales", "drop", "much", "did", "cold", "does", "get", "painted", "who"].includes(word.toLowerCase()) ? [word] : []),
  };
  const withCorpus = { ...tools, lexicon: cased, inCorpus: (stem: string) => ["bruck", "brenning", "hallmann", "baum"].includes(stem) };

  it("writes a lower-case question's German nouns and the sources' names with capitals, as understanding reads them", () => {
    expect(truecased("wie teuer wird die neue brücke in brenningen?", "de", withCorpus)).toBe("wie teuer wird die neue Brücke in Brenningen?");
    expect(truecased("wie viele bäume müssen fallen?", "de", withCorpus)).toBe("wie viele Bäume müssen fallen?");
    expect(truecased("how much did hallmann's sales drop?", "en", withCorpus)).toBe("how much did Hallmann's sales drop?");
    // The last word, when it can be a verb, is the question's verb, not a noun after "das".
    expect(truecased("wo kann man das beantragen?", "de", withCorpus)).toBe("wo kann man das beantragen?");
    expect(truecased("wo kann man das beantragen und die brücke sehen?", "de", withCorpus)).toBe("wo kann man das Beantragen und die Brücke sehen?");
    // Whoever capitalises a word after the first has cased the question already.
    expect(truecased("Wird die neue brücke in Brenningen teuer?", "de", withCorpus)).toBe("Wird die neue brücke in Brenningen teuer?");
    // A form of a pronoun the dictionaries do not list is no name, though the sources use it.
    const pronouns = { ...withCorpus, inCorpus: (stem: string) => ["beid", "jed", "mehr"].includes(stem) };
    expect(truecased("wer hat gesagt, dass es den beiden gut geht?", "de", pronouns)).toBe("wer hat gesagt, dass es den beiden gut geht?");
    expect(truecased("wie viel bekommt jeder von mehreren?", "de", pronouns)).toBe("wie viel bekommt jeder von mehreren?");
  });

  it("leaves an adjective made a noun in lower case before the noun it describes", () => {
    const nouns: Record<string, Lemma[]> = {
      standesamtliche: [{ lemma: "Standesamtliche", pos: "noun" }],
      trauungen: [{ lemma: "Trauung", pos: "noun" }],
      flaschen: [{ lemma: "Flasche", pos: "noun" }],
      wein: [{ lemma: "Wein", pos: "noun" }],
    };
    const lexicon: Lexicon = { ...cased, germanLemmas: (word) => nouns[word.toLowerCase()] ?? cased.germanLemmas(word) };
    const withNouns = { ...withCorpus, lexicon };
    // The dictionary lacks the adjective "standesamtlich" and lists the noun made of it only.
    expect(truecased("wie viele standesamtliche trauungen gab es?", "de", withNouns)).toBe("wie viele standesamtliche Trauungen gab es?");
    // A noun ending in "-e" is no adjective for that ("Flaschen Wein").
    expect(truecased("wie viele flaschen wein gab es?", "de", withNouns)).toBe("wie viele Flaschen Wein gab es?");
    // Alone, it is the noun.
    expect(truecased("wie viele standesamtliche gab es?", "de", withNouns)).toBe("wie viele Standesamtliche gab es?");
  });

  it("writes a word no dictionary knows, which the sources do not use either, as the name it is", () => {
    // The sources never mention the painting: a name, so the question is declined, not answered from loose words.
    expect(truecased("wer hat die mona lisa gemalt?", "de", withCorpus)).toBe("wer hat die Mona Lisa gemalt?");
    expect(truecased("who painted the mona lisa?", "en", withCorpus)).toBe("who painted the Mona Lisa?");
    // Not a form of a word the dictionary lists ("jemandem" of "jemand"), a compound of its words, or a join of known words.
    const words: Lexicon = { ...cased, isGermanWord: (word) => ["jemand", "stimmen", "verhältnis", "gesucht", "hat"].includes(word.toLowerCase()) || cased.isGermanWord(word), englishLemmas: (word) => (["laid", "off", "workers", "help"].includes(word.toLowerCase()) ? [word] : cased.englishLemmas(word)) };
    const known = { ...withCorpus, lexicon: words };
    expect(truecased("wer hat nach jemandem gesucht?", "de", known)).toBe("wer hat nach jemandem gesucht?");
    expect(truecased("wie war das stimmenverhältnis?", "de", known)).toBe("wie war das stimmenverhältnis?");
    expect(truecased("who will help the laid-off workers?", "en", known)).toBe("who will help the laid-off workers?");
    // A short one is more likely a slip of the keys than a name.
    expect(truecased("wer hat die xyz gemalt?", "de", known)).toBe("wer hat die xyz gemalt?");
  });

  it("writes a place with its capital however it is typed, whether the sources name it or not", () => {
    const places: Lexicon = { ...cased, place: (word) => (/^(norway|peru)$/i.test(word) ? { code: "XX", de: word, en: word } : undefined) };
    const withPlaces = { ...withCorpus, lexicon: places };
    expect(truecased("how cold does it get in norway?", "en", withPlaces)).toBe("how cold does it get in Norway?");
    expect(truecased("wie teuer ist die reise nach peru?", "de", withPlaces)).toBe("wie teuer ist die reise nach Peru?");
    // So is a town the dictionary names, in a German question ("bochum", a known word without forms); an English
    // question's words are not looked up there (Ding names a place "Pool").
    const towns: Lexicon = {
      ...cased,
      isGermanWord: (word) => /^(bochum|pool)$/i.test(word) || cased.isGermanWord(word),
      isGeographicName: (word) => /^(bochum|pool)$/i.test(word),
      isEnglishGeographicName: (word) => /^venice$/i.test(word),
      // WordNet knows "venice": no unknown word, so only the names tell it for one.
      englishLemmas: (word) => (/^venice$/i.test(word) ? [word] : cased.englishLemmas(word)),
    };
    const withTowns = { ...withCorpus, lexicon: towns };
    expect(truecased("wie teuer ist die reise nach bochum?", "de", withTowns)).toBe("wie teuer ist die reise nach Bochum?");
    expect(truecased("how cold does it get in the pool?", "en", withTowns)).toBe("how cold does it get in the pool?");
    // An English question's by the English names ("venice", which no German dictionary lists).
    expect(truecased("how cold does it get in venice?", "en", withTowns)).toBe("how cold does it get in Venice?");
  });

  it("writes a word the dictionary lists without forms and the thesaurus files under a kind as the name it is", () => {
    const filed: Lexicon = {
      ...cased,
      isGermanWord: (word) => ["köln", "konzern", "bereits", "return", "täglich"].includes(word.toLowerCase()) || cased.isGermanWord(word),
      germanBroader: (word) =>
        /^köln$/i.test(word) ? [{ word: "Stadt", rank: 0 }] : /^return$/i.test(word) ? [{ word: "Konzern", rank: 0 }] : /^täglich$/i.test(word) ? [{ word: "Zeitspanne", rank: 0 }] : [],
      isCommonEnglish: (word) => /^return$/i.test(word),
      englishLemmas: (word) => (/^(return|berlin)$/i.test(word) ? [word] : cased.englishLemmas(word)),
    };
    const withFiled = { ...withCorpus, lexicon: filed };
    expect(truecased("wie teuer wird die brücke in köln?", "de", withFiled)).toBe("wie teuer wird die Brücke in Köln?");
    // A word with forms is a common noun, however filed; one filed under nothing is no name.
    expect(truecased("wie teuer wird die brücke bereits?", "de", withFiled)).toBe("wie teuer wird die Brücke bereits?");
    expect(truecased("wie teuer wird die brücke täglich?", "de", withFiled)).toBe("wie teuer wird die Brücke täglich?");
    // An English question's English word is no German name ("return", a key in German).
    expect(truecased("does the drop return?", "en", withFiled)).toBe("does the drop return?");
    // A town WordNet lists too is still a name in one ("berlin" is a kind of limousine there).
    expect(truecased("does the drop get to berlin?", "en", { ...withFiled, lexicon: { ...filed, isGermanWord: (w) => /^berlin$/i.test(w) || filed.isGermanWord(w), germanBroader: (w) => (/^berlin$/i.test(w) ? [{ word: "Stadt", rank: 0 }] : filed.germanBroader(w)) } })).toBe(
      "does the drop get to Berlin?",
    );
  });

  it("reads a lower-case question's names as names and its nouns as nouns", () => {
    const cased = understand("wie teuer wird die brücke in brenningen?", [], false, withCorpus, 1000);
    expect(cased.terms.find((t) => t.word === "Brenningen")?.name).toBe(true);
    expect(cased.terms.find((t) => t.word === "Brücke")?.noun).toBe(true);
  });
});

describe("withUmlauts", () => {
  const spelled: Lexicon = {
    ...lexicon,
    isGermanWord: (word) => ["blumentöpfe", "fielen", "um", "teuer", "neue", "feuer", "poet", "aus", "straßen", "fußball", "verbot", "wasser", "muss"].includes(word.toLowerCase()),
  };
  const sources = new Set(analyze("Münster Israel Künstlerin"));
  const typed = { ...tools, lexicon: spelled, inCorpus: (stem: string) => sources.has(stem) };

  it("reads ae, oe, ue as the umlauts they stand for where only the umlaut spelling is a word or a name of the sources", () => {
    expect(withUmlauts("Wie viele Blumentoepfe fielen in Muenster um?", "de", typed)).toBe("Wie viele Blumentöpfe fielen in Münster um?");
    expect(withUmlauts("Was sagt die Kuenstlerin aus Muenster?", "de", typed)).toBe("Was sagt die Künstlerin aus Münster?");
    expect(withUmlauts("When will the museum in Muenster reopen?", "en", typed)).toBe("When will the museum in Münster reopen?");
    expect(withUmlauts("Welche Strassen sind gesperrt, und wie lange gilt das Fussballverbot?", "de", typed)).toBe(
      "Welche Straßen sind gesperrt, und wie lange gilt das Fußballverbot?",
    );
  });

  it("puts back umlauts left out where the dictionary knows the word only with them, a capitalised one only as a noun or a name", () => {
    const dotted: Lexicon = {
      ...lexicon,
      isGermanWord: (word) => ["für", "brücke", "kühn", "sperrt", "lübeck"].includes(word.toLowerCase()),
      isGermanNoun: (word) => ["brücke"].includes(word.toLowerCase()),
      germanLemmas: (word) => (word.toLowerCase() === "kühn" ? [{ lemma: "kühn", pos: "adj" }] : []),
    };
    const plain = { ...typed, lexicon: dotted };
    expect(withUmlauts("Wie lange sperrt die Stadt die Brucke fur Autos?", "de", plain)).toBe("Wie lange sperrt die Stadt die Brücke für Autos?");
    // "Kühn" is an adjective, no noun: "Kuhn" is a name.
    expect(withUmlauts("Was sagt Herr Kuhn?", "de", plain)).toBe("Was sagt Herr Kuhn?");
    // "Lübeck" is listed with no reading at all: a name.
    expect(withUmlauts("Wie weit ist es nach Lubeck?", "de", plain)).toBe("Wie weit ist es nach Lübeck?");
  });

  it("puts the dots back on a listed noun though the word as typed is two words by chance", () => {
    const dotted: Lexicon = {
      ...lexicon,
      isGermanWord: (word) => ["birne", "baume", "birnbäume"].includes(word.toLowerCase()),
      isGermanNoun: (word) => ["birnbäume"].includes(word.toLowerCase()),
    };
    // "Birnbaume" cuts into "Birn(e)" + "Baume", but the dictionary lists "Birnbäume" whole.
    expect(withUmlauts("Wie viele Birnbaume blühen?", "de", { ...typed, lexicon: dotted })).toBe("Wie viele Birnbäume blühen?");
  });

  it("puts back the dots of a compound whose parts the dictionary knows and the sources use, and not a name's", () => {
    const dotted: Lexicon = {
      ...lexicon,
      isGermanWord: (word) => ["hof", "käse", "laden", "hölle", "stein", "zelt", "gebühren"].includes(word.toLowerCase()),
      isGermanNoun: (word) => ["hof", "käse", "laden", "hölle", "stein", "zelt", "gebühren"].includes(word.toLowerCase()),
    };
    // The sources speak of "Hofkäse" and "Zeltgebühren", and of a Mr "Hollstein", no "Hölle".
    const corpus = new Set(analyze("Hof Käse Zelt Gebühren Hollstein"));
    const plain = { ...typed, lexicon: dotted, inCorpus: (stem: string) => corpus.has(stem) };
    expect(withUmlauts("Was kostet der Hofkase?", "de", plain)).toBe("Was kostet der Hofkäse?");
    // "Hofladen" is a word as typed ("Hof" + "Laden"): left so.
    expect(withUmlauts("Wo ist der Hofladen?", "de", plain)).toBe("Wo ist der Hofladen?");
    expect(withUmlauts("Wie hoch sind die Zeltgebuhren?", "de", plain)).toBe("Wie hoch sind die Zeltgebühren?");
    expect(withUmlauts("Was sagt Hollstein?", "de", plain)).toBe("Was sagt Hollstein?");
  });

  it("leaves words that are spelt so, a vowel before ue, and spellings no source or dictionary knows either way", () => {
    expect(withUmlauts("Wie teuer ist das neue Feuer?", "de", typed)).toBe("Wie teuer ist das neue Feuer?");
    expect(withUmlauts("Was sagt der Poet über Israel?", "de", typed)).toBe("Was sagt der Poet über Israel?");
    expect(withUmlauts("Is the blue line due on Tuesday?", "en", typed)).toBe("Is the blue line due on Tuesday?");
    expect(withUmlauts("Wer ist Herr Mueller?", "de", typed)).toBe("Wer ist Herr Mueller?");
    expect(withUmlauts("Wie viel Wasser muss fließen?", "de", typed)).toBe("Wie viel Wasser muss fließen?");
  });

  it("reads the question with the umlauts restored", () => {
    const read = understand("Wie viele Blumentoepfe fielen in Muenster um?", [], false, typed, 1000);
    expect(read.terms.map((t) => t.word)).toEqual(expect.arrayContaining(["Blumentöpfe", "Münster"]));
  });
});

describe("withoutTypos", () => {
  const words = ["blumentöpfe", "gab", "es", "wie", "viele", "wer", "ist", "das", "liefer", "verzögerung", "beginnt", "wann", "die"];
  const dictionary: Lexicon = {
    ...lexicon,
    isGermanWord: (word) => words.includes(word.toLowerCase()),
    englishLemmas: (word) => (["how", "many", "tourists", "were", "there"].includes(word.toLowerCase()) ? [word.toLowerCase()] : []),
    place: (word) => (/^norway$/i.test(word) ? { code: "NO", de: "Norwegen", en: "Norway" } : undefined),
  };
  const sources = new Set(analyze("Oberammergau Zeltlager Lahn"));
  const typed = { ...tools, lexicon: dictionary, inCorpus: (stem: string) => sources.has(stem) };

  it("reads a word neither the dictionary nor the sources know as the word one typing error away that they know", () => {
    // Two letters swapped, one left out, one doubled, one mistyped.
    expect(withoutTypos("Wie viele Blumentöfpe gab es?", "de", typed)).toBe("Wie viele Blumentöpfe gab es?");
    expect(withoutTypos("Wer ist das in Oberamergau?", "de", typed)).toBe("Wer ist das in Oberammergau?");
    expect(withoutTypos("Wie viele Zeltlaager?", "de", typed)).toBe("Wie viele Zeltlager?");
    expect(withoutTypos("Wie viele Zeltlagwr?", "de", typed)).toBe("Wie viele Zeltlager?");
    expect(withoutTypos("How many toursits were there?", "en", typed)).toBe("How many tourists were there?");
    // A compound the dictionary knows by its parts.
    expect(withoutTypos("Wann beginnt die Lieferverzgöerung?", "de", typed)).toBe("Wann beginnt die Lieferverzögerung?");
  });

  it("reads an English word as the common word one error away rather than a rare one, even an edit likelier by itself", () => {
    const known = ["how", "many", "were", "there", "brokers", "borers"];
    const english = { ...typed, lexicon: { ...dictionary, englishLemmas: (w: string) => (known.includes(w.toLowerCase()) ? [w.toLowerCase()] : []), isCommonEnglish: (w: string) => w.toLowerCase() === "brokers" } };
    // "borers" is the letters swapped, "brokers" a letter put back; the common word is meant.
    expect(withoutTypos("How many broers were there?", "en", english)).toBe("How many brokers were there?");
    // Between two common words the likelier edit still decides.
    const both = { ...english, lexicon: { ...english.lexicon, isCommonEnglish: () => true } };
    expect(withoutTypos("How many broers were there?", "en", both)).toBe("How many borers were there?");
  });

  it("leaves known words, compounds of known words, places, short words and names with capitals inside as they are", () => {
    expect(withoutTypos("Wie viele Blumentöpfe gab es?", "de", typed)).toBe("Wie viele Blumentöpfe gab es?");
    expect(withoutTypos("Wer ist das an der Lahnbrücke?", "de", { ...typed, lexicon: { ...dictionary, isGermanWord: (w) => [...words, "brücke"].includes(w.toLowerCase()) } })).toBe(
      "Wer ist das an der Lahnbrücke?",
    );
    expect(withoutTypos("How many tourists in Norway?", "en", typed)).toBe("How many tourists in Norway?");
    expect(withoutTypos("Wer ist Olga?", "de", typed)).toBe("Wer ist Olga?");
    expect(withoutTypos("How many iPhones were there?", "en", typed)).toBe("How many iPhones were there?");
    // Nothing known a single error away: a name of its own, kept for the gate to find missing.
    expect(withoutTypos("Wer ist Qwertzuiop?", "de", typed)).toBe("Wer ist Qwertzuiop?");
  });

  it("reads a compound the dictionary knows only by its parts as the sources' word with the letter it left out or had too many", () => {
    const parts = (sourceWords: string) => {
      const used = new Set(analyze(sourceWords));
      return { ...typed, lexicon: { ...dictionary, isGermanWord: (w: string) => [...words, "regen", "feld", "wander", "saison"].includes(w.toLowerCase()) }, inCorpus: (stem: string) => used.has(stem) };
    };
    // "Wanders" (with its linking "s") + "Saison" are words too; the sources write "Wandersaison".
    expect(withoutTypos("Wann beginnt die Wanderssaison?", "de", parts("Wandersaison"))).toBe("Wann beginnt die Wandersaison?");
    // "Regen" + "feld" are words, so the word passed for known; the sources name "Regensfeld".
    expect(withoutTypos("Wie viele Regenfeld?", "de", parts("Regensfeld"))).toBe("Wie viele Regensfeld?");
    // Two such words of the sources: which one was meant is not told.
    expect(withoutTypos("Wie viele Regenfeld?", "de", parts("Regensfeld Regenefeld"))).toBe("Wie viele Regenfeld?");
    // A word the sources use as it is typed stays.
    expect(withoutTypos("Wie viele Regenfeld?", "de", parts("Regenfeld Regensfeld"))).toBe("Wie viele Regenfeld?");
  });

  it("puts back a letter left out of a compound of known words when only one letter makes one", () => {
    const mock = { ...tools, lexicon: { ...dictionary, isGermanWord: (w: string) => [...words, "zelt", "lager", "laser", "eisen", "stange"].includes(w.toLowerCase()) }, inCorpus: () => false };
    // Left out of the head, and of the modifier.
    expect(withoutTypos("Wann beginnt die Liefervrzögerung?", "de", mock)).toBe("Wann beginnt die Lieferverzögerung?");
    expect(withoutTypos("Wie lang ist die Eisnstange?", "de", mock)).toBe("Wie lang ist die Eisenstange?");
    // "Zeltlaer": a "g" or an "s" put back makes a compound ("Zeltlager", "Zeltlaser"), so which one is not told.
    expect(withoutTypos("Wie viele Zeltlaer?", "de", mock)).toBe("Wie viele Zeltlaer?");
  });

  it("makes a letter typed twice single when the dictionary lists the word so, though the double reads as a linking letter", () => {
    const mock = { ...tools, lexicon: { ...dictionary, isGermanWord: (w: string) => [...words, "garten", "zaun", "gartenzaun"].includes(w.toLowerCase()) }, inCorpus: () => false };
    expect(withoutTypos("Wie hoch ist der Gartennzaun?", "de", mock)).toBe("Wie hoch ist der Gartenzaun?");
    // A compound with a double of its own that the dictionary does not list single stays.
    expect(withoutTypos("Wie hoch ist der Gartenzaunn?", "de", { ...mock, lexicon: { ...mock.lexicon, isGermanWord: (w: string) => [...words, "garten", "zaun", "zaunn"].includes(w.toLowerCase()) } })).toBe(
      "Wie hoch ist der Gartenzaunn?",
    );
  });

  it("puts back a letter left out of a listed word that reads as two words by chance, when only one letter makes a listed word", () => {
    const listedWords = [...words, "sand", "kaste", "sandkasten", "kasten"];
    const mock = { ...tools, lexicon: { ...dictionary, isGermanWord: (w: string) => listedWords.includes(w.toLowerCase()) }, inCorpus: () => false };
    expect(withoutTypos("Wie groß ist der Sandkaste?", "de", mock)).toBe("Wie groß ist der Sandkasten?");
    // Two letters put back make listed words ("Sandkasten", "Sandkastel"): which one is not told.
    const two = { ...mock, lexicon: { ...mock.lexicon, isGermanWord: (w: string) => [...listedWords, "sandkastel"].includes(w.toLowerCase()) } };
    expect(withoutTypos("Wie groß ist der Sandkaste?", "de", two)).toBe("Wie groß ist der Sandkaste?");
  });

  it("puts a letter back before it takes one out, the likelier typing error", () => {
    // Taking out the "n" leaves "Blum(e)" + "Beet", a compound of chance parts.
    const mock = { ...tools, lexicon: { ...dictionary, isGermanWord: (w: string) => [...words, "blume", "blumen", "beet"].includes(w.toLowerCase()) }, inCorpus: () => false };
    expect(withoutTypos("Wie groß ist das Blumnbeet?", "de", mock)).toBe("Wie groß ist das Blumenbeet?");
  });

  it("finds the same compounds with a letter put back as cutting every such spelling does", () => {
    const known = new Set(["zelt", "lager", "laser", "eisen", "eis", "stange", "arbeit", "markt", "dorf", "fest", "schule", "garten", "haus"]);
    const knows = (w: string) => known.has(w.toLowerCase());
    const LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß";
    const slow = (word: string) => {
      const lower = word.toLowerCase();
      const out = new Set<string>();
      for (let i = 0; i <= lower.length; i++) {
        for (const c of LETTERS) {
          const w = lower.slice(0, i) + c + lower.slice(i);
          const cased = /^\p{Lu}/u.test(word) ? w.charAt(0).toUpperCase() + w.slice(1) : w;
          if (!dictionaryCuts(cased, knows).next().done) out.add(cased);
        }
      }
      return [...out].sort();
    };
    for (const word of ["Zeltlaer", "Eisnstange", "Arbeitsmart", "Arbeitmarkt", "Dorfest", "Schlgarten", "Schulgartn", "Gartenhaus", "Gartnhaus", "Xyzabcdef"]) {
      const fast = compoundsWithLetter(word, knows).sort();
      const all = slow(word);
      // At most two are reported: as many as tell one from several.
      expect(all).toEqual(expect.arrayContaining(fast));
      expect(fast.length).toBe(Math.min(all.length, 2));
    }
  });

  it("leaves a noun in -ung of a known verb and chat German's verb with 'es' joined to it as they are", () => {
    const known = (list: string[]) => ({ ...typed, lexicon: { ...dictionary, isGermanWord: (w: string) => [...words, ...list].includes(w.toLowerCase()) } });
    // "Würzungen" is listed and one letter away, but "Kürzungen" is of "kürzen".
    expect(withoutTypos("Wie viele Kürzungen gab es?", "de", known(["kürzen", "würzungen"]))).toBe("Wie viele Kürzungen gab es?");
    // "gilts" is listed and one letter away, but "gibts" is "gibt" with its "es".
    expect(withoutTypos("gibts das noch?", "de", known(["gibt", "gilts", "noch"]))).toBe("gibts das noch?");
  });

  it("reads a typo that looks like a participle of a listed word as the typo it is", () => {
    const known = { ...typed, lexicon: { ...dictionary, isGermanWord: (w: string) => [...words, "bruchen", "gebraucht", "wurde"].includes(w.toLowerCase()) } };
    expect(withoutTypos("Was wurde gebrucht?", "de", known)).toBe("Was wurde gebraucht?");
  });

  it("reads thanks and greetings without their typing errors too", () => {
    const words: Lexicon = {
      ...dictionary,
      isGermanWord: (word) => ["danke", "hallo"].includes(word.toLowerCase()),
      englishLemmas: (word) => (["thanks", "lot"].includes(word.toLowerCase()) ? [word.toLowerCase()] : []),
    };
    const greeted = (text: string) => understand(text, [], false, { ...typed, lexicon: words }, 1000).intent;
    expect(greeted("Dnake!")).toBe("thanks");
    expect(greeted("Thnaks a lot!")).toBe("thanks");
    expect(greeted("Hlalo!")).toBe("greeting");
  });

  it("reads the question without the typing error", () => {
    const read = understand("Wie viele Blumentöfpe gab es in Oberamergau?", [], false, typed, 1000);
    expect(read.terms.map((t) => t.word)).toEqual(expect.arrayContaining(["Blumentöpfe", "Oberammergau"]));
  });
});

describe("leaningOn", () => {
  const answered = { question: "Wer schließt das Werk?", answer: "…", sources: ["werk.txt"] };
  const unanswered = { question: "Wie viele Leute trifft das?", answer: "Dazu finde ich nichts.", sources: [] };

  it("is the last turn, with the articles of the last answer that quoted any when it found nothing", () => {
    expect(leaningOn([answered, unanswered])).toEqual({ ...unanswered, sources: ["werk.txt"] });
    expect(leaningOn([unanswered, answered])).toEqual(answered);
    expect(leaningOn([unanswered])).toEqual(unanswered);
    expect(leaningOn([])).toBeUndefined();
  });

  it("lends what the last answer quoted from its story past a question that found nothing, never a refusal's suggestions", () => {
    const quoted = { ...answered, story: "Der Autozulieferer Weigand schließt sein Werk, sagte Geschäftsführer Frank Mehnert." };
    const refused = { ...unanswered, answer: "Dazu finde ich nichts. Die Quellen behandeln zum Beispiel: „Die Gewerkschaft Deutscher Lokomotivführer (GDL) …“", story: "" };
    expect(leaningOn([quoted, refused])).toEqual({ ...refused, sources: ["werk.txt"], story: quoted.story });
    const words = (previous: Turn) => withPrevious(read("Was sagt er dazu?"), previous, "pronoun", tools).terms.map((t) => t.word);
    expect(words(leaningOn([quoted, refused])!)).toContain("Mehnert");
    expect(words(refused)).not.toContain("GDL");
  });
});

describe("previousTurn", () => {
  const answered = { question: "Wer schließt das Werk?", answer: "…", sources: ["werk.txt"] };
  const refusal = { answer: "Dazu finde ich nichts.", sources: [] };

  it("lends the earlier story past an unanswered question that stayed on it", () => {
    expect(previousTurn([answered, { ...refusal, question: "Wie lange dauert der Streik?" }], tools)?.sources).toEqual(["werk.txt"]);
    expect(previousTurn([answered, { ...refusal, question: "Und wo steht es?" }], tools)?.sources).toEqual(["werk.txt"]);
  });

  it("lends no story past an unanswered question that named a subject of its own", () => {
    const moved = { ...refusal, question: "Wie lange wird am Gymnasium in Ebersweiler noch gebaut?" };
    expect(previousTurn([answered, moved], tools)).toEqual(moved);
    const following = understand("Und was kostet das?", [answered, moved], false, tools, 1000);
    expect(following.followUp?.previous.sources).toEqual([]);
    expect(following.terms.map((t) => t.word)).toContain("Ebersweiler");
  });
});

describe("a German question over English sources", () => {
  const bridge = analyze("Brücke")[0]!;
  const english = { of: (stem: string) => (stem === bridge ? [{ word: "bridge", stem: analyze("bridge")[0]!, rank: 0 }] : []), uses: () => false };
  // The dictionary knows "Brücke" as a noun: a word it does not know would be a name, looked for as written.
  const knows: Lexicon = { ...lexicon, isGermanNoun: (w) => w === "Brücke", isGermanWord: (w) => w === "Brücke", germanLemmas: (w) => (w === "Brücke" ? [{ lemma: "Brücke", pos: "noun" }] : []) };
  const terms = (englishSide?: UnderstandTools["english"]) =>
    understand("Wann wurde die Brücke gesperrt?", [], false, { ...tools, lexicon: knows, english: englishSide }, 1000).terms;

  it("looks for the sources' English words that translate a word, weighted as a translation", () => {
    const word = terms(english).find((t) => t.word === "Brücke");
    expect(word?.alternatives).toContainEqual({ stem: analyze("bridge")[0], weight: EXPANSION_WEIGHT.translationFirst, via: "translation" });
    expect(word?.expansions).toContain("bridge");
  });

  it("reads the question as before when the sources have no English", () => {
    expect(terms({ of: () => [], uses: () => false })).toEqual(terms(undefined));
  });

  it("finds an English word over English sources by its other forms, and a content word by its WordNet synonyms' forms", () => {
    // English articles are analysed as German text is: "injuries" and "trees" stem apart from "injury" and "tree".
    const written = new Set(["A man with head injuries after fallen trees closed the road.".split(/\W+/).flatMap((w) => analyze(w))].flat());
    const english = { of: () => [], uses: (stem: string) => written.has(stem) };
    const wordNet: Lexicon = { ...lexicon, englishSynonyms: (w) => (w === "hurt" ? [{ word: "injury", rank: 0 }] : []), englishLemmas: (w) => (w === "trees" ? ["tree"] : [w]) };
    const alternatives = (word: string, question: string) =>
      understand(question, [], false, { ...tools, lexicon: wordNet, english }, 1000).terms.find((t) => t.word === word)?.alternatives ?? [];
    expect(alternatives("tree", "Did a tree fall on the road?")).toContainEqual({ stem: analyze("trees")[0], weight: EXPANSION_WEIGHT.lemma, via: "lemma" });
    expect(alternatives("close", "Why did they close the road?")).toContainEqual({ stem: analyze("closed")[0], weight: EXPANSION_WEIGHT.lemma, via: "lemma" });
    expect(alternatives("hurt", "How many people were hurt in the storm?")).toContainEqual({ stem: analyze("injuries")[0], weight: EXPANSION_WEIGHT.synonym, via: "synonym" });
    // Without English sources nothing is added.
    const german = understand("How many people were hurt in the storm?", [], false, { ...tools, lexicon: wordNet }, 1000).terms.find((t) => t.word === "hurt")?.alternatives ?? [];
    expect(german.map((a) => a.stem)).not.toContain(analyze("injuries")[0]);
  });

  it("keeps an English question's own word at full weight where the English articles use it", () => {
    const harbour = (uses: boolean) =>
      understand("Which harbour was closed?", [], false, { ...tools, english: { of: () => [], uses: (stem) => uses && stem === analyze("harbour")[0] } }, 1000)
        .terms.find((t) => t.word === "harbour")
        ?.alternatives.find((a) => a.stem === analyze("harbour")[0])?.weight;
    expect(harbour(false)).toBe(EXPANSION_WEIGHT.translationLeast);
    expect(harbour(true)).toBe(1);
  });
});
