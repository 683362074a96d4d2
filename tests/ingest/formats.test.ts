import { cp, rm, writeFile } from "node:fs/promises";
import { tempDir } from "../helpers/temp.js";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipeline, type Pipeline } from "../../src/app/pipeline.js";
import { formatForTerminal } from "../../src/cli/output.js";
import { parseConfig } from "../../src/config.js";
import { LocalLexicalEmbeddings } from "../../src/ingest/embed.js";
import { buildIndex } from "../../src/ingest/store.js";
import { createLogger } from "../../src/log.js";
import { formatAnswer } from "../../src/telegram/format.js";
import { docKey, libraryFromIndex } from "../../src/telegram/library.js";
import type { Answer, Citation } from "../../src/types.js";
import { brokenPdf, encryptedPdf, imageOnlyPdf, twoPagePdf } from "../fixtures/seed-files.js";

/** Seeds as web pages and PDFs, from the folder to a cited answer. */

let work: string;
let seedsDir: string;
let indexDir: string;
let pipeline: Pipeline;
const warnings: string[] = [];

beforeAll(async () => {
  work = await tempDir("citebot-formats-");
  seedsDir = path.join(work, "seeds");
  indexDir = path.join(work, "index");
  await cp(path.resolve("tests/fixtures/seeds/article.html"), path.join(seedsDir, "internet.html"));
  await writeFile(path.join(seedsDir, "report.pdf"), await twoPagePdf());
  await writeFile(path.join(seedsDir, "scan.pdf"), await imageOnlyPdf());
  await writeFile(path.join(seedsDir, "locked.pdf"), encryptedPdf());
  await writeFile(path.join(seedsDir, "cut.pdf"), brokenPdf());
  await writeFile(path.join(seedsDir, "notes.docx"), "PK\u0003\u0004");
  await writeFile(path.join(seedsDir, "photo.jpg"), "\u00ff\u00d8\u00ff");
  await buildIndex({
    seedsDir,
    indexDir,
    embeddings: new LocalLexicalEmbeddings(512),
    chunking: { sentences: 4, overlap: 1 },
    hnsw: { m: 16, efConstruction: 100 },
    onWarning: (message) => warnings.push(message),
  });
  pipeline = await createPipeline(parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: indexDir }), createLogger("silent", []));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function citations(answer: Answer): readonly Citation[] {
  return answer.kind === "answered" ? answer.citations : [];
}

/** Every quote stands verbatim in the text the index holds for its source, and nowhere else would it need to. */
function expectVerbatim(answer: Answer) {
  for (const c of citations(answer)) expect(pipeline.index().docText(c.source)?.slice(c.start, c.end)).toBe(c.quote);
}

describe("seeds as web pages and PDFs", () => {
  it("indexes the readable ones and names each bad file and why, and lists what is supported once", () => {
    expect(pipeline.index().docs.map((d) => d.source)).toEqual(["internet.html", "report.pdf"]);
    expect(warnings).toEqual([
      expect.stringMatching(/^skipped seed cut\.pdf: not a readable PDF/),
      expect.stringMatching(/^skipped seed locked\.pdf: encrypted PDF/),
      expect.stringMatching(/^skipped seed scan\.pdf: no text layer/),
      "ignored 2 files of a type citebot does not read (notes.docx, photo.jpg); seeds may be .txt, .md, .html, .htm, .pdf",
    ]);
  });

  it("answers from a web page with a verbatim quote of its article, its headline and its publication date", async () => {
    const answer = await pipeline.ask("Wie lange war das Internet in Almaty abgeschaltet?", { history: [] });
    const cited = citations(answer).find((c) => c.source === "internet.html");
    expect(cited).toMatchObject({ title: "Kasachstan schaltet das Internet ab", date: "2022-01-11" });
    expect(cited?.quote).toContain("für fünf Tage");
    expect(cited?.page).toBeUndefined();
    expectVerbatim(answer);
  });

  it("answers from a PDF with a verbatim quote across its wrapped lines and names the page", async () => {
    const first = await pipeline.ask("Wer kündigte eine Untersuchung der Gewalt an?", { history: [] });
    const onFirst = citations(first).find((c) => c.source === "report.pdf");
    // "Unter-" and "suchung" stood on two lines of the PDF.
    expect(onFirst?.quote).toBe("Präsident Kassym-Schomart Tokajew kündigte eine Untersuchung der Gewalt an.");
    expect(onFirst?.page).toBe(1);
    expectVerbatim(first);

    const second = await pipeline.ask("Bis wann sollen die Truppen das Land verlassen?", { history: [] });
    const onSecond = citations(second).find((c) => c.source === "report.pdf" && c.quote.includes("Ende Januar"));
    expect(onSecond?.page).toBe(2);
    expectVerbatim(second);
    expect(formatForTerminal(second)).toContain(`report.pdf:${onSecond?.start}-${onSecond?.end} (S. 2)`);
    expect(formatAnswer(second, () => undefined).parts.join("\n")).toContain(" · S. 2\n<blockquote>");
  });

  it("opens the full passage behind a citation button from the extracted text", async () => {
    const answer = await pipeline.ask("Wer kündigte eine Untersuchung der Gewalt an?", { history: [] });
    const cited = citations(answer).find((c) => c.source === "report.pdf")!;
    const index = pipeline.index();
    const passage = libraryFromIndex(() => index).passage(docKey(index.doc("report.pdf")!), cited.start, cited.end);
    expect(passage?.text.slice(passage.quoteStart, passage.quoteEnd)).toBe(cited.quote);
    expect(passage?.text).not.toMatch(/-\n/);
  });
});
