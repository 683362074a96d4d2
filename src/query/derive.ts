/**
 * German word formation the stemmer leaves apart: a participle, its verb and the noun made from it share
 * a root once the participle's "ge-"/"zu", the separable particle and the inflection or nominalising
 * suffix are set aside ("festgenommen" / "Festnahmen" / "nahmen … fest", "verletzt" / "Verletzungen",
 * "telefonierte" / "Telefonat"). Generic morphology: separable particles, endings and the vowel changes
 * of common strong verbs, nothing about any article. Works on analysed stems (lower case, umlauts folded).
 */

/** Separable verb particles, longest first so that "zuruck" is not read as "zu" + "ruck". */
const PARTICLES = [
  "zusammen", "wiederher", "zuruck", "voraus", "heraus", "herein", "hinaus", "hinein", "vorbei", "weiter",
  "wieder", "empor", "entgegen", "fest", "fort", "frei", "hoch", "nach", "teil", "statt", "durch", "uber",
  "unter", "ab", "an", "auf", "aus", "bei", "ein", "her", "hin", "los", "mit", "vor", "weg", "zu", "um",
];

/** Derivational and inflectional endings, longest first; what is left must still be a root of 3+ letters. */
const SUFFIXES = [
  "isierung", "ierungen", "ierung", "barkeit", "isiert", "isier", "ieren", "ierte", "iert", "ier", "ation", "ition", "ungen", "ung",
  "itat", "heit", "keit", "bar", "nis", "ten", "te", "et", "en", "st", "at", "e", "t", "n", "i",
];

/**
 * Vowel changes of common strong verbs (past, participle and the nouns made from them) → present stem.
 * Used only together with a particle, where a short root cannot be mistaken for an unrelated word.
 */
const ABLAUT: Readonly<Record<string, string>> = {
  nahm: "nehm", nomm: "nehm", nimm: "nehm", gab: "geb", gib: "geb", zog: "zieh", zug: "zieh", flog: "flieg",
  flug: "flieg", schlug: "schlag", traf: "treff", troff: "treff", brach: "brech", broch: "brech", bruch: "brech",
  sprach: "sprech", sproch: "sprech", spruch: "sprech", sprich: "sprech", half: "helf", holf: "helf", hilf: "helf",
  fiel: "fall", hielt: "halt", liess: "lass", stand: "steh", stund: "steh", ging: "geh", gang: "geh", kam: "komm",
  schloss: "schliess", schluss: "schliess", schoss: "schiess", schuss: "schiess", warf: "werf", worf: "werf",
  wurf: "werf", rief: "ruf", trug: "trag", fuhr: "fahr", fand: "find", fund: "find", band: "bind", bund: "bind",
  bat: "bitt", sass: "sitz", lag: "lieg", schrieb: "schreib", blieb: "bleib", trieb: "treib", stieg: "steig",
  wies: "weis", griff: "greif", riss: "reiss", schnitt: "schneid", trat: "tret", sah: "seh", schob: "schieb",
  schub: "schieb", starb: "sterb", storb: "sterb", wuchs: "wachs", wog: "wieg", zwang: "zwing", sank: "sink",
  gewann: "gewinn", gewonn: "gewinn", begann: "beginn", begonn: "beginn", verlor: "verlier", verlust: "verlier",
};

/** A word's root after its particle: `particle` is "" when it has none. */
export interface Derivation {
  readonly particle: string;
  readonly root: string;
}

const cache = new Map<string, Derivation | null>();

/** Strips endings until none is left, so a stem the stemmer already shortened meets its longer form. */
function stripSuffixes(word: string): string {
  let rest = word;
  for (let round = 0; round < 3; round++) {
    const suffix = SUFFIXES.find((s) => rest.endsWith(s) && rest.length - s.length >= 3);
    if (!suffix) break;
    rest = rest.slice(0, -suffix.length);
    // A word ends in its inflection after its derivational suffix, never before it: what stands before
    // "-ition" or "-ier-" is the root ("interpret" in "Interpretation"), though it ends as an inflection does.
    if (!INFLECTIONS.has(suffix)) break;
  }
  return rest;
}

/** The {@link SUFFIXES} that inflect a word; the others make a word of another (a noun of a verb, a verb of a noun). */
const INFLECTIONS: ReadonlySet<string> = new Set(["ten", "te", "et", "en", "st", "e", "t", "n"]);

/**
 * Splits an analysed stem into separable particle and root: "festgenomm" → fest + nehm, "festnahm" →
 * fest + nehm, "wiederherzustell" → wiederher + stell, "verletz" → "" + verletz. Null when no root of three
 * letters is left. Pure and memoised, since every corpus stem is compared with every question stem.
 *
 * @example
 * derivation("festgenomm") // { particle: "fest", root: "nehm" }
 */
export function derivation(stem: string): Derivation | null {
  const known = cache.get(stem);
  if (known !== undefined) return known;
  let rest = stem;
  let particle = "";
  for (let round = 0; round < 2; round++) {
    const found = PARTICLES.find((p) => rest.startsWith(p) && rest.length - p.length >= 3);
    // After a particle, "zu" is the infinitive's marker ("wiederherzustellen"), handled below.
    if (!found || (particle !== "" && found === "zu")) break;
    particle += found;
    rest = rest.slice(found.length);
  }
  // An inseparable prefix ("versprach", "erhielt", "beschloss") counts as a particle when a strong verb's
  // root follows, so its past forms meet the present: "versprach" / "versprechen".
  if (particle === "") {
    const prefix = INSEPARABLE.find((p) => rest.startsWith(p) && strongRoot(rest.slice(p.length)) !== undefined);
    if (prefix !== undefined) {
      particle = prefix;
      rest = rest.slice(prefix.length);
    }
  }
  // The participle's "ge" ("genomm") or the infinitive's "zu" after a particle ("herzustell").
  const marker = /^(ge|zu)/.exec(rest);
  const participle = marker !== null && rest.length - 2 >= 3 && (particle !== "" || marker[1] === "ge");
  if (participle) rest = rest.slice(2);
  let root = (particle !== "" ? strongRoot(rest) : undefined) ?? stripSuffixes(rest);
  // A verb in -eln or -ern drops its "e" before "-ung": "wandeln" / "Wandlung", "ändern" / "Änderung".
  root = root.replace(/e([lr])$/, "$1");
  const result = root.length >= 3 ? { particle, root } : null;
  if (cache.size > 100_000) cache.clear();
  cache.set(stem, result);
  return result;
}

/** Inseparable verb prefixes, longest first; they take the same vowel changes as particles. */
export const INSEPARABLE: readonly string[] = ["miss", "zer", "ent", "emp", "ver", "be", "er"];

/**
 * The present root of a strong verb form that {@link ABLAUT} knows, with its endings taken off one at a
 * time ("hielt" is a past form, "halten" → "halt" a present one, "hielt" stripped to "hiel" is neither),
 * or undefined.
 */
function strongRoot(word: string): string | undefined {
  let rest = word;
  for (let round = 0; round < 4; round++) {
    const present = ABLAUT[rest] ?? (STRONG_PRESENT.has(rest) ? rest : undefined);
    if (present !== undefined) return present;
    const suffix = SUFFIXES.find((s) => rest.endsWith(s) && rest.length - s.length >= 3);
    if (!suffix) return undefined;
    rest = rest.slice(0, -suffix.length);
  }
  return undefined;
}

/** Root → the past forms ABLAUT maps to it, so a family's members can be found from its root. */
const ABLAUT_SOURCES = new Map<string, string[]>();
for (const [past, present] of Object.entries(ABLAUT)) {
  const sources = ABLAUT_SOURCES.get(present);
  if (sources) sources.push(past);
  else ABLAUT_SOURCES.set(present, [past]);
}

const STRONG_PRESENT = new Set(Object.values(ABLAUT));

/**
 * The beginnings that every stem with this derivation starts with: its particle, then "ge", "zu" or
 * nothing, then the root or a past form that {@link derivation} maps to it ("fest" + "nahm" for fest +
 * nehm). A stem's root is what is left of its start once endings are stripped, so no member of the family
 * can begin otherwise; that lets the vocabulary index look the family up instead of deriving every stem
 * of the corpus (see vocabulary.ts). May list beginnings no stem has; never misses one.
 *
 * @example
 * derivationPrefixes({ particle: "fest", root: "nehm" }) // includes "festnehm", "festgenomm", "festnahm"
 */
export function derivationPrefixes(d: Derivation): string[] {
  // A root in -l or -r may stand with the "e" that derivation drops ("wandl" in "wandelt").
  const withE = /[^e][lr]$/.test(d.root) ? [`${d.root.slice(0, -1)}e${d.root.slice(-1)}`] : [];
  if (d.particle === "") {
    const bases = [d.root, ...withE];
    // An "-ieren" verb of a short root is found by its root and "i" (see verbInIer).
    const ier = d.root.length < 5 ? [`${d.root}i`] : [];
    // A verb made of the noun by an inseparable prefix, or the noun of such a verb (see prefixed), which
    // may be a participle ("geurteilt").
    const made = d.root.length >= 6 ? bases.flatMap((base) => INSEPARABLE.map((p) => `${p}${base}`)) : [];
    const unmade = bases.flatMap((base) => INSEPARABLE.flatMap((p) => (base.startsWith(p) && base.length - p.length >= 6 ? [base.slice(p.length), `ge${base.slice(p.length)}`] : [])));
    // The noun the stemmer cut before "-est" (see cutEst): "manifestiert" is of "manif".
    const cut = d.root.endsWith("est") && d.root.length - 3 >= MIN_EST_ROOT ? [d.root.slice(0, -3)] : [];
    // The "-isieren" verb of a noun in "-ik" (see verbOfIk).
    const isier = d.root.endsWith("ik") && d.root.length - 2 >= 3 ? [`${d.root.slice(0, -2)}isi`, `ge${d.root.slice(0, -2)}isi`] : [];
    return [...bases, ...bases.map((base) => `ge${base}`), ...ier, ...ier.map((base) => `ge${base}`), ...made, ...unmade, ...cut, ...isier];
  }
  const roots = [d.root, ...withE, ...(ABLAUT_SOURCES.get(d.root) ?? [])];
  return roots.flatMap((root) => ["", "ge", "zu"].map((marker) => `${d.particle}${marker}${root}`));
}

/**
 * True when `participle` is the participle of the weak verb whose stem is `verb`: "ge" + stem + "t" or "et"
 * ("such" / "gesucht", "meld" / "gemeldet"). The whole form is spelt out, so a short root meets only its
 * own participle, not a noun that begins alike ("Gebiet" is not "ge" + "biet" + "t").
 */
function weakParticiple(verb: string, participle: string): boolean {
  if (verb.length < MIN_WEAK_ROOT || !participle.startsWith("ge")) return false;
  return participle === `ge${verb}t` || participle === `ge${verb}et`;
}

/** Letters a weak verb's stem needs to meet its participle: a root of three ("bau", "bet") ends too many words. */
const MIN_WEAK_ROOT = 4;

/**
 * True when two different stems are forms of the same word family: same particle and same root. Roots
 * without a particle must be equal letter for letter and at least five long, so short words do not meet
 * by accident ("gebiet" is not a participle of "bieten"; see {@link derivation}).
 *
 * @example
 * sameDerivation("festgenomm", "festnahm") // true
 * sameDerivation("telefoniert", "telefonat") // true
 */
export function sameDerivation(a: string, b: string): boolean {
  if (a === b) return false;
  if (cutInfinitive(a, b) || cutInfinitive(b, a)) return true;
  if (verbAndUng(a, b) || verbAndUng(b, a)) return true;
  if (verbOfIk(a, b) || verbOfIk(b, a)) return true;
  if (weakParticiple(a, b) || weakParticiple(b, a)) return true;
  if (cutEst(a, b) || cutEst(b, a)) return true;
  const x = derivation(a);
  const y = derivation(b);
  if (!x || !y) return false;
  if (x.particle === "" && y.particle === "" && (prefixed(x.root, y.root) || prefixed(y.root, x.root))) return true;
  if (x.particle !== y.particle || x.root !== y.root) return false;
  return x.particle !== "" || x.root.length >= 5 || (verbInIer(a, x.root) && verbInIer(b, y.root));
}

/**
 * A noun in "-est" that the stemmer cut before that ending, taking it for a superlative's ("Manifest" →
 * "manif"), and a word made of the whole noun ("manifestiert", "Manifestation").
 */
function cutEst(cut: string, form: string): boolean {
  if (cut.length < MIN_EST_ROOT) return false;
  const made = derivation(form);
  return made !== null && made.particle === "" && made.root === `${cut}est`;
}

/**
 * The beginning of the words made of a noun, when the stemmer may have cut it before "-est" (see cutEst):
 * "prot" (Protest) → "protest", with which "protestiert" begins. Undefined when too short to be one.
 */
export function uncutEst(stem: string): string | undefined {
  return stem.length >= MIN_EST_ROOT ? `${stem}est` : undefined;
}

/** Letters left of a noun the stemmer cut before "-est": fewer, and superlatives meet ("best" in "bestiert"). */
const MIN_EST_ROOT = 4;

/**
 * "fuhrt" / "fuhrung", "gewarnt" / "warnung": a finite form of a verb of a short root (its "-t" kept by
 * the stemmer) and the noun in -ung made of it. The root alone is no verb form: "Zeit" is not "Zeitung".
 */
function verbAndUng(verb: string, noun: string): boolean {
  const root = noun.slice(0, -3);
  return noun.endsWith("ung") && root.length >= 4 && (verb === `${root}t` || verb === `ge${root}t`);
}

/**
 * "kritik" / "kritisiert": a noun in "-ik" and the verb in "-isieren" made of it ("Kritik" / "kritisieren",
 * "Thematik" / "thematisieren"). The verb keeps "-isier-" or stems to root + "isi"; general morphology.
 */
function verbOfIk(noun: string, verb: string): boolean {
  const root = noun.slice(0, -2);
  return noun.endsWith("ik") && root.length >= 3 && verbInIer(verb, `${root}is`);
}

/**
 * A stem of an "-ieren" verb on its root: the infinitive stems to root + "i" ("reagi"), its other forms
 * keep "-ier-" ("reagiert"). The suffix, not the root's length, tells these are one verb.
 */
function verbInIer(stem: string, root: string): boolean {
  return stem.startsWith(`${root}i`) && /^i(er|ert|erte|erten|ertes|erter|ertem)?$/.test(stem.slice(root.length));
}

/**
 * A form of an "-igen" or "-ern" verb and the verb's infinitive: the stemmer cuts the infinitive to its root
 * ("beseitigen" → "beseit", "verhindern" → "verhind") but keeps "ig" or "er" before a "-t" ("beseitigt",
 * "verhinderte" → "verhindert", "geschleudert"). A root of five letters or more: a shorter one is often
 * another word's ("Wand" / "gewandert").
 */
function cutInfinitive(form: string, root: string): boolean {
  // Most pairs end otherwise: told before looking for a particle.
  if (root.length < MIN_CUT_ROOT || !CUT_ENDINGS.some((ending) => form.endsWith(ending))) return false;
  // The participle's "ge" stands before the root, after a separable particle ("angekündigt" / "ankündigen").
  const particle = PARTICLES.find((p) => root.startsWith(p) && root.length - p.length >= PARTICLE_ROOT) ?? "";
  const participle = `${particle}ge${root.slice(particle.length)}`;
  const rest = form.startsWith(root) ? form.slice(root.length) : form.startsWith(participle) ? form.slice(participle.length) : undefined;
  return rest !== undefined && CUT_ENDINGS.includes(rest);
}

/** Letters of a root the stemmer cut an infinitive to, for it to meet the verb's other forms. */
const MIN_CUT_ROOT = 5;
/** Letters of a verb's root after a particle ("kund" in "ankund"). */
const PARTICLE_ROOT = 3;
/** What follows the cut root in the verb's other stems. */
const CUT_ENDINGS: readonly string[] = ["igt", "ert"];

/** A verb made of a noun by an inseparable prefix: "verurteil" / "urteil", "verarbeit" / "arbeit" (a root of six letters or more). */
function prefixed(long: string, short: string): boolean {
  return short.length >= 6 && INSEPARABLE.some((p) => long === `${p}${short}`);
}
