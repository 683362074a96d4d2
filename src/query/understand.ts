import { fold } from "../ingest/keyword.js";
import { CLAUSE_FINAL_PARTICLES, PARTICLES_LONGEST_FIRST } from "../ingest/sentences.js";
import { englishInflections, type Lemma, type Lexicon, type Synonym } from "../lexicon/index.js";
import type { EnglishSide } from "./bilingual.js";
import { INSEPARABLE } from "./derive.js";
import type { Language, Turn } from "../types.js";
import { LEADER_NOUNS, PEOPLE_WORDS, answerType, asksForLeader, asksPlannedTime, boundAsked, isOrganizationKind, isPlaceKind, measureNouns, namesFocus, periodFor, questionFocus, unitFor, type AnswerType, type QuestionFocus } from "./cues.js";
import { asksAboutTheBot, asksAboutTheSources, framing, intentOf, saysLanguage, type Intent } from "./framing.js";
import { detectLanguage } from "./language.js";
import { LINKING_ELEMENTS, feminines, masculine, umlautSpelling, withoutLinking } from "./vocabulary.js";
import { QUESTION_WORD, cleanQuestion } from "./question.js";
import { contentWords, isLightWord, isStopword, questionWords, type Analyzer, type Alternative, type QueryTerm } from "./terms.js";

/**
 * The first stage: what the asker wants. Reads the question once and produces the object every later
 * stage extends: its language, whether it is a question at all (or a greeting, thanks, or no words), its
 * weighted search terms with their expansions from the lexicon, the answer type it expects, and whether it
 * continues the previous turn. Nothing here knows any article. What only frames a question or is
 * courtesy is told apart in framing.ts.
 */

export type { Intent } from "./framing.js";

/** Why a question was read together with the previous turn. */
export type FollowUpReason = "pronoun" | "ellipsis" | "reply" | "fallback";

export interface FollowUp {
  readonly reason: FollowUpReason;
  /** The turn it continues. */
  readonly previous: Turn;
}

export interface Understanding {
  /** The question as cleaned (markup and control characters removed, length capped). */
  readonly question: string;
  readonly truncated: boolean;
  readonly language: Language;
  readonly intent: Intent;
  /** The question's own terms, then (for a follow-up) the previous turn's at lower weight. */
  readonly terms: readonly QueryTerm[];
  readonly answerType: AnswerType | null;
  /** For a measure or share question ("wie schwer", "welcher Anteil"): what the number must carry. */
  readonly unit: RegExp | null;
  /** For a question about a period counted back from now ("letztes Jahr", "last week"): how the evidence must say such a period. */
  readonly period?: RegExp;
  readonly focus: QuestionFocus | null;
  readonly followUp: FollowUp | null;
  /** The question says it starts a new topic ("Themenwechsel: …", "Different topic: …"): no earlier turn is leaned on. */
  readonly newTopic?: boolean;
  /** It asks what the sources say of something as a whole ("Was weißt du über …", "Tell me about …"). */
  readonly overview?: boolean;
  /** It asks when something is planned to happen ("Wann soll …", "When will …"): what is planned answers it. */
  readonly planned?: boolean;
  /** It asks for a span's start ("Seit wann …") or end ("Bis wann …"): a sentence that gives that end answers it. */
  readonly bound?: "start" | "end";
  /** The text for dense and keyword search: the question, its German expansions, and a follow-up's context. */
  readonly searchText: string;
}

/** What understanding needs besides the question: the analyzer the index used, the lexicon, and the corpus's words. */
export interface UnderstandTools {
  readonly analyze: Analyzer;
  readonly lexicon: Lexicon;
  /** True when the corpus has sentences with this stem, or stems it matches (a compound, a relative). */
  readonly inCorpus: (stem: string) => boolean;
  /** True when the corpus has this very stem (not only a compound or relative of it). */
  readonly inCorpusExactly?: (stem: string) => boolean;
  /** True when some corpus stem begins with this one: a compound's modifier the sources use ("nacht" in "Nachtverkehr"). */
  readonly beginsInCorpus?: (stem: string) => boolean;
  /**
   * The sentences that have one of `stems` (or a compound or inflection of it), for choosing senses by the
   * company they keep; a stem in more than `most` sentences is left out (a common word says little of a sense).
   */
  readonly sentencesWith?: (stems: readonly string[], most?: number) => ReadonlySet<number>;
  /** What the sources' English articles give a question (see bilingual.ts); absent or empty for German-only sources. */
  readonly english?: EnglishSide;
  /** Told when the lexicon fails (a damaged data file); the question is then read without expansions. */
  readonly onLexiconError?: (error: unknown) => void;
}

/**
 * Weights of an expansion relative to the word as written: a synonym or translation never outranks the word
 * or its lemma. A pivot (a German word sharing the word's first English senses in Ding) is below a
 * synonym: OpenThesaurus groups words by meaning, while two words that translate one English word may do
 * so in different senses of it (a homonym such as "party" → Partei, Feier).
 */
export const EXPANSION_WEIGHT = { lemma: 1, synonym: 0.6, pivot: 0.5, translationFirst: 0.9, translationStep: 0.08, translationLeast: 0.5, head: 0.5 } as const;
/** A translation's weight by its sense's rank in the dictionary: the first sense highest, none below the floor. */
function translationWeight(rank: number): number {
  return Math.max(EXPANSION_WEIGHT.translationLeast, EXPANSION_WEIGHT.translationFirst - rank * EXPANSION_WEIGHT.translationStep);
}

/** English particles of phrasal verbs that are stop words on their own ("out", "in", "over", "up"): general grammar. */
const PARTICLE_EN = /^(out|in|into|on|off|over|up|back|away|about|through|down)$/;
/**
 * English prepositions that make a phrase of some verbs ("look for" → suchen, "begin with" → zunächst, "look
 * after" → betreuen, "come from" → stammen) and
 * only take the object of others ("pay for" is still "bezahlen", not Ding's "erkaufen"): general grammar.
 */
const PREPOSITION_EN = /^(with|for|at|after|from)$/;
/** English prepositions that make an idiom of the word after them ("in total", "on purpose", "at night"): general grammar. */
const IDIOM_PREPOSITION_EN = /^(in|at|on|by|under)$/;

/** Expansions kept per word: enough for the right sense, few enough that wrong senses stay rare. */
const MAX_SYNONYMS = 6;
/** Pivots are looser than synonyms, so fewer of them, after the synonyms. */
const MAX_PIVOTS = 3;
const MAX_TRANSLATIONS = 4;
/** Translations taken from the top of the dictionary's list (first senses) without further evidence. */
const FIRST_SENSES = 6;
/** Weight of the previous turn's terms in a follow-up: context, not the question. */
const CONTEXT_WEIGHT = 0.5;


/**
 * Pronouns and demonstratives that point back at something said before. "it" is left out and "es" taken
 * only outside its expletive uses ("gab es", "how much did it cost"): a question that uses them that way
 * is self-contained.
 */
const ANAPHORA_DE = new Set(
  "er sie ihn ihm ihnen ihr ihre ihren ihrem ihrer sein seine seinen seinem seiner dessen deren denen dies diese dieser dieses diesen diesem jene jener jenes daraufhin dort damals deshalb deswegen daher".split(" "),
);
/** Articles that speech also uses as demonstrative pronouns ("Was machen die jetzt?"). */
const DEMONSTRATIVE_DE = /^(der|die|den|dem)$/i;

/** A pronominal adverb, "da(r)" and a preposition ("dazu", "dafür", "darüber"): "to that", what was said before. */
const PRONOMINAL_ADVERB = /^dar?(an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|vor|zu|zwischen)$/i;
/** What a pronominal adverb points ahead to instead ("darüber, ob …", "dafür, dass …"). */
const CLAUSE_AHEAD = /^(dass|ob|wie|was|wer|wo|wann|warum|weshalb|wieso|weil)$/i;
const EXPLETIVE_BEFORE_ES = /^(gibt|gab|gäbe|geht|ging|handelt|handelte|kam|kommt|steht|stand|hieß|heißt|regnet|regnete)$/i;
const ANAPHORA_EN = new Set("he she they him her them his hers their theirs these those this its ones".split(" "));
/**
 * A definite person with no name, "der Mann", "der Typ", "the woman", or "die Leute": someone the
 * conversation has named before (a closed class of nouns for a person or people, formal and casual).
 */
const PERSON_NOUN = "mann|mannes|frau|person|herr|herrn|dame|typ|typen|kerl|kerls|leute|leuten|man|woman|guy|lady|people";
const PERSON_BACK = new RegExp(String.raw`\b(?:der|die|den|dem|des|the|that|this)\s+(?:${PERSON_NOUN})\b`, "u");
const IS_PERSON_NOUN = new RegExp(`^(?:${PERSON_NOUN})$`, "iu");
/** "it" after an auxiliary is the question's subject ("how much did it cost"), not an expletive ("is it true that …"). */
const AUXILIARY_BEFORE_IT = /^(did|does|do|will|would|can|could|has|have|had|should)$/i;
/**
 * "it" after a form of "be" is the question's subject ("When was it announced?") unless a clause it
 * stands for follows: "Is it true that …", "Was it necessary to …" hold an expletive "it".
 */
function subjectAfterBe(words: readonly string[], at: number): boolean {
  return /^(is|was|are|were)$/i.test(words[at - 1] ?? "") && !words.slice(at + 1).some((w) => /^(that|to|whether|if)$/i.test(w));
}

/** How a continuing question begins: "und wann?", "and who?", "what about …". */
const CONTINUATION = /^(und|aber|and|but|also|what about|und was ist mit|and what about|wie ist es mit)\b/u;

/**
 * Reads a message: cleans it, tells a question from a greeting, thanks or a message without words, and
 * for a question finds its terms, expansions, answer type and focus. `history` is the conversation so far,
 * oldest first; `continues` is true when the user replied to one of the bot's answers (then the question
 * always continues it). A question needs the previous turn only when it has a pronoun with nothing to refer
 * to, is elliptical, or is a reply; otherwise it is read exactly as if asked alone. The fourth reason, that
 * alone it finds no grounded answer, is decided after reading: see {@link withPrevious}.
 *
 * @example
 * understand("Und wie viele davon mussten in Notunterkünfte?", history, false, tools).followUp?.reason // "pronoun"
 */
export function understand(
  raw: string,
  history: readonly Turn[],
  continues: boolean,
  tools: UnderstandTools,
  maxChars: number,
  preferred?: Language,
): Understanding {
  const { text, truncated } = cleanQuestion(raw, maxChars);
  const { question, newTopic, overview, sourcesNamed } = framing(text);
  // A lower-case word the German dictionary does not know is taken for English: that asks only the German
  // tables, which every German question loads anyway, not the English ones (5 MB) a German chat never needs.
  const german = (word: string) => holds(() => tools.lexicon.isGermanWord(word), tools);
  const detected = detectLanguage(question, { english: (word) => /^\p{Ll}/u.test(word) && !german(word), german });
  // Read as typed on any keyboard, with its typing errors: as the dictionary and the sources spell it. A
  // greeting or thanks as typed stays one ("Thanks, bye!" is no German "Tanks"); "Dnake!" becomes one.
  const spelled = withoutTypos(withUmlauts(question, detected, tools), detected, tools);
  const typed = intentOf(question, detected, tools.analyze);
  const intent = typed === "question" ? intentOf(spelled, detected, tools.analyze) : typed;
  // An emoji or a "Hi" says nothing about the user's language; the caller may know it (Telegram's language_code).
  const language = intent !== "question" && preferred !== undefined && !saysLanguage(question) ? preferred : detected;
  // "Worum geht es?" asked first is about everything; after an answer, about its story, unless it names the sources.
  const aboutAll = intent === "question" && asksAboutTheSources(spelled, history.length === 0 || sourcesNamed);
  const help = intent === "question" && asksAboutTheBot(spelled);
  const base = { question, truncated, language, intent: help ? ("help" as const) : aboutAll ? ("overview" as const) : intent, answerType: null, unit: null, focus: null, followUp: null };
  if (base.intent !== "question") return { ...base, terms: [], searchText: "" };
  // Typed in lower case, as chats often are, its nouns and names are read as if capitalised.
  const asked = truecased(spelled, language, tools);
  const found = questionFocus(asked);
  // "Welche Brücken", "which bridges": a plural category asks for a list of its members.
  const plural = found?.kind === "category" && isPlural(found.word, language, tools);
  const expected = answerType(asked) ?? (plural ? "list" : null);
  // German names a plural category's members by kinds of it ("Welche Brücken …" → "die Fußgängerbrücke und
  // die Eisenbahnbrücke"), as it answers "was für eine Halle" (see sortsOf in read.ts). Not "welcher Verein",
  // one of them by name; nor English "which bridges" (measured: tune −1).
  const focus = found !== null && plural && language === "de" ? { ...found, sort: true as const } : found;
  // A follow-up's words are read beside the last question's: a sense of one the sources use together with
  // those ("How many branches does it have?" after a question on a butcher's → Filiale) is its sense here.
  const previous = newTopic ? undefined : previousTurn(history, tools);
  const reason: FollowUpReason | null = previous === undefined ? null : continues ? "reply" : followUpCue(asked, language, tools);
  const earlier = previous !== undefined && reason !== null ? earlierTerms(previous, tools) : undefined;
  const around = earlier?.terms.flatMap((t) => t.alternatives.map((a) => a.stem)) ?? [];
  const words = joined(
    withLeaderNouns(
      ownTerms(asked, language, tools, focus, around),
      expected,
      tools,
    ),
    language,
    tools,
  );
  const terms = [
    ...withoutPreambleNames(withoutNegatedNames(withPeopleWords(withKinds(withBroader(words, focus, language, tools), focus, language, tools), focus, language, tools), asked), asked),
    ...(expected === "number" ? measureTerm(asked, tools) : []),
    ...prepositionTerm(asked, tools),
  ];
  const period = periodFor(asked);
  const bound = boundAsked(asked);
  const alone: Understanding = {
    ...base,
    terms,
    answerType: expected,
    unit: unitFor(asked),
    ...(period !== null ? { period } : {}),
    focus,
    searchText: searchTextOf(asked, terms),
    ...(overview ? { overview } : {}),
    ...(asksPlannedTime(asked) ? { planned: true } : {}),
    ...(bound !== null ? { bound } : {}),
  };
  if (newTopic) return { ...alone, newTopic };
  if (!previous) return alone;
  return reason === null ? alone : withPrevious(alone, previous, reason, tools, earlier);
}

/** The last question as read ("Different topic: …" or "Weißt du, …" are none of its words) and its own terms. */
interface EarlierQuestion {
  readonly question: string;
  readonly terms: QueryTerm[];
}

/** The last question's own terms, read as typed. */
function earlierTerms(previous: Turn, tools: UnderstandTools): EarlierQuestion {
  const unframed = framing(previous.question).question;
  const language = detectLanguage(unframed);
  const question = withoutTypos(withUmlauts(unframed, language, tools), language, tools);
  return { terms: joined(ownTerms(question, language, tools), language, tools), question };
}

/**
 * The word an English question opens with is capitalised whatever it is, so it is read as a name only
 * when no English dictionary knows it and the sources use it ("Tannweiler and Wellmarsdorf both …"), as
 * a capitalised German word the dictionary does not know is.
 */
function withOpeningName(terms: QueryTerm[], question: string, language: Language, tools: UnderstandTools): QueryTerm[] {
  if (language !== "en") return terms;
  const first = /^\s*(\p{Lu}[\p{L}-]*)/u.exec(question)?.[1];
  if (first === undefined) return terms;
  return terms.map((t) => {
    if (t.word !== first || t.name === true) return t;
    return !knownInEnglish(first.toLowerCase(), tools) && t.alternatives.some((a) => tools.inCorpus(a.stem)) ? { ...t, name: true } : t;
  });
}

/**
 * "Wie viele stehen auf der Warteliste in Altdorf – nicht in Neustadt?", "How much is it in Altdorf? I
 * don't mean Neustadt.": a name the question says it does not mean is not asked about, and the article
 * that answers need not name it; nor is its clause the one that says what is asked (see
 * withoutPreambleNames). Told by a negation before it, past a preposition or an article (general grammar;
 * "mean" for "I don't mean"), or by a contrast ("unlike in Neustadt", "anders als die Abgabe in Neustadt").
 * A question that negates every name it says is about them still ("Warum erhöht nicht Altdorf …?").
 */
function withoutNegatedNames(terms: QueryTerm[], question: string): QueryTerm[] {
  const named = terms.filter((t) => t.name === true && t.context !== true);
  const negated = named.filter((t) => negatedBefore(t.word).test(question));
  if (negated.length === 0 || negated.length === named.length) return terms;
  return terms.filter((t) => !negated.includes(t));
}

/** Phrases that set a name against the one asked about ("anders als in X", "unlike X", "as opposed to X"): general grammar. */
const CONTRAST = String.raw`anders\s+als|im\s+gegensatz\s+zu[mr]?|im\s+unterschied\s+zu[mr]?|unlike|as\s+opposed\s+to|in\s+contrast\s+to`;

/** The words that may stand between a negation and the name it negates: prepositions, articles, "mean" (grammar). */
const NEGATION_GAP = "(?:in|im|an|am|bei|beim|aus|von|vom|für|der|die|das|den|dem|des|the|of|at|for|from|mean)";

/** A negation, then up to two of {@link NEGATION_GAP}, then `word`; or a {@link CONTRAST}, then up to four words, then `word`. */
function negatedBefore(word: string): RegExp {
  const name = `${escapeRegExp(word)}(?![\\p{L}])`;
  // A contrast reaches over the noun it compares ("anders als die Stipendiaten in Riedhausen"), within its phrase.
  return new RegExp(`(?<![\\p{L}])(?:(?:nicht|kein\\p{L}*|not|\\p{L}+n['’]t)\\s+(?:${NEGATION_GAP}\\s+){0,2}${name}|(?:${CONTRAST})\\s+(?:[\\p{L}-]+\\s+){0,4}${name})`, "iu");
}

/** A word as a regular expression that matches it literally. */
function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a clause of a question ends: a sentence's end, a colon, a semicolon or a dash between spaces. */
const CLAUSE_END = /[.:;!?]\s+|\s[–—-]\s/gu;

/**
 * "Altdorf und Neustadt erhöhen beide die Gebühr. Wie hoch ist sie in Neustadt?", "Comparing Altdorf and
 * Neustadt: …": a question whose last clause names one of the names its opening named asks about that one;
 * the others only say what the asker read about, and the article that answers need not name them, nor
 * should their words draw the answer to their story. A last clause that names none leaves every name
 * asked ("In Altdorf steigt die Gebühr. Wie hoch ist sie?"). Clauses end at a sentence's end, a colon,
 * a semicolon or a dash between spaces, and so does a fronted phrase (see FRONTED_PHRASE).
 */
function withoutPreambleNames(terms: QueryTerm[], question: string): QueryTerm[] {
  const body = question.replace(/[\s?!.]+$/u, "");
  const boundary = [...body.matchAll(CLAUSE_END)].at(-1);
  const fronted = FRONTED_PHRASE.exec(body)?.[0].length ?? 0;
  const start = boundary === undefined ? fronted : Math.max(fronted, boundary.index + boundary[0].length);
  if (start === 0) return terms;
  const last = body.slice(start);
  if ((last.match(/\p{L}+/gu) ?? []).length < 2) return terms;
  const inLast = (word: string) => new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}`, "iu").test(last);
  const named = (t: QueryTerm) => t.name === true && t.context !== true;
  if (!terms.some((t) => named(t) && inLast(t.word))) return terms;
  return terms.filter((t) => !(named(t) && !inLast(t.word)));
}

/**
 * "Wie viele Leute …", "wie viele Fachkräfte …": a count of people that the sources give with
 * another general word for people ("rund 200 Menschen", "40 Fachleute", by its head). The question's focus word
 * takes the other general words the sources use at a synonym's weight, so the sentence with that count
 * is found and ranked; which noun counts them does not matter to the gate either (see measureEvidence).
 */
function withPeopleWords(terms: QueryTerm[], focus: QuestionFocus | null, language: Language, tools: UnderstandTools): QueryTerm[] {
  if (focus?.kind !== "people") return terms;
  const stems = PEOPLE_WORDS[language].flatMap((word) => tools.analyze(word)).filter(tools.inCorpus);
  return terms.map((term) => (term.name === true || !namesFocus(term.word, focus) ? term : withStandIns(term, stems)));
}

/** A term with the corpus stems given added as stand-ins at a synonym's weight, those it has already left out. */
function withStandIns(term: QueryTerm, stems: readonly string[]): QueryTerm {
  const known = new Set(term.alternatives.map((a) => a.stem));
  const added = [...new Set(stems)].filter((stem) => !known.has(stem)).map((stem) => ({ stem, weight: EXPANSION_WEIGHT.synonym, via: "synonym" as const }));
  return added.length === 0 ? term : { ...term, alternatives: [...term.alternatives, ...added] };
}

/**
 * "Welche Getränke stellt die Kelterei her?", "Welche Baumarten …?": the sources name a category's members
 * by their own names ("Apfelsaft, Apfelschorle und Cidre", "Buchen und Eichen"), not by the category. Its
 * kinds in OpenThesaurus down to {@link KIND_DEPTH} levels (Buche → Laubbaum → Baum) that the sources use
 * stand in at a synonym's weight. A kind spelt as a compound on the category ("Kreisstraße") is left out:
 * the reader takes those in full already (see sortsOf in read.ts). German only, as the resource is.
 */
function withKinds(terms: QueryTerm[], focus: QuestionFocus | null, language: Language, tools: UnderstandTools): QueryTerm[] {
  if (language !== "de" || focus?.sort !== true) return terms;
  return terms.map((term) => {
    if (term.name === true || !namesFocus(term.word, focus)) return term;
    const sorted = categoryOfSorts(term.word, tools.lexicon);
    const category = sorted ?? term.word;
    const own = tools.analyze(category);
    const exactly = usedExactly(tools);
    const kinds = safe(() => kindsOf(category, tools.lexicon), tools)
      .flatMap((kind) => {
        const stems = tools.analyze(kind);
        return stems.length === 1 ? stems : [];
      })
      .filter((stem) => exactly(stem) && !own.some((part) => stem.endsWith(part)));
    // "Baumarten" asks about trees: a sentence about "Bäume" is about them too.
    return withStandIns(term, [...(sorted !== undefined ? own.filter(tools.inCorpus) : []), ...kinds]);
  });
}

/** How far down the thesaurus a category's kinds are looked for: a species is filed under its family (Buche → Laubbaum → Baum). */
const KIND_DEPTH = 2;
/** Kinds read at most: "Mensch" has over a thousand, and a question reads each one's own kinds in turn. */
const MOST_KINDS = 400;

/** A German word's kinds in the thesaurus, breadth first, down to {@link KIND_DEPTH} levels, at most {@link MOST_KINDS}. */
function kindsOf(category: string, lexicon: Lexicon): string[] {
  const found = new Set<string>([category.toLowerCase()]);
  let level = [category];
  for (let depth = 0; depth < KIND_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    // The category is read in any form ("Getränke"); its kinds are listed as lemmas already.
    for (const word of level) {
      for (const { word: kind } of depth === 0 ? lexicon.germanNarrower(word) : lexicon.germanNarrower(word, [])) {
        if (found.size > MOST_KINDS) break;
        if (found.has(kind)) continue;
        found.add(kind);
        next.push(kind);
      }
    }
    level = next;
  }
  found.delete(category.toLowerCase());
  return [...found];
}

/**
 * A compound on "Arten" or "Sorten" names its category by its first part ("Baumarten" → Baum, "Obstsorten"
 * → Obst, "Rettungsarten" → Rettung): general German word formation. Undefined for any other word, and where
 * the first part is no word the dictionary knows ("Landkarten" is no kind of "Landk").
 */
function categoryOfSorts(word: string, lexicon: Lexicon): string | undefined {
  const first = /^(\p{L}{3,}?)(?:arten|sorten)$/iu.exec(word)?.[1];
  if (first === undefined) return undefined;
  return [first, first.replace(/s$/u, "")].find((part) => part.length >= 3 && lexicon.isGermanWord(part));
}

/**
 * What "wie viele X" counts may stand beside the number under a broader name ("500 Fahrzeuge" for "Wie
 * viele Autos …?"): news counts things by their general name. The counted noun's hypernyms in OpenThesaurus
 * that the sources use stand in at a synonym's weight. Nowhere else: "Wo parken die Autos?" is not about
 * every vehicle. German only (the resource is German; an English question's nouns are translations).
 */
function withBroader(terms: QueryTerm[], focus: QuestionFocus | null, language: Language, tools: UnderstandTools): QueryTerm[] {
  if (language !== "de" || focus?.kind !== "counted") return terms;
  return terms.map((term) => {
    if (term.name === true || !namesFocus(term.word, focus)) return term;
    const broader = safe(() => tools.lexicon.germanBroader(term.word), tools).filter(({ word }) => !word.includes(" "));
    // Not searched for: a hypernym ("Mensch", "Fahrzeug") finds passages about anything of its kind (measured: worse when searched).
    return withStandIns(term, broader.flatMap(({ word }) => tools.analyze(word)).filter(tools.inCorpus));
  });
}

/**
 * A question typed in lower case, with the words German capitalises written so: a word the dictionary
 * reads only as a noun ("brücke" → Brücke), or as a noun and not an adjective after an article, a
 * quantifier or a preposition ("wie viele bäume"); and a word no dictionary knows that the sources use,
 * which is a name ("altdorf" → Altdorf, "meyer's"); and a place, a name whether the sources name it or
 * not ("in peru"), so that a question about a place they never name is declined. Names and nouns are
 * told by their capital letter further on. A German question with a capital after its first word is
 * cased already; in an English one, only names are looked for. Pure given the tools.
 *
 * @example
 * truecased("wie teuer wird die brücke in altdorf?", "de", tools) // "wie teuer wird die Brücke in Altdorf?"
 */
export function truecased(question: string, language: Language, tools: UnderstandTools): string {
  // Who capitalises any word after the first writes German nouns and names so.
  if (language === "de" && /(?<=[\p{L}\p{N},;:]\s+)\p{Lu}/u.test(question)) return question;
  return question.replace(/(?<![\p{L}\p{N}-])\p{Ll}[\p{Ll}\p{N}-]*(?:['’]s)?(?![\p{L}\p{N}])/gu, (typed, at: number) => {
    const word = typed.replace(/['’]s$/u, "");
    if (at === 0 || isStopword(word) || word.length < 3) return typed;
    const capital = typed[0]!.toUpperCase() + typed.slice(1);
    // A word the sources do not use is no name of theirs; an English one needs no dictionary look-up then.
    const used = () => usedAsWritten(word, tools);
    // A place is a name however it is typed ("in norway", "peru"), in the sources or not; so is a town or
    // mountain the dictionary names in the question's language ("bochum", "venice": a German name may spell
    // an English word, "Pool").
    if (holds(() => namesPlace(word, language, tools.lexicon), tools)) return capital;
    // So is a town or a firm: a word the dictionary lists without forms, which the thesaurus files under a
    // kind of place or organisation ("köln" under Stadt, "volkswagen" under Konzern); not an adverb, filed
    // under none or under something else ("täglich" under Zeitspanne); not a common English word of an
    // English question ("return", which German has as a key's name).
    const filed = () => holds(() => filedUnderPlaceOrOrganization(word, tools.lexicon), tools);
    const common = () => holds(() => tools.lexicon.isCommonEnglish?.(word) ?? false, tools);
    if ((language === "de" || !common()) && listedWithoutForms(word, tools) && filed()) return capital;
    // So is a word no dictionary knows in any form, which the sources do not use either ("mona lisa"):
    // as a capitalised one is, it is a name they never mention, and the question is declined.
    if (!used() && unknownWord(word, tools)) return capital;
    if (language === "en" && !used()) return typed;
    const lemmas = safe(() => tools.lexicon.germanLemmas(word), tools);
    if (language === "de" && lemmas.length > 0) {
      // A word with a noun's reading among others is the noun after an article, a quantifier or a preposition ("wie viele bäume").
      const before = /([\p{L}]+)\s+$/u.exec(question.slice(0, at))?.[1] ?? "";
      // The last word of a German question with a verb's reading is its verb: "Wo kann man das beantragen?".
      const last = /^[\s?!.]*$/u.test(question.slice(at + typed.length)) && lemmas.some((l) => l.pos === "verb");
      // An adjective made a noun ("Standesamtliche", whose adjective the dictionary lacks) right before a noun
      // is that noun's adjective: "wie viele standesamtliche trauungen".
      const after = /^\s+([\p{Ll}-]+)/u.exec(question.slice(at + typed.length))?.[1];
      const attributive =
        after !== undefined && lemmas.every((l) => l.pos !== "noun" || ADJECTIVAL_NOUN.test(l.lemma)) && isNounOnly(after, tools);
      const noun = last || attributive ? false : lemmas.every((l) => l.pos === "noun") || (lemmas.some((l) => l.pos === "noun") && !lemmas.some((l) => l.pos === "adj") && (DETERMINER.test(before) || PREPOSITION.test(before)));
      return noun ? capital : typed;
    }
    const known = lemmas.length > 0 || holds(() => tools.lexicon.isGermanWord(word), tools) || (language === "en" && safe(() => tools.lexicon.englishLemmas(word), tools).length > 0);
    return !known && used() ? capital : typed;
  });
}

/** True for a country or region, or a town, mountain or river the dictionary names in the question's language. */
function namesPlace(word: string, language: Language, lexicon: Lexicon): boolean {
  if (lexicon.place(word) !== undefined) return true;
  return (language === "de" ? lexicon.isGeographicName?.(word) : lexicon.isEnglishGeographicName?.(word)) === true;
}

/** A noun made of an adjective by an adjective's suffix ("Standesamtliche", "Pädagogische"; not "Flasche"): German word formation. */
const ADJECTIVAL_NOUN = /(lich|isch|ig|bar|sam|haft|los|ell|iv)e$/u;

/** True when the German dictionary reads a lower-case word as a noun only ("trauungen"). */
function isNounOnly(word: string, tools: UnderstandTools): boolean {
  if (isStopword(word)) return false;
  const lemmas = safe(() => tools.lexicon.germanLemmas(word), tools);
  return lemmas.length > 0 && lemmas.every((l) => l.pos === "noun");
}

/** True when an English dictionary knows a lower-case word: WordNet's forms or the list of common words. */
function knownInEnglish(word: string, tools: UnderstandTools): boolean {
  return safe(() => tools.lexicon.englishLemmas(word), tools).length > 0 || holds(() => tools.lexicon.isCommonEnglish?.(word) ?? false, tools);
}

/** Letters a lower-case word needs to be taken for a name: shorter unknown ones are mostly typing slips. */
const MIN_LOWER_NAME = 4;

/**
 * True when no dictionary knows a lower-case word: not as a German or English word or form, not as an
 * inflection of a German one ("jemandem" of "jemand", which the word list lacks), not as a compound of
 * German words ("stimmenverhältnis"), nor as a hyphenated join of known words ("laid-off").
 */
function unknownWord(word: string, tools: UnderstandTools): boolean {
  if (word.length < MIN_LOWER_NAME || /\d/u.test(word)) return false;
  const german = (w: string) => holds(() => tools.lexicon.isGermanWord(w), tools) || safe(() => tools.lexicon.germanLemmas(w), tools).length > 0;
  const known = (w: string) => german(w) || knownInEnglish(w, tools);
  if (known(word) || (word.includes("-") && word.split("-").every(known))) return false;
  if ([1, 2].some((cut) => word.length - cut >= MIN_LOWER_NAME && german(word.slice(0, -cut)))) return false;
  const capital = word[0]!.toUpperCase() + word.slice(1);
  const listed = (w: string) => holds(() => tools.lexicon.isGermanWord(w), tools);
  return dictionaryCuts(word, listed).next().done === true && dictionaryCuts(capital, listed).next().done === true;
}

/**
 * A question typed without umlauts or "ß", as on a keyboard that has none ("Kuenstler", "Muenster",
 * "Strasse", "Brucke"): "ae", "oe", "ue" read as "ä", "ö", "ü" (DIN 5007), "ss" as "ß", in a word the
 * dictionary does not know as written, when the dictionary knows the other spelling (whole, or cut into
 * words it knows: "Fussballverbot"), or else when the sources use it and not the word as written (a name:
 * "Muenster"). Not a "ue" after a vowel ("neue", "Feuer") or a "q", which is no umlaut, as Snowball's
 * German variant reads it. In a German question, an "a", "o", "u" without its dots ("fur", "Brucke")
 * too, where the dictionary knows the dotted word, or a compound's parts that the sources use ("Hofkase").
 * The dictionary speaks for German questions only.
 * Pure given the tools.
 *
 * @example
 * withUmlauts("Wie viele Kuenstler kamen?", "de", tools) // "Wie viele Künstler kamen?"
 */
export function withUmlauts(question: string, language: Language, tools: UnderstandTools): string {
  const listed = (word: string) => holds(() => tools.lexicon.isGermanWord(word), tools);
  const inDictionary = (word: string) => language === "de" && (listed(word) || !dictionaryCuts(word, listed).next().done);
  const inSources = (word: string) => usedAsWritten(word, tools);
  // One table look-up per spelling first, where the lexicon offers it: most words have an "a", "o" or "u".
  const form = (w: string) => holds(() => tools.lexicon.isGermanForm?.(w) ?? true, tools);
  return question.replace(/\p{L}+/gu, (word) => {
    // Most words of a German question are listed as written: one look-up, before any other spelling is tried.
    if (language === "de" && holds(() => tools.lexicon.isGermanForm?.(word) ?? false, tools)) return word;
    const spellings = umlautSpellings(word);
    // Umlauts left out ("Brucke", "fur"): the sources' stems fold them away already, so only the dictionary
    // tells; a capitalised word may be a name ("Kuhn", not "kühn"), so only a noun stands for it.
    const dotted = language === "de" ? dottedSpellings(word).filter(form) : [];
    if (language === "de" && listed(word)) return word;
    // Whether the dictionary knows the word as written by its parts costs the most: asked once another spelling is found.
    const cut = () => language === "de" && !dictionaryCuts(word, listed).next().done;
    // A compound whose parts the sources use, written without the dots of one of them ("Feuerwehrkrafte"):
    // a German noun, capitalised, not cut into words as written (tried after the whole word's spellings).
    const capital = /^\p{Lu}/u.test(word);
    const compound = () => {
      if (language !== "de" || !capital) return word;
      const spelled = dottedCompound(word, listed, (part) => tools.analyze(part).some(tools.inCorpus));
      return spelled === undefined || cut() ? word : spelled;
    };
    if (spellings.length === 0 && dotted.length === 0) return compound();
    const spelled = spellings.find(inDictionary) ?? (inSources(word) ? undefined : spellings.find(inSources));
    if (spelled !== undefined) return cut() ? word : spelled;
    // A capitalised one only as a noun, or a word listed without any reading, which is a name ("München").
    const named = (w: string) => listed(w) && safe(() => tools.lexicon.germanLemmas(w), tools).length === 0;
    const undotted = dotted.find((w) => (capital ? holds(() => tools.lexicon.isGermanNoun(w), tools) || named(w) : listed(w)));
    // A word the dictionary lists whole is likelier than one it reads only as parts by chance ("Bahnhofe" as
    // "Bahn" + "Hofe" for "Bahnhöfe").
    if (undotted !== undefined) return undotted;
    return compound();
  });
}

/**
 * The spelling of a capitalised compound with dots put on some of its "a", "o", "u" that cuts into a modifier and a head
 * the dictionary knows (see {@link dictionaryCuts}) and the sources use, the fewest changed first; undefined
 * when none does. Why not cut each spelling in turn: a long name has dozens, and cutting each costs milliseconds
 * (measured). The sources' stems fold umlauts away, so whether they use the modifier is asked of it as typed
 * first, which leaves few places to cut; the head is asked of the dictionary before the sources, whose
 * look-up reads the vocabulary's buckets (at 100k chunks a long unknown word's cuts took 15 ms that way).
 * Pure given the tests.
 */
export function dottedCompound(word: string, knows: (w: string) => boolean, used: (part: string) => boolean): string | undefined {
  const modifier = (m: string) => modifierKind(m, knows) !== undefined;
  let best: { spelling: string; changes: number } | undefined;
  for (let at = MIN_MODIFIER; at <= word.length - MIN_HEAD; at++) {
    const [front, back] = [word.slice(0, at), word.slice(at)];
    if (!used(front)) continue;
    const fronts = [front, ...dottedSpellings(front)].filter(modifier);
    if (fronts.length === 0) continue;
    // The head capitalised, as dictionaryCuts reads a capitalised word's.
    const backs = [back, ...dottedSpellings(back)].filter((b) => knows(casedAs(word, b)));
    if (backs.length === 0 || !used(back)) continue;
    for (const f of fronts) {
      for (const b of backs) {
        const changes = [...f + b].filter((c, i) => c !== word[i]).length;
        if (changes > 0 && (best === undefined || changes < best.changes)) best = { spelling: f + b, changes };
      }
    }
  }
  return best?.spelling;
}

/** A word's spellings with some of its first letters "a", "o", "u" as "ä", "ö", "ü", the most changed first. Pure. */
function dottedSpellings(word: string): string[] {
  const at = [...word.matchAll(/[aouAOU]/gu)].map((m) => m.index).slice(0, MAX_UMLAUTS + 1);
  return rewritten(word, at, (w, i) => w.slice(0, i) + DOTTED[w[i]!]! + w.slice(i + 1));
}

const DOTTED: Readonly<Record<string, string>> = { a: "ä", o: "ö", u: "ü", A: "Ä", O: "Ö", U: "Ü" };

/** A word with some of the places `at` rewritten, the most rewritten first; from the last place, so earlier ones stay where they were. Pure. */
function rewritten(word: string, at: readonly number[], rewrite: (word: string, at: number) => string): string[] {
  const subsets = Array.from({ length: 2 ** at.length - 1 }, (_, k) => at.filter((_, bit) => ((k + 1) >> bit) & 1));
  return subsets.sort((a, b) => b.length - a.length).map((chosen) => chosen.reduceRight(rewrite, word));
}

/**
 * A question without its typing errors: a word of five letters or more that neither the dictionary of the
 * question's language nor the sources know, nor the places, is read as the spelling a single error away
 * (two letters swapped, one left out, one too many, one mistyped) that the sources use or the dictionary
 * lists, the sources' first, then the likelier error. A word the dictionary knows by its parts
 * ("Lahnbrücke") is no error, nor is a name with a capital inside ("iPhone"); one with nothing known a
 * single error away stays as typed, a name the sources may lack. Why by hand: the spelling correctors on
 * npm bring their own word lists, while the words that matter here are the compiled lexicon's and the
 * index's. Pure given the tools.
 *
 * @example
 * withoutTypos("Wie viele Blumentöfpe gab es?", "de", tools) // "Wie viele Blumentöpfe gab es?"
 */
export function withoutTypos(question: string, language: Language, tools: UnderstandTools): string {
  const german = (word: string) => holds(() => tools.lexicon.isGermanWord(word), tools);
  const inSources = (word: string) => usedAsWritten(word, tools);
  const part = (word: string) => german(word) || inSources(word);
  // A noun in "-ung" of a verb the dictionary knows is a word too ("Sanierungen" of "sanieren").
  const ofVerb = (word: string) => {
    const base = /^(\p{L}{3,})ung(?:en)?$/u.exec(word)?.[1]?.toLowerCase();
    return base !== undefined && (german(`${base}en`) || german(`${base}n`));
  };
  // Chat German joins "es" to its verb ("gibts", "gehts"): the verb the dictionary knows and an "s".
  const contracted = (word: string) => /^\p{Ll}{3,}s$/u.test(word) && german(word.slice(0, -1));
  // Known as it is written; a German word may also be known by its parts (a compound, see misjoined).
  const knownAsIs = (word: string) => (language === "de" ? german(word) || ofVerb(word) || contracted(word) : safe(() => tools.lexicon.englishLemmas(word), tools).length > 0);
  const byParts = (word: string) => language === "de" && !dictionaryCuts(word, part).next().done;
  // Hundreds of spellings are tested: a German one by a single look-up of its form where the lexicon offers it.
  const listed = (word: string) =>
    language === "de" ? holds(() => tools.lexicon.isGermanForm?.(word) ?? tools.lexicon.isGermanWord(word), tools) : safe(() => tools.lexicon.englishLemmas(word), tools).length > 0;
  // English has no frequencies in the dictionary; a list of common words stands in (see COMMON_WORD).
  const common = (word: string) => language === "en" && holds(() => tools.lexicon.isCommonEnglish?.(word) ?? false, tools);
  // A compound the dictionary knows only by its parts passes for known, but a word typed with a letter
  // left out or one too many is often two words by chance ("Roseheim" = Rose + Heim, "Wanderssaison" =
  // Wanders + Saison): the one word of the sources it is with that letter put back or taken out
  // ("Rosenheim", "Wandersaison") is meant. Only those two errors, and only when the sources have one
  // such word: any edit turned compounds the sources lack into words they have (tried: −2).
  const misjoined = (word: string) => {
    const whole = oneEditAway(word).filter(({ candidate, kind }) => (kind === INSERTED || kind === TOO_MANY) && inSources(candidate));
    return whole.length === 1 ? whole[0]!.candidate : word;
  };
  return question.replace(/\p{L}+/gu, (word) => {
    if (word.length < MIN_TYPO_WORD || isStopword(word) || /^.\p{L}*\p{Lu}/u.test(word) || inSources(word) || holds(() => tools.lexicon.place(word) !== undefined, tools)) return word;
    if (knownAsIs(word)) return word;
    if (byParts(word)) {
      const joined = misjoined(word);
      return joined !== word ? joined : (listedNearby(word, listed) ?? word);
    }
    const edits = oneEditAway(word);
    let best = word;
    let score = 0;
    for (const { candidate, kind } of edits) {
      const value = (inSources(candidate) ? 2 : 0) + (listed(candidate) ? 1 : 0);
      const likely = value > 0 ? value + kind / 10 + (common(candidate) ? COMMON_WORD : 0) : 0;
      if (likely > score) [best, score] = [candidate, likely];
    }
    if (best !== word || language !== "de") return best;
    // A compound the dictionary lists by its parts only ("Lieferverzögerung"), typed with two letters swapped,
    // one left out or one too many, tried in that order, the order of how likely each error is (oneEditAway):
    // a letter taken out leaves a compound of chance parts more often ("Blumnbeet" → "Blum(e)" + "Beet", not "Blumen" + "Beet").
    // A letter is put back only when just one letter makes such a compound: for a word that is no typing
    // error ("Hofrat", whose head is too short to be cut), many letters do ("Hofgrat", "Hofrate" …).
    const swapped = edits.find(({ candidate, kind }) => kind === SWAPPED && byParts(candidate));
    if (swapped !== undefined) return swapped.candidate;
    const putBack = compoundsWithLetter(word, part, listed);
    if (putBack.length === 1) return putBack[0]!;
    return edits.find(({ candidate, kind }) => kind === TOO_MANY && byParts(candidate))?.candidate ?? word;
  });
}

/**
 * Added to an English spelling's likelihood when it is a common word: one error away from a word typed
 * lie rare words as often as the one meant ("arreted" is "garreted" with a letter put back as much as
 * "arrested"). More than one kind of edit apart, less than two: a common word a letter put back beats a
 * rare one two letters swapped ("memers" → members, not emmers). Measured on every tune-side set retyped:
 * a letter left out 1151 → 1156 of 1,547, doubled 1171 → 1172 (0.25 the same).
 */
const COMMON_WORD = 0.15;
/** Shorter words are left as typed: a single error away from a four-letter word lie too many others. */
const MIN_TYPO_WORD = 5;
/** The letters a typing error may leave out or put in. */
const LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß";

/** The kinds of edit {@link oneEditAway} marks two letters swapped, a letter put in (one the typist left out) and one taken out (one typed too many) with. */
const SWAPPED = 3;
const INSERTED = 2;
const TOO_MANY = 1;

/**
 * The spellings a single typing error away from a word, with how likely each kind of error is taken to be:
 * two letters swapped (3), one left out (2), one too many (1), one mistyped (0). Case as typed. Pure.
 */
function oneEditAway(word: string): { candidate: string; kind: number }[] {
  const out = new Map<string, number>();
  const lower = word.toLowerCase();
  const add = (w: string, kind: number) => {
    const cased = casedAs(word, w);
    if (cased !== word && !out.has(cased)) out.set(cased, kind);
  };
  for (let i = 0; i + 1 < lower.length; i++) add(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2), SWAPPED);
  for (let i = 0; i <= lower.length; i++) for (const c of LETTERS) add(lower.slice(0, i) + c + lower.slice(i), INSERTED);
  for (let i = 0; i < lower.length; i++) add(lower.slice(0, i) + lower.slice(i + 1), TOO_MANY);
  for (let i = 0; i < lower.length; i++) for (const c of LETTERS) if (c !== lower[i]) add(lower.slice(0, i) + c + lower.slice(i + 1), 0);
  return [...out].map(([candidate, kind]) => ({ candidate, kind }));
}

/** A lower-case spelling with the first letter capitalised when `word`'s is: a correction keeps the case typed. Pure. */
function casedAs(word: string, spelling: string): string {
  return /^\p{Lu}/u.test(word) ? spelling.charAt(0).toUpperCase() + spelling.slice(1) : spelling;
}

/**
 * For a word the dictionary reads only as parts, the one word it lists a typing error away when the error
 * made the parts: a letter typed twice, which reads as a linking letter more often than not ("Gartennzaun"
 * as "Garten" + n + "Zaun"), made single; or else a letter left out put back ("Sandkaste" as "Sand" +
 * "Kaste" for "Sandkasten"). Undefined when no such word or several are listed. The price: a compound the
 * dictionary does not list, one letter from one it does, is read as that one ("Bahnsteg" as "Bahnsteig").
 * Pure given `listed`.
 */
function listedNearby(word: string, listed: (w: string) => boolean): string | undefined {
  const lower = word.toLowerCase();
  const singles = new Set([...lower].flatMap((c, i, all) => (i > 0 && all[i - 1] === c ? [word.slice(0, i) + word.slice(i + 1)] : [])));
  const listedSingles = [...singles].filter(listed);
  if (listedSingles.length === 1) return listedSingles[0]!;
  const back = new Set<string>();
  for (let i = 0; i <= lower.length && back.size < 2; i++) {
    for (const c of LETTERS) {
      const spelling = casedAs(word, lower.slice(0, i) + c + lower.slice(i));
      if (listed(spelling)) back.add(spelling);
    }
  }
  return back.size === 1 ? [...back][0] : undefined;
}

const UMLAUT: Readonly<Record<string, string>> = { ae: "ä", oe: "ö", ue: "ü", Ae: "Ä", Oe: "Ö", Ue: "Ü", ss: "ß" };
/** How many of a word's "ae", "oe", "ue", "ss" are tried as umlauts or "ß" together (a word rarely has more). */
const MAX_UMLAUTS = 3;

/** A word's spellings with some of its "ae", "oe", "ue", "ss" as "ä", "ö", "ü", "ß", the most changed first. Pure. */
function umlautSpellings(word: string): string[] {
  const at = [...word.matchAll(/(?<![aeiouyqäöüAEIOUYQÄÖÜ])[aouAOU]e|ss/gu)].map((m) => m.index).slice(0, MAX_UMLAUTS);
  return rewritten(word, at, (w, i) => w.slice(0, i) + UMLAUT[w.slice(i, i + 2)]! + w.slice(i + 2));
}

/**
 * The turn a new question may lean on: {@link leaningOn}, except that a question which found nothing lends
 * the story of an earlier answer only when it stayed on that story. One that is self-contained and names a
 * subject of its own ("Wie lange wird am Gymnasium in Ebersweiler noch gebaut?") moved there, and what
 * follows it ("Und was kostet das?") is about that subject, not the article an earlier answer quoted.
 */
export function previousTurn(history: readonly Turn[], tools: UnderstandTools): Turn | undefined {
  return leaningOn(history, (question) => {
    const { question: asked } = framing(question);
    const language = detectLanguage(asked);
    const cased = truecased(asked, language, tools);
    // Its first word is capitalised as every first word is; a single letter ("I") names nothing.
    const names = (cased.match(/[\p{L}\p{N}]+/gu) ?? []).slice(1).some((w) => w.length > 1 && namedIn(w, tools));
    return followUpCue(cased, language, tools) !== null || !names;
  });
}

/**
 * The turn a next question may lean on: the last one, with the articles of the last turn that quoted any,
 * and what it quoted from its story, when it found nothing itself. A conversation stays on its event when
 * one question goes unanswered: "Was sagt die Reederei dazu?" after an unanswered "Wie viele waren an
 * Bord?" is still about the accident the answer before spoke of. `leans` tells whether a question that
 * found nothing stayed on the story (default: always). Pure.
 */
export function leaningOn(history: readonly Turn[], leans?: (question: string) => boolean): Turn | undefined {
  const last = history.at(-1);
  if (!last || (last.sources?.length ?? 0) > 0) return last;
  if (leans && !leans(last.question)) return last;
  const answered = history.findLast((turn) => (turn.sources?.length ?? 0) > 0);
  if (!answered) return last;
  return { ...last, sources: answered.sources, ...(answered.story !== undefined ? { story: answered.story } : {}) };
}

/**
 * The same question read together with the turn before it: the previous question's terms and the names
 * its answer quoted from its story's article join at half weight (so "er" finds the minister the last
 * answer named, not someone a quote from another article named), and the search text carries them too.
 * Used for follow-ups and, by the caller, to retry a question that alone found no grounded answer.
 */
export function withPrevious(
  alone: Understanding,
  previous: Turn,
  reason: FollowUpReason,
  tools: UnderstandTools,
  earlier: EarlierQuestion = earlierTerms(previous, tools),
): Understanding {
  const known = new Set(alone.terms.flatMap((t) => t.alternatives.map((a) => a.stem)));
  const before = earlier.question;
  const context = [
    ...earlier.terms.map((t) => ({ ...t, askedBefore: true })),
    ...nameTerms(previous.story ?? previous.answer, tools),
  ]
    .filter((t) => !t.alternatives.some((a) => known.has(a.stem)))
    .filter((t, i, all) => all.findIndex((u) => u.word.toLowerCase() === t.word.toLowerCase()) === i)
    // Only the current question's own words may mark it as off-topic (see QueryTerm.noun).
    .map((t) => ({ ...t, noun: false, name: false, context: true }));
  // The context together weighs at most half of the question's own words, so the sentence that answers the
  // new question wins over one that repeats the old one; an elliptical "und wann?" leans on it fully.
  const own = alone.terms.reduce((sum, t) => sum + t.weight, 0);
  const borrowed = context.reduce((sum, t) => sum + t.weight, 0);
  const scale = own === 0 ? CONTEXT_WEIGHT : Math.min(CONTEXT_WEIGHT, (CONTEXT_WEIGHT * own) / Math.max(borrowed, 1e-9));
  const weighted = context.map((t) => ({ ...t, weight: t.weight * scale }));
  return {
    ...alone,
    terms: [...alone.terms, ...weighted],
    // A question without a question word ("und in Leipzig?") asks for what the previous one asked for;
    // "Was hat sie gesagt?" asks for something else than the "wer" before it, and "Hat er gestanden?" for yes or no.
    answerType: alone.answerType ?? (QUESTION_WORD.test(alone.question) || isPolar(alone.question, alone.language, tools) ? null : answerType(before)),
    followUp: { reason, previous },
    searchText: `${alone.searchText} ${searchTextOf(before, context)}`.trim(),
  };
}

/** A capitalised word the German dictionary does not know and that is no person noun: a name. */
function namedIn(word: string, tools: UnderstandTools): boolean {
  return /^\p{Lu}/u.test(word) && !IS_PERSON_NOUN.test(word) && !holds(() => tools.lexicon.isGermanWord(word), tools);
}

/** Why a question needs the previous turn by its wording alone, or null when it is self-contained. */
function followUpCue(question: string, language: Language, tools: UnderstandTools): FollowUpReason | null {
  const lower = question.toLowerCase();
  if (CONTINUATION.test(lower)) return "ellipsis";
  const spans = [...question.matchAll(/[\p{L}\p{N}]+/gu)];
  const words = spans.map((m) => m[0]);
  // Right after a comma is a relative pronoun's place ("die Firma, die …").
  const afterComma = (i: number) => /,\s*$/u.test(question.slice(0, spans[i]!.index));
  const anaphora = language === "de" ? ANAPHORA_DE : ANAPHORA_EN;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    // A capitalised "Sie" inside a German question is the polite "you", not "she/they".
    if (language === "de" && i > 0 && word === "Sie") continue;
    // "es" points back unless it is the expletive of "gibt es", "geht es", "kam es zu".
    const pronoun =
      anaphora.has(word.toLowerCase()) ||
      (language === "de" && PRONOMINAL_ADVERB.test(word) && !CLAUSE_AHEAD.test(words[i + 1] ?? "")) ||
      (language === "de" && word === "es" && !EXPLETIVE_BEFORE_ES.test(words[i - 1] ?? "")) ||
      // "it" as the subject after an auxiliary, or as the object that ends the question ("who built it?").
      (language === "en" && word.toLowerCase() === "it" && (AUXILIARY_BEFORE_IT.test(words[i - 1] ?? "") || i === words.length - 1 || subjectAfterBe(words, i))) ||
      // A demonstrative standing for a whole statement, not an article before its noun: "Wer hat das
      // gesagt?", "Wann war das?", "Who said that?".
      (language === "de" && /^das$/i.test(word) && i > 0 && !words.slice(i + 1, i + 3).some((w) => /^\p{Lu}/u.test(w))) ||
      // So is "der", "die", "den", "dem" with no noun after it, as speech uses them for "he", "she", "they":
      // "Was wollten die stattdessen?", "Hatte der was getrunken?". After a comma it opens a relative clause.
      (language === "de" && DEMONSTRATIVE_DE.test(word) && i > 0 && !afterComma(i) && !words.slice(i + 1, i + 3).some((w) => /^\p{Lu}/u.test(w))) ||
      (language === "en" && /^that$/i.test(word) && i === words.length - 1);
    if (!pronoun) continue;
    // A name before the pronoun is something it can refer to in the question itself; in German, where
    // every noun is capitalised, a name is a capitalised word the dictionary does not know.
    const before = words.slice(1, i);
    const isName = (w: string) => /^\p{Lu}/u.test(w) && (language === "en" || !holds(() => tools.lexicon.isGermanWord(w), tools));
    if (!before.some(isName)) return "pronoun";
  }
  if (PERSON_BACK.test(lower) && !words.slice(1).some((w) => namedIn(w, tools))) return "pronoun";
  // Nothing but a question word left: "und wann?", "warum?", "who?".
  if (contentWords(question, language, tools.analyze).length === 0) return "ellipsis";
  if (isFragment(words, language)) return "ellipsis";
  return null;
}

// General German and English grammar for telling a fragment from a clause: prepositions, articles and
// determiners, and the auxiliaries and copulas that make a clause without a full verb ("Wer ist …?").
const PREPOSITION_WORDS = "mit|für|seit|bis|von|vom|aus|in|im|an|am|auf|bei|nach|zu|zum|zur|über|unter|gegen|ohne|um|durch|wegen|ab|vor|with|for|since|until|from|in|on|at|by|over|under|after|before|during|to|into|of|about";
const PREPOSITION = new RegExp(`^(${PREPOSITION_WORDS})$`, "i");
/**
 * A phrase opened by a preposition and set before the question word by a comma ("In the fee rises in
 * Altdorf and Neustadt, what …", "Bei den Gebühren in Altdorf, wie …"): no clause of its own, but an
 * opening as one is. Not a comma after a clause: "…, wo der Hangrutsch war" says more of a name asked.
 */
const FRONTED_PHRASE = new RegExp(String.raw`^(?:according\s+to|${PREPOSITION_WORDS})\s[^,.:;!?]*,\s+(?=${QUESTION_WORD.source})`, "iu");
const DETERMINER = /^(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|the|a|an|viele|vielen|viel|much|many|long|lange)$/i;
const AUXILIARY_EN = /^(is|are|was|were|be|been|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|'s)$/i;

/** German auxiliaries and modals that open a yes/no question ("Hat er …?", "Musste jemand …?", "Gab's …?"). */
const AUXILIARY_DE = /^(ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden|kann|können|konnte|konnten|muss|müssen|musste|mussten|soll|sollen|sollte|sollten|will|wollen|wollte|wollten|darf|dürfen|durfte|durften|gibt|gab|gab's|gibt's)$/i;

/**
 * A yes/no question opens with its finite verb, after an "und" perhaps ("Hat er gestanden?", "Und musste
 * jemand gerettet werden?", "Was he drunk?"), or after a word put in front of it with a comma ("Und
 * Leitungswasser, darf man das trinken?"): a clause of its own, not an ellipsis of the question before.
 * German: an auxiliary or modal, or a word the dictionary reads only as a verb; English: an auxiliary.
 */
function isPolar(question: string, language: Language, tools: UnderstandTools): boolean {
  return question.split(",").some((clause, k) => {
    const words = clause.match(/[\p{L}'’]+/gu) ?? [];
    const first = (k === 0 && /^(und|and|aber|but|also|so)$/i.test(words[0] ?? "") ? words[1] : words[0]) ?? "";
    if (language === "en") return AUXILIARY_EN.test(first);
    if (AUXILIARY_DE.test(first)) return true;
    // After a comma only an auxiliary or modal: a full verb there opens a relative or other clause as often.
    if (k > 0) return false;
    const readings = safe(() => tools.lexicon.germanLemmas(first), tools);
    return readings.length > 0 && readings.every((l) => l.pos === "verb");
  });
}

/** A German question whose second word is a subject pronoun: the first is its verb ("Kriege ich …?"). */
const SUBJECT_SECOND = /^[\p{L}]+\s+(ich|du|er|sie|es|wir|ihr|man)(?![\p{L}])/iu;

/** A verb-first question's first word read as a verb, where the dictionary has a verb reading ("Kriege" → kriegen, not Krieg). */
function asVerb(readings: readonly Lemma[]): readonly Lemma[] {
  const verbs = readings.filter((l) => l.pos === "verb");
  return verbs.length > 0 ? verbs : readings;
}

/**
 * A question without a clause, only a question word and what it asks about: "Mit welcher Folge?",
 * "Für welche Dauer?", "In which town?". It continues the previous question as an ellipsis does.
 * German: no word besides prepositions, articles and question words that is not capitalised (a verb,
 * an auxiliary or an adverb makes a clause). English, which does not capitalise nouns: it opens with a
 * preposition and has no auxiliary.
 */
function isFragment(words: readonly string[], language: Language): boolean {
  const grammatical = (w: string) => PREPOSITION.test(w) || DETERMINER.test(w) || QUESTION_WORD.test(w);
  if (words.length === 0 || !words.some((w) => QUESTION_WORD.test(w))) return false;
  if (language === "de") return words.every((w, i) => grammatical(w) || (i > 0 && /^\p{Lu}/u.test(w)));
  return PREPOSITION.test(words[0]!) && !words.some((w) => AUXILIARY_EN.test(w));
}

/**
 * The synonyms of the question's multi-word expressions ("hinter Gitter", "ums Leben gekommen", "mitgehen
 * lassen"), which its words alone do not have, by the position of the expression's first content word.
 * Longer expressions first; a word belongs to one expression.
 */
function idiomSynonyms(question: string, words: readonly QueryTerm[], tools: UnderstandTools): Map<number, readonly Synonym[]> {
  const tokens = questionWords(question);
  const found = new Map<number, readonly Synonym[]>();
  const taken = new Set<number>();
  for (const length of [4, 3, 2]) {
    for (let at = 0; at + length <= tokens.length; at++) {
      const span = Array.from({ length }, (_, k) => at + k);
      if (span.some((p) => taken.has(p))) continue;
      const owner = words.find((w) => span.includes(w.position));
      if (!owner) continue;
      // An article and its noun are the noun, not an expression: "die Schulden" is filed with "die Schuld
      // erlassen" (the thesaurus's expressions are found without their final verb), which is another sense.
      if (tokens.slice(at, at + length).filter((t) => !ARTICLE_DE.test(t)).length < 2) continue;
      // A synonym made of the expression's own words ("geht's" for "geht es") is no other sense of it.
      const own = new Set(tokens.slice(at, at + length).flatMap((t) => tools.analyze(t)));
      const synonyms = safe(() => tools.lexicon.germanPhraseSynonyms(tokens.slice(at, at + length)), tools).filter(
        (synonym) => !tools.analyze(synonym.word.replace(/['’]/g, " ")).every((stem) => own.has(stem)),
      );
      // An expression none of whose synonyms the sources use says nothing here ("Schulden angehäuft" →
      // verschuldet, where they write "Verbindlichkeiten"): its words keep their own senses.
      if (!synonyms.some((synonym) => usedSynonym(synonym.word, tools))) continue;
      for (const p of span) taken.add(p);
      found.set(owner.position, synonyms);
    }
  }
  return found;
}

/**
 * A word whose stem the stemmer cut short ("Protest" → prot, "Regen" → reg), spelt whole as a further
 * stem: only so is it found as the modifier of the sources' compounds ("Protestkundgebung",
 * "Regenmenge"), since a stem under five letters is no modifier (see the vocabulary's rules).
 */
function unstemmed(text: string, stems: readonly string[]): string[] {
  const whole = fold(text);
  return stems.length === 1 && /^\p{L}+$/u.test(whole) && stems[0]!.length < 5 && whole.length >= stems[0]!.length + 2 ? [whole] : [];
}

/** German articles, definite and indefinite, in every case (grammar). */
const ARTICLE_DE = /^(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)$/i;

/** Whether the sources use a synonym as it is matched: a phrase of two words by both, another by its content word. */
function usedSynonym(word: string, tools: UnderstandTools): boolean {
  const pair = phrasePair(word, tools);
  if (pair !== null) return pair.every(tools.inCorpus);
  const head = headWord(word, tools.analyze);
  return head !== null && tools.analyze(head).some(tools.inCorpus);
}

/**
 * Each content word with the stems it may match, best first: the word as written, its lemmas (German),
 * synonyms (German, from OpenThesaurus, then pivots through Ding) or translations (English, from Ding), each weighted below the word
 * itself. Expansions that occur nowhere in the corpus cannot help and are dropped before capping, which is
 * how a translation's sense is chosen: the sense the sources use. `around`: the stems of a follow-up's last
 * question, beside which a later sense may be used too (see chooseSenses).
 */
export function expandTerms(
  words: readonly QueryTerm[],
  language: Language,
  tools: UnderstandTools,
  question: string,
  focus: QuestionFocus | null = null,
  around: readonly string[] = [],
): QueryTerm[] {
  const { analyze, lexicon, inCorpus } = tools;
  const out: QueryTerm[] = [];
  const idioms = language === "de" ? idiomSynonyms(question, words, tools) : new Map<number, readonly Synonym[]>();
  // An English word's translations, and for each word the German stems its neighbours in the question may
  // stand for: a later sense of a word is taken only when the sources use it together with them.
  // A number is no English word: "platform 4" is "Gleis 4", not a sense of "four"; nor is a Roman numeral
  // after a name ("Nordlicht II", "Elizabeth II"), which is part of it.
  const numeral = (w: QueryTerm) => /^\d/.test(w.word) || /^[IVX]{1,4}$/.test(w.word);
  // What "how many" counts is a noun: its verbs' senses are other words ("stops" → Haltestelle, not stoppt).
  const sensesOfTerm = (w: QueryTerm): Sense[] => {
    const senses = sensesOf(w.word, tools);
    if (focus?.kind !== "counted" || !namesFocus(w.word, focus)) return senses;
    const nouns = senses.filter((s) => /^\p{Lu}/u.test(s.german));
    return nouns.length > 0 ? nouns : senses;
  };
  const tokens = language === "en" ? questionWords(question) : [];
  const candidates = language === "en" ? words.map((w) => (numeral(w) ? [] : withAgentSenses(sensesOfTerm(w), w, tokens, tools))) : [];
  const contextOf = (i: number) => [
    ...words.flatMap((w, j) =>
      j === i ? [] : [...w.alternatives.map((a) => a.stem), ...(candidates[j] ?? []).flatMap((c) => c.german.split(" ").flatMap(analyze))],
    ),
    ...around,
  ];
  const company = companyOf(words, tools);
  // "Kriege ich …?", "Bekommen wir …?": a word before a subject pronoun opens the question as its finite verb.
  const verbFirst = language === "de" && SUBJECT_SECOND.test(question.trim());
  for (let i = 0; i < words.length; i++) {
    let term = words[i]!;
    const alternatives = new Map<string, Alternative>();
    const expansions = new Set<string>();
    // The umlaut each stem is spelt with by the dictionary forms added (null: some spell it without).
    const umlauts = new Map<string, string | null>();
    // The part of a verb's infinitive its stem was cut from, where the stemmer cut more (see infinitiveStem),
    // or the noun in "-er" (see agentStems): each way a sentence may spell it.
    const cut = new Map<string, readonly string[]>();
    const ownStem = (stem: string) => term.alternatives.some((a) => a.stem === stem);
    const add = (text: string, weight: number, via: Alternative["via"]) => {
      if (text.toLowerCase() !== term.word.toLowerCase()) expansions.add(text);
      const stems = analyze(text);
      // An adjective's umlaut may be its comparative's ("länger" / "lange"), which is the same word.
      const adjective = /[äöü]/iu.test(text) && safe(() => lexicon.germanLemmas(text), tools).some((l) => l.pos === "adj");
      for (const stem of stems) {
        const spelt = adjective ? null : umlautSpelling(text, stem);
        if (spelt === undefined || umlauts.get(stem) === null) continue;
        if (spelt === null || !umlauts.has(stem)) umlauts.set(stem, spelt);
      }
      // A verb the stemmer cuts below what all its forms spell ("verdienen" → "verdi", "wandern" → "wand")
      // meets other words there ("Verdi", "Wand"): a sentence must spell the verb's part ("verdien").
      const kept = infinitiveStem(text, tools);
      const whole = kept === undefined ? "" : fold(kept);
      for (const stem of stems) if (whole.length > stem.length && whole.startsWith(stem)) cut.set(stem, [kept!]);
      // So does a noun in "-er" cut to its root ("Richter" → richt, met in "Gericht", "Unterricht"), and the
      // masculine a feminine meets ("Richterin"): a sentence must spell the noun ("richter"). Not a stem the
      // asked word gave itself: "Vorsitzender" spells "vorsitz" as its synonym "Vorsitzer" does not.
      for (const [stem, noun] of agentStems(text, stems, tools)) if (!cut.has(stem) && (via === "lemma" || !ownStem(stem))) cut.set(stem, noun);
      const verb = via === "pivot" && onlyVerb(text, tools);
      for (const stem of [...stems, ...(via === "lemma" ? unstemmed(text, stems) : [])]) {
        const known = alternatives.get(stem);
        if (!known || known.weight < weight) alternatives.set(stem, { stem, weight, via, ...(verb ? { verb } : {}) });
      }
    };
    for (const a of term.alternatives) alternatives.set(a.stem, a);
    for (const a of term.alternatives) for (const whole of unstemmed(term.word, [a.stem])) if (!alternatives.has(whole)) alternatives.set(whole, { ...a, stem: whole });
    if (language === "de") {
      const heads = /^\p{Lu}/u.test(term.word) ? compoundHeads(term.word, tools) : undefined;
      if (heads !== undefined) term = { ...term, heads };
      // A capitalised word takes no synonyms of an adjective spelt alike (see asNoun).
      // A phrase the dictionary also files a verb under ("fährt" → "rad fahren") is one use of it, not its sense.
      const readings = withoutPhrases(safe(() => lexicon.germanLemmas(term.word), tools));
      const lemmas = term.capitalised === true ? asNoun(readings, term.word) : term.position === 0 && verbFirst ? asVerb(readings) : readings;
      for (const lemma of lemmas) add(lemma.lemma, EXPANSION_WEIGHT.lemma, "lemma");
      // "Spanier", "spanische": news names the country ("die Wahl in Spanien").
      const country = safe(() => [lexicon.demonymPlace(term.word)].filter((p) => p !== undefined), tools)[0];
      if (country && analyze(country.de).some(inCorpus)) add(country.de, EXPANSION_WEIGHT.synonym, "synonym");
      // Its synonyms are the noun's: "Verletzte" (the injured) meets "verletzt" as a form, but "verletzen"'s
      // synonyms (brechen, kränken) are another sense; only a verb made a noun as it is ("das Treffen") keeps its verb's.
      const senses = term.capitalised === true ? nounSenses(lemmas, term.word) : lemmas;
      // A capitalised word that is a country, or that the dictionary does not know as a noun, is a name
      // ("Almaty", "Göttingen", "Verdi") when the sources use it: the passage that answers must mention it,
      // as an English question's names must be found.
      // A country or region is a name even when the sources never mention it: then they are about
      // somewhere else, and the gate declines ("Wie viele Einwohner hat Norwegen?").
      // So is a word no German dictionary knows, in any form or as a compound ("Wittstock"): a town the sources
      // never name is not one they report on.
      // So is a town, mountain or river the dictionary names ("München", "Zugspitze"), though it lists it as a noun.
      const place = holds(() => namesPlace(term.word, "de", lexicon), tools);
      const proper = place || (lemmas.length === 0 && !holds(() => lexicon.isGermanNoun(term.word), tools));
      // (A lexicon that fails knows nothing, and then no word is taken for unknown.)
      let split: ReturnType<typeof readParts> | undefined;
      const partsOfWord = () => (split ??= readParts(term.word, tools));
      const unknown = lemmas.length === 0 && safe(() => [lexicon.isGermanWord(term.word)], tools)[0] === false && partsOfWord().parts.length === 0;
      // An acronym names one party, union or agency ("SPD", "ADAC"), dictionary word or not: the article
      // that answers must name it, not another one of its kind.
      const acronym = /^\p{Lu}{2,6}$/u.test(term.word);
      const exactly = usedExactly(tools);
      // "Leipziger", "Hamburger": a town's name with "-er" names that town, though the dictionary knows the word
      // as a noun (a doughnut, an inhabitant); it is a name when the town is one by the rule above.
      const demonym = /^\p{Lu}\p{L}{3,}er$/u.test(term.word) && isPlainName(term.word.slice(0, -2), tools);
      // So is a word the dictionary lists without forms and not as a noun ("Berlin", "Köln"): a town, named
      // whether or not the sources mention it, as a country is. Not one made of words it knows ("Feuerball",
      // "Waldfriedhof"): that is a compound noun the inflection tables lack, as for an unknown word.
      const town = listedWithoutForms(term.word, tools) && partsOfWord().parts.length === 0;
      // What "wie viele" counts, or "welche" asks a kind of, is a noun by grammar ("Wie viele Gerätewagen …"),
      // though the dictionary lacks the compound: no name, unless it names a place.
      const focused = ((focus !== null && focus.kind !== "people" && namesFocus(term.word, focus)) || term.indefinite === true) && !place;
      if (acronym || demonym || (term.capitalised === true && proper && !focused && (place || unknown || town || term.alternatives.some((a) => exactly(a.stem))))) {
        // A compound of dictionary words after an article ("ins Heimatmuseum", "der Mieterbund") names one
        // thing, and the article that answers must name it; but it is said as a noun is (a town goes without
        // an article), so it is also a word of what is asked, which the quoted sentence may have by its head.
        const asked = term.articled === true && !place && !acronym && heads !== undefined;
        // A name and a noun the asker joined ("Saalebrücke"): the sources name the one and say the other.
        const named = unknown ? namedCompound(term.word, tools) : null;
        if (named !== null) {
          for (const stem of analyze(named.name)) alternatives.set(stem, { stem, weight: 1, via: "word" });
          for (const stem of analyze(named.head)) if (!alternatives.has(stem)) alternatives.set(stem, { stem, weight: EXPANSION_WEIGHT.head, via: "part" });
          out.push({ ...term, name: true, asked: true, alternatives: [...alternatives.values()], expansions: [] });
          continue;
        }
        out.push({ ...term, name: true, ...(asked ? { asked } : {}), alternatives: [...alternatives.values()], expansions: [] });
        continue;
      }
      // A word the sources do not use may be a compound or a feminine form of words they do: its parts
      // stand in for it, below the word itself ("Nachtzüge" → Züge, "weiterverkauft" → verkauft).
      // A role the sources name only in the feminine ("Intendantin") is used too: its parts are no stand-ins.
      const used = [...alternatives.keys()].some((stem) => exactly(stem) || feminines(stem).some(exactly));
      const { parts, modifiers } = used ? { parts: [], modifiers: [] } : partsOfWord();
      if (modifiers.length > 0) term = { ...term, modifiers };
      // A capitalised compound's head is a noun too: "Hafenmauer" ends in Mauer, not in the comparative of "mau".
      const partLemmas = (part: string) => {
        const found = safe(() => lexicon.germanLemmas(part), tools);
        return /^\p{Lu}/u.test(term.word) ? asNoun(found) : found;
      };
      for (const { part } of parts.filter((p) => p.used)) {
        for (const lemma of [part, ...partLemmas(part).map((l) => l.lemma)]) add(lemma, EXPANSION_WEIGHT.head, "part");
      }
      let kept = 0;
      const phrases: { stems: string[]; weight: number }[] = [];
      const splits: { stems: string[]; weight: number }[] = [];
      const addSplit = (compound: string) => {
        const pair = /^\p{Lu}/u.test(compound) ? splitPair(compound, tools) : null;
        if (pair !== null && pair.every(inCorpus) && splits.length < MAX_PHRASES && !splits.some((p) => p.stems.join(" ") === pair.join(" "))) splits.push({ stems: pair, weight: EXPANSION_WEIGHT.synonym });
      };
      addSplit(term.word);
      // A word of an idiom means what the idiom means ("hinter Gitter" is Haft, not Zaun): its own synonyms and pivots are another sense.
      const idiom = idioms.get(term.position);
      // A compound the thesaurus lists takes its own synonyms, not its head's ("Geheimdienst" → Nachrichtendienst,
      // not Dienst → Angebot): the head's name something more general (measured: tune ±0, held out +2).
      const ownSynonyms = () => {
        const whole = lexicon.germanSynonyms(term.word, senses);
        return whole.length > 0 ? whole : parts.filter((p) => !p.loose).flatMap(({ part }) => lexicon.germanSynonyms(part, partLemmas(part)));
      };
      // More synonyms than are kept: the sense the sources use with the question's other words first.
      const listed = byCompany(safe(() => idiom ?? ownSynonyms(), tools), i, company, tools);
      for (const synonym of listed) {
        if (kept >= MAX_SYNONYMS) break;
        // A synonym of two content words stands in only where both stand ("Anzeige erstatten").
        const pair = phrasePair(synonym.word, tools);
        if (pair !== null) {
          if (phrases.length < MAX_PHRASES && !phrases.some((p) => p.stems.join(" ") === pair.join(" "))) phrases.push({ stems: pair, weight: EXPANSION_WEIGHT.synonym });
          continue;
        }
        // A multi-word synonym counts by its one content word ("ums Leben kommen" → Leben); a longer
        // paraphrase is not a word to find, and its parts would match anything.
        const word = headWord(synonym.word, analyze);
        // A letter or two ("Y" in "Y-Chromosom" for "Leute") is no word to look for.
        if (word === null || word.length < MIN_MODIFIER) continue;
        if (word === synonym.word.trim()) addSplit(word);
        if (!analyze(word).some(inCorpus)) {
          // A synonym that differs only in its head ("Bahnkunde" / "Bahnfahrgast") names the same thing
          // by that head where the sources leave out the shared modifier ("Fahrgäste").
          const head = sharedModifierHead(lemmas[0]?.lemma ?? term.word, word, tools);
          if (head !== null) add(head, EXPANSION_WEIGHT.head, "part");
          continue;
        }
        add(word, EXPANSION_WEIGHT.synonym, "synonym");
        kept++;
      }
      // Then pivots through English ("Arzt" → Doktor), of the word and of its compound heads, the
      // ones the sources use; a stem a synonym already brought keeps the synonym's higher weight.
      let pivots = 0;
      for (const pivot of safe(() => (idiom ? [] : [...lexicon.germanPivots(term.word, senses), ...parts.filter((p) => !p.loose).flatMap(({ part }) => lexicon.germanPivots(part, partLemmas(part)))]), tools)) {
        if (pivots >= MAX_PIVOTS) break;
        // One content word, as for synonyms: "Y-Chromosom" is no stand-in for "Leute".
        const word = headWord(pivot.word, analyze);
        if (word === null) continue;
        const stems = analyze(word);
        if (word.length < MIN_MODIFIER || !stems.some(inCorpus) || stems.every((stem) => alternatives.has(stem))) continue;
        add(word, EXPANSION_WEIGHT.pivot, "pivot");
        pivots++;
      }
      // A German question over English sources: the sources' English words that the dictionary
      // translates into the word or its lemma ("Brücke" → bridge), weighted as translations are.
      const english = tools.english;
      if (english) {
        const found = [...alternatives.values()].filter((a) => a.weight >= 1).flatMap((a) => safe(() => english.of(a.stem), tools));
        for (const { word, stem, rank } of found.sort((a, b) => a.rank - b.rank).slice(0, MAX_TRANSLATIONS)) {
          const weight = translationWeight(rank);
          const known = alternatives.get(stem);
          if (!known || known.weight < weight) alternatives.set(stem, { stem, weight, via: "translation" });
          expansions.add(word);
        }
      }
      if (phrases.length + splits.length > 0) term = { ...term, phrases: [...phrases, ...splits] };
    } else {
      // English sources are analysed as German text is, so "injury" does not meet "injuries", nor "close"
      // "closed": the forms of the word and of its base forms that the sources use stand in as a lemma does,
      // and a content word's WordNet synonyms' forms as synonyms ("hurt" → injury → "head injuries").
      const english = term.name ? undefined : tools.english;
      if (english !== undefined) {
        const use = (form: string, weight: number, via: Alternative["via"]) => {
          for (const stem of analyze(form)) {
            if (alternatives.has(stem) || !holds(() => english.uses(stem), tools)) continue;
            alternatives.set(stem, { stem, weight, via });
            if (via === "synonym") expansions.add(form);
          }
        };
        const bases = [term.word.toLowerCase(), ...safe(() => lexicon.englishLemmas(term.word), tools)];
        for (const form of new Set(bases.flatMap(englishInflections))) use(form, EXPANSION_WEIGHT.lemma, "lemma");
        if (!isLightWord(term.word)) {
          for (const synonym of safe(() => lexicon.englishSynonyms(term.word), tools).slice(0, WORDNET_SYNONYMS)) {
            if (!synonym.word.includes(" ")) for (const form of englishInflections(synonym.word)) use(form, EXPANSION_WEIGHT.synonym, "synonym");
          }
        }
      }
      // An English phrase of two words that the dictionary knows ("train driver") is one term.
      const next = words[i + 1];
      const adjacent = next !== undefined && next.position === term.position + 1;
      // A hyphenated word ("non-stop", "long-term") is one entry of the dictionary, written with its hyphen.
      // One the dictionary lacks is the phrase it is made of: English makes nouns of phrasal verbs
      // ("sign-ups" → sign up → anmelden, "check-ins").
      const hyphenated = adjacent && question.toLowerCase().includes(`${term.word}-${next.word}`.toLowerCase());
      const asWritten = hyphenated ? translations(`${term.word}-${next.word}`, tools) : [];
      const following = asWritten.length > 0 ? asWritten : adjacent ? translations(`${term.word} ${next.word}`, tools) : [];
      // A phrase whose first word the question said before ("kinds of food … the food bank" → Tafel): a
      // word is a term at its first place only, so the phrase is read from the word written before this one.
      const before = tokens[term.position - 1]?.toLowerCase();
      const repeated =
        following.length === 0 && before !== undefined && !words.some((w) => w.position === term.position - 1) && words.some((w, j) => j < i && w.word.toLowerCase() === before)
          ? translations(`${before} ${term.word}`, tools)
          : [];
      const phrase = following.length > 0 ? following : repeated;
      // A phrasal verb's particle is no word of its own ("carry out" → durchführen, "hand in" → einreichen):
      // the verb is looked up with it.
      const particle = tokens[term.position + 1]?.toLowerCase();
      const phrasal = phrase.length === 0 && particle !== undefined && PARTICLE_EN.test(particle) ? translations(`${term.word} ${particle}`, tools) : [];
      // A name the sources write as the question does ("Deutsche Bahn", "Esa") is theirs: its dictionary
      // senses ("Deutsche Mark") are other things.
      const theirs = term.name === true && term.alternatives.some((a) => usedExactly(tools)(a.stem));
      // A verb before a preposition ("look for") or a word after one ("in total" → insgesamt, "at night" →
      // nachts) may make a phrase: its senses come first, and the word keeps its own.
      const open = phrase.length === 0 && phrasal.length === 0;
      const prepositional = open && particle !== undefined && PREPOSITION_EN.test(particle) ? translations(`${term.word} ${particle}`, tools) : [];
      const idiom = open && before !== undefined && IDIOM_PREPOSITION_EN.test(before) ? translations(`${before} ${term.word}`, tools) : [];
      const translated =
        phrase.length > 0 ? phrase : phrasal.length > 0 ? phrasal : theirs ? [] : [...idiom, ...prepositional, ...chooseSenses(candidates[i] ?? [], contextOf(i), tools)];
      if (following.length > 0) i++;
      // The English word itself still finds names and cognates ("Chega", "Esa"); when the dictionary
      // translates it, the German words carry it and the English stem only helps.
      // A word of the sources' English articles is itself what they say, and keeps its weight there.
      if (translated.length > 0 && !term.name) {
        for (const a of term.alternatives) {
          if (!holds(() => tools.english?.uses(a.stem) === true, tools)) alternatives.set(a.stem, { ...a, weight: Math.min(a.weight, EXPANSION_WEIGHT.translationLeast) });
        }
      }
      // An abbreviation of a common noun ("GP", "CEO") that the sources never write as it is, but whose
      // translation they use, is that noun, not a name their article must spell.
      const abbreviation = term.name === true && !theirs && /^\p{Lu}{2,4}$/u.test(term.word);
      if (abbreviation && translated.some(({ german }) => !/^\p{Lu}{2,}/u.test(german) && analyze(german).some(usedExactly(tools)))) term = { ...term, name: false };
      translated.forEach(({ german, rank }) => {
        const weight = translationWeight(rank);
        for (const part of german.split(/\s+/)) {
          if (analyze(part).length === 0) continue;
          add(part, weight, "translation");
          // A light verb's participle ("said" → gesagt) meets its other forms ("sagte") through its lemma.
          if (isLightWord(term.word)) for (const lemma of safe(() => lexicon.germanLemmas(part), tools)) if (lemma.pos === "verb") add(lemma.lemma, weight, "translation");
        }
      });
      if (phrase.length > 0) {
        const word = following.length > 0 ? `${term.word} ${next!.word}` : `${before} ${term.word}`;
        out.push({ ...term, word, alternatives: [...alternatives.values()], expansions: [...expansions], noun: false });
        continue;
      }
    }
    const spelt = [
      ...[...umlauts].flatMap(([stem, spelling]) => (spelling === null || cut.has(stem) ? [] : [{ stem, spelt: spelling }])),
      ...[...cut].flatMap(([stem, spellings]) => spellings.map((spelt) => ({ stem, spelt }))),
    ];
    out.push({ ...term, alternatives: [...alternatives.values()], expansions: [...expansions], ...(spelt.length > 0 ? { umlauts: spelt } : {}) });
  }
  return out;
}

/** What may stand between a joined compound's parts: nothing ("Raum-sonde"), a linking element ("Verhandlung-s-tage"), or an "e" ("Hund-e-hütte"). */
const LINKERS = ["", ...LINKING_ELEMENTS, "e"];
/** German nouns of a term tried as a compound's part: the word and its first expansions. */
const JOIN_WORDS = 3;
/** Terms whose pairs are tried: more than a question has (a message of 4,000 characters has some 200). */
const JOIN_TERMS = 16;

/** A lower-case word that is a verb's infinitive as the dictionary lists it ("waschen", "gießen"). */
function isInfinitive(word: string, tools: UnderstandTools): boolean {
  return /^\p{Ll}+en$/u.test(word) && listedAsVerb(word, tools);
}

/** A lower-case word the dictionary lists as a verb's dictionary form, as written. */
function listedAsVerb(word: string, tools: UnderstandTools): boolean {
  return safe(() => tools.lexicon.germanLemmas(word), tools).some((l) => l.pos === "verb" && l.lemma === word);
}

/**
 * The compounds the sources make of two of the question's words: "trial" (Verhandlung) and "days" (Tage)
 * are the "Verhandlungstage" a trial took, "Sonde" and "All" (Raum) the "Raumsonde". Each part's term
 * meets the compound at a synonym's weight. Tried: each German noun of a term (the word, its first
 * expansions, an English word's first senses; an English word as written too, a loan, and right before
 * its noun an English adjective's first senses) before each of another term's or its infinitive ("Auto
 * waschen" → "Autowaschen"), with each linking element,
 * and kept when the sources have the compound's stem as it is ("Kremlin spokesman" → "Kremlsprecher"); a
 * compound the question says itself ("Stadtrat") joins nothing.
 */
function joined(terms: readonly QueryTerm[], language: Language, tools: UnderstandTools): QueryTerm[] {
  const exactly = usedExactly(tools);
  // An English word's first senses count even where the sources have them only inside compounds, which
  // is why the corpus filter dropped them: "Kremlin" is the "Kreml" of "Kremlsprecher". Looked up once per term.
  const senses = terms.map((t) =>
    language !== "en"
      ? []
      : safe(() => tools.lexicon.englishToGerman(t.word), tools)
          .slice(0, JOIN_WORDS)
          .flatMap(({ german }) => {
            const words = contentOf(german, tools.analyze);
            return words.length === 1 ? words : [];
          }),
  );
  // The words of each term tried as a compound's part: the word, its first expansions and senses.
  const parts = terms.map((t, k) => (t.context === true ? [] : [...new Set([...(language === "de" ? [t.word] : []), ...(t.expansions ?? []).slice(0, JOIN_WORDS), ...senses[k]!])]));
  const nouns = parts.map((words) => words.filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w)));
  // A compound stems as its head does, after its modifier as written (folded): no stemming per try. An
  // English word is a modifier as it is written too, a loan German glues to a noun ("mini forest" → Miniwald).
  const loan = (t: QueryTerm) => (language === "en" && t.context !== true && t.name !== true && /^\p{Ll}{3,}$/u.test(t.word) ? [t.word] : []);
  const modifiers = nouns.map((words, k) => [...new Set([...words, ...loan(terms[k]!)].map(fold))]);
  // Right before the noun it qualifies, an English adjective's translation is a modifier too ("old town" →
  // Altstadt), of a noun head only: with a verb's ("newly elected" → wählen) it makes another word (Neuwahl).
  const adjectives = terms.map((t, k) => {
    const next = terms[k + 1];
    return language === "en" && next !== undefined && next.position === t.position + 1 && t.name !== true ? senses[k]!.filter((w) => /^\p{Ll}{3,}$/u.test(w)).map(fold) : [];
  });
  // A verb's infinitive is a head too: German makes nouns of a noun and a verb ("Auto waschen" → das
  // Autowaschen), and of the verb a question's verb means ("Wann geht der Bau los?" → der Baubeginn, whose
  // head is the stem of "beginnen").
  const infinitives = parts.map((words) => words.filter((w) => isInfinitive(w, tools)));
  const stemsOf = (words: readonly string[]) => words.map((w) => tools.analyze(w)).filter((stems) => stems.length === 1).map((stems) => stems[0]!);
  const nounHeads = nouns.map(stemsOf);
  const heads = nounHeads.map((stems, k) => [...stems, ...stemsOf(infinitives[k]!)]);
  const asked = new Set(terms.flatMap((t) => t.alternatives.map((a) => a.stem)));
  const found = terms.map(() => new Set<string>());
  // Pairs grow with the square of the terms: a pasted text's first words are enough.
  const tried = Math.min(terms.length, JOIN_TERMS);
  for (let i = 0; i < tried; i++) {
    for (let j = 0; j < tried; j++) {
      if (i === j) continue;
      const pairs = [...modifiers[i]!.map((m) => [m, heads[j]!] as const), ...(j === i + 1 ? adjectives[i]!.map((m) => [m, nounHeads[j]!] as const) : [])];
      for (const [modifier, ofHeads] of pairs) {
        for (const head of ofHeads) {
          for (const linker of LINKERS) {
            const stem = `${modifier}${linker}${head}`;
            if (asked.has(stem) || !exactly(stem)) continue;
            found[i]!.add(stem);
            found[j]!.add(stem);
          }
        }
      }
    }
  }
  return terms.map((t, k) => {
    const extra = [...found[k]!].filter((stem) => !t.alternatives.some((a) => a.stem === stem));
    if (extra.length === 0) return t;
    return { ...t, alternatives: [...t.alternatives, ...extra.map((stem) => ({ stem, weight: EXPANSION_WEIGHT.synonym, via: "part" as const }))] };
  });
}

/**
 * A noun's readings among a word's: German capitalises nouns, so a capitalised word the dictionary reads as a
 * noun is that noun (or a verb made a noun), not an adjective's form spelt alike ("Herbst", not the
 * superlative of "herb"), nor a verb's finite form spelt alike ("Werft" / werfen, "Wand" / winden);
 * a word without a noun reading keeps all of its readings. Without `word`, a verb reading is kept
 * whatever the form.
 */
function asNoun(readings: readonly Lemma[], word?: string): readonly Lemma[] {
  if (!readings.some((l) => l.pos === "noun")) return readings;
  return readings.filter((l) => l.pos !== "adj" && (word === undefined || l.pos !== "verb" || verbMadeNoun(word, l.lemma)));
}

/**
 * Whether a capitalised word is a verb made a noun: its infinitive ("Essen"), its stem ("Kauf", "Ruf")
 * or a participle with or without an adjective's ending ("Angeklagte", "Gefangenen", "Reisende"). A
 * participle is told by its form, general German grammar: "ge-" at the start or after a particle, an
 * inseparable prefix, "-iert", or the present's "-end".
 */
function verbMadeNoun(word: string, verb: string): boolean {
  const w = word.toLowerCase();
  const stem = verb.replace(/e?n$/, "");
  if (w === verb || w === stem || w === `${stem}e`) return true;
  return isParticiple(w) || isParticiple(w.replace(/(e|en|er|es|em)$/, ""));
}

/** A lower-case form that is a participle by its shape (see {@link verbMadeNoun}). */
function isParticiple(form: string): boolean {
  if (/end$/.test(form)) return true;
  if (!/(t|en)$/.test(form)) return false;
  // "beilagen" begins with the particle "bei", not with the prefix "be".
  const prefixed = PARTICIPLE_START.test(form) && !PARTICLES_LONGEST_FIRST.some((p) => form.startsWith(p));
  return prefixed || PARTICLES_LONGEST_FIRST.some((p) => form.startsWith(`${p}ge`)) || /iert$/.test(form);
}

/** How a past participle begins without a particle: "ge-" or an inseparable prefix ("angeklagt" has "an" and "ge"). */
const PARTICIPLE_START = new RegExp(`^(?:ge|${INSEPARABLE.join("|")})`);

/**
 * The readings of a capitalised word whose synonyms it takes: its noun's, and a verb's only when the word is
 * that verb made a noun ("Treffen"), not when it is another of its forms ("Verletzte" / verletzen).
 */
function nounSenses(readings: readonly Lemma[], word: string): readonly Lemma[] {
  if (!readings.some((l) => l.pos === "noun")) return readings;
  return readings.filter((l) => l.pos === "noun" || l.lemma.toLowerCase() === word.toLowerCase());
}

/** A word the dictionary lists but not as a noun and without forms, which the sources use as written: a town ("Köln", "Bochum"). */
function isPlainName(word: string, tools: UnderstandTools): boolean {
  return listedWithoutForms(word, tools) && usedAsWritten(word, tools);
}

/** A word the dictionary lists, but not as a noun and without forms: a town's name ("Berlin", "Köln"). */
function listedWithoutForms(word: string, tools: UnderstandTools): boolean {
  const { lexicon } = tools;
  return holds(() => lexicon.isGermanWord(word) && !lexicon.isGermanNoun(word) && lexicon.germanLemmas(word).length === 0 && !thesaurusNoun(word, tools), tools);
}

/**
 * A noun the inflection dictionary happens to lack but the thesaurus files with a noun it knows
 * ("Abgabetermin" / Fristende), and not under a kind of place or organisation, as it files "Köln" under
 * Stadt beside the nickname "Domstadt", and a firm's name under Großunternehmen beside its nickname.
 */
function thesaurusNoun(word: string, tools: UnderstandTools): boolean {
  const { lexicon } = tools;
  const nouns = lexicon.germanSynonyms(word).filter((s) => /^\p{Lu}\p{Ll}/u.test(s.word) && !s.word.includes(" ") && lexicon.isGermanNoun(s.word));
  return nouns.length > 0 && !filedUnderPlaceOrOrganization(word, lexicon);
}

/** Whether the thesaurus files a word under a kind of place or organisation ("Köln" under Stadt, "Volkswagen" under Konzern). */
function filedUnderPlaceOrOrganization(word: string, lexicon: Lexicon): boolean {
  return lexicon.germanBroader(word).some((b) => isPlaceKind(b.word) || isOrganizationKind(b.word));
}

/**
 * A question's own words as terms with their expansions: a separable verb read whole ("geht … los"), an
 * English question's opening name kept. The same for a question asked alone and for the one a follow-up
 * carries, so both read it alike.
 */
function ownTerms(asked: string, language: Language, tools: UnderstandTools, focus: QuestionFocus | null = null, around: readonly string[] = []): QueryTerm[] {
  const words = withParticleVerbs(withOpeningName(contentWords(asked, language, tools.analyze), asked, language, tools), asked, language, tools);
  return expandTerms(words, language, tools, asked, focus, around);
}

/**
 * A German separable verb whose particle ends its clause ("Wann fing der Streik an?", "Wann reisen die
 * Gäste ab, die …?") is read as the whole verb ("anfing" → anfangen → beginnen): the verb is a
 * lower-case word of that clause that the lexicon knows with the particle in front. Its own form stays
 * among its stems. German closes a clause with its verb's particle; a comma, semicolon or colon ends one.
 */
function withParticleVerbs(words: readonly QueryTerm[], question: string, language: Language, tools: UnderstandTools): QueryTerm[] {
  if (language !== "de") return [...words];
  let out = [...words];
  const clauses = question.split(/[,;:]/);
  clauses.forEach((clause, k) => {
    const clauseWords = (clause.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
    const particle = clauseWords.at(-1);
    if (particle === undefined || !CLAUSE_FINAL_PARTICLES.has(particle)) return;
    // The question's last particle may close a clause a relative clause interrupted ("Wann fing der Streik,
    // den alle fürchten, an?"): its verb is any of the question's.
    const inClause = k === clauses.length - 1 ? undefined : new Set(clauseWords.slice(0, -1));
    let found = false;
    out = out.map((term) => {
      if (found || (inClause !== undefined && !inClause.has(term.word.toLowerCase()))) return term;
      const verb = separableVerb(term.word, particle, tools);
      if (verb === null) return term;
      found = true;
      const stems = tools.analyze(verb).map((stem) => ({ stem, weight: 1, via: "word" as const }));
      return { ...term, word: verb, alternatives: [...term.alternatives, ...stems] };
    });
    // The particle belongs to its verb now; alone it is no word of the question ("los" is not "Los").
    if (found) out = out.filter((term) => term.word.toLowerCase() !== particle);
  });
  return out;
}

/**
 * "Wer führt …", "who heads …": a leader is named by a role noun ("Vereinschef Tom Berg", "ADAC-Chef"),
 * so the leading word also finds those nouns, at a synonym's weight and in compounds.
 */
function withLeaderNouns(terms: readonly QueryTerm[], expected: AnswerType | null, tools: UnderstandTools): QueryTerm[] {
  return terms.map((term) => {
    if (!asksForLeader(term.word, expected)) return term;
    const leaders = [...new Set(LEADER_NOUNS.flatMap((noun) => tools.analyze(noun)).filter(tools.inCorpus))];
    return { ...withStandIns(term, leaders), leaders };
  });
}

/** Weight of a measure's noun: it helps find the sentence with the measure, but is not what is asked. */
const MEASURE_NOUN_WEIGHT = 0.5;

/**
 * "Wie groß …", "how high …": the nouns the sources give such a measure with ("Durchmesser", "Höhe"),
 * as one light term, so the sentence with the measure ranks above one with some other number.
 */
function measureTerm(question: string, tools: UnderstandTools): QueryTerm[] {
  const nouns = measureNouns(question);
  const stems = [...new Set(nouns.flatMap((noun) => tools.analyze(noun)))].filter((stem) => tools.inCorpus(stem));
  if (stems.length === 0) return [];
  return [{ word: nouns[0]!, position: -1, alternatives: stems.map((stem) => ({ stem, weight: 1, via: "synonym" as const })), weight: MEASURE_NOUN_WEIGHT, measure: true }];
}

/**
 * "Wogegen klagen die Anwohner?" asks for what stands after "gegen", and "Wer war dagegen?" for who
 * was against it: the answer says the preposition ("eine Klage gegen den Neubau", "stimmte gegen das
 * Konzept"), where the index keeps it (most prepositions are stop words). As it is, not expanded.
 */
function prepositionTerm(question: string, tools: UnderstandTools): QueryTerm[] {
  const word = /(?<![\p{L}])(?:wo|da)r?(gegen|für|mit|durch|über|auf|an|von|zu|um|bei|nach|aus|in|vor)(?![\p{L}])/iu.exec(question)?.[1]?.toLowerCase();
  const stems = word === undefined ? [] : tools.analyze(word);
  if (word === undefined || stems.length === 0) return [];
  return [{ word, position: -1, alternatives: stems.map((stem) => ({ stem, weight: 1, via: "word" as const })), weight: 1 }];
}

/** True when a noun is a plural: English by its "-s", German by differing from its dictionary form ("Brücken"). */
function isPlural(word: string, language: Language, tools: UnderstandTools): boolean {
  if (language === "en") return /[^s]s$/i.test(word);
  const lemmas = safe(() => tools.lexicon.germanLemmas(word), tools).filter((l) => l.pos === "noun");
  return lemmas.length > 0 && lemmas.every((l) => l.lemma.toLowerCase() !== word.toLowerCase());
}

/** The shortest modifier and head a compound split is tried with; shorter ones split words that are no compounds. */
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;

/**
 * What the dictionary can read of a German word it may not know: the masculine of a feminine role
 * ("Vereinschefin" → Vereinschef), and the heads of a compound whose parts it knows and whose heads the
 * sources use ("Nachtzüge" → Züge, "weiterverkauft" → verkauft), longest first. Empty for a simple word.
 * Generic German morphology over the lexicon; no list of words.
 */
export function partsOf(word: string, tools: PartTools): string[] {
  return readParts(word, tools).parts.flatMap((p) => (p.used ? [p.part] : []));
}

type PartTools = Pick<UnderstandTools, "lexicon" | "onLexiconError" | "analyze" | "beginsInCorpus" | "inCorpus">;

/**
 * Every part {@link partsOf} considers, with whether the sources use it: a head they do not use may still
 * have synonyms they do ("Gästequartiere" → Quartier → Unterkunft, in "Gästeunterkünfte"). And the stems
 * of the modifiers the sources begin words with, which say what the compound is about (QueryTerm.modifiers).
 */
function readParts(word: string, tools: PartTools): { parts: { part: string; used: boolean; loose?: boolean }[]; modifiers: string[] } {
  const knows = (w: string) => holds(() => tools.lexicon.isGermanWord(w), tools);
  // A head is used when the sources have it or its dictionary form ("entschädigt" → entschädigen → Entschädigungen).
  const forms = (w: string) => [w, ...safe(() => tools.lexicon.germanLemmas(w), tools as UnderstandTools).map((l) => l.lemma)];
  const used = (w: string) => forms(w).some((form) => tools.analyze(form).some(tools.inCorpus));
  const parts: { part: string; used: boolean; loose?: boolean }[] = [];
  const modifiers = new Set<string>();
  const push = (part: string) => {
    if (!parts.some((p) => p.part === part)) parts.push({ part, used: used(part) });
  };
  const feminine = masculineOf(word);
  if (feminine && knows(feminine)) parts.push({ part: feminine, used: true });
  // A known word is split as written; only an unknown one's masculine form is split too ("Vereinschefin").
  for (const candidate of knows(word) ? [word] : [word, ...parts.map((p) => p.part)]) {
    for (const { kind, head } of dictionaryCuts(candidate, knows)) {
      // The modifier says which kind of the head is meant: a "Kommunalwahl" is not any election, so the
      // head stands in only when the sources use the modifier too, alone or in a compound of their own.
      // (A particle that is a stop word, such as "mit" in "mitgearbeitet", names no kind and is no stem to
      // look for; a modifier of three letters, such as "Not", is too short to look for as a beginning.)
      const stems = tools.analyze(kind).filter((stem) => stem.length >= MIN_HEAD);
      if (tools.beginsInCorpus && stems.length > 0 && !stems.some(tools.beginsInCorpus)) {
        // A modifier the sources write with a synonym ("Fahrrad" for "Rad") lets the head stand in
        // as they use it, not through its own synonyms: the kind is only likely, not written.
        if (synonymUsed(kind, tools) && used(head) && !parts.some((p) => p.part === head)) parts.push({ part: head, used: true, loose: true });
        break;
      }
      push(head);
      for (const stem of stems) modifiers.add(stem);
    }
  }
  return { parts, modifiers: [...modifiers] };
}

/**
 * A compound of a name and a noun the question coins ("Saalebrücke" for the bridge over the Saale): the
 * name the sources use as it is, and the noun's head. Null when the word is no such compound.
 */
function namedCompound(word: string, tools: UnderstandTools): { name: string; head: string } | null {
  const knows = (w: string) => holds(() => tools.lexicon.isGermanWord(w), tools);
  const exactly = usedExactly(tools);
  for (let at = MIN_MODIFIER; at <= word.length - MIN_HEAD; at++) {
    const name = word.slice(0, at).replace(/-$/, "");
    const rest = word.slice(at).replace(/^-/, "");
    const head = rest.charAt(0).toUpperCase() + rest.slice(1);
    if (knows(name) || !holds(() => tools.lexicon.isGermanNoun(head), tools)) continue;
    if (tools.analyze(name).some(exactly) && tools.analyze(head).some(tools.inCorpus)) return { name, head };
  }
  return null;
}

/**
 * The stems of every head the dictionary reads in a compound (see {@link dictionaryCuts}), "Waldbrand" →
 * brand, or undefined when it reads no cut. Whether the sources use them does not matter: this says where
 * the word may be cut, so that its tail "rand" is not taken for its head. A head whose stem is also a word
 * that is no noun stands for nothing: "Meister" stems to "meist", which the sources write as the adverb
 * ("meist im Stundentakt"), so "Bürgermeister" has no head to be met by.
 */
function compoundHeads(word: string, tools: PartTools): string[] | undefined {
  const knows = (w: string) => holds(() => tools.lexicon.isGermanWord(w), tools);
  const cuts = [...dictionaryCuts(word, knows)];
  if (cuts.length === 0) return undefined;
  const otherWord = (head: string, stem: string) => stem !== head.toLowerCase() && knows(stem) && !holds(() => tools.lexicon.isGermanNoun(stem), tools);
  return [...new Set(cuts.flatMap(({ head }) => tools.analyze(head).filter((stem) => !otherWord(head, stem))))];
}

/**
 * The places a word may be cut as a compound, shortest modifier first: a known word (capitalised when the
 * word is) after a known modifier, with or without its linking letters ("Arbeits" → Arbeit). `kind` is
 * the modifier as the dictionary knows it.
 */
export function* dictionaryCuts(word: string, knows: (w: string) => boolean): Generator<{ kind: string; head: string }> {
  for (let at = MIN_MODIFIER; at <= word.length - MIN_HEAD; at++) {
    const modifier = word.slice(0, at);
    const rest = word.slice(at);
    const head = casedAs(word, rest);
    if (!knows(head)) continue;
    const kind = modifierKind(modifier, knows);
    if (kind !== undefined) yield { kind, head };
  }
}

/**
 * The word a compound's modifier is of, as the dictionary knows it: itself, without its linking letters
 * ("Arbeits" → Arbeit), or with the final "e" a modifier drops ("Fährunglück", "Schulbus",
 * "Grenzkontrolle"); undefined when none is known.
 */
function modifierKind(modifier: string, knows: (w: string) => boolean): string | undefined {
  const bare = withoutLinking(modifier);
  return knows(modifier) ? modifier : bare !== undefined && knows(bare) ? bare : knows(`${modifier}e`) ? `${modifier}e` : undefined;
}

/**
 * The compounds {@link dictionaryCuts} reads in a word with one letter put in, at most two of them (enough to
 * tell one from several). Why not every such spelling cut in turn: a word of 15 letters has some 500, and
 * cutting each looks up hundreds of parts (35–50 ms a word, measured). A letter put in lands in the
 * modifier or in the head, so the other one is part of the word as typed: only the word's own known
 * beginnings and ends are tried with the letter in the rest, and that part by `listed`, a cheaper test
 * than `knows` (one look-up of the form as written). Pure given the two tests.
 */
export function compoundsWithLetter(word: string, knows: (w: string) => boolean, listed: (w: string) => boolean = knows): string[] {
  const lower = word.toLowerCase();
  // A capitalised word's head is capitalised too, as dictionaryCuts reads it.
  const cased = (w: string) => casedAs(word, w);
  // A modifier as dictionaryCuts reads one.
  const modifier = (m: string, test: (w: string) => boolean) => modifierKind(m, test) !== undefined;
  const found = new Set<string>();
  const add = (candidate: string) => {
    if (!dictionaryCuts(candidate, knows).next().done) found.add(candidate);
  };
  for (let at = MIN_MODIFIER; at <= lower.length + 1 - MIN_HEAD && found.size < 2; at++) {
    const typed = cased(lower).slice(0, at);
    const rest = lower.slice(at);
    // The modifier as typed, the letter in the head.
    if (modifier(typed, knows)) {
      for (let i = 0; i <= rest.length && found.size < 2; i++) {
        for (const c of LETTERS) if (listed(cased(rest.slice(0, i) + c + rest.slice(i)))) add(cased(lower.slice(0, at) + rest.slice(0, i) + c + rest.slice(i)));
      }
    }
    // The head as typed (the word's end from `at − 1`), the letter in the modifier.
    const end = lower.slice(at - 1);
    if (end.length >= MIN_HEAD && knows(cased(end))) {
      const start = lower.slice(0, at - 1);
      for (let i = 0; i <= start.length && found.size < 2; i++) {
        for (const c of LETTERS) if (modifier(cased(start.slice(0, i) + c + start.slice(i)), listed)) add(cased(start.slice(0, i) + c + start.slice(i) + end));
      }
    }
  }
  return [...found];
}

/** Synonyms of a compound's modifier looked at: the first few are its common senses. */
const MODIFIER_SYNONYMS = 6;

/**
 * True when the sources use a synonym of a modifier in its stead: a "Radweg" is their kind of "Weg"
 * when they write "Fahrrad" for "Rad".
 */
function synonymUsed(modifier: string, tools: PartTools): boolean {
  const synonyms = safe(() => tools.lexicon.germanSynonyms(modifier), tools as UnderstandTools).slice(0, MODIFIER_SYNONYMS);
  return synonyms.some((s) => !s.word.includes(" ") && tools.analyze(s.word).some((stem) => stem.length >= MIN_HEAD && tools.inCorpus(stem)));
}

/** The words of a phrase that carry content: not function words, not light verbs ("lassen", "machen"). */
function contentOf(phrase: string, analyze: Analyzer): string[] {
  return phrase.split(/\s+/).filter((w) => analyze(w).length > 0 && !isLightWord(w) && !/[.]$/.test(w));
}

/**
 * A negation or privative word: a synonym that says its content word with one ("ohne Geld" for "pleite",
 * "nicht erlauben" for "untersagen") means the opposite of that word. Grammar, not vocabulary.
 */
const NEGATED = /(?<![\p{L}])(ohne|kein\p{L}*|nicht|nie|niemals|without|not|no|never)(?![\p{L}])/iu;

/** Two-word synonyms kept per word. */
const MAX_PHRASES = 3;

/**
 * The stems of a synonym of exactly two content words that the sources both use, each word by one stem
 * (its dictionary form's, so that "erstatteten" meets "erstatten"); null otherwise.
 */
function phrasePair(phrase: string, tools: UnderstandTools): string[] | null {
  if (NEGATED.test(phrase)) return null;
  const words = contentOf(phrase, tools.analyze);
  if (words.length !== 2) return null;
  const stems = words.map((w) => tools.analyze(w));
  // A verb's forms in the sources stem otherwise ("erstatteten"); its dictionary form is met through their lemmas.
  if (stems.some((s, k) => s.length !== 1 || s[0]!.length < MIN_MODIFIER || (/^\p{Lu}/u.test(words[k]!) && !tools.inCorpus(s[0]!)))) return null;
  return stems.map((s) => s[0]!);
}

/**
 * A compound said as its two words: "Arbeitsniederlegung" is "die Arbeit niederlegen", "Stellenabbau"
 * "Stellen abbauen", "Kreismuseum" "das Museum des Kreises". The stems of the modifier's dictionary form
 * and of the head (a noun made of a verb stems as the verb does), which a sentence must both have; null
 * when the dictionary reads no parts in the word.
 */
function splitPair(compound: string, tools: UnderstandTools): string[] | null {
  const knows = (w: string) => holds(() => tools.lexicon.isGermanWord(w), tools);
  for (const { kind, head } of dictionaryCuts(compound, knows)) {
    const [modifier, tail] = [tools.analyze(kind), tools.analyze(head)];
    // A head that stems to a letter or three ("Arbeitgeber" → geb) would meet any form of a common verb.
    if (modifier.length === 1 && tail.length === 1 && modifier[0]!.length >= MIN_MODIFIER && tail[0]!.length >= MIN_HEAD) return [modifier[0]!, tail[0]!];
  }
  return null;
}

/** A synonym's one content word, or null when it has none or several. */
function headWord(phrase: string, analyze: Analyzer): string | null {
  if (NEGATED.test(phrase)) return null;
  const words = contentOf(phrase, analyze);
  // A phrase whose noun is a light one ("ungewöhnlicher Mensch" for "Vogel") keeps only its adjective, which
  // is no stand-in for the word: it names no thing.
  if (words.length === 1 && /^\p{Ll}/u.test(words[0]!) && phrase.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && isLightWord(w))) return null;
  // A hyphened pair ("Y-Chromosom") is two words too: each alone would match what the pair does not mean.
  return words.length === 1 && analyze(words[0]!).length === 1 ? words[0]! : null;
}

/**
 * The head of `synonym` when it shares its modifier with `word` ("Bahnkunde", "Bahnfahrgast" → Fahrgast)
 * and the sources use that head; null otherwise. A different modifier would be another thing
 * ("Stadtchef" / "Gemeindedirektor": a Direktor is no Chef of anything).
 */
function sharedModifierHead(word: string, synonym: string, tools: UnderstandTools): string | null {
  const a = word.toLowerCase();
  const b = synonym.toLowerCase();
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  if (shared < MIN_MODIFIER || a.length - shared < MIN_HEAD - 1) return null;
  const rest = b.slice(shared);
  // The joint may carry a linking element ("Landesparlament" → Parlament).
  for (const head of [rest, rest.replace(/^(es|s|en|n)/u, "")]) {
    if (head.length < MIN_HEAD) continue;
    const noun = head[0]!.toUpperCase() + head.slice(1);
    if (holds(() => tools.lexicon.isGermanNoun(noun), tools) && tools.analyze(noun).some(tools.inCorpus)) return noun;
  }
  return null;
}

/**
 * The senses to look for: the dictionary's first ones, and a later one only when the sources use it in a
 * sentence together with another word of the question. Deep in the list are a word's rarer senses
 * ("head" → köpfen), which the sources may use in another sense altogether; "admission" → Eintritt
 * is kept because a sentence has it with "kostet" for the question's "cost".
 */
function chooseSenses(candidates: readonly Sense[], context: readonly string[], tools: UnderstandTools): Sense[] {
  const later = candidates.filter((c) => c.rank >= FIRST_SENSES);
  // The sentences of the question's other words, gathered once for all of this word's later senses.
  const around = later.length > 0 && tools.sentencesWith ? tools.sentencesWith(context) : new Set<number>();
  const together = (c: Sense) => {
    if (around.size === 0 || !tools.sentencesWith) return false;
    for (const i of tools.sentencesWith(c.german.split(" ").flatMap(tools.analyze))) if (around.has(i)) return true;
    return false;
  };
  // The cap counts senses, not forms: a sense's forms share its rank (see translations).
  const chosen = candidates.filter((c) => c.rank < FIRST_SENSES || together(c));
  const ranks = [...new Set(chosen.map((c) => c.rank))].slice(0, MAX_TRANSLATIONS);
  return chosen.filter((c) => ranks.includes(c.rank));
}

/**
 * The most sentences a word may be in and still tell a synonym's sense by the company it keeps: a rarer
 * word says more of what the question is about, and a few thousand sentences are cheap to read at 100k
 * chunks, where a common word's run to tens of thousands.
 */
const COMPANY_POSTINGS = 2_000;

/** The question's words and, for word j, the sentences that have it. */
interface Company {
  readonly words: number;
  of(j: number): ReadonlySet<number>;
}

/**
 * For each word of the question, the sentences that have it (its own stems), each looked up once and only
 * when asked: the company a synonym of another word keeps.
 */
function companyOf(words: readonly QueryTerm[], tools: UnderstandTools): Company {
  const found = new Map<number, ReadonlySet<number>>();
  const of = (j: number) => {
    let sentences = found.get(j);
    if (sentences === undefined) {
      const stems = words[j]?.alternatives.filter((a) => a.weight >= 1).map((a) => a.stem) ?? [];
      sentences = stems.length > 0 && tools.sentencesWith ? tools.sentencesWith(stems, COMPANY_POSTINGS) : new Set<number>();
      found.set(j, sentences);
    }
    return sentences;
  };
  return { words: words.length, of };
}

/**
 * A German word's synonyms with the sense the sources use first, when they use more of them than are kept:
 * those found in a sentence together with another word of the question ("Minus" is Verlust beside "Jahr",
 * not "weniger" or "außer"), in the thesaurus's order, then the rest. Sense by the company it keeps, as
 * {@link chooseSenses} does for English; a function word ("davon") keeps company with anything.
 */
function byCompany(synonyms: readonly Synonym[], i: number, company: Company, tools: UnderstandTools): readonly Synonym[] {
  const sentencesWith = tools.sentencesWith;
  if (!sentencesWith) return synonyms;
  // Each synonym's head word's stems, when the sources use it as written; null otherwise. Only an order is
  // decided here, and a thesaurus lists dozens of words: the fuzzy look-up cost a fifth of understanding a
  // question at 100k chunks, and told the senses apart no better on the tune-side sets.
  const exactly = usedExactly(tools);
  const heads = synonyms.map((synonym) => {
    const head = headWord(synonym.word, tools.analyze);
    const stems = head === null || isStopword(head) ? [] : tools.analyze(head);
    return stems.some(exactly) ? stems : null;
  });
  if (heads.filter((stems) => stems !== null).length <= MAX_SYNONYMS) return synonyms;
  const together = (stems: readonly string[]) => {
    for (const k of sentencesWith(stems, COMPANY_POSTINGS)) {
      for (let j = 0; j < company.words; j++) if (j !== i && company.of(j).has(k)) return true;
    }
    return false;
  };
  const first = synonyms.filter((_, k) => heads[k] !== null && together(heads[k]!));
  return [...first, ...synonyms.filter((synonym) => !first.includes(synonym))];
}

/** WordNet synonyms of an English word whose translations are looked at: its common senses' words. */
const WORDNET_SYNONYMS = 6; // the compiled file holds as many (DEFAULT_WORDNET_OPTIONS)
/**
 * WordNet synonyms whose translations stand in for an English word the sources do not translate: the first,
 * its most common sense's word ("environmentalist" → conservationist). A rarer sense's word translates
 * into unrelated things the sources happen to use ("storm" → force → Kraft; tried 1–3 and 6, 1 best).
 */
const FALLBACK_SYNONYMS = 1;
/** The rank from which a translation weighs no more than a synonym: where a synonym's translations begin. */
const SYNONYM_SENSE_RANK = Math.ceil((EXPANSION_WEIGHT.translationFirst - EXPANSION_WEIGHT.synonym) / EXPANSION_WEIGHT.translationStep);

/**
 * An English word's German senses that the sources use: its own translations or, when the sources use
 * none of them, the first senses of its first WordNet synonym ("environmentalist" → conservationist →
 * Naturschützer), ranked from where a translation weighs as a synonym does. A word the sources translate
 * takes no synonym's senses: those are another word's, and would only add noise.
 */
function sensesOf(word: string, tools: UnderstandTools): Sense[] {
  const own = translations(word, tools);
  if (own.length > 0) return own;
  const senses: Sense[] = [];
  for (const synonym of safe(() => tools.lexicon.englishSynonyms(word), tools).slice(0, FALLBACK_SYNONYMS)) {
    // Its first senses only, as of a word's own (see chooseSenses): the ranks given here are the fallback's
    // order, and a deep sense of the synonym would pass for a first one ("pond" → pool → Spieleinsatz).
    for (const { german, rank } of translations(synonym.word, tools)) {
      if (rank >= FIRST_SENSES) continue;
      if (!senses.some((s) => s.german === german)) senses.push({ german, rank: SYNONYM_SENSE_RANK + senses.length });
    }
  }
  return senses;
}

interface Sense {
  readonly german: string;
  readonly rank: number;
}

/** An English subject question's opening: "who", then perhaps an auxiliary ("who is leading", "who has bought", "who will run"). */
const WHO_SUBJECT = /^(who|who's|whoever)$/i;

/**
 * "Who owns the bakery?" is answered by its owner, and German sources name the one who does a thing by a
 * noun ("Inhaberin X", "Betreiber der Anlage"), not by the verb: the senses of the verb's English agent noun
 * ("owner" → Eigentümer, Inhaber; "operator" → Betreiber) join its own, each at its rank. Only for the
 * verb right after "who": elsewhere the doer is not what is asked. English word formation, looked up in
 * the dictionary, which lists only agent nouns that exist.
 */
function withAgentSenses(senses: readonly Sense[], term: QueryTerm, tokens: readonly string[], tools: UnderstandTools): Sense[] {
  const before = tokens.slice(0, term.position).map((t) => t.toLowerCase());
  const opens = (before.length === 1 && WHO_SUBJECT.test(before[0]!)) || (before.length === 2 && WHO_SUBJECT.test(before[0]!) && AUXILIARY_EN.test(before[1]!));
  if (!opens || !/^\p{Ll}+$/u.test(term.word)) return [...senses];
  const lemmas = new Set([term.word, ...safe(() => tools.lexicon.englishLemmas(term.word), tools)]);
  for (const lemma of lemmas) {
    for (const agent of agentNouns(lemma)) {
      const found = translations(agent, tools);
      if (found.length === 0) continue;
      // A sense both give takes the better of its two ranks: the verb's own list may have it deep down.
      const merged = [...senses];
      for (const sense of found) {
        const k = merged.findIndex((s) => s.german === sense.german);
        if (k < 0) merged.push(sense);
        else if (sense.rank < merged[k]!.rank) merged[k] = sense;
      }
      // Stable: at an equal rank the verb's own sense stays first.
      return merged.map((sense, k) => ({ sense, k })).sort((a, b) => a.sense.rank - b.sense.rank || a.k - b.k).map(({ sense }) => sense);
    }
  }
  return [...senses];
}

/** The agent nouns English forms from a verb: "own" → owner, "operate" → operator, "run" → runner. */
function agentNouns(verb: string): string[] {
  if (verb.length < 3) return [];
  const last = verb.at(-1)!;
  if (last === "e") return [`${verb}r`, `${verb.slice(0, -1)}or`];
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(verb) ? [`${verb}${last}er`] : [];
  return [...doubled, `${verb}er`, `${verb}or`];
}

/** The masculine a German feminine noun is spelt on ("Vereinschefin", "Bergführerinnen" → "Vereinschef", "Bergführer"), or undefined. */
function masculineOf(word: string): string | undefined {
  return /^(\p{L}{4,})in(nen)?$/u.exec(word)?.[1];
}

function translations(english: string, tools: UnderstandTools): Sense[] {
  const kept: Sense[] = [];
  // A light verb translates to light verbs ("said" → sagen): they help rank, as the German word would.
  const light = isLightWord(english);
  const listed = safe(() => tools.lexicon.englishToGerman(english), tools);
  // A feminine listed beside its masculine ("Bergführer", "Bergführerin") is the same sense: it shares
  // the masculine's place in the order, so the senses after it are not pushed past the first ones.
  const all = new Set(listed.map((t) => t.german));
  const sense = (german: string) => {
    const base = masculineOf(german);
    return base !== undefined && all.has(base) ? base : german;
  };
  // So do a word's inflected forms listed one after another ("eigene", "eigener", "eigen" for "own"): one
  // sense by their shared dictionary form, so "besitzen" after them keeps its place among the first.
  const lemmaOf = (german: string) => (/\s/.test(german) ? undefined : safe(() => tools.lexicon.germanLemmas(german), tools).find((l) => l.pos !== "noun")?.lemma);
  const places = new Map<string, number>();
  const byLemma = new Map<string, string>();
  const ranks = listed.map((t) => {
    const lemma = lemmaOf(t.german);
    const key = (lemma === undefined ? undefined : byLemma.get(lemma)) ?? sense(t.german);
    if (!places.has(key)) places.set(key, places.size);
    if (lemma !== undefined && !byLemma.has(lemma)) byLemma.set(lemma, key);
    return places.get(key)!;
  });
  for (const [k, listedSense] of listed.entries()) {
    const t = { ...listedSense, rank: ranks[k]! };
    // A separable verb's form with its particle after it ("hielt an" for "stopped") is that verb
    // ("anhielt"), as the sources' "hielt … an" is read; its stem alone ("hielt") is another verb.
    const joined = particleVerb(t.german, tools);
    // A translation of several words counts by its content words ("jdm. die Schuld geben" → Schuld);
    // more than two make a definition, not a translation to look for.
    let words = joined !== null ? [joined] : light ? t.german.split(/\s+/).filter((w) => isLightWord(w)) : contentOf(t.german, tools.analyze);
    // An adjective and its noun name a kind of the noun ("freier Mitarbeiter" for "freelancer"): when the sources
    // do not use the adjective, the noun carries the sense.
    const used = (w: string) => tools.analyze(w).some(tools.inCorpus);
    if (words.length === 2 && /^\p{Ll}/u.test(words[0]!) && /^\p{Lu}/u.test(words[1]!) && !used(words[0]!)) words = [words[1]!];
    const german = words.join(" ");
    if (words.length === 0 || words.length > 2 || kept.some((k) => k.german === german)) continue;
    if (words.every(used)) kept.push({ german, rank: t.rank });
  }
  return kept;
}

/**
 * The part of a German verb's infinitive that all its forms spell, lower case: the infinitive without
 * "-en", or without "-n" after "-er", "-el" ("verdienen" → "verdien", "wandern" → "wander"); undefined
 * for a word that is no infinitive. German grammar, not vocabulary.
 */
function infinitiveStem(word: string, tools: UnderstandTools): string | undefined {
  if (!/^\p{Ll}+(?:en|ern|eln)$/u.test(word) || !listedAsVerb(word, tools)) return undefined;
  return /(?:er|el)n$/u.test(word) ? word.slice(0, -1) : word.slice(0, -2);
}

/**
 * The stems of `text` the stemmer cut below an "-er" noun ("Richter" → richt, "Sprecher" → sprech), with the
 * noun as every form of it spells it ("richter"); for a feminine ("Richterin"), its masculine's. Not a noun
 * declined as an adjective ("Angestellter", "Verletzter"), whose "-er" is an ending: its "-e" form is a form
 * of it ("Angestellte"), or the word is a participle's or an adjective's too.
 */
function agentStems(text: string, stems: readonly string[], tools: UnderstandTools): [string, string[]][] {
  if (!/^\p{Lu}\p{Ll}+$/u.test(text)) return [];
  const lower = text.toLowerCase();
  const agent = () => {
    const readings = safe(() => tools.lexicon.germanLemmas(text), tools);
    const declined = safe(() => tools.lexicon.germanLemmas(`${text.slice(0, -2)}e`), tools);
    return readings.some((l) => l.pos === "noun" && l.lemma === text) && readings.every((l) => l.pos === "noun") && !declined.some((l) => l.pos === "noun" && l.lemma === text);
  };
  const feminine = /erinn?$/u.exec(lower);
  const found: [string, string[]][] = [];
  for (const stem of stems) {
    if (lower.endsWith("er") && fold(lower) === `${stem}er` && agent()) found.push([stem, withPluralUmlaut(lower)]);
    const male = masculine(stem);
    if (male !== undefined && feminine !== null && stem.endsWith("erin")) found.push([male, withPluralUmlaut(lower.slice(0, feminine.index + 2))]);
  }
  return found;
}

/** An "-er" noun as written and with the umlaut its plural may take on the root's last vowel ("vater", "väter"; "richter" alone). */
function withPluralUmlaut(noun: string): string[] {
  const root = noun.slice(0, -2);
  const at = Math.max(root.lastIndexOf("a"), root.lastIndexOf("o"), root.lastIndexOf("u"));
  // "au" takes its umlaut on the "a" ("Bauer" → "Bäuerin"), as does a single vowel.
  const vowel = at > 0 && root[at] === "u" && root[at - 1] === "a" ? at - 1 : at;
  if (vowel < 0) return [noun];
  const umlaut = ({ a: "ä", o: "ö", u: "ü" } as Record<string, string>)[root[vowel]!]!;
  return [noun, `${root.slice(0, vowel)}${umlaut}${root.slice(vowel + 1)}er`];
}

/** A word's dictionary forms without a phrase among them where a one-word form has its part of speech ("rad fahren" beside "fahren"). */
export function withoutPhrases(readings: readonly Lemma[]): readonly Lemma[] {
  return readings.filter((l) => !l.lemma.includes(" ") || !readings.some((m) => !m.lemma.includes(" ") && m.pos === l.pos));
}

/** A lower-case word the dictionary reads only as a verb ("landen"; not "laut", an adjective too). */
function onlyVerb(word: string, tools: UnderstandTools): boolean {
  if (!/^\p{Ll}+$/u.test(word)) return false;
  // Written in lower case, it is none of its nouns ("das Landen").
  const lemmas = safe(() => tools.lexicon.germanLemmas(word), tools).filter((l) => l.pos !== "noun");
  return lemmas.length > 0 && lemmas.every((l) => l.pos === "verb");
}

/** The separable verb a two-word form spells with its particle last ("hielt an" → "anhielt"), when the dictionary knows it; else null. */
function particleVerb(german: string, tools: UnderstandTools): string | null {
  const words = german.split(/\s+/);
  return words.length === 2 ? separableVerb(words[0]!, words[1]!, tools) : null;
}

/**
 * A lower-case verb form and a clause-final particle joined into the separable verb they spell ("fing"
 * + "an" → "anfing"), when the dictionary knows it; else null.
 */
function separableVerb(form: string, particle: string, tools: UnderstandTools): string | null {
  if (!/^\p{Ll}/u.test(form) || !CLAUSE_FINAL_PARTICLES.has(particle)) return null;
  const verb = `${particle}${form}`;
  return holds(() => tools.lexicon.isGermanWord(verb), tools) ? verb : null;
}

/**
 * Names in an earlier answer: capitalised words that are not the first of their sentence and that the German
 * dictionary does not know as words ("Hellwig", "Mirsojew"), so a follow-up's "er" can find them.
 */
function nameTerms(text: string, tools: UnderstandTools): QueryTerm[] {
  const names: QueryTerm[] = [];
  const seen = new Set<string>();
  // Acronyms count as names however short: "die SPD", "(FDP)".
  for (const match of text.matchAll(/(?<=[\p{L}\p{N},;:»«„“"']\s+|[(]\s*)(\p{Lu}[\p{L}-]{2,}|\p{Lu}{2,}(?![\p{L}]))/gu)) {
    const word = match[0];
    if (seen.has(word) || holds(() => tools.lexicon.isGermanWord(word), tools)) continue;
    seen.add(word);
    const stems = tools.analyze(word);
    if (stems.length > 0) names.push({ word, position: -1, alternatives: stems.map((stem) => ({ stem, weight: 1, via: "word" as const })), weight: 1 });
  }
  return names;
}

/** The search text: the question and its German expansions, so dense and keyword search see the corpus's words. */
function searchTextOf(question: string, terms: readonly QueryTerm[]): string {
  const extra = terms.flatMap((t) => (t.expansions ?? []).filter((w) => !question.includes(w)));
  return [question, ...extra].join(" ").trim();
}

/** Whether the sources have a stem as it is, where the tools can tell; else as near as they can. */
function usedExactly(tools: UnderstandTools): (stem: string) => boolean {
  return tools.inCorpusExactly ?? tools.inCorpus;
}

/** Whether the sources use a word as written: one of its stems as it is (see {@link usedExactly}). */
function usedAsWritten(word: string, tools: UnderstandTools): boolean {
  return tools.analyze(word).some(usedExactly(tools));
}

/** The lexicon fails soft: a damaged data file costs expansions, never an answer; the caller is told. */
function safe<T>(f: () => readonly T[], tools: UnderstandTools): readonly T[] {
  try {
    return f();
  } catch (error) {
    tools.onLexiconError?.(error);
    return [];
  }
}

/** A yes-or-no question to the lexicon, failing soft to "no" (see {@link safe}). */
function holds(f: () => boolean, tools: UnderstandTools | PartTools): boolean {
  return safe(() => [f()], tools as UnderstandTools)[0] === true;
}
