import type { Citation, DocInfo, Language } from "../types.js";
import { citationFor } from "./cite.js";
import type { ScoredSentence } from "./score.js";

/**
 * The offline answer: the one to three best sentences, quoted verbatim, each followed by its citation
 * number, with a few framing words in the asker's language. It cannot say anything the sources do not.
 */

/** A further sentence joins the answer only when it scores at least this share of the best one. */
export const FOLLOWER_RATIO = 0.75;
/**
 * The sentence right after the best, in its article, joins from a lower share: it goes on where the best
 * stops, and an answer that spans the two ("In Talheim brannte eine Scheune." | "Ein Blitz hatte sie getroffen.")
 * shares the question's words between them. (0.3–0.4 measured alike on the tune-side sets; 0.5–0.6 and
 * any share at all lower.)
 */
export const NEXT_FOLLOWER_RATIO = 0.4;
export const MAX_SENTENCES = 3;

/**
 * Picks the sentences to quote: the best, plus up to two more that score nearly as well (the one right
 * after it, less nearly) and add a question term the sentences so far lack, or carry the asked-for answer
 * type they lack. Quoting more than needed buries the answer; quoting only one misses answers that span
 * two sentences.
 *
 * `strict`: the question asks for a strict type (a number, a date, a duration). Then every close sentence
 * of that type is quoted, since two figures for what is asked ("310 Beschäftigte", "zwölf … gekündigt")
 * are often a hair apart in score, and the reader tells them apart better than word overlap does.
 */
export function selectSentences(scored: readonly ScoredSentence[], { max = MAX_SENTENCES, strict = false } = {}): ScoredSentence[] {
  const best = scored[0];
  if (!best) return [];
  const chosen = [best];
  // A sentence of another article is measured against the best score of the leading article, not against
  // the sentence that leads it: within an article a sentence of a lower score may rank first (scoreSentences).
  const leading = Math.max(...scored.filter((s) => s.sentence.source === best.sentence.source).map((s) => s.score));
  for (const candidate of scored.slice(1)) {
    if (chosen.length >= max) break;
    const same = candidate.sentence.source === best.sentence.source;
    const next = candidate.index === best.index + 1 && same;
    if (candidate.score < (next ? NEXT_FOLLOWER_RATIO : FOLLOWER_RATIO) * (same ? best.score : leading) || candidate.coverage <= 0) continue;
    const addsTerm = candidate.hits.some((hit, t) => hit > 0 && chosen.every((c) => (c.hits[t] ?? 0) < hit));
    const addsType = candidate.typeMatch && (strict || !chosen.some((c) => c.typeMatch));
    if (addsTerm || addsType) chosen.push(candidate);
  }
  return chosen;
}

const FRAMING: Readonly<Record<Language, { one: string; many: string; open: string; close: string }>> = {
  de: { one: "Laut der Quelle:", many: "Laut den Quellen:", open: "„", close: "“" },
  en: { one: "According to the source:", many: "According to the sources:", open: "“", close: "”" },
};

/**
 * Writes the extractive answer text and its citations (numbered 1…n in the order quoted).
 *
 * @example
 * composeExtractive(selected, "de", docs) // { text: "Laut der Quelle: „Es gab … Verletzte …“ [1]", citations: [...] }
 */
export function composeExtractive(
  selected: readonly ScoredSentence[],
  language: Language,
  doc: (source: string) => DocInfo | undefined,
): { text: string; citations: Citation[] } {
  const frame = FRAMING[language];
  const citations = selected.map((s, i) => citationFor(s.sentence, i + 1, doc(s.sentence.source)));
  return { text: `${citations.length > 1 ? frame.many : frame.one} ${quoted(citations, language)}`, citations };
}

/** The quotes of citations in the language's quotation marks, each followed by its number. */
function quoted(citations: readonly Citation[], language: Language): string {
  const frame = FRAMING[language];
  return citations.map((c) => `${frame.open}${c.quote}${frame.close} [${c.n}]`).join(" ");
}

const OVERVIEW_FRAMING: Readonly<Record<Language, { one: string; many: string }>> = {
  de: { one: "Die Quelle berichtet:", many: "Die Quellen berichten unter anderem:" },
  en: { one: "The source reports:", many: "The sources report, among other things:" },
};

/**
 * The answer to "Worum geht es?": the leads quoted (numbered 1…n), which news writes to say what
 * happened, framed in the asker's language.
 *
 * @example
 * composeOverview(citations, "en") // "The sources report, among other things: “…” [1] “…” [2]"
 */
export function composeOverview(citations: readonly Citation[], language: Language): string {
  return `${citations.length > 1 ? OVERVIEW_FRAMING[language].many : OVERVIEW_FRAMING[language].one} ${quoted(citations, language)}`;
}

const NOT_FOUND: Readonly<Record<Language, { text: string; covers: string }>> = {
  de: {
    text: "Dazu finde ich in meinen Quellen nichts, deshalb beantworte ich die Frage lieber nicht.",
    covers: "Die Quellen behandeln zum Beispiel:",
  },
  en: {
    text: "I can't find that in my sources, so I won't guess.",
    covers: "The sources cover, for example:",
  },
};

/**
 * The "not found" message in the asker's language, naming what the sources do cover so the user can ask
 * something answerable instead.
 */
export function notFoundText(language: Language, suggestions: readonly string[]): string {
  const words = NOT_FOUND[language];
  if (suggestions.length === 0) return words.text;
  const frame = FRAMING[language];
  return `${words.text} ${words.covers} ${suggestions.map((s) => `${frame.open}${s}${frame.close}`).join(", ")}.`;
}

const SMALLTALK: Readonly<Record<Language, Readonly<Record<"greeting" | "thanks" | "empty" | "help", string>>>> = {
  de: {
    greeting: "Hallo! Ich beantworte Fragen zu meinen Nachrichtenquellen und belege jede Antwort mit einem wörtlichen Zitat. Frag zum Beispiel:",
    help:
      "Ich beantworte Fragen zu meinen Nachrichtenquellen, nur aus ihnen, und belege jede Antwort mit einem wörtlichen Zitat. Steht etwas nicht darin, sage ich das, statt zu raten. Frag zum Beispiel:",
    thanks: "Gern geschehen! Frag ruhig weiter, zum Beispiel:",
    empty: "Ich sehe in deiner Nachricht keine Frage. Schreib mir eine Frage zu den Artikeln, zum Beispiel:",
  },
  en: {
    greeting: "Hi! I answer questions about my news sources and back every answer with a verbatim quote. Try for example:",
    help: "I answer questions about my news sources, from them alone, and back every answer with a verbatim quote. When they do not say, I tell you so instead of guessing. Try for example:",
    thanks: "You're welcome! Ask me anything else about the sources, for example:",
    empty: "I don't see a question in your message. Ask me something about the articles, for example:",
  },
};

/** The short friendly reply to a greeting, thanks, or a message without words: no citation, no refusal. */
export function smalltalkText(intent: "greeting" | "thanks" | "empty" | "help", language: Language): string {
  return SMALLTALK[language][intent];
}
