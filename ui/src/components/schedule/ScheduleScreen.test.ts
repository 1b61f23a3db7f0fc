// The Schedule screen mounted under an in-memory backend: the List · Week · Month switch (by
// click and arrow keys, remembered on this machine), and a calendar move into a DST fold,
// which shows the engine's message and opens the reschedule dialog on the two instants.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackendError, type Schedule } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { scheduled } from "../../lib/schedule/fixtures";
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
});
