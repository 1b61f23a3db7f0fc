import { describe, expect, it, vi } from "vitest";
import { EVENT } from "./index";
import { onCloseRequested } from "./close";
import { FakeBackend } from "./fake";

describe("onCloseRequested", () => {
  it("runs the last save, then lets the shell close the window", async () => {
    const fake = new FakeBackend({ close_main_window: () => undefined });
    const order: string[] = [];
    await onCloseRequested(fake, async () => {
      order.push(`save (closed: ${fake.called("close_main_window").length})`);
    });
    fake.emit(EVENT.closeRequested, null);
    await vi.waitFor(() => expect(fake.called("close_main_window")).toHaveLength(1));
    expect(order).toEqual(["save (closed: 0)"]);
  });

  it("keeps the window open when the last save fails, so the text is not closed over", async () => {
    const fake = new FakeBackend({ close_main_window: () => undefined, keep_main_window_open: () => undefined });
    await onCloseRequested(fake, async () => {
      throw new Error("the database is locked");
    });
    fake.emit(EVENT.closeRequested, null);
    await vi.waitFor(() => expect(fake.called("keep_main_window_open")).toHaveLength(1));
    expect(fake.called("close_main_window")).toHaveLength(0);
  });
});
