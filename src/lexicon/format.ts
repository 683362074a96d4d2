/**
 * The file format of citebot's compiled lexicon (data/lexicon/*.bin): a sorted dictionary of keys, each with
 * a payload of bytes, front-coded in blocks, plus an optional pool of strings the payloads refer to by
 * number. Opening a file is one read, a checksum and a few views; a lookup is a binary search over the
 * blocks' first keys and a scan of at most one block, so nothing is parsed into a Map at start.
 *
 * Layout (little-endian): u32 header length · header JSON · padding to 4 · keys (u32 block offsets, block
 * data) · pool (u32 block offsets, block data). A block holds up to 16 strings; its first is stored whole
 * (varint length, bytes), the others as (varint shared prefix, varint suffix length, suffix); in the key
 * section every key is followed by its payload (varint length, bytes). Pool string i is the (i mod 16)-th
 * of block i / 16. Keys are UTF-8 and sorted by
 * bytes. The header carries an FNV-1a checksum of everything after it, so a damaged file is refused.
 */

const MAGIC = "citebot-lexicon";
const VERSION = 1;
const BLOCK_SIZE = 16;

/** A compiled lexicon file is truncated, of another format or fails its checksum. */
export class LexiconFormatError extends Error {
  override name = "LexiconFormatError";
}

/** One dictionary entry before encoding. */
export interface DictEntry {
  readonly key: string;
  readonly payload: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Appends `value` (a non-negative integer below 2^32) as an unsigned LEB128 varint. */
export function pushVarint(out: number[], value: number): void {
  let v = value >>> 0;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Decodes all varints of a payload. */
export function readVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    const [value, next] = varintAt(bytes, at);
    values.push(value);
    at = next;
  }
  return values;
}

function varintAt(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length || shift > 28) throw new LexiconFormatError(`broken varint at byte ${at}`);
    const byte = bytes[at++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

/** Reads varints one after another from `at`, as {@link varintAt} does, without a pair per number. */
class Cursor {
  at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length || shift > 28) throw new LexiconFormatError(`broken varint at byte ${this.at}`);
      const byte = this.bytes[this.at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
}

/** {@link compareBytes} of `a[from … to − 1]` and `b`, without a view of the range. */
function compareRange(a: Uint8Array, from: number, to: number, b: Uint8Array): number {
  const n = Math.min(to - from, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[from + i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return to - from - b.length;
}

/** Compares two byte strings as unsigned bytes (the order keys are stored in). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** FNV-1a over bytes: cheap enough to run on every open, and catches truncation and flipped bytes. */
export function fnv1a(bytes: Uint8Array, start = 0): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < bytes.length; i++) {
    hash ^= bytes[i] ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Encodes entries (any order; keys must be unique) and an optional string pool into one file. Pure and
 * deterministic: the same entries give the same bytes.
 */
export function encodeDictionary(entries: readonly DictEntry[], pool: readonly string[] = [], meta: Readonly<Record<string, string | number>> = {}): Uint8Array {
  const keyed = entries.map((e) => ({ bytes: encoder.encode(e.key), payload: e.payload }));
  keyed.sort((a, b) => compareBytes(a.bytes, b.bytes));
  for (let i = 1; i < keyed.length; i++) {
    if (compareBytes(keyed[i - 1]!.bytes, keyed[i]!.bytes) === 0) throw new Error(`duplicate lexicon key "${entries[i]?.key}"`);
  }
  const keys = encodeBlocks(keyed);
  const poolBlocks = encodeBlocks(pool.map((p) => ({ bytes: encoder.encode(p) })));
  const body = new Uint8Array(4 * (keys.offsets.length + poolBlocks.offsets.length) + keys.data.length + poolBlocks.data.length);
  const bodyView = new DataView(body.buffer);
  let at = 0;
  for (const section of [keys, poolBlocks]) {
    for (const offset of section.offsets) {
      bodyView.setUint32(at, offset, true);
      at += 4;
    }
    body.set(section.data, at);
    at += section.data.length;
  }
  const header = encoder.encode(
    JSON.stringify({
      magic: MAGIC,
      version: VERSION,
      ...meta,
      entries: keyed.length,
      blockSize: BLOCK_SIZE,
      blocks: keys.offsets.length,
      dataLength: keys.data.length,
      poolEntries: pool.length,
      poolBlocks: poolBlocks.offsets.length,
      poolDataLength: poolBlocks.data.length,
      checksum: fnv1a(body),
    }),
  );
  const headerEnd = align4(4 + header.length);
  const file = new Uint8Array(headerEnd + body.length);
  new DataView(file.buffer).setUint32(0, header.length, true);
  file.set(header, 4);
  file.fill(0x20, 4 + header.length, headerEnd);
  file.set(body, headerEnd);
  return file;
}

interface Header {
  readonly entries: number;
  readonly blockSize: number;
  readonly blocks: number;
  readonly dataLength: number;
  readonly poolEntries: number;
  readonly poolBlocks: number;
  readonly poolDataLength: number;
  readonly checksum: number;
  readonly [key: string]: unknown;
}

const HEADER_FIELDS = ["entries", "blockSize", "blocks", "dataLength", "poolEntries", "poolBlocks", "poolDataLength", "checksum"] as const;

/** One front-coded section: block offsets (u32) and block data. */
class Blocks {
  /** Where a lookup reads; one per section, as lookups run one at a time. */
  private readonly cursor: Cursor;
  /** The key being rebuilt by a walk (grown when a key is longer). */
  private key = new Uint8Array(64);

  constructor(
    private readonly view: DataView,
    private readonly offsetsAt: number,
    private readonly count: number,
    readonly data: Uint8Array,
    private readonly withPayload: boolean,
  ) {
    this.cursor = new Cursor(data);
  }

  /** Copies `count` bytes at the cursor into the key from `at` on, and moves the cursor past them. */
  private copyKey(at: number, count: number): void {
    const from = this.cursor.at;
    // Byte by byte: the data is a Buffer, whose views cost more to make than a key costs to copy.
    const to = Math.min(from + count, this.data.length);
    if (this.key.length < at + to - from) {
      const grown = new Uint8Array(Math.max(2 * this.key.length, at + to - from));
      grown.set(this.key.subarray(0, at));
      this.key = grown;
    }
    for (let i = from; i < to; i++) this.key[at + i - from] = this.data[i]!;
    this.cursor.at = from + count;
  }

  get blocks(): number {
    return this.count;
  }

  offset(block: number): number {
    const offset = this.view.getUint32(this.offsetsAt + 4 * block, true);
    if (offset >= this.data.length) throw new LexiconFormatError(`block ${block} starts outside the data`);
    return offset;
  }

  /** The block's first key compared with `query` where it lies (as {@link compareBytes}), without a view of it. */
  compareFirst(block: number, query: Uint8Array): number {
    const cursor = this.cursor;
    cursor.at = this.offset(block);
    const length = cursor.varint();
    return compareRange(this.data, cursor.at, Math.min(cursor.at + length, this.data.length), query);
  }

  /**
   * The payload stored under `query` in `block`, or undefined: the walk of {@link scan}, with each key
   * rebuilt in one reused buffer instead of a new array per entry, since a lookup runs for every word a
   * question or a candidate sentence has.
   */
  find(block: number, query: Uint8Array): Uint8Array | undefined {
    const found = this.walk(block, (key, length) => compareRange(key, 0, length, query), true);
    return found === undefined ? undefined : this.data.subarray(found.payloadAt, found.payloadAt + found.payloadLength);
  }

  /** The `n`-th key of `block` decoded as UTF-8, or undefined when the block has fewer. */
  nthString(block: number, n: number): string | undefined {
    let i = 0;
    let text: string | undefined;
    this.walk(
      block,
      (key, length) => {
        if (i++ !== n) return -1;
        text = decoder.decode(key.subarray(0, length));
        return 0;
      },
      false,
    );
    return text;
  }

  /**
   * Walks a block's entries in order, each key rebuilt in {@link key}, until `visit` returns 0 (found:
   * where its payload lies) or more than 0 (passed where it would be: undefined). The same checks as
   * {@link scan}.
   */
  private walk(
    block: number,
    visit: (key: Uint8Array, length: number) => number,
    stopAfter: boolean,
  ): { payloadAt: number; payloadLength: number } | undefined {
    const cursor = this.cursor;
    cursor.at = this.offset(block);
    const end = block + 1 < this.count ? this.offset(block + 1) : this.data.length;
    let length = 0;
    let first = true;
    while (cursor.at < end) {
      if (first) {
        length = cursor.varint();
        this.copyKey(0, length);
        first = false;
      } else {
        const shared = cursor.varint();
        const suffixLength = cursor.varint();
        if (shared > length) throw new LexiconFormatError(`a key shares ${shared} bytes with a shorter one`);
        this.copyKey(shared, suffixLength);
        length = shared + suffixLength;
      }
      let payloadAt = 0;
      let payloadLength = 0;
      if (this.withPayload) {
        payloadLength = cursor.varint();
        payloadAt = cursor.at;
        cursor.at += payloadLength;
      }
      if (cursor.at > end) throw new LexiconFormatError(`an entry of block ${block} runs past its end`);
      const c = visit(this.key, length);
      if (c === 0) return { payloadAt, payloadLength };
      if (c > 0 && stopAfter) return undefined;
    }
    return undefined;
  }

  *scan(block: number): Generator<{ key: Uint8Array; payload: Uint8Array }> {
    let at = this.offset(block);
    const end = block + 1 < this.count ? this.offset(block + 1) : this.data.length;
    let key: Uint8Array = new Uint8Array(0);
    let first = true;
    while (at < end) {
      if (first) {
        const [length, next] = varintAt(this.data, at);
        key = this.data.subarray(next, next + length);
        at = next + length;
        first = false;
      } else {
        const [shared, next] = varintAt(this.data, at);
        const [suffixLength, suffixAt] = varintAt(this.data, next);
        if (shared > key.length) throw new LexiconFormatError(`a key shares ${shared} bytes with a shorter one`);
        const joined = new Uint8Array(shared + suffixLength);
        joined.set(key.subarray(0, shared));
        joined.set(this.data.subarray(suffixAt, suffixAt + suffixLength), shared);
        key = joined;
        at = suffixAt + suffixLength;
      }
      let payload = EMPTY;
      if (this.withPayload) {
        const [payloadLength, payloadAt] = varintAt(this.data, at);
        payload = this.data.subarray(payloadAt, payloadAt + payloadLength);
        at = payloadAt + payloadLength;
      }
      if (at > end) throw new LexiconFormatError(`an entry of block ${block} runs past its end`);
      yield { key, payload };
    }
  }
}

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * A read-only view of a file written by {@link encodeDictionary}. Lookups return subarrays of the file's
 * bytes (no copies). The constructor checks the header, the sizes and the checksum and throws
 * {@link LexiconFormatError} when they do not fit.
 */
export class Dictionary {
  readonly header: Header;
  private readonly keys: Blocks;
  private readonly pool: Blocks;
  /** The UTF-8 of the key being looked up. */
  private query = new Uint8Array(64);

  /** `verify: false` skips the checksum when the bytes were checked already (gunzip verifies its CRC-32). */
  constructor(bytes: Uint8Array, options: { verify?: boolean } = {}) {
    if (bytes.length < 8) throw new LexiconFormatError(`${bytes.length} bytes, too short for a header`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(0, true);
    if (4 + headerLength > bytes.length) throw new LexiconFormatError(`header of ${headerLength} bytes in a file of ${bytes.length}`);
    let header: unknown;
    try {
      header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength)));
    } catch (error) {
      throw new LexiconFormatError("the header is not valid JSON", { cause: error });
    }
    const h = header as Partial<Header> & { magic?: unknown; version?: unknown };
    if (h === null || typeof h !== "object" || h.magic !== MAGIC) throw new LexiconFormatError("not a citebot lexicon file");
    if (h.version !== VERSION) throw new LexiconFormatError(`format version ${String(h.version)}, expected ${VERSION}`);
    for (const field of HEADER_FIELDS) {
      if (!Number.isInteger(h[field]) || (h[field] ?? -1) < 0) throw new LexiconFormatError(`the header lacks ${field}`);
    }
    this.header = h as Header;
    if (this.header.blockSize !== BLOCK_SIZE) throw new LexiconFormatError(`block size ${this.header.blockSize}, expected ${BLOCK_SIZE}`);
    const bodyAt = align4(4 + headerLength);
    const { blocks, dataLength, poolBlocks, poolDataLength } = this.header;
    const expected = bodyAt + 4 * blocks + dataLength + 4 * poolBlocks + poolDataLength;
    if (expected !== bytes.length) throw new LexiconFormatError(`${bytes.length} bytes, the header describes ${expected}`);
    if (options.verify !== false && fnv1a(bytes, bodyAt) !== this.header.checksum) throw new LexiconFormatError("checksum mismatch: the file is damaged");
    const keyDataAt = bodyAt + 4 * blocks;
    this.keys = new Blocks(view, bodyAt, blocks, bytes.subarray(keyDataAt, keyDataAt + dataLength), true);
    const poolAt = keyDataAt + dataLength;
    const poolDataAt = poolAt + 4 * poolBlocks;
    this.pool = new Blocks(view, poolAt, poolBlocks, bytes.subarray(poolDataAt, poolDataAt + poolDataLength), false);
  }

  get size(): number {
    return this.header.entries;
  }

  get poolSize(): number {
    return this.header.poolEntries;
  }

  /** The payload stored under `key` (exact, byte-wise), or undefined. */
  get(key: string): Uint8Array | undefined {
    // Encoded into a reused buffer: a UTF-8 character takes at most three bytes per UTF-16 unit.
    if (this.query.length < 3 * key.length) this.query = new Uint8Array(3 * key.length);
    const query = this.query.subarray(0, encoder.encodeInto(key, this.query).written);
    // The last block whose first key is <= query.
    let lo = 0;
    let hi = this.keys.blocks - 1;
    let block = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys.compareFirst(mid, query) <= 0) {
        block = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (block < 0) return undefined;
    return this.keys.find(block, query);
  }

  /** Whether `key` is stored. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** String `index` of the pool. */
  poolString(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.header.poolEntries) {
      throw new LexiconFormatError(`string ${index} is outside the pool of ${this.header.poolEntries}`);
    }
    const text = this.pool.nthString(Math.floor(index / BLOCK_SIZE), index % BLOCK_SIZE);
    if (text !== undefined) return text;
    throw new LexiconFormatError(`string ${index} is missing from its block`);
  }

  /** Every entry in key order (for tests and tools; lookups never need it). */
  *entries(): Generator<{ key: string; payload: Uint8Array }> {
    for (let block = 0; block < this.keys.blocks; block++) {
      for (const entry of this.keys.scan(block)) yield { key: decoder.decode(entry.key), payload: entry.payload };
    }
  }
}

/** Front-codes items in blocks of BLOCK_SIZE; items with a payload store it after their key. */
function encodeBlocks(items: readonly { bytes: Uint8Array; payload?: Uint8Array }[]): { offsets: number[]; data: Uint8Array } {
  const data: number[] = [];
  const offsets: number[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  items.forEach((item, i) => {
    if (i % BLOCK_SIZE === 0) {
      offsets.push(data.length);
      pushVarint(data, item.bytes.length);
      for (const b of item.bytes) data.push(b);
    } else {
      let shared = 0;
      const max = Math.min(previous.length, item.bytes.length);
      while (shared < max && previous[shared] === item.bytes[shared]) shared++;
      pushVarint(data, shared);
      pushVarint(data, item.bytes.length - shared);
      for (let j = shared; j < item.bytes.length; j++) data.push(item.bytes[j]!);
    }
    if (item.payload) {
      pushVarint(data, item.payload.length);
      for (const b of item.payload) data.push(b);
    }
    previous = item.bytes;
  });
  return { offsets, data: Uint8Array.from(data) };
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** Encodes a list of non-negative integers as a varint payload. */
export function varintPayload(values: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (const v of values) pushVarint(out, v);
  return Uint8Array.from(out);
}

/** Encodes strings as a payload (joined by newlines; the strings contain none). */
export function stringsPayload(values: readonly string[]): Uint8Array {
  return encoder.encode(values.join("\n"));
}

/** Decodes a payload written by {@link stringsPayload}. */
export function readStrings(payload: Uint8Array): string[] {
  return payload.length === 0 ? [] : decoder.decode(payload).split("\n");
}
