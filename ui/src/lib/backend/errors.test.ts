import { describe, expect, it } from "vitest";
import { BackendError } from "./errors";

describe("BackendError.from", () => {
  it("keeps the engine's code and message", () => {
    const err = BackendError.from({ code: "db.locked", message: "the database /x is locked" });
    expect(err.code).toBe("db.locked");
    expect(err.message).toBe("the database /x is locked");
  });

  it("wraps strings and errors as app.unexpected", () => {
    expect(BackendError.from("boom").code).toBe("app.unexpected");
    expect(BackendError.from(new Error("bad")).message).toBe("bad");
  });

  it("types the code with the contract's codes, so a misspelt check fails `npm run check`", () => {
    const err = BackendError.from({ code: "db.locked", message: "locked" });
    // @ts-expect-error: "db.lock" is no code the shell sends
    expect(err.code === "db.lock").toBe(false);
  });
});
