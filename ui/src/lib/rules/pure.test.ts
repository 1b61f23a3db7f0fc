import { describe, expect, it } from "vitest";
import { misshapen } from "./aspect";
import { counterView } from "./counter";
import { shownLink } from "./links";
import { pieces } from "./spans";

describe("pieces", () => {
  it("cuts by UTF-8 bytes, keeping emoji ZWJ sequences and CJK whole", () => {
    const text = "👩‍👩‍👧渡 #tag";
    const family = new TextEncoder().encode("👩‍👩‍👧渡 ").length;
    expect(
      pieces(text, [
        { kind: "plain", byte_start: 0, byte_end: family, counted: null },
        { kind: "hashtag", byte_start: family, byte_end: family + 4, counted: null },
      ]),
    ).toEqual([
      { kind: "plain", text: "👩‍👩‍👧渡 ", counted: null },
      { kind: "hashtag", text: "#tag", counted: null },
    ]);
  });

  it("refuses spans that do not belong to the text", () => {
    expect(pieces("渡", [{ kind: "plain", byte_start: 0, byte_end: 1, counted: null }])).toBeNull();
    expect(pieces("a", [{ kind: "plain", byte_start: 0, byte_end: 9, counted: null }])).toBeNull();
  });
});

describe("counterView", () => {
  const m = { network: "x" as const, unit: "weighted" as const, warnings: [] };
  it("is red with +N over, amber near the limit", () => {
    expect(counterView({ ...m, length: 303, limit: 280, ok: false, over_by: 23 })).toMatchObject({
      label: "303 / 280",
      overBy: "+23",
      state: "over",
    });
    expect(counterView({ ...m, length: 260, limit: 280, ok: true, over_by: 0 }).state).toBe("near");
    expect(counterView({ ...m, length: 20, limit: 280, ok: true, over_by: 0 }).state).toBe("ok");
    expect(counterView({ ...m, length: 20, limit: 280, ok: false, over_by: 0 }).state).toBe("refused");
  });
});

describe("shownLink", () => {
  it("shortens links that count 23, keeps those counted in full", () => {
    expect(shownLink("https://www.example.com/a/very/long/path", 23)).toBe("example.com/a/very/lon…");
    expect(shownLink("https://ex.com/a", 23)).toBe("https://ex.com/a");
    expect(shownLink("https://example.com/a/very/long/path", 36)).toBe("https://example.com/a/very/long/path");
    expect(shownLink("https://example.com/a/very/long/path", null)).toBe("https://example.com/a/very/long/path");
  });
});

describe("misshapen", () => {
  it("picks the attachments the check names, in the draft's order", () => {
    const a = (id: string) => ({ id, width: 1, height: 1 }) as Parameters<typeof misshapen>[1][number];
    const attachments = [a("portrait"), a("square"), a("wide")];
    expect(misshapen({ misshapenImages: ["wide", "square"] }, attachments).map((x) => x.id)).toEqual([
      "square",
      "wide",
    ]);
    expect(misshapen({ misshapenImages: [] }, attachments)).toEqual([]);
    // An id the draft no longer has (an attachment removed since the check) is skipped.
    expect(misshapen({ misshapenImages: ["gone"] }, attachments)).toEqual([]);
  });
});
