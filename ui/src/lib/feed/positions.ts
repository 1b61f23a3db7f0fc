// Where the reader was in each timeline: the item at the top of the viewport (and how far
// into it), kept per set of filters so "All" and "Mastodon · 中文" each reopen where they
// were left, across screen switches and restarts. A search is a passing question, not a
// timeline, so it has no place to remember. It is this machine's reading habit, not a
// setting to sync, so it lives in localStorage.
import type { Anchor } from "./windowing";

const PREFIX = "ferry.feed.position.";
/** This session's places, for when localStorage is off (then they last until the app quits). */
const session = new Map<string, Anchor | null>();

export interface TimelineFilters {
  network: string | null;
  lang: string | null;
  search: string;
}

/** The name of the timeline these filters show, or null for a search. */
export function timelineKey({ network, lang, search }: TimelineFilters): string | null {
  if (search.trim()) return null;
  return `${network ?? "all"}.${lang ?? "any"}`;
}

/** The remembered place in a timeline, or null (the top). */
export function rememberedPosition(key: string): Anchor | null {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + key) ?? "null") as unknown;
    if (typeof stored !== "object" || stored === null) return null;
    const { id, offset } = stored as Record<string, unknown>;
    if ((typeof id !== "number" && typeof id !== "string") || typeof offset !== "number" || !(offset >= 0)) return null;
    return { id, offset };
  } catch {
    // Storage off (this session's place, if any), or an entry this version cannot read.
    return session.get(key) ?? null;
  }
}

/** Remembers a place in a timeline; null (the top) forgets it. */
export function rememberPosition(key: string, anchor: Anchor | null): void {
  session.set(key, anchor);
  try {
    if (anchor) localStorage.setItem(PREFIX + key, JSON.stringify({ id: anchor.id, offset: Math.round(anchor.offset) }));
    else localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage off or full: the place is kept for this session only (above).
  }
}
