// Where a card dropped on the calendar (or moved with Alt+arrows) goes. The calendar is drawn
// in this computer's zone, but an item keeps the zone it was scheduled in ("09:00 New York"
// stays New York's), so a drop becomes a wall time in the item's own zone.
//
//   planMove(item, { day: "2027-03-18" }, here)           // month: another day, same wall time
//   planMove(item, { day: "2027-03-18", hour: 14 }, here) // week: that day and hour, same minutes
import type { Schedule } from "../backend";
import { daysBetween, addDays, instantsOf, shiftWall, slotIn, wallAt } from "./calendar";

/** A place on the calendar, in this computer's zone: a day (month view) or a day's hour (week view). */
export type Slot = { day: string; hour?: number };

export type Plan =
  /** Dropped where it already is. */
  | { kind: "stay" }
  /** The hour does not exist in this computer's zone that day (clocks jumped over it). */
  | { kind: "gap"; wall: string }
  /** What `move_schedule` takes; the engine still refuses a gap or an unresolved fold in `tz`. */
  | { kind: "move"; at: string; tz: string };

export function planMove(item: Schedule, slot: Slot, here: string): Plan {
  const from = slotIn(item.due_at, here);
  if (slot.hour === undefined) {
    const days = daysBetween(from.day, slot.day);
    // Its own wall time, so a DST change between the two days does not move the hour.
    return days === 0 ? { kind: "stay" } : { kind: "move", at: shiftWall(item.wall_time, days), tz: item.tz };
  }
  if (slot.day === from.day && slot.hour === from.hour) return { kind: "stay" };
  const wall = `${slot.day}T${pad(slot.hour)}:${pad(from.minute)}`;
  // In its own zone the wall time is what was meant; the engine asks about a fold itself.
  if (here === item.tz) return { kind: "move", at: wall, tz: item.tz };
  const [first] = instantsOf(wall, here);
  if (first === undefined) return { kind: "gap", wall };
  // A repeated hour's row stands for its first pass. The instant is known, so the item's
  // wall time goes with its offset: exact even where the item's own zone repeats that hour.
  return { kind: "move", at: wallAt(first, item.tz), tz: item.tz };
}

/** True when every instant the wall time can name is over (a gap is left for the engine to name). */
export function isPast(at: string, tz: string, now: Date = new Date()): boolean {
  const instants = instantsOf(at, tz);
  return instants.length > 0 && instants.every((instant) => instant <= now.getTime());
}

/**
 * The slot an Alt+arrow key moves a card to: left and right by a day; up and down by an hour
 * in the week, by a week in the month. Null for any other key.
 */
export function stepSlot(item: Schedule, key: string, here: string, byHour: boolean): Slot | null {
  const from = slotIn(item.due_at, here);
  const day = (days: number): Slot => ({ day: addDays(from.day, days), hour: byHour ? from.hour : undefined });
  if (key === "ArrowLeft") return day(-1);
  if (key === "ArrowRight") return day(1);
  const up = key === "ArrowUp" ? -1 : key === "ArrowDown" ? 1 : 0;
  if (up === 0) return null;
  if (!byHour) return day(up * 7);
  const hour = from.hour + up;
  if (hour < 0) return { day: addDays(from.day, -1), hour: 23 };
  if (hour > 23) return { day: addDays(from.day, 1), hour: 0 };
  return { day: from.day, hour };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
