import { describe, expect, it } from "vitest";
import { Coalescer } from "./coalesce";

/** A request the test answers by hand, to order completions exactly. */
function manual() {
  const asked: string[] = [];
  const pending: { query: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const run = (query: string) =>
    new Promise<string>((resolve, reject) => {
      asked.push(query);
      pending.push({ query, resolve, reject });
    });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { asked, pending, run, settle };
}

describe("Coalescer", () => {
  it("keeps one request in flight and runs only the latest text after it", async () => {
    const m = manual();
    const shown: string[] = [];
    const c = new Coalescer(m.run, { onResult: (r) => shown.push(r) });
    c.ask("你");
    c.ask("你好");
    c.ask("你好，");
    c.ask("你好，世界");
    expect(m.asked).toEqual(["你"]);
    expect(c.busy).toBe(true);

    m.pending[0].resolve("hints for 你");
    await m.settle();
    // The first answer is stale (the text moved on), so it is not shown.
    expect(shown).toEqual([]);
    expect(m.asked).toEqual(["你", "你好，世界"]);

    m.pending[1].resolve("hints for 你好，世界");
    await m.settle();
    expect(shown).toEqual(["hints for 你好，世界"]);
    expect(c.busy).toBe(false);
  });

  it("answers a lone ask at once and passes the query along", async () => {
    const m = manual();
    const got: [string, string][] = [];
    const c = new Coalescer(m.run, { onResult: (r, q) => got.push([r, q]) });
    c.ask("hello");
    m.pending[0].resolve("H");
    await m.settle();
    expect(got).toEqual([["H", "hello"]]);
    c.ask("hello!");
    expect(m.asked).toEqual(["hello", "hello!"]);
  });

  it("reports a failure of the latest request and keeps working after it", async () => {
    const m = manual();
    const errors: unknown[] = [];
    const shown: string[] = [];
    const c = new Coalescer(m.run, {
      onResult: (r) => shown.push(r),
      onError: (e) => errors.push(e),
    });
    c.ask("a");
    m.pending[0].reject({ code: "internal", message: "boom" });
    await m.settle();
    expect(errors).toEqual([{ code: "internal", message: "boom" }]);
    c.ask("b");
    m.pending[1].resolve("B");
    await m.settle();
    expect(shown).toEqual(["B"]);
  });

  it("delivers nothing after dispose", async () => {
    const m = manual();
    const shown: string[] = [];
    const c = new Coalescer(m.run, { onResult: (r) => shown.push(r) });
    c.ask("a");
    c.dispose();
    c.ask("b");
    m.pending[0].resolve("A");
    await m.settle();
    expect(shown).toEqual([]);
    expect(m.asked).toEqual(["a"]);
  });
});
