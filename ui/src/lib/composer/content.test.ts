import { describe, expect, it } from "vitest";
import type { Attachment, DraftContent } from "../backend";
import {
  addOverride,
  addTopic,
  emptyContent,
  graphemeCount,
  removeLanguage,
  setPrimaryLanguage,
  setVariantText,
} from "./content";

function withImage(content: DraftContent, alt: Record<string, string>): DraftContent {
  const image: Attachment = {
    id: "a1",
    sha256: "0".repeat(64),
    storedName: `${"0".repeat(64)}.png`,
    originalName: "dawn.png",
    mediaType: "image/png",
    width: 2,
    height: 1,
    byteLen: 72,
    alt,
    missing: false,
  };
  content.attachments.push(image);
  return content;
}

describe("draft content edits", () => {
  it("relabels the main text when its language changes, with its versions and alt text", () => {
    const content = withImage(emptyContent(), { en: "A ferry" });
    setVariantText(content, "en", "Hello", "en");
    content.targets.push({ network: "x", accountId: null });
    expect(addOverride(content, "x", "en")).toBe(true);

    setPrimaryLanguage(content, "en", "ja");
    expect(content.variants).toEqual([{ lang: "ja", text: "Hello" }]);
    expect(content.overrides[0].lang).toBe("ja");
    expect(content.attachments[0].alt).toEqual({ ja: "A ferry" });
  });

  it("moves an existing language to the front instead of relabelling", () => {
    const content = emptyContent();
    setVariantText(content, "en", "Hello", "en");
    setVariantText(content, "zh-Hant", "你好", "en");
    setPrimaryLanguage(content, "en", "zh-Hant");
    expect(content.variants.map((v) => v.lang)).toEqual(["zh-Hant", "en"]);
  });

  it("removing a language drops its versions and alt texts, nothing else", () => {
    const content = withImage(emptyContent(), { en: "A ferry", "zh-Hans": "渡轮" });
    setVariantText(content, "en", "Hello", "en");
    setVariantText(content, "zh-Hans", "你好", "en");
    content.targets.push({ network: "weibo", accountId: null });
    addOverride(content, "weibo", "zh-Hans");
    removeLanguage(content, "zh-Hans");
    expect(content.variants.map((v) => v.lang)).toEqual(["en"]);
    expect(content.overrides).toEqual([]);
    expect(content.attachments[0].alt).toEqual({ en: "A ferry" });
  });

  it("only adds a per-network version for a language the draft has, once", () => {
    const content = emptyContent();
    expect(addOverride(content, "x", "en")).toBe(false);
    setVariantText(content, "en", "Hello", "en");
    expect(addOverride(content, "x", "en")).toBe(true);
    expect(addOverride(content, "x", "en")).toBe(false);
    expect(content.overrides).toEqual([{ network: "x", lang: "en", text: "Hello" }]);
  });

  it("keeps topics trimmed, unique and without a leading # or ＃", () => {
    const content = emptyContent();
    expect(addTopic(content, "  #渡口 ")).toBe(true);
    expect(addTopic(content, "＃渡口")).toBe(false);
    expect(addTopic(content, "#")).toBe(false);
    expect(addTopic(content, "ferry life")).toBe(true);
    expect(content.topics).toEqual(["渡口", "ferry life"]);
  });

  it("counts what a reader sees as one character", () => {
    expect(graphemeCount("👩‍👩‍👧")).toBe(1);
    expect(graphemeCount("渡口，见！")).toBe(5);
    expect(graphemeCount("e\u0301")).toBe(1);
  });
});
