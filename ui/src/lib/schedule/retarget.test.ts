import { describe, expect, it } from "vitest";
import { scheduled } from "./fixtures";
import { isPast, planMove, stepSlot } from "./retarget";

// The fixture: 09:00 New York on Tuesday 16 March 2027 (13:00 UTC, 21:00 in Beijing).
const item = scheduled();
const NY = "America/New_York";
const BEIJING = "Asia/Shanghai";

describe("planMove: month (a day)", () => {
  it("keeps the item's own wall time and zone, whatever zone the calendar is in", () => {
    expect(planMove(item, { day: "2027-03-18" }, BEIJING)).toEqual({ kind: "move", at: "2027-03-18T09:00:00", tz: NY });
    expect(planMove(item, { day: "2027-03-16" }, BEIJING)).toEqual({ kind: "stay" });
  });

  it("keeps 09:00 New York across the DST change", () => {
    const winter = scheduled({ due_at: "2027-03-12T14:00:00Z", wall_time: "2027-03-12T09:00:00", utc_offset: "-05:00" });
    expect(planMove(winter, { day: "2027-03-15" }, NY)).toEqual({ kind: "move", at: "2027-03-15T09:00:00", tz: NY });
  });

  it("counts the days on this computer's calendar", () => {
    // 20:00 New York is already Wednesday in Beijing; Friday there is two days on.
    const evening = scheduled({ due_at: "2027-03-17T00:00:00Z", wall_time: "2027-03-16T20:00:00" });
    expect(planMove(evening, { day: "2027-03-19" }, BEIJING)).toMatchObject({ at: "2027-03-18T20:00:00" });
  });
});

describe("planMove: week (a day and an hour)", () => {
  it("in the item's own zone sends the wall time as it is, for the engine to check", () => {
    expect(planMove(item, { day: "2027-03-17", hour: 14 }, NY)).toEqual({ kind: "move", at: "2027-03-17T14:00", tz: NY });
    expect(planMove(item, { day: "2027-03-16", hour: 9 }, NY)).toEqual({ kind: "stay" });
  });

  it("converts an hour in this computer's zone to the item's zone, keeping the minutes", () => {
    const quarter = scheduled({ due_at: "2027-03-16T13:45:00Z", wall_time: "2027-03-16T09:45:00" });
    // 08:45 Thursday in Beijing is 20:45 Wednesday in New York.
    expect(planMove(quarter, { day: "2027-03-18", hour: 8 }, BEIJING)).toEqual({
      kind: "move",
      at: "2027-03-17T20:45-04:00",
      tz: NY,
    });
  });

  it("names the instant with its offset where the item's zone repeats the hour", () => {
    // 14:30 Beijing on 7 November is the second 01:30 in New York.
    const autumn = scheduled({ due_at: "2027-11-05T05:30:00Z", wall_time: "2027-11-05T01:30:00" });
    expect(planMove(autumn, { day: "2027-11-07", hour: 14 }, BEIJING)).toMatchObject({ at: "2027-11-07T01:30-05:00" });
  });

  it("refuses an hour this computer's zone skips, and takes the first of a repeated one", () => {
    const beijing = scheduled({ tz: BEIJING, due_at: "2027-03-12T06:30:00Z", wall_time: "2027-03-12T14:30:00" });
    expect(planMove(beijing, { day: "2027-03-14", hour: 2 }, NY)).toEqual({ kind: "gap", wall: "2027-03-14T02:30" });
    expect(planMove(beijing, { day: "2027-11-07", hour: 1 }, NY)).toEqual({
      kind: "move",
      at: "2027-11-07T13:30+08:00",
      tz: BEIJING,
    });
  });

  it("works between southern and northern DST (Sydney's calendar, a London item)", () => {
    const london = scheduled({ tz: "Europe/London", due_at: "2027-03-30T08:00:00Z", wall_time: "2027-03-30T09:00:00" });
    // 19:00 Sydney (AEDT, +11) on Wednesday 31 March is 09:00 in London (BST, +1).
    expect(planMove(london, { day: "2027-03-31", hour: 19 }, "Australia/Sydney")).toMatchObject({
      at: "2027-03-31T09:00+01:00",
    });
  });
});

describe("isPast", () => {
  it("refuses only what is over in every reading", () => {
    expect(isPast("2027-03-16T09:00", NY, new Date("2027-03-16T13:00:00Z"))).toBe(true);
    expect(isPast("2027-03-16T09:00", NY, new Date("2027-03-16T12:59:00Z"))).toBe(false);
    // A fold half over is still possible; a gap is the engine's to name.
    expect(isPast("2027-11-07T01:30", NY, new Date("2027-11-07T06:00:00Z"))).toBe(false);
    expect(isPast("2027-03-14T02:30", NY, new Date("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isPast("2027-03-16T21:00+08:00", BEIJING, new Date("2027-03-16T13:00:01Z"))).toBe(true);
  });
});

describe("stepSlot", () => {
  it("moves a day sideways, an hour (week) or a week (month) up and down", () => {
    expect(stepSlot(item, "ArrowRight", NY, true)).toEqual({ day: "2027-03-17", hour: 9 });
    expect(stepSlot(item, "ArrowUp", NY, true)).toEqual({ day: "2027-03-16", hour: 8 });
    expect(stepSlot(item, "ArrowDown", NY, false)).toEqual({ day: "2027-03-23", hour: undefined });
    expect(stepSlot(item, "Enter", NY, true)).toBeNull();
  });

  it("crosses midnight by the hour", () => {
    const late = scheduled({ due_at: "2027-03-16T15:30:00Z" }); // 23:30 Beijing
    expect(stepSlot(late, "ArrowDown", BEIJING, true)).toEqual({ day: "2027-03-17", hour: 0 });
    const early = scheduled({ due_at: "2027-03-16T16:30:00Z" }); // 00:30 Beijing
    expect(stepSlot(early, "ArrowUp", BEIJING, true)).toEqual({ day: "2027-03-16", hour: 23 });
  });
});
