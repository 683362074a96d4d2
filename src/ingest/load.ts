import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SentenceSpan, SourceDoc } from "../types.js";

/** A seed that could not be used, and why; the run goes on without it. */
export interface SkippedSeed {
  readonly source: string;
  readonly reason: string;
}

export interface LoadedSeeds {
  readonly docs: readonly SourceDoc[];
  readonly skipped: readonly SkippedSeed[];
}

const SEED_EXTENSIONS = new Set([".txt", ".md"]);
const METADATA_KEYS = ["date", "lang", "language", "source", "url", "author"] as const;
const METADATA_PAIR = new RegExp(`^[ \\t]*(${METADATA_KEYS.join("|")})[ \\t]+(\\S+)(?=[ \\t\\r\\n])`, "i");
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const TITLE_MAX = 90;

/**
 * Loads every `.txt` and `.md` file under `dir` (recursively, sorted by path). A file that is not
 * valid UTF-8, is empty or cannot be read is reported in `skipped` instead of failing the run, so one
 * bad seed never blocks the others.
 */
export async function loadSeeds(dir: string): Promise<LoadedSeeds> {
  const files = await listSeedFiles(dir);
  const docs: SourceDoc[] = [];
  const skipped: SkippedSeed[] = [];
  for (const file of files) {
    const source = path.relative(dir, file).split(path.sep).join("/");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      skipped.push({ source, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const parsed = parseSeed(source, bytes);
    if ("reason" in parsed) skipped.push(parsed);
    else docs.push(parsed);
  }
  return { docs, skipped };
}

async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && SEED_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith("."))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Turns one seed's bytes into a {@link SourceDoc}: decodes strict UTF-8, reads the metadata prefix
 * (e.g. ` date 2022-01 `), finds the sentences of the body and a short title. Pure.
 */
export function parseSeed(source: string, bytes: Uint8Array): SourceDoc | SkippedSeed {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { source, reason: "not valid UTF-8 text" };
  }
  if (text.includes("\u0000")) return { source, reason: "binary content (NUL bytes), not text" };
  // A byte-order mark is not part of the text anyone would quote; offsets still count it.
  const { bodyStart, metadata } = parseMetadataPrefix(text);
  const sentences = splitSentences(text, bodyStart);
  if (sentences.length === 0) return { source, reason: "empty (no text after the metadata prefix)" };
  const first = sentences[0]!;
  return {
    source,
    text,
    bodyStart,
    title: shorten(text.slice(first.start, first.end), TITLE_MAX),
    date: metadata.date ?? null,
    metadata,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    sentences,
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
 * Sentence spans of `text` from `from` on, trimmed of surrounding whitespace. Line breaks also end a
 * sentence, so headlines and list items without a full stop stand alone. Pure.
 */
export function splitSentences(text: string, from = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const body = text.slice(from);
  for (const { segment, index } of segmenter.segment(body)) {
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
