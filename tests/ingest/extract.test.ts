import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract, joinLines, pageAt, stripMarkdown, type Extracted } from "../../src/ingest/extract.js";
import { brokenPdf, encryptedPdf, imageOnlyPdf, twoPagePdf } from "../fixtures/seed-files.js";

const html = () => readFile(path.resolve("tests/fixtures/seeds/article.html"));

function ok(result: Extracted | { reason: string }): Extracted {
  if ("reason" in result) throw new Error(`extraction failed: ${result.reason}`);
  return result;
}

describe("extracting a web page", () => {
  it("keeps the headline and the article's paragraphs, one per line, and drops navigation, ads, cookie banner, related links and footer", async () => {
    const page = ok(await extract("html", await html()));
    const lines = page.text.split("\n");
    expect(lines[0]).toBe("Kasachstan schaltet das Internet ab");
    expect(page.title).toBe("Kasachstan schaltet das Internet ab");
    expect(lines).toContain(
      "Nach Angaben der Organisation Netblocks war das Land am Mittwochabend nahezu vollständig vom Netz getrennt. Erst am Montag kehrte die Verbindung in den meisten Landesteilen zurück.",
    );
    expect(page.text).toMatch(/mehr als 400 Millionen Dollar\.$/);
    for (const boilerplate of ["Startseite", "abonnieren", "Anzeige", "Newsletter", "Cookies", "Mehr zum Thema", "Impressum", "Günstige Flüge"]) {
      expect(page.text).not.toContain(boilerplate);
    }
  });

  it("reads the publication date from <meta> or JSON-LD", async () => {
    expect(ok(await extract("html", await html())).date).toBe("2022-01-11");
    const jsonLdOnly = (await html()).toString("utf8").replace(/<meta property="article:published_time"[^>]*>/, "").replace("2022-01-11T09:30", "2022-01-10T09:30");
    expect(ok(await extract("html", Buffer.from(jsonLdOnly))).date).toBe("2022-01-10");
  });

  it("reports a page without an article instead of indexing its menu", async () => {
    expect(await extract("html", Buffer.from("<html><body><nav><a href='/'>Start</a></nav></body></html>"))).toEqual({
      reason: "no article text found in the page",
    });
  });
});

describe("extracting a PDF", () => {
  it("gives the text page by page, lines of a paragraph joined and hyphenation at line ends undone", async () => {
    const pdf = ok(await extract("pdf", await twoPagePdf()));
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages?.[0]).toBe(0);
    const [first, second] = [pdf.text.slice(0, pdf.pages![1]), pdf.text.slice(pdf.pages![1])];
    expect(first).toContain(
      "Nach den schweren Unruhen in Kasachstan hat die Regierung den Ausnahmezustand in der Millionenstadt Almaty bis zum 19. Januar verlängert. Präsident Kassym-Schomart Tokajew kündigte eine Untersuchung der Gewalt an.",
    );
    expect(first.split("\n")[0]).toBe("Ausnahmezustand in Almaty verlängert");
    expect(first).toContain("mehr als 160 Menschen getötet.");
    expect(second).toBe(
      "Die Truppen der Organisation des Vertrags über kollektive Sicherheit sollen das Land bis Ende Januar wieder verlassen, sagte Tokajew am Dienstag vor dem Parlament in Nur-Sultan.",
    );
    expect(pageAt(pdf.pages, pdf.text.indexOf("Truppen"))).toBe(2);
    expect(pageAt(pdf.pages, pdf.text.indexOf("Tokajew"))).toBe(1);
  });

  it("says why a PDF gives nothing: encrypted, no text layer, not a PDF", async () => {
    expect(await extract("pdf", encryptedPdf())).toEqual({ reason: expect.stringMatching(/^encrypted PDF/) });
    expect(await extract("pdf", await imageOnlyPdf())).toEqual({ reason: expect.stringMatching(/^no text layer/) });
    expect(await extract("pdf", brokenPdf())).toEqual({ reason: expect.stringMatching(/^not a readable PDF/) });
  });

  it("joins hyphenated words: lower case continues the word, upper case keeps the hyphen of a compound", () => {
    expect(joinLines("den Aus-", "nahmezustand")).toBe("den Ausnahmezustand");
    expect(joinLines("in Nur-", "Sultan.")).toBe("in Nur-Sultan.");
    expect(joinLines("weich\u00ad", "getrennt")).toBe("weichgetrennt");
    expect(joinLines("am", "Dienstag")).toBe("am Dienstag");
    expect(joinLines("1990 -", "2000")).toBe("1990 - 2000");
  });
});

describe("extracting Markdown", () => {
  it("removes the markup, so that what is quoted reads as the article", () => {
    const md = [
      "---",
      "title: Wahl in Kirgistan",
      "date: 2023-05-02",
      "---",
      "# Wahl in *Kirgistan*",
      "",
      "Die Wahl war **ruhig**, berichtet [die OSZE](https://osce.org) in `ihrem` Bericht.",
      "> Ein Zitat_mit_Unterstrich bleibt.",
      "- Erster Punkt",
      "1. Zweiter Punkt",
      "![Wahllokal](bild.jpg)",
      "---",
      "Ende.",
    ].join("\n");
    const out = stripMarkdown(md);
    expect(out.text.split("\n")).toEqual([
      "Wahl in Kirgistan",
      "",
      "Die Wahl war ruhig, berichtet die OSZE in ihrem Bericht.",
      "Ein Zitat_mit_Unterstrich bleibt.",
      "Erster Punkt",
      "Zweiter Punkt",
      "Wahllokal",
      "",
      "Ende.",
    ]);
    expect(out).toMatchObject({ title: "Wahl in Kirgistan", date: "2023-05-02" });
  });

  it("leaves plain prose and the date prefix as they are", () => {
    const text = " date 2023-05 Zweiter Artikel. Er handelt von Wahlen in Kirgistan.";
    expect(stripMarkdown(text).text).toBe(text);
  });
});
