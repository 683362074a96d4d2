import type { DocInfo, Language } from "../types.js";
import type { SentenceStats } from "./score.js";

/**
 * What the sources are about, in a few names: for sample questions in /help and for the examples a
 * greeting gets. Taken from the indexed sentences, so they change when the sources do.
 */

const DETERMINERS = new Set(
  "der die das den dem des ein eine einer eines einem einen im am zum zur vom beim ins ihr ihre ihren seine seinen seiner sein diese dieser diesen dieses the a an this".split(" "),
);

/**
 * Likely names in a set of sentences: capitalised words that are not the first word of their sentence
 * and never follow a determiner within two words (German capitalises every noun, but "der Einsatz"
 * is a noun, "in Kasachstan" a name). Ranked by how many sentences mention them, then by length.
 */
export function salientTopics(sentences: readonly string[], max = 3): string[] {
  const counts = new Map<string, number>();
  const common = new Set<string>();
  for (const sentence of sentences) {
    const tokens = sentence.match(/[\p{L}\p{N}-]+/gu) ?? [];
    const seen = new Set<string>();
    tokens.forEach((token, i) => {
      if (i === 0 || !/^\p{Lu}[\p{L}-]{3,}$/u.test(token)) return;
      if (tokens.slice(Math.max(0, i - 2), i).some((t) => DETERMINERS.has(t.toLowerCase()))) {
        common.add(token);
        return;
      }
      if (!seen.has(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
      seen.add(token);
    });
  }
  return [...counts.entries()]
    .filter(([word]) => !common.has(word))
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([word]) => word);
}

/** Sentences read per document when looking for its topic: its beginning names what it is about. */
const SENTENCES_PER_DOC = 60;

const EXAMPLE: Readonly<Record<Language, (topic: string) => string>> = {
  de: (topic) => `Was steht in den Quellen über ${topic}?`,
  en: (topic) => `What do the sources say about ${topic}?`,
};

/**
 * The names to offer example questions about: up to `max` of the most salient names of the first
 * documents of the index, one document after the other. It reads the first sentences of those documents
 * only; the caller keeps the result for as long as the index lives.
 *
 * @example
 * exampleTopics(index, stats, isName) // ["Gorbatschow", "Moskau", …]
 */
export function exampleTopics(
  index: { readonly docs: readonly DocInfo[] },
  stats: SentenceStats,
  isName: (word: string) => boolean = () => true,
  max = 3,
): string[] {
  const wanted = new Set(index.docs.slice(0, max).map((d) => d.source));
  const bySource = new Map<string, string[]>();
  for (let i = 0; i < stats.count; i++) {
    const source = stats.source(i);
    // A document's sentences stand together: past the last wanted one, the rest need not be read.
    if (!wanted.has(source)) {
      if (bySource.size === wanted.size) break;
      continue;
    }
    const list = bySource.get(source) ?? [];
    if (list.length < SENTENCES_PER_DOC) list.push(stats.sentence(i).text);
    bySource.set(source, list);
  }
  // One topic per document first, then the documents' next ones: a single article still gives several.
  // A common noun that happens to stand without an article ("nach Angaben") is no topic to ask about.
  const perDoc = [...wanted].map((source) => salientTopics(bySource.get(source) ?? [], 3 * max).filter(isName));
  const found: string[] = [];
  for (let rank = 0; rank < 3 * max && found.length < max; rank++) {
    for (const topics of perDoc) {
      const topic = topics[rank];
      if (topic !== undefined && !found.includes(topic) && found.length < max) found.push(topic);
    }
  }
  return found;
}

/** An example question about a topic, in the asker's language. */
export function exampleQuestion(topic: string, language: Language): string {
  return EXAMPLE[language](topic);
}
