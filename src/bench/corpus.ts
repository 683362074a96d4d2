/**
 * A synthetic corpus that reads like German news, made from the seed articles' own sentences, so the
 * benchmark can measure citebot at 1k, 10k and 100k chunks without downloading anything. Sentences are
 * shuffled, recombined at their commas, their numbers varied, and words swapped for or joined by noise
 * words drawn from a Zipf-distributed vocabulary of made-up German-looking words. The Zipf law matters:
 * it gives keyword search realistic posting lists (a few very common terms, a long tail of rare ones),
 * where a corpus of only the seed's twenty-odd sentences would make every term occur everywhere.
 *
 * Everything here is pure and deterministic for a seed value: the same seed gives the same files.
 */

/** A seeded pseudo-random source: `next()` is uniform in [0, 1). */
export interface Random {
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32, a tiny 32-bit PRNG: fast, well spread, and reproducible across machines, which
 * `Math.random` is not. Pure in the sense that the sequence depends only on `seed`.
 *
 * @example
 * const random = createRandom(42);
 * random.int(10); // the same number on every run
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError("cannot pick from an empty list");
      return items[int(items.length)]!;
    },
  };
}

export interface CorpusOptions {
  /** How many chunks the corpus should yield with the given chunking (within a few percent). */
  readonly chunks: number;
  readonly seed: number;
  /** The index's chunking, to know how many chunks a document of n sentences gives. */
  readonly chunking: { readonly sentences: number; readonly overlap: number };
  /** Sentences per synthetic document (default 31, i.e. 10 chunks at 4 sentences with overlap 1). */
  readonly sentencesPerDoc?: number;
  /** Chance that a word is replaced by a noise word (default 0.35). */
  readonly noiseRate?: number;
  /** Topic words per document, which take most of its noise slots (default 12). */
  readonly topicWords?: number;
  /** Size of the noise vocabulary (default 30 000 words). */
  readonly vocabulary?: number;
}

/** One synthetic seed file. */
export interface SyntheticDoc {
  /** File name relative to the seeds folder, e.g. `syn/00042.txt`. */
  readonly name: string;
  readonly text: string;
}

/**
 * How many chunks the ingest chunker makes of a document with `sentences` sentences: windows of
 * `size` sentences advancing by `size - overlap`, the last window ending at the last sentence. Mirrors
 * `chunkDoc`, so the corpus can be sized in chunks. Pure.
 */
export function chunksPerDoc(sentences: number, chunking: { readonly sentences: number; readonly overlap: number }): number {
  if (sentences <= 0) return 0;
  const size = Math.max(1, chunking.sentences);
  const step = Math.max(1, size - Math.min(chunking.overlap, size - 1));
  if (sentences <= size) return 1;
  return 1 + Math.ceil((sentences - size) / step);
}

/**
 * Generates the synthetic corpus from the seed sentences. Each document has a ` date YYYY-MM `
 * prefix like the real seeds and paragraphs of three or four sentences.
 *
 * @example
 * const docs = generateCorpus(seedSentences, { chunks: 10_000, seed: 1, chunking: { sentences: 4, overlap: 1 } });
 * // → about 1000 documents of 31 sentences, ~10 000 chunks
 */
export function generateCorpus(seedSentences: readonly string[], options: CorpusOptions): SyntheticDoc[] {
  const sentences = seedSentences.map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => s.length > 0);
  if (sentences.length === 0) throw new RangeError("the corpus needs at least one seed sentence");
  const perDoc = Math.max(1, options.sentencesPerDoc ?? 31);
  const perDocChunks = chunksPerDoc(perDoc, options.chunking);
  const docCount = Math.max(1, Math.round(options.chunks / perDocChunks));
  const random = createRandom(options.seed);
  const vocabulary = noiseVocabulary(options.vocabulary ?? 30_000, random);
  const zipf = zipfSampler(vocabulary.length, 1.07);
  const globalNoise = () => vocabulary[zipf(random.next())]!;
  const noiseRate = options.noiseRate ?? 0.35;
  const topicCount = options.topicWords ?? 12;
  const width = String(docCount - 1).length;

  const docs: SyntheticDoc[] = [];
  for (let d = 0; d < docCount; d++) {
    const year = 2015 + random.int(10);
    const month = String(1 + random.int(12)).padStart(2, "0");
    // Topic words come from the whole vocabulary, not its head, so they are rare corpus-wide.
    const topic = Array.from({ length: topicCount }, () => vocabulary[random.int(vocabulary.length)]!);
    const noise = () => (topic.length > 0 && random.next() < 0.6 ? random.pick(topic) : globalNoise());
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    for (let s = 0; s < perDoc; s++) {
      paragraph.push(synthesizeSentence(sentences, random, noise, noiseRate));
      if (paragraph.length >= 3 + random.int(2)) {
        paragraphs.push(paragraph.join(" "));
        paragraph = [];
      }
    }
    if (paragraph.length > 0) paragraphs.push(paragraph.join(" "));
    docs.push({ name: `syn/${String(d).padStart(width, "0")}.txt`, text: ` date ${year}-${month} ${paragraphs.join("\n\n")}\n` });
  }
  return docs;
}

/**
 * One new sentence: a seed sentence, sometimes its head joined to another's tail at a comma, with
 * numbers varied and noise words mixed in. It always ends with one full stop (or the original's
 * end mark) and holds no line break, so the sentence splitter sees exactly one sentence. Pure given `random`.
 */
export function synthesizeSentence(
  sentences: readonly string[],
  random: Random,
  noise: () => string,
  noiseRate: number,
): string {
  let sentence = random.pick(sentences);
  if (random.next() < 0.35) sentence = recombine(sentence, random.pick(sentences));
  sentence = varyNumbers(sentence, random);
  const body = sentence.replace(/[.!?]+$/, "");
  const end = sentence.slice(body.length) || ".";
  const words = body.split(" ");
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    const core = /^[\p{L}-]{4,}$/u.test(word);
    if (i > 0 && core && random.next() < noiseRate) {
      const replacement = noise();
      out.push(/^\p{Lu}/u.test(word) ? capitalize(replacement) : replacement);
    } else {
      out.push(word);
    }
    if (random.next() < noiseRate / 4) out.push(noise());
  }
  // The segmenter must not end the sentence early: no inner "word. Word" from recombination.
  return `${out.join(" ").replace(/[.!?](?=\s)/g, "")}${end}`;
}

/** The head of `a` up to a comma, then the tail of `b` after one; `a` itself when either has none. */
function recombine(a: string, b: string): string {
  const cutA = a.indexOf(", ");
  const cutB = b.lastIndexOf(", ");
  if (cutA < 0 || cutB < 0) return a;
  return `${a.slice(0, cutA)}, ${b.slice(cutB + 2)}`;
}

const NUMBER_WORDS = ["eine", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf", "zwanzig"];

/** Replaces each digit run by a number of similar size, and German number words by others. */
function varyNumbers(sentence: string, random: Random): string {
  return sentence
    .replace(/\d+(?:\.\d{3})*/g, (digits) => {
      const value = Number(digits.replace(/\./g, ""));
      const varied = Math.max(1, Math.round(value * (0.5 + random.next() * 1.5)));
      return varied >= 10_000 ? varied.toLocaleString("de-DE") : String(varied);
    })
    .replace(new RegExp(`\\b(${NUMBER_WORDS.join("|")})\\b(?= (?:Tage|Wochen?|Jahre|Monate|Stunden))`, "g"), () =>
      random.pick(NUMBER_WORDS),
    );
}

const ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "br", "fl", "gr", "kr", "pf", "sch", "st", "tr", "schw", "sp"];
const VOWELS = ["a", "e", "i", "o", "u", "ä", "ö", "ü", "au", "ei", "ie"];
const CODAS = ["", "", "n", "r", "l", "s", "t", "ch", "ng", "nd", "rt", "st", "ck", "tz"];
const SUFFIXES = ["", "", "ung", "heit", "keit", "schaft", "er", "en", "isch", "lich", "tum", "werk", "amt", "rat"];

/** A deterministic vocabulary of distinct, pronounceable made-up words (1–3 syllables plus a suffix). */
function noiseVocabulary(size: number, random: Random): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + random.int(3);
    let word = "";
    for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
    words.add(word + random.pick(SUFFIXES));
  }
  return [...words];
}

/**
 * A Zipf sampler over ranks 0..n-1 with exponent `s`: maps a uniform number in [0, 1) to a rank, rank
 * 0 being the most frequent. Pure; binary search over the cumulative weights.
 */
export function zipfSampler(n: number, s: number): (uniform: number) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, s);
    cumulative[rank] = total;
  }
  return (uniform) => {
    const target = uniform * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const QUESTION_TEMPLATES_DE = [
  "Was ist über {} bekannt?",
  "Wer {}?",
  "Wie viele {}?",
  "Wann {}?",
  "Warum {}?",
  "{}?",
];
const QUESTION_TEMPLATES_EN = ["What happened with {}?", "Who {}?", "How many {}?"];

/**
 * Questions about the synthetic corpus, as users would type them: a few words of one corpus sentence
 * (some of them noise words, so rare terms are asked for too) in a German or, sometimes, English
 * question frame. Deterministic for `seed`. Pure.
 *
 * @example
 * generateQuestions(docs, 200, 7)[0] // e.g. "Wie viele Fallschirmjäger ausgeflogen Brautung?"
 */
export function generateQuestions(docs: readonly SyntheticDoc[], count: number, seed: number): string[] {
  if (docs.length === 0) throw new RangeError("no documents to ask about");
  const random = createRandom(seed ^ 0x5bd1e995);
  const questions: string[] = [];
  while (questions.length < count) {
    const doc = random.pick(docs);
    const sentences = doc.text.split(/(?<=[.!?])\s+/);
    const words = random
      .pick(sentences)
      .replace(/^ date \S+ /, "")
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, ""))
      .filter((w) => w.length >= 4);
    if (words.length === 0) continue;
    const start = random.int(words.length);
    const phrase = words.slice(start, start + 2 + random.int(4)).join(" ");
    const templates = random.next() < 0.2 ? QUESTION_TEMPLATES_EN : QUESTION_TEMPLATES_DE;
    questions.push(random.pick(templates).replace("{}", phrase));
  }
  return questions;
}
