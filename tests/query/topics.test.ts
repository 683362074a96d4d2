import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/keyword.js";
import { buildSentenceStats } from "../../src/query/score.js";
import { exampleQuestion, exampleTopics, salientTopics } from "../../src/query/topics.js";
import { makeChunks } from "./fixtures.js";

describe("salientTopics", () => {
  it("prefers names mentioned in several sentences over nouns that follow an article", () => {
    const sentences = [
      "Die Truppen verlassen Kasachstan nach zehn Tagen.",
      "Präsident Tokajew dankte Putin für die Hilfe der Truppen.",
      "In Kasachstan hat sich die Lage laut Tokajew beruhigt.",
      "Der Einsatz in Kasachstan war kurz.",
    ];
    expect(salientTopics(sentences, 2)).toEqual(["Kasachstan", "Tokajew"]);
  });
});
describe("exampleTopics", () => {
  const a = "Die Truppen verlassen Kasachstan nach zehn Tagen. Präsident Tokajew dankte Putin. In Kasachstan ist es ruhig. Tokajew sprach von Terror. Auch Putin sprach.";
  const b = "Der Streik traf Göttingen am Montag. Die Lokführer in Göttingen forderten mehr Geld. In Göttingen fuhr kein Zug.";
  const first = makeChunks("a.txt", a, 2);
  const chunks = [...first, ...makeChunks("b.txt", b, 2, first.length)];
  const stats = buildSentenceStats(chunks, analyze);
  const doc = (source: string) => ({ source, title: source, date: null, sha256: "x", chunks: 1 });

  it("asks about the most salient name of each article first, in the asker's language", () => {
    const index = { docs: [doc("a.txt"), doc("b.txt")] };
    expect(exampleTopics(index, stats, undefined, 2)).toEqual(["Kasachstan", "Göttingen"]);
    expect(exampleQuestion("Göttingen", "de")).toBe("Was steht in den Quellen über Göttingen?");
    expect(exampleQuestion("Göttingen", "en")).toBe("What do the sources say about Göttingen?");
  });

  it("takes several names of a single article, and only what the caller counts as a name", () => {
    const index = { docs: [doc("a.txt")] };
    const topics = exampleTopics(index, stats, (w) => w !== "Kasachstan", 2);
    expect([...topics].sort()).toEqual(["Putin", "Tokajew"]);
  });
});
