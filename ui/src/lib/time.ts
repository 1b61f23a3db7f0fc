// Times are exchanged in UTC (RFC 3339) and shown in the user's zone and language.
import { currentLocale, t } from "./i18n/index.svelte";

/** "just now", "5 min ago", "yesterday", then a date — in the UI's language. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return t("time.justNow");
  const format = new Intl.RelativeTimeFormat(currentLocale(), { numeric: "auto", style: "short" });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return format.format(days, "day");
  return new Date(at).toLocaleDateString(currentLocale(), { dateStyle: "medium" });
}

/** A full local date and time, for history entries. */
export function localDateTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleString(currentLocale(), { dateStyle: "medium", timeStyle: "short" });
}
