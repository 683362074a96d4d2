/**
 * Countries and regions by their English or German name, from the ICU data built into Node
 * (`Intl.DisplayNames`), so no list of names is kept in the repository. Adjectives and demonyms
 * ("Hungarian", "ungarisch") are not in ICU; German ones formed on the country's name are found by
 * {@link demonymPlace}.
 */

export interface Place {
  readonly code: string;
  readonly de: string;
  readonly en: string;
}

/**
 * The country whose people or adjective a German word names ("Spanier", "italienische", "Niederländer" →
 * Spanien, Italien, Niederlande): ICU has no demonyms, but German forms most of them
 * on the country's name, so a word with a demonym's ending that shares the first five letters and most of a
 * country's one-word name is taken for it. Irregular ones ("Franzosen", "Dänen") are not found.
 */
export function demonymPlace(word: string, places: ReadonlyMap<string, Place>, countries: Iterable<Place>): Place | undefined {
  const lower = placeKey(word);
  if (lower.length < 6 || !DEMONYM_ENDING.test(lower) || places.has(lower)) return undefined;
  let best: Place | undefined;
  let bestShared = 0;
  for (const place of countries) {
    const name = placeKey(place.de);
    if (name.includes(" ") || name.includes("-")) continue;
    let shared = 0;
    while (shared < name.length && shared < lower.length && name[shared] === lower[shared]) shared++;
    if (shared >= 5 && shared >= 0.6 * name.length && shared > bestShared) {
      best = place;
      bestShared = shared;
    }
  }
  return best;
}

const DEMONYM_ENDING = /(e|en|er|ern|in|innen|isch|ische|ischen|ischer|isches|ier|iers|iern)$/;

/** Folds a name for lookup: lower case, typographic apostrophes as ASCII, single spaces. */
export function placeKey(name: string): string {
  return name.normalize("NFC").replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Every ISO 3166 two-letter region ICU names, keyed by its English and German names in the long and short
 * styles ("United Kingdom", "UK", "Vereinigtes Königreich"). Codes are enumerated (AA…ZZ) because
 * Intl has no list of regions; ICU returns undefined for the unassigned ones.
 */
export function buildPlaces(): Map<string, Place> {
  const names = (locale: string, style: "long" | "short") => new Intl.DisplayNames([locale], { type: "region", style, fallback: "none" });
  const en = names("en", "long");
  const de = names("de", "long");
  const short = [names("en", "short"), names("de", "short")];
  const byName = new Map<string, Place>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const english = en.of(code);
      const german = de.of(code);
      if (english === undefined || german === undefined || english === code) continue;
      const place: Place = { code, de: german, en: english };
      for (const name of [english, german, ...short.map((s) => s.of(code))]) {
        if (name === undefined || name === code) continue;
        const key = placeKey(name);
        if (!byName.has(key)) byName.set(key, place);
      }
    }
  }
  return byName;
}
