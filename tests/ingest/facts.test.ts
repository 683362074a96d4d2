import { describe, expect, it } from "vitest";
import { CorruptFileError } from "../../src/ingest/binary.js";
import { createFactsBuilder, decodeFacts, encodeFacts } from "../../src/ingest/facts.js";

function sample() {
  const builder = createFactsBuilder("v7", ["names", "numbers"]);
  builder.add([["Berlin", "Hamburg"], ["3"]]);
  builder.add([[], []]);
  builder.add([["Hamburg", "Hamburg"], undefined]);
  return builder.finish();
}

describe("sentence facts", () => {
  it("keep each sentence's rows in order, repeats included, through encoding and decoding", () => {
    const decoded = decodeFacts(encodeFacts(sample()), 3);
    expect(decoded.version).toBe("v7");
    expect(decoded.columns).toEqual(["names", "numbers"]);
    expect([0, 1, 2].map((i) => decoded.row(0, i))).toEqual([["Berlin", "Hamburg"], [], ["Hamburg", "Hamburg"]]);
    expect([0, 1, 2].map((i) => decoded.row(1, i))).toEqual([["3"], [], []]);
    // Out of range: nothing, rather than another sentence's row.
    expect(decoded.row(0, 3)).toEqual([]);
    expect(decoded.row(2, 0)).toEqual([]);
  });

  it("grow past their first buffers", () => {
    const builder = createFactsBuilder("v1", ["n"]);
    for (let i = 0; i < 3000; i++) builder.add([[String(i), String(i + 1)]]);
    const facts = decodeFacts(encodeFacts(builder.finish()), 3000);
    expect(facts.row(0, 2999)).toEqual(["2999", "3000"]);
    expect(facts.row(0, 1024)).toEqual(["1024", "1025"]);
  });

  it("store ids in two bytes while the strings fit, and in four beyond 65,536 strings", () => {
    const small = createFactsBuilder("v1", ["n"]);
    const large = createFactsBuilder("v1", ["n"]);
    for (let i = 0; i < 70_000; i++) {
      small.add([[String(i % 100)]]);
      large.add([[String(i)]]);
    }
    const smallBytes = encodeFacts(small.finish());
    const largeBytes = encodeFacts(large.finish());
    expect(smallBytes.length).toBeLessThan(70_000 * 4 + 70_001 * 4);
    const decodedSmall = decodeFacts(smallBytes, 70_000);
    const decodedLarge = decodeFacts(largeBytes, 70_000);
    expect(decodedSmall.row(0, 69_999)).toEqual(["99"]);
    expect(decodedLarge.row(0, 69_999)).toEqual(["69999"]);
    expect(decodedLarge.row(0, 65_537)).toEqual(["65537"]);
  });

  it("refuse a file for another table, a truncated one, and one that names a string it lacks", () => {
    const bytes = encodeFacts(sample());
    expect(() => decodeFacts(bytes, 4)).toThrow(CorruptFileError);
    expect(() => decodeFacts(bytes.subarray(0, bytes.length - 8), 3)).toThrow(CorruptFileError);
    // The last id section is the numbers column's; point its one id past the three strings.
    const damaged = Buffer.from(bytes);
    const at = damaged.lastIndexOf(Buffer.from(Uint32Array.of(2).buffer));
    damaged.writeUInt32LE(99, at);
    expect(() => decodeFacts(damaged, 3)).toThrow(/names string 99/);
  });

  it("refuse a fact with a NUL character, which separates the stored strings", () => {
    const builder = createFactsBuilder("v1", ["n"]);
    expect(() => builder.add([["a\u0000b"]])).toThrow(/NUL/);
  });
});
