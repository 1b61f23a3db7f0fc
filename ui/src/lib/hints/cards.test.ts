import { describe, expect, it } from "vitest";
import type { Hints } from "../backend";
import { cardOf, hintedText } from "./cards";
import { span } from "./fixtures";
import { pieces } from "./pieces";

const TEXT = "👩‍👩‍👧姐妹们，你好！yyds #OOTD";

function sample(): Hints {
  return {
    lang: "zh-Hans",
    runs: [],
    sentences: [],
    words: [
      {
        span: span(TEXT, "你好"),
        text: "你好",
        pinyin: "nǐhǎo",
        readings: [
          { pinyin: "nǐhǎo", simplified: "你好", traditional: "你好", glosses: ["hello", "hi"], usage: [] },
        ],
        usage: [],
        source: "ccCedict",
      },
      {
        span: span(TEXT, "姐妹们"),
        text: "姐妹们",
        pinyin: "jiě mèi men",
        readings: [],
        usage: [],
        source: "pinyinOnly",
      },
    ],
    english: [],
    hashtags: [
      { span: span(TEXT, "#OOTD"), tag: "#OOTD", equivalents: ["#今日穿搭"], meaning: "Outfit of the day." },
    ],
    notes: [
      {
        span: span(TEXT, "yyds"),
        term: "yyds",
        kind: "slang",
        meaning: "“the GOAT” (永远的神)",
        register: "Internet slang, playful.",
        equivalents: ["GOAT"],
        note: "<b>not markup</b>",
      },
    ],
    mismatch: null,
    warnings: [],
  } as unknown as Hints;
}

const labels = {
  noGlosses: "Not in the dictionary: pinyin only.",
  equivalents: "Equivalents",
  traditional: "Traditional",
  usage: (u: string) => u,
};

describe("hinted text", () => {
  it("cuts at UTF-16 offsets after an emoji ZWJ sequence and covers the text exactly", () => {
    const list = pieces(TEXT, sample());
    expect(list.map((p) => p.text).join("")).toBe(TEXT);
    expect(list.filter((p) => p.kind !== "plain").map((p) => [p.kind, p.text])).toEqual([
      ["word", "姐妹们"],
      ["word", "你好"],
      ["note", "yyds"],
      ["hashtag", "#OOTD"],
    ]);
  });

  it("puts pinyin and glosses in a focusable word's card, built as text nodes", () => {
    const root = document.body.appendChild(document.createElement("div"));
    root.append(hintedText(document, pieces(TEXT, sample()), labels));
    const nihao = root.querySelector<HTMLElement>('[data-text="你好"]')!;
    expect(nihao.tabIndex).toBe(0);
    cardOf(nihao);
    const card = document.getElementById(nihao.getAttribute("aria-describedby")!)!;
    expect(card.parentElement).toBe(nihao);
    expect(card.getAttribute("role")).toBe("tooltip");
    expect(card.querySelector(".card-pinyin")!.textContent).toBe("nǐhǎo");
    expect(card.querySelector(".card-gloss")!.textContent).toBe("hello; hi");

    const sisters = cardOf(root.querySelector('[data-text="姐妹们"]'))!;
    expect(sisters.textContent).toContain("Not in the dictionary");

    // Table text is data: angle brackets stay text, no element is made from them.
    const note = cardOf(root.querySelector('[data-kind="note"]'))!;
    expect(note.querySelector("b")).toBeNull();
    expect(note.textContent).toContain("<b>not markup</b>");
    expect(note.textContent).toContain("Equivalents: GOAT");
  });

  it("builds a word's card only when first asked, once, and none for other elements", () => {
    const root = document.createElement("div");
    root.append(hintedText(document, pieces(TEXT, sample()), labels));
    const tokens = [...root.querySelectorAll<HTMLElement>(".hinted")];
    expect(tokens).toHaveLength(4);
    expect(root.querySelectorAll(".card")).toHaveLength(0);
    expect(tokens[0].hasAttribute("aria-describedby")).toBe(false);

    const first = cardOf(tokens[0])!;
    expect(first.textContent).toContain("Not in the dictionary");
    expect(cardOf(tokens[0])).toBe(first);
    expect(tokens[0].querySelectorAll(".card")).toHaveLength(1);
    expect(root.querySelectorAll(".card")).toHaveLength(1);

    expect(cardOf(root)).toBeUndefined();
    expect(cardOf(null)).toBeUndefined();
  });

  it("keeps the text a reader sees unchanged outside the cards", () => {
    const root = document.createElement("div");
    root.append(hintedText(document, pieces(TEXT, sample(), 0, TEXT.indexOf("yyds")), labels));
    root.querySelectorAll(".hinted").forEach((token) => cardOf(token));
    root.querySelectorAll(".card").forEach((c) => c.remove());
    expect(root.textContent).toBe(TEXT.slice(0, TEXT.indexOf("yyds")));
  });
});
