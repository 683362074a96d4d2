import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { createRandom, generateCorpus, generateQuestions, type Random } from "../../src/bench/corpus.js";
import { chunkDoc } from "../../src/ingest/chunk.js";
import { analyze } from "../../src/ingest/keyword.js";
import { parseSeed } from "../../src/ingest/load.js";
import { accepts, buildSentenceStats, matchTerms, namesSame, type SentenceStats, type TermMatch } from "../../src/query/score.js";
import { contentWords } from "../../src/query/terms.js";
import { detectLanguage } from "../../src/query/language.js";
import { derivation, derivationPrefixes, sameDerivation } from "../../src/query/derive.js";
import { masculine, sameFamily, stemSimilarity, transliterationKey, USED_MATCH, vocabularyOf, withinEdits } from "../../src/query/vocabulary.js";
import type { Chunk, SourceDoc } from "../../src/types.js";

const chunking = { sentences: 4, overlap: 1 };

/** What the index must reproduce: every stem of the vocabulary compared with every query stem. */
function similarExhaustive(queries: readonly string[], stats: SentenceStats): Map<string, number> {
  const similar = new Map<string, number>();
  for (const stem of stats.postings.keys()) {
    let best = 0;
    for (const q of queries) best = Math.max(best, stemSimilarity(q, stem));
    if (best > 0) similar.set(stem, best);
  }
  return similar;
}

/** matchTerms as it was before the index: a scan of the vocabulary and a Set of sentences per term. */
function matchTermsExhaustive(question: string, stats: SentenceStats): TermMatch[] {
  const n = stats.count;
  return contentWords(question, detectLanguage(question), analyze).map((term) => {
    // Each alternative's stems as the scan finds them, filtered and weighted as matchTerms does.
    const similar = new Map<string, number>();
    for (const alternative of term.alternatives) {
      for (const [stem, value] of similarExhaustive([alternative.stem], stats)) {
        const begins = (prefix: string) => [...stats.postings.keys()].some((s) => s.startsWith(prefix));
        if (accepts(term, alternative, stem, value, begins) && value * alternative.weight > (similar.get(stem) ?? 0)) similar.set(stem, value * alternative.weight);
      }
    }
    const containing = new Set<number>();
    for (const stem of similar.keys()) for (const i of stats.postings.get(stem) ?? []) containing.add(i);
    const df = containing.size;
    return { term, similar, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
  });
}

function statsOf(docs: readonly SourceDoc[]): SentenceStats {
  const chunks: Chunk[] = docs.flatMap((doc) => chunkDoc(doc, chunking)).map((chunk, id) => ({ ...chunk, id }));
  return buildSentenceStats(chunks, analyze);
}

function parsed(name: string, text: string | Uint8Array): SourceDoc {
  const doc = parseSeed(name, typeof text === "string" ? new TextEncoder().encode(text) : text);
  if ("reason" in doc) throw new Error(doc.reason);
  return doc;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzs";
/** Spellings a transliteration may swap, both ways, so that keys meet where words differ. */
const SWAPS: readonly (readonly [string, string])[] = [
  ["w", "v"], ["v", "w"], ["j", "y"], ["y", "j"], ["z", "s"], ["s", "z"], ["sch", "sh"], ["sh", "sch"],
  ["sch", "zh"], ["zh", "sch"], ["ch", "kh"], ["kh", "ch"], ["ch", "tsch"], ["tsch", "ch"], ["s", "tsch"],
];
const PARTICLES = ["fest", "ab", "an", "auf", "aus", "zuruck", "wiederher", "ge", "zu", "ver", "be"];
const ENDINGS = ["ung", "ungen", "en", "t", "et", "te", "ten", "n", "st", "e", "ierung", "iert", "at", "itat", "heit", "schaft", "werk"];

function edit(word: string, random: Random): string {
  const at = random.int(word.length + 1);
  const letter = random.pick([...LETTERS]);
  switch (random.int(3)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + letter + word.slice(at + 1);
  }
}

/**
 * Query stems near the vocabulary: its stems, their beginnings and endings, transliterated and edited
 * spellings, other particles and endings, compounds, and a few unrelated and numeric ones. Deterministic.
 */
function queriesNear(stems: readonly string[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  const queries = new Set<string>([
    ...["fest", "festgenomm", "festnahm", "abgezog", "abzug", "angegriff", "telefonat", "stabilitat", "verhaftung"],
    ...["kasachstan", "kazakhstan", "peskov", "tokayev", "zhukov", "2021", "2022", "ab", "abc", ""],
  ]);
  const variants: ((stem: string) => string)[] = [
    (stem) => stem,
    (stem) => stem.slice(0, 3 + random.int(Math.max(1, stem.length - 2))),
    (stem) => stem.slice(random.int(Math.max(1, stem.length - 3))),
    (stem) => {
      const [from, to] = random.pick(SWAPS);
      const at = stem.indexOf(from);
      return at < 0 ? `${stem}${to}` : stem.slice(0, at) + to + stem.slice(at + from.length);
    },
    (stem) => edit(stem, random),
    (stem) => edit(edit(stem, random), random),
    (stem) => edit(edit(edit(stem, random), random), random),
    (stem) => random.pick(PARTICLES) + stem,
    (stem) => `${random.pick(PARTICLES)}ge${stem}`,
    (stem) => stem + random.pick(ENDINGS),
    (stem) => stem.slice(0, Math.max(3, stem.length - 1 - random.int(3))) + random.pick(ENDINGS),
    (stem) => {
      const family = derivation(stem);
      return family ? random.pick(derivationPrefixes(family)) + random.pick(["", ...ENDINGS]) : stem;
    },
    (stem) => random.pick(stems) + stem,
    (stem) => `${stem.slice(0, 6)}${random.pick(stems).slice(0, 4)}`,
  ];
  while (queries.size < count) queries.add(random.pick(variants)(random.pick(stems)));
  return [...queries];
}

/** The fast and the exhaustive look-up agree on every query, in content and in order. */
function expectSameAsScan(stats: SentenceStats, queries: readonly string[], random: Random): void {
  const vocabulary = vocabularyOf(stats.postings);
  const values = new Map<number, number>();
  const rules = { spelled: 0, edited: 0, derived: 0 };
  for (const query of queries) {
    const fast = [...vocabulary.similar([query])];
    expect(fast, query).toEqual([...similarExhaustive([query], stats)]);
    for (const [stem, value] of fast) {
      if (stem === query) continue;
      values.set(value, (values.get(value) ?? 0) + 1);
      const related = stem.startsWith(query) || query.startsWith(stem) || stem.endsWith(query) || stem.slice(0, 6) === query.slice(0, 6);
      if (!related && transliterationKey(stem) === transliterationKey(query)) rules.spelled++;
      else if (!related && value >= 0.7) rules.edited++;
      else if (!related && sameDerivation(query, stem)) rules.derived++;
    }
  }
  // Terms with several stems (English words widened by their German equivalents) take the best of them.
  for (let k = 0; k < 200; k++) {
    const group = [random.pick(queries), random.pick(queries), random.pick(queries)].slice(0, 1 + random.int(3));
    expect([...vocabulary.similar(group)], group.join(" ")).toEqual([...similarExhaustive(group, stats)]);
  }
  // The queries reach every rule: each similarity short of exact is found many times, and so are matches
  // only a transliteration, an edit or a word family explains.
  for (const value of [0.9, 0.8, 0.7, 0.6, 0.5]) expect(values.get(value) ?? 0, String(value)).toBeGreaterThan(20);
  expect(rules.spelled).toBeGreaterThanOrEqual(5);
  expect(rules.edited).toBeGreaterThanOrEqual(50);
  expect(rules.derived).toBeGreaterThanOrEqual(20);
}

describe("vocabularyOf", () => {
  let seedText: Uint8Array;
  let seed: SentenceStats;
  let synthetic: SentenceStats;
  let syntheticQuestions: string[];

  beforeAll(async () => {
    seedText = await readFile("seeds/000_308e1ab380b049a5.txt");
    const doc = parsed("seed.txt", seedText);
    seed = statsOf([doc]);
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    const docs = generateCorpus(sentences, { chunks: 150, seed: 5, chunking, vocabulary: 3000 });
    synthetic = statsOf(docs.map((d) => parsed(d.name, d.text)));
    syntheticQuestions = generateQuestions(docs, 40, 5);
  });

  it("finds what a scan of the seed article's vocabulary finds", () => {
    const stems = [...seed.postings.keys()];
    expectSameAsScan(seed, queriesNear(stems, 4000, 1), createRandom(2));
  });

  it("finds what a scan of a synthetic vocabulary finds, with its large families of particle verbs", () => {
    const stems = [...synthetic.postings.keys()];
    expect(stems.filter((s) => s.startsWith("fest")).length).toBeGreaterThan(50);
    expectSameAsScan(synthetic, queriesNear(stems, 1500, 3), createRandom(4));
  });

  it("gives the same term matches and rarities as the scan, for the dev questions and synthetic ones", async () => {
    const dev = JSON.parse(await readFile("tests/fixtures/dev-qa.json", "utf8")) as { items: { q: string }[] };
    const cases: [SentenceStats, string][] = [
      ...dev.items.map((item): [SentenceStats, string] => [seed, item.q]),
      ...syntheticQuestions.map((q): [SentenceStats, string] => [synthetic, q]),
    ];
    for (const [stats, question] of cases) {
      const fast = matchTerms(contentWords(question, detectLanguage(question), analyze), stats);
      const scan = matchTermsExhaustive(question, stats);
      expect(fast.map((m) => [m.term.word, [...m.similar], m.idf]), question).toEqual(
        scan.map((m) => [m.term.word, [...m.similar], m.idf]),
      );
    }
  });

  it("says a stem is used exactly when the scan finds a strong stand-in or a family member for it", () => {
    // Looking up only the rules that can say "used" must not change the answer.
    for (const [stats, queries] of [
      // Besides the random ones, heads that end thousands of compounds: a suffix, short heads.
      [seed, [...queriesNear([...seed.postings.keys()], 3000, 7), "schaft", "haft", "amt", "werk", "land", "stand"]],
      [synthetic, [...queriesNear([...synthetic.postings.keys()], 1500, 8), "schaft", "amt", "werk"]],
    ] as const) {
      const vocabulary = vocabularyOf(stats.postings);
      const answers = { used: 0, unused: 0, byFamilyOnly: 0 };
      for (const query of queries) {
        const scanned = [...similarExhaustive([query], stats)];
        const strong = stats.postings.has(query) || scanned.some(([stem, value]) => value >= USED_MATCH && !query.startsWith(stem));
        const expected = strong || scanned.some(([stem]) => sameFamily(query, stem));
        expect(vocabulary.uses(query), query).toBe(expected);
        expect(vocabulary.uses(query), `${query} (remembered)`).toBe(expected);
        answers[expected ? "used" : "unused"]++;
        if (expected && !strong) answers.byFamilyOnly++;
      }
      expect(answers.used).toBeGreaterThan(300);
      expect(answers.unused).toBeGreaterThan(300);
      expect(answers.byFamilyOnly).toBeGreaterThan(10);
    }
  });

  it("indexes a vocabulary once and answers a repeated query from its cache alike", () => {
    const vocabulary = vocabularyOf(seed.postings);
    expect(vocabularyOf(seed.postings)).toBe(vocabulary);
    const first = [...vocabulary.similar(["festgenomm"])];
    expect([...vocabulary.similar(["festgenomm"])]).toEqual(first);
  });

  it("finds the same after being prepared ahead of the first query as when it indexes on demand", () => {
    const doc = parsed("seed.txt", seedText);
    const prepared = vocabularyOf(statsOf([doc]).postings);
    const onDemand = vocabularyOf(statsOf([doc]).postings);
    expect(prepared).not.toBe(onDemand);
    prepared.prepare();
    for (const query of ["tokayev", "kazakhstan", "peskov", "festgenomm", "befehl", "kasach"]) {
      expect([...prepared.similar([query])], query).toEqual([...onDemand.similar([query])]);
      expect(prepared.similar([query]).size, query).toBeGreaterThan(0);
    }
  });
});

describe("the plural of a '-mann' compound", () => {
  it("meets its singular both ways, in the index as in the scan; 'Leute' alone stays itself", () => {
    const [leute, mann] = [analyze("Feuerwehrleute")[0]!, analyze("Feuerwehrmann")[0]!];
    expect(masculine(leute)).toBe(mann);
    expect(masculine(analyze("Leute")[0]!)).toBeUndefined();
    expect(stemSimilarity(mann, leute)).toBe(0.9);
    const stems = [leute, analyze("Kaufleute")[0]!, analyze("Leute")[0]!, "mann"];
    const vocabulary = vocabularyOf(new Map(stems.map((stem) => [stem, null])));
    for (const query of [mann, analyze("Kaufmann")[0]!, "mann"]) {
      const scan = new Map(stems.flatMap((stem) => (stemSimilarity(query, stem) > 0 ? [[stem, stemSimilarity(query, stem)] as const] : [])));
      expect(vocabulary.similar([query]), query).toEqual(scan);
    }
    expect(vocabulary.similar([mann]).get(leute)).toBe(0.9);
  });
});

describe("a noun the stemmer cut before '-est'", () => {
  it("meets the words made of it from either side, in the index as in the scan", () => {
    const [protest, manifest] = analyze("Protest Manifest");
    const stems = analyze("protestierten Protestaktion Proteste Protokoll manifestiert Manifestation prost");
    const vocabulary = vocabularyOf(new Map([...stems, protest!, manifest!].map((stem) => [stem, null])));
    for (const query of [protest!, manifest!, ...stems]) {
      const scan = new Map([...vocabulary.similar([query]).keys(), ...stems, protest!, manifest!].flatMap((stem) => (stemSimilarity(query, stem) > 0 ? [[stem, stemSimilarity(query, stem)] as const] : [])));
      expect(new Map([...vocabulary.similar([query])].sort()), query).toEqual(new Map([...scan].sort()));
    }
    // "Demonstranten protestierten": the verb stands for the noun, by its family.
    expect(vocabulary.similar([protest!]).get(analyze("protestierten")[0]!)).toBe(0.6);
    expect(vocabulary.similar([manifest!]).get(analyze("manifestiert")[0]!)).toBeGreaterThan(0);
    expect(vocabulary.similar([protest!]).has(analyze("Protokoll")[0]!)).toBe(false);
  });
});

describe("feminine role nouns", () => {
  it("meet their masculine and its compounds both ways, and other words ending in -in stay themselves", () => {
    expect(masculine("sprecherin")).toBe("sprech");
    expect(masculine("prasidentin")).toBe("prasident");
    expect(masculine("termin")).toBeUndefined();
    expect(masculine("medizin")).toBeUndefined();
    expect(stemSimilarity("burgermeist", "oberburgermeisterin")).toBe(0.8);
    expect(stemSimilarity("sprecherin", "sprech")).toBe(0.9);
    expect(stemSimilarity("chefin", "rathauschef")).toBe(0.8);
    expect(stemSimilarity("term", "termin")).toBeLessThan(0.9);
    // The index finds what the scan finds, feminine forms included.
    const stems = ["oberburgermeisterin", "burgermeist", "sprech", "verbandssprecherin", "ministerinn", "minist", "termin", "chef", "rathauschef"];
    const vocabulary = vocabularyOf(new Map(stems.map((stem) => [stem, null])));
    for (const query of ["burgermeist", "sprecherin", "sprech", "ministerin", "chefin", "minist", "term", "meisterin"]) {
      const scan = new Map(stems.flatMap((stem) => (stemSimilarity(query, stem) > 0 ? [[stem, stemSimilarity(query, stem)] as const] : [])));
      expect(vocabulary.similar([query]), query).toEqual(scan);
    }
  });
});

describe("a derivational suffix", () => {
  it("is no compound's head: a word its tail spells is not met by the words it ends", () => {
    const [haft, ...others] = analyze("Haft Gewerkschaft Staatsanwaltschaft Botschaft Untersuchungshaft");
    const [union, prosecution, embassy, custody] = others;
    expect(stemSimilarity(haft!, union!)).toBe(0);
    expect(stemSimilarity(haft!, prosecution!)).toBe(0);
    expect(stemSimilarity(haft!, embassy!)).toBe(0);
    // A compound on the noun itself still is one.
    expect(stemSimilarity(haft!, custody!)).toBe(0.8);
    const vocabulary = vocabularyOf(new Map(others.map((stem) => [stem, null])));
    expect([...vocabulary.similar([haft!]).keys()]).toEqual([custody]);
  });
});

describe("a head of three letters", () => {
  it("is met in part in a compound after a modifier of four letters or more, in the index as in the scan", () => {
    const [amt, ...others] = analyze("Amt Finanzamt Bauamt Samt");
    const [tax, building, velvet] = others;
    expect(stemSimilarity(amt!, tax!)).toBe(0.5);
    // After a modifier of three letters it may be a prefix's or a short word's tail ("Vortag", "Zitat").
    expect(stemSimilarity(amt!, building!)).toBe(0);
    expect(stemSimilarity(amt!, velvet!)).toBe(0);
    const vocabulary = vocabularyOf(new Map(others.map((stem) => [stem, null])));
    expect([...vocabulary.similar([amt!]).keys()]).toEqual([tax]);
  });
});

describe("a compound question word", () => {
  it("meets its head in the sources as partial evidence, not a word it merely ends in", () => {
    expect(stemSimilarity("raumsond", "sond")).toBe(0.6);
    expect(stemSimilarity("verletzt", "letzt")).toBe(0);
    const stems = ["sond", "raum", "wahl", "letzt"];
    const vocabulary = vocabularyOf(new Map(stems.map((stem) => [stem, null])));
    expect(vocabulary.similar(["raumsond"]).get("sond")).toBe(0.6);
    // The head counts only when the sources use the modifier: "Raum" yes, "Bundestag" no.
    const term = (word: string) => ({ word, position: 0, weight: 1, alternatives: [{ stem: analyze(word)[0]!, weight: 1, via: "word" as const }] });
    const begins = (prefix: string) => stems.some((s) => s.startsWith(prefix));
    expect(accepts(term("Raumsonde"), term("Raumsonde").alternatives[0]!, "sond", 0.6, begins)).toBe(true);
    expect(accepts(term("Bundestagswahl"), term("Bundestagswahl").alternatives[0]!, "wahl", 0.6, begins)).toBe(false);
  });

  it("takes only the heads the dictionary reads in the compound for its heads, not any word it ends in", () => {
    // "Waldbrand" is Wald + Brand: "Rand" ends it, but is no head of it, though the sources have "Waldbrandgefahr".
    const fire = { word: "Waldbrand", position: 0, weight: 1, alternatives: [{ stem: "waldbrand", weight: 1, via: "word" as const }] };
    const begins = (prefix: string) => ["waldbrandgefahr", "rand", "brand"].some((s) => s.startsWith(prefix));
    expect(accepts(fire, fire.alternatives[0]!, "rand", 0.6, begins)).toBe(true);
    const read = { ...fire, heads: ["brand"] };
    expect(accepts(read, read.alternatives[0]!, "rand", 0.6, begins)).toBe(false);
    expect(accepts(read, read.alternatives[0]!, "brand", 0.6, begins)).toBe(true);
  });
});

describe("a verb among a term's pivots", () => {
  it("is no compound's head: a noun that ends like it is another word", () => {
    // "landen" is a pivot of "enden" through English "end up"; "Weideland" is no kind of landing.
    const term = { word: "endete", position: 0, weight: 1, alternatives: [{ stem: "land", weight: 0.5, via: "pivot" as const, verb: true }] };
    const begins = (prefix: string) => ["weideland", "land", "landet"].some((s) => s.startsWith(prefix));
    expect(accepts(term, term.alternatives[0]!, "weideland", 0.8, begins)).toBe(false);
    expect(accepts(term, term.alternatives[0]!, "land", 1, begins)).toBe(true);
    expect(accepts(term, term.alternatives[0]!, "landet", 0.9, begins)).toBe(true);
    // A pivot that is not only a verb still meets the compounds it heads.
    const noun = { ...term, alternatives: [{ stem: "land", weight: 0.5, via: "pivot" as const }] };
    expect(accepts(noun, noun.alternatives[0]!, "weideland", 0.8, begins)).toBe(true);
  });
});

describe("sameFamily", () => {
  it("meets a verb's noun in -ung, alone and as a compound's head, also where -eln drops its e", () => {
    expect(sameFamily("verhandelt", "verhandl")).toBe(true);
    expect(sameFamily("verhandeln", "tarifverhandl")).toBe(true);
    expect(stemSimilarity("verhandelt", "tarifverhandl")).toBe(0.6);
    expect(sameFamily("handelt", "verhandl")).toBe(false);
    // … and as a compound's modifier: a "Verhandlungsführerin" negotiates.
    expect(sameFamily("verhandelt", "verhandlungsfuhrerin")).toBe(true);
    expect(sameFamily("verhandelt", "verhandlung")).toBe(true);
    const stems = ["tarifverhandl", "verhandl", "verhandlungsfuhrerin", "handel", "wandl"];
    const vocabulary = vocabularyOf(new Map(stems.map((stem) => [stem, null])));
    for (const query of ["verhandelt", "verhandeln", "handeln", "wandeln"]) {
      const scan = new Map(stems.flatMap((stem) => (stemSimilarity(query, stem) > 0 ? [[stem, stemSimilarity(query, stem)] as const] : [])));
      expect(vocabulary.similar([query]), query).toEqual(scan);
    }
  });
});

describe("Vocabulary.begins", () => {
  it("tells whether a stem is in the vocabulary or begins one, as a scan would", () => {
    const stems = ["fernverkehr", "fest", "festnahm", "zug", "wahlbeteil", "2022"];
    const vocabulary = vocabularyOf(new Map(stems.map((s) => [s, null])));
    for (const prefix of ["fern", "fernv", "fernverkehr", "festn", "fest", "zug", "wahl", "wahlbet", "bund", "ferne", "festnahme", "202"]) {
      expect(vocabulary.begins(prefix), prefix).toBe(stems.some((s) => s === prefix || (prefix.length >= 4 && s.startsWith(prefix))));
    }
  });
});

describe("derivationPrefixes", () => {
  it("gives a beginning of every stem of the word family, whatever its particle, marker and vowel", async () => {
    const doc = parsed("seed.txt", await readFile("seeds/000_308e1ab380b049a5.txt"));
    const stems = [...statsOf([doc]).postings.keys(), "festgenomm", "festnahm", "festnehm", "abgezog", "abzug", "wiederherzustell"];
    for (const stem of stems) {
      const family = derivation(stem);
      if (family) expect(derivationPrefixes(family).some((prefix) => stem.startsWith(prefix)), stem).toBe(true);
    }
    expect(derivationPrefixes({ particle: "fest", root: "nehm" })).toEqual(
      expect.arrayContaining(["festnehm", "festgenehm", "festzunehm", "festnahm", "festgenomm"]),
    );
  });
});

describe("transliterationKey", () => {
  it("spells English and German transliterations alike", () => {
    expect(transliterationKey("tokajew")).toBe(transliterationKey("tokayev"));
    expect(transliterationKey("schukow")).toBe(transliterationKey("zhukov"));
    expect(transliterationKey("kasachstan")).toBe(transliterationKey("kazakhstan"));
    expect(transliterationKey("deutsch")).toBe("deuch");
    expect(transliterationKey("stsch")).toBe("sh");
    expect(transliterationKey("berlin")).toBe("berlin");
  });
});

describe("withinEdits", () => {
  /** Levenshtein distance by the full table, as the reference. */
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
      row = next;
    }
    return row[b.length]!;
  };

  it("decides as the distance does, for words of up to 32 letters and longer ones", () => {
    const random = createRandom(7);
    const letters = "aeinrstäöüß";
    const word = (length: number) => Array.from({ length }, () => letters[random.int(letters.length)]).join("");
    for (let k = 0; k < 3000; k++) {
      const a = word(random.int(36));
      // Often a near copy of the first, so that small distances are common.
      const b = random.next() < 0.5 ? word(random.int(36)) : [...a].filter(() => random.next() > 0.1).join("") + word(random.int(3));
      const near = withinEdits(a);
      for (const budget of [0, 1, 2, 3]) expect(near(b, budget)).toBe(distance(a, b) <= budget);
    }
  });
});

describe("a head whose final e the stemmer keeps alone and cuts in a compound", () => {
  it("is met in its compounds, in the index as in the scan", () => {
    const [head, compound, other] = [analyze("Kleie")[0]!, analyze("Weizenkleie")[0]!, analyze("Haferkleie")[0]!];
    expect(compound.endsWith(head)).toBe(false);
    expect(stemSimilarity(head, compound)).toBe(0.8);
    expect(stemSimilarity(head, other)).toBe(0.8);
    // A stem without that ending finds nothing new: "klei" is no compound of "kleid".
    expect(stemSimilarity("kleid", compound)).toBe(0);
    const stems = [head, compound, other, "kleid", "kleidung"];
    const vocabulary = vocabularyOf(new Map(stems.map((stem) => [stem, null])));
    for (const query of [head, compound, "kleid"]) {
      const scan = new Map(stems.flatMap((stem) => (stemSimilarity(query, stem) > 0 ? [[stem, stemSimilarity(query, stem)] as const] : [])));
      expect(vocabulary.similar([query]), query).toEqual(scan);
    }
    expect(vocabulary.similar([head]).get(compound)).toBe(0.8);
  });

  it("is a translation's compound, and names what a number beside the compound counts", () => {
    const [head, compound] = [analyze("Kleie")[0]!, analyze("Weizenkleie")[0]!];
    const bran = { word: "bran", position: 0, weight: 1, alternatives: [{ stem: head, weight: 0.9, via: "translation" as const }] };
    expect(accepts(bran, bran.alternatives[0]!, compound, stemSimilarity(head, compound), () => false)).toBe(true);
    expect(namesSame(bran, compound)).toBe(true);
    expect(namesSame(bran, "kleid")).toBe(false);
  });
});
