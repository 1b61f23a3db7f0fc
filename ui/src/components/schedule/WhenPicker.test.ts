// The picker mounted under an in-memory backend that answers `check_wall_time`: under the
// side-by-side times, a note when New York's clocks change between now and the picked instant.
// The zone math is tested in lib/schedule/dst_order.test.ts.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference, type Locale } from "../../lib/i18n/index.svelte";
import WhenPicker from "./WhenPicker.svelte";

let mounted: ReturnType<typeof mount>[] = [];
beforeEach(() => {
  // 1 February 2027: New York on -05:00, six weeks before it springs forward.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2027-02-01T12:00:00Z"));
});
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
  vi.useRealTimers();
});

/** 09:00 New York on `day`, for an audience in Beijing; the engine says it is `dueAt`. */
async function pick(day: string, dueAt: string, locale: Locale = "en") {
  setLocalePreference(locale);
  const fake = new FakeBackend({
    check_wall_time: () => ({ kind: "exact", instant: { due_at: dueAt, offset: "-04:00" } }),
  });
  const target = document.body.appendChild(document.createElement("div"));
  const props = { zones: ["Asia/Shanghai"], initialTz: "America/New_York", initialAt: `${day}T09:00` };
  mounted.push(mount(WhenPicker, { target, props, context: backendContext(fake) }));
  await vi.waitFor(() => {
    flushSync();
    expect(target.querySelector("[data-testid=when-result]")?.getAttribute("data-kind")).toBe("exact");
  });
  return target.querySelector("[data-testid=when-dst-note]")?.textContent ?? null;
}

describe("WhenPicker", () => {
  it("notes New York's change under the side-by-side times when the picked day is after it", async () => {
    expect(await pick("2027-03-16", "2027-03-16T13:00:00Z")).toBe(
      "New York changes clocks on Sun, Mar 14 (-05:00 → -04:00): then 09:00 New York is 21:00 Beijing, not 22:00 as today.",
    );
  });

  it("says it in Traditional Chinese too", async () => {
    const note = await pick("2027-03-16", "2027-03-16T13:00:00Z", "zh-Hant");
    expect(note).toContain("紐約將於3月14日");
    expect(note).toContain("（-05:00 → -04:00）：屆時紐約 09:00 是北京 21:00，而不是今天的 22:00。");
  });

  it("adds nothing when the gap to Beijing is today's", async () => {
    expect(await pick("2027-03-09", "2027-03-09T14:00:00Z")).toBeNull();
  });
});
