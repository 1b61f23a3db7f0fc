// The week and month calendars mounted under an in-memory backend, in a fixed zone and at a
// fixed "now": where cards land, "+N more", moving with Alt+arrows and refusing a drop into
// the past. The date math is tested in lib/schedule/calendar.test.ts and retarget.test.ts.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Schedule } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { scheduled } from "../../lib/schedule/fixtures";
import { Rescheduler } from "../../lib/schedule/reschedule.svelte";
import { Schedules, schedulesContext } from "../../lib/schedule/schedules.svelte";
import ScheduleCalendar from "./ScheduleCalendar.svelte";

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

type Options = { view?: "week" | "month"; here?: string; now?: string };

/** The fixture's item (09:00 New York, Tuesday 16 March 2027) and others, on a calendar in `here`. */
async function show(items: Schedule[], { view = "week", here = "Asia/Shanghai", now = "2027-03-15T00:00:00Z" }: Options = {}) {
  setLocalePreference("en");
  const fake = new FakeBackend({
    scheduler_status: () => ({ last_run_at: null, last_run_by: null, running: true, next: null, pending: 1, held: 0, catch_up_minutes: 15 }),
    list_schedules: () => items,
    move_schedule: ({ id }) => scheduled({ id }),
  });
  const schedules = new Schedules(fake);
  await schedules.refresh();
  const moves = new Rescheduler(schedules, here, () => new Date(now));
  const shownWeeks: string[] = [];
  const target = document.body.appendChild(document.createElement("div"));
  const context = new Map<symbol, unknown>([...backendContext(fake), ...schedulesContext(schedules)]);
  const props = {
    view,
    anchor: "2027-03-16",
    get items() {
      return schedules.items;
    },
    moves,
    onOpen: () => undefined,
    onShowWeek: (day: string) => shownWeeks.push(day),
  };
  mounted.push(mount(ScheduleCalendar, { target, props, context }));
  flushSync();
  const card = (id = "s1") => target.querySelector<HTMLElement>(`[data-testid=calendar-card][data-id="${id}"]`)!;
  return { fake, moves, target, card, shownWeeks };
}

const slotOf = (card: HTMLElement) => card.closest<HTMLElement>("[data-day]")!.dataset;

function drag(card: HTMLElement, onto: Element) {
  card.dispatchEvent(new Event("dragstart", { bubbles: true }));
  flushSync();
  onto.dispatchEvent(new Event("dragover", { bubbles: true, cancelable: true }));
  onto.dispatchEvent(new Event("drop", { bubbles: true, cancelable: true }));
}

describe("ScheduleCalendar: week", () => {
  it("puts a card in its day's column and hour, in this computer's zone", async () => {
    const { card } = await show([scheduled()], { here: "America/New_York" });
    expect(slotOf(card())).toMatchObject({ day: "2027-03-16", hour: "9" });
    expect(card().textContent).toContain("09:00");
    expect(card().textContent).toContain("alice.test");
    // The audience is in Beijing: the same instant there.
    expect(card().textContent).toContain("21:00 Beijing");

    const late = await show([scheduled({ due_at: "2027-03-16T20:00:00Z" })], { here: "Asia/Shanghai" });
    expect(slotOf(late.card())).toMatchObject({ day: "2027-03-17", hour: "4" });
    // Scheduled in New York, where it is still Tuesday.
    expect(late.card().textContent).toContain("Tue 16:00 New York");
    expect(late.card().textContent).not.toContain("Beijing");
  });

  it("says so when the week has nothing, and how to schedule", async () => {
    const { target } = await show([scheduled({ due_at: "2027-04-20T13:00:00Z" })]);
    expect(target.querySelector("[data-testid=calendar-empty]")?.textContent).toContain("Schedule…");
    expect(target.querySelector("[data-testid=calendar-card]")).toBeNull();
  });

  it("moves a focused card a day on with Alt+→, in the item's own zone", async () => {
    const { fake, card } = await show([scheduled()]);
    card().focus();
    card().dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true, cancelable: true }));
    // 21:00 Wednesday in Beijing is 09:00 in New York, named with its offset.
    await vi.waitFor(() =>
      expect(fake.called("move_schedule")).toEqual([{ id: "s1", at: "2027-03-17T09:00-04:00", tz: "America/New_York" }]),
    );
  });

  it("refuses a drop into the past without calling the engine", async () => {
    const friday = scheduled({ due_at: "2027-03-19T13:00:00Z", wall_time: "2027-03-19T09:00:00" });
    const { fake, moves, target, card } = await show([friday], { now: "2027-03-17T00:00:00Z" });
    drag(card(), target.querySelector('[data-day="2027-03-15"][data-hour="10"]')!);
    await vi.waitFor(() => expect(moves.failure?.code).toBe("schedule.past"));
    expect(fake.called("move_schedule")).toEqual([]);

    drag(card(), target.querySelector('[data-day="2027-03-20"][data-hour="10"]')!);
    await vi.waitFor(() =>
      expect(fake.called("move_schedule")).toEqual([{ id: "s1", at: "2027-03-19T22:00-04:00", tz: "America/New_York" }]),
    );
  });

  it("lets only items still waiting be dragged", async () => {
    const { card } = await show([scheduled(), scheduled({ id: "sent", state: "handed" })]);
    expect(card().getAttribute("draggable")).toBe("true");
    expect(card("sent").getAttribute("draggable")).toBe("false");
    expect(card("sent").getAttribute("aria-disabled")).toBe("true");
  });
});

describe("ScheduleCalendar: month", () => {
  it("lists three items on a crowded day and \"+N more\" for the rest, which opens that week", async () => {
    const five = [0, 1, 2, 3, 4].map((i) => scheduled({ id: `s${i}`, due_at: `2027-03-16T0${i}:00:00Z` }));
    const { target, shownWeeks } = await show(five, { view: "month" });
    const cell = target.querySelector('[data-testid=month-cell][data-day="2027-03-16"]')!;
    expect(cell.querySelectorAll("[data-testid=calendar-card]")).toHaveLength(3);
    const more = cell.querySelector<HTMLButtonElement>("[data-testid=month-more]")!;
    expect(more.textContent?.trim()).toBe("+2 more");
    more.click();
    expect(shownWeeks).toEqual(["2027-03-16"]);
    expect(target.querySelector("[data-testid=calendar-title]")?.textContent).toContain("March 2027");
  });

  it("keeps the wall time when a card moves to another day (Alt+↓: a week on)", async () => {
    const { fake, card } = await show([scheduled()], { view: "month" });
    card().dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", altKey: true, bubbles: true, cancelable: true }));
    await vi.waitFor(() =>
      expect(fake.called("move_schedule")).toEqual([{ id: "s1", at: "2027-03-23T09:00:00", tz: "America/New_York" }]),
    );
  });

  it("says so when the month has nothing", async () => {
    const { target } = await show([], { view: "month" });
    expect(target.querySelector("[data-testid=calendar-empty]")?.textContent).toContain("Nothing scheduled this month");
    expect(target.querySelectorAll("[data-testid=month-cell]")).toHaveLength(42);
  });
});
