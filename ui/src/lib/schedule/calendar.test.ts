import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  byDay,
  daysBetween,
  formatDay,
  formatSpan,
  hourRange,
  instantsOf,
  monthGrid,
  offsetMinutes,
  shiftWall,
  slotIn,
  todayIn,
  wallAt,
  weekOf,
  weekStart,
} from "./calendar";

const iso = (ms: number) => new Date(ms).toISOString();

describe("civil days", () => {
  it("starts weeks on Monday, whatever the day", () => {
    expect(weekStart("2027-03-15")).toBe("2027-03-15");
    expect(weekStart("2027-03-21")).toBe("2027-03-15");
    // New York springs forward on Sunday 14 March: still seven whole days.
    expect(weekOf("2027-03-14")).toEqual([
      "2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13", "2027-03-14",
    ]);
  });

  it("counts days across month, year and DST boundaries", () => {
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2027-03-13", "2027-03-15")).toBe(2);
    expect(daysBetween("2027-11-08", "2027-11-06")).toBe(-2);
  });

  it("lays a month out as six weeks from the Monday before the 1st", () => {
    const august = monthGrid("2027-08-19"); // 1 August 2027 is a Sunday
    expect(august).toHaveLength(42);
    expect(august[0]).toBe("2027-07-26");
    expect(august[6]).toBe("2027-08-01");
    expect(august[41]).toBe("2027-09-05");
    expect(monthGrid("2027-03-31")[0]).toBe("2027-03-01"); // a Monday
  });

  it("steps whole months from any day", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-01");
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-01");
    expect(addMonths("2027-03-16", 0)).toBe("2027-03-01");
  });

  it("shifts a wall time by days without touching the time", () => {
    expect(shiftWall("2027-03-16T09:00:00", 2)).toBe("2027-03-18T09:00:00");
    expect(shiftWall("2027-03-01T09:00", -1)).toBe("2027-02-28T09:00");
  });

  it("shows a working day, stretched to the hours that have items", () => {
    expect(hourRange([])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(hourRange([6, 22])[0]).toBe(5);
    expect(hourRange([6, 22]).at(-1)).toBe(23); // an hour after the last item, to drag it to
    expect(hourRange([21]).at(-1)).toBe(22);
    expect(hourRange([0, 23])).toHaveLength(24);
    expect(hourRange([10])[0]).toBe(8);
  });
});

describe("zones on the calendar", () => {
  it("puts an instant on each zone's own day and hour (CJK zones)", () => {
    expect(slotIn("2027-03-16T20:00:00Z", "Asia/Shanghai")).toEqual({ day: "2027-03-17", hour: 4, minute: 0 });
    expect(slotIn("2027-03-16T20:00:00Z", "Asia/Tokyo")).toEqual({ day: "2027-03-17", hour: 5, minute: 0 });
    expect(slotIn("2027-03-16T20:00:00Z", "America/New_York")).toEqual({ day: "2027-03-16", hour: 16, minute: 0 });
    expect(todayIn("Asia/Taipei", new Date("2027-03-16T16:30:00Z"))).toBe("2027-03-17");
  });

  it("groups items by their day in a zone, soonest first", () => {
    const items = [
      { id: "late", due_at: "2027-03-16T20:00:00Z" },
      { id: "early", due_at: "2027-03-16T01:00:00Z" },
      { id: "noon", due_at: "2027-03-16T04:00:00Z" },
    ];
    const inBeijing = byDay(items, "Asia/Shanghai");
    expect([...inBeijing.keys()]).toEqual(["2027-03-16", "2027-03-17"]);
    expect(inBeijing.get("2027-03-16")?.map((i) => i.id)).toEqual(["early", "noon"]);
    expect([...byDay(items, "America/New_York").keys()]).toEqual(["2027-03-15", "2027-03-16"]);
  });

  it("knows each zone's offset on both sides of a change", () => {
    expect(offsetMinutes(Date.parse("2027-03-14T06:59:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutes(Date.parse("2027-03-14T07:00:00Z"), "America/New_York")).toBe(-240);
    expect(offsetMinutes(Date.parse("2027-06-01T00:00:00Z"), "Asia/Shanghai")).toBe(480);
  });

  it("New York 2027-03-14: 02:30 does not exist, the hours around it do", () => {
    expect(instantsOf("2027-03-14T02:30", "America/New_York")).toEqual([]);
    expect(instantsOf("2027-03-14T01:30", "America/New_York").map(iso)).toEqual(["2027-03-14T06:30:00.000Z"]);
    expect(instantsOf("2027-03-14T03:30:00", "America/New_York").map(iso)).toEqual(["2027-03-14T07:30:00.000Z"]);
  });

  it("New York 2027-11-07: 01:30 happens twice, EDT first", () => {
    const both = instantsOf("2027-11-07T01:30", "America/New_York");
    expect(both.map(iso)).toEqual(["2027-11-07T05:30:00.000Z", "2027-11-07T06:30:00.000Z"]);
    expect(both.map((at) => wallAt(at, "America/New_York"))).toEqual([
      "2027-11-07T01:30-04:00",
      "2027-11-07T01:30-05:00",
    ]);
    expect(instantsOf("2027-11-07T01:30-05:00", "America/New_York").map(iso)).toEqual(["2027-11-07T06:30:00.000Z"]);
  });

  it("London: a gap on 28 March, a fold on 31 October", () => {
    expect(instantsOf("2027-03-28T01:30", "Europe/London")).toEqual([]);
    expect(instantsOf("2027-10-31T01:30", "Europe/London").map(iso)).toEqual([
      "2027-10-31T00:30:00.000Z",
      "2027-10-31T01:30:00.000Z",
    ]);
  });

  it("Sydney: the southern hemisphere folds in April and skips in October", () => {
    expect(instantsOf("2027-04-04T02:30", "Australia/Sydney").map(iso)).toEqual([
      "2027-04-03T15:30:00.000Z",
      "2027-04-03T16:30:00.000Z",
    ]);
    expect(instantsOf("2027-10-03T02:30", "Australia/Sydney")).toEqual([]);
  });

  it("a zone without DST names one instant, and UTC is its own offset", () => {
    expect(instantsOf("2027-03-16T21:00", "Asia/Shanghai").map(iso)).toEqual(["2027-03-16T13:00:00.000Z"]);
    expect(wallAt(Date.parse("2027-03-16T13:00:00Z"), "Asia/Taipei")).toBe("2027-03-16T21:00+08:00");
    expect(wallAt(Date.parse("2027-03-16T13:00:00Z"), "UTC")).toBe("2027-03-16T13:00+00:00");
    expect(instantsOf("not a time", "UTC")).toEqual([]);
  });
});

describe("labels", () => {
  it("writes civil days in the UI's language, never shifted by the computer's zone", () => {
    expect(formatDay("2027-03-01", "en", { year: "numeric", month: "long" })).toBe("March 2027");
    expect(formatDay("2027-03-15", "zh-Hans", { month: "long", day: "numeric" })).toBe("3月15日");
    expect(formatSpan("2027-03-15", "2027-03-21", "en")).toMatch(/15\D+21/);
  });
});
