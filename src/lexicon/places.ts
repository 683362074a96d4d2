/**
 * Countries and regions by their English or German name, from the ICU data built into Node
 * (`Intl.DisplayNames`), so no list of names is kept in the repository. Adjectives and demonyms
 * ("Hungarian", "ungarisch") are not in ICU and are not covered.
 */

export interface Place {
  readonly code: string;
  readonly de: string;
  readonly en: string;
}

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
