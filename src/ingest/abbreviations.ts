import { createRequire } from "node:module";

/**
 * Abbreviations whose full stop ends no sentence ("Dr. Maier", "5 Mio. Euro", "Mr. Smith", "v. Chr."):
 * the Unicode CLDR sentence-break suppressions for German and English (npm `cldr-segments-full`,
 * Unicode-3.0). ICU applies them under the locale key "ss=standard"; V8's Intl.Segmenter does not, so
 * the splitter joins its cuts after them itself. A maintained list, not one of our own.
 */
const LANGUAGES = ["de", "en"] as const;

/** What a CLDR suppressions file holds, as far as it is read. */
interface SuppressionsFile {
  readonly segments?: { readonly segmentations?: { readonly SentenceBreak?: { readonly standard?: readonly { readonly suppression?: unknown }[] } } };
}

let loaded: ReadonlySet<string> | undefined;

/** The suppressions of both languages, read once. A file that cannot be read or has another shape adds nothing. */
function suppressions(): ReadonlySet<string> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const all = new Set<string>();
  for (const language of LANGUAGES) {
    try {
      const file = require(`cldr-segments-full/segments/${language}/suppressions.json`) as SuppressionsFile;
      for (const entry of file.segments?.segmentations?.SentenceBreak?.standard ?? []) {
        if (typeof entry.suppression === "string") all.add(entry.suppression);
      }
    } catch {
      // Without the list the segmenter's cuts stand, as they did before it was used.
    }
  }
  return (loaded = all);
}

/** The most words a suppression has ("k. u. k."). */
const MAX_WORDS = 3;

/**
 * True when the cut between `before` and `after` lies in or right after an abbreviation of the list,
 * written as words of its own: "laut Dr." | "Maier", "5 Mio." | "Euro", "v." | "Chr. Geburt" ("Adr." does
 * not end in "Dr."). Case-sensitive, as the list is ("So." is Sonntag, "so." is not).
 *
 * @example
 * cutsAbbreviation("Die Kosten liegen bei 5 Mio. ", "Euro.") // true
 */
export function cutsAbbreviation(before: string, after: string): boolean {
  const head = before.trimEnd().split(/\s+/).slice(-MAX_WORDS);
  if (head.length === 0 || !head.at(-1)!.endsWith(".")) return false;
  const tail = after.trim().split(/\s+/).slice(0, MAX_WORDS - 1);
  const list = suppressions();
  for (let k = 1; k <= head.length; k++) {
    const ending = head.slice(-k).join(" ").replace(/^[(«»„“"‚‘'[]+/u, "");
    // The abbreviation ends at the cut ("Dr."), or goes on after it ("v." | "Chr.").
    for (let n = 0; n <= tail.length && k + n <= MAX_WORDS; n++) {
      if (list.has([ending, ...tail.slice(0, n)].join(" "))) return true;
    }
  }
  return false;
}
