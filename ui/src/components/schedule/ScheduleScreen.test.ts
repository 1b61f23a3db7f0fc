// The Schedule screen mounted under an in-memory backend: the List · Week · Month switch (by
// click and arrow keys, remembered on this machine), and a calendar move into a DST fold,
// which shows the engine's message and opens the reschedule dialog on the two instants; the
// list's warning when New York's clock change swaps which of a draft's items goes first, and
// the cost accepted for X when an item was scheduled.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackendError, type Schedule } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { queued, scheduled } from "../../lib/schedule/fixtures";
import { Schedules, schedulesContext } from "../../lib/schedule/schedules.svelte";
import ScheduleScreen from "./ScheduleScreen.svelte";

let mounted: ReturnType<typeof mount>[] = [];
beforeEach(() => {
  // Monday 15 March 2027: the fixture's item is later this week in every zone.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2027-03-15T12:00:00Z"));
});
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
  localStorage.clear();
  vi.useRealTimers();
});

function backend(items: Schedule[] = [scheduled()]) {
  return new FakeBackend({
    scheduler_status: () => ({ last_run_at: null, last_run_by: null, running: true, next: null, pending: 1, held: 0, catch_up_minutes: 15 }),
    list_schedules: () => items,
  });
}

async function show(fake: FakeBackend) {
  setLocalePreference("en");
  const schedules = new Schedules(fake);
  await schedules.refresh();
  const target = document.body.appendChild(document.createElement("div"));
  const context = new Map<symbol, unknown>([...backendContext(fake), ...schedulesContext(schedules)]);
  mounted.push(mount(ScheduleScreen, { target, context }));
  flushSync();
  return target;
}

const viewTab = (target: HTMLElement, view: string) =>
  target.querySelector<HTMLButtonElement>(`[data-testid=schedule-view][data-view=${view}]`)!;

describe("ScheduleScreen", () => {
  it("switches between list, week and month, and opens on the last choice", async () => {
    let target = await show(backend());
    expect(viewTab(target, "list").getAttribute("aria-selected")).toBe("true");
    expect(target.querySelector("[data-testid=schedule-row]")).not.toBeNull();

    viewTab(target, "week").click();
    flushSync();
    expect(target.querySelector("[data-testid=schedule-calendar]")?.getAttribute("data-view")).toBe("week");
    viewTab(target, "week").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    flushSync();
    expect(target.querySelector("[data-testid=schedule-calendar]")?.getAttribute("data-view")).toBe("month");
    expect(document.activeElement).toBe(viewTab(target, "month"));

    for (const m of mounted) unmount(m);
    mounted = [];
    target = await show(backend());
    expect(viewTab(target, "month").getAttribute("aria-selected")).toBe("true");
  });

  it("shows a fold the engine found and offers its two instants in the reschedule dialog", async () => {
    localStorage.setItem("ferry.schedule.view", "week");
    const fake = backend();
    fake.answer("move_schedule", () => {
      throw new BackendError({ code: "schedule.dst_fold", message: "that time happens twice" });
    });
    fake.answer("check_wall_time", () => ({
      kind: "fold",
      earlier: { due_at: "2027-11-07T05:30:00Z", offset: "-04:00" },
      later: { due_at: "2027-11-07T06:30:00Z", offset: "-05:00" },
    }));
    const target = await show(fake);
    const card = target.querySelector<HTMLElement>("[data-testid=calendar-card]")!;
    card.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true, cancelable: true }));

    await vi.waitFor(() => {
      flushSync();
      expect(target.querySelector("[data-code='schedule.dst_fold']")?.textContent).toContain("happens twice");
      expect(document.querySelectorAll("[data-testid=move-dialog] [data-testid=when-fold]")).toHaveLength(2);
    });
    const [asked] = fake.called("move_schedule");
    expect(document.querySelector<HTMLInputElement>("[data-testid=when-date]")?.value).toBe(asked.at.slice(0, 10));
  });

  it("warns on the list, once, when a clock change puts another account's item first", async () => {
    // "Add to queue" for one draft: 09:00 New York (13:00 UTC after 14 March) and 21:30 Beijing
    // (13:30 UTC). Seen from 1 February, when 09:00 New York was 14:00 UTC, Beijing came first.
    const items = [
      queued("en.test", "America/New_York", "2027-03-16T09:00:00", "2027-03-16T13:00:00Z"),
      queued("zh.test", "Asia/Shanghai", "2027-03-16T21:30:00", "2027-03-16T13:30:00Z"),
    ];
    vi.setSystemTime(new Date("2027-02-01T12:00:00Z"));
    let target = await show(backend(items));
    const notes = target.querySelectorAll("[data-testid=schedule-order-note]");
    expect(notes).toHaveLength(1);
    expect(notes[0].closest("[data-testid=schedule-row]")?.getAttribute("data-id")).toBe("q-en.test");
    expect(notes[0].textContent).toBe(
      "⚠ Order changed by the clock change in New York: en.test (09:00 New York) now goes out before zh.test (21:30 Beijing).",
    );

    // Seen from after the change, the order is today's: no warning.
    for (const m of mounted) unmount(m);
    mounted = [];
    vi.setSystemTime(new Date("2027-03-15T12:00:00Z"));
    target = await show(backend(items));
    expect(target.querySelectorAll("[data-testid=schedule-row]")).toHaveLength(2);
    expect(target.querySelector("[data-testid=schedule-order-note]")).toBeNull();
  });

  it("shows on the list what X was accepted to cost, for the item scheduled with X only", async () => {
    const base = scheduled();
    const x = { ...base.targets[0], account_id: "x1", network: "x" as const, handle: "@ferry_writer" };
    const items = [scheduled({ id: "with-x", targets: [...base.targets, x], x_cost_accepted: "$0.015" }), scheduled({ id: "plain" })];
    const target = await show(backend(items));
    const costs = target.querySelectorAll("[data-testid=schedule-x-cost]");
    expect(costs).toHaveLength(1);
    expect(costs[0].closest("[data-testid=schedule-row]")?.getAttribute("data-id")).toBe("with-x");
    expect(costs[0].textContent?.trim()).toBe("X: $0.015 accepted");
  });
});
