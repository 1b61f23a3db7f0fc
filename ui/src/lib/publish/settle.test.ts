import { describe, expect, it } from "vitest";
import { job, lookTarget, target } from "./fixtures";
import { checkMessageLink, lookedFrom, messageParts, needsLook } from "./settle";
import { canRetry } from "./status";

describe("a target waiting for the person to look", () => {
  it("is an unknown target whose answer can't be checked, not any unknown one", () => {
    expect(needsLook(lookTarget("t1"))).toBe(true);
    expect(needsLook(target("t1", { state: "unknown", error: { code: "net.timeout", message: "timed out" } }))).toBe(false);
    expect(needsLook(lookTarget("t1", { state: "queued" }))).toBe(false);
  });

  it("is not offered a retry, which would only stop at it again", () => {
    expect(canRetry(job([target("t1", { state: "posted" }), lookTarget("t2")]))).toBe(false);
    expect(canRetry(job([lookTarget("t1"), target("t2", { state: "failed", retryable: true })]))).toBe(true);
  });
});

describe("the engine's message", () => {
  it("makes its t.me link a link, without the bracket around it", () => {
    const message = "so look in @ferry_news (https://t.me/ferry_news), then mark it posted";
    expect(messageParts(message)).toEqual([
      { text: "so look in @ferry_news (", url: null },
      { text: "https://t.me/ferry_news", url: "https://t.me/ferry_news" },
      { text: "), then mark it posted", url: null },
    ]);
  });

  it("leaves other addresses and a message without links as text", () => {
    expect(messageParts("look in https://t.me/c/123/45.")).toEqual([
      { text: "look in ", url: null },
      { text: "https://t.me/c/123/45", url: "https://t.me/c/123/45" },
      { text: ".", url: null },
    ]);
    expect(messageParts("see https://evil.example/t.me/x")).toEqual([{ text: "see https://evil.example/t.me/x", url: null }]);
    expect(messageParts("")).toEqual([]);
  });
});

describe("what the person found", () => {
  it("is posted with the link when given, else without, or not posted", () => {
    expect(lookedFrom(true, " https://t.me/ferry_news/12 ")).toEqual({ kind: "posted", url: "https://t.me/ferry_news/12" });
    expect(lookedFrom(true, "  ")).toEqual({ kind: "posted", url: null });
    expect(lookedFrom(false, "https://t.me/ferry_news/12")).toEqual({ kind: "notPosted" });
  });

  it("takes an empty link or a web address, nothing else", () => {
    expect(checkMessageLink("")).toBeNull();
    expect(checkMessageLink("https://t.me/ferry_news/12")).toBeNull();
    expect(checkMessageLink("t.me/ferry_news/12")).toBe("publish.look.badLink");
    expect(checkMessageLink("javascript:alert(1)")).toBe("publish.look.badLink");
  });
});
