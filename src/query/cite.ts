import { pageAt } from "../ingest/extract.js";
import type { Citation, DocInfo } from "../types.js";
import type { Sentence } from "./score.js";

/**
 * Citations: a sentence of a source turned into `{ n, source, title, date, quote, start, end }`, and the
 * bookkeeping of the numbers an LLM writes into its answer. A citation only ever quotes a sentence as the
 * index holds it, so `quote === fileText.slice(start, end)` holds by construction.
 */

/**
 * Builds the citation for a sentence, trimming surrounding whitespace but keeping offsets exact. Why a
 * function: every path (extractive, LLM, fallback) must produce citations the same verifiable way.
 */
export function citationFor(sentence: Sentence, n: number, doc: DocInfo | undefined): Citation {
  const leading = sentence.text.length - sentence.text.trimStart().length;
  const quote = sentence.text.trim();
  const start = sentence.start + leading;
  const page = pageAt(doc?.pages, start);
  return {
    n,
    source: sentence.source,
    title: doc?.title ?? sentence.source,
    date: doc?.date ?? null,
    quote,
    start,
    end: start + quote.length,
    ...(page === undefined ? {} : { page }),
  };
}

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * The citation numbers an answer uses, in order of first appearance; "[1, 3]" counts as 1 and 3.
 *
 * @example
 * citedNumbers("A [2]. B [1, 2].") // [2, 1]
 */
export function citedNumbers(text: string): number[] {
  const seen: number[] = [];
  for (const match of text.matchAll(MARKER)) {
    for (const part of (match[1] ?? "").split(",")) {
      const n = Number(part.trim());
      if (!seen.includes(n)) seen.push(n);
    }
  }
  return seen;
}

/**
 * Removes citation numbers that were not among the sources handed to the model (invented ones), with the
 * sentences that cited nothing else, and renumbers the rest 1, 2, 3 … in order of appearance, so the answer's markers match the citation list
 * shown under it. Returns the rewritten text and, for each new number, the source number it stood for.
 *
 * @example
 * renumberCitations("X [3]. Y [9]. Z [1].", 4) // { text: "X [1]. Z [2].", mapping: [3, 1] }
 */
export function renumberCitations(text: string, provided: number): { text: string; mapping: number[] } {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= provided;
  // A sentence that cites only sources that were never provided makes a claim nothing backs: it goes.
  const kept = (text.match(/[^.!?\n]*(?:[.!?]+(?:\s*\[[\d,\s]+\])?|\n|$)[^\S\n]*\n?/g) ?? [text]).filter((sentence) => {
    const cited = citedNumbers(sentence);
    return cited.length === 0 || cited.some(valid);
  });
  const mapping: number[] = [];
  const rewritten = kept.join("").replace(MARKER, (_, list: string) => {
    const kept: number[] = [];
    for (const part of list.split(",")) {
      const original = Number(part.trim());
      if (!valid(original)) continue;
      let n = mapping.indexOf(original) + 1;
      if (n === 0) {
        mapping.push(original);
        n = mapping.length;
      }
      if (!kept.includes(n)) kept.push(n);
    }
    return kept.length === 0 ? "" : `[${kept.join(", ")}]`;
  });
  return { text: rewritten.replace(/[ \t]+([.,;:!?])/g, "$1").replace(/[ \t]{2,}/g, " ").trim(), mapping };
}

/**
 * The claim an LLM citation backs: the text between the previous marker (or sentence start) and the
 * marker itself. Citation mapping compares this claim with the sentences of the cited source.
 */
export function claimsByNumber(text: string): Map<number, string> {
  const claims = new Map<number, string>();
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const index = match.index ?? 0;
    const before = text.slice(last, index);
    const sentenceStart = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"));
    const claim = before.slice(sentenceStart + 1).trim() || before.trim();
    for (const part of (match[1] ?? "").split(",")) {
      const n = Number(part.trim());
      claims.set(n, `${claims.get(n) ?? ""} ${claim}`.trim());
    }
    last = index + match[0].length;
  }
  return claims;
}
