import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SentenceSpan, SourceDoc } from "../types.js";
import { extract, SEED_FORMATS, type Extracted, type SeedFormat } from "./extract.js";
import { cutsAbbreviation } from "./abbreviations.js";

/** A seed that could not be used, and why; the run goes on without it. */
export interface SkippedSeed {
  readonly source: string;
  readonly reason: string;
}

export interface LoadedSeeds {
  readonly docs: readonly SourceDoc[];
  readonly skipped: readonly SkippedSeed[];
  /** Files whose extension is not a seed format (not hidden files), for one warning that lists what is. */
  readonly unsupported: readonly string[];
}

/** The seed extensions, for messages: ".txt, .md, .html, .htm, .pdf". */
export const SUPPORTED_EXTENSIONS = Object.keys(SEED_FORMATS).join(", ");

/**
 * Bumped when extraction changes what text a format yields, so that unchanged files of that format are
 * extracted and embedded again instead of keeping chunks cut from the old text. Plain text is not
 * extracted, and its hash stays the file's.
 */
const EXTRACTION_VERSION = "extract-v1";
const METADATA_KEYS = ["date", "lang", "language", "source", "url", "author"] as const;
const METADATA_PAIR = new RegExp(`^[ \\t]*(${METADATA_KEYS.join("|")})[ \\t]+(\\S+)(?=[ \\t\\r\\n])`, "i");
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const TITLE_MAX = 90;

/**
 * Loads every seed under `dir` (recursively, sorted by path): `.txt`, `.md`, `.html`/`.htm` and `.pdf`,
 * each through the extract stage. A file that cannot be read or yields no text (invalid UTF-8, an
 * encrypted or scanned PDF, a page without an article) is reported in `skipped` with the reason instead
 * of failing the run, so one bad seed never blocks the others; files of other types are listed in
 * `unsupported`.
 */
export async function loadSeeds(dir: string): Promise<LoadedSeeds> {
  const { files, unsupported } = await listSeedFiles(dir);
  const docs: SourceDoc[] = [];
  const skipped: SkippedSeed[] = [];
  for (const { file, format } of files) {
    const source = relative(dir, file);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      skipped.push({ source, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const extracted = await extract(format, bytes);
    const parsed = "reason" in extracted ? { source, reason: extracted.reason } : documentOf(source, extracted, seedHash(format, bytes));
    if ("reason" in parsed) skipped.push(parsed);
    else docs.push(parsed);
  }
  return { docs, skipped, unsupported: unsupported.map((file) => relative(dir, file)) };
}

function relative(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join("/");
}

async function listSeedFiles(dir: string): Promise<{ files: { file: string; format: SeedFormat }[]; unsupported: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files: { file: string; format: SeedFormat }[] = [];
  const unsupported: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const format = SEED_FORMATS[path.extname(entry.name).toLowerCase()];
    if (format) files.push({ file, format });
    else unsupported.push(file);
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort((a, b) => byPath(a.file, b.file)), unsupported: unsupported.sort(byPath) };
}

/** The hash that decides whether a seed changed: of its bytes, and for extracted formats of the extraction too. */
function seedHash(format: SeedFormat, bytes: Uint8Array): string {
  const hash = createHash("sha256");
  if (format !== "text") hash.update(`${EXTRACTION_VERSION}\u0000`);
  return hash.update(bytes).digest("hex");
}

/**
 * Turns one plain-text seed's bytes into a {@link SourceDoc}: decodes strict UTF-8, reads the metadata
 * prefix (e.g. ` date 2022-01 `), finds the sentences of the body and a short title. Pure.
 */
export function parseSeed(source: string, bytes: Uint8Array): SourceDoc | SkippedSeed {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { source, reason: "not valid UTF-8 text" };
  }
  if (text.includes("\u0000")) return { source, reason: "binary content (NUL bytes), not text" };
  return documentOf(source, { text }, seedHash("text", bytes));
}

/**
 * A {@link SourceDoc} from extracted text: the metadata prefix (e.g. ` date 2022-01 `) is read off its
 * start, its sentences found, and its title is the extracted headline or else the first sentence. A date
 * the file states (an HTML page's publication date) stands in when there is no ` date ` prefix. Pure.
 */
export function documentOf(source: string, extracted: Extracted, sha256: string): SourceDoc | SkippedSeed {
  const { text } = extracted;
  // A byte-order mark is not part of the text anyone would quote; offsets still count it.
  const { bodyStart, metadata } = parseMetadataPrefix(text);
  const sentences = splitSentences(text, bodyStart);
  if (sentences.length === 0) return { source, reason: "empty (no text after the metadata prefix)" };
  const first = sentences[0]!;
  return {
    source,
    text,
    bodyStart,
    title: shorten(extracted.title ?? text.slice(first.start, first.end), TITLE_MAX),
    date: metadata.date ?? extracted.date ?? null,
    metadata,
    sha256,
    sentences,
    ...(extracted.pages ? { pages: extracted.pages } : {}),
  };
}

/**
 * Reads `key value` pairs at the very start of a seed, for the known keys (date, lang, source, url,
 * author). A `date` must look like YYYY, YYYY-MM or YYYY-MM-DD, so ordinary prose is never eaten.
 */
export function parseMetadataPrefix(text: string): { bodyStart: number; metadata: Record<string, string> } {
  const metadata: Record<string, string> = {};
  let offset = text.startsWith("\uFEFF") ? 1 : 0;
  for (;;) {
    const match = METADATA_PAIR.exec(text.slice(offset));
    if (!match) break;
    const key = match[1]!.toLowerCase();
    const value = match[2]!;
    if (key === "date" && !DATE_VALUE.test(value)) break;
    if (key in metadata) break;
    metadata[key] = value;
    offset += match[0].length;
  }
  while (offset < text.length && /\s/.test(text[offset]!)) offset++;
  return { bodyStart: offset, metadata };
}

const segmenter = new Intl.Segmenter("de", { granularity: "sentence" });

/**
 * The version of {@link splitSentences}' cuts: an index whose chunks were cut by another version is
 * re-chunked, since its sentence offsets differ. 2: German ordinal dates and lower-case continuations.
 * 3: an ordinal after an article or a preposition ("aus dem 12. Jahrhundert"). 4: abbreviations ("Dr.").
 */
export const SPLITTER_VERSION = 4;

const MONTH = /^(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b/iu;

/** An ordinal after an article or a contracted preposition: it needs the noun that follows ("im 3. Quartal"). */
const ORDINAL_AFTER_ARTICLE = /(?<![\p{L}])(der|die|das|dem|den|des|ein|eine|einem|einen|einer|am|im|zum|zur|vom|beim|ins)\s+\d+\.\s*$/iu;

/**
 * True when a segment the segmenter cut off continues the one before: it starts in lower case ("am 19.
 * und 20. März" cut after "19."), follows an ordinal number with a number or a month ("am 19. März"),
 * follows an ordinal that an article opened ("aus dem 12. Jahrhundert"), or follows an abbreviation
 * ("5 Mio. Euro", "Dr. Maier").
 */
function continues(previous: string, next: string): boolean {
  const start = next.trimStart();
  if (/^\p{Ll}/u.test(start)) return true;
  if (ORDINAL_AFTER_ARTICLE.test(previous)) return true;
  if (cutsAbbreviation(previous, start)) return true;
  return /\d\.\s*$/.test(previous) && (/^\d/.test(start) || MONTH.test(start));
}

/** The segmenter's sentences, with the cuts it makes inside German dates and abbreviations joined again. */
function segments(body: string): { segment: string; index: number }[] {
  const joined: { segment: string; index: number }[] = [];
  for (const { segment, index } of segmenter.segment(body)) {
    const last = joined.at(-1);
    // A line break is a cut the segmenter did not make and the text did: it stays.
    if (last && !/\n\s*$/.test(last.segment) && continues(last.segment, segment)) last.segment += segment;
    else joined.push({ segment, index });
  }
  return joined;
}

/**
 * Sentence spans of `text` from `from` on, trimmed of surrounding whitespace. Line breaks also end a
 * sentence, so headlines and list items without a full stop stand alone. Pure.
 */
export function splitSentences(text: string, from = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const body = text.slice(from);
  for (const { segment, index } of segments(body)) {
    let lineStart = 0;
    for (const line of segment.split("\n")) {
      const lead = line.length - line.trimStart().length;
      const trimmed = line.trim();
      if (trimmed.length > 0) {
        const start = from + index + lineStart + lead;
        spans.push({ start, end: start + trimmed.length });
      }
      lineStart += line.length + 1;
    }
  }
  return spans;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
