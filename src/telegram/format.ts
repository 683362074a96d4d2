import { z } from "zod";
import type { Answer, Citation, Language } from "../types.js";
import { texts } from "./i18n.js";

/**
 * Pure functions from answers to Telegram messages: HTML escaping, the reply layout, splitting long
 * replies, and the callback data of citation buttons. Nothing here talks to Telegram, so every rule of
 * the Bot API's HTML parse mode is unit-tested on plain strings.
 */

/** Telegram's limit for one text message, counted on the text after entity parsing. */
export const MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode (`<`, `>`, `&`, and `"` for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A reply ready to send: HTML message parts (each within {@link MESSAGE_LIMIT}) and its buttons. */
export interface FormattedReply {
  readonly parts: readonly string[];
  readonly buttons: readonly CitationButton[];
}

/** One inline button that opens the passage behind citation `n`. */
export interface CitationButton {
  readonly label: string;
  readonly data: string;
}

/**
 * Lays out an answer the way users read it in Telegram: the answer with its [n] markers, then the
 * sources (number, title, date, the quoted sentence in a blockquote), split into messages that fit.
 * `docKey` names the indexed document behind a citation for its button; a citation without a key
 * (its document is gone) gets no button.
 *
 * @example
 * const reply = formatAnswer(answer, (source) => library.docKey(source));
 * for (const part of reply.parts) await ctx.reply(part, { parse_mode: "HTML" });
 */
export function formatAnswer(answer: Answer, docKey: (source: string) => string | undefined): FormattedReply {
  const t = texts(answer.language);
  const blocks: string[] = [escapeHtml(answer.text.trim() || t.emptyAnswer)];
  if (answer.note !== undefined) blocks.push(`<i>${escapeHtml(t.note(answer.note))}</i>`);
  if (answer.kind === "not_found") {
    if (answer.suggestions.length > 0) {
      blocks.push(`${escapeHtml(t.suggestionsHeading)}\n${answer.suggestions.map((s) => `• ${escapeHtml(s)}`).join("\n")}`);
    }
    return { parts: splitHtml(blocks.join("\n\n")), buttons: [] };
  }
  if (answer.kind === "smalltalk") {
    if (answer.examples.length > 0) blocks.push(answer.examples.map((q) => `• ${escapeHtml(q)}`).join("\n"));
    return { parts: splitHtml(blocks.join("\n\n")), buttons: [] };
  }
  const citations = uniqueCitations(answer.citations);
  if (citations.length > 0) {
    blocks.push(`<b>${escapeHtml(t.sourcesHeading)}</b>`);
    for (const citation of citations) blocks.push(formatCitation(citation, answer.language));
  }
  const buttons: CitationButton[] = [];
  for (const citation of citations) {
    const doc = docKey(citation.source);
    if (doc === undefined) continue;
    buttons.push({
      label: t.openSourceButton(citation.n),
      data: encodeCallback({ kind: "passage", doc, start: citation.start, end: citation.end }),
    });
  }
  return { parts: splitHtml(blocks.join("\n\n")), buttons };
}

/**
 * An answer as one HTML message, for an inline result (which cannot be split): the layout of
 * {@link formatAnswer} without buttons. When that takes more than one message, the answer text gives
 * way and the sources stay whole, because [n] markers are worth little without what they point to.
 *
 * @example
 * const html = formatInlineAnswer(answer); // visibleLength(html) <= 4096
 */
export function formatInlineAnswer(answer: Answer, limit = MESSAGE_LIMIT): string {
  const noButtons = () => undefined;
  let parts = formatAnswer(answer, noButtons).parts;
  for (let max = Math.min(answer.text.length, limit); parts.length > 1 && max >= 200; max = Math.floor(max / 2)) {
    parts = formatAnswer({ ...answer, text: shorten(answer.text, max) }, noButtons).parts;
  }
  if (parts.length === 1) return parts[0]!;
  // Sources alone longer than a message (many long quotes): the first message's worth, marked as cut.
  return `${splitHtml(parts.join("\n\n"), limit - 2)[0] ?? ""} …`;
}

/** Text cut at a word boundary to at most `max` characters, with an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<number>();
  return [...citations].sort((a, b) => a.n - b.n).filter((c) => !seen.has(c.n) && seen.add(c.n));
}

function formatCitation(citation: Citation, language: Language): string {
  const date = citation.date === null ? "" : ` · ${escapeHtml(citation.date)}`;
  const page = citation.page === undefined ? "" : ` · ${language === "de" ? "S." : "p."} ${citation.page}`;
  return `[${citation.n}] <b>${escapeHtml(citation.title)}</b>${date}${page}\n<blockquote>${escapeHtml(citation.quote)}</blockquote>`;
}

/** The full passage behind a citation, with the quoted span relative to `text`. */
export interface PassageView {
  readonly source: string;
  readonly title: string;
  readonly date: string | null;
  readonly text: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
}

/**
 * The message a citation button opens: title and date, then the whole passage in an expandable
 * blockquote with the quote in bold. Long passages are cut around the quote so the message fits.
 */
export function formatPassage(passage: PassageView, language: Language): string {
  const t = texts(language);
  const budget = MESSAGE_LIMIT - 200 - passage.title.length;
  let { text, quoteStart, quoteEnd } = passage;
  if (text.length > budget) {
    const room = Math.max(0, budget - (quoteEnd - quoteStart));
    const from = Math.max(0, quoteStart - Math.floor(room / 2));
    const to = Math.min(text.length, from + Math.max(budget, quoteEnd - quoteStart));
    const prefix = from > 0 ? "… " : "";
    const suffix = to < text.length ? " …" : "";
    text = prefix + text.slice(from, to) + suffix;
    quoteStart = quoteStart - from + prefix.length;
    quoteEnd = Math.min(quoteEnd - from, to - from) + prefix.length;
  }
  const date = passage.date === null ? "" : ` · ${escapeHtml(passage.date)}`;
  const body =
    escapeHtml(text.slice(0, quoteStart)) +
    `<b><u>${escapeHtml(text.slice(quoteStart, quoteEnd))}</u></b>` +
    escapeHtml(text.slice(quoteEnd));
  const html =
    `<b>${escapeHtml(passage.title)}</b>${date}\n<i>${escapeHtml(t.passageSource(passage.source))}</i>\n` +
    `<blockquote expandable>${body}</blockquote>`;
  return splitHtml(html)[0] ?? "";
}

// ---------------------------------------------------------------------------------------------
// Splitting

type TagAtom = { readonly kind: "open" | "close"; readonly name: string; readonly raw: string };
type Atom = TagAtom | { readonly kind: "char"; readonly raw: string; readonly text: string };

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>/;
const ENTITY = /^&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/;

function atomize(html: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < html.length) {
    const rest = html.slice(i, i + 512);
    if (html[i] === "<") {
      const tag = TAG.exec(rest);
      if (tag) {
        const [raw, slash, name = ""] = tag;
        atoms.push({ kind: slash ? "close" : "open", name: name.toLowerCase(), raw });
        i += raw.length;
        continue;
      }
    } else if (html[i] === "&") {
      const entity = ENTITY.exec(rest);
      if (entity) {
        atoms.push({ kind: "char", raw: entity[0], text: "x" });
        i += entity[0].length;
        continue;
      }
    }
    const codePoint = html.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    atoms.push({ kind: "char", raw: char, text: char });
    i += char.length;
  }
  return atoms;
}

/** The length Telegram counts for an HTML message: its text after entity parsing, in UTF-16 units. */
export function visibleLength(html: string): number {
  return atomize(html).reduce((n, atom) => n + (atom.kind === "char" ? atom.text.length : 0), 0);
}

/**
 * Splits HTML into messages of at most `limit` visible characters. It prefers paragraph boundaries
 * (a blank line), then line breaks, then spaces; tags open at a split are closed at the end of one
 * part and reopened at the start of the next, so every part is valid HTML on its own.
 *
 * @example
 * splitHtml("<b>" + "a ".repeat(3000) + "</b>") // two parts, each "<b>…</b>"
 */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  const atoms = atomize(html);
  const parts: string[] = [];
  let start = 0;
  let reopen: TagAtom[] = [];
  while (start < atoms.length) {
    let visible = 0;
    let end = start;
    // The last break of each rank (3 paragraph, 2 line, 1 space): after atom `at`, `visible` chars in.
    const breaks = new Map<number, { at: number; visible: number }>();
    while (end < atoms.length) {
      const atom = atoms[end]!;
      if (atom.kind === "char") {
        if (visible + atom.text.length > limit) break;
        visible += atom.text.length;
        const rank = breakRank(atoms, end);
        if (rank > 0) breaks.set(rank, { at: end, visible });
      }
      end += 1;
    }
    if (end < atoms.length) {
      // Prefer the strongest break that still fills half a message; else any break at all.
      const ranked = [3, 2, 1].map((rank) => breaks.get(rank)).filter((b) => b !== undefined);
      const chosen = ranked.find((b) => b.visible >= limit / 2) ?? ranked[0];
      if (chosen !== undefined) end = chosen.at + 1;
    }
    const chunk = atoms.slice(start, end);
    const stack = openStack([...reopen, ...chunk]);
    const html = [...reopen, ...chunk].map((a) => a.raw).join("") + closing(stack);
    const text = tidy(html);
    if (visibleLength(text) > 0) parts.push(text);
    reopen = stack;
    start = end;
    // Whitespace at a boundary belongs to neither part.
    while (start < atoms.length) {
      const atom = atoms[start]!;
      if (atom.kind !== "char" || atom.text.trim() !== "") break;
      start += 1;
    }
  }
  return parts.length > 0 ? parts : [html];
}

/**
 * The text a reader sees in an HTML message: tags dropped, entities decoded. It is the fallback when
 * Telegram refuses the HTML, so that the answer still arrives, without formatting.
 *
 * @example
 * htmlToPlainText("<b>A &amp; B</b>") // "A & B"
 */
export function htmlToPlainText(html: string): string {
  return atomize(html)
    .map((atom) => (atom.kind === "char" ? decodeEntity(atom.raw) : ""))
    .join("");
}

function decodeEntity(raw: string): string {
  if (!raw.startsWith("&")) return raw;
  const name = raw.slice(1, -1);
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  if (name in named) return named[name]!;
  const code = name.startsWith("#x") || name.startsWith("#X") ? parseInt(name.slice(2), 16) : name.startsWith("#") ? parseInt(name.slice(1), 10) : NaN;
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : raw;
}

/** Splits plain text into messages of at most `limit` characters, at the same breaks as {@link splitHtml}. */
export function splitPlainText(text: string, limit = MESSAGE_LIMIT): string[] {
  return splitHtml(escapeHtml(text), limit).map(htmlToPlainText);
}

/** How good a break after `atoms[i]` is: 3 paragraph, 2 line, 1 space, 0 none. */
function breakRank(atoms: readonly Atom[], i: number): number {
  const atom = atoms[i]!;
  if (atom.kind !== "char") return 0;
  if (atom.text === "\n") {
    const previous = previousChar(atoms, i);
    return previous === "\n" ? 3 : 2;
  }
  return atom.text === " " ? 1 : 0;
}

function previousChar(atoms: readonly Atom[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j -= 1) {
    const atom = atoms[j]!;
    if (atom.kind === "char") return atom.text;
  }
  return undefined;
}

function openStack(atoms: readonly Atom[]): TagAtom[] {
  const stack: TagAtom[] = [];
  for (const atom of atoms) {
    if (atom.kind === "open") stack.push(atom);
    else if (atom.kind === "close") {
      const index = stack.map((a) => a.name).lastIndexOf(atom.name);
      if (index >= 0) stack.splice(index, 1);
    }
  }
  return stack;
}

function closing(stack: readonly TagAtom[]): string {
  return [...stack].reverse().map((a) => `</${a.name}>`).join("");
}

/** Trims whitespace at both ends and drops tag pairs left empty by a split. */
function tidy(html: string): string {
  let out = html.replace(/^\s+/, "").replace(/\s+$/, "");
  let previous: string;
  do {
    previous = out;
    out = out.replace(/<([a-z][a-z0-9-]*)(?:\s[^<>]*)?>\s*<\/\1>/g, "");
  } while (out !== previous);
  return out.trim();
}

// ---------------------------------------------------------------------------------------------
// Callback data

/** What a button asks for. Callback data comes from clients and is validated like any input. */
export type CallbackAction = { readonly kind: "passage"; readonly doc: string; readonly start: number; readonly end: number };

const offset = z.string().transform(Number).pipe(z.number().int().min(0).max(100_000_000));
const PassageData = z
  .string()
  .max(64)
  .regex(/^p:[0-9a-f]{6,16}:\d{1,9}:\d{1,9}$/)
  .transform((s) => s.split(":"))
  .pipe(z.tuple([z.literal("p"), z.string(), offset, offset]))
  .refine(([, , start, end]) => end > start, "end must be after start")
  .transform(([, doc, start, end]): CallbackAction => ({ kind: "passage", doc, start, end }));

/** Encodes a button action into Telegram's callback data (at most 64 bytes). */
export function encodeCallback(action: CallbackAction): string {
  return `p:${action.doc}:${action.start}:${action.end}`;
}

/** Decodes callback data; anything forged, truncated or from an old version gives `undefined`. */
export function decodeCallback(data: string): CallbackAction | undefined {
  const result = PassageData.safeParse(data);
  return result.success ? result.data : undefined;
}
