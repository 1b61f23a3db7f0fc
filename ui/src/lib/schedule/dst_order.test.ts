// Clock changes between now and a scheduled instant, with the real 2027 transitions: New York
// 14 Mar / 7 Nov, London 28 Mar / 31 Oct, Sydney 4 Apr / 3 Oct, Beijing none.
import { beforeEach, describe, expect, it } from "vitest";
import { setLocalePreference } from "../i18n/index.svelte";
import { clockNoteText, orderNoteText } from "./dst_notes";
import { clockNote, lastChange, offsetAt, orderChanges } from "./dst_order";
import { queued } from "./fixtures";

const NY = "America/New_York";
const BJ = "Asia/Shanghai";
const LDN = "Europe/London";
const SYD = "Australia/Sydney";
const at = (iso: string) => Date.parse(iso);

beforeEach(() => setLocalePreference("en"));

describe("offsets and clock changes", () => {
  it("reads each zone's offset on either side of its change", () => {
    expect([offsetAt(at("2027-01-10T12:00:00Z"), NY), offsetAt(at("2027-07-10T12:00:00Z"), NY)]).toEqual([-300, -240]);
    expect([offsetAt(at("2027-01-10T12:00:00Z"), LDN), offsetAt(at("2027-07-10T12:00:00Z"), LDN)]).toEqual([0, 60]);
    expect([offsetAt(at("2027-01-10T12:00:00Z"), SYD), offsetAt(at("2027-07-10T12:00:00Z"), SYD)]).toEqual([660, 600]);
    expect(offsetAt(at("2027-07-10T12:00:00Z"), BJ)).toBe(480);
  });

  it.each([
    [NY, "2027-02-01", "2027-04-01", "2027-03-14T07:00:00.000Z", -300, -240],
    [NY, "2027-10-01", "2027-12-01", "2027-11-07T06:00:00.000Z", -240, -300],
    [LDN, "2027-02-01", "2027-04-01", "2027-03-28T01:00:00.000Z", 0, 60],
    [LDN, "2027-10-01", "2027-12-01", "2027-10-31T01:00:00.000Z", 60, 0],
    [SYD, "2027-03-01", "2027-05-01", "2027-04-03T16:00:00.000Z", 660, 600],
    [SYD, "2027-09-01", "2027-11-01", "2027-10-02T16:00:00.000Z", 600, 660],
  ])("finds %s's change between %s and %s to the minute", (tz, from, to, when, before, after) => {
    expect(lastChange(tz, at(`${from}T00:00:00Z`), at(`${to}T00:00:00Z`))).toEqual({ tz, at: when, from: before, to: after });
  });

  it("sees no change in Beijing, nor in New York when spring and autumn cancel out", () => {
    expect(lastChange(BJ, at("2027-01-01T00:00:00Z"), at("2027-12-31T00:00:00Z"))).toBeNull();
    expect(lastChange(NY, at("2027-02-01T00:00:00Z"), at("2027-12-01T00:00:00Z"))).toBeNull();
    // Across a year and a half: the last change (12 Mar 2028), not the first.
    expect(lastChange(NY, at("2027-02-01T00:00:00Z"), at("2028-04-01T00:00:00Z"))?.at).toBe("2028-03-12T07:00:00.000Z");
  });
});

describe("the picker's note", () => {
  const winter = at("2027-02-01T12:00:00Z");

  it("says New York's change moves 09:00 New York from 22:00 to 21:00 Beijing", () => {
    // Tuesday 16 March, 09:00 EDT = 13:00 UTC.
    const note = clockNote("2027-03-16T13:00:00Z", [NY, BJ], winter)!;
    expect(note.change).toMatchObject({ tz: NY, at: "2027-03-14T07:00:00.000Z", from: -300, to: -240 });
    expect(note.here).toEqual({ tz: NY, clock: "09:00" });
    expect(note.there).toEqual({ tz: BJ, clock: "21:00", today: "22:00" });
    expect(clockNoteText(note, "en")).toBe(
      "New York changes clocks on Sun, Mar 14 (-05:00 → -04:00): then 09:00 New York is 21:00 Beijing, not 22:00 as today.",
    );
    setLocalePreference("zh-Hans");
    expect(clockNoteText(note, "zh-Hans")).toContain("纽约将于3月14日周日调整时钟（-05:00 → -04:00）");
  });

  it("reads from the picked zone even when another zone is the one that changes", () => {
    const note = clockNote("2027-03-16T13:00:00Z", [BJ, NY], winter)!;
    expect(note.change.tz).toBe(NY);
    expect(note.here).toEqual({ tz: BJ, clock: "21:00" });
    expect(note.there).toEqual({ tz: NY, clock: "09:00", today: "08:00" });
  });

  it("is silent before the change, without a second zone, and when zones change together", () => {
    expect(clockNote("2027-03-09T14:00:00Z", [NY, BJ], winter)).toBeNull();
    expect(clockNote("2027-03-16T13:00:00Z", [NY], winter)).toBeNull();
    expect(clockNote("2027-03-16T13:00:00Z", [NY, "America/Toronto"], winter)).toBeNull();
    // In April New York and London have both sprung forward: their gap is today's again.
    expect(clockNote("2027-04-05T12:00:00Z", [LDN, NY], at("2027-03-01T12:00:00Z"))).toBeNull();
    // A zone still being typed is left out rather than failing.
    expect(clockNote("2027-03-16T13:00:00Z", [NY, "Asia/Shang"], winter)).toBeNull();
  });

  it("names London's change when it and Sydney move in opposite directions", () => {
    // Mid-September: London +01:00, Sydney +10:00 (9 h). 2 November: +00:00 and +11:00 (11 h).
    const note = clockNote("2027-11-02T00:00:00Z", [LDN, SYD], at("2027-09-15T00:00:00Z"))!;
    expect(note.change).toMatchObject({ tz: LDN, at: "2027-10-31T01:00:00.000Z", from: 60, to: 0 });
    expect(note.there).toEqual({ tz: SYD, clock: "11:00", today: "09:00" });
  });
});

describe("the order of a draft's queued items", () => {
  // en.test at 09:00 New York and zh.test at 21:30 Beijing on the same Tuesday.
  const pair = (enDue: string, zhDue: string, day: string) => [
    queued("en.test", NY, `${day}T09:00:00`, enDue),
    queued("zh.test", BJ, `${day}T21:30:00`, zhDue),
  ];

  it("warns when New York's spring change puts English first", () => {
    // 16 March: 09:00 EDT = 13:00 UTC, before 21:30 Beijing = 13:30 UTC; in February 09:00 EST was 14:00 UTC.
    const items = pair("2027-03-16T13:00:00Z", "2027-03-16T13:30:00Z", "2027-03-16");
    const found = orderChanges(items, at("2027-02-01T12:00:00Z")).get("d1")!;
    expect(found.first.id).toBe("q-en.test");
    expect(found.second.id).toBe("q-zh.test");
    expect(found.changes).toEqual([{ tz: NY, at: "2027-03-14T07:00:00.000Z", from: -300, to: -240 }]);
    expect(orderNoteText(found, "en")).toBe(
      "Order changed by the clock change in New York: en.test (09:00 New York) now goes out before zh.test (21:30 Beijing).",
    );
  });

  it("warns when New York's autumn change puts Chinese first, and still names New York", () => {
    // 9 November: 09:00 EST = 14:00 UTC, after 21:30 Beijing; in June 09:00 EDT was 13:00 UTC.
    const items = pair("2027-11-09T14:00:00Z", "2027-11-09T13:30:00Z", "2027-11-09");
    const found = orderChanges(items, at("2027-06-01T12:00:00Z")).get("d1")!;
    expect(found.first.id).toBe("q-zh.test");
    expect(found.changes.map((c) => [c.tz, c.at])).toEqual([[NY, "2027-11-07T06:00:00.000Z"]]);
  });

  it("says nothing when the order is today's order", () => {
    // Same week as today (after the change), and a week before the change seen from February.
    expect(orderChanges(pair("2027-03-16T13:00:00Z", "2027-03-16T13:30:00Z", "2027-03-16"), at("2027-03-15T12:00:00Z")).size).toBe(0);
    expect(orderChanges(pair("2027-03-09T14:00:00Z", "2027-03-09T13:30:00Z", "2027-03-09"), at("2027-02-01T12:00:00Z")).size).toBe(0);
  });

  it("compares only pending items of the same draft", () => {
    const [en, zh] = pair("2027-03-16T13:00:00Z", "2027-03-16T13:30:00Z", "2027-03-16");
    const winter = at("2027-02-01T12:00:00Z");
    expect(orderChanges([en, { ...zh, state: "cancelled" }], winter).size).toBe(0);
    expect(orderChanges([en, { ...zh, draft_id: "d2" }], winter).size).toBe(0);
    expect(orderChanges([en, { ...zh, state: "held" }], winter).size).toBe(1);
  });

  it("names both zones when London and Sydney move in opposite directions", () => {
    // Today (15 Sep): 09:00 London = 08:00 UTC, before 19:30 Sydney = 09:30 UTC. On 2 November
    // 09:00 London = 09:00 UTC and 19:30 Sydney = 08:30 UTC: Sydney goes first.
    const items = [
      queued("london.test", LDN, "2027-11-02T09:00:00", "2027-11-02T09:00:00Z"),
      queued("sydney.test", SYD, "2027-11-02T19:30:00", "2027-11-02T08:30:00Z"),
    ];
    const found = orderChanges(items, at("2027-09-15T00:00:00Z")).get("d1")!;
    expect(found.first.id).toBe("q-sydney.test");
    expect(found.changes.map((c) => [c.tz, c.at])).toEqual([
      [SYD, "2027-10-02T16:00:00.000Z"],
      [LDN, "2027-10-31T01:00:00.000Z"],
    ]);
    expect(orderNoteText(found, "en")).toContain("in Sydney and London: sydney.test (19:30 Sydney)");
  });
});
