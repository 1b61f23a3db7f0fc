import { describe, expect, it } from "vitest";
import type { DraftContent } from "../backend";
import { emptyContent } from "../composer/content";
import { hasHashtag, insertHashtag, insertTarget } from "./insert";

function draft(...variants: [string, string][]): DraftContent {
  return { ...emptyContent(), variants: variants.map(([lang, text]) => ({ lang, text })) };
}

describe("hashtag equivalents", () => {
  it("sends each equivalent to the other audience's variant", () => {
    const content = draft(["en", "Outfit check #OOTD"], ["zh-Hant", "今日穿搭"]);
    expect(insertTarget(content, "en", "#今日穿搭")).toBe("zh-Hant");
    expect(insertTarget(content, "zh-Hant", "#OOTD")).toBe("en");
    // Same audience: nothing to insert elsewhere.
    expect(insertTarget(content, "en", "#FitCheck")).toBeNull();
    // A draft without the other audience yet gets the usual one.
    expect(insertTarget(draft(["en", "hi"]), "en", "#美食")).toBe("zh-Hans");
    expect(insertTarget(draft(["zh-Hans", "你好"]), "zh-Hans", "#FoodTok")).toBe("en");
  });

  it("appends after a sentence on its own line, after other tags on the same line", () => {
    const content = draft(["zh-Hans", "姐妹们，今天的穿搭！👩‍👩‍👧"], ["en", "Today's fit! #OOTD  "]);
    expect(insertHashtag(content, "zh-Hans", "#今日穿搭", "zh-Hans")).toBe(true);
    expect(content.variants[0].text).toBe("姐妹们，今天的穿搭！👩‍👩‍👧\n#今日穿搭");
    expect(insertHashtag(content, "en", "#FitCheck", "zh-Hans")).toBe(true);
    expect(content.variants[1].text).toBe("Today's fit! #OOTD #FitCheck");
  });

  it("does not insert a tag twice and creates a missing variant", () => {
    const content = draft(["zh-Hans", "好吃 #美食"]);
    expect(insertHashtag(content, "zh-Hans", "#美食", "zh-Hans")).toBe(false);
    expect(insertHashtag(content, "en", "#FoodTok", "zh-Hans")).toBe(true);
    expect(content.variants.map((v) => [v.lang, v.text])).toEqual([
      ["zh-Hans", "好吃 #美食"],
      ["en", "#FoodTok"],
    ]);
    expect(hasHashtag("#foodtok!", "#FoodTok")).toBe(true);
    expect(hasHashtag("#FoodTokers", "#FoodTok")).toBe(false);
  });
});
