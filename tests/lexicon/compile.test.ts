import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compileLexicon } from "../../src/lexicon/compile/index.js";
import { englishKey, expandSlash, germanValue, orderTranslations, parseAlternative, parseDing, splitTopLevel, type Candidate } from "../../src/lexicon/compile/ding.js";
import { parseNouns, parseVerbs } from "../../src/lexicon/compile/inflections.js";
import { decodeMythes, narrowerOf, parseMythes } from "../../src/lexicon/compile/thesaurus.js";
import { wordNetSynonyms } from "../../src/lexicon/compile/wordnet.js";
import { Dictionary, encodeDictionary, LexiconFormatError, readVarints, varintPayload } from "../../src/lexicon/format.js";
import { openLexicon } from "../../src/lexicon/index.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DING = [
  "# Version :: test",
  "Streik {m}; Ausstand {m} (Arbeitsrecht) | Streiks {pl}; Ausstände {pl} | Generalstreik {m} :: strike; stoppage of work | strikes; stoppages of work | general strike",
  "Fund {m} [min.] :: strike (discovery of ore or oil)",
  "streiken {vi} | streikend | gestreikt | er/sie streikt | ich/er/sie streikte :: to strike {struck; struck, stricken} | striking | struck | he/she strikes | I/he/she struck",
  "Regierung {f} [pol.] | Regierungen {pl} :: government /Gov.; Govt./; administration [Am.] | governments; administrations",
  "gut {adj} | besser | am besten :: good | better | best",
  "Wahlen durchführen/abhalten :: to hold elections",
  "Bundes… :: federal /fed./",
  "Die Kritiker können mich ruhig in der Luft zerreißen. :: Let the critics do their worst, I can take it.",
  "München (Stadt in Deutschland) [geogr.] :: Munich (city in Germany)",
].join("\n");

const THESAURUS = [
  "UTF-8",
  "streik|1",
  "-|Arbeitsniederlegung|Ausstand|Streik|Maßnahme (Oberbegriff)|Bummelstreik (ugs.)",
  "arbeitsniederlegung|1",
  "-|Arbeitsniederlegung|Ausstand|Streik|Maßnahme (Oberbegriff)|Bummelstreik (ugs.)",
  "regen|1",
  "-|Regen (Hauptform)|(das) Nass (lit.)|Pisse (vulg.)|Niederschlag (Oberbegriff)",
  "unterstützen|1",
  "-|unterstützen (Hauptform)|beistehen|(jemandem) unter die Arme greifen (ugs., fig.)|(jemandem) hilfreich zur Seite stehen",
  "unter die arme greifen|1",
  "-|unterstützen (Hauptform)|beistehen|(jemandem) unter die Arme greifen (ugs., fig.)|(jemandem) hilfreich zur Seite stehen",
  "",
].join("\n");

const BROADER = [
  "UTF-8",
  "auto|2",
  "-|Auto (Hauptform)|Wagen|Fahrzeug (Oberbegriff)|Gefährt (Oberbegriff)|Karre (ugs.) (Oberbegriff)",
  "-|Autofahrt|Spritztour (Oberbegriff)",
  "wagen|1",
  "-|Auto (Hauptform)|Wagen|Fahrzeug (Oberbegriff)|Gefährt (Oberbegriff)|Karre (ugs.) (Oberbegriff)",
  "fahrzeug|1",
  "-|Fahrzeug|Gefährt|Fortbewegungsmittel (Oberbegriff)",
  "",
].join("\n");

const VERBS = {
  treffen: { INF: "treffen", PA1: "treffend", PA2: ["getroffen"], PRT: { S: { "1": "traf", "3": "traf" }, P: { "1": "trafen" } } },
  abarbeiten: { hasPrefix: true, INF: "abarbeiten", PA2: ["abgearbeitet"], PRT: { S: { "3": ["arbeitete", "ab"] } } },
  kaputt: { KJ2: {} },
};
const NOUNS = { Verhaftung: { NOM: { SIN: "Verhaftung", PLU: "Verhaftungen" }, G: "F" } };

/** WordNet in its file format: a licence line, then index lines (senses most frequent first) and data lines. */
/** A word list as wamerican-small writes it: one word per line, names capitalised, possessives, accented loanwords. */
const COMMON_ENGLISH = "Jane\nJane's\ncafé\nstrike\ntram\nstrikes\n";

const WORDNET = {
  index: {
    noun: ["  1 licence text", "factory n 2 1 @ 2 1 00000001 00000002", "plant n 1 1 @ 1 0 00000003"].join("\n"),
    verb: ["  1 licence text", "plant v 1 1 @ 1 0 00000004"].join("\n"),
    adj: "",
    adv: "",
  },
  data: {
    noun: [
      "  1 licence text",
      "00000001 06 n 03 factory 0 mill 0 manufacturing_plant 0 001 @ 00000009 n 0000 | a plant",
      "00000002 06 n 02 factory 0 works 0 000 | another sense",
      "00000003 06 n 02 plant 0 works 0 000 | a factory",
    ].join("\n"),
    verb: "00000004 35 v 02 plant 0 set(a) 0 000 | put in the ground",
    adj: "",
    adv: "",
  },
};

/** Ding's lines parsed as one file. */
const dingLines = (...lines: string[]) => parseDing(lines.join("\n"));

describe("Ding parsing", () => {
  it("splits at separators outside brackets and strips annotations", () => {
    expect(splitTopLevel("to run {ran; run}; to go", "; ")).toEqual(["to run {ran; run}", "to go"]);
    expect(parseAlternative("Streik {m} [pol.] (Arbeitsrecht)")).toEqual({ text: "Streik", braces: ["m"], labels: ["pol."], explained: true });
    expect(englishKey("to strike sb./sth.")).toBe("strike");
    expect(englishKey("Let the critics do their worst.")).toBeUndefined();
    expect(expandSlash("Wahlen durchführen/abhalten")).toEqual(["Wahlen durchführen", "Wahlen abhalten"]);
  });

  it("drops a preposition with the placeholder it governs: the verb is the translation", () => {
    expect(germanValue("jdn. für etw. entschädigen")).toBe("entschädigen");
    expect(germanValue("an etw. teilnehmen")).toBe("teilnehmen");
    expect(germanValue("sich für jdn./etw. einsetzen")).toBe("sich einsetzen");
    // A preposition before a real word stays: it is part of the phrase.
    expect(germanValue("in Sicherheit bringen")).toBe("in Sicherheit bringen");
    expect(germanValue("jdn. in Haft nehmen")).toBe("in Haft nehmen");
  });

  it("collects the names of places Ding labels geographic, not a people's word nor a common noun", () => {
    const { geographicNames, englishGeographicNames, commonNouns } = dingLines(
      "München (Stadt in Deutschland) [geogr.] :: Munich (city in Germany)",
      "Zugspitze {f} [geogr.] :: Zugspitze (highest mountain in Germany)",
      "Rhein {m} (Fluss) [geogr.] | am Rhein :: Rhine (river) | on the Rhine",
      // The English is a common noun: an inhabitant is no place.
      "Einwohner {m}; Einwohnerin {f} [geogr.] | Einwohner {pl}; Einwohnerinnen {pl} :: inhabitant | inhabitants",
      // A people's word has a plural.
      "Neapolitaner {m}; Neapolitanerin {f} (Bewohner Neapels) [geogr.] | Neapolitaner {pl}; Neapolitanerinnen {pl} :: Neapolitan | Neapolitans",
      "Halle {f} | Hallen {pl} :: hall | halls",
      "Halle (Stadt in Deutschland) [geogr.] :: Halle (city in Germany)",
    );
    expect([...geographicNames].sort()).toEqual(["Halle", "München", "Rhein", "Zugspitze"]);
    expect([...englishGeographicNames].sort()).toEqual(["Halle", "Munich", "Rhine", "Zugspitze"]);
    expect(commonNouns.has("Halle")).toBe(true);
    expect(commonNouns.has("München")).toBe(false);
  });

  it("keeps German words that begin with an umlaut, and drops values that begin with no letter", () => {
    expect(germanValue("Übernachtung")).toBe("Übernachtung");
    expect(germanValue("Öffnungszeiten")).toBe("Öffnungszeiten");
    expect(germanValue("ändern")).toBe("ändern");
    expect(germanValue("(ugs.)")).toBeUndefined();
    expect(germanValue("- etw.")).toBeUndefined();
    const { translations } = dingLines("Übernachtung {f}; Nächtigung {f} | Übernachtungen {pl}; Nächtigungen {pl} :: overnight stay; overnight stop | overnight stays; overnight stops");
    expect(translations.get("overnight stay")!.map((t) => t.german)).toEqual(["Übernachtung", "Nächtigung"]);
  });

  it("orders translations: whole entries first, specialist senses later, phrase heads last", () => {
    const { translations, englishForms, germanLemmas } = parseDing(DING);
    const strike = translations.get("strike")!;
    expect(strike.map((t) => t.german)).toEqual(["Streik", "streiken", "Ausstand", "Fund", "Generalstreik"]);
    expect(strike.map((t) => t.tier)).toEqual([0, 0, 0, 0, 1]);
    expect(translations.get("government")!.map((t) => t.german)).toEqual(["Regierung"]);
    expect(translations.get("federal")!.map((t) => t.german)).toEqual(["Bundes…"]);
    expect(translations.get("hold elections")!.map((t) => t.german)).toEqual(["Wahlen durchführen", "Wahlen abhalten"]);
    // Inflection parts are forms of the headword, not keys.
    expect(translations.has("strikes")).toBe(false);
    expect(englishForms.get("struck")).toEqual(["strike"]);
    expect(englishForms.get("strikes")).toEqual(["strike"]);
    expect(englishForms.get("better")).toEqual(["good"]);
    expect(englishForms.get("governments")).toEqual(["government"]);
    expect(germanLemmas.get("Streik\tnoun")?.forms).toEqual(new Set(["Streik", "Streiks"]));
    expect(germanLemmas.get("streiken\tverb")?.forms).toContain("gestreikt");
  });

  it("takes a German plural for a form of its headword only where it begins as the headword does", () => {
    // Ding's lines: where the plurals do not align with the headwords one by one, the plural part lists the
    // plurals of other alternatives too ("Leute" is no form of "Kerl", "Kräfte" none of "Energie").
    const { germanLemmas } = dingLines(
      "Kerl {m}; Kumpel {m}; Alter [ugs.] | Kerle {pl}; Kumpel {pl}; Kumpels {pl}; Leute {pl} [ugs.] :: dude [coll.] | dudes; doods",
      "Energie {f}; Kraft {f}; Dynamik {f} | Energien {pl}; Kräfte {pl} :: vigour | vigours",
      "Arzt {m}; Ärztin {f} | Ärzte {pl}; Ärztinnen {pl} :: doctor | doctors",
    );
    expect(germanLemmas.get("Kerl\tnoun")?.forms).toEqual(new Set(["Kerl", "Kerle"]));
    expect(germanLemmas.get("Energie\tnoun")?.forms).toEqual(new Set(["Energie", "Energien"]));
    // An umlaut is the same beginning.
    expect(germanLemmas.get("Arzt\tnoun")?.forms).toContain("Ärzte");
  });

  it("takes an English form for the headword it begins as where the parts do not align, and no tag for a form", () => {
    // Lines as in Ding: "he/she cheats; he/she swindles" inflects "to cheat; to swindle; to diddle; to chisel"
    // two for four, and "{adj}" is a part-of-speech tag, not an irregular form of "value-free".
    const { englishForms } = dingLines(
      "jdn. betrügen {vt}; sich etw. erschwindeln {vr} | betrügend; erschwindelnd | betrogen; erschwindelt | er/sie betrügt | ich/er/sie betrog :: to cheat; to swindle; to diddle [Br.]; to chisel [Am.] sb. | cheating; swindling; diddling; chiseling | cheated; swindled; diddled; chiseled | he/she cheats; he/she swindles | I/he/she cheated; I/he/she swindled",
      "wertneutral {adj} | wertneutral {adj} :: value-free {adj} | value-neutral {adj}; neutral {adj}",
      "gut {adj} | besser | am besten :: good | better | best",
    );
    expect(englishForms.get("swindles")).toEqual(["swindle"]);
    expect(englishForms.get("swindled")).toEqual(["swindle"]);
    expect(englishForms.get("cheats")).toEqual(["cheat"]);
    expect(englishForms.has("adj")).toBe(false);
    expect(englishForms.has("neutral")).toBe(false);
    // Aligned one by one, an irregular form is its headword's.
    expect(englishForms.get("better")).toEqual(["good"]);
  });

  it("takes no other word with the same English for a form of the headword", () => {
    // Ding's parts may hold a word with the headword's English instead of its plural, comparison or
    // participle (lines as in Ding): "Regeln" is no form of "Regelwerk", "unanfechtbar" none of
    // "anfechtbar", "ausgenutzt" none of "ausbeuten"; "Akten" is Akte's, not Aktenstück's.
    const { germanLemmas } = dingLines(
      "Regelwerk {n} | (geltende) Regeln {pl} :: rulebook; rule book | rulebook; rule book",
      "anfechtbar {adj} [phil.] | unanfechtbar {adj} :: contestable; disputable; defeasible | indefeasible",
      "ausbeuten {vt} | ausbeutend | ausgebeutet | beutet aus | beutete aus | ausgebeutet; ausgenutzt :: to exploit | exploiting | exploited | exploits | exploited | exploited",
      "Aktenstück {n}; Akte {f}; Akt {m} [Ös.]; Dossier {n} | Aktenbündel {pl}; Akten {pl}; Dossiers {pl} :: file | files",
      "Thema {n} | Themen {pl} :: topic | topics",
      "Kaufmann {m} | Kaufleute {pl} :: merchant | merchants",
      "dunkel {adj} | dunkler | am dunkelsten :: dark | darker | darkest",
      "springen {vi} | springend | gesprungen | springt | sprang :: to jump | jumping | jumped | jumps | jumped",
      "essen {vt} | essend | gegessen | isst | aß :: to eat | eating | eaten | eats | ate",
      "teilen {vt} | teilend | geteilt | teilt | teilte :: to share | sharing | shared | shares | shared",
      "gut {adj} | besser | am besten :: good | better | best",
    );
    expect(germanLemmas.get("Regelwerk\tnoun")?.forms).toEqual(new Set(["Regelwerk"]));
    expect(germanLemmas.get("anfechtbar\tadj")?.forms).toEqual(new Set(["anfechtbar"]));
    expect(germanLemmas.get("ausbeuten\tverb")?.forms).toContain("ausgebeutet");
    expect(germanLemmas.get("ausbeuten\tverb")?.forms).not.toContain("ausgenutzt");
    expect(germanLemmas.get("Aktenstück\tnoun")?.forms).toEqual(new Set(["Aktenstück"]));
    expect(germanLemmas.get("Akte\tnoun")?.forms).toContain("Akten");
    // Forms that change a noun's or an adjective's last letters, a verb's vowel, or "-mann" to "-leute" stay.
    expect(germanLemmas.get("Thema\tnoun")?.forms).toContain("Themen");
    expect(germanLemmas.get("Kaufmann\tnoun")?.forms).toContain("Kaufleute");
    expect(germanLemmas.get("dunkel\tadj")?.forms).toContain("dunkler");
    expect(germanLemmas.get("springen\tverb")?.forms).toEqual(new Set(["springen", "springend", "gesprungen", "springt", "sprang"]));
    expect(germanLemmas.get("essen\tverb")?.forms).toContain("aß");
    expect(germanLemmas.get("teilen\tverb")?.forms).toContain("teilt");
    // So does an adjective's comparison, however irregular, in a line that gives its superlative with "am".
    expect(germanLemmas.get("gut\tadj")?.forms).toEqual(new Set(["gut", "besser", "besten"]));
  });
});

// Modelled on Ding's lines for "head": köpfen and Kesselboden are short entries that Ding's own order puts
// first; Kopf stands with "head" in many idioms (and beside a [poet.] Haupt); Spitze is 'tip, point, peak'
// before it is 'head', Leiter is 'head' first.
const HEAD = [
  "köpfen {vt} [sport] | köpfend | geköpft | ins Tor köpfen :: to head | heading | headed | to head a goal",
  "Kesselboden {m} :: head",
  "Kopf {m}; Haupt {n} [poet.] | Köpfe {pl} | von Kopf bis Fuß | einen kühlen Kopf behalten | den Kopf verlieren | jdm. über den Kopf wachsen | den Kopf in den Sand stecken | Kopf an Kopf :: head | heads | from head to foot | to keep a cool head | to lose one's head | to get over sb.'s head | to bury one's head in the sand | head to head",
  "den Kopf schütteln :: to shake one's head",
  "den Kopf hängen lassen :: to hang one's head",
  "mit dem Kopf nicken :: to nod one's head",
  "Spitze {f} :: tip; point",
  "Spitze {f} :: peak",
  "Spitze {f} :: head",
  "Leiter {m} :: head; manager",
].join("\n");

describe("translation order", () => {
  it("puts the translation Ding pairs with the word most often first, and demotes one the word is a late sense of", () => {
    const head = parseDing(HEAD).translations.get("head")!.map((t) => t.german);
    // Ding's own order alone gave köpfen, Kesselboden, Spitze, Leiter, Kopf.
    expect(head.slice(0, 5)).toEqual(["Kopf", "köpfen", "Kesselboden", "Leiter", "Spitze"]);
  });

  it("orders by support and back-rank on top of Ding's score, keeps phrase heads last, and caps", () => {
    const candidate = (german: string, score: number, line: number): Candidate => ({ german, score, line, order: 0 });
    const candidates = new Map([
      ["head", [candidate("Spitze", 0, 1), candidate("Kopf", 0, 2), candidate("Kopfball", 100, 3), candidate("Kopf", 1, 4)]],
      ["tip", [candidate("Spitze", 0, 0)]],
      ["peak", [candidate("Spitze", 0, 0)]],
    ]);
    // Kopf and "head" share two parts; Spitze is 'peak, tip' before 'head' (back-rank 2).
    const parts = [
      { english: [["head"]], german: [["Kopf"]] },
      { english: [["shake", "head"]], german: [["den", "Kopf", "schütteln"]] },
    ];
    const order = orderTranslations(candidates, parts, { maxTranslations: 3, maxPhraseTranslations: 2, maxEnglishWords: 3, maxGermanWords: 4 });
    expect(order.get("head")).toEqual([
      { german: "Kopf", tier: 0 },
      { german: "Spitze", tier: 0 },
      { german: "Kopfball", tier: 1 },
    ]);
    // Without support or a late back-rank, equal scores keep Ding's line order.
    expect(orderTranslations(candidates, []).get("peak")).toEqual([{ german: "Spitze", tier: 0 }]);
    const capped = orderTranslations(candidates, parts, { maxTranslations: 1, maxPhraseTranslations: 1, maxEnglishWords: 3, maxGermanWords: 4 });
    expect(capped.get("head")).toEqual([{ german: "Kopf", tier: 0 }]);
  });
});

describe("thesaurus parsing", () => {
  it("keeps each synset once, without hypernyms or vulgar words, and marks colloquial ones", () => {
    const { synsets, index } = parseMythes(decodeMythes(new TextEncoder().encode(THESAURUS)));
    expect(synsets).toHaveLength(3);
    expect(synsets[0]).toEqual([
      { word: "Arbeitsniederlegung", marked: false },
      { word: "Ausstand", marked: false },
      { word: "Streik", marked: false },
      { word: "Bummelstreik", marked: true },
    ]);
    expect(synsets[1]!.map((m) => m.word)).toEqual(["Regen", "Nass"]);
    expect(index.get("streik")).toEqual([0]);
    expect(index.get("regen")).toEqual([1]);
  });

  it("files a member that has no entry of its own under the synsets it is a member of", () => {
    // Debian's file has no entry for some words ("zahlen", filed only under "zählen"); they still find their synsets.
    const { index } = parseMythes(decodeMythes(new TextEncoder().encode(THESAURUS)));
    expect(index.get("beistehen")).toEqual([2]);
    expect(index.get("ausstand")).toEqual([0]);
    // A hypernym is no member: "Niederschlag" finds nothing through "Regen".
    expect(index.get("niederschlag")).toBeUndefined();
  });

  it("keeps a word's hypernyms apart, from the synsets it is a member of, without marked ones", () => {
    const { broader } = parseMythes(decodeMythes(new TextEncoder().encode(BROADER)));
    expect(broader.get("auto")).toEqual(["Fahrzeug", "Gefährt"]);
    // "Karre" is colloquial; "Wagen" is a member, not a hypernym.
    expect(broader.get("auto")).not.toContain("Karre");
    // A synset listed under a word it does not contain gives that word nothing.
    expect(broader.get("wagen")).toEqual(["Fahrzeug", "Gefährt"]);
    expect(broader.get("fahrzeug")).toEqual(["Fortbewegungsmittel"]);
  });

  it("turns the hypernyms round: a one-word hypernym lists the one-word words under it, in code-unit order", () => {
    const narrower = narrowerOf(
      new Map([
        ["wagen", ["Fahrzeug", "Gefährt"]],
        ["auto", ["Fahrzeug", "motorisiertes Fahrzeug"]],
        ["rotes auto", ["Fahrzeug"]],
      ]),
    );
    expect(narrower.get("fahrzeug")).toEqual(["auto", "wagen"]);
    expect(narrower.get("gefährt")).toEqual(["wagen"]);
    // A phrase is neither a category a question names nor a word a source's sentence is matched by.
    expect(narrower.has("motorisiertes fahrzeug")).toBe(false);
    expect([...narrower.values()].flat()).not.toContain("rotes auto");
  });

  it("files the synset a word is the main word of under that word first, when the word's own entry lacks it", () => {
    // Debian's file files some words with a rare sense only, their main sense under the other members.
    const text = ["UTF-8", "lesen|1", "-|lesen (Trauben)|ernten", "schmökern|1", "-|lesen (Hauptform)|schmökern|studieren", ""].join("\n");
    const { synsets, index } = parseMythes(decodeMythes(new TextEncoder().encode(text)));
    expect(synsets[1]!.map((m) => m.word)).toEqual(["lesen", "schmökern", "studieren"]);
    expect(index.get("lesen")).toEqual([1, 0]);
    expect(index.get("schmökern")).toEqual([1]);
  });

  it("offers no word by which people are only addressed or greeted, and files no word under such a use", () => {
    const text = [
      "UTF-8",
      "kumpel|2",
      "-|Freund|Kumpel (ugs.)|Kamerad",
      "-|Alter (Anrede) (ugs.)|Kumpel (Anrede) (ugs.)|Meister (Anrede, salopp)|Genosse",
      "allerseits|1",
      "-|(...) allerseits (Gruß)|(...) in die Runde (Gruß)",
      "",
    ].join("\n");
    const { synsets, index } = parseMythes(decodeMythes(new TextEncoder().encode(text)));
    // "Kumpel" means a friend; that one calls a stranger "Meister" says nothing of either word.
    expect(index.get("kumpel")).toEqual([0]);
    expect(synsets.flat().map((m) => m.word)).not.toContain("Meister");
    expect(index.get("meister")).toBeUndefined();
    expect(index.get("allerseits")).toBeUndefined();
    expect(synsets.flat().map((m) => m.word)).not.toContain("in die Runde");
  });

  it("offers no frame with a slot for other words, whether the slot is in parentheses or not", () => {
    const text = ["UTF-8", "allerdings|1", "-|allerdings|(...) aber doch|jedoch|zwar ... doch", "junior|1", "-|(...) junior|Nachwuchs", ""].join("\n");
    const { synsets, index } = parseMythes(decodeMythes(new TextEncoder().encode(text)));
    expect(synsets[0]!.map((m) => m.word)).toEqual(["allerdings", "jedoch"]);
    // "(...) junior" is a name's suffix, not the word "junior".
    expect(synsets[1]!.map((m) => m.word)).toEqual(["Nachwuchs"]);
    expect(index.get("aber doch")).toBeUndefined();
  });

  it("files an idiom of four words under itself, but offers no synonym longer than three", () => {
    const { synsets, index } = parseMythes(decodeMythes(new TextEncoder().encode(THESAURUS)));
    // "unter die Arme greifen" finds its synset, so a question that says it finds "unterstützen";
    // "hilfreich zur Seite stehen" (four words) is a paraphrase, no synonym to look for.
    expect(index.get("unter die arme greifen")).toEqual([2]);
    expect(synsets[2]!.map((m) => m.word)).toEqual(["unterstützen", "beistehen"]);
    expect(index.get("unterstützen")).toEqual([2]);
  });
});

describe("inflection tables", () => {
  it("collects verb forms, joins separable ones and skips partial entries", () => {
    const verbs = parseVerbs(VERBS);
    expect(verbs.map((v) => v.lemma)).toEqual(["abarbeiten", "treffen"]);
    expect(verbs[0]!.forms).toContain("abarbeitete");
    expect(verbs[0]!.forms).not.toContain("arbeitete");
    expect(verbs[1]!.forms).toEqual(new Set(["treffen", "treffend", "getroffen", "traf", "trafen"]));
    expect(parseNouns(NOUNS)[0]!.forms).toEqual(new Set(["Verhaftung", "Verhaftungen"]));
  });
});

describe("WordNet parsing", () => {
  it("gives each lemma the words of its first senses, the first senses of every part of speech first", () => {
    const synonyms = wordNetSynonyms(WORDNET);
    expect(synonyms.get("factory")).toEqual(["mill", "manufacturing plant", "works"]);
    // "plant": its first noun sense, then its first verb sense (the marker "(a)" dropped); no word twice.
    expect(synonyms.get("plant")).toEqual(["works", "set"]);
    expect(wordNetSynonyms(WORDNET, { senses: 1, maxSynonyms: 10 }).get("factory")).toEqual(["mill", "manufacturing plant"]);
    expect(wordNetSynonyms(WORDNET, { senses: 2, maxSynonyms: 1 }).get("factory")).toEqual(["mill"]);
    // A lemma whose synsets hold only itself has no entry.
    expect(synonyms.has("set")).toBe(false);
  });
});

describe("compileLexicon", () => {
  const sources = { ding: DING, thesaurus: THESAURUS, verbs: VERBS, nouns: NOUNS, wordnet: WORDNET, commonEnglish: COMMON_ENGLISH };

  it("is deterministic: the same input gives the same bytes", () => {
    const a = compileLexicon(sources).files;
    const b = compileLexicon(sources).files;
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of a) expect(Buffer.from(bytes).equals(Buffer.from(b.get(name)!))).toBe(true);
  });

  it("files a multi-word expression under its words' lemmas, and without its closing verb", () => {
    const dir = mkdtempSync(join(tmpdir(), "citebot-lexicon-compile-"));
    try {
      const thesaurus = THESAURUS.replace(/\n$/, "\nin haft nehmen|1\n-|festnehmen|in Haft nehmen|verhaften\n");
      const verbs = { ...VERBS, nehmen: { INF: "nehmen", PA2: ["genommen"], PRT: { S: { "3": "nahm" } } } };
      for (const [name, bytes] of compileLexicon({ ...sources, thesaurus, verbs }).files) writeFileSync(join(dir, name), bytes);
      const lexicon = openLexicon(dir);
      // Any form of its words finds it; the expression itself, in whatever form, is no synonym of itself.
      expect(lexicon.germanPhraseSynonyms(["in", "Haft", "genommen"]).map((s) => s.word)).toEqual(["festnehmen", "verhaften"]);
      // Without the verb: "in Haft" is filed with the expressions that close it with one.
      expect(lexicon.germanPhraseSynonyms(["in", "Haft"]).map((s) => s.word)).toEqual(["festnehmen", "in Haft nehmen", "verhaften"]);
      expect(lexicon.germanPhraseSynonyms(["Haft", "genommen"])).toEqual([]);
      expect(lexicon.germanPhraseSynonyms(["Haft"])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("compiles files the lexicon reads", () => {
    const dir = mkdtempSync(join(tmpdir(), "citebot-lexicon-compile-"));
    try {
      for (const [name, bytes] of compileLexicon(sources).files) writeFileSync(join(dir, name), bytes);
      const lexicon = openLexicon(dir);
      expect(lexicon.germanLemmas("Trafen")).toEqual([{ lemma: "treffen", pos: "verb" }]);
      expect(lexicon.germanLemmas("Verhaftungen")).toEqual([{ lemma: "Verhaftung", pos: "noun" }]);
      expect(lexicon.germanLemmas("gestreikt")).toEqual([{ lemma: "streiken", pos: "verb" }]);
      expect(lexicon.germanSynonyms("Streiks").map((s) => s.word)).toEqual(["Arbeitsniederlegung", "Ausstand", "Bummelstreik"]);
      expect(lexicon.englishToGerman("strikes").map((t) => t.german)).toEqual(["Streik", "streiken", "Ausstand", "Fund", "Generalstreik"]);
      expect(lexicon.englishToGerman("struck")[0]?.german).toBe("Streik");
      expect(lexicon.englishLemmas("better")).toEqual(["good"]);
      expect(lexicon.englishSynonyms("Factory").map((s) => s.word)).toEqual(["mill", "manufacturing plant", "works"]);
      // "Streik {m}; Ausstand {m} :: strike": two nouns of the same first sense, before "Fund" [min.], whose
      // first sense is another "strike" (pivots are looser than synonyms, and weighed lower for that).
      expect(lexicon.germanPivots("Streiks").map((s) => s.word)).toEqual(["Ausstand", "Fund"]);
      // The common-word list, looked up in any case; a name, a possessive or an accented line is no word of it.
      expect(["Strikes", "tram", "trams", "tramp", "jane", "cafe"].map((w) => lexicon.isCommonEnglish?.(w))).toEqual([true, true, false, false, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("compiles the geographic names without those that are also common words", () => {
    const dir = mkdtempSync(join(tmpdir(), "citebot-lexicon-compile-"));
    try {
      const ding = [
        DING,
        "Halle {f} | Hallen {pl} :: hall | halls",
        "Halle (Stadt in Deutschland) [geogr.] :: Halle (city in Germany)",
        "Zugspitze {f} (Bahn) :: head of the train",
        "Zugspitze {f} [geogr.] :: Zugspitze (highest mountain in Germany)",
        "Straßenbahnstadt [geogr.] :: Tram",
      ].join("\n");
      // The thesaurus has "Halle" (a hall) and "München" (with its nicknames); Ding translates only "Halle"
      // as a common word too ("Zugspitze", the head of a train, is no word the thesaurus has).
      const thesaurus = THESAURUS.replace(/\n$/, "\nhalle|1\n-|Halle|Saal\nmünchen|1\n-|München|Isar-Athen\n");
      for (const [name, bytes] of compileLexicon({ ...sources, ding, thesaurus }).files) writeFileSync(join(dir, name), bytes);
      const lexicon = openLexicon(dir);
      expect(["München", "münchen", "Zugspitze", "Halle", "Streik"].map((w) => lexicon.isGeographicName?.(w))).toEqual([true, true, true, false, false]);
      // Their English names, but for a common English word ("tram", on the list of common words).
      expect(["Munich", "munich", "zugspitze", "tram", "strike"].map((w) => lexicon.isEnglishGeographicName?.(w))).toEqual([true, true, true, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("dictionary format", () => {
  const entries = Array.from({ length: 100 }, (_, i) => ({ key: `wort${String(i).padStart(3, "0")}ä`, payload: varintPayload([i, i * 1000]) }));

  it("finds every key and no others, and reads the pool by number", () => {
    const dictionary = new Dictionary(encodeDictionary(entries, ["eins", "zwei", "drei"]));
    for (const [i, entry] of entries.entries()) expect(readVarints(dictionary.get(entry.key)!)).toEqual([i, i * 1000]);
    expect(dictionary.get("wort")).toBeUndefined();
    expect(dictionary.get("zzz")).toBeUndefined();
    expect(dictionary.get("")).toBeUndefined();
    expect([0, 1, 2].map((i) => dictionary.poolString(i))).toEqual(["eins", "zwei", "drei"]);
    expect([...dictionary.entries()].map((e) => e.key)).toEqual(entries.map((e) => e.key));
  });

  it("looks keys up as a walk through every entry would: long shared prefixes, misses between keys, the pool", () => {
    // Keys longer than the lookup's first buffer, sharing most of their bytes, with umlauts.
    const long = Array.from({ length: 40 }, (_, i) => ({ key: `${"ü".repeat(50)}${String(i).padStart(2, "0")}`, payload: varintPayload([i]) }));
    const pool = ["eins", "zwei", "drei", ...long.map((e) => e.key)];
    const dictionary = new Dictionary(encodeDictionary([...entries, ...long], pool));
    const scanned = new Map([...dictionary.entries()].map((e) => [e.key, readVarints(e.payload)]));
    for (const key of scanned.keys()) {
      expect(readVarints(dictionary.get(key)!)).toEqual(scanned.get(key));
      for (const miss of [key.slice(0, -1), `${key}a`, `${key.slice(0, -1)}\u0000`]) {
        if (!scanned.has(miss)) expect(dictionary.get(miss)).toBeUndefined();
      }
    }
    expect(pool.map((_, i) => dictionary.poolString(i))).toEqual(pool);
    expect(() => dictionary.poolString(pool.length)).toThrow(LexiconFormatError);
  });

  it("refuses truncated and altered files", () => {
    const bytes = encodeDictionary(entries);
    expect(() => new Dictionary(bytes.subarray(0, bytes.length - 1))).toThrow(LexiconFormatError);
    const altered = Uint8Array.from(bytes);
    altered[altered.length - 3] = (altered[altered.length - 3] ?? 0) ^ 0xff;
    expect(() => new Dictionary(altered)).toThrow(/checksum/);
    expect(() => new Dictionary(new TextEncoder().encode("{}"))).toThrow(LexiconFormatError);
  });

  it("round-trips through gzip as the compiled files are stored", () => {
    const compiled = compileLexicon({ ding: DING, thesaurus: THESAURUS, verbs: VERBS, nouns: NOUNS, wordnet: WORDNET, commonEnglish: COMMON_ENGLISH }).files;
    for (const bytes of compiled.values()) expect(new Dictionary(gunzipSync(bytes)).size).toBeGreaterThan(0);
  });
});
