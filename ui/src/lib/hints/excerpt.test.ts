import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt";

describe("excerpt", () => {
  it("hints a short item whole: title, then its plain text", () => {
    expect(excerpt({ title: "日出 · 渡口", text: "今天的日出很美。" })).toEqual({
      text: "日出 · 渡口\n\n今天的日出很美。",
      cut: null,
    });
    expect(excerpt({ title: null, text: "Morning ferry." })).toEqual({ text: "Morning ferry.", cut: null });
    expect(excerpt({ title: "  ", text: "" })).toEqual({ text: "", cut: null });
  });

  it("cuts a long item at a sentence's end before the cap and says how much it kept", () => {
    const sentence = "渡轮晚班照常开。"; // 8 characters
    const { text, cut } = excerpt({ title: null, text: sentence.repeat(20) }, 100);
    // 12 whole sentences fit in 100 characters (96); the 13th would be cut inside.
    expect(text).toBe(sentence.repeat(12));
    expect(cut).toEqual({ shown: 96, total: 160 });
  });

  it("counts characters, not UTF-16 units, and never splits an emoji ZWJ sequence", () => {
    const family = "👩‍👩‍👧"; // 5 scalar values, one grapheme
    const { text, cut } = excerpt({ title: null, text: "ab" + family.repeat(10) }, 9);
    expect(text).toBe("ab" + family);
    expect(cut).toEqual({ shown: 7, total: 52 });
  });

  it("takes a Latin full stop only before a space (not in 3.5 or a web address)", () => {
    const { text } = excerpt({ title: null, text: "Fares rise 3.5 percent. See ferry.example/fares now" }, 40);
    expect(text).toBe("Fares rise 3.5 percent.");
  });
});
