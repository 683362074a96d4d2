import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { converse } from "../app/conversation.js";
import { createPipeline } from "../app/pipeline.js";
import { LEXICON_RESOURCES, openLexicon, withoutResources, type LexiconResource } from "../lexicon/index.js";
import { createLogger } from "../log.js";
import type { Answer, Ask, Language } from "../types.js";
import { loadConfig } from "./env.js";

/**
 * `npm run eval -- [--set FILE] [--articles DIR] [--dev FILE] [--holdout FILE] [--seeds DIR] [--floors FILE] [--json]`
 *
 * Indexes the eval articles together with the seeds into a temporary index and runs, through the same
 * pipeline as `ask`: the articles' questions (split into `tune` and `check`), their conversations (through
 * the same conversation code as `ask --conversation`), and the older question sets on the seed article as
 * regression sets. Prints accuracy with evidence by language, refusal accuracy, false refusals, verbatim
 * citations, follow-ups and small talk, per set and per kind of question. Exits non-zero when a metric
 * breaks a floor in eval-floors.json, so CI catches regressions; the issue's targets are reported beside.
 *
 * The `check` split and the conversations are held out: they appear only as counts and rates, never item
 * by item, so nobody tunes the answer code to them.
 */

const HELP = `Usage: npm run eval -- [options]

Options:
  --set FILE       the articles' question set (default: ../shared/eval/dev-qa-articles.json if present,
                   else tests/fixtures/eval/dev-qa-articles.json)
  --articles DIR   the articles it asks about (default: articles/ beside the set file)
  --dev FILE       regression set "dev" (default: ../shared/eval/dev-qa.json if present, else tests/fixtures/dev-qa.json)
  --holdout FILE   regression set "holdout" (default: tests/fixtures/holdout-qa.json)
  --seeds DIR      seeds indexed together with the articles (default: SEEDS_DIR or seeds/); they are
                   copied into a temporary folder with a temporary index, so seeds/ and index/ stay untouched
  --floors FILE    floors and targets (default: eval-floors.json)
  --without LIST   switch lexicon resources off, to measure what each is worth:
                   any of lemmas, synonyms, pivots, translations, wordnet, places, comma-separated
  --typed HOW      ask every question as someone might type it, to measure how much survives:
                   umlauts-spelt ("Kuenstler"), umlauts-dropped ("Kunstler"), lower-case, or one error in
                   its longest word: swapped-letters, dropped-letter, doubled-letter; or with the
                   courtesies of a chat: greeted ("Hallo! …"), thanked ("… Danke!"), announced
                   ("Kurze Frage: …"), polite ("…, bitte?"), emoji ("… 🤔"), filler ("Also, …"),
                   sourced ("Laut den Quellen: …"); or all in capitals. The floors are for
                   questions as written and are then reported, not enforced
  --json           print one line of JSON instead of the report:
                   {"mode","sources":{…},"sets":{"tune","check","dev","holdout": metrics with "kinds"},
                    "targets":[{"set","metric","bound","limit","value","met"}],"broken":[…]}
  -h, --help       show this help
`;

const QaItem = z.object({
  id: z.string().min(1),
  lang: z.enum(["de", "en"]),
  q: z.string().trim().min(1),
  source: z.string().optional(),
  expect: z.array(z.array(z.string().min(1)).min(1)).optional(),
  evidence: z.string().min(1).optional(),
  unanswerable: z.boolean().optional(),
  split: z.enum(["tune", "check"]).optional(),
  followUp: z.boolean().optional(),
  smalltalk: z.boolean().optional(),
});
export type QaItem = z.infer<typeof QaItem>;

/** The ways `--typed` may type a question (see {@link retyped}). */
export const TYPINGS = ["umlauts-spelt", "umlauts-dropped", "lower-case", "swapped-letters", "dropped-letter", "doubled-letter", "greeted", "thanked", "announced", "polite", "emoji", "filler", "sourced", "capitals"] as const;
export type Typing = (typeof TYPINGS)[number];

const SPELT: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" };
const UNDOTTED: Readonly<Record<string, string>> = { ä: "a", ö: "o", ü: "u", Ä: "A", Ö: "O", Ü: "U", ß: "ss" };
/** What a chat user may write before or after a question, per language. */
const COURTESIES: Readonly<Record<"greeted" | "thanked" | "announced" | "polite" | "emoji" | "filler" | "sourced", Readonly<Record<Language, string>>>> = {
  greeted: { de: "Hallo! ", en: "Hi! " },
  thanked: { de: " Danke!", en: " Thanks!" },
  announced: { de: "Kurze Frage: ", en: "Quick question: " },
  polite: { de: ", bitte", en: ", please" },
  emoji: { de: " 🤔", en: " 🤔" },
  filler: { de: "Also, ", en: "So, " },
  sourced: { de: "Laut den Quellen: ", en: "According to the sources: " },
};

/**
 * A question as someone might type it: its umlauts spelt "ae", "oe", "ue" (and "ß" as "ss"), or left
 * without their dots; all in lower case; or with one error in the middle of its longest word (of six
 * letters or more): two letters swapped, one left out or one doubled; or with a greeting or an
 * announcement, a filler or a reference to the sources before it, thanks, "bitte" or an emoji after it,
 * in the question's language; or in capitals. Deterministic, so two runs compare. Pure.
 *
 * @example
 * retyped("Wie viele Besucher?", "swapped-letters") // "Wie viele Besuhcer?"
 * retyped("How many visitors?", "thanked", "en") // "How many visitors? Thanks!"
 */
export function retyped(question: string, typing: Typing, language: Language = "de"): string {
  if (typing === "thanked" || typing === "emoji") return question + COURTESIES[typing][language];
  // "Wer war da, bitte?": before the question mark, or at the end of a question without one.
  if (typing === "polite") return question.replace(/[?.!]*$/u, (end) => COURTESIES.polite[language] + end);
  if (typing === "greeted" || typing === "announced" || typing === "sourced") return COURTESIES[typing][language] + question;
  // "Also, wer war da?": the question goes on after the comma.
  if (typing === "filler") return COURTESIES.filler[language] + question.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  if (typing === "capitals") return question.toUpperCase();
  if (typing === "umlauts-spelt") return question.replace(/[äöüÄÖÜß]/g, (c) => SPELT[c]!);
  if (typing === "umlauts-dropped") return question.replace(/[äöüÄÖÜß]/g, (c) => UNDOTTED[c]!);
  if (typing === "lower-case") return question.toLowerCase();
  const longest = (question.match(/\p{L}{6,}/gu) ?? []).reduce((best, word) => (word.length > best.length ? word : best), "");
  if (longest === "") return question;
  const i = Math.floor(longest.length / 2);
  const typo =
    typing === "swapped-letters"
      ? longest.slice(0, i) + longest[i + 1]! + longest[i]! + longest.slice(i + 2)
      : typing === "dropped-letter"
        ? longest.slice(0, i) + longest.slice(i + 1)
        : longest.slice(0, i) + longest[i]! + longest.slice(i);
  return question.replace(longest, typo);
}

/** A question file with every question retyped (see {@link retyped}). */
function retypedQa(file: QaFile, typing: Typing): QaFile {
  // Courtesies go around questions: a greeting before small talk is no question typed another way.
  const courtesy = typing in COURTESIES;
  const item = (it: QaItem): QaItem => (it.smalltalk && courtesy ? it : { ...it, q: retyped(it.q, typing, it.lang) });
  return { ...file, items: file.items.map(item), conversations: file.conversations.map((c) => ({ ...c, turns: c.turns.map(item) })) };
}

const QaFile = z.object({
  about: z.string().optional(),
  items: z.array(QaItem),
  conversations: z.array(z.object({ id: z.string(), turns: z.array(QaItem).min(1) })).default([]),
});
export type QaFile = z.infer<typeof QaFile>;

const Bounds = z.record(z.string(), z.record(z.string(), z.number()));
const FloorsFile = z.object({
  about: z.string().optional(),
  min: Bounds.default({}),
  max: Bounds.default({}),
  targets: z.object({ min: Bounds.default({}), max: Bounds.default({}) }).default({ min: {}, max: {} }),
});
/** Per question set, per metric: the lowest (`min`) or highest (`max`) value allowed. */
export type Limits = { readonly min: z.infer<typeof Bounds>; readonly max: z.infer<typeof Bounds> };

/** Kinds of conversation turns, and of the self-contained turns asked again alone for comparison. */
export const FOLLOW_UP = "follow-up";
export const INDEPENDENT = "independent-in-conversation";
export const INDEPENDENT_ALONE = "independent-alone";
export const SMALLTALK = "smalltalk";
const CONVERSATION_KINDS: readonly string[] = [FOLLOW_UP, INDEPENDENT, INDEPENDENT_ALONE, SMALLTALK];

/**
 * The kind of a question, from its id as the articles' set encodes it: `a201-de-para-…` is "de-para"
 * (likewise de-key, de-near, de-off, en-near, en-off), `a201-en-…` is "en", `x202-…` is "x202". Ids
 * of other sets fall back to the language, with "-unanswerable" for questions to decline.
 */
export function itemKind(item: Pick<QaItem, "id" | "lang" | "unanswerable">): string {
  const [prefix = "", lang, sub] = item.id.split("-");
  if (/^x\d+$/.test(prefix)) return prefix;
  if (/^a\d+$/.test(prefix) && (lang === "de" || lang === "en")) {
    return sub !== undefined && ["para", "key", "near", "off"].includes(sub) ? `${lang}-${sub}` : lang;
  }
  return item.unanswerable ? `${item.lang}-unanswerable` : item.lang;
}

/** The kind of a conversation turn: small talk, a follow-up, or a self-contained question. */
export function turnKind(turn: Pick<QaItem, "followUp" | "smalltalk">): string {
  return turn.smalltalk ? SMALLTALK : turn.followUp ? FOLLOW_UP : INDEPENDENT;
}

export interface ItemResult {
  readonly id: string;
  readonly lang: Language;
  readonly kind: string;
  readonly unanswerable: boolean;
  /** The question is small talk and wants a friendly reply, no citation and no refusal. */
  readonly smalltalk: boolean;
  /** What came back; "error" when `ask` threw. */
  readonly answerKind: Answer["kind"] | "error";
  readonly refused: boolean;
  readonly factsPresent: boolean;
  readonly evidenceHit: boolean;
  /** The first citation overlaps the evidence: the quote an asker reads first is the one that answers. */
  readonly evidenceFirst: boolean;
  readonly citations: number;
  readonly verbatim: number;
  readonly ms: number;
}

/**
 * Judges one answer against its item: are the expected facts in the answer or its quotes, does a citation
 * overlap the evidence span, and is every quote verbatim. Pure given the seed texts, so it is unit-tested.
 */
export function judge(
  item: QaItem,
  answer: Answer,
  fileText: (source: string) => string | undefined,
  ms: number,
  kind = itemKind(item),
): ItemResult {
  const citations = answer.kind === "answered" ? answer.citations : [];
  const haystack = [answer.text, ...citations.map((c) => c.quote)].join("\n").toLowerCase();
  const factsPresent = (item.expect ?? []).every((group) => group.some((alt) => haystack.includes(alt.toLowerCase())));
  const evidence = item.evidence;
  const overlaps = (c: (typeof citations)[number]) => {
    const text = fileText(c.source);
    if (evidence === undefined || text === undefined) return false;
    for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) {
      if (c.start < at + evidence.length && at < c.end) return true;
    }
    return false;
  };
  const evidenceHit = citations.some(overlaps);
  const evidenceFirst = citations[0] !== undefined && overlaps(citations[0]);
  const verbatim = citations.filter((c) => fileText(c.source)?.slice(c.start, c.end) === c.quote).length;
  return {
    ...about(item, kind),
    answerKind: answer.kind,
    refused: answer.kind === "not_found",
    factsPresent,
    evidenceHit,
    evidenceFirst,
    citations: citations.length,
    verbatim,
    ms,
  };
}

/** What a result says of its item, whatever the answer. */
function about(item: QaItem, kind: string) {
  return { id: item.id, lang: item.lang, kind, unanswerable: item.unanswerable === true, smalltalk: item.smalltalk === true };
}

/** The result of a question whose `ask` threw: wrong in every respect. */
export function failed(item: QaItem, ms: number, kind = itemKind(item)): ItemResult {
  return {
    ...about(item, kind),
    answerKind: "error",
    refused: false,
    factsPresent: false,
    evidenceHit: false,
    evidenceFirst: false,
    citations: 0,
    verbatim: 0,
    ms,
  };
}

/**
 * Whether a result is right: small talk got a small-talk reply, an unanswerable question was declined,
 * and any other question was answered with the expected facts and a citation of the evidence.
 */
export function isRight(r: ItemResult): boolean {
  if (r.smalltalk) return r.answerKind === "smalltalk";
  if (r.unanswerable) return r.refused;
  return r.answerKind === "answered" && r.factsPresent && r.evidenceHit;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export interface Count {
  readonly right: number;
  readonly total: number;
}

/** Right and total per kind, kinds in order of first appearance. */
export function countByKind(results: readonly ItemResult[]): Record<string, Count> {
  const counts: Record<string, { right: number; total: number }> = {};
  for (const r of results) {
    const c = (counts[r.kind] ??= { right: 0, total: 0 });
    c.total++;
    if (isRight(r)) c.right++;
  }
  return counts;
}

/**
 * The metrics of one question set. Questions asked on their own (not in a conversation) give the
 * accuracy, refusal and false-refusal rates ("correct" means not refused, the expected facts present and
 * the evidence cited); conversation turns give the follow-up, independent-turn and small-talk figures;
 * verbatim rate and latency cover everything. Rates over an empty group count as 1 (false refusals as 0)
 * so a set without, say, English questions does not break a floor. `right`/`total` leave out the
 * independent turns asked again alone, which repeat questions already counted.
 */
export function metrics(results: readonly ItemResult[]) {
  const alone = results.filter((r) => !CONVERSATION_KINDS.includes(r.kind));
  const answerable = alone.filter((r) => !r.unanswerable && !r.smalltalk);
  const unanswerable = alone.filter((r) => r.unanswerable);
  const correct = (r: ItemResult) => !r.refused && r.factsPresent && r.evidenceHit;
  const byLang = (lang: Language) => answerable.filter((r) => r.lang === lang);
  const ofKind = (kind: string) => results.filter((r) => r.kind === kind);
  const rightRate = (rs: readonly ItemResult[]) => ratio(rs.filter(isRight).length, rs.length);
  const counted = results.filter((r) => r.kind !== INDEPENDENT_ALONE);
  const citations = results.reduce((sum, r) => sum + r.citations, 0);
  return {
    right: counted.filter(isRight).length,
    total: counted.length,
    answerAccuracy: ratio(answerable.filter((r) => !r.refused && r.factsPresent).length, answerable.length),
    evidenceHitRate: ratio(answerable.filter((r) => !r.refused && r.evidenceHit).length, answerable.length),
    correctWithEvidence: ratio(answerable.filter(correct).length, answerable.length),
    /** Of the correct answers, those whose first quote is the evidence (the rest lead with another sentence). */
    evidenceFirstRate: ratio(answerable.filter((r) => correct(r) && r.evidenceFirst).length, answerable.filter(correct).length),
    germanCorrectWithEvidence: ratio(byLang("de").filter(correct).length, byLang("de").length),
    englishCorrectWithEvidence: ratio(byLang("en").filter(correct).length, byLang("en").length),
    verbatimRate: ratio(results.reduce((sum, r) => sum + r.verbatim, 0), citations),
    refusalAccuracy: ratio(unanswerable.filter((r) => r.refused).length, unanswerable.length),
    falseRefusalRate: answerable.length === 0 ? 0 : answerable.filter((r) => r.refused).length / answerable.length,
    followUpAccuracy: rightRate(ofKind(FOLLOW_UP)),
    independentInConversation: rightRate(ofKind(INDEPENDENT)),
    independentAlone: rightRate(ofKind(INDEPENDENT_ALONE)),
    /** Small talk that got a citation, a refusal or an error instead of a friendly reply. */
    smalltalkFailures: results.filter((r) => r.smalltalk && r.answerKind !== "smalltalk").length,
    /** Real questions taken for small talk. */
    smalltalkMisfires: results.filter((r) => !r.smalltalk && r.answerKind === "smalltalk").length,
    errors: results.filter((r) => r.answerKind === "error").length,
    latencyP50Ms: percentile(results.map((r) => r.ms), 50),
    latencyP95Ms: percentile(results.map((r) => r.ms), 95),
    kinds: countByKind(results),
  };
}
export type Metrics = ReturnType<typeof metrics>;

/** One bound checked: a floor (`min`) or ceiling (`max`) of a metric of a question set. */
export interface BoundCheck {
  readonly set: string;
  readonly metric: string;
  readonly bound: "min" | "max";
  readonly limit: number;
  /** Undefined when the set or the metric does not exist. */
  readonly value: number | undefined;
  readonly met: boolean;
}

/** Checks every bound against the metrics of each set; an unknown set or metric never counts as met. */
export function checkBounds(bySet: Readonly<Record<string, Metrics>>, limits: Limits): BoundCheck[] {
  const checks: BoundCheck[] = [];
  for (const bound of ["min", "max"] as const) {
    for (const [set, perMetric] of Object.entries(limits[bound])) {
      for (const [metric, limit] of Object.entries(perMetric)) {
        const raw = (bySet[set] as Record<string, unknown> | undefined)?.[metric];
        const value = typeof raw === "number" ? raw : undefined;
        const met = value !== undefined && (bound === "min" ? value >= limit : value <= limit);
        checks.push({ set, metric, bound, limit, value, met });
      }
    }
  }
  return checks;
}

/** The bounds a run breaks, as readable lines; empty when all hold. */
export function brokenFloors(bySet: Readonly<Record<string, Metrics>>, limits: Limits): string[] {
  return checkBounds(bySet, limits)
    .filter((c) => !c.met)
    .map((c) => {
      const name = `${c.set}.${c.metric}`;
      if (bySet[c.set] === undefined) return `${name}: unknown question set`;
      if (c.value === undefined) return `${name}: unknown metric`;
      return `${name} = ${c.value.toFixed(3)} is ${c.bound === "min" ? "below the floor" : "above the ceiling"} ${c.limit}`;
    });
}

/** The question sets of a run: the articles' set (items with a split, and conversations) and regression sets. */
export interface EvalSets {
  readonly articles: QaFile;
  readonly regression: readonly { readonly name: string; readonly items: readonly QaItem[] }[];
}

/**
 * Results per set: "tune" and "check" (the check split, its conversations and their self-contained turns
 * asked again alone), then each regression set by name.
 */
export type EvalResults = Record<string, ItemResult[]>;

function itemLine(r: ItemResult): string {
  const detail =
    r.answerKind === "error"
      ? "failed with an error"
      : r.unanswerable
        ? r.refused ? "declined" : `${r.answerKind === "smalltalk" ? "small talk" : "answered"} (should decline)`
        : r.refused
          ? "declined (should answer)"
          : r.answerKind === "smalltalk"
            ? "small talk (should answer)"
            : `facts ${r.factsPresent ? "yes" : "no"}, evidence ${r.evidenceHit ? "yes" : "no"}`;
  return `${isRight(r) ? "✓" : "✗"} ${r.id.padEnd(28)} ${r.kind.padEnd(16)} ${detail}  (${r.ms.toFixed(0)} ms)`;
}

/**
 * Runs every set through `ask` and judges each answer. Conversations go through {@link converse}, as
 * `ask --conversation` does; their self-contained turns are asked again alone (kind "independent-alone").
 * `write` receives progress: a ✓/✗ line per tune and regression question, and for the check split and
 * the conversations only how many there are, never a question or an id.
 */
export async function runEval(
  ask: Ask,
  sets: EvalSets,
  fileText: (source: string) => string | undefined,
  write: (line: string) => void,
): Promise<EvalResults> {
  let lastMs = 0;
  const timed: Ask = async (question, context) => {
    const started = performance.now();
    try {
      return await ask(question, context);
    } finally {
      lastMs = performance.now() - started;
    }
  };
  const alone = async (item: QaItem, kind = itemKind(item)): Promise<ItemResult> => {
    try {
      const answer = await timed(item.q, { history: [] });
      return judge(item, answer, fileText, lastMs, kind);
    } catch {
      return failed(item, lastMs, kind);
    }
  };

  const results: EvalResults = { tune: [], check: [] };
  const { items, conversations } = sets.articles;
  const tune = items.filter((i) => i.split === "tune");
  // An item without a split counts as held out: the safe side of the discipline.
  const check = items.filter((i) => i.split !== "tune");
  write(`tune: ${tune.length} questions`);
  for (const item of tune) {
    const r = await alone(item);
    results.tune!.push(r);
    write(itemLine(r));
  }
  const turns = conversations.reduce((n, c) => n + c.turns.length, 0);
  write(`check: ${check.length} questions and ${conversations.length} conversations (${turns} turns), held out: counts only`);
  for (const item of check) results.check!.push(await alone(item));
  for (const conversation of conversations) {
    const { turns } = conversation;
    let at = 0;
    for await (const step of converse(timed, turns.map((t) => t.q))) {
      const turn = turns[at++]!;
      results.check!.push("answer" in step ? judge(turn, step.answer, fileText, lastMs, turnKind(turn)) : failed(turn, lastMs, turnKind(turn)));
    }
  }
  for (const turn of conversations.flatMap((c) => c.turns).filter((t) => turnKind(t) === INDEPENDENT)) {
    results.check!.push(await alone(turn, INDEPENDENT_ALONE));
  }
  for (const set of sets.regression) {
    write(`${set.name}: ${set.items.length} questions (regression)`);
    const rs: ItemResult[] = [];
    for (const item of set.items) {
      const r = await alone(item);
      rs.push(r);
      write(itemLine(r));
    }
    results[set.name] = rs;
  }
  return results;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The report of one set: counts and rates only, so it may show held-out sets too. */
export function formatSet(name: string, m: Metrics): string {
  const conv = m.kinds[FOLLOW_UP] ?? m.kinds[INDEPENDENT] ?? m.kinds[SMALLTALK];
  const lines = [
    `${name}: ${m.right}/${m.total} right`,
    `  correct with evidence   ${pct(m.correctWithEvidence)}   German ${pct(m.germanCorrectWithEvidence)}, English ${pct(m.englishCorrectWithEvidence)}`,
    `  answer accuracy         ${pct(m.answerAccuracy)}   (expected facts present)`,
    `  evidence hit rate       ${pct(m.evidenceHitRate)}   (a citation overlaps the evidence)`,
    `  evidence quoted first   ${pct(m.evidenceFirstRate)}   (of the correct answers, the first quote is the evidence)`,
    `  verbatim citations      ${pct(m.verbatimRate)}`,
    `  refusal accuracy        ${pct(m.refusalAccuracy)}   (unanswerable questions declined)`,
    `  false-refusal rate      ${pct(m.falseRefusalRate)}   (answerable questions declined)`,
  ];
  if (conv !== undefined) {
    lines.push(
      `  follow-ups right        ${pct(m.followUpAccuracy)}`,
      `  independent turns       ${pct(m.independentInConversation)} in conversation, ${pct(m.independentAlone)} asked alone`,
      `  small-talk failures     ${m.smalltalkFailures}   (a greeting got a citation, a refusal or an error)`,
    );
  }
  if (m.smalltalkMisfires > 0) lines.push(`  taken for small talk    ${m.smalltalkMisfires}   (real questions)`);
  if (m.errors > 0) lines.push(`  errors                  ${m.errors}`);
  lines.push(
    `  latency p50 / p95       ${m.latencyP50Ms.toFixed(0)} ms / ${m.latencyP95Ms.toFixed(0)} ms`,
    `  by kind                 ${Object.entries(m.kinds).map(([kind, c]) => `${kind} ${c.right}/${c.total}`).join(", ")}`,
  );
  return lines.join("\n");
}

function formatChecks(checks: readonly BoundCheck[]): string[] {
  return checks.map((c) => {
    const value = c.value === undefined ? "unknown" : Number.isInteger(c.value) ? String(c.value) : c.value.toFixed(3);
    return `  ${`${c.set}.${c.metric}`.padEnd(40)} ${value} ${c.bound === "min" ? "≥" : "≤"} ${c.limit}   ${c.met ? "met" : "not met"}`;
  });
}

function firstExisting(candidates: readonly string[]): string {
  return candidates.find((p) => existsSync(p)) ?? candidates.at(-1)!;
}

function readQa(file: string): QaFile {
  const parsed = QaFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a question set: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

function readFloors(file: string): z.infer<typeof FloorsFile> {
  if (!existsSync(file)) return FloorsFile.parse({});
  const parsed = FloorsFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a floors file: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

/** Copies the seeds and the articles into a fresh temporary folder, so the real seeds and index stay untouched. */
async function temporarySeeds(seedsDir: string, articlesDir: string): Promise<{ work: string; seeds: string }> {
  const work = await mkdtemp(path.join(tmpdir(), "citebot-eval-"));
  const seeds = path.join(work, "seeds");
  try {
    await cp(seedsDir, seeds, { recursive: true });
    for (const name of await readdir(articlesDir)) {
      if (!/\.(txt|md)$/.test(name)) continue;
      if (existsSync(path.join(seeds, name))) throw new Error(`${name} is both a seed in ${seedsDir} and an eval article in ${articlesDir}`);
      await cp(path.join(articlesDir, name), path.join(seeds, name));
    }
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return { work, seeds };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        set: { type: "string" },
        articles: { type: "string" },
        dev: { type: "string" },
        holdout: { type: "string", default: path.join("tests", "fixtures", "holdout-qa.json") },
        seeds: { type: "string" },
        floors: { type: "string", default: "eval-floors.json" },
        json: { type: "boolean", default: false },
        without: { type: "string", default: "" },
        typed: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const without = values.without.split(",").filter((r) => r !== "");
  const unknown = without.filter((r) => !(LEXICON_RESOURCES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    process.stderr.write(`--without takes ${LEXICON_RESOURCES.join(", ")}; not ${unknown.join(", ")}\n`);
    return 2;
  }
  const typing = values.typed as Typing | undefined;
  if (typing !== undefined && !(TYPINGS as readonly string[]).includes(typing)) {
    process.stderr.write(`--typed takes ${TYPINGS.join(", ")}; not ${typing}\n`);
    return 2;
  }
  const shared = path.join("..", "shared", "eval");
  const setFile = values.set ?? firstExisting([path.join(shared, "dev-qa-articles.json"), path.join("tests", "fixtures", "eval", "dev-qa-articles.json")]);
  const articlesDir = values.articles ?? path.join(path.dirname(setFile), "articles");
  const devFile = values.dev ?? firstExisting([path.join(shared, "dev-qa.json"), path.join("tests", "fixtures", "dev-qa.json")]);
  const typed = (file: QaFile) => (typing === undefined ? file : retypedQa(file, typing));
  const articles = typed(readQa(setFile));
  const regression = [
    { name: "dev", items: typed(readQa(devFile)).items },
    { name: "holdout", items: typed(readQa(values.holdout)).items },
  ];
  const floors = readFloors(values.floors);

  const config = loadConfig({ SEEDS_DIR: values.seeds });
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, [config.openai.apiKey, config.telegram.token]);
  const { work, seeds } = await temporarySeeds(config.seedsDir, articlesDir);
  let results: EvalResults;
  try {
    const started = performance.now();
    const lexicon = withoutResources(openLexicon(), without as LexiconResource[]);
    const pipeline = await createPipeline({ ...config, seedsDir: seeds, indexDir: path.join(work, "index") }, logger, { lexicon });
    const indexMs = performance.now() - started;
    const texts = new Map<string, string | undefined>();
    const fileText = (source: string) => {
      if (!texts.has(source)) {
        const file = path.join(seeds, source);
        texts.set(source, existsSync(file) ? readFileSync(file, "utf8") : undefined);
      }
      return texts.get(source);
    };
    const write = values.json ? () => {} : (line: string) => void process.stdout.write(`${line}\n`);
    write(`temporary index of ${pipeline.index().docs.length} sources (${config.seedsDir} + ${articlesDir}) built in ${(indexMs / 1000).toFixed(1)} s, mode ${config.answer.mode}\n`);
    results = await runEval(pipeline.ask, { articles, regression }, fileText, write);
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const bySet = Object.fromEntries(Object.entries(results).map(([name, rs]) => [name, metrics(rs)]));
  const targets = checkBounds(bySet, floors.targets);
  const broken = brokenFloors(bySet, floors);
  if (values.json) {
    const sources = { set: setFile, articles: articlesDir, dev: devFile, holdout: values.holdout };
    process.stdout.write(`${JSON.stringify({ mode: config.answer.mode, sources, sets: bySet, targets, broken })}\n`);
  } else {
    const lines = [""];
    for (const [name, m] of Object.entries(bySet)) lines.push(formatSet(name, m), "");
    if (targets.length > 0) lines.push(`targets (${values.floors}; reported, not enforced):`, ...formatChecks(targets), "");
    lines.push(broken.length === 0 ? `floors (${values.floors}): all met` : `floors (${values.floors}) broken:\n  ${broken.join("\n  ")}`, "");
    if (typing !== undefined) lines.push(`questions typed ${typing}: the floors, set for questions as written, are not enforced`, "");
    process.stdout.write(lines.join("\n"));
  }
  return broken.length === 0 || typing !== undefined ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
