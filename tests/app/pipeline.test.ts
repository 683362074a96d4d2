import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { tempDir } from "../helpers/temp.js";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { updateIndex } from "../../src/app/indexing.js";
import { createPipeline, pipelineLibrary } from "../../src/app/pipeline.js";
import { analyze } from "../../src/ingest/keyword.js";
import { openLexicon, withoutResources } from "../../src/lexicon/index.js";
import { sentenceDescriber } from "../../src/query/answer.js";
import { answerRecord, formatForTerminal } from "../../src/cli/output.js";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";

const SEED = "000_308e1ab380b049a5.txt";
const MUSEUM = " date 2023-06 In München stellt ein neues Museum moderne Kunst aus. Der Eintritt kostet zwölf Euro. Das Museum wurde im Jahr 2023 eröffnet.";

describe("createPipeline", () => {
  it("builds a missing index, answers offline, and after reload answers from the rebuilt index", async () => {
    const work = await tempDir("citebot-pipeline-");
    await cp(path.resolve("seeds", SEED), path.join(work, "seeds", SEED));
    const config = parseConfig({ SEEDS_DIR: path.join(work, "seeds"), INDEX_DIR: path.join(work, "index") });
    expect(config.answer.mode).toBe("extractive");
    const logger = createLogger("silent");
    const pipeline = await createPipeline(config, logger);
    const before = pipeline.index();

    const museum = "Wie viel kostet der Eintritt ins Museum?";
    expect((await pipeline.ask(museum, { history: [] })).kind).toBe("not_found");

    await writeFile(path.join(work, "seeds", "museum.txt"), MUSEUM);
    await updateIndex(config, logger);
    const inFlight = pipeline.ask(museum, { history: [] });
    const after = await pipeline.reload();
    expect(after.manifest.buildId).not.toBe(before.manifest.buildId);
    expect(pipeline.index()).toBe(after);
    expect((await inFlight).kind).toBe("not_found");

    const answer = await pipeline.ask(museum, { history: [] });
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toBe("Der Eintritt kostet zwölf Euro.");
  });
});

/** A folder with the seed article and an index to come, and a logger whose lines are kept. */
async function seededWork(prefix: string) {
  const work = await tempDir(prefix);
  await cp(path.resolve("seeds", SEED), path.join(work, "seeds", SEED));
  const config = parseConfig({ SEEDS_DIR: path.join(work, "seeds"), INDEX_DIR: path.join(work, "index") });
  const lines: string[] = [];
  const logger = createLogger("info", [], { destination: { write: (line: string) => lines.push(line) } });
  return { work, config, lines, logger };
}

describe("stored sentence facts", () => {
  it("are used when the index has them; without them the pipeline says so, and npm run index stores them", async () => {
    const { work, config, lines, logger } = await seededWork("citebot-facts-");
    const noted = () => lines.filter((line) => line.includes("sentence facts"));
    const first = await createPipeline(config, logger);
    expect(first.index().facts).toBeDefined();
    expect(noted()).toEqual([]);

    // An index built before facts were stored.
    const manifestPath = path.join(work, "index", "manifest.json");
    const { facts: _facts, files, ...manifest } = JSON.parse(await readFile(manifestPath, "utf8"));
    const { ["facts.bin"]: _file, ...otherFiles } = files;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, files: otherFiles }));
    await rm(path.join(work, "index", "facts.bin"));
    const old = await createPipeline(config, logger);
    expect(old.index().facts).toBeUndefined();
    expect(noted()).toEqual([expect.stringMatching(/stores no sentence facts.*npm run index/)]);
    // Answered all the same.
    const question = "Wer ist der Präsident Kasachstans?";
    expect(await old.ask(question, { history: [] })).toEqual(await first.ask(question, { history: [] }));

    lines.length = 0;
    expect(await updateIndex(config, logger)).toMatchObject({ embedded: 0, written: true });
    expect((await createPipeline(config, logger)).index().facts).toBeDefined();
    expect(noted()).toEqual([]);
  });
});

describe("a pipeline's own lexicon", () => {
  it("describes the sentences of the index it builds and rebuilds, so their stored facts are used", async () => {
    const { work, config, lines, logger } = await seededWork("citebot-lexicon-build-");
    // A lexicon whose facts differ from the full one's: eval's, with a resource switched off.
    const lexicon = withoutResources(openLexicon(), ["lemmas"]);
    const pipeline = await createPipeline(config, logger, { lexicon });
    expect(pipeline.index().manifest.facts?.version).toBe(sentenceDescriber(analyze, lexicon).version);
    expect(pipeline.index().manifest.facts?.version).not.toBe(sentenceDescriber(analyze).version);
    expect(lines.filter((line) => line.includes("sentence facts"))).toEqual([]);

    await writeFile(path.join(work, "seeds", "museum.txt"), MUSEUM);
    await pipelineLibrary(config, logger, pipeline).reindex?.();
    expect(pipeline.index().docs).toHaveLength(2);
    expect(pipeline.index().manifest.facts?.version).toBe(sentenceDescriber(analyze, lexicon).version);
    expect(lines.filter((line) => line.includes("sentence facts"))).toEqual([]);
  });
});

describe("answer output", () => {
  const answer = {
    kind: "answered" as const,
    text: "Laut der Quelle: „Es gab Hunderte Verletzte.“ [1]",
    citations: [{ n: 1, source: "a.txt", title: "Titel", date: "2022-01", quote: "Es gab Hunderte Verletzte.", start: 7, end: 33 }],
    language: "de" as const,
    mode: "extractive" as const,
  };

  it("makes the ask --json record with exactly the specified keys", () => {
    expect(answerRecord("Frage?", answer)).toEqual({
      question: "Frage?",
      answer: answer.text,
      kind: "answer",
      refused: false,
      language: "de",
      mode: "extractive",
      citations: answer.citations,
    });
    const declined = answerRecord("Frage?", { kind: "not_found", text: "Nichts.", language: "de", mode: "extractive", suggestions: ["T"] });
    expect(declined).toMatchObject({ kind: "not_found", refused: true, citations: [] });
    const greeted = answerRecord("Hallo", { kind: "smalltalk", text: "Hallo!", language: "de", mode: "extractive", examples: ["Wer?"] });
    expect(greeted).toMatchObject({ kind: "smalltalk", refused: false, citations: [] });
  });

  it("lists numbered sources under a terminal answer, and any note", () => {
    expect(formatForTerminal({ ...answer, note: "llm timeout: extractive answer instead" })).toBe(
      [
        answer.text,
        "",
        "Quellen:",
        "  [1] Titel, 2022-01 — a.txt:7-33",
        "      “Es gab Hunderte Verletzte.”",
        "",
        "(llm timeout: extractive answer instead)",
      ].join("\n"),
    );
  });
});
