/**
 * Measures what the compiled lexicon costs to open: each resource's first use (read, gunzip, checksum,
 * views) and a warm lookup, in a fresh process. `npx tsx scripts/lexicon-timing.ts`; the numbers go into
 * data/lexicon/README.md.
 */
import { openLexicon } from "../src/lexicon/index.js";

const lexicon = openLexicon();
const steps: [string, () => unknown][] = [
  ["German forms (germanLemmas)", () => lexicon.germanLemmas("trafen")],
  ["German synonyms (germanSynonyms)", () => lexicon.germanSynonyms("Streik")],
  ["German hypernyms (germanBroader)", () => lexicon.germanBroader("Autos")],
  ["German kinds (germanNarrower)", () => lexicon.germanNarrower("Getränke")],
  ["English → German (englishToGerman)", () => lexicon.englishToGerman("strikes")],
  ["English synonyms (englishSynonyms)", () => lexicon.englishSynonyms("factories")],
  ["common English words (isCommonEnglish)", () => lexicon.isCommonEnglish?.("arrested")],
  ["places (Intl.DisplayNames)", () => lexicon.place("Hungary")],
];
let total = 0;
for (const [name, run] of steps) {
  const started = performance.now();
  run();
  const first = performance.now() - started;
  total += first;
  const warmStart = performance.now();
  for (let i = 0; i < 100; i++) run();
  const warm = (performance.now() - warmStart) / 100;
  console.log(`${name.padEnd(38)} first use ${first.toFixed(1).padStart(6)} ms   warm ${(warm * 1000).toFixed(0).padStart(5)} µs`);
}
console.log(`${"all resources".padEnd(38)} first use ${total.toFixed(1).padStart(6)} ms`);
