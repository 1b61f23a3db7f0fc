import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Hints } from "../backend";
import { LiveHints } from "./live.svelte";

const answer = (text: string) => ({ text, warnings: [] }) as unknown as Hints;

describe("LiveHints with a typing pause", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks at once the first time, then only when typing pauses, for the latest text", async () => {
    const asked: string[] = [];
    const live = new LiveHints(
      async (q: { text: string }) => {
        asked.push(q.text);
        return answer(q.text);
      },
      undefined,
      { pauseMs: 200 },
    );
    live.ask({ text: "你" });
    expect(asked).toEqual(["你"]);
    await vi.advanceTimersByTimeAsync(0);
    for (const text of ["你好", "你好，", "你好，渡"]) {
      live.ask({ text });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(asked).toEqual(["你"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(asked).toEqual(["你", "你好，渡"]);
    expect(live.shown?.query.text).toBe("你好，渡");
    live.ask({ text: "gone" });
    live.dispose();
    await vi.advanceTimersByTimeAsync(500);
    expect(asked).toEqual(["你", "你好，渡"]);
  });

  it("asks on every change without a pause (the feed's panel)", async () => {
    const asked: string[] = [];
    const live = new LiveHints(async (q: { text: string }) => {
      asked.push(q.text);
      return answer(q.text);
    });
    live.ask({ text: "a" });
    await vi.advanceTimersByTimeAsync(0);
    live.ask({ text: "b" });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual(["a", "b"]);
  });
});
