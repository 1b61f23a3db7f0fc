// The Schedule screen's calendar as arithmetic. A day is a civil date ("2027-03-16") with no
// zone of its own; weeks start on Monday; a wall time in a zone names the instants it can be
// (none in a DST gap, two in a fold). Zone names and "Tue 09:00" live in zones.ts.
//
//   weekOf("2027-03-17")                             // ["2027-03-15", … "2027-03-21"]
//   instantsOf("2027-11-07T01:30", "America/New_York") // two instants, EDT's first
import type { Locale } from "../i18n/index.svelte";
import { dayKey, partsIn } from "./zones";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

// A civil date as UTC midnight: adding days to it never meets a DST change.
function utcOf(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date);
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(utcOf(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** The Monday on or before `day`. */
export function weekStart(day: string): string {
  const sinceMonday = (new Date(utcOf(day)).getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

/** The seven days, Monday first, of the week `day` is in. */
export function weekOf(day: string): string[] {
  const start = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The first day of the month `months` away from `day`'s. */
export function addMonths(day: string, months: number): string {
  const [year, month] = day.split("-").map(Number);
  return dayOf(Date.UTC(year, month - 1 + months, 1));
}

/** Six weeks from the Monday before the 1st: every month fits, and the grid never changes height. */
export function monthGrid(day: string): string[] {
  const start = weekStart(addMonths(day, 0));
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

/** Today's date in `tz`. */
export function todayIn(tz: string, now: Date = new Date()): string {
  return dayKey(now.toISOString(), tz);
}

/** Where an instant falls on `tz`'s calendar: its day, hour (0–23) and minute. */
export function slotIn(iso: string, tz: string): { day: string; hour: number; minute: number } {
  const p = partsIn(new Date(iso), tz);
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
}

/** Items by their day in `tz` (days and items soonest first). */
export function byDay<T extends { due_at: string }>(items: readonly T[], tz: string): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.due_at.localeCompare(b.due_at))) {
    const day = dayKey(item.due_at, tz);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return days;
}

/** Minutes `tz` is ahead of UTC at the instant `at` (ms): -240 for New York in summer. */
export function offsetMinutes(at: number, tz: string): number {
  const p = partsIn(new Date(at), tz);
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  return Math.round((wall - Math.floor(at / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * The instants (ms, earliest first) a wall time `YYYY-MM-DDTHH:MM[:SS][±HH:MM]` names in `tz`:
 * one; none in a DST gap; two in a fold. An explicit offset names exactly one.
 */
export function instantsOf(wall: string, tz: string): number[] {
  const m = WALL.exec(wall);
  if (!m) return [];
  const [, year, month, date, hour, minute, second = "0", offset] = m;
  const naive = Date.UTC(+year, +month - 1, +date, +hour, +minute, +second);
  if (offset) return [naive - parseOffset(offset) * MINUTE_MS];
  // A zone changes offset at most once in two days, so the offsets a day either side are
  // the only ones this wall time can be at.
  const offsets = new Set([offsetMinutes(naive - DAY_MS, tz), offsetMinutes(naive + DAY_MS, tz)]);
  return [...offsets]
    .map((o) => naive - o * MINUTE_MS)
    .filter((at) => offsetMinutes(at, tz) === (naive - at) / MINUTE_MS)
    .sort((a, b) => a - b);
}

/** An instant as a wall time in `tz` with its offset (`2027-11-07T01:30-05:00`): exact even in a fold. */
export function wallAt(at: number, tz: string): string {
  const p = partsIn(new Date(at), tz);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}${formatOffset(offsetMinutes(at, tz))}`;
}

/** The same wall time `days` later: `2027-03-16T09:00:00` → `2027-03-18T09:00:00`. */
export function shiftWall(wall: string, days: number): string {
  return addDays(wall.slice(0, 10), days) + wall.slice(10);
}

/**
 * The hours a week shows: a working day, stretched to every hour that has an item and one
 * more on each side (within the day), so an item can always be dragged an hour later or
 * earlier — a 21:00 post to 22:00, where evening posts for Chinese readers go.
 */
export function hourRange(hours: readonly number[], first = 8, last = 20): number[] {
  const from = Math.max(0, Math.min(first, ...hours.map((h) => h - 1)));
  const to = Math.min(23, Math.max(last, ...hours.map((h) => h + 1)));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A civil date in the UI's language ("Mon 15", "3月15日"), never shifted by a zone. */
export function formatDay(day: string, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(utcOf(day));
}

/** "15 – 21 Mar 2027": a span of civil dates in the UI's language. */
export function formatSpan(from: string, to: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return format.formatRange(utcOf(from), utcOf(to));
}

function parseOffset(text: string): number {
  if (text === "Z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
