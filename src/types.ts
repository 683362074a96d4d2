/**
 * The plain data that flows through citebot, stage by stage:
 * seeds → {@link SourceDoc} → {@link Chunk} → index → {@link Passage} → {@link Answer} with {@link Citation}s.
 *
 * Every span carries `source`, `start` and `end` (character offsets, UTF-16 code units as JavaScript
 * strings count them) into the seed's extracted text (the file itself for .txt; the article of a web
 * page, the text layer of a PDF, Markdown without markup), which the index stores, so that
 * `text === extractedText.slice(start, end)` holds for chunks, sentences and citation quotes alike.
 */

/** A sentence of a seed, as absolute offsets into the file's full text. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** A seed file after loading: its full text, the metadata read off its prefix, and its sentences. */
export interface SourceDoc {
  /** Path relative to the seeds folder, with forward slashes. */
  readonly source: string;
  /** The text extracted from the file (for .txt the file exactly as read); offsets point into it. */
  readonly text: string;
  /** Offset where the body starts, after any metadata prefix such as ` date 2022-01 `. */
  readonly bodyStart: number;
  readonly title: string;
  /** From the metadata prefix, e.g. "2022-01"; null when the seed has none. */
  readonly date: string | null;
  /** Further `key value` pairs of the metadata prefix. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly sha256: string;
  readonly sentences: readonly SentenceSpan[];
  /** For a PDF, the offset in `text` where each page starts (`pages[0] === 0`). */
  readonly pages?: readonly number[];
}

/** What the index keeps of each document (not its text). */
export interface DocInfo {
  readonly source: string;
  readonly title: string;
  readonly date: string | null;
  readonly sha256: string;
  readonly chunks: number;
  /** For a PDF, where each page starts in the extracted text, so a citation can name its page. */
  readonly pages?: readonly number[];
}

/** A few consecutive sentences of one source; the unit that is embedded and retrieved. */
export interface Chunk {
  /** Stable label within one index build (also the hnswlib label). */
  readonly id: number;
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The sentences inside this chunk, absolute offsets into the source file. */
  readonly sentences: readonly SentenceSpan[];
}

/** A retrieved chunk with how it was found. `distance` is hnswlib's cosine distance (lower is closer). */
export interface Passage {
  readonly chunk: Chunk;
  /** Fused rank score (reciprocal rank fusion); higher is better. */
  readonly fused: number;
  readonly distance: number | null;
  readonly keywordScore: number | null;
}

export type Language = "de" | "en";
export type AnswerMode = "extractive" | "llm";

/** A verbatim quote backing an answer: `quote === extractedText(source).slice(start, end)`. */
export interface Citation {
  readonly n: number;
  readonly source: string;
  readonly title: string;
  readonly date: string | null;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  /** The page of a PDF source the quote stands on (1-based); absent for other sources. */
  readonly page?: number;
}

/** One earlier exchange, for follow-up questions. */
export interface Turn {
  readonly question: string;
  readonly answer: string;
  /**
   * The story the answer told: the article of its first quote, which a follow-up most likely asks about.
   * Further quotes add what the first lacked, sometimes from another article, which is not the story.
   */
  readonly sources?: readonly string[];
  /** Where the quotes stood: a follow-up's answer often stands right beside them ("Wer hat das gesagt?"). */
  readonly quotes?: readonly { readonly source: string; readonly start: number }[];
  /**
   * What the answer quoted from its story's article: where a follow-up's "er" or "sie" finds a name. A
   * quote from another article adds a fact, not the one a pronoun points back to.
   */
  readonly story?: string;
}

/** The turn to remember after an answer: its text, its story's article, the places it quoted and what it quoted from the story. Pure. */
export function turnOf(question: string, answer: Answer): Turn {
  const citations = answer.kind === "answered" ? answer.citations : [];
  const sources = citations.slice(0, 1).map((c) => c.source);
  const quotes = citations.map((c) => ({ source: c.source, start: c.start }));
  // A refusal quotes nothing: the titles it suggests are no story.
  return { question, answer: answer.text, sources, quotes, story: citations.filter((c) => c.source === sources[0]).map((c) => c.quote).join(" ") };
}

/**
 * The one result type for everything downstream (CLI, eval, Telegram).
 * A question the sources do not answer is an expected outcome, not an error.
 */
export type Answer =
  | {
      readonly kind: "answered";
      readonly text: string;
      readonly citations: readonly Citation[];
      readonly language: Language;
      readonly mode: AnswerMode;
      /** Set when the LLM path failed and the extractive answer stands in, e.g. "llm timeout". */
      readonly note?: string;
    }
  | {
      readonly kind: "not_found";
      readonly text: string;
      readonly language: Language;
      readonly mode: AnswerMode;
      /** Topics the sources do cover, to suggest instead. */
      readonly suggestions: readonly string[];
      readonly note?: string;
    }
  | {
      /** A greeting, thanks, or text without words: a short friendly reply, never a citation or a refusal. */
      readonly kind: "smalltalk";
      readonly text: string;
      readonly language: Language;
      readonly mode: AnswerMode;
      /** Questions the sources can answer, to offer the user. */
      readonly examples: readonly string[];
      readonly note?: string;
    };

/** Per-question context handed to {@link Ask}. */
export interface AskContext {
  /** Earlier turns of this conversation, oldest first (kept short by the caller). */
  readonly history: readonly Turn[];
  /** True when the user replied to one of the bot's answers: the question continues that exchange. */
  readonly continues?: boolean;
  /** The user's language, when known (Telegram's language_code), for messages that show none (an emoji, "Hi"). */
  readonly language?: Language;
  /** Called with the answer text generated so far, in LLM mode, for streaming displays. */
  readonly onToken?: (partial: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * The whole question-answering pipeline as one function. The Telegram layer and the CLIs receive it
 * and know nothing about retrieval, LangChain or the index.
 */
export type Ask = (question: string, context: AskContext) => Promise<Answer>;
