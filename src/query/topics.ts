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

const examplesCache = new WeakMap<object, readonly string[]>();

/**
 * Up to `max` example questions about the most salient names of the first documents of the index, one
 * document after the other. Cached per index, since a greeting may come often and the index rarely
 * changes.
 *
 * @example
 * exampleQuestions(index, stats, "de") // ["Was steht in den Quellen über Tokajew?", …]
 */
export function exampleQuestions(
  index: { readonly docs: readonly DocInfo[] },
  stats: SentenceStats,
  language: Language,
  isName: (word: string) => boolean = () => true,
  max = 3,
): string[] {
  let topics = examplesCache.get(index);
  if (!topics) {
    const bySource = new Map<string, string[]>();
    for (let i = 0; i < stats.count; i++) {
      const sentence = stats.sentence(i);
      const list = bySource.get(sentence.source) ?? [];
      if (list.length < SENTENCES_PER_DOC) list.push(sentence.text);
      bySource.set(sentence.source, list);
      if (bySource.size > max && list.length >= SENTENCES_PER_DOC) break;
    }
    // One topic per document first, then the documents' next ones: a single article still gives several.
    // A common noun that happens to stand without an article ("nach Angaben") is no topic to ask about.
    const perDoc = index.docs.slice(0, max).map((doc) => salientTopics(bySource.get(doc.source) ?? [], 3 * max).filter(isName));
    const found: string[] = [];
    for (let rank = 0; rank < max && found.length < max; rank++) {
      for (const topics of perDoc) {
        const topic = topics[rank];
        if (topic !== undefined && !found.includes(topic) && found.length < max) found.push(topic);
      }
    }
    examplesCache.set(index, (topics = found));
  }
  return topics.map(EXAMPLE[language]);
}
