import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { questionFocus } from "../../src/query/cues.js";
import { measureEvidence, passesGate } from "../../src/query/gate.js";
import { buildSentenceStats, matchTerms, nounHit, termHits } from "../../src/query/score.js";
import { contentWords } from "../../src/query/terms.js";
import { ARTICLE, makeChunks } from "./fixtures.js";

const stats = buildSentenceStats(makeChunks("a.txt", ARTICLE, 3), analyze);

function evidenceFor(question: string, quoted: number[], context: number[] = [], typed = false) {
  const matches = matchTerms(contentWords(question, "de", analyze), stats);
  const near = context.map((i) => termHits(matches, stats, i));
  return measureEvidence(
    matches,
    quoted.map((i) => ({ quoted: [termHits(matches, stats, i)], context: near, typed })),
    questionFocus(question),
    false,
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
    const matches = matchTerms(contentWords(question, "de", analyze), towns);
    const evidence = measureEvidence(matches, [{ quoted: [termHits(matches, towns, 0)], context: [], typed: false }], questionFocus(question), false);
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
    const matches = matchTerms(contentWords(question, "de", analyze), school);
    const category = matches.find((m) => m.term.word === "Sprache")!;
    const measure = (i: number) =>
      measureEvidence(
        matches,
        [{ quoted: [termHits(matches, school, i)], context: [], typed: false, categoryNoun: nounHit(category, school, i) }],
        questionFocus(question),
        false,
      );
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
    const matches = matchTerms(contentWords("Who is the transport minister of France?", "en", analyze), stats);
    const evidence = measureEvidence(matches, [{ quoted: [termHits(matches, stats, 1)], context: [], typed: true }], null, false);
    expect(evidence.missingName).toBe("France");
    expect(passesGate({ ...evidence, coverage: 1 }, 0.3)).toBe(false);
    const known = matchTerms(contentWords("What happened in Leipzig?", "en", analyze), stats);
    expect(measureEvidence(known, [{ quoted: [termHits(known, stats, 2)], context: [], typed: false }], null, false).missingName).toBeNull();
  });

  it("counts only evidence that carries a number when the question asks for one", () => {
    const question = "Wie viele Menschen wurden in Leipzig verletzt?";
    const matches = matchTerms(contentWords(question, "de", analyze), stats);
    const unit = (typed: boolean) => ({ quoted: [termHits(matches, stats, 2)], context: [], typed });
    expect(measureEvidence(matches, [unit(false)], questionFocus(question), true)).toMatchObject({ coverage: 0, typed: false });
    expect(passesGate(measureEvidence(matches, [unit(false)], questionFocus(question), true), 0.3)).toBe(false);
    expect(measureEvidence(matches, [unit(true)], questionFocus(question), true).typed).toBe(true);
    expect(measureEvidence(matches, [unit(false)], questionFocus(question), false).typed).toBeNull();
  });

  it("takes the coverage of the best single passage, not words gathered from several", () => {
    const question = "Regierung Regeln Unfall";
    const matches = matchTerms(contentWords(question, "de", analyze), stats);
    const one = (i: number) => ({ quoted: [termHits(matches, stats, i)], context: [], typed: false });
    const separate = measureEvidence(matches, [one(0), one(2)], null, false).coverage;
    const together = measureEvidence(matches, [{ quoted: [termHits(matches, stats, 0), termHits(matches, stats, 2)], context: [], typed: false }], null, false).coverage;
    expect(separate).toBeLessThan(together);
  });

  it("is a threshold on coverage", () => {
    expect(passesGate({ coverage: 0.31, focusFound: null }, 0.3)).toBe(true);
    expect(passesGate({ coverage: 0.29, focusFound: null }, 0.3)).toBe(false);
    expect(passesGate({ coverage: 0.9, focusFound: false }, 0.3)).toBe(false);
  });
});
