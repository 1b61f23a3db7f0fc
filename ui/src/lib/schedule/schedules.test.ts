import { describe, expect, it, vi } from "vitest";
import { EVENT, type SchedulerStatus } from "../backend";
import { FakeBackend } from "../backend/fake";
import { scheduled } from "./fixtures";
import { Schedules } from "./schedules.svelte";

const status: SchedulerStatus = {
  last_run_at: "2027-03-16T12:59:50Z",
  last_run_by: "app",
  running: true,
  next: null,
  pending: 1,
  held: 1,
  catch_up_minutes: 15,
};

function backend(items = [scheduled()]) {
  return new FakeBackend({
    scheduler_status: () => status,
    list_schedules: () => items,
    cancel_schedule: ({ id }) => scheduled({ id, state: "cancelled" }),
  });
}

describe("Schedules", () => {
  it("sorts items into held, upcoming and past", async () => {
    const schedules = new Schedules(
      backend([
        scheduled({ id: "up" }),
        scheduled({ id: "held", state: "held" }),
        scheduled({ id: "old", state: "handed", due_at: "2027-03-01T00:00:00Z" }),
        scheduled({ id: "newer", state: "failed", due_at: "2027-03-02T00:00:00Z" }),
      ]),
    );
    await schedules.refresh();
    expect(schedules.held.map((s) => s.id)).toEqual(["held"]);
    expect(schedules.upcoming.map((s) => s.id)).toEqual(["up"]);
    expect(schedules.past.map((s) => s.id)).toEqual(["newer", "old"]);
    expect(schedules.ofDraft("d1").map((s) => s.id)).toEqual(["up"]);
    expect(schedules.ofDraft(null)).toEqual([]);
  });

  it("asks for the last two weeks and reads again after a change", async () => {
    const fake = backend();
    const schedules = new Schedules(fake);
    await schedules.cancel("s1");
    expect(fake.called("cancel_schedule")).toEqual([{ id: "s1" }]);
    const [asked] = fake.called("list_schedules");
    const from = new Date(asked.filter.from!).getTime();
    expect(Date.now() - from).toBeGreaterThan(13 * 86_400_000);
    expect(fake.called("scheduler_status")).toHaveLength(1);
  });

  it("reads again when the scheduler or a finished job reports, and stops when told", async () => {
    const fake = backend();
    const schedules = new Schedules(fake);
    const stop = await schedules.start();
    expect(fake.called("list_schedules")).toHaveLength(1);
    fake.emit(EVENT.schedule, { kind: "held", schedule_id: "s1" });
    await vi.waitFor(() => expect(fake.called("list_schedules")).toHaveLength(2));
    stop();
    expect(fake.listening(EVENT.schedule)).toBe(0);
    expect(fake.listening(EVENT.publish)).toBe(0);
  });

  it("keeps a failed read as the failure, with the engine's code", async () => {
    const fake = new FakeBackend({});
    const schedules = new Schedules(fake);
    await schedules.refresh();
    expect(schedules.failure?.code).toBe("app.unexpected");
    expect(schedules.loaded).toBe(true);
  });
});
