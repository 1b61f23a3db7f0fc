import { describe, expect, it } from "vitest";
import { RowHeights, RowLayout, indexById, type RowId } from "./windowing";

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const layoutOf = (rows: RowId[], heights: RowHeights) => new RowLayout(rows, indexById(rows), heights);
/** The offsets of rows laid out with these heights. */
const offsets = (rows: RowId[], heights: RowHeights) => [...layoutOf(rows, heights).offsets];
/** Rows of 100 px each, and whatever was measured. */
const even = (n: number) => layoutOf(ids(n), new RowHeights(100));

describe("RowHeights", () => {
  it("takes the first guess until a row is measured, then the mean of those measured", () => {
    const heights = new RowHeights(100);
    expect(heights.estimate).toBe(100);
    expect(heights.measure(1, 80)).toBe(true);
    expect(heights.measure(2, 120)).toBe(true);
    expect(heights.estimate).toBe(100);
    expect(heights.measure(3, 160)).toBe(true);
    expect(heights.estimate).toBe(120);
    // A row measured again counts once, with its new height.
    expect(heights.measure(3, 40)).toBe(true);
    expect(heights.estimate).toBe(80);
    expect(heights.measured(3)).toBe(40);
    expect(heights.measured(4)).toBeUndefined();
  });

  it("settles: after the first rows, the estimate moves only when the mean drifts by more than a tenth", () => {
    const heights = new RowHeights(100);
    for (let id = 1; id <= 10; id++) heights.measure(id, 100);
    expect(heights.estimate).toBe(100);
    heights.measure(11, 200); // mean ≈ 109: the estimate stays
    expect(heights.estimate).toBe(100);
    heights.measure(12, 200); // mean ≈ 117: it follows
    expect(heights.estimate).toBeCloseTo(116.67, 2);
  });

  it("ignores a hidden row's zero height and sub-pixel wobble", () => {
    const heights = new RowHeights(100);
    expect(heights.measure(1, 0)).toBe(false);
    expect(heights.measured(1)).toBeUndefined();
    expect(heights.measure(1, 90)).toBe(true);
    expect(heights.measure(1, 90.3)).toBe(false);
    expect(heights.measure(1, 0)).toBe(false);
    expect(heights.measured(1)).toBe(90);
  });
});

describe("RowLayout offsets", () => {
  it("puts unmeasured rows at the estimate and measured ones at their height", () => {
    const heights = new RowHeights(100);
    expect(offsets(ids(3), heights)).toEqual([0, 100, 200, 300]);
    heights.measure(2, 50);
    // Row 2 is 50; rows 1 and 3 are the mean of the measured (50).
    expect(offsets(ids(3), heights)).toEqual([0, 50, 100, 150]);
    heights.measure(1, 150);
    expect(offsets(ids(3), heights)).toEqual([0, 150, 200, 300]);
    expect(layoutOf(ids(3), heights).total).toBe(300);
  });

  it("keeps a row's height by id when rows are put above it", () => {
    const heights = new RowHeights(100);
    heights.measure(1, 300);
    heights.measure(2, 300);
    expect(offsets([10, 11, 1, 2], heights)).toEqual([0, 300, 600, 900, 1200]);
  });

  it("is an empty list's zero", () => {
    expect(offsets([], new RowHeights(100))).toEqual([0]);
    expect(layoutOf([], new RowHeights(100)).total).toBe(0);
  });
});

describe("RowLayout.rowAt", () => {
  it("finds the row covering a height, clamped to the rows", () => {
    const heights = new RowHeights(100);
    heights.measure(1, 100);
    heights.measure(2, 50);
    heights.measure(3, 250);
    const layout = layoutOf(ids(3), heights);
    expect([0, 99.9, 100, 149, 150, 10_000, -5].map((y) => layout.rowAt(y))).toEqual([0, 0, 1, 1, 2, 2, 0]);
    expect(layoutOf([], heights).rowAt(10)).toBe(-1);
  });
});

describe("RowLayout.range", () => {
  const layout = even(100);

  it("draws the rows crossing the viewport, and none beyond it without overscan", () => {
    expect(layout.range(0, 300, 0)).toEqual({ start: 0, end: 3 });
    expect(layout.range(50, 300, 0)).toEqual({ start: 0, end: 4 });
    expect(layout.range(1000, 300, 0)).toEqual({ start: 10, end: 13 });
  });

  it("adds the overscan above and below, within the list", () => {
    expect(layout.range(1000, 300, 250)).toEqual({ start: 7, end: 16 });
    expect(layout.range(0, 300, 250)).toEqual({ start: 0, end: 6 });
    expect(layout.range(9700, 300, 250)).toEqual({ start: 94, end: 100 });
    // Scrolled past the end (the browser clamps; a stale position must not draw nothing).
    expect(layout.range(50_000, 300, 250)).toEqual({ start: 99, end: 100 });
  });

  it("draws at least one row, and none of an empty list", () => {
    expect(layout.range(0, 0, 0)).toEqual({ start: 0, end: 1 });
    expect(even(0).range(0, 300, 100)).toEqual({ start: 0, end: 0 });
  });

  it("draws a few dozen of 10,000 rows of mixed heights wherever the reader is", () => {
    const heights = new RowHeights(140);
    const many = ids(10_000);
    for (const id of many.slice(0, 5000)) heights.measure(id, 60 + (id % 7) * 40);
    const big = layoutOf(many, heights);
    for (const top of [0, 123_456, big.total / 2, big.total - 800]) {
      const { start, end } = big.range(top, 800, 800);
      expect(end - start).toBeLessThan(60);
      // Everything from 800 px above the viewport to 800 px below it is drawn.
      expect(big.offsets[start]).toBeLessThanOrEqual(Math.max(0, top - 800));
      expect(big.offsets[end]).toBeGreaterThanOrEqual(Math.min(big.total, top + 1600));
    }
  });
});

describe("anchors", () => {
  it("is nothing at the very top, else the row at the top edge and how far it is scrolled past", () => {
    const layout = even(10);
    expect(layout.anchorAt(0)).toBeNull();
    expect(layout.anchorAt(0.5)).toBeNull();
    expect(layout.anchorAt(250)).toEqual({ id: 3, offset: 50 });
    expect(even(0).anchorAt(250)).toBeNull();
  });

  it("keeps the reader's row on the screen when rows are put above it", () => {
    const heights = new RowHeights(100);
    const before = ids(10, 1);
    const anchor = layoutOf(before, heights).anchorAt(530)!;
    expect(anchor).toEqual({ id: 6, offset: 30 });
    // Three newer rows arrive on top, one already measured at 40 px (the others: the mean, 40).
    heights.measure(101, 40);
    const after = layoutOf([101, 102, 103, ...before], heights);
    const top = after.scrollTopFor(anchor)!;
    // The anchor's row moved down by the new rows' heights, and the scroll with it.
    expect(top).toBe(3 * 40 + 5 * 40 + 30);
    expect(after.anchorAt(top)).toEqual(anchor);
  });

  it("keeps the reader's row on the screen when rows above it are measured", () => {
    const heights = new RowHeights(100);
    const anchor = layoutOf(ids(10), heights).anchorAt(420)!;
    heights.measure(2, 250);
    heights.measure(3, 250);
    heights.measure(5, 100);
    // Rows 1 and 4 are unmeasured: the mean, 200.
    expect(layoutOf(ids(10), heights).scrollTopFor(anchor)).toBe(200 + 250 + 250 + 200 + 20);
  });

  it("has no position for a row that is gone", () => {
    expect(even(3).scrollTopFor({ id: 99, offset: 0 })).toBeNull();
  });
});

describe("RowLayout.revealTop", () => {
  it("moves as little as it can to show a row whole", () => {
    const heights = new RowHeights(100);
    [100, 100, 500, 100].forEach((height, n) => heights.measure(n + 1, height));
    const layout = layoutOf(ids(4), heights);
    expect([...layout.offsets]).toEqual([0, 100, 200, 700, 800]);
    // In view: stays.
    expect(layout.revealTop(1, 50, 300)).toBe(50);
    // Above: its top at the top.
    expect(layout.revealTop(0, 50, 300)).toBe(0);
    // Below: its bottom at the bottom.
    expect(layout.revealTop(3, 0, 300)).toBe(500);
    // Taller than the viewport: its top at the top.
    expect(layout.revealTop(2, 0, 300)).toBe(200);
  });
});

describe("RowLayout.nearEnd", () => {
  it("is true once the viewport's bottom is within the margin of the end", () => {
    const layout = even(50);
    expect(layout.nearEnd(0, 800, 1600)).toBe(false);
    expect(layout.nearEnd(2500, 800, 1600)).toBe(false);
    expect(layout.nearEnd(2600, 800, 1600)).toBe(true);
    expect(even(3).nearEnd(0, 800, 0)).toBe(true);
  });
});
