import { describe, expect, it } from "vitest";
import { splitHighlights } from "./highlights";

const h = (utf16Start: number, utf16End: number) => ({ utf16Start, utf16End });

describe("splitHighlights", () => {
  it("marks CJK and emoji by UTF-16 units", () => {
    const text = "👩‍👩‍👧 去渡口，看船。";
    // "渡口" starts after the 8-unit family emoji, a space and 去.
    const start = text.indexOf("渡口");
    expect(splitHighlights(text, [h(start, start + 2)])).toEqual([
      { text: "👩‍👩‍👧 去", marked: false },
      { text: "渡口", marked: true },
      { text: "，看船。", marked: false },
    ]);
  });

  it("merges overlaps, sorts, and clips out-of-range ends", () => {
    expect(splitHighlights("ferry boat", [h(6, 99), h(0, 3), h(2, 5)])).toEqual([
      { text: "ferry", marked: true },
      { text: " ", marked: false },
      { text: "boat", marked: true },
    ]);
  });

  it("returns the whole text when nothing matches", () => {
    expect(splitHighlights("渡", [])).toEqual([{ text: "渡", marked: false }]);
  });
});
