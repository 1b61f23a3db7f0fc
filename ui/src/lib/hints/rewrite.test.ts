import { describe, expect, it } from "vitest";
import type { DraftContent } from "../backend";
import { emptyContent } from "../composer/content";
import { conversions, translationPair, wouldReplace } from "./rewrite";

function draft(...variants: [string, string][]): DraftContent {
  return { ...emptyContent(), variants: variants.map(([lang, text]) => ({ lang, text })) };
}

describe("conversions", () => {
  it("offers Taiwan and Hong Kong phrasing from Simplified, and Simplified back", () => {
    expect(conversions(draft(["en", "Hi"], ["zh-Hans", "软件"])).map((c) => c.target)).toEqual([
      "zh-TW",
      "zh-HK",
    ]);
    expect(conversions(draft(["zh-Hant", "軟體"]))).toEqual([
      { from: "zh-Hant", to: "zh-Hans", target: "zh-Hans" },
    ]);
    expect(conversions(draft(["en", "Hi"], ["zh-Hans", "  \n"]))).toEqual([]);
  });
});

describe("translation pair", () => {
  it("translates the main text into the other audience's language", () => {
    expect(translationPair(draft(["en", "Hi"]), "en")).toEqual({ from: "en", to: "zh-Hans" });
    expect(translationPair(draft(["en", "Hi"], ["zh-Hant", ""]), "en")).toEqual({
      from: "en",
      to: "zh-Hant",
    });
    expect(translationPair(draft(["zh-Hans", "你好"]), "zh-Hans")).toEqual({
      from: "zh-Hans",
      to: "en",
    });
    expect(translationPair(draft(["en", " "]), "en")).toBeNull();
  });

  it("knows when it would replace written text", () => {
    const content = draft(["en", "Hi"], ["zh-Hans", "你好"]);
    expect(wouldReplace(content, "zh-Hans")).toBe(true);
    expect(wouldReplace(content, "zh-Hant")).toBe(false);
  });
});
