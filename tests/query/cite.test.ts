import { describe, expect, it } from "vitest";
import { citationFor, citedNumbers, claimsByNumber, renumberCitations } from "../../src/query/cite.js";

describe("citationFor", () => {
  it("quotes the sentence verbatim with exact offsets, trimming surrounding whitespace", () => {
    const file = "Titel. \n  Es gab Hunderte Verletzte.  \nEnde.";
    const start = file.indexOf("\n") + 1;
    const end = file.indexOf("Ende");
    const citation = citationFor(
      { source: "a.txt", start, end, text: file.slice(start, end), chunkId: 0 },
      1,
      { source: "a.txt", title: "Titel", date: "2022-01", sha256: "x", chunks: 1 },
    );
    expect(citation).toEqual({
      n: 1,
      source: "a.txt",
      title: "Titel",
      date: "2022-01",
      quote: "Es gab Hunderte Verletzte.",
      start: file.indexOf("Es gab"),
      end: file.indexOf("Es gab") + "Es gab Hunderte Verletzte.".length,
    });
    expect(file.slice(citation.start, citation.end)).toBe(citation.quote);
  });
});

describe("citation numbers", () => {
  it("lists the numbers used, in order of first appearance", () => {
    expect(citedNumbers("A [2]. B [1, 2]. C [3,4].")).toEqual([2, 1, 3, 4]);
    expect(citedNumbers("No citations here.")).toEqual([]);
  });

  it("drops invented numbers and renumbers the rest in order of appearance", () => {
    expect(renumberCitations("X [3]. Z [1]. W [3, 7].", 4)).toEqual({ text: "X [1]. Z [2]. W [1].", mapping: [3, 1] });
  });

  it("drops a sentence whose citations were all invented, so no claim is left without its source", () => {
    expect(renumberCitations("X [3]. Y [9]. Z [1].", 4)).toEqual({ text: "X [1]. Z [2].", mapping: [3, 1] });
    expect(renumberCitations("Erstens gilt X [7].\nZweitens Y [2].", 6)).toEqual({ text: "Zweitens Y [1].", mapping: [2] });
    // A sentence without any marker is framing, not a claim ascribed to a source; it stays.
    expect(renumberCitations("Kurz gesagt: X [1]. Das ist alles.", 2).text).toBe("Kurz gesagt: X [1]. Das ist alles.");
  });

  it("drops [0] and keeps nothing when every number is invented", () => {
    expect(renumberCitations("Falsch [0] und [5].", 4)).toEqual({ text: "", mapping: [] });
  });

  it("finds the claim each number backs", () => {
    const claims = claimsByNumber("Es gab Hunderte Verletzte [1]. Tokajew erteilte einen Schießbefehl [2].");
    expect(claims.get(1)).toBe("Es gab Hunderte Verletzte");
    expect(claims.get(2)).toBe("Tokajew erteilte einen Schießbefehl");
  });
});
