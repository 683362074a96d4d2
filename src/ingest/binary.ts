/**
 * The container of citebot's binary index files (chunks.bin, sentences.bin, facts.bin): a JSON header, then flat
 * typed arrays, each starting on an 8-byte boundary, so that opening a file is one read and a few
 * typed-array views onto it instead of parsing millions of values. Little-endian, as the typed arrays of
 * every platform Node runs on. Layout: u32 header length · header JSON (with `magic` and the `sections`'
 * types and lengths) · padding · section 0 · padding · section 1 …
 */

/** A section of a binary index file. */
export type Section = Uint8Array | Uint16Array | Uint32Array;

type SectionType = "u8" | "u16" | "u32";

const SIZES: Readonly<Record<SectionType, number>> = { u8: 1, u16: 2, u32: 4 };

interface SectionInfo {
  readonly type: SectionType;
  readonly length: number;
}

/** The file is shorter than its header says, or its header or arrays do not fit together. */
export class CorruptFileError extends Error {
  override name = "CorruptFileError";
}

/**
 * Lays out a header and sections as one buffer. `header` must be JSON-serialisable and must not use the
 * keys `magic` and `sections`, which the container adds.
 */
export function encodeBinary(magic: string, header: Readonly<Record<string, unknown>>, sections: readonly Section[]): Buffer {
  const infos: SectionInfo[] = sections.map((s) => ({ type: s instanceof Uint32Array ? "u32" : s instanceof Uint16Array ? "u16" : "u8", length: s.length }));
  const json = Buffer.from(JSON.stringify({ magic, ...header, sections: infos }), "utf8");
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(json.length, 0);
  const parts: Buffer[] = [prefix, json, Buffer.alloc(align(4 + json.length) - 4 - json.length)];
  for (const section of sections) {
    const bytes = Buffer.from(section.buffer, section.byteOffset, section.byteLength);
    parts.push(bytes, Buffer.alloc(align(bytes.length) - bytes.length));
  }
  return Buffer.concat(parts);
}

/**
 * Reads a file written by {@link encodeBinary}: its header and views onto its sections (no copy when the
 * bytes are 8-byte aligned, as a fresh `readFile` buffer is). Throws {@link CorruptFileError} when the
 * magic differs or the file is truncated or padded.
 */
export function decodeBinary(bytes: Uint8Array, magic: string): { header: Record<string, unknown>; sections: Section[] } {
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes); // typed-array views need aligned offsets
  if (bytes.length < 4) throw new CorruptFileError(`${bytes.length} bytes, too short for a header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > bytes.length) throw new CorruptFileError(`header of ${headerLength} bytes in a file of ${bytes.length}`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, headerLength).toString("utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new CorruptFileError("header is not valid JSON", { cause: error });
  }
  if (header === null || typeof header !== "object" || header.magic !== magic) {
    throw new CorruptFileError(`format ${String((header as { magic?: unknown } | null)?.magic)}, expected ${magic}`);
  }
  const infos = header.sections;
  if (!Array.isArray(infos) || !infos.every(isSectionInfo)) throw new CorruptFileError("header lists no valid sections");
  const sections: Section[] = [];
  let at = align(4 + headerLength);
  for (const info of infos) {
    const size = SIZES[info.type];
    if (at + info.length * size > bytes.length) {
      throw new CorruptFileError(`truncated: a section of ${info.length * size} bytes at ${at} in a file of ${bytes.length} bytes`);
    }
    const offset = bytes.byteOffset + at;
    const { buffer } = bytes;
    sections.push(
      info.type === "u32"
        ? new Uint32Array(buffer, offset, info.length)
        : info.type === "u16"
          ? new Uint16Array(buffer, offset, info.length)
          : new Uint8Array(buffer, offset, info.length),
    );
    at = align(at + info.length * size);
  }
  if (at !== align(bytes.length)) throw new CorruptFileError(`${bytes.length - at} bytes after the last section`);
  return { header, sections };
}

function isSectionInfo(value: unknown): value is SectionInfo {
  const info = value as Partial<SectionInfo> | null;
  return (
    typeof info === "object" &&
    info !== null &&
    (info.type === "u8" || info.type === "u16" || info.type === "u32") &&
    Number.isInteger(info.length) &&
    (info.length ?? -1) >= 0
  );
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

/** A Uint32Array that grows as ids are pushed: rows of millions of ids, without arrays of numbers. */
export class GrowingIds {
  #ids = new Uint32Array(1024);
  length = 0;

  constructor(...first: number[]) {
    for (const id of first) this.push(id);
  }

  push(id: number): void {
    if (this.length === this.#ids.length) {
      const grown = new Uint32Array(this.#ids.length * 2);
      grown.set(this.#ids);
      this.#ids = grown;
    }
    this.#ids[this.length++] = id;
  }

  done(): Uint32Array {
    return this.#ids.slice(0, this.length);
  }
}
