// Clock changes between now and a scheduled instant. People compare zones by today's gap
// ("09:00 New York is 22:00 Beijing"); a DST change in one zone before the post goes out moves
// that gap, so the picker's side-by-side times, and which of a draft's queued items goes
// first, are not what today's clocks suggest. This file finds those cases; dst_notes.ts words
// them. Offsets are minutes east of UTC (New York in winter: -300).
//
//   clockNote("2027-03-16T13:00:00Z", ["America/New_York", "Asia/Shanghai"], now)
//   orderChanges(schedules.items, now) // draft id → the pair whose order flipped
import type { Schedule } from "../backend";

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;

// One formatter per zone: the order check asks for many offsets on every refresh.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
    formatters.set(tz, format);
  }
  return format;
}

// The picker asks while a zone is still being typed: a name Intl does not know is left out.
function known(tz: string): boolean {
  try {
    return !!formatter(tz);
  } catch {
    return false;
  }
}

/** `tz`'s offset from UTC at an instant, in minutes ("GMT-05:00" → -300). */
export function offsetAt(at: number, tz: string): number {
  const name = formatter(tz).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0; // "GMT": UTC itself
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The last time `tz`'s clocks changed in (from, to], if they end on another offset. */
export type ClockChange = { tz: string; at: string; from: number; to: number };

export function lastChange(tz: string, from: number, to: number): ClockChange | null {
  const final = offsetAt(to, tz);
  if (offsetAt(from, tz) === final) return null; // two changes that cancel out are no change
  // Walk back a week at a time (zones change at most twice a year), then halve to the minute.
  let hi = to;
  let lo = Math.max(from, to - WEEK);
  while (offsetAt(lo, tz) === final) {
    hi = lo;
    lo = Math.max(from, lo - WEEK);
  }
  const before = offsetAt(lo, tz);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, tz) === final) hi = mid;
    else lo = mid;
  }
  return { tz, at: new Date(hi).toISOString(), from: before, to: final };
}

/** One zone's wall clock at the instant, and (for `there`) what it shows at today's offsets. */
export type ClockNote = {
  change: ClockChange;
  here: { tz: string; clock: string };
  there: { tz: string; clock: string; today: string };
};

/**
 * The picker's note: the first shown zone whose clocks move before `iso` relative to another
 * shown zone. `here` is the picked zone (zones[0]) when it is one of the two, so the note reads
 * from the time the user typed. Null when every gap between the zones stays as it is today.
 */
export function clockNote(iso: string, zones: readonly string[], now: number): ClockNote | null {
  const at = Date.parse(iso);
  if (!(at > now)) return null;
  const shown = [...new Set(zones)].filter(known);
  const shift = new Map(shown.map((tz) => [tz, offsetAt(at, tz) - offsetAt(now, tz)]));
  for (const moved of shown) {
    if (shift.get(moved) === 0) continue;
    const differs = (tz: string) => shift.get(tz) !== shift.get(moved);
    const other = differs(shown[0]) ? shown[0] : shown.find(differs);
    if (!other) continue;
    const change = lastChange(moved, now, at);
    if (!change) continue;
    const [here, there] = other === shown[0] ? [other, moved] : [moved, other];
    // The same wall time `here`, at today's offsets, lands this much later `there`.
    const drift = shift.get(here)! - shift.get(there)!;
    return {
      change,
      here: { tz: here, clock: clockAt(at, here, 0) },
      there: { tz: there, clock: clockAt(at, there, 0), today: clockAt(at, there, drift) },
    };
  }
  return null;
}

/** "09:00" in `tz` at `at`, plus `minutes` of wall clock (wrapping past midnight). */
function clockAt(at: number, tz: string, minutes: number): string {
  const wall = Math.floor(at / MINUTE) + offsetAt(at, tz) + minutes;
  const ofDay = ((wall % 1440) + 1440) % 1440;
  return `${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "+08:00", "-05:00": an offset as the engine writes it. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Two of a draft's items that now go out in the other order than today's clocks say. */
export type OrderChange = { first: Schedule; second: Schedule; changes: ClockChange[] };

/**
 * For each draft, the first pair of its pending items (scheduled or held) that goes out in a
 * different order than their wall times would at today's offsets: "Add to queue" puts each
 * account at its own slot in its own zone, and a DST change in one zone can swap who is first.
 */
export function orderChanges(items: readonly Schedule[], now: number): Map<string, OrderChange> {
  const drafts = new Map<string, Schedule[]>();
  for (const item of items) {
    if (item.state !== "scheduled" && item.state !== "held") continue;
    drafts.set(item.draft_id, [...(drafts.get(item.draft_id) ?? []), item]);
  }
  const found = new Map<string, OrderChange>();
  for (const [draft, list] of drafts) {
    // The wall time at today's offset is the instant shifted by how far the zone has moved.
    const timed = list
      .map((item) => {
        const due = Date.parse(item.due_at);
        return { item, due, today: due + (offsetAt(due, item.tz) - offsetAt(now, item.tz)) * MINUTE };
      })
      .sort((a, b) => a.due - b.due);
    const flipped = timed.flatMap((a, i) => timed.slice(i + 1).map((b) => [a, b] as const))
      .find(([a, b]) => a.due < b.due && a.today >= b.today);
    if (!flipped) continue;
    const [a, b] = flipped;
    // The zone to blame moved between now and its own item's time (a held item's is past).
    const changes = (a.item.tz === b.item.tz ? [a] : [a, b])
      .map((x) => lastChange(x.item.tz, Math.min(now, x.due), Math.max(now, x.due)))
      .filter((c): c is ClockChange => c !== null);
    found.set(draft, { first: a.item, second: b.item, changes });
  }
  return found;
}
