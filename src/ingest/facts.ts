import { CorruptFileError, decodeBinary, encodeBinary, GrowingIds, type Section } from "./binary.js";
import type { SentenceAnalysis, SentenceTable } from "./sentences.js";

/**
 * What reading a sentence needs beyond its stems (who a surname stands for, the dictionary forms of its
 * verbs, its answer types), computed when the index is built instead of when a question first touches
 * the sentence: at 100k chunks each question touches sentences no earlier one did, and working them out
 * then cost most of a question's time. The index stage stores them without knowing what they mean: for
 * every sentence, a row of strings per named column. The reading stage describes them (see
 * query/score.ts) and names their `version`, so facts made by another lexicon or code are not used.
 */
export interface SentenceFacts {
  readonly version: string;
  readonly count: number;
  readonly columns: readonly string[];
  /** Sentence i's strings of column c: `row(c, i)`, in the order they were added. */
  row(column: number, sentence: number): string[];
}

/**
 * Works out the facts of every sentence of a table; `pause` is told now and then how many sentences are
 * done, and yields to the event loop, so a bot re-indexing in-process keeps answering and a long build
 * shows its progress. Injected into the build by the app, which knows the lexicon.
 */
export interface SentenceDescriber {
  /** Changes whenever the facts would: the code that makes them, the lexicon, the analyzer. */
  readonly version: string;
  /**
   * `known(i)`, when given, is sentence i's rows as the previous build of this version stored them (a
   * sentence of a source that did not change), or undefined: those need not be worked out again.
   */
  describe(
    table: SentenceTable,
    analysis: SentenceAnalysis,
    pause: (done: number) => Promise<void>,
    known?: (sentence: number) => readonly (readonly string[])[] | undefined,
  ): Promise<SentenceFacts>;
}

/** Collects rows sentence by sentence, each string stored once. */
export function createFactsBuilder(version: string, columns: readonly string[]): {
  add(rows: readonly (Iterable<string> | undefined)[]): void;
  finish(): SentenceFacts;
} {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  // Growing typed arrays, not arrays of numbers: at 100k chunks there are millions of ids.
  const offsets = columns.map(() => new GrowingIds(0));
  const values = columns.map(() => new GrowingIds());
  let count = 0;
  return {
    add(rows) {
      columns.forEach((_, c) => {
        for (const value of rows[c] ?? []) {
          let id = ids.get(value);
          if (id === undefined) {
            if (value.includes("\u0000")) throw new Error("a sentence fact contains a NUL character");
            id = strings.length;
            ids.set(value, id);
            strings.push(value);
          }
          values[c]!.push(id);
        }
        offsets[c]!.push(values[c]!.length);
      });
      count++;
    },
    finish() {
      return factsOf(
        version,
        count,
        columns,
        strings,
        offsets.map((o) => o.done()),
        // Two bytes an id while the strings fit: at 100k chunks, 36k strings and 8M ids.
        values.map((v) => (strings.length <= 0x10000 ? Uint16Array.from(v.done()) : v.done())),
      );
    },
  };
}

/** String ids: two bytes each when there are at most 65,536 strings, four otherwise. */
type Ids = Uint16Array | Uint32Array;

function factsOf(
  version: string,
  count: number,
  columns: readonly string[],
  strings: readonly string[],
  offsets: readonly Uint32Array[],
  values: readonly Ids[],
): SentenceFacts & { readonly strings: readonly string[]; readonly offsets: readonly Uint32Array[]; readonly values: readonly Ids[] } {
  return {
    version,
    count,
    columns,
    strings,
    offsets,
    values,
    row(column, sentence) {
      const out: string[] = [];
      const at = offsets[column];
      if (at === undefined || !(sentence >= 0 && sentence < count)) return out;
      for (let k = at[sentence]!; k < at[sentence + 1]!; k++) out.push(strings[values[column]![k]!]!);
      return out;
    },
  };
}

const MAGIC = "citebot-facts-v1";

/** facts.bin: the strings (NUL-separated UTF-8), then each column's row offsets and string ids (u16 or u32). */
export function encodeFacts(facts: SentenceFacts): Buffer {
  const built = facts as ReturnType<typeof factsOf>;
  if (!built.strings) throw new Error("only facts from createFactsBuilder or decodeFacts can be encoded");
  const strings = Buffer.from(built.strings.join("\u0000"), "utf8");
  const sections: Section[] = [new Uint8Array(strings.buffer, strings.byteOffset, strings.byteLength)];
  built.columns.forEach((_, c) => sections.push(built.offsets[c]!, built.values[c]!));
  return encodeBinary(MAGIC, { version: facts.version, sentences: facts.count, strings: built.strings.length, columns: facts.columns }, sections);
}

/**
 * Reads facts.bin back for a table of `sentences` sentences, checking that it is whole and every id it
 * holds exists; throws {@link CorruptFileError} otherwise.
 */
export function decodeFacts(bytes: Uint8Array, sentences: number): SentenceFacts {
  const { header, sections } = decodeBinary(bytes, MAGIC);
  const columns = header.columns;
  if (typeof header.version !== "string" || !Array.isArray(columns) || !columns.every((c) => typeof c === "string")) {
    throw new CorruptFileError("no facts version or columns");
  }
  if (header.sentences !== sentences) throw new CorruptFileError(`facts of ${String(header.sentences)} sentences for a table of ${sentences}`);
  const [stringBytes, ...rows] = sections;
  if (!(stringBytes instanceof Uint8Array) || rows.length !== columns.length * 2) {
    throw new CorruptFileError("unexpected sections");
  }
  if (!rows.every((r, k) => r instanceof Uint32Array || (k % 2 === 1 && r instanceof Uint16Array))) throw new CorruptFileError("unexpected sections");
  const strings = header.strings === 0 ? [] : Buffer.from(stringBytes.buffer, stringBytes.byteOffset, stringBytes.length).toString("utf8").split("\u0000");
  if (strings.length !== header.strings) throw new CorruptFileError(`${strings.length} strings, header says ${String(header.strings)}`);
  const offsets = columns.map((_, c) => rows[2 * c] as Uint32Array);
  const values = columns.map((_, c) => rows[2 * c + 1] as Ids);
  columns.forEach((name, c) => {
    const at = offsets[c]!;
    const ids = values[c]!;
    if (at.length !== sentences + 1 || at[0] !== 0 || at[sentences] !== ids.length) throw new CorruptFileError(`rows of ${name} do not cover its ids`);
    for (let i = 0; i < sentences; i++) if (at[i]! > at[i + 1]!) throw new CorruptFileError(`rows of ${name} out of order`);
    for (let k = 0; k < ids.length; k++) if (ids[k]! >= strings.length) throw new CorruptFileError(`${name} names string ${ids[k]} of ${strings.length}`);
  });
  return factsOf(header.version, sentences, columns as string[], strings, offsets, values);
}
