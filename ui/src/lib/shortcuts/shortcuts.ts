// The composer's keyboard shortcuts, in one table that both the key handler and the help
// overlay read, so the overlay can never list a shortcut that does not work (or miss one).
// "Mod" is Cmd on macOS and Ctrl elsewhere.

export type ShortcutAction =
  | "newDraft"
  | "search"
  | "primary"
  | "secondary"
  | "nextLanguage"
  | "previousLanguage"
  | "history"
  | "saveNow"
  | "settings"
  | "help"
  | "composeScreen"
  | "scheduleScreen"
  | "feedScreen"
  | "escape";

interface Chord {
  key: string;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  chords: Chord[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "newDraft", chords: [{ key: "n", mod: true }] },
  { action: "search", chords: [{ key: "k", mod: true }, { key: "f", mod: true }] },
  { action: "primary", chords: [{ key: "1", mod: true }] },
  { action: "secondary", chords: [{ key: "2", mod: true }] },
  { action: "nextLanguage", chords: [{ key: "3", mod: true }, { key: "ArrowRight", alt: true }] },
  { action: "previousLanguage", chords: [{ key: "ArrowLeft", alt: true }] },
  { action: "history", chords: [{ key: "h", mod: true, shift: true }] },
  { action: "saveNow", chords: [{ key: "s", mod: true }] },
  { action: "settings", chords: [{ key: ",", mod: true }] },
  { action: "help", chords: [{ key: "/", mod: true }, { key: "F1" }] },
  // The navigation rail's screens (Mod+1/2 are taken by the two variants).
  { action: "composeScreen", chords: [{ key: "1", alt: true }] },
  { action: "scheduleScreen", chords: [{ key: "2", alt: true }] },
  { action: "feedScreen", chords: [{ key: "3", alt: true }] },
  { action: "escape", chords: [{ key: "Escape" }] },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

function matches(chord: Chord, event: KeyLike, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return (
    key === chord.key &&
    mod === Boolean(chord.mod) &&
    !otherMod &&
    event.altKey === Boolean(chord.alt) &&
    // Shift changes "/" into "?" on many layouts, so only chords that ask for it check it.
    (chord.shift === undefined || event.shiftKey === chord.shift)
  );
}

/** The action a key press triggers, if any. Keys typed into an IME composition never are. */
export function shortcutFor(event: KeyLike, mac = isMacPlatform()): ShortcutAction | undefined {
  if (event.isComposing) return undefined;
  return SHORTCUTS.find((s) => s.chords.some((c) => matches(c, event, mac)))?.action;
}

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
};

/** How a chord is written in the help overlay: "Ctrl+K", "⌘K", "Alt+→". */
export function chordLabel(chord: Chord, mac = isMacPlatform()): string {
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const parts: string[] = [];
  if (chord.mod) parts.push(mac ? "⌘" : "Ctrl");
  if (chord.alt) parts.push(mac ? "⌥" : "Alt");
  if (chord.shift) parts.push(mac ? "⇧" : "Shift");
  parts.push(key);
  return parts.join(mac ? "" : "+");
}

export function shortcutLabels(action: ShortcutAction, mac = isMacPlatform()): string[] {
  return SHORTCUTS.find((s) => s.action === action)?.chords.map((c) => chordLabel(c, mac)) ?? [];
}
