import type { Language } from "../types.js";

/**
 * The bot's own words in German and English. Answers bring their language along; everything else
 * follows the language of what the user wrote, else the user's Telegram `language_code`.
 */

export interface Texts {
  readonly greeting: (name: string) => string;
  readonly knows: string;
  readonly noSources: string;
  readonly sampleQuestionsHeading: string;
  readonly sampleQuestion: (topic: string) => string;
  readonly followUpTip: string;
  readonly groupHint: (username: string) => string;
  readonly sourcesHeading: string;
  readonly sourcesListHeading: (count: number) => string;
  readonly suggestionsHeading: string;
  readonly emptyAnswer: string;
  readonly note: (note: string) => string;
  readonly openSourceButton: (n: number) => string;
  readonly passageSource: (source: string) => string;
  readonly staleButton: string;
  readonly askUsage: string;
  readonly tooLong: (max: number, actual: number) => string;
  readonly noWords: string;
  readonly nonText: string;
  readonly edited: string;
  readonly rateLimited: (perMinute: number) => string;
  readonly notAllowed: string;
  readonly adminOnly: string;
  readonly reindexStarted: string;
  readonly reindexDone: (summary: string) => string;
  readonly reindexFailed: string;
  readonly reindexUnavailable: string;
  readonly failed: string;
  /** Inline mode: the title of the answer result, of a not-found result, and the button over an empty query. */
  readonly inlineAnswerTitle: string;
  readonly inlineNotFoundTitle: string;
  readonly inlineHint: string;
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

const de: Texts = {
  greeting: (name) => `Hallo ${name}! Ich beantworte Fragen zu Nachrichtenartikeln und belege jede Antwort mit wörtlichen Zitaten aus den Quellen.`,
  knows: "Das sind meine Quellen:",
  noSources: "Im Moment sind keine Quellen geladen.",
  sampleQuestionsHeading: "Probier zum Beispiel:",
  sampleQuestion: (topic) => `Was ist mit ${topic}?`,
  followUpTip: "Für Nachfragen antworte einfach auf meine Antwort.",
  groupHint: (username) => `In Gruppen antworte ich, wenn du mich erwähnst (@${username}), auf meine Nachricht antwortest oder /ask benutzt.`,
  sourcesHeading: "Quellen",
  sourcesListHeading: (count) => `${count} ${count === 1 ? "Dokument" : "Dokumente"} im Index:`,
  suggestionsHeading: "Die Quellen behandeln zum Beispiel:",
  emptyAnswer: "(keine Antwort)",
  note: (note) => `Hinweis: ${note}`,
  openSourceButton: (n) => `[${n}] Quelle öffnen`,
  passageSource: (source) => `Datei: ${source}`,
  staleButton: "Diese Schaltfläche ist nicht mehr gültig. Bitte stell die Frage noch einmal.",
  askUsage: "Schreib deine Frage hinter den Befehl, z. B. /ask Worum geht es in den Artikeln?",
  tooLong: (max, actual) => `Die Frage ist zu lang (${actual} Zeichen). Bitte fasse sie in höchstens ${max} Zeichen.`,
  noWords: "Ich brauche eine Frage in Worten – frag mich etwas zu den Artikeln in meinen Quellen.",
  nonText: "Ich kann nur Textfragen lesen. Schreib mir deine Frage als Nachricht.",
  edited: "Bearbeitete Nachrichten beantworte ich nicht erneut. Schick die korrigierte Frage bitte als neue Nachricht.",
  rateLimited: (perMinute) => `Langsam bitte – ich beantworte höchstens ${perMinute} Fragen pro Minute. Versuch es gleich noch einmal.`,
  notAllowed: "Entschuldigung, in diesem Chat darf ich nicht antworten.",
  adminOnly: "Dieser Befehl ist den Administratoren des Bots vorbehalten.",
  reindexStarted: "Index wird neu aufgebaut …",
  reindexDone: (summary) => `Index neu geladen. ${summary}`,
  reindexFailed: "Der Neuaufbau des Index ist fehlgeschlagen; der alte Index bleibt aktiv.",
  reindexUnavailable: "Neuaufbau ist in diesem Modus nicht verfügbar.",
  failed: "Entschuldigung, beim Beantworten ist etwas schiefgegangen. Bitte versuch es noch einmal.",
  inlineAnswerTitle: "Antwort mit Belegen",
  inlineNotFoundTitle: "Nicht in meinen Quellen",
  inlineHint: "Frage eintippen – oder hier im privaten Chat fragen",
  commands: [
    { command: "ask", description: "Eine Frage zu den Quellen stellen" },
    { command: "sources", description: "Die indexierten Dokumente anzeigen" },
    { command: "help", description: "Was ich kann und Beispielfragen" },
    { command: "start", description: "Begrüßung" },
  ],
};

const en: Texts = {
  greeting: (name) => `Hi ${name}! I answer questions about news articles and back every answer with verbatim quotes from the sources.`,
  knows: "These are my sources:",
  noSources: "No sources are loaded right now.",
  sampleQuestionsHeading: "Try for example:",
  sampleQuestion: (topic) => `What about ${topic}?`,
  followUpTip: "To follow up, just reply to my answer.",
  groupHint: (username) => `In groups I answer when you mention me (@${username}), reply to my message, or use /ask.`,
  sourcesHeading: "Sources",
  sourcesListHeading: (count) => `${count} ${count === 1 ? "document" : "documents"} in the index:`,
  suggestionsHeading: "The sources cover, for example:",
  emptyAnswer: "(no answer)",
  note: (note) => `Note: ${note}`,
  openSourceButton: (n) => `[${n}] Open source`,
  passageSource: (source) => `File: ${source}`,
  staleButton: "This button is no longer valid. Please ask the question again.",
  askUsage: "Write your question after the command, e.g. /ask What are the sources about?",
  tooLong: (max, actual) => `That question is too long (${actual} characters). Please keep it to ${max} characters.`,
  noWords: "I need a question in words – ask me something about the articles in my sources.",
  nonText: "I can only read text questions. Please send me your question as a message.",
  edited: "I don't answer edited messages again. Please send the corrected question as a new message.",
  rateLimited: (perMinute) => `Slow down, please – I answer at most ${perMinute} questions per minute. Try again in a moment.`,
  notAllowed: "Sorry, I'm not allowed to answer in this chat.",
  adminOnly: "This command is reserved for the bot's administrators.",
  reindexStarted: "Rebuilding the index …",
  reindexDone: (summary) => `Index reloaded. ${summary}`,
  reindexFailed: "Rebuilding the index failed; the old index stays active.",
  reindexUnavailable: "Rebuilding is not available in this mode.",
  failed: "Sorry, something went wrong while answering. Please try again.",
  inlineAnswerTitle: "Answer with citations",
  inlineNotFoundTitle: "Not in my sources",
  inlineHint: "Type a question – or ask me in a private chat",
  commands: [
    { command: "ask", description: "Ask a question about the sources" },
    { command: "sources", description: "List the indexed documents" },
    { command: "help", description: "What I can do, with sample questions" },
    { command: "start", description: "Greeting" },
  ],
};

/** The UI texts for a language. */
export function texts(language: Language): Texts {
  return language === "de" ? de : en;
}

const GERMAN = new Set(
  "der die das und ist sind wer wie was wann wo warum wieso welche welcher welches nicht ein eine einen dem den des mit von zu im auf für hat haben wurde wurden soll sollen lange viele ich du sie es bitte kannst gibt".split(" "),
);
const ENGLISH = new Set(
  "the and is are who how what when where why which not a an of to in on for has have was were should long many i you it they please can does did there".split(" "),
);

/**
 * Guesses German or English from a few function words and umlauts; `undefined` when the text gives
 * no clue (emoji, a single name), so the caller can fall back to the user's `language_code`.
 */
export function guessLanguage(text: string): Language | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let score = /[äöüß]/i.test(text) ? 2 : 0;
  for (const word of words) {
    if (GERMAN.has(word)) score += 1;
    if (ENGLISH.has(word)) score -= 1;
  }
  if (score > 0) return "de";
  if (score < 0) return "en";
  return undefined;
}

/** The language for the bot's words: the text's language, else the user's `language_code`, else English. */
export function pickLanguage(text: string | undefined, languageCode: string | undefined): Language {
  const guessed = text === undefined ? undefined : guessLanguage(text);
  if (guessed !== undefined) return guessed;
  return languageCode?.toLowerCase().startsWith("de") ? "de" : "en";
}
