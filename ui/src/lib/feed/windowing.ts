// Windowing for a long list of rows of different heights (text, pictures, CJK lines): where
// each row starts, which rows to draw for a scroll position, and where to scroll so the row
// the reader is looking at stays put when rows above it change. Only numbers: no DOM, so it
// is tested without a layout engine. components/feed/FeedList.svelte measures the rows it
// draws and feeds the heights in.
//
//   const heights = new RowHeights(160);
//   heights.measure(id, 212);                        // from a ResizeObserver entry
//   let layout = new RowLayout(ids, indexById(ids), heights);
//   const { start, end } = layout.range(scrollTop, viewportHeight, 800);
//   const anchor = layout.anchorAt(scrollTop);
//   // … rows are added above, or measured: a new layout …
//   scrollTop = layout.scrollTopFor(anchor) ?? 0;   // the reader's row where it was

export type RowId = number | string;

/** Rows measured before the estimate settles: until then each one sharpens it. */
const SETTLING = 10;
/** How far the mean must drift from a settled estimate before the estimate follows it. */
const DRIFT = 0.1;

/**
 * Rows' heights by id, not by index, so a row keeps its measurement when newer rows are put
 * above it. A row not drawn yet counts as the mean of those measured (the first guess until
 * one is): closer to the truth than any constant for a feed of mixed cards, so the scrollbar
 * is about right. Once settled, the estimate follows the mean only when it drifts by more
 * than a tenth: every change moves all the unmeasured rows above the reader, and so the
 * scroll position, which must not be rewritten on every frame of a scroll.
 */
export class RowHeights {
  #measured = new Map<RowId, number>();
  #sum = 0;
  #estimate: number;

  constructor(guess: number) {
    this.#estimate = guess;
  }

  /**
   * Records a drawn row's height; true when it changed what was assumed. A height of zero is
   * a row on a hidden screen (display: none), not a real one, so it is ignored.
   */
  measure(id: RowId, height: number): boolean {
    if (!(height > 0)) return false;
    const before = this.#measured.get(id);
    // Sub-pixel wobble between layouts is not a change (it would correct the scroll forever).
    if (before !== undefined && Math.abs(before - height) < 0.5) return false;
    this.#sum += height - (before ?? 0);
    this.#measured.set(id, height);
    const mean = this.#sum / this.#measured.size;
    if (this.#measured.size <= SETTLING || Math.abs(mean - this.#estimate) > this.#estimate * DRIFT) {
      this.#estimate = mean;
    }
    return true;
  }

  /** What a row not measured yet is taken to be. */
  get estimate(): number {
    return this.#estimate;
  }

  /** The row's measured height, if it was drawn. */
  measured(id: RowId): number | undefined {
    return this.#measured.get(id);
  }
}

/** Each id's row number: made once per list, not once per measurement. */
export function indexById(ids: readonly RowId[]): Map<RowId, number> {
  const index = new Map<RowId, number>();
  ids.forEach((id, n) => index.set(id, n));
  return index;
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface Range {
  start: number;
  end: number;
}

/** The row at the viewport's top edge, and how many pixels of it are scrolled past. */
export interface Anchor {
  id: RowId;
  offset: number;
}

/** Where a list's rows stand, for its ids and the heights known now. */
export class RowLayout {
  /** `offsets[i]` is row i's top and `offsets[n]` the whole list's height. */
  readonly offsets: Float64Array;

  constructor(
    readonly ids: readonly RowId[],
    /** `indexById(ids)`. */
    private readonly index: ReadonlyMap<RowId, number>,
    heights: RowHeights,
  ) {
    this.offsets = new Float64Array(ids.length + 1);
    const estimate = heights.estimate;
    for (let i = 0; i < ids.length; i++) {
      this.offsets[i + 1] = this.offsets[i] + (heights.measured(ids[i]) ?? estimate);
    }
  }

  /** The list's height. */
  get total(): number {
    return this.offsets[this.ids.length];
  }

  indexOf(id: RowId): number | undefined {
    return this.index.get(id);
  }

  /** The row that covers height `y` (the last one starting at or above it); -1 when there are none. */
  rowAt(y: number): number {
    if (this.ids.length === 0) return -1;
    let low = 0;
    let high = this.ids.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.offsets[mid] <= y) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** How many rows start above height `y`. */
  #rowsAbove(y: number): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.offsets[mid] < y) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * The rows to draw: those crossing the viewport, plus `overscan` pixels of rows above and
   * below it, so a quick flick shows drawn rows rather than blank space while the next ones
   * render. At least one row, so a position past the end (not clamped yet) draws something.
   */
  range(top: number, viewport: number, overscan: number): Range {
    if (this.ids.length === 0) return { start: 0, end: 0 };
    const start = this.rowAt(Math.max(0, top - overscan));
    const end = this.#rowsAbove(top + Math.max(0, viewport) + overscan);
    return { start, end: Math.min(this.ids.length, Math.max(end, start + 1)) };
  }

  /**
   * What the reader is looking at: the row at the top edge of the viewport. Null at the very
   * top, so rows put above it simply show instead of being scrolled past.
   */
  anchorAt(top: number): Anchor | null {
    if (top < 1 || this.ids.length === 0) return null;
    const index = this.rowAt(top);
    return { id: this.ids[index], offset: top - this.offsets[index] };
  }

  /** The scroll position that puts the anchor's row back where it was; null when that row is gone. */
  scrollTopFor(anchor: Anchor): number | null {
    const index = this.index.get(anchor.id);
    if (index === undefined || index >= this.ids.length) return null;
    return Math.max(0, this.offsets[index] + anchor.offset);
  }

  /**
   * The scroll position that shows row `index` whole while moving as little as possible: its
   * top at the viewport's top when it is above, its bottom at the viewport's bottom when it is
   * below (its top, if it is taller than the viewport), `top` unchanged when it is in view.
   */
  revealTop(index: number, top: number, viewport: number): number {
    const rowTop = this.offsets[index];
    const rowBottom = this.offsets[index + 1];
    if (rowTop < top || rowBottom - rowTop > viewport) return rowTop;
    if (rowBottom > top + viewport) return rowBottom - viewport;
    return top;
  }

  /** Whether the viewport's bottom edge is within `margin` pixels of the list's end. */
  nearEnd(top: number, viewport: number, margin: number): boolean {
    return top + viewport >= this.total - margin;
  }
}
