import { describe, expect, it } from "vitest";
import { BackendError } from "../backend";
import { FakeBackend } from "../backend/fake";
import { setLocalePreference } from "../i18n/index.svelte";
import { scheduled } from "./fixtures";
import { Rescheduler } from "./reschedule.svelte";
import { Schedules } from "./schedules.svelte";

const NY = "America/New_York";
const monday = () => new Date("2027-03-15T12:00:00Z");

function setup(move: () => never | ReturnType<typeof scheduled> = () => scheduled()) {
  setLocalePreference("en");
  const fake = new FakeBackend({
    scheduler_status: () => ({ last_run_at: null, last_run_by: null, running: true, next: null, pending: 1, held: 0, catch_up_minutes: 15 }),
    list_schedules: () => [scheduled()],
    move_schedule: move,
  });
  return { fake, moves: new Rescheduler(new Schedules(fake), NY, monday) };
}

describe("Rescheduler", () => {
  it("moves through the engine in the item's own zone", async () => {
    const { fake, moves } = setup();
    expect(await moves.moveTo(scheduled(), { day: "2027-03-18" })).toBe(true);
    expect(fake.called("move_schedule")).toEqual([{ id: "s1", at: "2027-03-18T09:00:00", tz: NY }]);
    expect(moves.failure).toBeNull();
  });

  it("refuses a time already over without asking the engine", async () => {
    const { fake, moves } = setup();
    expect(await moves.moveTo(scheduled(), { day: "2027-03-14" })).toBe(false);
    expect(fake.called("move_schedule")).toEqual([]);
    expect(moves.failure?.code).toBe("schedule.past");
    expect(moves.failure?.message).toContain("2027-03-14 09:00 New York");
  });

  it("leaves items that can no longer move where they are", async () => {
    const { fake, moves } = setup();
    expect(await moves.moveTo(scheduled({ state: "claimed" }), { day: "2027-03-18" })).toBe(false);
    expect(await moves.moveTo(scheduled({ state: "handed" }), { day: "2027-03-18" })).toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it("keeps a fold's wall time for the dialog, and the engine's message", async () => {
    const fold = new BackendError({ code: "schedule.dst_fold", message: "01:30 happens twice in America/New_York" });
    const { moves } = setup(() => {
      throw fold;
    });
    const autumn = scheduled({ due_at: "2027-11-05T05:30:00Z", wall_time: "2027-11-05T01:30:00" });
    await moves.moveTo(autumn, { day: "2027-11-07" });
    expect(moves.failure?.message).toBe(fold.message);
    expect(moves.fold).toEqual({ item: autumn, at: "2027-11-07T01:30:00" });
    moves.dismiss();
    expect(moves.fold).toBeNull();
  });

  it("names the skipped hour of this computer's zone", async () => {
    const { fake, moves } = setup();
    const beijing = scheduled({ tz: "Asia/Shanghai", due_at: "2027-03-12T06:30:00Z" });
    await moves.moveTo(beijing, { day: "2027-03-14", hour: 2 });
    expect(fake.calls).toEqual([]);
    expect(moves.failure?.message).toBe("02:30 does not exist in New York on 2027-03-14 (clocks jump forward): pick another hour.");
  });
});
