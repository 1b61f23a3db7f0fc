// Time zones as the Schedule screen and the schedule dialog show them: a wall time in a zone
// ("Tue 09:00 New York"), one instant in several audiences' zones side by side, and the
// default time the dialog offers. The instants themselves are the engine's (it resolves a
// wall time, refusing DST gaps and asking about folds); this file only formats.
import type { Locale } from "../i18n/index.svelte";

const CITY: Record<string, Record<Locale, string>> = {
  "Asia/Shanghai": { en: "Beijing", "zh-Hans": "北京", "zh-Hant": "北京" },
  "Asia/Hong_Kong": { en: "Hong Kong", "zh-Hans": "香港", "zh-Hant": "香港" },
  "Asia/Taipei": { en: "Taipei", "zh-Hans": "台北", "zh-Hant": "臺北" },
  "Asia/Singapore": { en: "Singapore", "zh-Hans": "新加坡", "zh-Hant": "新加坡" },
  "Asia/Tokyo": { en: "Tokyo", "zh-Hans": "东京", "zh-Hant": "東京" },
  "America/New_York": { en: "New York", "zh-Hans": "纽约", "zh-Hant": "紐約" },
  "America/Chicago": { en: "Chicago", "zh-Hans": "芝加哥", "zh-Hant": "芝加哥" },
  "America/Los_Angeles": { en: "Los Angeles", "zh-Hans": "洛杉矶", "zh-Hant": "洛杉磯" },
  "America/Toronto": { en: "Toronto", "zh-Hans": "多伦多", "zh-Hant": "多倫多" },
  "America/Vancouver": { en: "Vancouver", "zh-Hans": "温哥华", "zh-Hant": "溫哥華" },
  "Europe/London": { en: "London", "zh-Hans": "伦敦", "zh-Hant": "倫敦" },
  "Europe/Paris": { en: "Paris", "zh-Hans": "巴黎", "zh-Hant": "巴黎" },
  "Europe/Berlin": { en: "Berlin", "zh-Hans": "柏林", "zh-Hant": "柏林" },
  "Australia/Sydney": { en: "Sydney", "zh-Hans": "悉尼", "zh-Hant": "雪梨" },
};

/** Zones offered first in the picker, after the computer's and the accounts' own. */
export const COMMON_ZONES: readonly string[] = [...Object.keys(CITY), "UTC"];

/** A zone as people say it: "Beijing" / "北京" for Asia/Shanghai, else the IANA city. */
export function zoneName(tz: string, locale: Locale): string {
  const known = CITY[tz]?.[locale];
  if (known) return known;
  const city = tz.split("/").pop() ?? tz;
  return city.replace(/_/g, " ");
}

/** Every IANA zone the webview knows, for the picker's suggestions (empty if it can't say). */
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return [];
  }
}

/** "Tue 09:00" for an instant in a zone (24-hour clock, the UI's language). */
export function timeIn(iso: string, tz: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: tz,
  }).format(new Date(iso));
}

/** "Tue, 16 Mar" (or "3月16日周二"): the day an instant falls on in a zone. */
export function dayIn(iso: string, tz: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: tz,
  }).format(new Date(iso));
}

/** `2027-03-16`: the calendar day of an instant in a zone, for grouping. */
export function dayKey(iso: string, tz: string): string {
  const parts = partsIn(new Date(iso), tz);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The same instant in each zone, each zone once: "Tue 09:00 New York · Tue 22:00 北京". */
export function sideBySide(iso: string, zones: readonly string[], locale: Locale): string {
  return [...new Set(zones)].map((tz) => `${timeIn(iso, tz, locale)} ${zoneName(tz, locale)}`).join(" · ");
}

/** "09:00": an instant's wall clock in a zone. */
export function clockIn(iso: string, tz: string): string {
  const p = partsIn(new Date(iso), tz);
  return `${p.hour}:${p.minute}`;
}

/**
 * The instant in each zone whose clock differs from `here`'s, each zone once: "09:00 New York",
 * or "Wed 09:00 New York" when it is another day there.
 */
export function elsewhere(iso: string, here: string, zones: readonly string[], locale: Locale): string[] {
  const clock = `${dayKey(iso, here)} ${clockIn(iso, here)}`;
  return [...new Set(zones)]
    .filter((tz) => `${dayKey(iso, tz)} ${clockIn(iso, tz)}` !== clock)
    .map((tz) => {
      const when = dayKey(iso, tz) === dayKey(iso, here) ? clockIn(iso, tz) : timeIn(iso, tz, locale);
      return `${when} ${zoneName(tz, locale)}`;
    });
}

/** How late an item is, in whole minutes (0 when not late). */
export function minutesLate(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));
}

/** The dialog's first offer: an hour from now, rounded up to the quarter hour, in `tz`. */
export function defaultWallTime(tz: string, now: Date = new Date()): { date: string; time: string } {
  const later = new Date(now.getTime() + 60 * 60_000);
  const rounded = new Date(Math.ceil(later.getTime() / (15 * 60_000)) * 15 * 60_000);
  const p = partsIn(rounded, tz);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The wall clock of an instant in a zone, as zero-padded fields ("2027", "03", "16", "09", "00"). */
export function partsIn(at: Date, tz: string): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: tz,
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}
