/**
 * Untrusted question text made safe to analyse: markup and control characters removed, whitespace
 * collapsed, length capped. Telegram users paste all sorts of things; none of it may crash a stage.
 */

export interface CleanQuestion {
  readonly text: string;
  /** True when the question was longer than the cap and was cut. */
  readonly truncated: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Strips HTML tags and entities, control characters and surplus whitespace, and caps the length, because
 * the question feeds a tokenizer, a prompt and log lines, and none of them should see markup or megabytes.
 *
 * @example
 * cleanQuestion("<b>Wer</b> ist &quot;Tokajew&quot;?", 1000) // { text: 'Wer ist "Tokajew"?', truncated: false }
 */
export function cleanQuestion(raw: string, maxChars: number): CleanQuestion {
  const cleaned = raw
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? " ")
    .replace(/&#(\d{1,6});/g, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/^[^\n]*(?:\n[^\n]*)+$/u, questionsByLine)
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, " ")
    // Phones type "’" where keyboards type "'": one question either way.
    .replace(/[‘’ʼ]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const text = unshouted(cleaned)
    // "Wieviele", the spelling before 1996 and still common, asks what "Wie viele" asks.
    .replace(/(?<![\p{L}])([Ww])ieviel(?=(?:e|en|er|es)?(?![\p{L}]))/gu, "$1ie viel");
  if (text.length <= maxChars) return { text, truncated: false };
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  return { text: (lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trim(), truncated: true };
}

/** Question words of German and English: a question that has one asks its own kind of question. */
const QUESTION_WORDS = "wer|wen|wem|wessen|was|wie|wann|wo|woher|wohin|warum|wieso|weshalb|welche[rnms]?|who|whom|whose|what|how|when|where|why|which";
export const QUESTION_WORD = new RegExp(String.raw`(?<![\p{L}])(${QUESTION_WORDS})(?![\p{L}])`, "iu");

/**
 * A message on several lines with a question mark after each line a question word opens, when two lines
 * or more do ("wann kam es an⏎woher kam es"): a phone's Enter key ends a question as its "?" does, and
 * the questions are answered one by one (see {@link questionsIn}).
 */
function questionsByLine(text: string): string {
  const lines = text.split("\n");
  const opensWithQuestionWord = (line: string) => QUESTION_WORD.exec(line.trim())?.index === 0;
  // Two questions at least: a question broken over lines ("Wie viele⏎Gäste?") is one.
  if (lines.filter(opensWithQuestionWord).length < 2) return text;
  return lines.map((line) => (opensWithQuestionWord(line) && !/[?.!:]\s*$/u.test(line) ? `${line.trimEnd()}?` : line)).join("\n");
}

/**
 * A message of three words or more typed in capitals only (caps lock) in lower case: understanding
 * reads a question typed in lower case with its nouns and names capitalised again, and capitals
 * everywhere would make every word a name. An acronym alone ("NATO?") stays.
 */
function unshouted(text: string): string {
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.length >= 3 && !/\p{Ll}/u.test(text) ? text.toLowerCase() : text;
}

function safeCodePoint(code: number): string {
  if (code < 32 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return " ";
  return String.fromCodePoint(code);
}

/** How many questions of one message are answered each on its own; any further ones go with the last. */
export const MAX_QUESTIONS = 3;

/**
 * The questions a message asks, each with what stands before it ("Hallo! Wann …?") and the last with
 * what follows it ("… Danke!"): "Wann beginnt der Streik? Und wie lange dauert er?" asks two, which are
 * answered one by one, since one reading of both finds neither. A question without a word of its own
 * (`hasContent` false: "Schießt das Land was dazu? Wie viel?") says what the one before asks, and stays
 * with it. A message with one question or none is one. Pure.
 *
 * @example
 * questionsIn("Wann beginnt der Streik? Wer führt ihn an?") // ["Wann beginnt der Streik?", "Wer führt ihn an?"]
 */
export function questionsIn(text: string, hasContent: (question: string) => boolean = () => true): string[] {
  const questions: string[] = [];
  let pending = "";
  for (const piece of text.split(/(?<=\?)\s+/u)) {
    pending = pending === "" ? piece : `${pending} ${piece}`;
    if (pending.endsWith("?") && /\p{L}/u.test(pending)) {
      if (questions.length > 0 && !hasContent(pending)) questions.push(`${questions.pop()!} ${pending}`);
      else questions.push(pending);
      pending = "";
    }
  }
  if (questions.length < 2) return [text];
  if (pending !== "") questions.push(`${questions.pop()!} ${pending}`);
  return questions.length <= MAX_QUESTIONS ? questions : [...questions.slice(0, MAX_QUESTIONS - 1), questions.slice(MAX_QUESTIONS - 1).join(" ")];
}

/**
 * A message with two questions joined by "und" / "and" before a question word, ended at the join: "Wann
 * öffnet das Bad und wer bezahlt den Umbau?" → "Wann öffnet das Bad? Und wer bezahlt den Umbau?", to be
 * asked one by one (see {@link questionsIn}) when read as one it finds nothing. Not "Wann und wo …?", one
 * question for two things about one event (nothing stands between its question words). Grammar of
 * coordination, no vocabulary. Pure.
 *
 * @example
 * coordinatedQuestions("Wann öffnet das Bad und wer zahlt?") // "Wann öffnet das Bad? Und wer zahlt?"
 */
export function coordinatedQuestions(text: string): string {
  return text.replace(COORDINATED, (_, conjunction: string) => `? ${conjunction[0]!.toUpperCase()}${conjunction.slice(1)}`);
}

/** After a question word, a word and more up to a letter (the first question): "und"/"and" before another question word. */
const COORDINATED = new RegExp(
  String.raw`(?<=(?:^|[?.!]\s+)(?:${QUESTION_WORDS})\s[^?]*?\p{L})\s*,?\s+(und|and)(?=\s+(?:${QUESTION_WORDS})(?![\p{L}]))`,
  "giu",
);
