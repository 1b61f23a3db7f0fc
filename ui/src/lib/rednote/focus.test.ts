import { describe, expect, it } from "vitest";
import {
  CENTRE,
  clampFocus,
  cropIsNegligible,
  cropWindow,
  focusAfterKey,
  focusFromPointer,
  focusOf,
  objectPosition,
  percent,
  sentAsItIs,
  storedFocus,
} from "./focus";

describe("the focus point", () => {
  it("is whole per mille inside the picture, the centre when unreadable", () => {
    expect(clampFocus({ x: -40, y: 1200 })).toEqual({ x: 0, y: 1000 });
    expect(clampFocus({ x: 333.6, y: 12.4 })).toEqual({ x: 334, y: 12 });
    expect(clampFocus({ x: Number.NaN, y: Number.POSITIVE_INFINITY })).toEqual(CENTRE);
  });

  it("is the centre when the attachment has none", () => {
    expect(focusOf({})).toEqual({ x: 500, y: 500 });
    expect(focusOf({ focus: { x: 120, y: 900 } })).toEqual({ x: 120, y: 900 });
  });

  it("is stored as null at the centre", () => {
    expect(storedFocus({ x: 500, y: 500 })).toBeNull();
    expect(storedFocus({ x: 500, y: 525 })).toEqual({ x: 500, y: 525 });
    expect(storedFocus({ x: 1400, y: 500 })).toEqual({ x: 1000, y: 500 });
  });

  it("follows the pointer over the picture as drawn, kept inside it", () => {
    const box = { left: 100, top: 50, width: 200, height: 100 };
    expect(focusFromPointer(150, 75, box)).toEqual({ x: 250, y: 250 });
    expect(focusFromPointer(300, 150, box)).toEqual({ x: 1000, y: 1000 });
    expect(focusFromPointer(20, 400, box)).toEqual({ x: 0, y: 1000 });
    // Not laid out (no size): no point to read.
    expect(focusFromPointer(150, 75, { left: 0, top: 0, width: 0, height: 0 })).toEqual(CENTRE);
  });

  it("moves 25‰ a key, 100‰ with Shift, back to the centre with Home or 0", () => {
    const at = { x: 500, y: 500 };
    expect(focusAfterKey(at, "ArrowLeft", false)).toEqual({ x: 475, y: 500 });
    expect(focusAfterKey(at, "ArrowRight", true)).toEqual({ x: 600, y: 500 });
    expect(focusAfterKey(at, "ArrowUp", false)).toEqual({ x: 500, y: 475 });
    expect(focusAfterKey(at, "ArrowDown", true)).toEqual({ x: 500, y: 600 });
    expect(focusAfterKey({ x: 990, y: 10 }, "ArrowRight", true)).toEqual({ x: 1000, y: 10 });
    expect(focusAfterKey({ x: 990, y: 10 }, "ArrowUp", false)).toEqual({ x: 990, y: 0 });
    expect(focusAfterKey({ x: 120, y: 900 }, "Home", false)).toEqual(CENTRE);
    expect(focusAfterKey({ x: 120, y: 900 }, "0", false)).toEqual(CENTRE);
    expect(focusAfterKey(at, "Enter", false)).toBeNull();
    expect(focusAfterKey(at, "a", true)).toBeNull();
  });

  it("is drawn with CSS object-position and shown as percentages", () => {
    expect(objectPosition({ x: 500, y: 500 })).toBe("50% 50%");
    expect(objectPosition({ x: 25, y: 1000 })).toBe("2.5% 100%");
    expect(percent(525)).toBe("52.5%");
    expect(percent(0)).toBe("0%");
  });
});

describe("the part a 3:4 crop keeps", () => {
  it("cuts a wide picture's sides, shared out by the focus", () => {
    // 1600×900 at 3:4: 675 of its 1600 pixels across are kept.
    const kept = 675 / 1600;
    const centre = cropWindow(1600, 900, CENTRE);
    expect(centre.width).toBeCloseTo(kept);
    expect(centre.height).toBe(1);
    expect(centre.left).toBeCloseTo((1 - kept) / 2);
    expect(cropWindow(1600, 900, { x: 0, y: 900 }).left).toBe(0);
    expect(cropWindow(1600, 900, { x: 1000, y: 0 }).left).toBeCloseTo(1 - kept);
  });

  it("cuts a tall picture's top and bottom", () => {
    // 1000×2000 at 3:4: 1333 of its 2000 pixels down are kept.
    const window = cropWindow(1000, 2000, { x: 0, y: 250 });
    expect(window.width).toBe(1);
    expect(window.height).toBeCloseTo(2 / 3);
    expect(window.top).toBeCloseTo((1 / 3) * 0.25);
  });

  it("keeps all of a 3:4 picture, and all of one without a known size", () => {
    expect(cropWindow(1080, 1440, { x: 0, y: 0 })).toEqual({ left: 0, top: 0, width: 1, height: 1 });
    expect(cropWindow(0, 0, CENTRE)).toEqual({ left: 0, top: 0, width: 1, height: 1 });
    expect(cropIsNegligible(1080, 1440)).toBe(true);
    expect(cropIsNegligible(1080, 1442)).toBe(true);
    expect(cropIsNegligible(1080, 1080)).toBe(false);
  });

  it("leaves GIFs and WebPs as they are", () => {
    expect(sentAsItIs("image/gif")).toBe(true);
    expect(sentAsItIs("image/webp")).toBe(true);
    expect(sentAsItIs("image/jpeg")).toBe(false);
    expect(sentAsItIs("image/png")).toBe(false);
  });
});
