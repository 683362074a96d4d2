import { GrammyError, HttpError } from "grammy";
import { describe as suite, expect, it } from "vitest";
import { describe } from "../../src/telegram/errors.js";

const TOKEN = "123456789:TEST-token_ABCdefGHIjklMNOpqrSTUvwxYZ012345";

suite("describe (errors for the logs)", () => {
  it("never throws, whatever the error's shape", () => {
    const hostile = {
      toString() {
        throw new Error("no string for you");
      },
    };
    const throwingStack = new Error("boom");
    Object.defineProperty(throwingStack, "stack", {
      get() {
        throw new Error("stack exploded");
      },
    });
    const shapes: unknown[] = [
      new GrammyError("Call to 'setMyCommands' failed!", { ok: false, error_code: 404 } as never, "setMyCommands", {}),
      new GrammyError("x", { ok: false } as never, "getMe", {}),
      new HttpError("Network request for 'getMe' failed!", undefined),
      new HttpError(`Network request for 'sendMessage' failed! https://x/bot${TOKEN}/sendMessage`, Object.create(null)),
      undefined,
      null,
      Object.create(null),
      hostile,
      throwingStack,
      Symbol("odd"),
      12n,
      { message: 42 },
    ];
    for (const shape of shapes) {
      const described = describe(shape);
      expect(typeof described.kind).toBe("string");
      expect(JSON.stringify(described)).not.toContain(TOKEN.split(":")[1]);
    }
  });

  it("keeps what a bare Bot API error does say", () => {
    const error = new GrammyError("Call to 'setMyCommands' failed!", { ok: false, error_code: 404 } as never, "setMyCommands", {});
    expect(describe(error)).toMatchObject({ kind: "GrammyError", method: "setMyCommands", errorCode: 404 });
  });
});
