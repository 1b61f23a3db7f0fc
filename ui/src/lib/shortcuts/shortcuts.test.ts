import { describe, expect, it } from "vitest";
import { SHORTCUTS, chordLabel, shortcutFor, shortcutLabels, type KeyLike } from "./shortcuts";

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcutFor", () => {
  it("uses Ctrl off macOS and Cmd on it", () => {
    expect(shortcutFor(press("n", { ctrlKey: true }), false)).toBe("newDraft");
    expect(shortcutFor(press("n", { metaKey: true }), false)).toBeUndefined();
    expect(shortcutFor(press("n", { metaKey: true }), true)).toBe("newDraft");
    expect(shortcutFor(press("N", { ctrlKey: true, shiftKey: false }), false)).toBe("newDraft");
  });

  it("switches variants with Ctrl+1/2/3 and Alt+arrows", () => {
    expect(shortcutFor(press("1", { ctrlKey: true }), false)).toBe("primary");
    expect(shortcutFor(press("2", { ctrlKey: true }), false)).toBe("secondary");
    expect(shortcutFor(press("3", { ctrlKey: true }), false)).toBe("nextLanguage");
    expect(shortcutFor(press("ArrowRight", { altKey: true }), false)).toBe("nextLanguage");
    expect(shortcutFor(press("ArrowLeft", { altKey: true }), false)).toBe("previousLanguage");
  });

  it("switches screens with Alt+1/2, apart from the variants' Ctrl+1/2", () => {
    expect(shortcutFor(press("1", { altKey: true }), false)).toBe("composeScreen");
    expect(shortcutFor(press("2", { altKey: true }), false)).toBe("scheduleScreen");
    expect(shortcutFor(press("3", { altKey: true }), false)).toBe("feedScreen");
    expect(shortcutFor(press("2", { ctrlKey: true }), false)).toBe("secondary");
  });

  it("leaves plain typing and IME composition alone", () => {
    expect(shortcutFor(press("k"), false)).toBeUndefined();
    expect(shortcutFor(press("ArrowLeft"), false)).toBeUndefined();
    expect(shortcutFor(press("k", { ctrlKey: true, isComposing: true }), false)).toBeUndefined();
  });

  it("every chord belongs to exactly one action", () => {
    const seen = new Set<string>();
    for (const s of SHORTCUTS) {
      for (const c of s.chords) {
        const label = chordLabel(c, false);
        expect(seen.has(label), label).toBe(false);
        seen.add(label);
      }
    }
  });
});

describe("labels", () => {
  it("writes chords the platform's way", () => {
    expect(shortcutLabels("search", false)).toEqual(["Ctrl+K", "Ctrl+F"]);
    expect(shortcutLabels("search", true)).toEqual(["⌘K", "⌘F"]);
    expect(shortcutLabels("nextLanguage", false)).toEqual(["Ctrl+3", "Alt+→"]);
  });
});
