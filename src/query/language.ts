import type { Language } from "../types.js";

/**
 * Which language a question is in, German or English, so that the framing words of an answer and the
 * "not found" message match the asker. The corpus is German, so German wins ties: a bare name such as
 * "Gorbatschow?" is most likely typed by a German reader.
 */

const GERMAN_WORDS = new Set(
  (
    "der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine ist sind war waren wird " +
    "werden wurde wurden hat haben hatte hatten gab gibt es sie er ich wir ihr mit von vom zu zum zur auf für über " +
    "unter nach bei aus im in an am als auch noch schon wie wer wen wem wessen was wann wo woher wohin warum wieso " +
    "weshalb welche welcher welches welchen welchem viele wieviele lange seit laut dass sich sein seine ihre ihren " +
    "dieser diese dieses gegen durch um bis ob denn doch"
  ).split(" "),
);

const ENGLISH_WORDS = new Set(
  (
    "the a an and or but not no is are was were will be been being has have had do does did it they he she i we you " +
    "with of from to on for about under after at by out in as also still already how who whom whose what when where " +
    "why which many much long since according that this these those their his her its against through until whether " +
    "there than can could would should"
  ).split(" "),
);

/**
 * Detects German or English from function words and German spelling (umlauts, ß). Pure and cheap, because
 * it runs on every question; it needs no model because questions are short and the two languages'
 * function words barely overlap.
 *
 * @example
 * detectLanguage("Wer ist der Präsident?") // "de"
 * detectLanguage("Who is the president?")  // "en"
 */
export function detectLanguage(text: string, knows?: WordsKnown): Language {
  const { german, english } = scores(text);
  // Function words alike in both ("Was anyone hurt?"): the words only one language's dictionary knows decide.
  if (knows && Math.abs(german - english) < 1) {
    let lean = 0;
    for (const word of text.match(/\p{L}{3,}/gu) ?? []) {
      if (GERMAN_WORDS.has(word.toLowerCase()) || ENGLISH_WORDS.has(word.toLowerCase())) continue;
      const en = knows.english(word);
      const de = knows.german(word);
      if (en && !de) lean++;
      if (de && !en) lean--;
    }
    if (lean !== 0) return lean > 0 ? "en" : "de";
  }
  return english > german ? "en" : "de";
}

/** Which words a dictionary of each language knows, for questions whose function words do not tell. */
export interface WordsKnown {
  english(word: string): boolean;
  german(word: string): boolean;
}

function scores(text: string): { german: number; english: number } {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let german = /[äöüß]/i.test(text) ? 1.5 : 0;
  let english = 0;
  for (const word of words) {
    if (GERMAN_WORDS.has(word)) german += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
    if (/(ung|keit|heit|schaft|chen|lich|isch)$/.test(word) && word.length > 5) german += 0.5;
    if (/(tion|ing|ly|ed)$/.test(word) && word.length > 4 && !GERMAN_WORDS.has(word)) english += 0.3;
    if (/^(th|wh)/.test(word)) english += 0.3;
    if (/sch|tz|ei/.test(word)) german += 0.2;
  }
  return { german, english };
}
