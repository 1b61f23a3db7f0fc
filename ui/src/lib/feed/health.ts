// A source's health as a badge: its words (in the UI's language) and its tone. The engine
// records the state of the last refresh; a source never fetched has none yet.
import type { SourceHealth } from "../backend";
import { t } from "../i18n/index.svelte";

export type Tone = "ok" | "quiet" | "warn" | "bad";

export interface Badge {
  label: string;
  tone: Tone;
  /** The state's stable name, for tests and styling (`working`, `rate_limited` …, or `new`). */
  state: SourceHealth["state"] | "new";
}

const TONES: Record<SourceHealth["state"], Tone> = {
  working: "ok",
  not_modified: "ok",
  rate_limited: "warn",
  unreachable: "warn",
  blocked: "bad",
  http_error: "bad",
  not_a_feed: "bad",
  too_large: "bad",
  signed_out: "bad",
};

export function badgeOf(health: SourceHealth | null): Badge {
  if (!health) return { label: t("feed.health.new"), tone: "quiet", state: "new" };
  const status = health.state === "http_error" ? health.status : 0;
  return {
    label: t(`feed.health.${health.state}`, { status }),
    tone: TONES[health.state],
    state: health.state,
  };
}

/** Whether every source that was tried could not be reached: the computer is likely offline. */
export function looksOffline(healths: (SourceHealth | null)[]): boolean {
  const tried = healths.filter((h): h is SourceHealth => h !== null);
  return tried.length > 0 && tried.every((h) => h.state === "unreachable");
}
