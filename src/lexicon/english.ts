/**
 * Candidate base forms of an English word, by general English grammar: suffix rules (-s, -es, -ies, -ed,
 * -ied, -ing, doubled consonants, -er/-est) and a short list of common irregular forms. The lexicon keeps
 * only candidates that Ding knows as headwords, so a wrong rule ("bus" → "bu") costs nothing; Ding's own
 * entries add the irregular forms it spells out ("to strike {struck; struck, stricken}").
 */

// General grammar, not corpus knowledge: frequent irregular verb forms and comparisons.
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  was: ["be"], were: ["be"], been: ["be"], is: ["be"], are: ["be"], am: ["be"], has: ["have"], had: ["have"],
  did: ["do"], done: ["do"], does: ["do"], went: ["go"], gone: ["go"], ran: ["run"], won: ["win"], fought: ["fight"],
  held: ["hold"], left: ["leave"], took: ["take"], taken: ["take"], met: ["meet"], began: ["begin"], begun: ["begin"],
  said: ["say"], made: ["make"], came: ["come"], saw: ["see"], seen: ["see"], knew: ["know"], known: ["know"],
  got: ["get"], gotten: ["get"], gave: ["give"], given: ["give"], found: ["find"], thought: ["think"], told: ["tell"],
  became: ["become"], brought: ["bring"], bought: ["buy"], built: ["build"], sent: ["send"], spent: ["spend"],
  kept: ["keep"], led: ["lead"], lost: ["lose"], paid: ["pay"], sold: ["sell"], stood: ["stand"], understood: ["understand"],
  wrote: ["write"], written: ["write"], spoke: ["speak"], spoken: ["speak"], chose: ["choose"], chosen: ["choose"],
  fell: ["fall"], fallen: ["fall"], fled: ["flee"], flew: ["fly"], flown: ["fly"], drove: ["drive"], driven: ["drive"],
  rose: ["rise"], risen: ["rise"], shot: ["shoot"], struck: ["strike"], stricken: ["strike"], threw: ["throw"],
  thrown: ["throw"], sat: ["sit"], slept: ["sleep"], felt: ["feel"], heard: ["hear"], meant: ["mean"], ate: ["eat"],
  eaten: ["eat"], broke: ["break"], broken: ["break"], forgot: ["forget"], forgotten: ["forget"], hid: ["hide"],
  hidden: ["hide"], bore: ["bear"], born: ["bear"], borne: ["bear"], swore: ["swear"], sworn: ["swear"], wore: ["wear"],
  worn: ["wear"], sang: ["sing"], sung: ["sing"], sank: ["sink"], sunk: ["sink"], drew: ["draw"], drawn: ["draw"],
  grew: ["grow"], grown: ["grow"], withdrew: ["withdraw"], withdrawn: ["withdraw"], overthrew: ["overthrow"],
  overthrown: ["overthrow"], sought: ["seek"], caught: ["catch"], taught: ["teach"], fed: ["feed"], hung: ["hang"],
  laid: ["lay"], lay: ["lie"], lain: ["lie"], dealt: ["deal"], arose: ["arise"], arisen: ["arise"], woke: ["wake"],
  better: ["good", "well"], best: ["good", "well"], worse: ["bad"], worst: ["bad"], more: ["many", "much"],
  most: ["many", "much"], less: ["little"], least: ["little"], further: ["far"], farther: ["far"],
  children: ["child"], men: ["man"], women: ["woman"], people: ["person"], feet: ["foot"], teeth: ["tooth"], mice: ["mouse"],
};

const VOWELS = "aeiou";

/**
 * Candidate base forms of a lower-case English word, most likely first; the word itself is not included.
 * Without `superlative`, no "-est" is undone: for a word that is a headword itself ("Everest", "forest"),
 * it is part of the word, not of "ever" and "for". ("-er" stays: "employer" is who employs.)
 * Example: `englishBaseCandidates("stopped")` → ["stopp", "stoppe", "stop"].
 */
export function englishBaseCandidates(word: string, superlative = true): string[] {
  const w = word.toLowerCase();
  const out: string[] = [...(IRREGULAR[w] ?? [])];
  const add = (stem: string): void => {
    if (stem.length >= 2 && stem !== w && !out.includes(stem)) out.push(stem);
  };
  const undouble = (stem: string): void => {
    const last = stem[stem.length - 1];
    if (stem.length >= 3 && last === stem[stem.length - 2] && last !== undefined && !VOWELS.includes(last)) add(stem.slice(0, -1));
  };
  if (w.endsWith("'s")) add(w.slice(0, -2));
  if (w.endsWith("s'")) add(w.slice(0, -1));
  if (w.endsWith("ies")) add(`${w.slice(0, -3)}y`);
  if (w.endsWith("es")) add(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) add(w.slice(0, -1));
  if (w.endsWith("ied")) add(`${w.slice(0, -3)}y`);
  if (w.endsWith("ed")) {
    const stem = w.slice(0, -2);
    add(stem);
    add(`${stem}e`);
    undouble(stem);
  }
  if (w.endsWith("ing")) {
    const stem = w.slice(0, -3);
    add(stem);
    add(`${stem}e`);
    undouble(stem);
    if (stem.endsWith("y")) add(`${stem.slice(0, -1)}ie`); // dying → die
  }
  for (const suffix of superlative ? ["est", "er"] : ["er"]) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.endsWith("i")) add(`${stem.slice(0, -1)}y`); // earlier → early
    add(stem);
    add(`${stem}e`);
    undouble(stem);
  }
  return out;
}

/**
 * The inflected forms of an English base form, by the same grammar read the other way: "flood" → floods,
 * flooded, flooding; "injury" → injuries; "fall" → falls, fell, fallen. For text that is not lemmatised (an
 * English article analysed as German text is), where the base form alone misses its other forms. Doubled
 * consonants ("stopped") are left out: a form too many costs nothing, a wrong one matches nothing.
 */
export function englishInflections(base: string): string[] {
  const b = base.toLowerCase();
  const forms = new Set<string>([b]);
  const y = /[^aeiou]y$/.test(b) ? b.slice(0, -1) : undefined;
  forms.add(y !== undefined ? `${y}ies` : /(s|x|z|ch|sh)$/.test(b) ? `${b}es` : `${b}s`);
  forms.add(y !== undefined ? `${y}ied` : b.endsWith("e") ? `${b}d` : `${b}ed`);
  // "close" → closing, "die" → dying, "agree" → agreeing.
  forms.add(b.endsWith("ie") ? `${b.slice(0, -2)}ying` : /[^aeiouy]e$/.test(b) ? `${b.slice(0, -1)}ing` : `${b}ing`);
  for (const [form, bases] of Object.entries(IRREGULAR)) if (bases.includes(b)) forms.add(form);
  return [...forms];
}
