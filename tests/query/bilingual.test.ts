import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import type { Lexicon } from "../../src/lexicon/index.js";
import { englishSide, isEnglishTitle } from "../../src/query/bilingual.js";
import { buildSentenceStats } from "../../src/query/score.js";
import { makeChunks } from "./fixtures.js";

/** A dictionary with a few English words, so these tests say what the backward reading does with what it is given. */
const lexicon: Lexicon = {
  germanLemmas: () => [],
  isGermanNoun: () => false,
  isGermanWord: () => false,
  germanSynonyms: () => [],
  germanPhraseSynonyms: () => [],
  germanPivots: () => [],
  germanBroader: () => [],
  germanNarrower: () => [],
  englishToGerman: (phrase) =>
    (({
      bridge: ["Brücke"],
      vehicle: ["Fahrzeug", "Vehikel"],
      art: ["Kunst"],
      close: ["schließen", "sperren"],
      shut: ["schließen"],
      driver: ["Fahrzeugführer", "Kraftfahrer", "Beweggrund", "Auslöser", "Pilot", "Treiber", "Lenker", "Autofahrer"],
    }) as Record<string, string[]>)[
      phrase
    ]?.map((german, rank) => ({ german, rank })) ?? [],
  englishSynonyms: () => [],
  englishLemmas: (word) => (word.endsWith("s") ? [word.slice(0, -1)] : word.endsWith("d") ? [word.slice(0, -1), word.slice(0, -2)] : [word]),
  place: () => undefined,
  demonymPlace: () => undefined,
};

const GERMAN = "Die Art der Ausstellung überraschte die Besucher. Das Museum zeigt moderne Kunst.";
const ENGLISH = "The bridge was closed to all vehicles. Local art galleries stayed open. Drivers must take a detour.";

function side(texts: Record<string, string>) {
  const chunks = Object.entries(texts).flatMap(([source, text]) => makeChunks(source, text, 2));
  const relabelled = chunks.map((chunk, id) => ({ ...chunk, id }));
  const stats = buildSentenceStats(relabelled, analyze);
  const english = [...Array(stats.count).keys()].filter((i) => stats.source(i) === "en.txt");
  return englishSide(english, stats, lexicon, analyze);
}

describe("englishSide", () => {
  it("reads the dictionary backwards over the English articles' words, best sense first", () => {
    const english = side({ "de.txt": GERMAN, "en.txt": ENGLISH });
    expect(english.of(analyze("Brücke")[0]!)).toEqual([{ word: "bridge", stem: analyze("bridge")[0], rank: 0 }]);
    expect(english.of(analyze("Fahrzeuge")[0]!).map((w) => w.word)).toEqual(["vehicles"]);
    // "closed" is a form of "close", whose second sense is "sperren".
    expect(english.of(analyze("gesperrt")[0]!)).toEqual([]);
    expect(english.of(analyze("sperren")[0]!)).toEqual([{ word: "closed", stem: analyze("closed")[0], rank: 1 }]);
  });

  it("reads every sense the dictionary lists, each at its rank", () => {
    // "Autofahrer" is the eighth sense of "driver", and still what a German asker says for drivers.
    expect(side({ "en.txt": ENGLISH }).of(analyze("Autofahrer")[0]!)).toEqual([{ word: "drivers", stem: analyze("drivers")[0], rank: 7 }]);
  });

  it("knows the words of the English articles that the German ones do not use", () => {
    const english = side({ "de.txt": GERMAN, "en.txt": ENGLISH });
    expect(english.uses(analyze("bridge")[0]!)).toBe(true);
    expect(english.uses(analyze("art")[0]!)).toBe(false);
    expect(english.uses(analyze("Brücke")[0]!)).toBe(false);
  });

  it("leaves out an English word that the German articles use too", () => {
    // "art" stands in the German article ("Die Art der Ausstellung"): as a translation of "Kunst" it would find it.
    expect(side({ "de.txt": GERMAN, "en.txt": ENGLISH }).of(analyze("Kunst")[0]!)).toEqual([]);
    expect(side({ "en.txt": ENGLISH }).of(analyze("Kunst")[0]!).map((w) => w.word)).toEqual(["art"]);
  });

  it("has nothing to say for a corpus without English articles", () => {
    const stats = buildSentenceStats(makeChunks("de.txt", GERMAN, 2), analyze);
    expect(englishSide([], stats, lexicon, analyze).of(analyze("Brücke")[0]!)).toEqual([]);
    expect(englishSide([], stats, lexicon, analyze).uses(analyze("bridge")[0]!)).toBe(false);
  });
});

describe("isEnglishTitle", () => {
  it("tells an English article's opening from a German one", () => {
    expect(isEnglishTitle("Oxford (Reuters) - The city has closed the bridge to all traffic after engineers found cracks")).toBe(true);
    expect(isEnglishTitle("Nur eine Woche nach der Verlegung ausländischer Truppen in die von schweren Unruhen")).toBe(false);
    expect(isEnglishTitle("Kasachstan")).toBe(false);
    // A dateline and few function words: "a", "that", "about".
    expect(isEnglishTitle("LEEDS, England, May 2 (PA) - A library that holds about 300,000 books across the…")).toBe(true);
  });
});
