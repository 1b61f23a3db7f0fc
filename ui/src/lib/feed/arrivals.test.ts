import { describe, expect, it } from "vitest";
import { mergeTop, unseenAbove } from "./arrivals";

type Row = { id: number; v?: number };
const rows = (...ids: number[]): Row[] => ids.map((id) => ({ id }));
const idsOf = (items: readonly Row[]) => items.map((i) => i.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("mergeTop", () => {
  it("puts new items on top and keeps every older page, in order", () => {
    // Three pages loaded (ids 150 down to 1, newest first); a fresh first page of 50 holds
    // three new items and the loaded 150…104.
    const loaded = rows(...range(1, 150).reverse());
    const fresh = rows(153, 152, 151, ...range(104, 150).reverse());
    const merged = mergeTop(loaded, fresh, false);
    expect(idsOf(merged.items)).toEqual([...range(1, 153).reverse()]);
    expect(merged.arrived).toEqual([153, 152, 151]);
    expect(merged.reaches).toBe(true);
  });

  it("takes the fresh page's version and order for the range it covers", () => {
    const loaded: Row[] = [{ id: 5, v: 1 }, { id: 4, v: 1 }, { id: 3, v: 1 }, { id: 2 }, { id: 1 }];
    // 4 changed; 6 is new but older than 5 (a backdated post); 3 was deleted.
    const fresh: Row[] = [{ id: 5, v: 1 }, { id: 6 }, { id: 4, v: 2 }, { id: 2 }];
    const merged = mergeTop(loaded, fresh, false);
    expect(idsOf(merged.items)).toEqual([5, 6, 4, 2, 1]);
    expect(merged.items[2].v).toBe(2);
    expect(merged.arrived).toEqual([6]);
  });

  it("says when the fresh part does not reach the loaded items (more new than a page)", () => {
    const merged = mergeTop(rows(3, 2, 1), rows(9, 8, 7), false);
    expect(merged.reaches).toBe(false);
    expect(merged.arrived).toEqual([9, 8, 7]);
    expect(mergeTop(rows(3, 2, 1), rows(9, 8, 7, 6, 5, 4, 3), false).reaches).toBe(true);
  });

  it("drops what is loaded below a fresh part that is the whole list", () => {
    expect(idsOf(mergeTop(rows(3, 2, 1), rows(4, 3), true).items)).toEqual([4, 3]);
    expect(idsOf(mergeTop(rows(3, 2, 1), [], true).items)).toEqual([]);
  });

  it("takes the fresh part as it is when nothing was loaded", () => {
    const merged = mergeTop([], rows(2, 1), false);
    expect(idsOf(merged.items)).toEqual([2, 1]);
    expect(merged.reaches).toBe(true);
  });
});

describe("unseenAbove", () => {
  it("counts the arrivals not seen yet that are above the reader's first row", () => {
    const indexOf = new Map([101, 102, 103, 1, 2, 3].map((id, n) => [id, n]));
    expect(unseenAbove(new Set([101, 102, 103]), indexOf, 3)).toBe(3);
    expect(unseenAbove(new Set([101, 102, 103]), indexOf, 2)).toBe(2);
    // Gone from the list (a new search) or below the reader: not counted.
    expect(unseenAbove(new Set([101, 999]), indexOf, 3)).toBe(1);
    expect(unseenAbove(new Set(), indexOf, 3)).toBe(0);
  });
});
