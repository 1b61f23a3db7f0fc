import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveState } from "./autosave";

/** A save whose completion the test controls. */
function controlledSave() {
  const calls: { value: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => calls.push({ value, resolve, reject }));
  return { calls, save };
}

describe("Autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once typing pauses, with only the latest text", async () => {
    const { calls, save } = controlledSave();
    const states: SaveState["kind"][] = [];
    const autosave = new Autosave<string>({ save, onState: (s) => states.push(s.kind) });
    autosave.change("h");
    autosave.change("hi");
    await vi.advanceTimersByTimeAsync(249);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(["hi"]);
    calls[0].resolve();
    await vi.runAllTimersAsync();
    expect(autosave.state.kind).toBe("saved");
    expect(states).toEqual(["pending", "pending", "saving", "saved"]);
  });

  it("never lets continuous typing wait more than 500 ms", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    let text = "";
    for (let ms = 0; ms < 500; ms += 100) {
      text += "字";
      autosave.change(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls.map((c) => c.value)).toEqual(["字字字字字"]);
  });

  it("does not overlap saves and saves edits made during a save right after it", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    autosave.change("one");
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
    autosave.change("one two");
    autosave.change("one two three");
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(1); // still waiting for the first
    calls[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(["one", "one two three"]);
    calls[1].resolve();
    await vi.runAllTimersAsync();
    expect(autosave.state.kind).toBe("saved");
    expect(autosave.dirty).toBe(false);
  });

  it("keeps a failed value pending, reports the error and retries it", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    autosave.change("渡口 👩‍👩‍👧");
    await vi.advanceTimersByTimeAsync(500);
    calls[0].reject({ code: "db.locked", message: "locked" });
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.state).toEqual({ kind: "error", error: { code: "db.locked", message: "locked" } });
    expect(autosave.dirty).toBe(true);
    const retried = autosave.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(["渡口 👩‍👩‍👧", "渡口 👩‍👩‍👧"]);
    calls[1].resolve();
    await retried;
    expect(autosave.state.kind).toBe("saved");
  });

  it("a failed save does not overwrite a newer edit made meanwhile", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    autosave.change("old");
    await vi.advanceTimersByTimeAsync(500);
    autosave.change("new");
    calls[0].reject(new Error("disk full"));
    await vi.advanceTimersByTimeAsync(0);
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(["old", "new"]);
    calls[1].resolve();
    await flushed;
    expect(autosave.dirty).toBe(false);
  });

  it("tries a failed save again by itself every 5 s until it goes through", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    autosave.change("渡口的灯还亮着");
    await vi.advanceTimersByTimeAsync(500);
    calls[0].reject(new Error("db.disk_full"));
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(1);
    expect(autosave.state.kind).toBe("error");
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(["渡口的灯还亮着", "渡口的灯还亮着"]);
    calls[1].reject(new Error("db.disk_full"));
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(3);
    calls[2].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.state.kind).toBe("saved");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3); // nothing more once saved
  });

  it("flush saves at once and waits for the save in flight", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    autosave.change("a");
    let done = false;
    const flushed = autosave.flush().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(["a"]);
    expect(done).toBe(false);
    calls[0].resolve();
    await flushed;
    expect(done).toBe(true);
  });

  it("flush resolves when a save fails, leaving the error visible", async () => {
    const { calls, save } = controlledSave();
    const autosave = new Autosave<string>({ save });
    autosave.change("a");
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    calls[0].reject(new Error("nope"));
    await flushed;
    expect(autosave.state.kind).toBe("error");
  });
});
