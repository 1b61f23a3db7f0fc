import { describe, expect, it } from "vitest";
import { emptyContent, setVariantText } from "./content";
import { secondaryTabs, shownTab, stepTab } from "./tabs";

describe("other-audience tabs", () => {
  it("offers the usual languages, then the draft's others, never the main one", () => {
    const content = emptyContent();
    setVariantText(content, "en", "Hello", "en");
    setVariantText(content, "ja", "こんにちは", "en");
    expect(secondaryTabs(content, "en", ["ko"])).toEqual(["zh-Hans", "zh-Hant", "ja", "ko"]);
    expect(secondaryTabs(content, "zh-Hant", [])).toEqual(["zh-Hans", "en", "ja"]);
  });

  it("shows the user's pick, else the first tab with text", () => {
    const content = emptyContent();
    const tabs = ["zh-Hans", "zh-Hant", "ja"];
    expect(shownTab(tabs, null, content)).toBe("zh-Hans");
    setVariantText(content, "zh-Hant", "你好", "en");
    expect(shownTab(tabs, null, content)).toBe("zh-Hant");
    expect(shownTab(tabs, "ja", content)).toBe("ja");
    expect(shownTab(tabs, "ko", content)).toBe("zh-Hant");
  });

  it("steps around the tabs both ways", () => {
    const tabs = ["zh-Hans", "zh-Hant", "en"];
    expect(stepTab(tabs, "en", 1)).toBe("zh-Hans");
    expect(stepTab(tabs, "zh-Hans", -1)).toBe("en");
  });
});
