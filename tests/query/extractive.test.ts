import { describe, expect, it } from "vitest";
import { composeExtractive, notFoundText, selectSentences } from "../../src/query/extractive.js";
import type { ScoredSentence } from "../../src/query/score.js";

const sentence = (i: number, score: number, hits: number[], typeMatch = false): ScoredSentence => ({
  index: i,
  sentence: { source: "a.txt", start: i * 10, end: i * 10 + 9, text: `Satz ${i}.`, chunkId: 0 },
  hits,
  coverage: score,
  typeMatch,
  score,
});

describe("selectSentences", () => {
  it("takes the best sentence, and others only when close and adding a term", () => {
    const chosen = selectSentences([sentence(0, 1, [1, 0]), sentence(1, 0.9, [1, 0]), sentence(2, 0.8, [0, 1]), sentence(3, 0.2, [0, 0])]);
    expect(chosen.map((s) => s.index)).toEqual([0, 2]);
  });

  it("adds the sentence right after the best from a lower score, when it adds a term, and no other sentence so", () => {
    const next = sentence(1, 0.5, [0, 1]);
    expect(selectSentences([sentence(0, 1, [1, 0]), next]).map((s) => s.index)).toEqual([0, 1]);
    // Not the one before it, nor one further on, nor one of another article.
    expect(selectSentences([sentence(3, 1, [1, 0]), sentence(2, 0.5, [0, 1]), sentence(5, 0.5, [0, 1])]).map((s) => s.index)).toEqual([3]);
    const elsewhere = { ...next, sentence: { ...next.sentence, source: "b.txt" } };
    expect(selectSentences([sentence(0, 1, [1, 0]), elsewhere]).map((s) => s.index)).toEqual([0]);
    // Nor when it adds no term.
    expect(selectSentences([sentence(0, 1, [1, 0]), sentence(1, 0.5, [1, 0])]).map((s) => s.index)).toEqual([0]);
  });

  it("measures a sentence of another article against the leading article's best score, when a sentence of a lower score leads it", () => {
    // The leading article's first sentence scores 0.4 and its second 0.8 (ranked by rarity in the article);
    // another article's 0.4 is close to the first, not to the article's best.
    const elsewhere = { ...sentence(7, 0.4, [0, 0, 1]), sentence: { ...sentence(7, 0.4, [0, 0, 1]).sentence, source: "b.txt" } };
    expect(selectSentences([sentence(0, 0.4, [1, 0, 0]), sentence(3, 0.8, [0, 1, 0]), elsewhere]).map((s) => s.index)).toEqual([0, 3]);
    // Within the leading article, the sentence that leads is the measure, as before.
    expect(selectSentences([sentence(0, 0.4, [1, 0, 0]), sentence(3, 0.35, [0, 1, 0])]).map((s) => s.index)).toEqual([0, 3]);
  });

  it("adds a close sentence that carries the asked-for type the others lack", () => {
    expect(selectSentences([sentence(0, 1, [1]), sentence(1, 0.8, [1], true)]).map((s) => s.index)).toEqual([0, 1]);
  });

  it("quotes every close sentence of the asked-for type when the type is a strict one (a number, a date)", () => {
    const scored = [sentence(0, 1, [1], true), sentence(1, 0.95, [1], true), sentence(2, 0.9, [1]), sentence(3, 0.5, [1], true)];
    // Two numbers for what is asked, a hair apart: the reader sees both rather than the scorer's pick.
    expect(selectSentences(scored, { strict: true }).map((s) => s.index)).toEqual([0, 1]);
    // For a looser type (a person, a place), a second sentence of that type adds nothing by itself.
    expect(selectSentences(scored).map((s) => s.index)).toEqual([0]);
  });

  it("quotes at most three sentences", () => {
    const many = [0, 1, 2, 3, 4].map((i) => sentence(i, 1, [0, 1, 2, 3, 4].map((t) => (t === i ? 1 : 0))));
    expect(selectSentences(many)).toHaveLength(3);
  });

  it("quotes nothing when there is nothing", () => {
    expect(selectSentences([])).toEqual([]);
  });
});

describe("composeExtractive", () => {
  const doc = () => ({ source: "a.txt", title: "T", date: null, sha256: "x", chunks: 1 });

  it("frames verbatim quotes in German, each followed by its number", () => {
    const { text, citations } = composeExtractive([sentence(0, 1, [1]), sentence(2, 1, [1])], "de", doc);
    expect(text).toBe("Laut den Quellen: „Satz 0.“ [1] „Satz 2.“ [2]");
    expect(citations.map((c) => [c.n, c.quote, c.start])).toEqual([
      [1, "Satz 0.", 0],
      [2, "Satz 2.", 20],
    ]);
  });

  it("frames in English for English questions; the quotes stay as written", () => {
    expect(composeExtractive([sentence(0, 1, [1])], "en", doc).text).toBe("According to the source: “Satz 0.” [1]");
  });

  it("says what the sources cover when declining", () => {
    expect(notFoundText("en", ["Truppen verlassen Kasachstan"])).toBe(
      "I can't find that in my sources, so I won't guess. The sources cover, for example: “Truppen verlassen Kasachstan”.",
    );
    expect(notFoundText("de", [])).toMatch(/^Dazu finde ich in meinen Quellen nichts/);
  });
});
