import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nounStems } from "../../src/lexicon/german.js";
import { LexiconError, englishInflections, openLexicon, defaultLexiconDir } from "../../src/lexicon/index.js";

// These run on the committed data in data/lexicon/.
const lexicon = openLexicon();
const germans = (phrase: string) => lexicon.englishToGerman(phrase).map((t) => t.german);

describe("englishInflections", () => {
  it("gives an English base form's regular and irregular forms", () => {
    expect(englishInflections("flood")).toEqual(expect.arrayContaining(["flood", "floods", "flooded", "flooding"]));
    expect(englishInflections("close")).toEqual(expect.arrayContaining(["closes", "closed", "closing"]));
    expect(englishInflections("injury")).toContain("injuries");
    expect(englishInflections("church")).toContain("churches");
    expect(englishInflections("fall")).toEqual(expect.arrayContaining(["fell", "fallen"]));
    expect(englishInflections("agree")).toEqual(expect.arrayContaining(["agreed", "agreeing"]));
    expect(englishInflections("agree")).not.toContain("agreing");
    expect(englishInflections("die")).toEqual(expect.arrayContaining(["died", "dying"]));
  });
});

describe("germanLemmas", () => {
  it("finds verbs from their conjugated forms and participles", () => {
    expect(lexicon.germanLemmas("trafen")).toContainEqual({ lemma: "treffen", pos: "verb" });
    expect(lexicon.germanLemmas("unterschrieben")).toContainEqual({ lemma: "unterschreiben", pos: "verb" });
    expect(lexicon.germanLemmas("verhaftet")).toContainEqual({ lemma: "verhaften", pos: "verb" });
    expect(lexicon.germanLemmas("gestreikt")).toContainEqual({ lemma: "streiken", pos: "verb" });
  });

  it("finds nouns from their declined forms, case-insensitively", () => {
    expect(lexicon.germanLemmas("Verhaftungen")).toContainEqual({ lemma: "Verhaftung", pos: "noun" });
    expect(lexicon.germanLemmas("verhaftungen")).toContainEqual({ lemma: "Verhaftung", pos: "noun" });
    expect(lexicon.germanLemmas("Streiks")).toContainEqual({ lemma: "Streik", pos: "noun" });
  });

  it("keeps both readings of an ambiguous form", () => {
    const lemmas = lexicon.germanLemmas("Regen");
    expect(lemmas).toContainEqual({ lemma: "Regen", pos: "noun" });
    expect(lemmas).toContainEqual({ lemma: "regen", pos: "verb" });
  });

  it("strips adjective endings from forms the tables do not list", () => {
    expect(lexicon.germanLemmas("föderalistischen")).toContainEqual({ lemma: "föderalistisch", pos: "adj" });
  });

  it("reads a capitalised noun's genitive the tables do not list as that noun, not as a verb form its stem also is", () => {
    // The noun table has "Diensts", not "Dienstes"; "dienst" is also "du dienst" of "dienen".
    expect(lexicon.germanLemmas("Dienstes")).toEqual([{ lemma: "Dienst", pos: "noun" }]);
    expect(lexicon.germanLemmas("Geheimdienstes")).toEqual([{ lemma: "Geheimdienst", pos: "noun" }]);
    // A participle's stem still finds its verb ("verhafteten" → verhaftet).
    expect(lexicon.germanLemmas("verhafteten")).toContainEqual({ lemma: "verhaften", pos: "verb" });
  });

  it("reads a loanword's -s plural as the singular the thesaurus lists, and finds its synonyms", () => {
    expect(lexicon.germanLemmas("Shops")).toEqual([{ lemma: "Shop", pos: "noun" }]);
    expect(lexicon.isGermanNoun("Shops")).toBe(true);
    expect(lexicon.germanSynonyms("Shops").map((s) => s.word)).toContain("Geschäft");
    // Only a capitalised noun: a lower-case adverb in -s is no plural.
    expect(lexicon.germanLemmas("shops")).toEqual([]);
  });

  it("reads a verb with a spoken particle (raus, rein, rüber, runter) as its full form and as the short one", () => {
    // The tables list "herauswerfen" and its forms; the thesaurus knows the spoken "rauswerfen".
    expect(lexicon.germanLemmas("rauszuwerfen")).toEqual([
      { lemma: "rauswerfen", pos: "verb" },
      { lemma: "herauswerfen", pos: "verb" },
    ]);
    expect(lexicon.germanLemmas("rausgerückt")).toContainEqual({ lemma: "herausrücken", pos: "verb" });
    expect(lexicon.germanSynonyms("rauszuwerfen").map((s) => s.word)).toContain("entlassen");
    // Only a verb the full form makes: a word that merely begins so is not cut ("Rainer", "rein" alone).
    expect(lexicon.germanLemmas("Raumfahrt")).not.toContainEqual(expect.objectContaining({ pos: "verb" }));
    expect(lexicon.germanLemmas("rein").some((l) => l.lemma.startsWith("her"))).toBe(false);
  });

  it("gives [] for unknown words and empty input", () => {
    expect(lexicon.germanLemmas("Xqzvbrt")).toEqual([]);
    expect(lexicon.germanLemmas("")).toEqual([]);
  });

  it("tells nouns and known words apart from names", () => {
    expect(lexicon.isGermanNoun("Verhaftungen")).toBe(true);
    expect(lexicon.isGermanNoun("trafen")).toBe(false);
    expect(lexicon.isGermanNoun("Tokajew")).toBe(false);
    expect(lexicon.isGermanWord("und")).toBe(true);
    expect(lexicon.isGermanWord("Tokajew")).toBe(false);
  });
});

describe("nounStems", () => {
  it("undoes an umlaut plural, with or without an ending, in the stem's last syllable only", () => {
    expect(nounStems("Hähne")).toContain("hahn");
    expect(nounStems("Wälder")).toContain("wald");
    expect(nounStems("Mütter")).toContain("mutter");
    expect(nounStems("Häusern")).toContain("haus");
    // The umlaut of "Bürger" is no plural's: nothing is made of it.
    expect(nounStems("Bürgermeister")).not.toContain("burgermeister");
  });
});

describe("englishSynonyms", () => {
  it("gives WordNet synonyms of a word or its base form, common senses first", () => {
    const words = (word: string) => lexicon.englishSynonyms(word).map((s) => s.word);
    expect(words("environmentalists")).toContain("conservationist");
    expect(words("factory").slice(0, 3)).toEqual(["mill", "manufacturing plant", "manufactory"]);
    expect(words("factory")).not.toContain("factory");
    expect(words("xqzt")).toEqual([]);
  });
});

describe("germanSynonyms", () => {
  const words = (word: string) => lexicon.germanSynonyms(word).map((s) => s.word);

  it("lists OpenThesaurus synonyms without the word itself", () => {
    expect(words("Arbeitsniederlegung")).toContain("Streik");
    expect(words("Arbeitsniederlegung")).not.toContain("Arbeitsniederlegung");
    expect(words("Niederschlag")).toContain("Regen");
  });

  it("leaves out hypernyms that the thesaurus lists beside synonyms", () => {
    expect(words("Streik")).not.toContain("Maßnahme");
  });

  it("accepts inflected forms and ranks from 0 without duplicates", () => {
    const synonyms = lexicon.germanSynonyms("Streiks");
    expect(synonyms.map((s) => s.word)).toContain("Ausstand");
    expect(synonyms.map((s) => s.rank)).toEqual(synonyms.map((_, i) => i));
    expect(new Set(synonyms.map((s) => s.word.toLowerCase())).size).toBe(synonyms.length);
  });

  it("finds a multi-word expression by any form of its words", () => {
    const phrase = (text: string) => lexicon.germanPhraseSynonyms(text.split(" ")).map((s) => s.word);
    // The thesaurus files "hinter Gittern" and "hinter Gitter bringen"; a question says "hinter Gitter".
    expect(phrase("hinter Gitter")).toContain("in Haft");
    expect(phrase("ums Leben gekommen")).toContain("umkommen");
    expect(phrase("ums Leben gekommen")).not.toContain("ums Leben kommen");
    expect(phrase("mitgehen lassen")).toContain("stehlen");
    // An idiom of four words, as chat says it ("Wann soll der Verkauf über die Bühne gehen?").
    expect(phrase("über die Bühne gehen")).toContain("stattfinden");
    expect(phrase("unter die Arme greifen")).toContain("unterstützen");
    expect(phrase("Gitter")).toEqual([]);
  });

  it("takes synonyms only of the readings it is given", () => {
    // "Herbst" is also read as the superlative of "herb", whose synonyms are no autumn's.
    expect(words("Herbst")).toContain("bitter");
    expect(lexicon.germanSynonyms("Herbst", [{ lemma: "Herbst", pos: "noun" }]).map((s) => s.word)).not.toContain("bitter");
  });

  it("takes a noun's synsets, not those of an adjective filed under the same lower-case key", () => {
    // OpenThesaurus files "Plan" (a scheme) and "plan" (flat) both under "plan".
    expect(words("Pläne")).toContain("Vorhaben");
    expect(words("Pläne")).not.toContain("flach");
    // A verb's reading keeps its own: "kaufen" is no noun.
    expect(words("kaufen")).toContain("erwerben");
  });

  it("finds an adjective or participle used as a noun under the strong form the thesaurus lists it by", () => {
    // OpenThesaurus files "Jugendlicher", "Reisender"; text says "die Jugendlichen", "Reisende".
    expect(words("Jugendlichen")).toContain("Teenager");
    expect(words("Reisende")).toContain("Passagier");
    // A noun in "-e" whose stem is no adjective or participle keeps its own synsets ("Lage" is no "Lager").
    expect(words("Lage")).not.toContain("Stützpunkt");
    expect(lexicon.germanSynonyms("Jugendlichen", [{ lemma: "jugendlich", pos: "adj" }]).map((s) => s.word)).not.toContain("Teenager");
  });

  it("gives [] for unknown words", () => {
    expect(lexicon.germanSynonyms("Xqzvbrt")).toEqual([]);
  });
});

describe("germanBroader", () => {
  const words = (word: string) => lexicon.germanBroader(word).map((s) => s.word);

  it("lists the hypernyms OpenThesaurus gives a word's first senses, for any form of it", () => {
    expect(words("Auto")).toContain("Fahrzeug");
    expect(words("Autos")).toContain("Fahrzeug");
    expect(words("Bewohner")).toContain("Mensch");
    // Synonyms are not hypernyms.
    expect(words("Auto")).not.toContain("Automobil");
    expect(words("Fahrzeug")).not.toContain("Auto");
  });

  it("ranks from 0 without duplicates and gives [] for unknown words", () => {
    const broader = lexicon.germanBroader("Kunden");
    expect(broader.map((s) => s.rank)).toEqual(broader.map((_, i) => i));
    expect(new Set(broader.map((s) => s.word.toLowerCase())).size).toBe(broader.length);
    expect(lexicon.germanBroader("Xqzvbrt")).toEqual([]);
  });
});

describe("germanNarrower", () => {
  const words = (word: string) => lexicon.germanNarrower(word).map((s) => s.word);

  it("lists the words whose first senses OpenThesaurus files under a word as their hypernym, for any form of it", () => {
    expect(words("Getränke")).toContain("apfelschorle");
    expect(words("Baum")).toContain("laubbaum");
    expect(words("Laubbaum")).toContain("buche");
    // Hypernyms are not kinds, nor are synonyms.
    expect(words("Auto")).not.toContain("fahrzeug");
    expect(words("Fahrzeug")).not.toContain("fahrzeug");
  });

  it("ranks from 0 without duplicates and gives [] for unknown words", () => {
    const kinds = lexicon.germanNarrower("Getränk");
    expect(kinds.map((s) => s.rank)).toEqual(kinds.map((_, i) => i));
    expect(new Set(kinds.map((s) => s.word)).size).toBe(kinds.length);
    expect(lexicon.germanNarrower("Xqzvbrt")).toEqual([]);
  });
});

describe("germanPivots", () => {
  const words = (word: string) => lexicon.germanPivots(word).map((s) => s.word);

  it("lists German words that share the word's first English senses, without the word itself", () => {
    expect(words("Stausee")).toContain("Talsperre");
    expect(words("Notquartier")).toContain("Notunterkunft");
    expect(words("Stausee")).not.toContain("Stausee");
  });

  it("accepts inflected forms and ranks from 0 without duplicates", () => {
    const pivots = lexicon.germanPivots("Notquartiere");
    expect(pivots.map((s) => s.word)).toContain("Notunterkunft");
    expect(pivots.map((s) => s.rank)).toEqual(pivots.map((_, i) => i));
    expect(new Set(pivots.map((s) => s.word.toLowerCase())).size).toBe(pivots.length);
  });

  it("gives [] for unknown words and empty input", () => {
    expect(lexicon.germanPivots("Xqzvbrt")).toEqual([]);
    expect(lexicon.germanPivots("")).toEqual([]);
  });
});

describe("englishToGerman", () => {
  it("translates news words, first senses first", () => {
    expect(germans("strike")).toContain("Streik");
    expect(germans("election")[0]).toBe("Wahl");
    // Ding's own order put köpfen, Kesselboden and leiten first; the compiled order puts the core sense first.
    expect(germans("head")[0]).toBe("Kopf");
    expect(germans("boss")[0]).toBe("Chef");
    expect(germans("arrested")[0]).toBe("festgenommen");
    expect(germans("timetable").slice(0, 3)).toContain("Fahrplan");
    expect(germans("federal").some((g) => g.startsWith("Bundes") || g === "Bund")).toBe(true);
    expect(germans("Cologne")).toContain("Köln");
  });

  it("finds the base form of inflected English words", () => {
    expect(germans("elections")).toContain("Wahl");
    expect(germans("strikes")).toContain("Streik");
    expect(germans("ruled")).toContain("regieren");
    expect(germans("to rule")).toContain("regieren");
  });

  it("translates phrases of up to three words and refuses longer ones", () => {
    expect(germans("prime minister")).toContain("Premierminister");
    expect(germans("one two three four")).toEqual([]);
  });

  it("keeps an everyday sense that Ding lists after a dozen others", () => {
    expect(germans("branches")).toContain("Filiale");
    expect(germans("stalls")).toContain("Marktstand");
  });

  it("caps the list and numbers the ranks in order", () => {
    const list = lexicon.englishToGerman("strike");
    expect(list.length).toBeLessThanOrEqual(20);
    expect(list.map((t) => t.rank)).toEqual(list.map((_, i) => i));
  });

  it("gives [] for unknown words", () => {
    expect(lexicon.englishToGerman("xqzvbrt")).toEqual([]);
    expect(lexicon.englishToGerman("")).toEqual([]);
  });
});

describe("englishLemmas", () => {
  it("maps regular and irregular forms to Ding headwords", () => {
    expect(lexicon.englishLemmas("ruled")).toContain("rule");
    expect(lexicon.englishLemmas("countries")).toContain("country");
    expect(lexicon.englishLemmas("better")).toEqual(expect.arrayContaining(["better", "good"]));
    for (const [form, lemma] of [["ran", "run"], ["won", "win"], ["fought", "fight"], ["held", "hold"], ["took", "take"], ["met", "meet"], ["began", "begin"], ["were", "be"], ["stopped", "stop"]]) {
      expect(lexicon.englishLemmas(form!)).toContain(lemma);
    }
  });

  it("takes a headword's -est for part of it, not a superlative, and still undoes a superlative or an -er", () => {
    expect(lexicon.englishLemmas("Everest")).not.toContain("ever");
    expect(lexicon.englishLemmas("forest")).not.toContain("for");
    expect(lexicon.englishLemmas("biggest")).toContain("big");
    expect(lexicon.englishLemmas("employer")).toContain("employ");
  });

  it("gives [] for unknown words", () => {
    expect(lexicon.englishLemmas("xqzvbrts")).toEqual([]);
  });
});

describe("place", () => {
  it("finds countries by English or German name, case-insensitively", () => {
    expect(lexicon.place("Hungary")).toEqual({ code: "HU", de: "Ungarn", en: "Hungary" });
    expect(lexicon.place("ungarn")?.code).toBe("HU");
    expect(lexicon.place("Kasachstan")?.en).toBe("Kazakhstan");
    expect(lexicon.place("Portugal")?.de).toBe("Portugal");
  });

  it("gives undefined for other words", () => {
    expect(lexicon.place("Hungarian")).toBeUndefined();
    expect(lexicon.place("in")).toBeUndefined();
  });
});

describe("demonymPlace", () => {
  it("finds the country a German demonym or adjective is formed on", () => {
    expect(lexicon.demonymPlace("Portugiesen")?.de).toBe("Portugal");
    expect(lexicon.demonymPlace("portugiesische")?.de).toBe("Portugal");
    expect(lexicon.demonymPlace("Niederländer")?.de).toBe("Niederlande");
    expect(lexicon.demonymPlace("kasachischen")?.de).toBe("Kasachstan");
  });

  it("gives undefined for the country itself, other words and irregular demonyms", () => {
    expect(lexicon.demonymPlace("Portugal")).toBeUndefined();
    expect(lexicon.demonymPlace("Menschen")).toBeUndefined();
    expect(lexicon.demonymPlace("Personen")).toBeUndefined();
    expect(lexicon.demonymPlace("Franzosen")).toBeUndefined();
  });
});

describe("a missing or damaged lexicon", () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "citebot-lexicon-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("opens without reading and names the missing file on first use", () => {
    const broken = openLexicon(join(tempDir(), "nowhere"));
    expect(() => broken.germanLemmas("trafen")).toThrow(LexiconError);
    expect(() => broken.germanLemmas("trafen")).toThrow(/german-forms\.bin\.gz.*npm run lexicon/);
    expect(broken.place("Ungarn")?.code).toBe("HU"); // needs no file
  });

  it("reads the pivots only when asked for them, and names their file when it is missing", () => {
    const dir = tempDir();
    for (const name of readdirSync(defaultLexiconDir()).filter((n) => n.endsWith(".gz") && !n.includes("pivots"))) copyFileSync(join(defaultLexiconDir(), name), join(dir, name));
    const withoutPivots = openLexicon(dir);
    expect(withoutPivots.germanSynonyms("Streik").map((s) => s.word)).toContain("Ausstand");
    expect(() => withoutPivots.germanPivots("Stausee")).toThrow(/german-pivots\.bin\.gz.*npm run lexicon/);
  });

  it("reads every table ahead when loaded, so later look-ups need no file", async () => {
    const dir = tempDir();
    for (const name of readdirSync(defaultLexiconDir()).filter((n) => n.endsWith(".gz"))) copyFileSync(join(defaultLexiconDir(), name), join(dir, name));
    const loaded = openLexicon(dir);
    const lazy = openLexicon(dir);
    await loaded.load?.();
    for (const name of readdirSync(dir)) rmSync(join(dir, name));
    expect(loaded.germanLemmas("trafen")).toContainEqual({ lemma: "treffen", pos: "verb" });
    expect(loaded.englishToGerman("strike").map((t) => t.german)).toContain("Streik");
    expect(loaded.germanPivots("Arzt").length).toBeGreaterThan(0);
    expect(() => lazy.germanLemmas("trafen")).toThrow(LexiconError);
  });

  it("loads what it can ahead and leaves a missing or damaged file to its first use to report", async () => {
    const dir = tempDir();
    for (const name of readdirSync(defaultLexiconDir()).filter((n) => n.endsWith(".gz") && !n.includes("pivots"))) copyFileSync(join(defaultLexiconDir(), name), join(dir, name));
    writeFileSync(join(dir, "english-german.bin.gz"), "not a lexicon");
    const partial = openLexicon(dir);
    await expect(partial.load?.()).resolves.toBeUndefined();
    expect(partial.germanSynonyms("Streik").map((s) => s.word)).toContain("Ausstand");
    expect(() => partial.germanPivots("Stausee")).toThrow(/german-pivots\.bin\.gz.*npm run lexicon/);
    expect(() => partial.englishToGerman("strike")).toThrow(/english-german\.bin\.gz.*damaged/);
  });

  it("names a damaged file and keeps the cause", () => {
    const dir = tempDir();
    for (const name of readdirSync(defaultLexiconDir()).filter((n) => n.endsWith(".gz"))) copyFileSync(join(defaultLexiconDir(), name), join(dir, name));
    writeFileSync(join(dir, "english-german.bin.gz"), "not a lexicon");
    const damaged = openLexicon(dir);
    expect(damaged.germanLemmas("trafen")).toContainEqual({ lemma: "treffen", pos: "verb" });
    let error: unknown;
    try {
      damaged.englishToGerman("strike");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).file).toMatch(/english-german\.bin\.gz$/);
    expect((error as LexiconError).message).toMatch(/damaged.*npm run lexicon/);
    expect((error as LexiconError).cause).toBeDefined();
  });
});
