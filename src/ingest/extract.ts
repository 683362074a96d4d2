import type { parseHTML } from "linkedom";

/**
 * The extract stage (load → extract → chunk): turns a seed file's bytes into the plain text that is
 * chunked, embedded, stored in the index and quoted. Citations point into this text, not into the file:
 * an HTML page's markup, a PDF's layout and a Markdown file's markup are never part of a quote. Each
 * format is read by a maintained library where one exists (Readability over linkedom for web pages, PDF.js
 * through unpdf for PDFs); Markdown is stripped by hand (see {@link stripMarkdown}).
 */

export type SeedFormat = "text" | "markdown" | "html" | "pdf";

/** The file extensions read as seeds, and how. */
export const SEED_FORMATS: Readonly<Record<string, SeedFormat>> = {
  ".txt": "text",
  ".md": "markdown",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
};

/** What extraction found in a file. Offsets of `pages` are into `text`. */
export interface Extracted {
  readonly text: string;
  /** The headline, where the format names one (an HTML page's). */
  readonly title?: string;
  /** The publication date as YYYY-MM-DD (or YYYY-MM, YYYY), where the file states one. */
  readonly date?: string;
  /** For a PDF, where each page starts in `text`: `pages[0] === 0`. */
  readonly pages?: readonly number[];
}

/** Why a file yielded nothing to index. */
export interface ExtractionFailure {
  readonly reason: string;
}

/**
 * Extracts the text of one seed file. Never throws: an unreadable file gives an {@link ExtractionFailure}
 * that says why (encrypted PDF, no text layer, nothing left after extraction …), so one bad file never
 * blocks the others.
 */
export async function extract(format: SeedFormat, bytes: Uint8Array): Promise<Extracted | ExtractionFailure> {
  try {
    switch (format) {
      case "text":
        return decodeUtf8(bytes, (text) => ({ text }));
      case "markdown":
        return decodeUtf8(bytes, stripMarkdown);
      case "html":
        return await extractHtml(decodeHtml(bytes));
      case "pdf":
        return await extractPdf(bytes);
    }
  } catch (error) {
    return { reason: `could not be read as ${format} (${(error as Error).message})` };
  }
}

function decodeUtf8(bytes: Uint8Array, then: (text: string) => Extracted): Extracted | ExtractionFailure {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { reason: "not valid UTF-8 text" };
  }
  if (text.includes("\u0000")) return { reason: "binary content (NUL bytes), not text" };
  return then(text);
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Decodes a page in the charset its `<meta>` declares (UTF-8 when none). */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const label = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

const BOILERPLATE = /^(ad|ads|advert\w*|advertisement|anzeigen?|banner|cookies?|consent|newsletter|paywall|promo\w*|sponsor\w*|teaser|share|social)$/;

interface RemovableNode {
  getAttribute(name: string): string | null;
  remove(): void;
}

const BLOCK = new Set(
  "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul".split(" "),
);
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "button", "form", "iframe"]);

/**
 * The article of a web page: Readability finds the main content and drops navigation, ads, related links
 * and footers; its paragraphs become lines (a line break ends a sentence, so headings stand alone). The
 * headline comes first; the date is read from `<meta property="article:published_time">`, JSON-LD
 * `datePublished` and the like.
 */
async function extractHtml(html: string): Promise<Extracted | ExtractionFailure> {
  // Loaded with the first web page, as unpdf is with the first PDF: linkedom alone costs about 190 ms of
  // every start, and most indexes are opened, not built, and hold no web page.
  const [{ parseHTML }, { Readability }] = await Promise.all([import("linkedom"), import("@mozilla/readability")]);
  const { document } = parseHTML(html);
  const date = publicationDate(document); // before Readability, which changes the document
  // Readability keeps a block inside the article that its own rules do not recognise as an ad ("ad",
  // "anzeige", a newsletter box): such blocks are removed first, by the words of their class and id.
  for (const element of Array.from(document.querySelectorAll("[class], [id]")) as RemovableNode[]) {
    const words = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.toLowerCase().split(/[\s_-]+/);
    if (words.some((word) => BOILERPLATE.test(word))) element.remove();
  }
  for (const element of Array.from(document.querySelectorAll("nav, aside, footer, [role=navigation], [role=complementary]")) as RemovableNode[]) {
    element.remove();
  }
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
  if (!article?.content) return { reason: "no article text found in the page" };
  const body = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as DomNode;
  const paragraphs = blockText(body);
  const title = oneLine(article.title ?? "");
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  const text = paragraphs.join("\n");
  if (text.trim() === "") return { reason: "no article text found in the page" };
  return { text, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/** What {@link blockText} reads of linkedom's nodes (the DOM types are not in this project's libs). */
interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly tagName?: string;
  readonly childNodes: ArrayLike<DomNode>;
}

/** The text of an element, a line per block (paragraph, heading, list item), whitespace collapsed. */
function blockText(root: DomNode): string[] {
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    const text = oneLine(line);
    if (text) lines.push(text);
    line = "";
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      line += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node.tagName ?? "").toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (tag === "br") return flush();
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="pubdate"]',
];

/** The publication date a page states in its `<meta>` tags, JSON-LD or `<time>`, as YYYY-MM-DD. */
function publicationDate(document: ReturnType<typeof parseHTML>["document"]): string | undefined {
  for (const selector of DATE_META) {
    const date = isoDate(document.querySelector(selector)?.getAttribute("content"));
    if (date) return date;
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]')) as DomNode[]) {
    try {
      const date = isoDate(findKey(JSON.parse(script.textContent ?? ""), "datePublished"));
      if (date) return date;
    } catch {
      // A broken JSON-LD block is the page's problem; the other sources of a date remain.
    }
  }
  return isoDate(document.querySelector("time[datetime]")?.getAttribute("datetime"));
}

function findKey(value: unknown, key: string): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findKey(item, key);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record[key] === "string") return record[key];
    for (const child of Object.values(record)) {
      const found = findKey(child, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** "2022-01-13T08:00:00+01:00" → "2022-01-13"; anything else `Date` can read, in UTC; else undefined. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const direct = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
  if (direct) return direct[1];
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// PDF

/**
 * The text of a PDF, page by page (PDF.js through unpdf). Lines of a paragraph are joined with a space and
 * a word hyphenated at a line end is joined again ("Ver-" + "legung" → "Verlegung"; "Nord-" + "Korea"
 * keeps its hyphen), so sentences are not cut at every line; a larger gap between lines, or another
 * font size, starts a new paragraph. Pages are separated by a blank line, and `pages` says where each
 * starts.
 */
export async function extractPdf(bytes: Uint8Array): Promise<Extracted | ExtractionFailure> {
  const { getDocumentProxy, extractTextItems } = await import("unpdf");
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes the buffer over; a copy keeps the caller's bytes (used for the file's hash) intact.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") return { reason: "encrypted PDF (it needs a password); save an unencrypted copy" };
    return { reason: `not a readable PDF (${(error as Error).message})` };
  }
  try {
    const { items } = await extractTextItems(pdf);
    const pages: number[] = [];
    let text = "";
    for (const pageItems of items) {
      const page = pageText(pageItems);
      if (text !== "") text += "\n\n";
      pages.push(text.length);
      text += page;
    }
    if (text.trim() === "") {
      return { reason: "no text layer (a scanned PDF?): nothing to quote; run OCR on it or add its text as .txt" };
    }
    return { text, pages };
  } finally {
    await pdf.destroy();
  }
}

interface PdfItem {
  readonly str: string;
  readonly y: number;
  readonly fontSize: number;
  readonly hasEOL: boolean;
}

interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** One page's items as paragraphs, one per line of the result. */
export function pageText(items: readonly PdfItem[]): string {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    if (current && Math.abs(item.y - current.y) > Math.max(1, current.size * 0.5) && item.str.trim() !== "") {
      lines.push(current);
      current = undefined;
    }
    if (!current) {
      if (item.str.trim() === "" && item.hasEOL) continue;
      current = { text: "", y: item.y, size: item.fontSize };
    }
    current.text += item.str;
    current.size = Math.max(current.size, item.fontSize);
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);

  const kept = lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() })).filter((l) => l.text !== "");
  const gaps = kept.slice(1).map((l, i) => kept[i]!.y - l.y).filter((g) => g > 0);
  const usual = median(gaps);
  const paragraphs: string[] = [];
  let paragraph = "";
  kept.forEach((line, i) => {
    const previous = kept[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    const newParagraph =
      !previous || gap <= 0 || (usual > 0 && gap > usual * 1.3) || Math.abs(line.size - previous.size) > previous.size * 0.15;
    if (newParagraph) {
      if (paragraph) paragraphs.push(paragraph);
      paragraph = line.text;
    } else {
      paragraph = joinLines(paragraph, line.text);
    }
  });
  if (paragraph) paragraphs.push(paragraph);
  return paragraphs.join("\n");
}

/** Joins the next line of a paragraph, undoing hyphenation at the line end. */
export function joinLines(before: string, next: string): string {
  if (before.endsWith("\u00ad")) return before.slice(0, -1) + next;
  const hyphenated = /\p{L}-$/u.test(before);
  if (hyphenated && /^\p{Ll}/u.test(next)) return before.slice(0, -1) + next;
  if (hyphenated) return before + next;
  return `${before} ${next}`;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Markdown as the text a reader sees: heading and list markers, emphasis, link targets, images, code
 * fences, HTML tags and table rules are removed, line by line, so that what is quoted has no markup. A
 * YAML front matter is dropped, and its `title:` and `date:` are kept. Written by hand: no Markdown parser
 * is among the dependencies, and seeds use the common subset this covers; a construct it does not know
 * stays as written.
 */
export function stripMarkdown(source: string): Extracted {
  let text = source.replace(/\r\n?/g, "\n");
  let title: string | undefined;
  let date: string | undefined;
  const front = /^(?:\uFEFF)?---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    for (const line of front[1]!.split("\n")) {
      const pair = /^(title|date):\s*["']?(.*?)["']?\s*$/i.exec(line);
      if (pair?.[1]?.toLowerCase() === "title" && pair[2]) title = pair[2];
      if (pair?.[1]?.toLowerCase() === "date") date = isoDate(pair[2]) ?? /^\d{4}(-\d{2})?$/.exec(pair[2] ?? "")?.[0];
    }
    text = text.slice(front[0].length);
  }
  const out: string[] = [];
  let fenced = false;
  for (const raw of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(raw);
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw) || /^\s*(=+|-+)\s*$/.test(raw) || /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw)) {
      out.push("");
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s+\S+/.test(raw)) continue; // a link definition
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/\s+#+\s*$/, "")
      .replace(/^(\s*>)+\s?/, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, "");
    if (/^\s*\|.*\|\s*$/.test(line)) line = line.trim().slice(1, -1).split("|").map((cell) => cell.trim()).join(" · ");
    line = line
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<(https?:\/\/[^>]+)>/g, "$1")
      .replace(/<\/?[a-zA-Z][^>]*>/g, "")
      .replace(/`([^`]+)`/g, "$1")
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, "$1$2")
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
    out.push(line);
  }
  return { text: out.join("\n"), ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/** The page (1-based) of a document that holds `offset`, for a document with pages; undefined otherwise. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  let page = 1;
  for (let i = 1; i < pages.length && pages[i]! <= offset; i++) page = i + 1;
  return page;
}
