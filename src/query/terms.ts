import type { Language } from "../types.js";
import { analyze as defaultAnalyze } from "../ingest/keyword.js";
import { isMeasureAdjective, isSortWord } from "./cues.js";

/**
 * The search terms of a question: content words only (function words, question words and words about the
 * article itself dropped), each with the stems it may match, and English words widened by their German
 * equivalents. Light verbs ("gab", "use") keep a small weight, so they help rank but cannot carry an answer.
 */

/** Maps text to index terms; in production this is the ingest analyzer (fold, stem), so both sides agree. */
export type Analyzer = (text: string) => string[];

/** One stem a term may match, and how much a match through it is worth (1 = the word itself). */
export interface Alternative {
  readonly stem: string;
  readonly weight: number;
  /**
   * Where it came from: the word as written, its dictionary lemma, a synonym, a translation, or a part of
   * a compound the sources do not use ("Nachtzüge" → Züge).
   */
  readonly via: "word" | "lemma" | "synonym" | "pivot" | "translation" | "part";
  /**
   * A pivot the dictionary reads only as a verb ("landen" for "enden"): German compounds end in nouns, so
   * it is no compound's head, whatever noun ends alike ("Russland").
   */
  readonly verb?: boolean;
}

export interface QueryTerm {
  /** The word as written in the question. */
  readonly word: string;
  /** Its position among the question's words (for phrases); -1 for words from elsewhere. */
  readonly position: number;
  /** The stems it may match, each weighted: its own, then lemmas, synonyms or translations. */
  readonly alternatives: readonly Alternative[];
  /** The words the expansions came from, for the search text (German words for an English question). */
  readonly expansions?: readonly string[];
  /** 1 for a content word of the current question; less for light words and words of earlier turns. */
  readonly weight: number;
  /**
   * A capitalised word inside an English question: a name of a person, place or body. A question about
   * France is not answered by a sentence about another country, so the gate declines when a name occurs
   * nowhere in the sources. (German capitalises every noun, so there this cannot be told.)
   */
  readonly name?: boolean;
  /**
   * A capitalised word inside a German question: a noun (German capitalises every noun) or a name. When it
   * matches nothing anywhere in the sources, not even a compound or a relative, the question is about
   * something they do not cover ("das Wetter in <Stadt>"), however well the place name matches.
   */
  readonly noun?: boolean;
  /** Capitalised and not the first word: a noun or a name. */
  readonly capitalised?: boolean;
  /** A name that says what is asked too: a compound noun the dictionary does not list whole ("ins Heimatmuseum"). */
  readonly asked?: boolean;
  /** Right after a German article or an article joined to a preposition ("der", "ins", "vom"): a thing of its kind, not a town. */
  readonly articled?: boolean;
  /** After an indefinite article, perhaps past adjectives ("einen eigenen Löschzug"): one thing of a kind, never a name. */
  readonly indefinite?: boolean;
  /** Right after a definite article or a demonstrative ("die Firma", "dieser Mann", "the company"): a thing the conversation may have named before. */
  readonly definite?: boolean;
  /** Says which one of the noun before it is meant: a genitive or "of" attribute ("der Schaden des Streiks", "the lawyer of the museum thieves"). */
  readonly specifier?: boolean;
  /** A term of an earlier turn, joined to a follow-up as context. */
  readonly context?: boolean;
  /** A context term from the earlier question itself, not a name its answer quoted: what an elliptical follow-up still asks. */
  readonly askedBefore?: boolean;
  /** The nouns a measure question's answer is given with ("Höhe" for "wie hoch"): light, but what is asked. */
  readonly measure?: boolean;
  /**
   * The stems of the heads the dictionary reads in a German compound ("Waldbrand" → brand, not rand): the
   * only tails of the word that stand for it; empty when no head does ("Bürgermeister": "meist" is an adverb's
   * stem). Absent when the dictionary reads no parts in it.
   */
  readonly heads?: readonly string[];
  /**
   * The stems of the modifiers of a compound the sources do not use, when they use words that begin with
   * them ("Seilbahnunfall" → seilbahn, for "die Seilbahnkabine"): what the compound is about, though not what it is.
   */
  readonly modifiers?: readonly string[];
  /**
   * Synonyms of two words that stand in only together ("Anzeige erstatten" for "anzeigen"): each
   * phrase's stems, all of which a sentence must have (in any form), with the phrase's weight.
   */
  readonly phrases?: readonly { readonly stems: readonly string[]; readonly weight: number }[];
  /**
   * Stems the stemmer folds an umlaut out of that the term's dictionary forms spell with one, each with
   * that spelling ("grund" → "gründ" for "gegründet"): a sentence that has the stem only without the
   * umlaut ("Grund") has another word, which counts in part (see score.ts). Only stems every dictionary
   * form spells so: "Gründe" (plural of Grund) guards none. Likewise a verb's stem the stemmer cut below
   * what all the verb's forms spell, with that part ("verdi" → "verdien" for "verdienen", not "Verdi").
   */
  readonly umlauts?: readonly { readonly stem: string; readonly spelt: string }[];
  /** Of a word that asks who leads ("leitet", "runs"): the stems of the role nouns the sources name a leader by ("Chef", "Leiter"). */
  readonly leaders?: readonly string[];
}

const STOPWORDS = new Set(
  (
    // German function words, question words and pronouns
    "der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine keinen ist sind war waren " +
    "wird werden wurde wurden worden sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres ihm ihn ihnen " +
    "es sie er ich wir du keiner keinem keines jene jenes jenen jenem " +
    // the first and second person a chat user asks with ("Kriege ich mein Geld zurück?")
    "mich mir mein meine meinen meinem meiner meines dich dir dein deine deinen deinem deiner deines uns unser unsere " +
    "unseren unserem unserer unseres euch euer eure euren eurem eurer eures " +
    "mit von vom zu zum zur auf für über unter nach bei aus im in an am als auch noch schon nur so wie wer wen wem " +
    "wessen was wann wo woher wohin warum wieso weshalb weswegen welche welcher welches welchen welchem viele vielen " +
    "wofür womit wogegen wodurch worüber worauf woran wovon wozu worum wobei wonach woraus worin wovor " +
    "viel wieviele lange langer langen lang seit dass sich dieser diese dieses diesem diesen jener gegen durch um bis " +
    "ob denn doch da dort hier man mehr sehr ganz etwa bzw dabei damit dann denn deren dessen hatte hatten hat haben " +
    "habe gibt gab gegeben kann können konnte soll sollen sollte muss müssen will wollen würde würden wäre zeit " +
    // the other forms of the auxiliaries and the modal verbs
    "bin bist seid sei seien warst wart wären wärst gewesen wirst werdet würdest würdet geworden hast habt hattest " +
    "gehabt hätte hätten " +
    "musst musste mussten müsste müssten kannst könnt konntest konnten könnte könnten sollst sollt solltest sollten " +
    "willst wollt wolltest wollte wollten darf darfst dürft dürfen durfte durften dürfte dürften mag magst mögen " +
    "mochte mochten möchte möchten " +
    // the forms of "all", which say how much of something, not what ("vor allem")
    "alle alles allem allen aller " +
    // the other quantifying and pointing pronouns with their forms, which the dictionaries do not list
    // (so a form such as "beiden" would otherwise be read as a name)
    "beide beiden beider beides jede jeder jedes jeden jedem manche mancher manches manchen manchem mehrere mehrerer " +
    "mehreren einige einiger einiges einigen einigem sämtliche sämtlicher sämtlichen solche solcher solches solchen " +
    "solchem derselbe dieselbe dasselbe denselben demselben desselben dieselben irgendein irgendeine irgendeinen " +
    "irgendeinem irgendeiner irgendwer irgendwas " +
    // subordinating conjunctions
    "weil obwohl falls wenn sodass nachdem bevor seitdem sobald solange indem " +
    "wegen trotz während statt innerhalb außerhalb ins beim ums aufs vor hinter neben zwischen ohne " +
    "erst bereits derzeit inzwischen zunächst jetzt nun immer wieder sowie bisher jeweils eigentlich genau " +
    "davon dafür dazu darüber daraus darin darauf daran dagegen danach davor dahin daher deshalb deswegen darum " +
    // English
    "the a an and or but not no nor is are was were will be been being has have had do does did it its they them " +
    "me my mine myself us our ours ourselves your yours yourself yourselves hers herself himself theirs themselves " +
    "their he him his she her i we you with of from to on for about under after at by out in into as also still " +
    "already only so how who whom whose what when where why which many much long since that this these those there " +
    "because although though while whether if too here " +
    "than can could would should may might must shall just very any some then more most such other among between " +
    "during within without against toward towards upon via per each every both either " +
    "currently now yet ever again before behind beside despite instead exactly actually ones " +
    // the other prepositions of both languages, a closed class like the ones above ("through", "gegenüber")
    "aboard above across along alongside amid amidst around below beneath besides beyond concerning except excluding " +
    "inside onto opposite outside regarding through throughout till underneath unlike until versus " +
    "abseits anhand anstatt außer binnen entgegen entlang gegenüber gemäß infolge inmitten jenseits mittels oberhalb " +
    "samt seitens unterhalb unweit zugunsten zwecks " +
    // about the question or article itself
    "artikel text quelle quellen bericht meldung laut zufolge steht stehen erwähnt genannt article text source sources " +
    "report story according mentioned say says tell"
  ).split(" "),
);

/**
 * German function words that are English content words ("When did the war end?", "the man in the hat",
 * "did he die?"): an English question keeps them. General grammar of the two languages.
 */
const ENGLISH_CONTENT = new Set(["die", "war", "man", "hat", "bin", "den", "nun"]);

/** True for words that never carry a question's content (articles, pronouns, auxiliaries, question words …). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/** Words that help rank but cannot carry an answer: light verbs and generic nouns for people. */
const LIGHT_WORDS = new Set(
  (
    "gab gibt geben machen macht machte gemacht nehmen nahm genommen sagen sagte gesagt tun getan bekommen kommen " +
    "gehen ging stehen lassen use used uses using do done make made get got give gave given take took taken go went " +
    "liegt liegen lag lagen gelegen " +
    "kommt kam kamen gekommen geht gingen gegangen goes going gone come comes came coming " +
    "happen happened become became put said told saying telling " +
    // generic nouns for people, which a sentence naming a count or a group rarely repeats
    "menschen mensch personen person leute leuten people persons"
  ).split(" "),
);

/** True for words that help rank but cannot carry an answer (light verbs, generic nouns for people). */
export function isLightWord(word: string): boolean {
  return LIGHT_WORDS.has(word.toLowerCase());
}

/**
 * Nouns that frame a question rather than name its subject ("aus welchem Grund", "wie lautet der Name",
 * "um wie viel Uhr", "wie viel Geld"): the answer need not repeat them, so their absence means nothing.
 */
const FRAME_NOUNS = new Set(
  (
    "grund gründe gründen name namen zahl anzahl art zeit zeitpunkt datum jahr jahre jahren uhr tag tage tagen " +
    "ort orte rolle funktion menge summe höhe prozent ursache ursachen folge folgen ziel ziele bedeutung " +
    "geld euro dollar kilometer meter tonnen grad angaben ergebnis fall fälle"
  ).split(" "),
);

/** Verbs that, after "wie", ask for a name. */
const NAMING_VERB = /^(heißt|heisst|hieß|hiess|heißen|hießen|lautet|lautete)$/;

/** Prepositions without a fused article; "im", "am", "zum", "beim" carry one and are not listed. */
const BARE_PREPOSITIONS = new Set(
  "in an auf aus bei mit nach von vor zu unter über hinter neben zwischen durch für gegen ohne um seit wegen".split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * True when the word at `k` is part of an attribute that says which one of a noun is meant: German a
 * noun after a noun and "des" / "der" / "von dem" (adjectives may stand between: "des verurteilten
 * Unternehmers"; "vom" is mostly an idiom's, "vom Band"), English a word after "of" ("the lawyer of the
 * museum thieves").
 */
function specifies(words: readonly string[], k: number, language: Language): boolean {
  let j = k - 1;
  if (language === "de") {
    if (!/^\p{Lu}/u.test(words[k] ?? "")) return false;
    while (j > 0 && /^\p{Ll}/u.test(words[j]!) && !/^(des|der|dem|den|vom|von)$/.test(words[j]!)) j--;
    const article = words[j]?.toLowerCase() ?? "";
    const von = /^(dem|der|den)$/.test(article) && words[j - 1]?.toLowerCase() === "von";
    const head = von ? j - 2 : j - 1;
    return (von || article === "des" || article === "der") && head > 0 && /^\p{Lu}/u.test(words[head] ?? "");
  }
  // The words right after "of" and its article, up to the noun: "of the museum thieves". A name ends the
  // attribute: in "the mayor of Lindau belong to", the word after it is the clause's verb.
  for (; j > 0 && j >= k - 3; j--) {
    const w = words[j]!.toLowerCase();
    if (w === "of") return j > 1 && !NOT_WHICH_ONE.test(words[j - 1]!.toLowerCase());
    if (isStopword(w) && !/^(the|a|an)$/.test(w)) return false;
    if (/^\p{Lu}/u.test(words[j]!) && /^\p{Ll}/u.test(words[k] ?? "")) return false;
  }
  return false;
}

/** Words before "of" that count or frame rather than name a thing: "many of them", "the period of time", "the number of victims". */
const NOT_WHICH_ONE = /^(many|much|some|all|most|none|one|each|any|few|several|lot|lots|part|rest|number|period|kind|sort|type|amount|share|percent|percentage|out|because|instead)$/;

/** German definite articles, and those joined to a preposition: grammar, not vocabulary. */
const DEFINITE_DE = "der die das dem den des im ins am ans zum zur vom beim";
/** Definite articles and demonstratives, German and English, alone or joined to a preposition. */
const DEFINITE = new Set(`${DEFINITE_DE} diese dieser dieses diesem diesen jene jener jenes the this that these those`.split(" "));
/** German articles, alone or joined to a preposition. */
const INDEFINITE_ARTICLES_DE = "ein eine einem einen eines einer";
const ARTICLES_DE = new Set(`${DEFINITE_DE} ${INDEFINITE_ARTICLES_DE}`.split(" "));

/** German indefinite articles and their negation ("kein"): what follows them is one of a kind. */
const INDEFINITE_DE = new Set(INDEFINITE_ARTICLES_DE.split(" ").flatMap((article) => [article, `k${article}`]));

/**
 * True when the word at `k` follows one of `articles`, directly or past up to two inflected adjectives
 * ("einen eigenen …", "im laufenden Betrieb").
 */
function afterArticle(tokens: readonly string[], k: number, articles: ReadonlySet<string>): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const token = tokens[j]!;
    if (articles.has(token.toLowerCase())) return true;
    if (!/^\p{Ll}+(e|en|er|es|em)$/u.test(token)) return false;
  }
  return false;
}

/** The question's words in order, as `contentWords` counts their positions. */
export function questionWords(question: string): string[] {
  return question.match(WORD) ?? [];
}

/**
 * Whether a German word capitalised inside a question, after the word `before`, is a noun of what it asks
 * about: not a light word, not one of FRAME_NOUNS, and not bare after a preposition, which is mostly an idiom
 * ("an Bord", "in Haft", "vor Ort") or a place's name; the subject of a question comes with its article.
 */
function nounInside(lower: string, before: string, language: Language): boolean {
  return language === "de" && !LIGHT_WORDS.has(lower) && !BARE_PREPOSITIONS.has(before) && !FRAME_NOUNS.has(lower);
}

/**
 * The content words of a question, each with its own stem as the one alternative: function words,
 * question words and words about the article itself dropped, light verbs kept at a small weight so they
 * help rank but cannot carry an answer. Expansion (lemmas, synonyms, translations) is understand.ts's job.
 *
 * @example
 * contentWords("Wie viele Verletzte gab es?", "de") // [{ word: "Verletzte", … weight: 1 }, { word: "gab", … weight: 0.3 }]
 */
export function contentWords(question: string, language: Language, analyze: Analyzer = defaultAnalyze): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let previous = "";
  let position = -1;
  const matches = [...question.matchAll(WORD)];
  const tokens = matches.map((m) => m[0]);
  for (const [k, match] of matches.entries()) {
    position++;
    const word = match[0];
    const before = previous;
    previous = word.toLowerCase();
    const lower = word.toLowerCase().replace(/['’]s$/, "");
    const englishContent = language === "en" && ENGLISH_CONTENT.has(lower);
    // A word that opens the question and comes again inside it ("Ebersfelden und Lindenhorst … Wo stehen die
    // Wagen in Ebersfelden?") is read as it is written there: capitalised inside a sentence, a noun or a name.
    if (seen.has(lower) && match.index > 0 && /^\p{Lu}/u.test(word)) {
      const at = terms.findIndex((t) => t.word.toLowerCase() === lower && t.position === 0 && t.capitalised !== true);
      if (at >= 0) terms[at] = { ...terms[at]!, capitalised: true, name: terms[at]!.name || language === "en", noun: nounInside(lower, before, language) };
    }
    if ((STOPWORDS.has(lower) && !englishContent) || seen.has(lower) || (lower.length < 2 && !/\d/.test(lower))) continue;
    // An English contraction is an auxiliary or a pronoun with its negation or verb ("don't", "they're", "I'll").
    if (language === "en" && /['’](t|re|ve|ll|d|m)$/.test(lower)) continue;
    // "Who is going to pay?": "going to" before a verb makes the future, as "will" does, and goes nowhere.
    if (language === "en" && (lower === "gonna" || (lower === "going" && matches[k + 1]?.[0].toLowerCase() === "to"))) continue;
    // "what kind of farm", "welche Art von Halle": the answer names a sort of the noun, not the word "kind".
    if (isSortWord(lower) && /^(of|von)$/i.test(tokens[k + 1] ?? "")) continue;
    // "wie hoch", "how far": the adjective belongs to the question word; the answer is a number, not the word.
    if ((before === "wie" || before === "how") && isMeasureAdjective(lower)) continue;
    // "Wie heißt …", "wie lautet …": asking for a name; the answer names it, it does not say "heißt".
    if (before === "wie" && NAMING_VERB.test(lower)) continue;
    seen.add(lower);
    // The index drops them as German stop words; their translations ("Krieg", "sterben") carry them.
    const stems = englishContent ? [lower] : [...new Set(analyze(lower))];
    if (stems.length === 0) continue;
    const inner = match.index > 0 && /^\p{Lu}/u.test(word);
    // A number the question names ("Gleis 4", "the 40-year-old", "2019") is as specific as a name: the
    // article that answers must have it.
    // So is a word with a capital inside it, in either language and wherever it stands: a brand or a
    // company writes itself so ("iPhone", "eBay"), a common word never.
    const name = (language === "en" && inner) || /\p{Ll}\p{Lu}/u.test(word) || /^\d+$/.test(lower);
    const light = LIGHT_WORDS.has(lower);
    const noun = inner && nounInside(lower, before, language);
    terms.push({
      word: word.replace(/['’]s$/, ""),
      position,
      alternatives: stems.map((stem) => ({ stem, weight: 1, via: "word" as const })),
      weight: light ? 0.3 : 1,
      name,
      noun,
      capitalised: inner,
      articled: language === "de" && ARTICLES_DE.has(before),
      ...(language === "de" && inner && afterArticle(tokens, k, INDEFINITE_DE) ? { indefinite: true } : {}),
      definite: DEFINITE.has(before) || (language === "de" && inner && afterArticle(tokens, k, DEFINITE)),
      ...(specifies(tokens, k, language) ? { specifier: true } : {}),
    });
  }
  return terms;
}
