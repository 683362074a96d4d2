/**
 * Endings German grammar adds to words the inflection tables list only in their base form: adjective
 * declension and comparison (the tables have no adjectives; Ding lists them uninflected) and the genitive
 * and dative endings of nouns that Ding alone knows. The lexicon tries these stems only when the form itself
 * is unknown, and keeps a stem only if it is a known lemma of the right part of speech.
 */

const ADJECTIVE_ENDINGS = ["e", "em", "en", "er", "es"];

/**
 * Stems an inflected adjective or participle may come from, longest ending first: "verhafteten" →
 * ["verhaftet", "verhaftete"…], "größeren" → ["größer", "größere", "größ"…]. Comparison with umlaut
 * ("größer" → "groß") is left out: the stem would need the umlaut undone, and a miss is harmless.
 */
export function adjectiveStems(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  const add = (stem: string): void => {
    if (stem.length >= 3 && !out.includes(stem)) out.push(stem);
  };
  for (const ending of ["", ...ADJECTIVE_ENDINGS]) {
    if (!w.endsWith(ending)) continue;
    const base = w.slice(0, w.length - ending.length);
    if (ending !== "") add(base);
    if (base.endsWith("er")) add(base.slice(0, -2)); // comparative: schneller → schnell
    if (base.endsWith("est")) add(base.slice(0, -3)); // superlative: neuest(e) → neu
    else if (base.endsWith("st")) add(base.slice(0, -2)); // schnellst(e) → schnell
  }
  return out;
}

/**
 * Stems of a noun form with a genitive (-s, -es) or dative plural (-n) ending, or an umlaut plural the
 * tables do not list ("Hähne", "Wälder", "Mütter" → hahn, wald, mutter): "Berichts" → ["bericht"].
 */
export function nounStems(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  if (w.endsWith("es") && w.length > 4) out.push(w.slice(0, -2));
  if (w.endsWith("s") && w.length > 3) out.push(w.slice(0, -1));
  if (w.endsWith("n") && w.length > 3) out.push(w.slice(0, -1));
  for (const ending of ["", "e", "en", "er", "ern", "n"]) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const base = w.slice(0, w.length - ending.length);
    // The plural's umlaut stands in the stem's last vowel: "äu" → "au", "ä" → "a", "ö" → "o", "ü" → "u".
    const at = Math.max(base.lastIndexOf("ä"), base.lastIndexOf("ö"), base.lastIndexOf("ü"));
    if (at < 0 || /[aeiou]/.test(base.slice(at + 1).replace(/^u/, "").replace(/e[lrn]$/, ""))) continue;
    out.push(`${base.slice(0, at)}${{ ä: "a", ö: "o", ü: "u" }[base[at] as "ä" | "ö" | "ü"]}${base.slice(at + 1)}`);
  }
  return out;
}
