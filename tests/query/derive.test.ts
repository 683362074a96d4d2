import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { derivation, derivationPrefixes, sameDerivation } from "../../src/query/derive.js";
import { buildSentenceStats, matchTerms, stemSimilarity, termHits } from "../../src/query/score.js";
import { contentWords } from "../../src/query/terms.js";
import { makeChunks } from "./fixtures.js";

const stem = (word: string) => analyze(word)[0] ?? "";

describe("derivation", () => {
  it("sets aside particle, participle marker and ending", () => {
    expect(derivation(stem("festgenommen"))).toEqual({ particle: "fest", root: "nehm" });
    expect(derivation(stem("Festnahme"))).toEqual({ particle: "fest", root: "nehm" });
    expect(derivation(stem("wiederherzustellen"))).toEqual(derivation(stem("wiederhergestellt")));
    expect(derivation(stem("Verhaftung"))).toEqual(derivation(stem("verhaftet")));
  });

  it("leaves nothing to compare when too little of the word is left", () => {
    expect(derivation("ab")).toBeNull();
  });
});

describe("sameDerivation", () => {
  it.each([
    ["festgenommen", "Festnahmen"],
    ["abgezogen", "Abzug"],
    ["ausgeflogen", "Ausflug"],
    ["zugesagt", "zusagte"],
    ["angegriffen", "Angriff"],
    ["telefonierte", "Telefonat"],
    ["stabilisiert", "Stabilität"],
    ["verhaftet", "Verhaftungen"],
    // A verb made of a noun by an inseparable prefix.
    ["verurteilt", "Urteil"],
    ["Urteile", "verurteilte"],
    // A verb in -ieren and its noun in -ation or -ition; the stemmer leaves the verb an "-i".
    ["demonstrieren", "Demonstration"],
    ["demonstrierten", "Demonstrationen"],
    ["informieren", "Information"],
    ["kompensieren", "Kompensation"],
    // An -ieren verb of a short root: the stemmer leaves "reagi" for the infinitive, "reagiert" for the past.
    ["reagieren", "reagierten"],
    ["regieren", "regierte"],
    ["zitieren", "zitiert"],
    // One whose root ends as an inflection does ("exist"): not stripped below the "-i".
    ["existieren", "existiert"],
    ["existierten", "existieren"],
    // An "-igen" or "-ern" verb, whose infinitive the stemmer cuts to its root ("erled", "verhind").
    ["beseitigen", "beseitigt"],
    ["verhindern", "verhinderte"],
    ["schleudern", "geschleudert"],
    ["ankündigen", "angekündigt"],
    // A noun in "-nis" of its verb.
    ["gestanden", "Geständnis"],
    ["verstanden", "Verständnis"],
    ["erlaubt", "Erlaubnis"],
    // An adjective in -bar and its verb ("reachable" / "reached").
    ["erreichbar", "erreicht"],
    ["lieferbar", "geliefert"],
    // A noun in -ik and its verb in -isieren, whose past the stemmer cuts to a shorter root.
    ["Kritik", "kritisierte"],
    ["Kritik", "kritisieren"],
    ["Symbolik", "symbolisiert"],
    // A verb of a short root and its noun in -ung.
    ["führt", "Führung"],
    ["gewarnt", "Warnung"],
    // A weak verb of a short root and its participle: "ge" + root + "t" or "et".
    ["suchen", "Gesucht"],
    ["kaufen", "gekauft"],
    ["melden", "gemeldet"],
    ["gesucht", "suchen"],
    // A noun in "-est", which the stemmer cuts before that ending ("manif"), and a verb or noun made of it.
    ["Manifest", "manifestiert"],
    ["Manifestation", "Manifeste"],
  ])("relates %s and %s", (a, b) => {
    expect(sameDerivation(stem(a), stem(b))).toBe(true);
  });

  it.each([
    ["festgenommen", "Festspiele"],
    ["abgezogen", "Anzug"],
    ["Gebiet", "bieten"],
    ["Zug", "ziehen"],
    ["verhaftet", "Verhalten"],
    // A short root may be another word's ("Kauf" / "verkauft" is a family, "Trag" / "Vertrag" not: too short to tell).
    ["Vertrag", "tragen"],
    // A short root with "-ier-" in one word only.
    ["reagieren", "Reagenz"],
    ["regieren", "Regen"],
    ["existieren", "Existenz"],
    // A cut root of four letters may be another word's.
    ["Wand", "gewandert"],
    // A short noun and another noun in -ung.
    ["Zeit", "Zeitung"],
    ["Land", "Landung"],
    // A noun that only looks like a participle, and a root of three letters ("Gebet" / "beten").
    ["Gebiet", "bietet"],
    ["beten", "Gebet"],
    // A noun cut before "-est" to three letters ("Asbest" → "asb"): too short to tell.
    ["Asbest", "asbestiert"],
    // A noun in -ik and an -ieren verb of another root.
    ["Kritik", "kritzelte"],
    ["Fabrik", "fabriziert"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(sameDerivation(stem(a), stem(b))).toBe(false);
  });

  it("finds the prefixed verb of a noun, and the noun of such a verb, among the beginnings it looks up", () => {
    expect(derivationPrefixes(derivation(stem("Urteil"))!)).toContain(stem("verurteilt").slice(0, stem("Urteil").length + 3));
    expect(derivationPrefixes(derivation(stem("verurteilt"))!)).toContain(stem("Urteil"));
    // And the noun the stemmer cut before "-est" among those of the verb made of it.
    expect(derivationPrefixes(derivation(stem("manifestiert"))!)).toContain(stem("Manifest"));
    // And the "-isieren" verb of a noun in "-ik", whose root is shorter than the noun's.
    expect(derivationPrefixes(derivation(stem("Kritik"))!).some((prefix) => stem("kritisierte").startsWith(prefix))).toBe(true);
  });

  it("is a partial match in scoring, below a stem's own inflections", () => {
    expect(stemSimilarity(stem("festgenommen"), stem("Festnahmen"))).toBe(0.6);
  });
});

describe("separable verbs in sentences", () => {
  const text = "Die Wache nahm am Hafen drei Schmuggler fest. Danach fuhr das Boot ab, langsam und leise. Die Feier fand statt.";
  const stats = buildSentenceStats(makeChunks("s.txt", text, 3), analyze);
  const hitsFor = (question: string, sentence: number) => {
    const matches = matchTerms(contentWords(question, "de", analyze), stats);
    return termHits(matches, stats, sentence);
  };

  it("joins a clause-final particle to its verb, so a participle question finds the sentence", () => {
    expect(hitsFor("festgenommen", 0)[0]).toBeGreaterThanOrEqual(0.6);
    expect(hitsFor("abgefahren", 1)[0]).toBeGreaterThanOrEqual(0.6);
    expect(hitsFor("festgenommen", 1)[0]).toBe(0);
  });

  it("does not join a particle that ends no clause", () => {
    expect(hitsFor("abgefahren", 0)[0]).toBe(0);
  });
});

describe("a count of people asked about through a derived word", () => {
  it("passes the gate although the sentence names neither 'Menschen' nor the participle", () => {
    const text = "Am Wochenende zogen Fans durch die Altstadt. Die Polizei meldete 37 Festnahmen. Das Spiel endete torlos.";
    const stats = buildSentenceStats(makeChunks("f.txt", text, 3), analyze);
    const terms = contentWords("Wie viele Menschen wurden festgenommen?", "de", analyze);
    expect(terms.find((t) => t.word === "Menschen")?.weight).toBeLessThan(1);
    const matches = matchTerms(terms, stats);
    const hits = termHits(matches, stats, 1);
    const covered = matches.reduce((sum, m, t) => sum + m.term.weight * m.idf * (hits[t] ?? 0), 0);
    const total = matches.reduce((sum, m) => sum + m.term.weight * m.idf, 0);
    expect(covered / total).toBeGreaterThanOrEqual(0.3);
  });
});

describe("inseparable prefixes", () => {
  it("let a strong verb's past forms meet its present, as separable particles do", () => {
    expect(sameDerivation("versprach", "versprech")).toBe(true);
    expect(sameDerivation("versproch", "versprach")).toBe(true);
    expect(sameDerivation("erhielt", "erhalt")).toBe(true);
    // Only before a strong verb's root: other words that begin like a prefix stay apart.
    expect(sameDerivation("beton", "betont")).toBe(false);
    expect(derivationPrefixes(derivation("versprach")!)).toEqual(expect.arrayContaining(["versprech", "versprach"]));
  });
});

