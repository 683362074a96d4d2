import type { Language } from "../types.js";
import { QUESTION_WORD } from "./question.js";
import { contentWords, type Analyzer } from "./terms.js";

/**
 * Part of understanding: what in a message only frames its question or is courtesy ("Hallo! Kurze Frage:
 * …? Danke!", "Weißt du, …", "Themenwechsel: …"), and what a message is when it asks nothing (a greeting,
 * thanks, a question about the bot, a request for what the sources are about). Closed lists of general
 * conversational German and English, none about any article.
 */

/**
 * What a message is, before any retrieval: a question; small talk; a question about the bot itself ("Was
 * kannst du?"); or a request for what the sources are about as a whole ("Worum geht es?").
 */
export type Intent = "question" | "greeting" | "thanks" | "empty" | "help" | "overview";

// General conversational German and English, not about any article: greetings, thanks and farewells.
const GREETING_WORDS = "hallo|hallöchen|hi|hey|huhu|moin|servus|grüß dich|grüß gott|guten (?:morgen|tag|abend)|hello|hiya|howdy|good (?:morning|afternoon|evening)|tschüss|tschüs|ciao|bye|goodbye|auf wiedersehen";
const THANKS_WORDS = "danke|vielen dank|dankeschön|besten dank|merci|thanks|thank you|thx|cheers|super,? danke";
const GREETING = new RegExp(`^(${GREETING_WORDS})\\b`, "u");
const THANKS = new RegExp(`^(${THANKS_WORDS})\\b`, "u");
/** Thanks or a goodbye that ends a message: "Super, danke!", "Alles klar, tschüss!" (conversational). */
const CLOSING = new RegExp(`(?:^|[\\s,.;!])(?:(${THANKS_WORDS})|${GREETING_WORDS})[\\s!.,:;)]*$`, "u");
/**
 * A greeting or thanks that opens a message before what it asks, with whom it addresses and the
 * punctuation after it: "Hallo zusammen, …", "Danke! …", "Hi there, …". Conversational, like the greetings.
 */
const SALUTATION = new RegExp(`^(?:${GREETING_WORDS}|${THANKS_WORDS})(?:\\s+\\p{L}+){0,4}?\\s*[,!.:;]+\\s*`, "iu");
/** An announcement that a question follows: "Kurze Frage: …", "I have a question: …" (conversational). */
const ANNOUNCEMENT =
  /^(?:(?:ich\s+(?:habe|hab)|i\s+have|i've\s+got)\s+(?:mal\s+)?)?(?:(?:eine|ne|kurze|kleine|schnelle|a|one|quick|short)\s+)?(?:frage|question)\s*[:.!]+\s*/iu;
/**
 * A filler before what is asked, set off by punctuation ("Also, …", "Ok. …", "Well, …"), or a hesitation
 * ("Hmm …", "Ähm …"). Conversational, like INTERJECTION; "So what …" keeps its "so".
 */
const FILLER_WORDS =
  "also|so|well|naja|na ja|nun|ok(?:ay)?|alles klar|gut|super|prima|toll|klasse|cool|ah|aha|ach so|achso|oh|great|nice|alright|all right|got it|i see|interessant|interesting|verstehe|verstanden|right|" +
  "übrigens|by the way|btw|sorry|entschuldigung|entschuldige|verzeihung|excuse me|wait|moment|warte";
// "Um" alone is the German preposition ("Um wie viel Uhr …"): a hesitation only when set off or drawn out.
const FILLER = new RegExp(`^(?:(?:${FILLER_WORDS})\\s*[,.!:…]+|(?:h+m+|ä+h+m*|e+h*m+|u+h+m*|u+m{2,}|u+m+(?=\\s*[,.!:…]))(?![\\p{L}])[\\s,.!:…]*)\\s*`, "iu");
/** Interjections that are never a word of what is asked, whatever follows them ("ok ist das endgültig?"). */
const INTERJECTION_WORDS =
  "ok(?:ay)?|hallo|hallöchen|hi|hey|huhu|moin|servus|danke|dankeschön|thanks|thx|h+m+|naja|na ja|aha|achso|ach so|alles klar|übrigens|btw|sorry|lol|haha+";
/**
 * A greeting, thanks or filler typed without its comma ("ok und wann?", "hallo wer führt …", "ok für
 * welchen Zeitraum?"), as chats often are: an interjection before anything, the others before a
 * question word or "und", perhaps after a preposition.
 */
const BARE_OPENER = new RegExp(
  `^(?:${INTERJECTION_WORDS})\\s+(?=\\p{L})|^(?:${GREETING_WORDS}|${THANKS_WORDS}|${FILLER_WORDS})\\s+` +
    `(?=(?:(?:für|seit|in|an|auf|aus|bei|mit|nach|von|zu|um|bis|gegen|über|for|since|at|on|from|to|with|by|until|about)\\s+)?` +
    `(?:(?:und|and|aber|but)(?![\\p{L}])|${QUESTION_WORD.source}))`,
  "iu",
);
/** Words that soften a request without saying anything of it ("Was weißt du denn so?"). */
const SOFTENERS = "(?:\\s+(?:denn|eigentlich|so|hier|da|alles|gerade|grad|jetzt|überhaupt|mal|kurz|heute|today|here|so far|all))*";
/**
 * Asking what the sources are about as a whole, with no subject: their topics, a summary, what the bot
 * knows ("Welche Themen kennst du?", "Fass die Artikel zusammen", "What are the sources about?").
 * Conversational phrases, like the preambles; the whole question must be one.
 */
const ABOUT_THE_SOURCES = new RegExp(
  `^(?:worum geht(?:'s| es)${SOFTENERS} in (?:den|deinen|diesen) (?:quellen|artikeln|texten|nachrichten|meldungen)|` +
    `(?:was|welche themen) (?:steht|stehen) in (?:den|deinen) (?:quellen|artikeln)|` +
    `welche (?:themen|nachrichten|artikel|quellen|geschichten) (?:kennst du|hast du|gibt es|behandelst du|behandeln die (?:quellen|artikel))|` +
    `worüber (?:weißt|weisst) du(?: etwas| was| bescheid)?|worüber (?:berichten|schreiben) die (?:quellen|artikel)|` +
    `was (?:weißt|weisst) du|was kannst du(?: mir)? (?:sagen|erzählen)|` +
    `fass(?:e)?(?: mir)?(?: die (?:artikel|quellen|nachrichten|lage)| alles)? zusammen|(?:eine |kurze )?zusammenfassung|` +
    `what (?:are|do) (?:the|your|these) (?:sources|articles|stories|news)(?: say| cover| about| report)?|` +
    `what (?:topics|news|articles|stories) (?:do you (?:know|have|cover)|are there)|` +
    `what do you know|what can you tell me|summari[sz]e(?: (?:the|your) (?:news|articles|sources|stories))?|(?:give me )?(?:a |the )?summary)` +
    `${SOFTENERS}[\\s?!.]*$`,
  "iu",
);
/** The same, in words that after an answer ask about its story instead ("Was ist passiert?", "What's new?"). */
const OPEN_OVERVIEW = new RegExp(
  `^(?:worum geht(?:'s| es)|was gibt(?:'s| es)(?: denn)? neues|gibt es (?:was |etwas )?neues|(?:was für |welche )?neuigkeiten(?: gibt es)?|` +
    `was (?:ist|war) (?:denn )?(?:passiert|los|geschehen)|what(?:'s| is) (?:this|it|this all) about|what(?:'s| is) new|(?:any )?news|` +
    `what happened|what(?:'s| is) (?:going on|happening))${SOFTENERS}[\\s?!.]*$`,
  "iu",
);

/**
 * A question about the bot itself, or for help: who or what it is, what it can do, how it works
 * ("Wer bist du?", "Was kann ich dich fragen?", "What can you do?", "help"). Conversational phrases in
 * the second person; the whole question must be one.
 */
const ABOUT_THE_BOT = new RegExp(
  `^(?:wer bist du|was bist du|was (?:kannst|machst) du|wie funktionierst du|wie funktioniert (?:das|der bot|dieser bot)|` +
    `bist du (?:ein |eine )?(?:bot|mensch|roboter|ki|maschine)|was kann ich (?:dich )?fragen|wie (?:benutze|nutze) ich dich|hilfe|` +
    `who are you|what are you|what (?:can|do) you do|how do you work|how does (?:this|it) work|are you (?:a |an )?(?:bot|human|robot|ai|machine)|` +
    `what can i ask(?: you)?|how do i use (?:you|this)|help)${SOFTENERS}[\\s?!.]*$`,
  "iu",
);

/** Emoji and emoticons that end a message: "… 🤔", "… :)", no words of it. */
const TRAILING_EMOJI = /(?:\s*(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]+|[:;]-?[()DPp]|\^\^|(?<![\p{L}])(?:lol|haha+|hehe+|xd)))+\s*$/iu;
/**
 * "bitte" and "please" in a question ("Kannst du mir bitte sagen, …", "…, please?"): courtesy, not what
 * is asked. Not the noun after an article or a possessive ("die bitte" typed in lower case).
 */
const PLEASE =
  /(?:,\s*)?(?:(?<![\p{L}])(?<!(?:die|der|eine|einer|seine|seiner|ihre|ihrer|deren|dessen|jede|keine)\s)bitte|^Bitte|(?<![\p{L}])(?:please|pls|plz)|^(?:Please|Pls|Plz))(?![\p{L}])(?:\s*[,!:])?/gu;
/**
 * A reference to the sources themselves: "Laut den Quellen: …", "…, laut Artikel?", "According to the
 * articles, …", "… according to your sources?". Everything the bot answers is from them. Only before
 * punctuation or the end: "laut dem Bericht des Ministeriums" names a report of an article.
 */
const SOURCES_SAY =
  /(?:,\s*)?(?<![\p{L}])(?:(?:laut|gemäß|nach|in)\s+(?:(?:den|dem|der|deinen|deinem|deiner|diesen|diesem|dieser)\s+)?(?:quellen|quelle|artikeln|artikel|texten|text|berichten|meldungen|nachrichten)|(?:according to|based on|in)\s+(?:(?:the|your|these|this)\s+)?(?:sources|source|articles|article|texts|text|reports|news))(?=\s*(?:[,:;?.!]|$))[,:;]?/giu;
/** Thanks, a farewell or "bitte" after the question mark: "…? Danke im Voraus!", "…? Thanks!" (conversational). */
const COURTESY_AFTER = new RegExp(`\\?\\s*(?:${THANKS_WORDS}|${GREETING_WORDS}|bitte|please)(?![\\p{L}])[^?]{0,30}$`, "iu");

/** Phrases that open a question on a new topic, with the punctuation after them (general conversational German and English). */
const TOPIC_CHANGE =
  /^(themenwechsel|anderes thema|neues thema|andere frage|neue frage|noch eine frage|eine andere frage|ganz andere frage|different topic|another topic|new topic|change of topic|different question|another question|new question|one more question)\s*[:,.!?–—-]+\s*/iu;

/**
 * A return to an earlier subject, named before a colon or a dash: "Back to the strike: …", "Zurück zur
 * Brücke – …", "Noch mal zu den Kosten: …". A conversational phrase like TOPIC_CHANGE; its subject
 * stays a word of the question.
 */
const RETURN_TO = /^(?:back to|going back to|returning to|(?:und\s+)?(?:zurück|noch ?mal|nochmals|wieder)\s+zu(?:m|r)?)\s+(?<topic>[^:–—?!.]{1,60}?)\s*(?::|\s[–—-])\s*/iu;

/**
 * Words that ask whether the bot can tell, before the question itself: "Weißt du, wie …", "Kannst du mir
 * sagen, wer …", "Do you know when …". Conversational phrases, like the greetings'; the question is what follows.
 */
const PREAMBLE =
  /^(weißt du|weisst du|wisst ihr|wissen sie|kannst du mir sagen|können sie mir sagen|könnt ihr mir sagen|sag mal|sagen sie mal|sag mir|ich möchte wissen|ich will wissen|ich wüsste gern|mich würde interessieren|do you know|can you tell me|could you tell me|tell me|i wonder|i'd like to know|i want to know)(?![\p{L}])\s*[:,]?\s*/iu;

/**
 * Asking what the sources say of something as a whole: "Was weißt du über …", "Erzähl mir von …", "Gibt
 * es Neues zum …", "Tell me about …", "What do you know about …", and the example questions a greeting
 * offers ("Was steht in den Quellen über …", see topics.ts). The request's words are not what is
 * asked; the answer is the story's lead, which news writes to say what happened. Conversational phrases,
 * like the preamble's; the preposition and what follows it are the question.
 */
const OVERVIEW =
  /^(was steht in den (quellen|artikeln)|was sagen die (quellen|artikel)|what do the (sources|articles) say|was (weißt|weisst) du|was wisst ihr|was wissen sie|erzähl(e|en sie)?( mir| uns)?( etwas| was| mehr)?|was gibt es neues|gibt es (etwas )?neues|gibt es neuigkeiten|(hast du|haben sie|gibt es) (infos|informationen|neuigkeiten)|infos|informationen|neuigkeiten|((gib|geben sie) (mir|uns) )?(einen |ein )?(überblick|zusammenfassung)|((give|get) (me|us) )?(an |a )?(overview|summary|rundown)|what do you know|what can you tell (me|us)|tell me( something| more)?|what('s| is) new|(is there )?(any )?(news|updates?|info|information))(?=\s+(über|von|vom|zu|zum|zur|bei|beim|about|on|of|with)\s)\s*/iu;

/**
 * Asking for an account of something named right after the request: "Erklär mir den Streik", "Beschreibe
 * …", "Fass den Streik zusammen", "Explain the strike (to me)", "Summarize …". Answered as an overview is.
 * Conversational phrases; the subject is the question.
 */
const ACCOUNT_OF =
  /^(?:(?:erklär|erkläre|erklären sie|beschreib|beschreibe|beschreiben sie|explain|describe|summari[sz]e)(?:\s+(?:mir|uns|me|us))?\s+(?<about>.+?)|(?:fass|fasse|fassen sie)(?:\s+(?:mir|uns))?\s+(?<summed>.+?)\s+zusammen)(?:\s+(?:to me|to us|for me|kurz|bitte))?\s*[.!?]*$/iu;

/**
 * "Was kannst du mir über den Streik sagen?", "Kannst du mir etwas zum Streik erzählen?": OVERVIEW with
 * the verb last, as German puts it. Conversational phrases; what follows the preposition is the question.
 */
const TELL_AROUND =
  /^(?:was\s+(?:kannst|könntest)\s+du|kannst\s+du|könntest\s+du|was\s+können\s+sie|können\s+sie)\s+(?:mir\s+|uns\s+)?(?:(?:etwas|was|mehr|noch)\s+)*(?<about>(?:über|zu|zum|zur|von|vom)\s.+?)\s+(?:sagen|erzählen|berichten|mitteilen)\s*[?!.]*$/iu;

/** The sources as a whole, named as a subject: "die Artikel", "alles", "the news". */
const THE_SOURCES = /^(?:(?:die|the|deine|your|alle|all the)\s+)?(?:artikel|quellen|nachrichten|texte|meldungen|lage|news|articles|sources|stories)$|^(?:alles|everything)$/iu;

/**
 * Asking what happened somewhere or to something: "What happened in the harbour?", "Was geschah in …",
 * "Was ist los in …". Answered as an overview is: by the story's lead. Conversational phrases.
 */
const HAPPENED = /^(what( has)? happened|what('s| is) (going on|happening)|was (geschah|passierte|ist (denn )?los))(?=\s+(in|im|at|to|with|bei|beim|mit|an|am|auf|on)\s)\s*/iu;

/** "Was ist mit der Klinik los?", "Was ist beim Hafen passiert?": HAPPENED with the verb last, as German puts it. */
const HAPPENED_AROUND = /^was\s+(?:ist|war)\s+(?:(?:denn|eigentlich|da|gerade|jetzt)\s+)*(?<about>(?:mit|bei|beim|in|im|an|am|auf)\s.+?)\s+(?:(?:denn|eigentlich|da|gerade|jetzt)\s+)*(?:los|passiert|geschehen)\s*[?!.]*$/iu;

/** Words of assent that may open a greeting or thanks ("Ok, danke!"), with the punctuation after them. */
const INTERJECTION = /^(ok(ay)?|alles klar|gut|sehr gut|super|prima|toll|klasse|perfekt|cool|schön|ah|aha|ach so|achso|great|perfect|nice|alright|all right|awesome|got it|i see|oh)(?![\p{L}])[\s,.!]*/u;

/** Greetings and thanks that belong to one language ("Hi", "ok" or an emoji do not). */
const SAYS_LANGUAGE = /^(hallo|hallöchen|moin|servus|grüß|guten|danke|vielen|dankeschön|besten|tschüss|tschüs|auf wiedersehen|hello|good|thanks|thank|howdy|goodbye)/u;

/** What a message asks, without the words that only frame it or are courtesy ("Hallo! …? Danke!"). Pure. */
export function withoutFraming(message: string): string {
  return framing(message).question;
}

/**
 * A question without the words that only frame it, and what they say: "Themenwechsel: …", "Different
 * topic: …" that it stands alone; "Was weißt du über …", "Tell me about …" that it asks for an overview;
 * "Weißt du, …", "Do you know …" nothing. An earlier turn's question is read without them too.
 */
export function framing(message: string): { question: string; newTopic: boolean; overview: boolean; sourcesNamed: boolean } {
  const text = withoutCourtesies(message);
  // "Worum geht es in den Artikeln?" names the sources it asks about.
  const sourcesNamed = message.search(SOURCES_SAY) >= 0;
  // "Back to the strike: …", "Zurück zur Brücke: …" returns to an earlier subject, which it names.
  const back = RETURN_TO.exec(text);
  if (back?.groups?.["topic"] !== undefined && back[0].length < text.length) {
    const rest = framing(text.slice(back[0].length));
    return { ...rest, question: `${back.groups["topic"]}: ${rest.question}`, newTopic: true };
  }
  const marker = TOPIC_CHANGE.exec(text)?.[0];
  const newTopic = marker !== undefined && marker.length < text.length;
  const announced = newTopic ? text.slice(marker.length) : text;
  // "Sag mal, was ist mit der Schule los?": a preamble before a request ("Tell me about …" is one itself).
  const requests = [OVERVIEW, HAPPENED, HAPPENED_AROUND, TELL_AROUND].some((request) => request.test(announced));
  const preamble = requests ? undefined : PREAMBLE.exec(announced)?.[0];
  const topical = preamble !== undefined && preamble.length < announced.length ? announced.slice(preamble.length) : announced;
  // "Was ist mit der Schule los?": German says the request around what it asks about.
  const around = HAPPENED_AROUND.exec(topical) ?? TELL_AROUND.exec(topical);
  if (around?.groups?.["about"] !== undefined) return { question: around.groups["about"], newTopic, overview: true, sourcesNamed };
  const account = ACCOUNT_OF.exec(topical)?.groups;
  const subject = account?.["about"] ?? account?.["summed"];
  // "Fass die Artikel zusammen" asks about all of them (ABOUT_THE_SOURCES), not about a subject.
  if (subject !== undefined && !THE_SOURCES.test(subject)) return { question: subject, newTopic, overview: true, sourcesNamed };
  const request = OVERVIEW.exec(topical)?.[0] ?? HAPPENED.exec(topical)?.[0];
  const overview = request !== undefined && request.length < topical.length;
  return { question: overview ? topical.slice(request.length) : topical, newTopic, overview, sourcesNamed };
}

/**
 * A message without the greetings, thanks, fillers and announcements around what it asks ("Hallo! Also,
 * kurze Frage: …? Danke!"), nor "bitte", emoji or a reference to the sources: they are no words of the
 * question. A message that asks nothing besides them ("Hallo Bot!", "Danke! Tschüss!", "Hallo, ich
 * bin's.") is small talk, returned from its greeting or thanks on.
 */
function withoutCourtesies(message: string): string {
  const chats = (text: string) => GREETING.test(opening(text)) || THANKS.test(opening(text));
  let rest = message.replace(TRAILING_EMOJI, "").replace(COURTESY_AFTER, "?").replace(PLEASE, "").replace(SOURCES_SAY, "").replace(/\s{2,}/g, " ").trim();
  // The message from its first greeting or thanks on ("Hmm, danke, das hilft."), for when it asks nothing.
  let chat: string | undefined;
  for (;;) {
    if (chat === undefined && chats(rest)) chat = rest;
    // One opener at a time, so that each state is seen: "Hmm, danke dir!" is thanks after its filler.
    const next = [SALUTATION, FILLER, BARE_OPENER, ANNOUNCEMENT].map((opener) => rest.replace(opener, "")).find((shorter) => shorter !== rest) ?? rest;
    if (next === rest || !/\p{L}/u.test(next)) break;
    rest = next;
  }
  // What is left asks something: a question mark, a request.
  const asks = rest.includes("?") || [PREAMBLE, OVERVIEW, HAPPENED, ABOUT_THE_SOURCES, OPEN_OVERVIEW, ABOUT_THE_BOT].some((request) => request.test(rest));
  return asks ? rest : (chat ?? message);
}

/** A message lower-cased, without an interjection before it: "Ok, danke", "Great, thanks" open with the thanks. */
function opening(message: string): string {
  return message.toLowerCase().trim().replace(INTERJECTION, "");
}

/** A greeting, thanks, no words at all, or a question. A greeting followed by a real question is a question. */
export function intentOf(question: string, language: Language, analyze: Analyzer): Intent {
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.some((w) => w.length >= 2 || /\d/.test(w))) return "empty";
  const lower = opening(question);
  const match = GREETING.exec(lower) ?? THANKS.exec(lower);
  if (!match) return closingIntent(lower, language, analyze);
  const rest = lower.slice(match[0].length);
  // "Hallo Bot!", "Danke dir", "Hi there :)" are greetings; "Hallo, wer leitet den Verein?" is a question.
  const substantial = contentWords(rest, language, analyze);
  if (rest.includes("?") || substantial.length > 2) return "question";
  return THANKS.test(lower) ? "thanks" : "greeting";
}

/**
 * A message that ends with thanks or a goodbye after one other word at most, and asks nothing: that word
 * is a courtesy ("Super, danke!"), however it is typed ("Supr"); else a question.
 */
function closingIntent(lower: string, language: Language, analyze: Analyzer): Intent {
  const closing = CLOSING.exec(lower);
  if (!closing || lower.includes("?")) return "question";
  if (contentWords(lower.slice(0, closing.index), language, analyze).length > 1) return "question";
  return closing[1] !== undefined ? "thanks" : "greeting";
}

/** A greeting or thanks that says which language it is in ("Hallo", "Thanks"; not "Hi", "ok" or an emoji). */
export function saysLanguage(message: string): boolean {
  return SAYS_LANGUAGE.test(opening(message));
}

/**
 * Whether a question asks what the sources are about as a whole: always when it names them or asks for
 * their topics ("Worum geht es in den Artikeln?"); in open words ("Worum geht es?", "What's new?") only when
 * `open` says so (asked first, or naming the sources), since after an answer those ask about its story.
 */
export function asksAboutTheSources(question: string, open: boolean): boolean {
  return ABOUT_THE_SOURCES.test(question) || (open && OPEN_OVERVIEW.test(question));
}

/** Whether a question asks about the bot itself or for help ("Was kannst du?", "help"). */
export function asksAboutTheBot(question: string): boolean {
  return ABOUT_THE_BOT.test(question);
}
