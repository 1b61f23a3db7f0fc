import { describe, expect, it } from "vitest";
import { latestOnly } from "./latest";

/** A `run` whose calls the test answers by hand, in any order it likes. */
function manual<R>() {
  const calls: { arg: string; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  const run = (arg: string) =>
    new Promise<R>((resolve, reject) => calls.push({ arg, resolve, reject }));
  return { calls, run };
}

describe("latestOnly", () => {
  it("keeps one request in flight and only the newest input waiting", async () => {
    const { calls, run } = manual<number>();
    const seen: [number, string][] = [];
    const check = latestOnly(run, (r, arg) => seen.push([r, arg]));
    check.request("a");
    check.request("ab");
    check.request("abc");
    check.request("abcd");
    expect(calls.map((c) => c.arg)).toEqual(["a"]);

    calls[0].resolve(1);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r));
    expect(calls.map((c) => c.arg)).toEqual(["a", "abcd"]);
    calls[1].resolve(4);
    await check.settled();
    expect(seen).toEqual([
      [1, "a"],
      [4, "abcd"],
    ]);
  });

  it("returns at once, so input never waits on the round trip", async () => {
    // Ordered, not timed: every request returns (with nothing to await) while the first round
    // trip is still unanswered, and when it answers only the newest input goes next.
    const { calls, run } = manual<number>();
    const events: string[] = [];
    const check = latestOnly(run, (_r, arg) => events.push(`answer ${arg}`));
    for (let i = 0; i < 1000; i++) {
      expect(check.request(String(i))).toBeUndefined();
      events.push(`returned ${i}`);
    }
    expect(events).toEqual(Array.from({ length: 1000 }, (_, i) => `returned ${i}`));
    expect(calls.map((c) => c.arg)).toEqual(["0"]);

    calls[0].resolve(0);
    await new Promise((r) => setTimeout(r));
    expect(calls.map((c) => c.arg)).toEqual(["0", "999"]);
    calls[1].resolve(999);
    await check.settled();
    expect(events.slice(1000)).toEqual(["answer 0", "answer 999"]);
  });

  it("reports a failure and goes on with the next input", async () => {
    const { calls, run } = manual<number>();
    const errors: unknown[] = [];
    const seen: number[] = [];
    const check = latestOnly(run, (r) => seen.push(r), (e) => errors.push(e));
    check.request("x");
    check.request("xy");
    calls[0].reject({ code: "limits.invalid", message: "bad" });
    await new Promise((r) => setTimeout(r));
    calls[1].resolve(2);
    await check.settled();
    expect(errors).toEqual([{ code: "limits.invalid", message: "bad" }]);
    expect(seen).toEqual([2]);
  });

  it("ignores the answer in flight after cancel, but serves later requests", async () => {
    const { calls, run } = manual<number>();
    const seen: number[] = [];
    const check = latestOnly(run, (r) => seen.push(r));
    check.request("old");
    check.request("dropped");
    check.cancel();
    check.request("new");
    calls[0].resolve(1);
    await new Promise((r) => setTimeout(r));
    expect(calls.map((c) => c.arg)).toEqual(["old", "new"]);
    calls[1].resolve(2);
    await check.settled();
    expect(seen).toEqual([2]);
  });
});
