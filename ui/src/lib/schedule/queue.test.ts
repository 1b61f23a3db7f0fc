import { describe, expect, it } from "vitest";
import { BackendError, type QueueSlot } from "../backend";
import { FakeBackend } from "../backend/fake";
import { QueueSettings } from "./queue.svelte";

const slot = (id: string, account_id: string): QueueSlot => ({ id, account_id, day: "mon", time: "09:00", tz: "America/New_York" });

describe("QueueSettings", () => {
  it("adds a slot in the account's audience zone and reads the slots back", async () => {
    const slots = [slot("s1", "a1")];
    const fake = new FakeBackend({
      account_zones: () => [{ accountId: "a1", tz: "America/New_York", serverSchedule: null }],
      list_slots: () => slots,
      add_slot: (args) => {
        const added = { ...slot("s2", args.accountId), day: args.day, time: args.time, tz: args.tz ?? "UTC" };
        slots.push(added);
        return added;
      },
    });
    const queue = new QueueSettings(fake);
    await queue.load(15);
    await queue.addSlot("a1", "fri", "20:00");
    expect(fake.called("add_slot")).toEqual([{ accountId: "a1", day: "fri", time: "20:00", tz: "America/New_York" }]);
    expect(queue.slotsOf("a1").map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(queue.slotsOf("other")).toEqual([]);
  });

  it("keeps the engine's refusal of a zone, and the stored zone otherwise", async () => {
    const fake = new FakeBackend({
      account_zones: () => [{ accountId: "a1", tz: "Asia/Shanghai", serverSchedule: null }],
      list_slots: () => [],
      set_account_zone: ({ tz }) => {
        if (tz === "Mars/Olympus") throw new BackendError({ code: "schedule.unknown_zone", message: "unknown time zone" });
        return tz ?? "Asia/Shanghai";
      },
    });
    const queue = new QueueSettings(fake);
    await queue.load(15);
    await queue.setZone("a1", "Mars/Olympus");
    expect(queue.failure?.code).toBe("schedule.unknown_zone");
    expect(queue.zoneOf("a1")).toBe("Asia/Shanghai");
    await queue.setZone("a1", "America/Vancouver");
    expect(queue.zoneOf("a1")).toBe("America/Vancouver");
    expect(queue.failure).toBeNull();
  });

  it("turns a Mastodon account's server schedule off, and only Mastodon accounts have the switch", async () => {
    const fake = new FakeBackend({
      account_zones: () => [
        { accountId: "m1", tz: "America/New_York", serverSchedule: true },
        { accountId: "b1", tz: "Asia/Shanghai", serverSchedule: null },
      ],
      list_slots: () => [],
      set_server_schedule: () => undefined,
    });
    const queue = new QueueSettings(fake);
    await queue.load(15);
    expect(queue.serverScheduleOf("m1")).toBe(true);
    expect(queue.serverScheduleOf("b1")).toBeNull();
    await queue.setServerSchedule("m1", false);
    expect(fake.called("set_server_schedule")).toEqual([{ accountId: "m1", on: false }]);
    expect(queue.serverScheduleOf("m1")).toBe(false);
    expect(queue.failure).toBeNull();
  });
});
