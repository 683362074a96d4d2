import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { questionFocus } from "../../src/query/cues.js";
import { measureEvidence, passesGate } from "../../src/query/gate.js";
import { buildSentenceStats, matchTerms, nounHit, termHits } from "../../src/query/score.js";
import { queryTerms } from "../../src/query/terms.js";
import { ARTICLE, makeChunks } from "./fixtures.js";

const stats = buildSentenceStats(makeChunks("a.txt", ARTICLE, 3), analyze);

function evidenceFor(question: string, quoted: number[], context: number[] = [], typed = false) {
  const matches = matchTerms(queryTerms(question, "de", analyze), stats);
  return measureEvidence(
    matches,
    quoted.map((i) => termHits(matches, stats, i)),
    context.map((i) => termHits(matches, stats, i)),
    questionFocus(question),
    quoted.map(() => typed),
  );
}

describe("relevance gate", () => {
  it("passes evidence that covers the question", () => {
    const evidence = evidenceFor("Wie viele Menschen wurden in Leipzig verletzt?", [2]);
    expect(evidence.coverage).toBeGreaterThan(0.8);
    expect(passesGate(evidence, 0.3)).toBe(true);
  });

  it("rejects evidence that shares no word with the question", () => {
    const evidence = evidenceFor("Wer gewann die Bundestagswahl 2021?", [0]);
    expect(evidence.coverage).toBe(0);
    expect(passesGate(evidence, 0.3)).toBe(false);
  });

  it("rejects evidence that lacks what a how-many question counts, however well it covers the rest", () => {
    const evidence = evidenceFor("Wie viele Einwohner hat Leipzig?", [2]);
    expect(evidence.focusFound).toBe(false);
    expect(passesGate({ ...evidence, coverage: 1 }, 0.3)).toBe(false);
  });

  it("accepts a category question's answer by its type, without the category word", () => {
    const evidence = evidenceFor("Welche Ministerin sprach von einem Schritt?", [1], [], true);
    expect(evidence.focusFound).toBe(true);
  });

  it("finds a category noun that stands only as the head of a compound", () => {
    const towns = buildSentenceStats(makeChunks("t.txt", "Der Sturm traf die Hafenstadt Kiel am Morgen. Viele Bäume fielen um."), analyze);
    const question = "In welcher Stadt traf der Sturm ein?";
    const matches = matchTerms(queryTerms(question, "de", analyze), towns);
    const evidence = measureEvidence(matches, [termHits(matches, towns, 0)], [], questionFocus(question), [false]);
    expect(evidence.focusFound).toBe(true);
  });

  it("declines a German question about a noun the sources never mention, though its place matches", () => {
    const evidence = evidenceFor("Wie war das Wetter in Leipzig?", [2]);
    expect(evidence.missingNoun).toBe("Wetter");
    expect(evidence.coverage).toBeGreaterThan(0.3);
    expect(passesGate(evidence, 0.3)).toBe(false);
  });

  it("still answers when the rest of the question is matched well, or the absent noun only frames it", () => {
    expect(passesGate({ coverage: 0.6, focusFound: null, missingNoun: "Abfahrt" }, 0.3)).toBe(true);
    expect(evidenceFor("Aus welchem Grund sprach Anna Berger von einem wichtigen Schritt?", [1]).missingNoun).toBeNull();
    expect(evidenceFor("Wie viele Menschen wurden in Leipzig verletzt?", [2]).missingNoun).toBeNull();
    expect(evidenceFor("Wo wurden die Pläne geändert?", [4]).missingNoun).toBeNull(); // a compound's head is enough
  });

  it("finds a category noun only among nouns, not in a verb that shares its stem", () => {
    const school = buildSentenceStats(makeChunks("s.txt", "Der Lehrer sprach lange mit den Kindern. Die Kinder lernen die Sprache der Nachbarn."), analyze);
    const question = "Welche Sprache lernen die Kinder?";
    const matches = matchTerms(queryTerms(question, "de", analyze), school);
    const category = matches.find((m) => m.term.word === "Sprache")!;
    const measure = (i: number) =>
      measureEvidence(matches, [termHits(matches, school, i)], [], questionFocus(question), [false], [nounHit(category, school, i)]);
    expect(termHits(matches, school, 0)[0]).toBe(1); // "sprach" and "Sprache" share a stem
    expect(measure(0).focusFound).toBe(false);
    expect(measure(1).focusFound).toBe(true);
  });

  it("counts terms found only in neighbouring sentences at half strength", () => {
    const alone = evidenceFor("Regierung Regeln Unfall", [2]);
    const withContext = evidenceFor("Regierung Regeln Unfall", [2], [0]);
    expect(withContext.coverage).toBeGreaterThan(alone.coverage);
    expect(withContext.coverage).toBeLessThan(1);
  });

  it("declines when an English question names something the sources never mention", () => {
    const matches = matchTerms(queryTerms("Who is the transport minister of France?", "en", analyze), stats);
    const evidence = measureEvidence(matches, [termHits(matches, stats, 1)], [], null, [true]);
    expect(evidence.missingName).toBe("France");
    expect(passesGate({ ...evidence, coverage: 1 }, 0.3)).toBe(false);
    const known = matchTerms(queryTerms("What happened in Leipzig?", "en", analyze), stats);
    expect(measureEvidence(known, [termHits(known, stats, 2)], [], null, [false]).missingName).toBeNull();
  });

  it("is a threshold on coverage", () => {
    expect(passesGate({ coverage: 0.31, focusFound: null }, 0.3)).toBe(true);
    expect(passesGate({ coverage: 0.29, focusFound: null }, 0.3)).toBe(false);
    expect(passesGate({ coverage: 0.9, focusFound: false }, 0.3)).toBe(false);
  });
});
