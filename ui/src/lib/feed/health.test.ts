import { describe, expect, it } from "vitest";
import { setLocalePreference } from "../i18n/index.svelte";
import { badgeOf, looksOffline } from "./health";

describe("badgeOf", () => {
  it("names every state, with the HTTP status when there is one", () => {
    setLocalePreference("en");
    expect(badgeOf({ state: "working" })).toEqual({ label: "Working", tone: "ok", state: "working" });
    expect(badgeOf({ state: "rate_limited" }).label).toBe("Rate limited");
    expect(badgeOf({ state: "blocked" }).tone).toBe("bad");
    expect(badgeOf({ state: "http_error", status: 502 }).label).toBe("HTTP error 502");
    expect(badgeOf(null)).toEqual({ label: "Not fetched yet", tone: "quiet", state: "new" });
  });

  it("speaks the UI's language", () => {
    setLocalePreference("zh-Hans");
    expect(badgeOf({ state: "blocked" }).label).toBe("被拒绝");
    setLocalePreference("zh-Hant");
    expect(badgeOf({ state: "unreachable" }).label).toBe("無法連線");
    setLocalePreference("en");
  });
});

describe("looksOffline", () => {
  it("only when every source tried was unreachable", () => {
    expect(looksOffline([])).toBe(false);
    expect(looksOffline([null])).toBe(false);
    expect(looksOffline([{ state: "unreachable" }, null])).toBe(true);
    expect(looksOffline([{ state: "unreachable" }, { state: "working" }])).toBe(false);
    expect(looksOffline([{ state: "unreachable" }, { state: "blocked" }])).toBe(false);
  });
});
