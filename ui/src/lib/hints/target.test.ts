import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HOVER_MS, HintTarget, SETTLE_MS } from "./target.svelte";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("HintTarget", () => {
  it("follows the selection once it rests, so J J J J lands once on the last item", () => {
    const target = new HintTarget();
    const seen: (number | null)[] = [];
    const watch = () => seen.at(-1) !== target.id && seen.push(target.id);
    for (const id of [1, 2, 3, 4]) {
      target.select(id);
      vi.advanceTimersByTime(SETTLE_MS / 3);
      watch();
    }
    vi.advanceTimersByTime(SETTLE_MS);
    watch();
    expect(seen).toEqual([null, 4]);
  });

  it("takes the hovered item after the hover delay; a quick pass over another changes nothing", () => {
    const target = new HintTarget();
    target.select(1);
    vi.advanceTimersByTime(SETTLE_MS);
    target.moved(10, 10, 2);
    vi.advanceTimersByTime(HOVER_MS - 50);
    target.moved(10, 40, 3);
    vi.advanceTimersByTime(HOVER_MS - 50);
    target.moved(10, 70, 1);
    vi.advanceTimersByTime(HOVER_MS * 2);
    expect(target.id).toBe(1);

    target.moved(10, 100, 5);
    target.moved(12, 104, 5); // moving within the card keeps the wait running
    vi.advanceTimersByTime(HOVER_MS);
    expect(target.id).toBe(5);
  });

  it("goes back to the selected item when the pointer leaves the list, not when it enters the column", () => {
    const target = new HintTarget();
    target.select(1);
    target.moved(5, 5, 2);
    vi.advanceTimersByTime(HOVER_MS);
    expect(target.id).toBe(2);

    target.leave();
    target.hold();
    vi.advanceTimersByTime(HOVER_MS * 2);
    expect(target.id).toBe(2);

    target.leave();
    vi.advanceTimersByTime(HOVER_MS);
    expect(target.id).toBe(1);
  });

  it("ignores hover the webview reports when cards scroll under a pointer that did not move", () => {
    const target = new HintTarget();
    target.moved(50, 50, 1);
    vi.advanceTimersByTime(HOVER_MS);
    target.select(7); // J: the list scrolls, a card arrives under the still pointer
    target.moved(50, 50, 8);
    vi.advanceTimersByTime(HOVER_MS * 2);
    expect(target.id).toBe(7);
  });
});
