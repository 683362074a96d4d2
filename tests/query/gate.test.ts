import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { questionFocus } from "../../src/query/cues.js";
import { namesFocus } from "../../src/query/cues.js";
import { askedTerms, measureEvidence, passesGate } from "../../src/query/gate.js";
import { buildSentenceStats, matchTerms, namesSame, termHits, type TermMatch } from "../../src/query/score.js";
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

  it("counts a name said as a noun among the words of what is asked, and other names not", () => {
    const match = (word: string, extra: object): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1, ...extra }, similar: new Map(), idf: 1 }) as unknown as TermMatch;
    const asked = askedTerms([match("Leipzig", { name: true }), match("Heimatmuseum", { name: true, asked: true }), match("Diebstahl", {})]);
    expect(asked).toEqual([1, 2]);
    // What "wie viele" counts is asked, however light a word: "Menschen" weighs less than a full word.
    const people = [match("Menschen", { weight: 0.5 }), match("arbeiten", {}), match("Dijk", { name: true })];
    expect(askedTerms(people)).toEqual([1]);
    expect(askedTerms(people, { word: "menschen", kind: "people" })).toEqual([0, 1]);
  });

  it("takes a pronoun follow-up's definite noun for the earlier turn's subject, not an indefinite one", () => {
    const match = (word: string, extra: object): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1, ...extra }, similar: new Map(), idf: 1 }) as unknown as TermMatch;
    // "Warum ist ihr die Firma so wichtig?" after a question on Hallmann: the quote says "wichtig" (by a
    // synonym) and "Hallmann", not "Firma".
    const question = (noun: object) => [match("Firma", { noun: true, ...noun }), match("wichtig", {}), match("Hallmann", { name: true, context: true, weight: 0.5 })];
    const unit = { quoted: [[0, 0.6, 1]], context: [], typed: false };
    expect(measureEvidence(question({ definite: true }), [unit], null, false, "pronoun").coverage).toBeGreaterThan(0);
    // So does one that goes on from it ("Und was kostet er im laufenden Betrieb?").
    expect(measureEvidence(question({ definite: true }), [unit], null, false, "ellipsis").coverage).toBeGreaterThan(0);
    // Asked alone, or of "eine Firma", the quote is off the subject.
    expect(measureEvidence(question({ definite: true }), [unit], null, false, null).coverage).toBe(0);
    expect(measureEvidence(question({}), [unit], null, false, "pronoun").coverage).toBe(0);
  });

  it("lets an ellipsis's passage speak to what the question before asked, not to the names its answer quoted", () => {
    const match = (word: string, extra: object): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1, ...extra }, similar: new Map(), idf: 1 }) as unknown as TermMatch;
    // "Und im Zoo Lindenau?" after "Wie viele Pfleger arbeiten im Tierpark Ostheim?": the answer counts the
    // zoo's keepers ("Die 40 Pfleger …") in an article that names the zoo; "Ostheim" is what the last
    // answer quoted, and says nothing asked.
    const question = [
      match("Zoo", { noun: true }),
      match("Lindenau", { name: true }),
      match("Pfleger", { context: true, askedBefore: true, weight: 0.5 }),
      match("Ostheim", { context: true, weight: 0.5 }),
    ];
    const unit = (hits: number[]) => ({ quoted: [hits], context: [], typed: true, inDocument: [true, true, false, false], lead: [1, 1, 0, 0] });
    expect(measureEvidence(question, [unit([0, 0, 1, 0])], null, true, "ellipsis").coverage).toBeGreaterThan(0);
    // Asked alone it needs its own word; nor does the last answer's name stand in for what is asked.
    expect(measureEvidence(question, [unit([0, 0, 1, 0])], null, true, null).coverage).toBe(0);
    expect(measureEvidence(question, [unit([0, 0, 0, 1])], null, true, "ellipsis").coverage).toBe(0);
  });

  it("lets a follow-up's count of people be answered by any people the story counts, not only by the asker's word for them", () => {
    const match = (word: string, extra: object): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1, ...extra }, similar: new Map(), idf: 1 }) as unknown as TermMatch;
    // "Wie viele Leute sind betroffen?" after an answer on a mill that closes: "Rund 80 Arbeiter verlieren ihre Stelle."
    // Its own words are the asker's, which the story never says: they weigh nothing (see read's pointsBackOnly).
    const question = [match("Leute", { weight: 0 }), match("trifft", { weight: 0 }), match("Mühle", { context: true, weight: 0.5 })];
    const focus = { word: "leute", kind: "people" } as const;
    const unit = { quoted: [[0, 0, 0]], context: [[0, 0, 1]], typed: true, countsSomething: true, inDocument: [false, false, true], lead: [0, 0, 1] };
    expect(measureEvidence(question, [unit], focus, true, "pronoun").counted).toEqual([true]);
    // Asked alone, the people word must stand there.
    expect(measureEvidence(question, [unit], focus, true, null).counted).toEqual([false]);
  });

  it("takes a sentence as on the subject its article's lead names, and off it when the lead names it neither", () => {
    const match = (word: string, extra: object): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1, ...extra }, similar: new Map(), idf: 1 }) as unknown as TermMatch;
    // "Wie viel hat die neue Straßenbahnlinie gekostet?" and "Der Bau kostete 152 Millionen Euro.": the
    // lead of its article opened the "Straßenbahnlinie 6".
    const question = [match("Straßenbahnlinie", { noun: true }), match("gekostet", {})];
    const quoted = { quoted: [[0, 1]], context: [], typed: true };
    expect(measureEvidence(question, [{ ...quoted, lead: [1, 0] }], null, true).coverage).toBeGreaterThan(0);
    expect(measureEvidence(question, [{ ...quoted, lead: [0, 0] }], null, true).coverage).toBe(0);
    expect(measureEvidence(question, [quoted], null, true).coverage).toBe(0);
    // A lead that begins a word with the compound's modifier ("das Straßenbahnnetz" for "Straßenbahnlinie") says the
    // subject too; one that does so for another term does not.
    expect(measureEvidence(question, [{ ...quoted, lead: [0, 0], modifiersSaid: [true, false] }], null, true).coverage).toBeGreaterThan(0);
    expect(measureEvidence(question, [{ ...quoted, lead: [0, 0], modifiersSaid: [false, true] }], null, true).coverage).toBe(0);
  });

  it("declines one loose match when another word of the question is nowhere in the sources, and not a close one", () => {
    const match = (word: string, similar: [string, number][]): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1 }, similar: new Map(similar), idf: 1 }) as unknown as TermMatch;
    // "Who is the current pope?": "current" met as "derzeit" inside "jederzeit", no source speaks of a pope.
    const pope = [match("current", [["jederzeit", 0.59]]), match("pope", [])];
    const loose = measureEvidence(pope, [{ quoted: [[0.59, 0]], context: [], typed: true }], null, false);
    expect(loose.lone).toBe(true);
    expect(passesGate(loose, 0.2)).toBe(false);
    // The word itself or its first translation stands alone ("firefighters" → Feuerwehrleute, "Mulde" unknown).
    const close = measureEvidence(pope, [{ quoted: [[0.9, 0]], context: [], typed: true }], null, false);
    expect(close.lone).toBe(false);
    // Two words met, however loosely, say more than one.
    const three = [...pope, match("church", [["kirche", 0.6]])];
    expect(measureEvidence(three, [{ quoted: [[0.59, 0, 0.6]], context: [], typed: true }], null, false).lone).toBe(false);
    // Nor does a second word met in a sentence around the quote.
    expect(measureEvidence(three, [{ quoted: [[0.59, 0, 0]], context: [[0, 0, 0.6]], typed: true }], null, false).lone).toBe(false);
    // Every word in the sources: the coverage decides.
    const known = [match("current", [["jederzeit", 0.59]]), match("strike", [["streik", 0.9]])];
    expect(measureEvidence(known, [{ quoted: [[0.59, 0]], context: [], typed: true }], null, false).lone).toBe(false);
    // A measure's noun is no word of the subject: "Was kostet ein Gramm Gold?" is not answered by any sum in euros.
    const euro = { ...match("Euro", [["euro", 1]]), term: { word: "Euro", position: -1, alternatives: [], weight: 0.5, measure: true } } as unknown as TermMatch;
    const gold = [match("Gramm", [["gramm", 0.59]]), match("Gold", []), euro];
    expect(measureEvidence(gold, [{ quoted: [[0.59, 0, 1]], context: [], typed: true }], null, true).lone).toBe(true);
  });

  it("finds a price's thing where the price is, or in the sentences and lead around it, and not elsewhere", () => {
    const match = (word: string, extra: object): TermMatch =>
      ({ term: { word, position: 0, alternatives: [], weight: 1, ...extra }, similar: new Map(), idf: 1 }) as unknown as TermMatch;
    // "Wie viel kostet ein Ticket für die Orgelkonzerte?" and "Die Restaurierung der Orgel kostete 740.000 Euro.":
    // the sum is the price of another thing, which no sentence around it calls a ticket.
    const question = [match("kostet", {}), match("Ticket", { noun: true }), match("Orgelkonzerte", { noun: true })];
    const focus = { word: "ticket", kind: "priced" } as const;
    const unit = (quoted: number[], context: number[][] = [], lead = [0, 0, 1]) => ({ quoted: [quoted], context, typed: true, lead });
    expect(measureEvidence(question, [unit([1, 0, 1])], focus, true).focusFound).toBe(false);
    // "Ein Ticket kostet 12 Euro." names it; "Es kostet 12 Euro." after a sentence that does, too.
    expect(measureEvidence(question, [unit([1, 1, 0])], focus, true).focusFound).toBe(true);
    expect(measureEvidence(question, [unit([1, 0, 0], [[0, 0.8, 0]])], focus, true).focusFound).toBe(true);
    // And "Der Eintritt kostet 12 Euro." in an article whose lead names the thing.
    expect(measureEvidence(question, [unit([1, 0, 0], [], [0, 1, 1])], focus, true).focusFound).toBe(true);
    // With no focus the sum stands as it did.
    expect(measureEvidence(question, [unit([1, 0, 1])], null, true).focusFound).toBeNull();
  });

  it("finds a how-many question's counted noun as the head of a phrase the dictionary knows whole", () => {
    expect(namesFocus("shuttle buses", { word: "buses", kind: "counted" })).toBe(true);
    expect(namesFocus("Busse", { word: "busse", kind: "counted" })).toBe(true);
    expect(namesFocus("shuttle service", { word: "buses", kind: "counted" })).toBe(false);
  });

  it("rejects evidence that does not say the period a question counts back from now", () => {
    const evidence = { coverage: 0.8, focusFound: null };
    expect(passesGate({ ...evidence, periodSaid: false }, 0.3)).toBe(false);
    expect(passesGate({ ...evidence, periodSaid: true }, 0.3)).toBe(true);
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
    // What is counted must stand in the quoted sentence, not only next to it.
    expect(evidenceFor("Wie viele Unfälle gab es in Leipzig?", [3], [2], true).focusFound).toBe(false);
    expect(evidenceFor("Wie viele Unfälle gab es in Leipzig?", [2], [], true).focusFound).toBe(true);
  });

  it("finds what is counted only beside a number, in the same clause", () => {
    const counts = buildSentenceStats(makeChunks("b.txt", "Es gab viele Tote, Hunderte Verletzte und mehr als 10 000 Festnahmen. Die Zahl der Toten stieg später auf 225.", 1), analyze);
    const focusFound = (question: string, sentence: number) => {
      const matches = matchTerms(contentWords(question, "de", analyze), counts);
      const members = [{ index: sentence }];
      const counted = matches.map((m) => Math.max(0, ...members.flatMap((x) => [...counts.counted(x.index)].map((stem) => m.similar.get(stem) ?? 0))));
      const unit = { quoted: [termHits(matches, counts, sentence)], context: [], typed: true, counted };
      return measureEvidence(matches, [unit], questionFocus(question), true).focusFound;
    };
    // "viele Tote" gives no number of the dead; the injured and the arrests have theirs.
    expect(focusFound("Wie hoch ist die Zahl der Toten?", 0)).toBe(false);
    expect(focusFound("Wie viele Verletzte gab es?", 0)).toBe(true);
    expect(focusFound("Wie viele Festnahmen gab es?", 0)).toBe(true);
    expect(focusFound("Wie hoch ist die Zahl der Toten?", 1)).toBe(true);
  });

  it("does not take a compound that merely begins with what is counted for it", () => {
    const seats = buildSentenceStats(makeChunks("c.txt", "In allen 230 Stimmbezirken wurde gezählt. Die Partei erhielt 1,2 Millionen Stimmen.", 1), analyze);
    const matches = matchTerms(contentWords("Wie viele Stimmen erhielt die Partei?", "de", analyze), seats);
    const t = matches.findIndex((m) => m.term.word === "Stimmen");
    const counted = (i: number) => [...seats.counted(i)].some((stem) => namesSame(matches[t]!.term, stem) && (matches[t]!.similar.get(stem) ?? 0) > 0);
    expect(counted(0)).toBe(false);
    expect(counted(1)).toBe(true);
  });

  it("finds what is counted through a translation from deeper in the dictionary, measured against what that term can reach", () => {
    const terms = contentWords("Wie viele Unfälle gab es in Leipzig?", "de", analyze).map((term) =>
      term.word === "Unfälle" ? { ...term, alternatives: term.alternatives.map((a) => ({ ...a, weight: 0.5, via: "translation" as const })) } : term,
    );
    const matches = matchTerms(terms, stats);
    const t = matches.findIndex((m) => m.term.word === "Unfälle");
    const hits = termHits(matches, stats, 2).map((hit, i) => (i === t ? 0.5 : hit));
    const evidence = measureEvidence(matches, [{ quoted: [hits], context: [], typed: true }], questionFocus("Wie viele Unfälle gab es in Leipzig?"), true);
    expect(evidence.focusFound).toBe(true);
  });

  it("takes a category noun for an ordinary term: the answer need not repeat it", () => {
    expect(evidenceFor("In welcher Stadt gab es einen Unfall?", [2]).focusFound).toBeNull();
  });

  it("wants the role of a which-role question named in the quoted sentence", () => {
    expect(evidenceFor("Welche Ministerin sprach von einem Schritt?", [1]).focusFound).toBe(true);
    expect(evidenceFor("Welche Ministerin kündigte an, die Fahrpläne zu ändern?", [4]).focusFound).toBe(false);
    // A role no sentence of the sources names is found nowhere, whatever sentence is quoted.
    expect(evidenceFor("Welche Botschafterin sprach von einem Schritt?", [1]).focusFound).toBe(false);
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
