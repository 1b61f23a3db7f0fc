import { describe, expect, it } from "vitest";
import { clockIn, dayKey, defaultWallTime, elsewhere, minutesLate, sideBySide, timeIn, zoneName } from "./zones";

describe("zones", () => {
  it("names zones the way each audience says them", () => {
    expect(zoneName("Asia/Shanghai", "zh-Hans")).toBe("北京");
    expect(zoneName("America/New_York", "zh-Hant")).toBe("紐約");
    expect(zoneName("America/Argentina/Buenos_Aires", "en")).toBe("Buenos Aires");
  });

  it("shows one instant in every audience's zone, each zone once", () => {
    // 13:00 UTC on Tuesday 16 March 2027: 09:00 in New York (EDT), 21:00 in Beijing.
    const line = sideBySide("2027-03-16T13:00:00Z", ["America/New_York", "Asia/Shanghai", "America/New_York"], "en");
    expect(line).toBe("Tue 09:00 New York · Tue 21:00 Beijing");
  });

  it("follows DST: the same UTC hour is a different New York hour a week earlier", () => {
    expect(timeIn("2027-03-09T13:00:00Z", "America/New_York", "en")).toBe("Tue 08:00");
    expect(timeIn("2027-03-16T13:00:00Z", "America/New_York", "en")).toBe("Tue 09:00");
  });

  it("groups by the calendar day in the zone, not in UTC", () => {
    expect(dayKey("2027-03-16T20:00:00Z", "Asia/Shanghai")).toBe("2027-03-17");
    expect(dayKey("2027-03-16T20:00:00Z", "America/New_York")).toBe("2027-03-16");
  });

  it("offers an hour from now on a quarter hour, in the chosen zone", () => {
    const now = new Date("2027-06-01T08:07:00Z");
    expect(defaultWallTime("Asia/Shanghai", now)).toEqual({ date: "2027-06-01", time: "17:15" });
    expect(defaultWallTime("America/Los_Angeles", now)).toEqual({ date: "2027-06-01", time: "02:15" });
  });

  it("counts lateness in whole minutes", () => {
    expect(minutesLate("2027-06-01T08:00:00Z", new Date("2027-06-01T08:42:30Z"))).toBe(42);
    expect(minutesLate("2027-06-01T09:00:00Z", new Date("2027-06-01T08:42:30Z"))).toBe(0);
  });

  it("names only the zones whose clock differs from this computer's, with the day when it differs", () => {
    // 13:00 UTC: 21:00 in Beijing and Taipei, 09:00 the same Tuesday in New York.
    const zones = ["Asia/Taipei", "America/New_York", "Asia/Shanghai"];
    expect(clockIn("2027-03-16T13:00:00Z", "Asia/Shanghai")).toBe("21:00");
    expect(elsewhere("2027-03-16T13:00:00Z", "Asia/Shanghai", zones, "zh-Hans")).toEqual(["09:00 纽约"]);
    // 02:00 UTC: Wednesday 10:00 in Beijing, still Tuesday 22:00 in New York.
    expect(elsewhere("2027-03-17T02:00:00Z", "Asia/Shanghai", zones, "en")).toEqual(["Tue 22:00 New York"]);
    expect(elsewhere("2027-03-17T02:00:00Z", "America/New_York", zones, "zh-Hant")).toEqual(["週三 10:00 臺北", "週三 10:00 北京"]);
  });
});
