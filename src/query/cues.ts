/**
 * Answer-type cues: what kind of thing a question asks for ("wie viele" → a number, "wer" → a person,
 * "wie lange" → a duration), and whether a sentence carries such a thing. Generic question-word
 * knowledge of German and English; nothing here knows any article.
 */

export type AnswerType = "duration" | "number" | "ordinal" | "time" | "frequency" | "name" | "person" | "place" | "organization" | "role" | "reason" | "list" | "statement";

interface Cue {
  readonly type: AnswerType;
  readonly pattern: RegExp;
}

/** A whole-word alternation; `\\b` would not work next to umlauts and ß. */
const phrase = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "u");

/**
 * Category nouns whose members are places, in every inflection ("welche Länder", "aus welchen Ländern",
 * "in welcher Stadt", "welche Bundesländer"): a list of country names answers them.
 */
const PLACE_NOUN_DE = String.raw`(\p{L}*(land|länder|ländern|landes|staat|staaten|staates|stadt|städte|städten|dorf|dorfes|dörfer|dörfern))|region(en)?|orte?[ns]?|gemeinden?|provinz(en)?|gebiete?[ns]?|kontinente?n?|bezirke?[ns]?|kreise?[ns]?`;
const PLACE_KIND_DE = new RegExp(String.raw`^(?:${PLACE_NOUN_DE}|metropole|metropolis)$`, "iu");

/** True for a German noun for a kind of place: "Stadt", "Hansestadt", "Gemeinde", "Metropole" (closed class, grammar of place words). */
export function isPlaceKind(noun: string): boolean {
  return PLACE_KIND_DE.test(noun);
}
const PLACE_NOUN_EN = String.raw`countries|country|cities|city|towns?|villages?|regions?|states?|nations?|places?|provinces?|areas?|continents?|districts?`;

/** "Wie hoch / breit / schwer …": an adjective of measure asks for a number with its unit. */
const MEASURE_DE = String.raw`hoch|gro(ß|ss)|breit|schwer|lang|weit|tief|teuer|alt|schnell|stark|dick|warm|kalt`;
const MEASURE_EN = String.raw`old|large|big|high|wide|heavy|far|deep|tall|fast|expensive|strong|hot|cold`;
/** A number in digits or words, as a measure gives it: "430", "1,6", "zwei". */
const NUMBER = String.raw`\d+(?:[.,]\d+)*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand`;

/**
 * A measure: a number with its unit, a word such as "Millionen" allowed between ("1,6 Milliarden
 * Kilometer"), or a currency sign before it ("$ 5"). The unit alone is no measure: a "Thermometer"
 * says nothing of a width.
 */
function measured(unit: string): RegExp {
  // The word between is a whole word: else "2021 hat" would read as "2021 ha" + "t" (tonnes).
  return new RegExp(`(?<![\\p{L}\\p{N}])(${NUMBER})(\\s+\\p{L}+(?![\\p{L}]))?\\s*(${unit})(?![\\p{L}])|[€$£]\\s*\\d`, "iu");
}

/** Units a measure is given in, each kind once, for the measure questions below and for sums of money. */
const CURRENCY_UNIT = String.raw`\p{L}*euro|€|dollar|\$|franken|pfund|cents?`;
/** The same currencies as nouns, for the words a money question's sum is looked for by (see measureNouns). */
const CURRENCY_NOUNS: readonly string[] = ["Euro", "Dollar", "Franken", "Pfund", "Cent"];
/** A sum of money: a currency, or "pounds", which as a weight is asked for by "wie schwer". */
const MONEY_UNIT = String.raw`${CURRENCY_UNIT}|pounds?`;
const LENGTH_UNIT = String.raw`\p{L}*meter[ns]?|km|m|cm|mm|meilen|miles?|metres?|meters?|kilometres?|kilometers?`;
const WEIGHT_UNIT = String.raw`kilogramm|kilo|kg|tonnen?|gramm|pfund|t|pounds?|tons?|tonnes?`;
/** A weight, asked for by "wie schwer" and "wie viel wiegt". */
const WEIGHT = measured(WEIGHT_UNIT);
const VOLUME_UNIT = String.raw`\p{L}*liter[ns]?|\p{L}*litres?|hl|ml|gallons?|m³`;
const SHARE_UNIT = String.raw`prozent|prozentpunkte?n?|percent|%`;
/** The words that scale a sum ("1,6 Milliarden"), which stand for its unit when the currency comes later. */
const SCALE_UNIT = String.raw`millionen|milliarden|millions?|billions?`;

/** An area, which "how many hectares" asks for. */
const AREA_UNIT = String.raw`hektar|ha|\p{L}*quadratmeter[ns]?|\p{L}*quadratkilometer[ns]?|m²|km²|hectares?|acres?|square\s+(metres?|meters?|kilometres?|kilometers?|miles?)`;

/**
 * The units a number may be asked for by name ("how many hectares", "wie viele Tonnen"), each with what
 * answers it: the measure of its kind, in either language. General knowledge of measures.
 */
const COUNTED_UNITS: readonly (readonly [readonly string[], RegExp])[] = [
  [["hektar", "quadratmeter", "quadratkilometer", "hectares", "acres", "square"], measured(AREA_UNIT)],
  [["tonnen", "kilogramm", "kilo", "tonnes", "tons", "kilograms", "kilos", "pounds"], WEIGHT],
  [["kilometer", "meter", "metres", "meters", "kilometres", "kilometers", "miles"], measured(LENGTH_UNIT)],
  [["liter", "kubikmeter", "litres", "liters", "gallons"], measured(VOLUME_UNIT)],
];
const COUNTED_UNIT = new RegExp(String.raw`(?<![\p{L}])(?:wie\s*viele|how\s+many)\s+(${COUNTED_UNITS.flatMap(([names]) => names).join("|")})(?![\p{L}])`, "iu");

/**
 * An age, written "67 Jahre alt", "67-jährig", "im Alter von 67 Jahren", "(67)" or "aged 67", "67-year-old":
 * a number of years alone ("30 Jahre lang") is a duration, no age.
 */
const AGE = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d+|${NUMBER})\s*(jahre\s+alt\p{L}*|years?\s+old)(?![\p{L}])|\d+-(jährig|year-old)|alter\s+von\s+(\d+|${NUMBER})|aged\s+\d+|\(\d{1,3}\)`, "iu");

/**
 * The units that answer "wie schwer / wie breit / wie teuer …": general knowledge of measures, so that a
 * sentence with a clock time does not answer how heavy something is. "Wie hoch" asks for a level or a
 * sum in any of them; "groß" and "stark" have too many readings and accept any number.
 */
const UNITS: readonly [RegExp, RegExp][] = [
  [/^(schwer|heavy)$/, WEIGHT],
  [/^(breit|lang|weit|tief|dick|wide|far|deep|tall|thick)$/, measured(LENGTH_UNIT)],
  [/^(teuer|expensive)$/, measured(`${CURRENCY_UNIT}|${SCALE_UNIT}`)],
  [/^(alt|old)$/, AGE],
  [/^(schnell|fast)$/, measured(String.raw`km\/h|stundenkilometer|kilometer pro stunde|mph|knoten|knots`)],
  // "Wie hoch ist der Schaden / die Quote / der Pegel?": a level or a sum, in some unit or a share, never a
  // count of things ("fünf Flughäfen"); a count is asked "wie viele" or "wie hoch ist die Zahl".
  [/^(hoch|high)$/, measured(String.raw`${MONEY_UNIT}|${SHARE_UNIT}|${LENGTH_UNIT}|${VOLUME_UNIT}|feet|grad|degrees?|\p{L}*tonnen?|tons?|tonnes?|${SCALE_UNIT}`)],
];

/** "Ab welchem Alter", "bis zu welchem Alter", "in welchem Alter", "(from / up to / at) what age": an age asked as a number. */
const AGE_QUESTION = /(?<![\p{L}])(?:welche[mnrs]?\s+alter|what\s+age)(?![\p{L}])/iu;
/** An age, or a bound of ages as rules give it: "ab 16 Jahren", "unter 14 Jahren", "from the age of 16", "under 14". */
const AGE_BOUND = new RegExp(
  String.raw`${AGE.source}|(?<![\p{L}])(?:ab|unter|über|bis|bis\s+zu|vor\s+vollendung\s+des)\s+(?:\d+|${NUMBER})(?:\.)?\s+(?:jahren|jahre|lebensjahr\p{L}*)(?![\p{L}])|(?<![\p{L}])(?:from|under|over|aged|age\s+of)\s+(?:the\s+age\s+of\s+)?\d+(?![\p{L}\p{N}])`,
  "iu",
);

/** "Wie hoch ist die Zahl der …", "how high is the number of …": a count after all. */
const COUNT_NOUN = /(?<![\p{L}])(zahl|anzahl|number)(?![\p{L}])/iu;

/** English nouns for a sum of money that "what is the …" asks for, beside a cost or a price. */
const SUM_NOUN_EN = "investment|budget";

/**
 * A question for a sum of money: "wie viel Geld", "was kostet", "how much money", "how much does it cost", one
 * that names the currency ("how much damage in euros"), or one that asks how much is paid, invested or spent
 * ("Wie viel zahlt …", "wie viel steckt … in …", "how much did they pay").
 * ("zahlt" and not "Zahl": "wie hoch ist die Zahl" asks for a count.)
 * "Was" and "what" ask for one only with a cost, earnings, an investment or a budget ("Was soll die Brücke kosten?"; "Was passiert mit dem Geld?" asks what
 * happens), and "was" only in German: in English it is a verb ("my train was cancelled").
 */
const MONEY_QUESTION = new RegExp(
  String.raw`(?<![\p{L}])(wie\s+viel|wie\s+hoch|how\s+much)(?![\p{L}]).*(?<![\p{L}])(geld|kosten|kostet|kostete|kosteten|gekostet|preis|gehalt|verdien\p{L}*|money|costs?|costing|price|salary|wages?|earns?|earning|euros?|dollars?|franken|pfund|pounds|zahlt|zahlen|zahlte|zahlten|bezahl\p{L}*|gezahlt|investier\p{L}*|steckt|stecken|steckte|steckten|gesteckt|pay|pays|paid|paying|invest|invests|invested|investing|spend|spends|spent|spending)(?![\p{L}])` +
    String.raw`|(?<![\p{L}])was(?![\p{L}]).*(?<![\p{L}])(kosten|kostet|kostete|kosteten|gekostet|verdien\p{L}*)(?![\p{L}])` +
    String.raw`|(?<![\p{L}])what(?![\p{L}]).*(?<![\p{L}])(costs?|costing|price|salary|wages?|earns?|earning|${SUM_NOUN_EN})(?![\p{L}])`,
  "iu",
);
const MONEY = measured(MONEY_UNIT);
const WEIGHT_QUESTION = /(?<![\p{L}])(wie\s+viel\s+(wiegt|wiegen|wog|wogen|gewogen)|how\s+much\s+(\p{L}+\s+){0,4}(weigh|weighs|weighed))(?![\p{L}])/iu;
const SHARE_QUESTION = /(?<![\p{L}])(welche[rnms]?\s+(\p{L}+\s+)?(anteil|prozentsatz|quote)|wie\s+viel\s+prozent|what\s+(share|percentage|proportion|fraction)|how\s+many\s+percent)(?![\p{L}])/iu;
/** "Um wie viel Uhr", "zu welchen Uhrzeiten", "what time", "during which hours": a time of day, not a date or a day (also a cue for the time type). */
const CLOCK_ASKED = String.raw`um\s+wie\s*viel\s+uhr|wie\s+spät|(zu|um|ab|bis)\s+welche[rnms]?\s+uhrzeit(en)?|(at\s+)?what\s+time(?!\s+(of|period|span|frame|limit))|at\s+what\s+hour|(during\s+|at\s+)?(which|what)\s+hours`;
const CLOCK_QUESTION = new RegExp(String.raw`(?<![\p{L}])(${CLOCK_ASKED})(?![\p{L}])`, "iu");
/** A time of day: "um 7.40 Uhr", "zwischen 22 und 6 Uhr", "at 3 p.m.", "at midnight". */
const CLOCK = /(?<![\p{L}\p{N}])\d{1,2}([.:]\d{2})?\s*(uhr|a\.\s?m\.|p\.\s?m\.|o['’]clock)(?![\p{L}])|(?<![\p{L}])(mitternacht|midnight|noon)(?![\p{L}])/iu;
const SHARE = /(\d\s*(%|prozent|percent))|(?<![\p{L}])(prozent|percent|hälfte|drittel|viertel|fünftel|zehntel|half|third|quarter|jede[rnms]?\s+\p{L}+te[rnms]?|every\s+\p{L}+(th|nd|rd))(?![\p{L}])/iu;

/** Month and weekday names, German and English (not "May", which is as often the verb). */
const MONTH_NAMES = "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|june|july|october|december";
const WEEKDAY_NAMES = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/** A period counted back from now: "letztes Jahr", "im vergangenen Monat", "this week", "last month". */
const RELATIVE_PERIOD =
  /(?<![\p{L}])(?:letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|diese[nmrs]?|this|last|past)\s+(jahr|woche|monat|saison|year|week|month|season)(?![\p{L}])/iu;
/** How the sources say each such period: its word in either language, alone or in a compound ("Vorjahr", "Wochenende"), and a year by its number. */
const PERIOD_SAID: Readonly<Record<string, RegExp>> = {
  year: /jahr|year|(?<![\p{N}])\d{4}(?![\p{N}])/iu,
  // News dates a week's events by their weekdays ("am Dienstagabend"), a month's by its name.
  week: new RegExp(String.raw`woche|week|(?<![\p{L}])(?:${WEEKDAY_NAMES})`, "iu"),
  month: new RegExp(String.raw`monat|month|(?<![\p{L}])(?:${MONTH_NAMES})(?![\p{L}])`, "iu"),
  season: /saison|season/iu,
};
const PERIOD_OF: Readonly<Record<string, string>> = { jahr: "year", woche: "week", monat: "month", saison: "season" };

/**
 * For a question about a period counted back from now ("Wie viele Unfälle gab es letztes Jahr?", "How many
 * visitors came last month?"): how the evidence must say such a period, or null. A count or an event the
 * sources give without one is of some other time, and news is dated: "letztes Jahr" is the asker's.
 *
 * @example
 * periodFor("Wie viele Besucher kamen letzte Woche?")?.test("in der vergangenen Woche") // true
 */
export function periodFor(question: string): RegExp | null {
  const period = RELATIVE_PERIOD.exec(question)?.[1]?.toLowerCase();
  return period === undefined ? null : (PERIOD_SAID[PERIOD_OF[period] ?? period] ?? null);
}

/** A period's words by its unit, German and English, for telling this one from the last. */
const PERIOD_WORDS: Readonly<Record<string, string>> = { year: "jahr|jahres|year", week: "woche|week", month: "monat|monats|month", season: "saison|season" };
const CURRENT_DEIXIS = String.raw`diese[nmrs]?|this`;
const PAST_DEIXIS = String.raw`letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|last|past|previous`;
/** Each unit's period said as this one and as the one before ("Vorjahr" too), made once. */
const PERIOD_DEIXIS: Readonly<Record<string, { readonly current: RegExp; readonly past: RegExp }>> = Object.fromEntries(
  Object.entries(PERIOD_WORDS).map(([unit, words]) => [
    unit,
    {
      current: new RegExp(String.raw`(?<![\p{L}])(?:${CURRENT_DEIXIS})\s+(?:${words})(?![\p{L}])`, "iu"),
      past: new RegExp(String.raw`(?<![\p{L}])(?:(?:${PAST_DEIXIS})\s+(?:${words})|vor(?:${words}))(?![\p{L}])`, "iu"),
    },
  ]),
);
const CURRENT = new RegExp(String.raw`^(?:${CURRENT_DEIXIS})$`, "iu");

/**
 * True when a sentence dates what it says in the period before or after the one a question asks about, and
 * not in that one too: "Im vergangenen Jahr vermittelte das Heim 212 Tiere" gives no count for "in diesem
 * Jahr", nor "In diesem Jahr seien 164 Tiere abgegeben worden" one for "im vergangenen Jahr". The year
 * before is also "Vorjahr" / "previous year". Pure.
 *
 * @example
 * contradictsPeriod("Wie viele Tiere wurden dieses Jahr vermittelt?", "Im vergangenen Jahr waren es 212.") // true
 */
export function contradictsPeriod(question: string, sentence: string): boolean {
  const asked = RELATIVE_PERIOD.exec(question);
  if (!asked) return false;
  const word = asked[1]!.toLowerCase();
  const deixis = PERIOD_DEIXIS[PERIOD_OF[word] ?? word];
  if (deixis === undefined) return false;
  const [same, other] = CURRENT.test(asked[0].split(/\s+/u)[0]!) ? [deixis.current, deixis.past] : [deixis.past, deixis.current];
  return other.test(sentence) && !same.test(sentence);
}

/**
 * The unit a measure question's number must carry ("Wie schwer …" → kilograms or tonnes), or null when the
 * question asks for no particular measure.
 *
 * @example
 * unitFor("Wie schwer ist die Sonde?")?.test("2,1 Tonnen") // true
 */
export function unitFor(question: string): RegExp | null {
  // "How long is the bridge?": a length or a span (see SIZE_OR_SPAN).
  if (SIZE_OR_SPAN.test(question.toLowerCase())) return SIZE_OR_SPAN_UNIT;
  // "Welcher Anteil", "what share": a part of a whole is a percentage or a fraction, not any number.
  if (SHARE_QUESTION.test(question)) return SHARE;
  // "Ab welchem Alter", "up to what age": an age, given as a bound ("ab 16 Jahren", "unter 14 Jahren").
  if (AGE_QUESTION.test(question)) return AGE_BOUND;
  // "Um wie viel Uhr", "what time": a time of day, not any date.
  if (CLOCK_QUESTION.test(question)) return CLOCK;
  // "Wie viel Geld", "how much does it cost": a sum of money, not any number.
  if (MONEY_QUESTION.test(question)) return MONEY;
  // "Wie viel wiegt …", "how much does it weigh": a weight, as "wie schwer" asks.
  if (WEIGHT_QUESTION.test(question)) return WEIGHT;
  // "How many hectares", "wie viele Tonnen": the unit is asked for by name.
  const named = COUNTED_UNIT.exec(question)?.[1]?.toLowerCase();
  if (named !== undefined) return COUNTED_UNITS.find(([names]) => names.includes(named))?.[1] ?? null;
  const adjective = measureAdjective(question);
  if (/^(hoch|high)$/.test(adjective) && COUNT_NOUN.test(question)) return null;
  return UNITS.find(([asked]) => asked.test(adjective))?.[1] ?? null;
}

/**
 * The nouns (and superlative stems) a text gives a measure with: "Wie groß ist X?" is answered by "mit
 * einem Durchmesser von 12 Metern", "Wie hoch …" by "einen Wasserstand von 3,2 Metern". General
 * German usage, keyed by the German and English measure adjectives.
 */
const MEASURE_NOUNS: readonly [RegExp, readonly string[]][] = [
  [/^(hoch|high|tall)$/, ["Höhe", "Stand", "höchste"]],
  [/^(gro(ß|ss)|large|big)$/, ["Größe", "Durchmesser", "größte"]],
  [/^(lang|long)$/, ["Länge", "längste"]],
  [/^(breit|wide)$/, ["Breite"]],
  [/^(tief|deep)$/, ["Tiefe"]],
  [/^(schwer|heavy)$/, ["Gewicht"]],
  [/^(weit|far)$/, ["Entfernung", "Distanz"]],
  [/^(schnell|fast)$/, ["Geschwindigkeit", "Tempo"]],
  [/^(teuer|expensive)$/, ["Kosten", "Preis"]],
];

/** The German nouns a measure question's number is given with (see MEASURE_NOUNS); empty for other questions. */
export function measureNouns(question: string): readonly string[] {
  const adjective = measureAdjective(question);
  const nouns = MEASURE_NOUNS.find(([asked]) => asked.test(adjective))?.[1];
  if (nouns) return nouns;
  // "Wie viel Geld …", "how much money …": a sum is given in a currency, which says "Geld" for it.
  return MONEY_QUESTION.test(question) ? CURRENCY_NOUNS : [];
}

/** The word after "wie" / "how" ("wie schwer" → "schwer"), lower case; "" when there is none. */
function measureAdjective(question: string): string {
  return /(?<![\p{L}])(wie|how)\s+(\p{L}+)/iu.exec(question)?.[2]?.toLowerCase() ?? "";
}

/** True when a word is a measure adjective right after "wie" / "how": part of the question word, not a term. */
export function isMeasureAdjective(word: string): boolean {
  return new RegExp(`^(${MEASURE_DE}|${MEASURE_EN}|much|many|long|lange)$`, "iu").test(word);
}

/** Nouns (and compound heads) that name a quantity: "welcher Anteil", "welcher Höchstbetrag", "welche Summe". */
const QUANTITY_DE = String.raw`anteil|betrag|summe|zahl|anzahl|quote|satz|preis|menge|kosten|höhe|wert|prozentsatz|lohn|gehalt|rate|erhöhung|steigerung|anstieg|zuwachs|rückgang|stand|beteiligung|länge|breite|tiefe|gewicht|geschwindigkeit|temperatur|nummer`;
const QUANTITY_EN = String.raw`share|percentage|proportion|amount|number|sum|price|fraction|rate|figure|cost|increase|rise|raise|growth|drop|decline|level|turnout|length|width|depth|height|weight|speed|temperature|total`;

/** Verbs of saying and of taking a stand, as a question asks about them ("Was sagte …", "Wie reagierte …"): general usage. */
const SPEECH_VERB_DE = String.raw`sagte|sagt|sagten|sagen|erklärte|erklärt|meinte|meint|betonte|kritisierte|kritisiert|forderte|fordert|verlangte|verlangt|warnte|warnt|reagierte|reagiert|bewertete|bewertet|äußerte|äußert|nannte|nennt|bezeichnete|bezeichnet|kommentierte|antwortete|entgegnete|hat\s+.+\s+(gesagt|erklärt|kritisiert|gefordert|verlangt|gewarnt|reagiert|bewertet|geäußert|kommentiert)`;
const SPEECH_VERB_EN = String.raw`say|tell|state|announce|critici[sz]e|demand|call|urge|warn|respond|react|comment|describe|argue|claim`;
/**
 * The nouns for what someone said as a stance ("Was war ihre Sorge?", "What was his argument?"): asked for
 * by "what" with a copula, or by "welche"/"which", they ask for the words someone said. A closed class, as
 * the speech verbs above.
 */
const STANCE_NOUN_DE = String.raw`argument|argumente|begründung|sorge|sorgen|bedenken|kritik|kritikpunkte?|einwand|einwände|forderung|forderungen|meinung|ansicht|haltung|standpunkt|befürchtung|befürchtungen|vorwurf|vorwürfe|einschätzung`;
const STANCE_NOUN_EN = String.raw`argument|arguments|reasoning|concern|concerns|worry|worries|fear|fears|criticism|complaint|complaints|objection|objections|demand|demands|view|views|opinion|stance|explanation`;
const STANCE_ASKED = String.raw`was\s+(war|ist|sind|waren)\s+(\p{L}+\s+){0,2}(${STANCE_NOUN_DE})|welche[rnms]?\s+(\p{L}+\s+)?(${STANCE_NOUN_DE})|what\s+(was|is|were|are)\s+(\p{L}+\s+){0,2}(${STANCE_NOUN_EN})|(which|what)\s+(${STANCE_NOUN_EN})`;
/** The auxiliaries of German reported speech (Konjunktiv I): "Das Angebot sei zu niedrig". Grammar, not vocabulary. */
const SUBJUNCTIVE = String.raw`sei|seien|habe|werde|könne|müsse|solle|wolle|dürfe|möge`;
const REPORTED = new RegExp(String.raw`(?<![\p{L}])(?:${SUBJUNCTIVE})(?![\p{L}])`, "u");
/** A sentence that gives what someone said: a quotation, a verb of saying, or reported speech's subjunctive. */
const STATEMENT = new RegExp(
  String.raw`[«»„“"]|(?<![\p{L}])(sagte|sagten|sagt|erklärte|erklärt|betonte|betont|kritisierte|kritisiert|forderte|fordert|fordern|verlangte|verlangt|warnte|warnt|mahnte|mahnt|nannte|nennt|bezeichnete|bezeichnet|sprach\s+von|spricht\s+von|kündigte|kündigt|${SUBJUNCTIVE}|said|says|told|stated|states|warned|warns|called|calls|demanded|demands|critici[sz]ed|critici[sz]es|described|added|urged|urges)(?![\p{L}])`,
  "iu",
);

/** Verbs that attribute a quotation to its speaker ("…», sagte sie", "… rief er", "she said"). Grammar, not vocabulary. */
const ATTRIBUTION = /(?<![\p{L}])(sagte|sagten|sagt|rief|riefen|erklärte|betonte|said|says|told)(?![\p{L}])/iu;

/**
 * True when a sentence quotes someone's own words and says who spoke them: quotation marks and a verb
 * of saying ("«Wir bleiben bei unserem Plan», sagte der Bürgermeister."). What someone said is there
 * word for word, not announced ("Auch der Verein übte Kritik.") or summed up.
 */
export function isAttributedQuote(sentence: string): boolean {
  return /[«»„“"]/.test(sentence) && ATTRIBUTION.test(sentence);
}

/** True when a sentence gives what someone said: a quotation, a verb of saying or reported speech (see STATEMENT). */
export function givesStatement(sentence: string): boolean {
  return STATEMENT.test(sentence);
}

/** True when a sentence is reported speech: it has a subjunctive auxiliary ("Der Plan sei zu teuer"). */
export function isReportedSpeech(sentence: string): boolean {
  return REPORTED.test(sentence);
}

/**
 * Words that put a time ahead: modal verbs of intention and words of planning, German and English. A
 * question asking when something "soll" or "will" happen asks for the planned date, which news gives with
 * one of them ("soll im Herbst 2030 ihr Ziel erreichen", "ist für Ende Februar geplant"), not the date of
 * what has happened ("hob um 14.32 Uhr ab"). Grammar, not the words of any article. A question's "wird"
 * is left out: it is as often a passive of the present ("Wann wird gewählt?").
 */
const PLAN_ASKED = new RegExp(String.raw`(?<![\p{L}])(soll|sollen|will|wollen|going\s+to|expected\s+to|planned|scheduled|due\s+to)(?![\p{L}])`, "iu");
const PLAN_SAID = new RegExp(
  String.raw`(?<![\p{L}])(soll|sollen|solle|sollten|will|wollen|wolle|werde|werden|wird|plant|planen|geplant|voraussichtlich|künftig|kommenden?|nächsten?|frühestens|spätestens|rechnet|rechnen|erwartet|would|expected|expects|plans?|planned|scheduled|due|next)(?![\p{L}])`,
  "iu",
);

/** True when a question asks when something is planned or intended to happen ("Wann soll …", "When will …"). */
export function asksPlannedTime(question: string): boolean {
  return answerType(question) === "time" && PLAN_ASKED.test(question);
}

/** True when a sentence speaks of what is planned, intended or expected ("soll", "geplant", "frühestens", "will", "next"). */
export function speaksOfPlan(sentence: string): boolean {
  return PLAN_SAID.test(sentence);
}

/**
 * Which end of a span a when-question asks for: "Seit wann …", "Since when …" its start, "Bis wann …",
 * "Until when …", "By when …" its end. News gives a start with "seit" or "since", or with a verb of
 * beginning ("1921 gegründet", "im Mai gestartet"), and an end with "bis" or "until" ("bis zum
 * Herbst"); a sentence that gives the other end ("läuft bis Ende Mai" for "Seit wann läuft sie?") is
 * about the same span, but does not answer. General grammar, German and English.
 */
const BOUND_ASKED: Readonly<Record<"start" | "end", RegExp>> = {
  start: /(?<![\p{L}])(seit\s+wann|ab\s+wann|von\s+wann\s+an|since\s+when|from\s+when|as\s+of\s+when)(?![\p{L}])/iu,
  end: /(?<![\p{L}])(bis\s+wann|until\s+when|till\s+when|by\s+when)(?![\p{L}])/iu,
};
/** "Von wann bis wann …", "from when to when …": both ends of a span asked for at once. */
const BOTH_BOUNDS = /(?<![\p{L}])(von\s+wann\s+bis\s+wann|from\s+when\s+(to|until|till)\s+when)(?![\p{L}])/iu;
const BOUND_SAID: Readonly<Record<"start" | "end", RegExp>> = {
  // "ab dem 20. Mai", "Vom 1. Oktober an", "from 3 March": a start given as a date ("fährt um 6 Uhr ab" is a verb's particle).
  start: new RegExp(
    String.raw`(?<![\p{L}])(?:(?:seit|since|gegründet|gegründete[nmrs]?|gründete|founded|established|gestartet|gestartete[nmrs]?|started|begann|began|eröffnet|eröffnete|opened|as\s+of|starting|ab\s+(?:dem|der|den|sofort)|vo[mn]\s+(?:\d{1,2}\.\s*)?\p{L}+(?:\s+\d{4})?\s+an|from\s+(?:${MONTH_NAMES}|${WEEKDAY_NAMES}|next|tomorrow|today|now))(?![\p{L}])|(?:ab|from)\s+\d)`,
    "iu",
  ),
  // "bis zu 45 Minuten" is "up to", an amount, not an end.
  end: /(?<![\p{L}])(bis(?!\s+zu\s)|until|till)(?![\p{L}])/iu,
};

/** "ab Montag", "ab Herbst": "ab" before a noun (case matters: "ab und zu" is no start). */
const START_BEFORE_NOUN = /(?<![\p{L}])[Aa]b\s+\p{Lu}/u;

/** The end of a span a question asks for ("Seit wann …" its start, "Bis wann …" its end), or null. */
export function boundAsked(question: string): "start" | "end" | null {
  // "Von wann bis wann …" asks for both ends: a sentence that gives its start is no worse than one that gives its end.
  if (BOTH_BOUNDS.test(question)) return null;
  if (BOUND_ASKED.start.test(question)) return "start";
  if (BOUND_ASKED.end.test(question)) return "end";
  return null;
}

/** True when a sentence gives that end of a span: "seit 2019" or "gegründet" a start, "bis zum Herbst" an end. */
export function saysBound(sentence: string, bound: "start" | "end"): boolean {
  return BOUND_SAID[bound].test(sentence) || (bound === "start" && START_BEFORE_NOUN.test(sentence));
}

/**
 * The kinds of organisation a which-question may ask for ("welche Stiftung", "welche Baufirma", "which
 * charity"): a closed class of nouns, German ones also as a compound's head. The sentence side
 * (ORGANIZATION_NOUN_DE, ORGANIZATION_WORD) knows the same kinds in their inflected forms.
 */
const ORGANIZATION_KIND_DE =
  "organisation|bündnis|partei|allianz|behörde|firma|unternehmen|gruppe|institution|regierung|ministerium|institut|büro|verein|stiftung|gesellschaft|genossenschaft|gewerkschaft|bank|agentur|konzern|verband|betrieb";
const ORGANIZATION_KIND_EN = "organi[sz]ation|alliance|party|agency|company|group|institution|government|ministry|institute|firm|association|union|foundation|bank|charity|club";
const ORGANIZATION_KIND = new RegExp(String.raw`(?:${ORGANIZATION_KIND_DE})$`, "iu");

/** True for a German noun for a kind of organisation, alone or as a compound's head ("Fluggesellschaft", "Großunternehmen"). */
export function isOrganizationKind(noun: string): boolean {
  return ORGANIZATION_KIND.test(noun) || isAcronymOrLegalForm(noun);
}

/** Checked in order: the more specific phrase first ("wie lange" before "wie", "how many" before "how"). */
const QUESTION_CUES: readonly Cue[] = [
  { type: "duration", pattern: phrase(String.raw`(für|über|in)\s+welchen\s+zeitraum|welche[rnms]?\s+(laufzeit|dauer|frist)|((for|over|in)\s+)?what\s+(period|time\s+span|term)|wie\s+langer?|wie\s+viele\s+(tage|wochen|monate|jahre|stunden|minuten)|seit\s+wie\s+vielen|how\s+long|for\s+how\s+many\s+(days|weeks|months|years|hours)|how\s+many\s+(days|weeks|months|years|hours|minutes)`) },
  { type: "frequency", pattern: phrase(String.raw`wie\s+oft|wie\s+häufig|in\s+welchem\s+takt|how\s+often|how\s+frequently`) },
  // "Ab welchem Datum", "bis zu welchem Tag", "on which day": a which-question for a point of the calendar, after any preposition.
  { type: "time", pattern: phrase(String.raw`wann|seit\s+wann|bis\s+wann|welche[nmrs]?\s+(jahr|monat|tag|tagen|tage|wochentag|wochentagen|datum|zeitpunkt|termin|stichtag)|${CLOCK_ASKED}|when|(what|which)\s+(years?|months?|days?|dates?|times)|what\s+time|since\s+when`) },
  { type: "ordinal", pattern: phrase(String.raw`an\s+welcher\s+stelle|auf\s+welchem\s+(platz|rang)|welchen\s+(platz|rang)|der\s+wievielte|die\s+wievielte|das\s+wievielte|what\s+(rank|place|position)|which\s+(rank|place)|where\s+(does|do|did|is|are)\s+.+\s+rank|ranks?\s+where|ranked`) },
  { type: "number", pattern: phrase(String.raw`wie\s*viele?n?|wieviele?|wie\s+(${MEASURE_DE})|welche[rnms]?\s+(\p{L}+\s+)?(\p{L}*(${QUANTITY_DE}))|how\s+(many|much|${MEASURE_EN})|(what|which)\s+(${QUANTITY_EN})|what\s+(is|was|are|were)\s+the\s+(\p{L}+\s+)?(${QUANTITY_EN}|${SUM_NOUN_EN})(?![\p{L}])`) },
  // Asking for a name wants the name itself, not a role ("der Bürgermeister") that stands for one.
  { type: "name", pattern: phrase(String.raw`wie\s+hei(ß|ss)(t|en)|wie\s+lautet\s+(der|sein|ihr)\s+name|(what|what's|what\s+is|what\s+was)\s+(the|his|her|their|its)\s+(\p{L}+['’]s\s+)?(full\s+)?name|vollen\s+namen`) },
  // What someone said: answered by a quotation or reported speech, not by the sentence that names the occasion.
  { type: "statement", pattern: phrase(String.raw`(was|wie)\s+(${SPEECH_VERB_DE})|(what|how)\s+(did|does|do|has|have|had)\s+.+\s+(${SPEECH_VERB_EN})|${STANCE_ASKED}`) },
  { type: "person", pattern: phrase(String.raw`wer|wen|wem|wessen|welche[rnms]?\s+(\p{L}+\s+)?(\p{L}*(person|politiker|präsident|minister|mann|frau|sprecher)(in|innen)?)|who|whom|whose|which\s+(person|politician|president|minister|man|woman|spokesman|spokesperson)`) },
  { type: "organization", pattern: phrase(String.raw`welche[rnms]?\s+(\p{L}+\s+)?(\p{L}*(${ORGANIZATION_KIND_DE}))|(which|what)\s+(\p{L}+\s+)?(${ORGANIZATION_KIND_EN})`) },
  { type: "role", pattern: phrase(String.raw`welche\s+(rolle|funktion|position|amt)|welches\s+amt|what\s+(role|position|job|office|title)|which\s+(role|position|office)`) },
  { type: "place", pattern: phrase(String.raw`wo|wohin|woher|welche[smnr]?\s+(\p{L}+\s+)?(${PLACE_NOUN_DE})|where|(which|what)\s+(${PLACE_NOUN_EN})`) },
  // A cause asked for by what it did: "What caused …", "what was behind …", "Was steckt hinter …", "Was führte zu …".
  { type: "reason", pattern: phrase(String.raw`warum|wieso|weshalb|weswegen|aus\s+welchem\s+grund|why|for\s+what\s+reason|was\s+(steckt|steckte|stand|steht)\s+hinter|was\s+(führte|führt|hat)\s+(\p{L}+\s+)?zu|was\s+(war|ist|sind|waren)\s+(der|die)\s+(grund|gründe|ursache|ursachen|auslöser|anlass)|what\s+(\p{L}+ly\s+)?(caused|causes|led\s+to|leads\s+to|triggered|prompted)|what\s+(\p{L}+\s+){0,3}(was|is|were|are)\s+behind|what\s+(was|is|were|are)\s+the\s+(reason|reasons|cause|causes)`) },
];

/**
 * The answer type a question asks for, or null when its wording gives no cue. Sentence scoring rewards
 * sentences that carry this type, which is what separates "Hunderte Verletzte" from a sentence that
 * merely repeats the question's words.
 *
 * @example
 * answerType("Wie viele Verletzte gab es?") // "number"
 * answerType("Who is the president?")      // "person"
 */
export function answerType(question: string): AnswerType | null {
  const q = withoutRelatives(spelledOut(question).toLowerCase());
  // "How long is the bridge?": a number, of metres or of days (see SIZE_OR_SPAN).
  if (SIZE_OR_SPAN.test(q)) return "number";
  // The question word that comes first asks; a later one opens a clause of its own ("How old was the driver
  // who was hurt when a tree came down?" asks for an age). At one position the more specific phrase wins.
  let best: { type: AnswerType; at: number } | null = null;
  for (const cue of QUESTION_CUES) {
    const at = cue.pattern.exec(q)?.index ?? (cue.type === "person" && asksForRoleHolder(q) ? (WHICH.exec(q)?.index ?? -1) : -1);
    if (at >= 0 && (best === null || at < best.at)) best = { type: cue.type, at };
  }
  if (best) return best.type;
  // "Was kostete die Brücke?", "what did it end up costing?": a sum of money is a number; so is an age.
  if (MONEY_QUESTION.test(q) || SHARE_QUESTION.test(q) || AGE_QUESTION.test(q)) return "number";
  return null;
}

const WHICH = /(?<![\p{L}])(welche[rnms]?|which)(?![\p{L}])/u;

/**
 * An English question with its contracted "is" spelt out ("What's the reason …" → "What is the reason …"),
 * so the cues, written for the full form, read it, and its "s" is no word asked about.
 */
function spelledOut(question: string): string {
  return question.replace(/(?<=(?<![\p{L}])(?:what|who|where|when|how|why|that|it|there))['’]s(?![\p{L}])/giu, " is");
}

/** The modal particles a chat question adds after its question word ("Wie heißt eigentlich …", "Wer ist denn …"): a closed class. */
const MODAL_PARTICLES = "eigentlich|denn|nochmal|genau|überhaupt|jetzt|nun|bitte";

/**
 * "Wie heißt er?", "Wie heißt die Frau?", "What's her name?": the name asked for is a person's, not a
 * town's or a court's. A pronoun counts only where it ends the question ("Wie heißen die Interessenten?"
 * asks for whoever they are). Grammar, not vocabulary.
 */
const PERSON_NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:wie\s+hei(?:ß|ss)(?:t|en)\s+(?:(?:${MODAL_PARTICLES})\s+)*(?:(?:er|sie|der|die)(?:\s+(?:${MODAL_PARTICLES}))?\s*[?!.]*\s*$|(?:der|die)\s+(?:mann|frau|typ|kerl|person|dame|herr)(?![\p{L}]))|what(?:'s|\s+is|\s+was)\s+(?:his|her)\s+(?:full\s+)?name(?![\p{L}]))`,
  "iu",
);

/** True when a question asks for a person's name (see PERSON_NAMED). */
export function asksPersonName(question: string): boolean {
  return PERSON_NAMED.test(question.trim());
}

/** "Welche Richterin …", "which judge …": a which-question about a role asks for the person who holds it. */
function asksForRoleHolder(question: string): boolean {
  // The role noun right after the question word, or after one adjective ("welche neue Ministerin").
  const words = /(?<![\p{L}])(?:welche[rnms]?|which)\s+(\p{L}+)(?:\s+(\p{L}+))?/iu.exec(question);
  return words !== null && (ROLE_NOUN.test(words[1]!) || (words[2] !== undefined && ROLE_NOUN.test(words[2])));
}

/** English words after which "who" or "which" still asks ("and who?", "by whom", "in which year"). */
const BEFORE_ASKING = /^(and|or|but|so|to|by|with|for|from|of|in|on|at|about|into|after|before|since|until|during|through|throughout|within|over|under|between|among|against|without|across|near)$/;

/**
 * An English question with its relative pronouns taken out: in "What did the railway do for people who
 * lost their homes?" the "who" opens a relative clause and asks for nobody. A wh-word right after another
 * word is relative, unless that word is a preposition or a conjunction.
 */
function withoutRelatives(question: string): string {
  return question.replace(/(?<![\p{L}'])(\p{L}+)\s+(who|whom|whose|which)(?![\p{L}])/gu, (match, before: string) => (BEFORE_ASKING.test(before) ? match : before));
}

const NUMBER_WORD = String.raw`zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|hunderte|hunderten|tausend|tausende|tausenden|dutzend|dutzende|million|millionen|milliarde|milliarden|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|hundreds|thousand|thousands|dozen|dozens|million|millions|billion|billions`;
const NUMBER_WORDS = new RegExp(`^(${NUMBER_WORD})$`);
/** A number in digits ("40", "1.930", "2,5") or in words ("zwei", "three"). */
function isNumberWord(token: string): boolean {
  return /^\d+([.,]\d+)*$/.test(token) || NUMBER_WORDS.test(token.toLowerCase());
}
/**
 * "How long is the bridge?", "How long was the strike?": English asks a length and a span alike where
 * written German says "wie lang" or "wie lange"; spoken German says "Wie lang war der Streik?" too. Asked
 * of a thing by a form of "be" alone (no verb to go on: "How long is the line expected to stay shut?"
 * asks a span), either answers it: a number with a unit of length or of time.
 */
const SIZE_OR_SPAN = /(?<![\p{L}])(how\s+long\s+(is|was|are|were)\s+(the|a|an|its|his|her|their|this|that)|wie\s+lang\s+(ist|war|sind|waren)\s+(der|die|das|sein|seine|ihr|ihre))\s+(?![^?]*(?<![\p{L}])to\s)/u;
/** Units of time a span is given in (general German and English usage). */
const DURATION_UNIT = String.raw`sekunden?|minuten?|stunden?|tage?n?|tagen|tages|wochen?|monate?n?|monats|jahre?n?|jahres|jahrzehnte?n?|jahrzehnts|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?`;
const SIZE_OR_SPAN_UNIT = measured(`${LENGTH_UNIT}|${DURATION_UNIT}`);
const DURATION_UNITS = new RegExp(`^(${DURATION_UNIT})$`);
/** Words that say how often: a timetable's "Takt", "täglich", "zweimal", "daily". */
const FREQUENCY_WORD = /^([\p{L}-]*takt|täglich|stündlich|wöchentlich|monatlich|jährlich|(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d+)mal|mehrmals|daily|hourly|weekly|monthly|yearly|annually|once|twice)$/u;
/** Determiners that make a span of the calendar a point in time: "dieser Woche", "next month". */
const CALENDAR_DETERMINER = /^(diese[rnms]?|kommende[rnms]?|laufende[rnms]?|this|next|last|coming)$/;
/** Words that turn a span into a point in time: "zwei Stunden nach dem Anpfiff", "zwei Tage später". */
const RELATIVE_TIME = /^(nach|vor|später|danach|zuvor|after|before|later|earlier|ago)$/;
/** Prepositions of a span within which something must happen ("innerhalb eines Monats", "binnen drei Tagen", "within two weeks"). */
const DEADLINE = /^(innerhalb|binnen|within)$/i;
const DURATION_WORDS = /^(tagelang|wochenlang|monatelang|jahrelang|stundenlang|jahrzehntelang)$/;
const COUNTABLE_BEFORE_UNIT = /^(ein|eine|einer|einem|einen|eines|a|an|one|wenige[rn]?|mehrere[rn]?|einige[rn]?|few|several|\d+([.,]\d+)?)$/;
/** An ordinal: "3.", "dritte", "third", an ordinal superlative ("zweitgrößte", "drittstärkste"), "erstmals". */
const ORDINAL = /^(\d+\.|\d+(st|nd|rd|th)|erste[nrms]?|zweite[nrms]?|dritte[nrms]?|(vier|fünf|sechs|sieb|sieben|acht|neun|zehn|elf|zwölf|zwanzig)te[nrms]?|(erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)\p{L}{2,}[sß]te[nrms]?|erstmal(s|ig\p{L}*)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/u;
const MONTHS = new RegExp(`^(${MONTH_NAMES}|(?:${WEEKDAY_NAMES})s?|gestern|heute|morgen|yesterday|today|tomorrow|anfang|ende|mitte|vergangenen?|letzten?|nächsten?)$`);
/**
 * Points of the calendar named by a word rather than a date: seasons, the holidays a year is told by, and the
 * turns of a year, month or week ("im Frühjahr", "bis Weihnachten", "zum Jahreswechsel", "by Christmas").
 * A closed class of the calendar, like the month names; it is a time only after a preposition or determiner
 * ({@link CALENDAR_CUE}), since "Winter" and "Sommer" are also surnames.
 */
const CALENDAR_WORD =
  /^(frühjahr|frühling|sommer|herbst|winter|spring|summer|autumn|weihnachten|ostern|pfingsten|silvester|neujahr|christmas|easter|(jahres|monats|wochen|quartals)(ende|anfang|beginn|mitte|wechsel|hälfte))$/;
const CALENDAR_CUE = /^(im|in|am|an|zum|zur|bis|ab|seit|vor|nach|über|gegen|den|dem|diesen|diesem|dieses|kommenden|nächsten|vergangenen|letzten|the|this|next|last|by|until|since|before|after|over|during|early|late|mid)$/;
/** Words besides {@link MONTHS} that a year stands after when it dates something: "im Jahr 2019", "bis Herbst 2027" (grammar of dates). */
const YEAR_BEFORE = /^(im|jahr|jahres|seit|bis|ab|von|frühjahr|frühling|sommer|herbst|winter|in|since|until|by|from|year|spring|summer|autumn|fall|early|late|mid)$/;
/** A season or a span of the calendar after "im" is a time, not a place: "im Sommer", "im Monat". */
const TIME_NOUN = new RegExp(`^(?:frühjahr|frühling|sommer|herbst|winter|zeitraum|verlauf|laufe|vorfeld|anschluss|${DURATION_UNIT}|${MONTHS.source.slice(1, -1)})$`);
/**
 * A compound whose head is a span of time ("in der Mittagszeit", "im Stundentakt", "in den Abendstunden",
 * "im Vorjahr"): a time, not a place. Not DURATION_UNITS: a "-tag" compound is as often a parliament
 * ("im Bundestag", "im Landtag"), which is a place.
 */
const TIME_HEAD = /[\p{L}-](zeit|zeiten|takt|phase|periode|wochen?|monate?n?|jahr(?:es|en|e)?|stunden?|nacht|nächten)$/u;
/** A weekday with the time of day, as German writes it in one word: "Dienstagabend", "Montagmorgen". */
const DAYTIME = /^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?(früh|morgen|vormittag|mittag|nachmittag|abend|nacht)s?$/;
/** Role nouns, masculine or feminine ("Richter", "Richterin"), alone or as a compound's head. */
const ROLE_NOUN =
  /(präsident|präsidentin|kanzler|kanzlerin|minister|ministerin|sprecher|sprecherin|chef|chefin|leiter|leiterin|führer|führerin|mitarbeiter|mitarbeiterin|vorsitzende[rn]?|general|botschafter|bürgermeister|abgeordnete[rn]?|herrscher|könig|königin|premier|staatschef|regierungschef|vorgänger|nachfolger|direktor|richter|anwalt|sekretär|president|chancellor|minister|spokesman|spokeswoman|spokesperson|chief|head|leader|director|employee|staff|ambassador|mayor|judge|king|queen|predecessor|successor)(?:in|innen)?$/i;
/**
 * An organisation's noun, alone or as a compound's head, in its inflected forms ("des Baukonzerns", "den
 * Parteien"), or a legal form ("GmbH", "AG", "Ltd"). Closed classes of words, not vocabulary. A German
 * one is a noun, so capitalised: "trat" and "separat" end alike.
 */
const ORGANIZATION_NOUN_DE = new RegExp(
  String.raw`(organisation(en)?|bündnis(ses|se|sen)?|allianz(en)?|partei(en)?|ministerium[s]?|ministerien|regierung(en)?|behörde[n]?|` +
    String.raw`verband(e?s)?|verbände[n]?|union|konzern(e?s|e|en)?|unternehmen[s]?|firma|firmen|gericht(e?s|e|en)?|rat|rats|räte[n]?|` +
    String.raw`parlament(e?s|e)?|institut(e?s|e|en)?|büro[s]?|verein(e?s|e|en)?|stiftung(en)?|gesellschaft(en)?|genossenschaft(en)?|gewerkschaft(en)?|bank|banken|agentur(en)?|betrieb(e?s|e|en)?)$`,
);
const ORGANIZATION_WORD =
  /(organi[sz]ations?|alliances?|party|parties|ministry|ministries|governments?|agency|agencies|councils?|parliaments?|courts?|company|companies|institutes?|firms?|associations?|unions?|foundations?|banks?|charity|charities|clubs?)$/;
/** An acronym ("NATO", "WHO-Bericht" by its first part), not a Roman numeral ("Kornblume II"). */
const ACRONYM = /^(?![IVXLC]+$)\p{Lu}{2,}$/u;
const LEGAL_FORM = /^(gmbh|ag|se|kgaa|ltd|inc|plc|llc)$/i;

/** True for a word that is an organisation by its form: an acronym or a company's legal form ("GmbH", "Ltd"). */
export function isAcronymOrLegalForm(word: string): boolean {
  return ACRONYM.test(word.split("-")[0] ?? "") || LEGAL_FORM.test(word);
}
/** The nouns that name a cause ("Als Grund nannte …", "Ursache war …"). */
const REASON_NOUNS = "grund|gründe|gründen|ursache|ursachen|anlass|anlässe|auslöser|hintergrund|reason|reasons|cause";
/**
 * A compound whose head names a cause: any "-ursache" ("Brandursache"), and a "-grund" of a cause only
 * ("Hauptgrund", "Beweggrund", "Kündigungsgrund"), since "Untergrund", "Vordergrund" and "Meeresgrund" are soil
 * or places. General German word formation.
 */
const REASON_COMPOUND = String.raw`\p{L}+ursachen?|(haupt|beweg|\p{L}+ungs)gr(u|ü)nde?n?`;
/** Conjunctions and prepositions of cause, the nouns that name one and the verb that gives one ("begründete … mit"). */
const REASON_WORD = new RegExp(
  `^(weil|denn|wegen|aufgrund|infolge|daher|deshalb|darum|because|due|since|therefore|owing|${REASON_NOUNS}|${REASON_COMPOUND}|begründ\\p{L}*)$`,
  "iu",
);
/**
 * "da" and "zumal" opening a clause (at the sentence's start or after a comma) and followed by its subject
 * (an article, a pronoun, a determiner) join a cause to it: "Da der Stützpunkt weit entfernt liegt, …".
 * Before its verb, "da" is an adverb of place or time ("Da kam der Bus"). German grammar.
 */
const CAUSAL_CLAUSE = /(?:^|[,;–]\s*)(?:da|zumal)\s+(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|er|sie|es|wir|man|sich|sein|seine|ihr|ihre|dieser|diese|dieses|kein|keine|viele|immer|nur|noch)(?![\p{L}])/iu;
const REASON_NAMED = new RegExp(String.raw`(?<![\p{L}])(?:${REASON_NOUNS}|${REASON_COMPOUND})(?![\p{L}])`, "iu");

/**
 * True for a sentence that names a reason as a thing ("Als Grund nannte …", "Ursache sei …", "Hauptgrund ist …"), not only one
 * that joins a reason to its event ("weil", "wegen"): it may leave what it explains to the sentence before.
 * Read off the text, so that a sentence's features need not be computed to know it.
 */
export function namesReason(sentence: string): boolean {
  return REASON_NAMED.test(sentence);
}
const ARTICLES = /^(der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|the|a|an)$/i;
const LIST_JOIN = /^(und|oder|sowie|and|or)$/i;
const PLACE_PREPOSITION = /^(in|nach|aus|zu|bei|an|von|im|into|from|to|near)$/i;
/**
 * Where something is, said by a preposition of place and an article before the noun: "in einem Hotel",
 * "an der Landstraße", "in allen Verkaufsstellen" (German grammar; the nominative and accusative articles
 * are left out, after which the noun is more often a direction or a thing than a place).
 */
const LOCATIVE_PREPOSITION = /^(in|im|an|am|bei|auf)$/i;
const LOCATIVE_ARTICLE = /^(der|dem|den|einem|einer|allen)$/i;

/** Words that ask who leads something: "Wer führt / leitet …", "an der Spitze", "who leads / heads …", "the head of", "in charge of", "the director of". */
const LEADING = /^(führt|führte|führten|führen|geführt|anführt|anführte|anführen|angeführt|leitet|leitete|leiteten|leiten|geleitet|spitze|leads|lead|led|leading|heads|headed|heading|head|leader|leaders|chief|boss|runs|ran|running|director|directors|chair|chairs|chaired|chairing|charge)$/i;
/**
 * The role nouns a news text names a leader by, as the head of a compound or alone ("Vereinschef",
 * "Schulleiter", "die Vorsitzende"; in English "plant director", "chief executive"): general usage that
 * no dictionary sense links to "führen" or "lead". Only those the sources use are looked for.
 */
export const LEADER_NOUNS: readonly string[] = ["Chef", "Leiter", "Vorsitzender", "Führer", "Präsident", "director", "chief", "chair"];

/** True when `word` asks who leads what the question names, in a question for a person. */
export function asksForLeader(word: string, expected: AnswerType | null): boolean {
  return expected === "person" && LEADING.test(word);
}

/**
 * The answer types a sentence can supply, each with the words that supply it (lower case), so the scorer
 * can ignore a "person" that is only the person the question already names.
 */
export interface SentenceFeatures {
  readonly types: ReadonlyMap<AnswerType, readonly string[]>;
}

/** What the lexicon knows of a word, for telling names and places from common nouns. */
export interface WordKnowledge {
  /** A country or region name, in German or English. */
  isPlace(word: string): boolean;
  /** A word the German dictionaries know (a capitalised word they do not know is likely a name). */
  isWord(word: string): boolean;
  /** The dictionary forms of a German word ("versprach" → versprechen), for matching inflections the stemmer leaves apart. */
  lemmas?(word: string): readonly string[];
}

/** A capitalised word and, right after it, one to three words in parentheses: "Heßler (Freie Wähler)". */
const AFTER_NAME_PARENTHESIS = /(\p{Lu}[\p{L}'’-]*)\s+\((\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2})\)/gu;

/** A sentence's words as its features read them: with inner hyphens, points and apostrophes, and a full stop after them kept ("3.", "Str."). */
const SENTENCE_WORD = /[\p{L}\p{N}]+(?:[-.,'’][\p{L}\p{N}]+)*\.?/gu;

/**
 * Which answer types a sentence can supply (a number, a duration, a person …), from surface cues:
 * digits and number words, a count before a time unit, role nouns and runs of capitalised names,
 * acronyms; with `knows`, also names the dictionary does not know and country names. Pure, so the scorer can
 * cache it per sentence.
 *
 * @example
 * sentenceFeatures("Es gab Hunderte Verletzte.").types.has("number") // true
 */
export function sentenceFeatures(sentence: string, knows?: WordKnowledge, named?: ReadonlySet<string>): SentenceFeatures {
  const types = new Map<AnswerType, string[]>();
  const add = (type: AnswerType, word: string) => {
    const list = types.get(type);
    if (list) list.push(word.toLowerCase());
    else types.set(type, [word.toLowerCase()]);
  };
  const words = sentence.match(SENTENCE_WORD) ?? [];
  let placeAt = -1;
  const causal = CAUSAL_CLAUSE.exec(sentence);
  if (causal) add("reason", causal[0].replace(/^[,;–\s]+/u, "").split(/\s+/u)[0]!);
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? "";
    const word = raw.replace(/\.$/, "");
    const lower = word.toLowerCase();
    const prev = i > 0 ? (words[i - 1] ?? "").replace(/\.$/, "") : "";
    const next = (words[i + 1] ?? "").replace(/\.$/, "").toLowerCase();
    const isNumber = isNumberWord(word);
    // A year after a word of the calendar ("bis Herbst 2027", "im Jahr 2019", "seit 2021") dates something; it is no amount.
    const dated = /^(1\d{3}|20\d\d)$/.test(word) && (YEAR_BEFORE.test(prev.toLowerCase()) || MONTHS.test(prev.toLowerCase()));
    // A clock time ("um 18 Uhr", "at 2 o'clock", "at 3:40 a.m.", whose hour and minutes are two words here)
    // is a time of day, no amount.
    const afterNext = (words[i + 2] ?? "").replace(/\.$/, "");
    const clock = /^\d{1,2}([.:]\d{2})?$/.test(word) && (/^(uhr|a\.m|p\.m|o['’]clock)$/i.test(next) || (/^\d{2}$/.test(next) && /^(a\.m|p\.m)$/i.test(afterNext)));
    // A number named as a year ("um das Jahr 260", "in the year 79") dates something, however few its digits.
    const year = /^\d{1,4}$/.test(word) && /^(jahr|jahre|year)$/i.test(prev);
    if (isNumber && !dated && !clock && !year) add("number", word);
    if (year) add("time", word);
    // A number joined to the word it counts: "71-year-old", "52-jährige", "3-Zimmer-Wohnung".
    const joined = /^(\d+)-\p{L}/u.exec(word);
    if (joined) add("number", joined[1]!);
    if (/^(1\d{3}|20\d\d)$/.test(word) || MONTHS.test(lower) || DAYTIME.test(lower)) add("time", word);
    if (CALENDAR_WORD.test(lower) && CALENDAR_CUE.test(prev.toLowerCase())) add("time", word);
    // "Anfang des Monats", "Ende der Woche": the span is the time said, not only its "Anfang", which is also
    // a word a question may ask with ("Wann fing der Streik an?").
    if (/^(anfang|ende|mitte)$/.test(lower) && /^(des|der|dieses|diesen|dieser|nächsten|kommenden|vergangenen|letzten)$/.test(next)) {
      const span = (words[i + 2] ?? "").replace(/\.$/, "");
      if (/^\p{Lu}/u.test(span) && [span, span.replace(/e?s$/u, "")].some((form) => TIME_NOUN.test(form.toLowerCase()))) add("time", span);
    }
    // "3." is an ordinal inside a sentence ("am 3. Mai"); at its end the full stop ends the sentence ("… 2026.").
    if (ORDINAL.test(/^\d+\.$/.test(raw) && i < words.length - 1 ? raw : lower)) add("ordinal", word);
    // "29 Jahre alt", "54 years old": an age, not how long something lasts.
    const aged = /^(alt|alte|alter|altes|alten|altem|old)$/i.test((words[i + 2] ?? "").replace(/\.$/, ""));
    if ((isNumber || COUNTABLE_BEFORE_UNIT.test(lower)) && DURATION_UNITS.test(next) && !aged) {
      add("duration", next);
      // A span after or before something is a point in time: "zwei Stunden nach dem Anpfiff", "two days later".
      const after = (words[i + 2] ?? "").replace(/\.$/, "").toLowerCase();
      if (RELATIVE_TIME.test(after)) add("time", next);
      // So is one within which something must happen, a deadline counted from now: "innerhalb eines Monats", "within two weeks".
      if (DEADLINE.test(prev) || (i > 1 && DEADLINE.test(words[i - 2] ?? "") && /^von$/i.test(prev))) add("time", next);
    }
    // A span of the calendar named from now: "in dieser Woche", "kommenden Monat", "this week", "next year".
    if (CALENDAR_DETERMINER.test(lower) && DURATION_UNITS.test(next)) add("time", next);
    // A clock time: "um 9.15 Uhr", "at 2 o'clock", "at 3:40 a.m." (whose minutes stand before "a.m.").
    if (/^\d{1,2}([.:]\d{2})?$/.test(word) && /^(uhr|a\.m|p\.m|o['’]clock)$/i.test(next)) add("time", word);
    if (DURATION_WORDS.test(lower)) add("duration", word);
    // "bis Ende der Woche", "bis zum 3. Mai", "until Friday": how long something lasts, given by its end.
    if (/^(bis|until)$/.test(lower)) {
      const after = words.slice(i + 1, i + 4).map((w) => w.replace(/\.$/, "").toLowerCase()).filter((w) => !/^(zum|zur|zu|the|dem|der|end|of|kommenden|nächsten|next)$/.test(w));
      const end = after[0] ?? "";
      if (MONTHS.test(end) || DAYTIME.test(end) || /^(\d{1,2}|1\d{3}|20\d\d)$/.test(end)) add("duration", end);
    }
    if (ROLE_NOUN.test(lower)) {
      add("role", word);
      add("person", word);
    }
    const organization = isAcronymOrLegalForm(word) || ORGANIZATION_WORD.test(lower) || (ORGANIZATION_NOUN_DE.test(lower) && /^\p{Lu}/u.test(word));
    if (organization) add("organization", word);
    if (REASON_WORD.test(lower)) add("reason", word);
    // How often: "alle zehn Minuten", "im Zehn-Minuten-Takt", "dreimal täglich", "every ten minutes".
    if (FREQUENCY_WORD.test(lower) || ((/^(alle|every)$/.test(prev.toLowerCase()) || i > 1 && /^(alle|every)$/i.test(words[i - 2] ?? "")) && DURATION_UNITS.test(lower))) add("frequency", word);
    const capitalised = /^\p{Lu}\p{Ll}/u.test(word);
    const located = isLocated(words, i, knows);
    if (capitalised && i > 0 && /^\p{Lu}\p{Ll}/u.test(prev) && !ARTICLES.test(prev) && !ARTICLES.test(word)) {
      if (namesPerson(prev, located, knows)) {
        add("person", prev);
        add("person", word);
      }
      // A first name and a surname, or a name of two words: a name, where a role noun alone is none.
      if (knows === undefined || !knows.isWord(prev) || !knows.isWord(word)) {
        add("name", prev);
        add("name", word);
      }
    }
    // A surname the article gave in full stands for that person alone ("sagte Vogel"), though the
    // dictionary knows the word; after an article it is the noun ("ein Vogel").
    if (capitalised && named?.has(lower) === true && !ARTICLES.test(prev)) add("person", word);
    // A name: capitalised, not opening the sentence, and unknown to the dictionary ("Mirsojew", "Tromsø").
    // Right after a number it is what the number counts ("mit 40 Einsatzkräften"), a compound the dictionary lacks.
    const counted = isNumberWord(prev);
    if (capitalised && i > 0 && knows !== undefined && !ARTICLES.test(word) && !knows.isWord(word) && !counted) {
      // A name after a common noun names that thing ("Amtsgericht Kassel"), unless the noun is a role.
      const described = /^\p{Lu}/u.test(prev) && knows.isWord(prev) && !ROLE_NOUN.test(prev);
      // After an article it is a thing's or a place's ("über die Kalde"): news names a person without one.
      if (!located && !described && !ARTICLES.test(prev)) add("person", word);
      add("name", word);
    }
    // Right after a preposition of place ("in Kassel", "im Landratsamt"), or after one and a dative article ("in einem Hotel").
    const afterPreposition = i > 0 && (PLACE_PREPOSITION.test(prev) || (i > 1 && LOCATIVE_ARTICLE.test(prev) && LOCATIVE_PREPOSITION.test(words[i - 2] ?? "")));
    // "im Alter von 23 Jahren", "in Höhe von 2 Millionen", "im Wert von 40.000 Euro": a measure, no place.
    const measured = next === "von" && /^(\d|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|rund|etwa|knapp|mehr|über|bis)/iu.test(afterNext);
    // "nach" takes a place by its name ("nach Kassel") or home and the compass; before a common noun it says
    // on what authority ("nach Angaben der Polizei", "nach Schätzung der Stadt").
    const according = /^nach$/i.test(prev) && knows !== undefined && knows.isWord(word) && !knows.isPlace(word) && !/^(hause|norden|süden|osten|westen)$/.test(lower);
    const place =
      (capitalised && afterPreposition && !measured && !according && !TIME_NOUN.test(lower) && !TIME_HEAD.test(lower)) ||
      // A name after a noun for a kind of place is that place: "der Ort Quellbrunn", "die Gemeinde Rodenbach".
      (capitalised && i > 0 && knows !== undefined && !knows.isWord(word) && isPlaceKind(prev)) ||
      (capitalised && knows?.isPlace(word) === true) ||
      // A list goes on with the same kind of thing: "aus Dänemark, Schweden und Polen".
      (capitalised && !ARTICLES.test(word) && placeAt >= 0 && (placeAt === i - 1 || (placeAt === i - 2 && LIST_JOIN.test(prev))));
    if (place) {
      add("place", word);
      placeAt = i;
    }
  }
  // "Bürgermeister Frank Heßler (Freie Wähler)", "Landrat Ott (parteilos)": news puts the party or group a
  // person belongs to in parentheses after their name (an age there is digits, a dateline's agency follows a place).
  const persons = types.get("person") ?? [];
  for (const [, name, group] of sentence.matchAll(AFTER_NAME_PARENTHESIS)) {
    if (persons.includes(name!.toLowerCase())) for (const word of group!.split(/\s+/u)) add("organization", word);
  }
  // A title in quotes after the noun it names ("die Initiative „Kurze Wege“", "das Programm "Grüne Höfe"") is
  // that thing's name, whatever its words; a quote after a verb or colon is speech.
  for (const { title } of quotedTitles(sentence)) for (const word of title.match(/[\p{L}\p{N}]+/gu) ?? []) add("name", word);
  // What was said supplies a statement: the words of the sentence, of which some are new to the question.
  if (STATEMENT.test(sentence)) for (const word of words) if (/^\p{L}/u.test(word)) add("statement", word);
  // Three or more names in a row: "in Frankfurt, München, Hamburg, Düsseldorf und Köln/Bonn".
  // (A list has a comma: most sentences need not be matched against the long pattern.)
  if (sentence.includes(",")) {
    for (const match of sentence.matchAll(LIST)) {
      for (const item of match[0].split(/,\s*|\s+(?:und|oder|sowie|and|or)\s+/u)) add("list", item.split(/\s+/u).at(-1) ?? item);
    }
  }
  return { types };
}

/** After "in", "aus", "nach" a name is a place's ("in Kassel"), not a person's; so is a country's name. */
function isLocated(words: readonly string[], i: number, knows?: WordKnowledge): boolean {
  return PLACE_PREPOSITION.test(words[i - 1] ?? "") || PLACE_PREPOSITION.test(words[i - 2] ?? "") || knows?.isPlace((words[i] ?? "").replace(/\.$/, "")) === true;
}

/**
 * Whether a capitalised word before a name makes the two a person's: a role ("Landrätin Eva Lorenz") or a
 * first name the dictionary does not know ("Jana Petersen"); a noun and a name ("Amtsgericht Kassel") are none.
 */
function namesPerson(prev: string, located: boolean, knows?: WordKnowledge): boolean {
  return knows === undefined || ROLE_NOUN.test(prev) || (!knows.isWord(prev) && !located);
}

/**
 * The names, lower-cased, of the people a sentence names in full, after a role or a first name
 * ("Bürgermeisterin Petra Vogel" → petra, vogel): news gives a name in full once and then the surname
 * alone, which may be a word the dictionary knows ("Vogel", "Koch", "Richter"). Pure.
 *
 * @example
 * surnamesIn("Das sagte Bürgermeisterin Petra Vogel.", knows) // ["petra", "vogel"]
 */
export function surnamesIn(sentence: string, knows: WordKnowledge): string[] {
  const words = (sentence.match(SENTENCE_WORD) ?? []).map((w) => w.replace(/\.$/, ""));
  const names = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const [prev, word] = [words[i - 1]!, words[i]!];
    if (!/^\p{Lu}\p{Ll}/u.test(word) || !/^\p{Lu}\p{Ll}/u.test(prev) || ARTICLES.test(prev) || ARTICLES.test(word)) continue;
    if (!namesPerson(prev, isLocated(words, i, knows), knows)) continue;
    for (const name of [prev, word]) if (!ROLE_NOUN.test(name)) names.add(name.toLowerCase());
  }
  return [...names];
}

/** A quoted title of up to six words right after a capitalised noun, not opening the sentence. */
const TITLE = /(?<=[^\s.!?:]\s+)(\p{Lu}[\p{L}-]+)\s+["„“«‚]((?:[^"„“”«»‚‘\s]+\s*){1,6}?)["“”»‘]/gu;

/**
 * The quoted titles of a sentence with the nouns they name: "die Initiative „Kurze Wege“" → Initiative,
 * "Kurze Wege". A quote after a verb or colon is speech, not a title.
 *
 * @example
 * quotedTitles('Das Programm "Grüne Höfe" läuft.') // [{ noun: "Programm", title: "Grüne Höfe" }]
 */
export function quotedTitles(sentence: string): { noun: string; title: string }[] {
  return [...sentence.matchAll(TITLE)].map((m) => ({ noun: m[1]!, title: m[2]!.trim() }));
}

/** A list of three or more capitalised items, the last joined by "und", "oder", "and" …. */
/** An item of a list, perhaps after a preposition and an article: "Frankfurt", "in der Gepäckabfertigung". */
const LIST_ITEM = String.raw`(?:(?:an|in|im|auf|aus|bei|von|vom|zu|zum|zur|mit|nach|für|at|on|from|of|to)\s+)?(?:(?:der|die|das|des|den|dem|the)\s+)?\p{Lu}[\p{L}\p{N}/-]*(?:\.[\p{L}\p{N}]+)*`;
const LIST = new RegExp(String.raw`${LIST_ITEM}(?:,\s+${LIST_ITEM})+,?\s+(?:und|oder|sowie|and|or)\s+${LIST_ITEM}`, "gu");

/**
 * The words of a sentence that stand in the same clause as one of its numbers: what the number may count
 * ("mehr als 300 Festnahmen", "die Zahl der Opfer stieg auf 40"). "Es gab viele Vermisste, Dutzende
 * Verletzte" counts the injured, not the dead: punctuation ends the reach. Pure, lower-cased.
 *
 * With `nounsOnly`, only the capitalised ones: a German sentence's nouns.
 *
 * @example
 * countedWords("Es gab viele Vermisste, Dutzende Verletzte.") // ["dutzende", "verletzte"]
 */
export function countedWords(sentence: string, nounsOnly = false): string[] {
  const tokens = sentence.match(/[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*|[,;:()«»„“"–—!?]|\.(?!\p{N})/gu) ?? [];
  const isWord = (token: string) => (nounsOnly ? COUNTED_NOUN : /^[\p{L}]/u).test(token);
  const counted = new Set<string>();
  const stops = (k: number) => /^[^\p{L}\p{N}]/u.test(tokens[k]!);
  tokens.forEach((token, j) => {
    if (!isNumberWord(token)) return;
    const clause: string[] = [];
    let end = j + 1;
    for (; end < tokens.length && !stops(end); end++) clause.push(tokens[end]!);
    let start = j - 1;
    for (; start >= 0 && !stops(start); start--) clause.push(tokens[start]!);
    // A number set off by commas with no noun of its own ("…eingestellt, insgesamt fünf, sagte …", "…, more
    // than 300.") counts what the clause before it names.
    const alone = !clause.some((w) => COUNTED_NOUN.test(w)) && tokens[start] === "," && (end >= tokens.length || /^[,.;!?]$/.test(tokens[end]!));
    if (alone) for (let k = start - 1; k >= 0 && !stops(k); k--) clause.push(tokens[k]!);
    for (const word of clause) if (isWord(word)) counted.add(word.toLowerCase());
  });
  return [...counted];
}

/** German function words that end in "s", which the English plural test would take for a thing counted ("seit 2021 mehr als …"). */
const GERMAN_IN_S = String.raw`(?:als|aus|bis|des|eines|keines|jedes|dieses|uns|etwas|nichts|bereits|stets|vorerst|rechts|links|morgens|abends|nachts|mittags)`;

/**
 * A word that may be what a number counts, for {@link countedWords}' `nounsOnly`: a German noun is
 * capitalised ("90 Liter Regen pro Quadratmeter gefallen" counts no "Gefallene"); an English count is a
 * plural or "people", as in COUNTS_SOMETHING.
 */
const COUNTED_NOUN = new RegExp(String.raw`^(?:\p{Lu}|(?!${GERMAN_IN_S}$)[a-z]+s$|people$)`, "u");

/** The words that scale a number ("2 Millionen Menschen"): no thing counted themselves. */
const SCALE_WORD = String.raw`(?:Millionen|Million|Milliarden|Milliarde|Mio\.|Mrd\.|millions?|billions?|thousand)`;
/** Units of money, measure and time, German and English: a number before one measures, it counts nothing. */
const UNIT_WORD = String.raw`(?:Uhr|Prozent|Prozentpunkten?|Euro|Cent|Dollar|Franken|Pfund|(?:(?:Kilo|Zenti|Milli|Quadrat|Kubik)meter|Meter)n?|Hektar|Grad|Tonnen|Kilogramm|Kilo|Gramm|Litern?|Sekunden|Minuten|Stunden|Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?|Mal|percent|euros?|dollars|pounds|cents|(?:kilo)?met(?:re|er)s|miles|feet|tonnes|tons|lit(?:re|er)s|hectares|acres|degrees|seconds|minutes|hours|days|weeks|months|years|decades|times)\b`;

/**
 * A number with what it counts after it, perhaps behind a scale word or an adjective: "80 Mitarbeiter",
 * "rund 300 betroffene Familien", "2 Millionen Menschen", "300 workers"; not "bis Ende 2025.", "um 18 Uhr",
 * "30 Millionen Euro" or "seit 30 Jahren", which measure. German nouns are capitalised; an English count is
 * a plural or "people".
 */
const COUNTS_SOMETHING = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d+(?:[.,\s]\d{3})*(?:,\d+)?|${NUMBER_WORD})\s+(?:${SCALE_WORD}\s+)?(?:\p{Ll}+\s+)?(?!${UNIT_WORD}|${SCALE_WORD}\b)(?:\p{Lu}\p{Ll}|(?!${GERMAN_IN_S}\b)[a-z]+s\b|people\b)`,
  "u",
);

/** {@link COUNTS_SOMETHING}, for every match of a sentence (`matchAll` works on a copy, so it is shared safely). */
const COUNTS_SOMETHING_ALL = new RegExp(COUNTS_SOMETHING.source, "gu");

/** True when a question asks how many things there are ("wie viele", "how many"), not how much of something ("wie viel", "how much"). Grammar. */
export function asksHowMany(question: string): boolean {
  return /(?<![\p{L}])(?:how\s+many|wie\s*viele[nm]?)(?![\p{L}])/iu.test(question);
}

/** The words the numbers of a sentence count, each the noun right after its number ("rund 300 betroffene Familien" → Familien); none for a measure. */
export function countedByNumbers(sentence: string): string[] {
  return [...sentence.matchAll(COUNTS_SOMETHING_ALL)].map((m) => (m[0].split(/\s+/u).at(-1) ?? "") + (/^[\p{L}-]*/u.exec(sentence.slice(m.index + m[0].length))?.[0] ?? ""));
}

const SCALE = new RegExp(`^${SCALE_WORD}$`);
const UNIT = new RegExp(`^${UNIT_WORD}$`, "i");

/**
 * True when a sentence has numbers and each measures in a unit ("Eine Stunde Fahrt kostet 4 Euro, dazu
 * kommen 25 Cent pro Kilometer"): it counts nothing, whatever nouns its clauses have. A bare number ("von
 * 29 auf 21 gesunken") may count what the clause names, so it is no measure. Pure.
 */
export function measuresOnly(sentence: string): boolean {
  const tokens = sentence.match(/[\p{L}\p{N}]+(?:[-.,'’][\p{L}\p{N}]+)*/gu) ?? [];
  let numbers = 0;
  for (let j = 0; j < tokens.length; j++) {
    if (!isNumberWord(tokens[j]!)) continue;
    numbers++;
    const unit = SCALE.test(tokens[j + 1] ?? "") ? tokens[j + 2] : tokens[j + 1];
    if (unit === undefined || !UNIT.test(unit)) return false;
  }
  return numbers > 0;
}

const UNIT_TAIL = new RegExp(`(?:${SCALE_WORD}|${UNIT_WORD})$`, "i");

/** True for a unit, a scale word or a compound ending in one ("Euro", "Millionen", "Wochenstunden"): what a measure is given in. */
export function isUnitWord(word: string): boolean {
  return UNIT_TAIL.test(word);
}

/**
 * A count that leaves out what it counts, named before it ("Bislang gebe es nur wenige Einbrüche; im
 * vergangenen Jahr seien es sieben gewesen", "…, im Jahr 2020 waren es 71"); not one in a unit ("seien es
 * 1.400 Tonnen"). German grammar (the expletive "es").
 */
const COUNT_BACK = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:waren|sind|seien|wären|war|ist|wird|werden|sollen|dürften)\s+es|es\s+(?:waren|sind|seien|wären))\s+(?:(?:noch|nur|schon|bereits|insgesamt|zusammen|damals|rund|etwa|knapp|gut|fast|mehr\s+als|weniger\s+als|über|unter)\s+)*(?:\d[\d.,]*|${NUMBER_WORD})(?![\p{L}\p{N}.,])(?!\s+${UNIT_WORD})`,
  "iu",
);

/** True when a sentence has a count that leaves out what it counts (see COUNT_BACK). Pure. */
export function countsBack(sentence: string): boolean {
  return COUNT_BACK.test(sentence);
}

/** True when a number of the sentence counts something: "620 Mitarbeiter", not "bis Ende 2025.". */
export function countsSomething(sentence: string): boolean {
  return COUNTS_SOMETHING.test(sentence);
}

/** Set phrases of German and English news for a fact not given. */
const NOT_KNOWN =
  /\b(keine(?:rlei)? (?:Angaben|Details|Zahlen|Informationen|Auskunft)|(?:ist|sind|war|waren|blieb|blieben|bleibt|bleiben) (?:noch )?(?:unklar|unbekannt|offen)|nicht bekannt|wollte sich (?:dazu )?nicht äußern|nannte (?:keine|nicht)|no (?:details|figures|information)|(?:did|would) not (?:say|disclose|give)|(?:is|was|remains|remained) (?:unclear|unknown))\b/iu;

/** True when a sentence says a fact is not known: "Zu den Kosten machte die Stadt keine Angaben", "did not say". */
export function saysNotKnown(sentence: string): boolean {
  return NOT_KNOWN.test(sentence);
}

/**
 * A question for the name of a role's holder; the role noun is group 1 (German: capitalised, after any
 * adjectives), 2 ("the name of the captain", "the name of the ship's captain") or 3 ("the captain's name").
 */
const NAME_OF_ROLE = new RegExp(
  String.raw`(?<![\p{L}])(?:[Ww]ie\s+hei(?:ß|ss)(?:t|en)\s+(?:(?:${MODAL_PARTICLES})\s+)*(?:der|die|das|den)\s+(?:\p{Ll}+\s+)*(\p{Lu}[\p{L}-]*)|[Ww]hat(?:'s|\s+is|\s+was)\s+the\s+(?:full\s+)?name\s+of\s+the\s+(?:\p{L}+\s+)??(?:\p{L}+['’]s\s+)?(\p{L}+)(?=\s*[?,.]|\s+(?:who|that|of|in|at|for)\b)|[Ww]hat(?:'s|\s+is|\s+was)\s+the\s+(?:\p{L}+\s+)??(\p{L}+)['’]s\s+(?:full\s+)?name\b)`,
  "u",
);

/**
 * "Wer ist (eigentlich) (der neue) Vorsitzende des …?": the role noun, after modal particles and an article with
 * its adjectives, then the end, a preposition or a genitive's article.
 */
const HOLDER_DE = new RegExp(
  String.raw`^[Ww]er\s+(?:ist|war)\s+(?:(?:${MODAL_PARTICLES}|dort|da|hier|derzeit|aktuell)\s+)*(?:(?:der|die|das)\s+(?:\p{Ll}+\s+)*)?(\p{Lu}[\p{L}-]*)(?=\s+(?:von|vom|der|des|bei|beim|im|in|am|an|für|aus)\s|\s*[?,.!]|$)`,
  "u",
);
/** "Who is the (managing) director of …?": the last word of up to three before a preposition, a clause, a participle ("quoted in …") or the end. */
const HOLDER_EN = /^[Ww]ho(?:\s+is|\s+was|['’]s)\s+the\s+(?:\p{L}+\s+){0,2}?(\p{L}+)(?=\s+(?:of|in|at|for|from|with|who|that|which|behind|\p{L}+ed)\s|\s*[?,.!]|$)/u;
/**
 * "Wie viel kostet (künftig) eine Jahreskarte …?", "Was kosten die neuen Busse?", "Wie teuer ist das Ticket?": the
 * first noun after the article (adjectives are lower-case), whose price is asked.
 */
const PRICED_DE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:[Ww]ie\s+viel|[Ww]as)\s+(?:kostet|kosten|kostete|kosteten)|[Ww]ie\s+teuer\s+(?:ist|sind|war|waren|wird|werden))\s+(?:\p{Ll}+\s+){0,2}?(?:der|die|das|den|dem|ein|eine|einen|einem|einer)\s+(?:\p{Ll}+\s+)*(\p{Lu}[\p{L}-]*)`,
  "u",
);
/** "How much does a (single) ticket (for …) cost?", "How much did the 3D printer cost?", "How much is the new bus?": the head, after up to three words, before a preposition, clause or "cost". */
const PRICED_EN = /^(?:[Hh]ow\s+much\s+(?:(?:does|do|did|will|would)(?=.*\bcost\b)|is|are|was|were)|[Ww]hat\s+(?:does|do|did|will|would)(?=.*\bcost\b))\s+(?:a|an|the|one|each)\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(\p{L}+)(?=\s+(?:of|in|at|for|from|with|on|to|that|which)\s|\s+cost\b|\s*[?,.!]|$)/u;

/**
 * The noun a question is about: what "wie viele X / how many X" counts, the category of "welche X / which
 * X", or the role of "welche Richterin / which judge", whose holder is asked for. "people" is a count of
 * people in general ("wie viele Menschen", "how many people"), which the sources give by any noun.
 */
export interface QuestionFocus {
  readonly word: string;
  readonly kind: "counted" | "category" | "role" | "people" | "priced";
  /** A category asked for a kind of it ("was für eine Halle", "what kind of farm"): the answer names a sort, most often a compound on it ("Montagehalle"). */
  readonly sort?: true;
}

/**
 * The focus noun of a question, lower-cased, or null. A counted noun must appear in the evidence (a text
 * that mentions Kazakhstan but not its inhabitants does not answer "Wie viele Einwohner hat Kasachstan?");
 * a category noun must appear, or the evidence must carry something of the asked-for type.
 *
 * @example
 * questionFocus("Wie viele Einwohner hat Kasachstan?") // { word: "einwohner", kind: "counted" }
 */
export function questionFocus(asked: string): QuestionFocus | null {
  const question = spelledOut(asked);
  // "Wie heißt der Förster?", "What is the name of the mayor?": the name of whoever holds that role.
  const named = NAME_OF_ROLE.exec(question);
  if (named) return { word: (named[1] ?? named[2] ?? named[3]!).toLowerCase(), kind: "role" };
  // "Wer ist der Kassenwart von Quellbrunn?", "Who is the managing director of …?": whoever holds that role.
  const holder = HOLDER_DE.exec(question) ?? HOLDER_EN.exec(question);
  if (holder) return { word: holder[1]!.toLowerCase(), kind: "role" };
  // "Wie viel kostet eine Jahreskarte?", "How much does a single ticket cost?": the price of that thing.
  const priced = PRICED_DE.exec(question) ?? PRICED_EN.exec(question);
  if (priced) return { word: priced[1]!.toLowerCase(), kind: "priced" };
  const words = question.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] ?? "").toLowerCase();
    const next = words[i + 1];
    let start = -1;
    let kind: QuestionFocus["kind"] = "category";
    if (/^welche[rnms]?$/.test(w) || w === "which" || w === "what") start = i + 1;
    // "Was für eine Halle", "mit was für einer Rakete": which kind of it.
    if (w === "was" && next?.toLowerCase() === "für") start = i + 2;
    if ((w === "wie" && /^viele?n?$/i.test(next ?? "")) || (w === "how" && /^(many|much)$/i.test(next ?? ""))) {
      start = i + 2;
      kind = "counted";
    }
    if (/^wieviele?n?$/.test(w)) {
      start = i + 1;
      kind = "counted";
    }
    // "die Zahl der Opfer", "the number of victims": what is counted follows.
    if ((/^(zahl|anzahl)$/.test(w) && /^(der|an)$/i.test(next ?? "")) || (w === "number" && next?.toLowerCase() === "of")) {
      start = i + 2;
      kind = "counted";
    }
    // "Um wie viel Uhr": a clock time, not a count.
    if (start < 0 || (kind === "counted" && /^(uhr|o'clock)$/i.test(words[start] ?? ""))) continue;
    for (let j = start; j < Math.min(words.length, start + 3); j++) {
      const candidate = words[j] ?? "";
      const lower = candidate.toLowerCase();
      if (kind === "counted" && (GENERIC_PEOPLE.test(lower) || PEOPLE_COMPOUND.test(lower))) return { word: lower, kind: "people" };
      // "How much of the price …", "wie viel von den Kosten …": a part of a whole, given as a sum or a share
      // ("davon übernahm das Land 60 Prozent"), which need not name the whole; "how many of them" counts them.
      if (kind === "counted" && j === start && /^(of|von|vom)$/.test(lower) && /^(much|viel)$/i.test(words[start - 1] ?? "")) break;
      if (FOCUS_SKIP.test(lower)) {
        // A verb right after "wie viel" ("Wie viel gibt die Bank dazu?") has the subject after it, not what is counted.
        if (AUXILIARY.test(lower) || (kind === "counted" && j === start && /^(gibt|gab)$/.test(lower))) break;
        continue;
      }
      // A pronoun ("how many of them") names nothing; a partitive names what is counted after its article
      // or demonstrative ("wie viele von den Kinos", "which of these cinemas").
      if (PERSONAL_PRONOUN.test(lower)) break;
      if ((lower === "von" && PARTITIVE_DETERMINER.test(words[j + 1] ?? "")) || DEMONSTRATIVE.test(lower)) continue;
      // "Wie viel kostet …", "wie viele davon mit …": a German verb or preposition right after the question
      // word counts nothing named; only an inflected adjective may stand before the counted noun ("wie viele
      // neue Stellen"), or a preposition of rate before what it is counted per ("wie viel pro Kopf").
      if (kind === "counted" && /^(wie|wieviele?n?|zahl|anzahl)$/.test(w) && /^\p{Ll}/u.test(candidate) && !/(e|en|er|es|em)$/.test(lower) && !/^(pro|je|per)$/.test(lower)) break;
      // After "viel" or "viele" an adjective ends in -e, -es or -er ("wie viele neue Stellen", "wie viel frisches
      // Wasser"), never in -en as after "vielen": "Wie viel zahlen Mieter?" asks a sum, not a count of them.
      if (kind === "counted" && /^(wie)?viele?$/.test(w === "wie" ? (next ?? "").toLowerCase() : w) && j === start && /^\p{Ll}/u.test(candidate) && lower.endsWith("en")) break;
      // An English noun phrase ends in its head, the word before the auxiliary: "how many fire engines were …"
      // counts engines, "how many line 12 buses were …" buses.
      const head = /^(which|what|how)$/.test(w) ? phraseHead(words, j, w === "how" && /^many$/i.test(next ?? "")) : lower;
      // "Wie viel Geld" is answered by "400 Millionen Euro": a unit of measure need not be repeated.
      if (kind === "counted" && MEASURE.test(head)) return null;
      // A role is not answered by any name, as a category is by its members: the role noun must stand there.
      if (kind === "category" && ROLE_NOUN.test(head)) return { word: head, kind: "role" };
      if (/^\p{Lu}/u.test(candidate) || /^(which|what|how|number)$/.test(w)) {
        const sort = kind === "category" && (w === "was" || words.slice(start, j).some((skipped) => SORT_WORD.test(skipped)));
        return { word: head, kind, ...(sort ? { sort: true as const } : {}) };
      }
    }
  }
  return null;
}

/**
 * The head of the English noun phrase that begins at word `j`: the word before an auxiliary within the next
 * three words ("fire engines were", "line 12 buses were"), or the first word when an article or "of" comes
 * first ("litres of fuel have") or no auxiliary does ("staff left"). "How many" takes a plural: without an
 * auxiliary, its head is the phrase's first plural ("office desks at …" counts desks).
 */
function phraseHead(words: readonly string[], j: number, plural: boolean): string {
  let firstPlural: string | undefined;
  for (let k = j; k <= j + PHRASE_WORDS && k < words.length; k++) {
    const next = words[k]!.toLowerCase();
    if (k > j && AUXILIARY.test(next)) return words[k - 1]!.toLowerCase();
    if (k > j && FOCUS_SKIP.test(next)) break;
    if (plural && firstPlural === undefined && k < j + PHRASE_WORDS && ENGLISH_PLURAL.test(next)) firstPlural = next;
  }
  return firstPlural ?? (words[j] ?? "").toLowerCase();
}

/** An English regular plural ("stops", "buses"), not a singular on -s ("bus", "glass", "various", "analysis"). */
const ENGLISH_PLURAL = /\p{L}{2}s(?<!ss|us|is)$/u;

/** Words of an English noun phrase looked at for its head. */
const PHRASE_WORDS = 3;

/**
 * True when a question's term is its focus noun, alone or as the head of a phrase the dictionary knows
 * whole ("shuttle buses" for the buses "how many shuttle buses" counts).
 */
export function namesFocus(word: string, focus: QuestionFocus): boolean {
  const lower = word.toLowerCase();
  return lower === focus.word || lower.split(/\s+/).at(-1) === focus.word;
}

/** "what kind of", "welche Art von": words that make a category question ask for a sort. */
const SORT_WORD = /^(kind|kinds|sort|sorts|type|types|art|arten)$/i;

/** True for a word that frames a question as asking for a sort ("kind" in "what kind of farm"). */
export function isSortWord(word: string): boolean {
  return SORT_WORD.test(word);
}

const MEASURE =
  /^(geld|zeit|prozent|euro|dollar|kilometer|meter|tonnen|grad|money|time|percent|distance)$/;
/** Personal pronouns, which stand for what an earlier sentence named. */
const PERSONAL_PRONOUN = /^(them|they|it|us|you|ihnen|sie|es|er|wir|euch)$/;
/** The dative determiners of a German partitive ("von den", "von diesen", "von ihren"). */
const PARTITIVE_DETERMINER = /^(den|diesen|jenen|ihren|seinen|unseren|euren|allen)$/i;
/** Demonstrative determiners, skipped as articles are ("welche dieser Firmen", "which of these shops"). */
const DEMONSTRATIVE = /^(diese[rnms]?|jene[rnms]?|these|those)$/;
const AUXILIARY = /^(is|are|was|were|did|do|does|has|have|had|will|can|could|would|should|ist|sind|war|waren|hat|haben|hatte|wird|wurde|kann)$/;
/**
 * Nouns for people in general, by language, as the sources write them: the sources count them as
 * "Mitarbeiter", "Einwohner", "residents", and "rund 200 Menschen" counts the "Leute" a question asks about.
 */
export const PEOPLE_WORDS = { de: ["Menschen", "Personen", "Leute"], en: ["people", "persons"] } as const;
/** The same nouns in a question, lower case, "Leute" in its dative too ("mit wie vielen Leuten"). */
const GENERIC_PEOPLE = new RegExp(`^(${[...PEOPLE_WORDS.de, ...PEOPLE_WORDS.en, "Leuten"].join("|").toLowerCase()})$`);
/**
 * German compounds on "-leute" and "-kräfte" name people by what they do ("Rettungskräfte", "Fachleute"), and
 * the sources count the same people by another such noun ("80 Einsatzkräfte", "Helfer"): a count of people too.
 */
const PEOPLE_COMPOUND = /^\p{L}{3,}(leute|leuten|kräfte|kräften)$/u;
const FOCUS_SKIP =
  /^(der|die|das|den|dem|des|ein|eine|the|a|an|of|is|are|was|were|did|do|does|has|have|had|will|can|could|would|should|ist|sind|war|waren|hat|haben|hatte|wird|wurde|kann|es|gab|gibt|there|kind|sort|type|art|people|persons|menschen|personen|leute|leuten|times|mal)$/;
