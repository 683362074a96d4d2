import { describe, expect, it } from "vitest";
import { parseDing } from "../../src/lexicon/compile/ding.js";
import { derivePivots } from "../../src/lexicon/compile/pivots.js";

// A tiny Ding excerpt: two reservoirs, a homonym ("strike": Streik / treffen), a German word whose shared
// English word is only a late sense ("Leiter": manager, ladder, superintendent, head), and a feminine form.
const DING = [
  "Stausee {m}; Talsperre {f} | Stauseen {pl}; Talsperren {pl} :: dammed lake; reservoir | dammed lakes; reservoirs",
  "Talsperre {f}; Staudamm {m} | Talsperren {pl}; Staudämme {pl} :: dam | dams",
  "Streik {m}; Ausstand {m} | Streiks {pl}; Ausstände {pl} :: strike | strikes",
  "treffen {vt} | treffend | getroffen :: to strike | striking | struck",
  "Kopf {m} | Köpfe {pl} :: head | heads",
  "Leiter {m} | Leiter {pl} :: manager | managers",
  "Leiter {f} | Leitern {pl} :: ladder | ladders",
  "Aufseher {m}; Leiter {m} :: superintendent",
  "Chef {m}; Leiter {m} :: head",
  "Einwohner {m}; Einwohnerin {f}; Bewohner {m} :: inhabitant",
].join("\n");

const pivotsOf = (text: string) => {
  const ding = parseDing(text);
  const pos = new Map<string, string[]>();
  for (const { lemma, pos: p } of ding.germanLemmas.values()) pos.set(lemma, [...(pos.get(lemma) ?? []), p]);
  return derivePivots(ding.germanToEnglish, ding.translations, (g) => pos.get(g) ?? []);
};

describe("derivePivots", () => {
  const pivots = pivotsOf(DING);

  it("pairs German words that share a first English sense, the best shared senses first", () => {
    // Talsperre's first sense is "dam", Staudamm's only one; with Stausee it shares its second and third.
    expect(pivots.get("Stausee")).toEqual(["Talsperre"]);
    expect(pivots.get("Talsperre")).toEqual(["Staudamm", "Stausee"]);
    expect(pivots.get("Streik")).toEqual(["Ausstand"]);
  });

  it("keeps apart words of different parts of speech and words whose shared English word is a late sense", () => {
    // "strike" is Streik and treffen, in different senses; "head" is Kopf's first sense but Leiter's fourth.
    expect(pivots.get("Streik")).not.toContain("treffen");
    expect(pivots.get("Kopf")).toEqual(["Chef"]);
  });

  it("leaves out the word's own inflections and compounds", () => {
    expect(pivots.get("Einwohner")).toEqual(["Bewohner"]);
    // (A feminine of another word is that word's inflection, not this one's: Bewohner → Einwohnerin stays.)
    expect(pivots.get("Bewohner")).toEqual(["Einwohner", "Einwohnerin"]);
  });

  it("keeps at most the number asked for", () => {
    const ding = parseDing(DING);
    const few = derivePivots(ding.germanToEnglish, ding.translations, () => ["noun"], { senses: 3, translations: 6, maxPivots: 1 });
    expect(few.get("Talsperre")).toEqual(["Staudamm"]);
  });
});
