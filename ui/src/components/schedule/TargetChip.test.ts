// A target of a waiting item says who sends it at its time: its Mastodon server (Mastodon's own
// schedule, which posts while Ferry is closed) or Ferry, which must then be running.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { ScheduleTarget } from "../../lib/backend";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { scheduled } from "../../lib/schedule/fixtures";
import TargetChip from "./TargetChip.svelte";

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

function keeperOf(fields: Partial<ScheduleTarget>, locale: "en" | "zh-Hans" = "en"): HTMLElement | null {
  setLocalePreference(locale);
  const item = scheduled();
  const target = { ...item.targets[0], ...fields };
  const host = document.body.appendChild(document.createElement("div"));
  mounted.push(mount(TargetChip, { target: host, props: { target, item } }));
  flushSync();
  return host.querySelector("[data-testid=target-keeper]");
}

const copy = (state: "kept" | "creating" | "posted" | "withdrawn" | "refused") => ({
  state,
  due_at: "2027-03-16T13:00:00Z",
  status_url: state === "posted" ? "https://mastodon.example/@me/1" : null,
  reason: null,
});

describe("TargetChip", () => {
  it("says a Mastodon target is kept by its server and needs nothing running", () => {
    const keeper = keeperOf({ network: "mastodon", server_copy: copy("kept"), needs_ferry: false });
    expect(keeper?.dataset.keeper).toBe("kept");
    expect(keeper?.textContent).toBe("kept by its server");
  });

  it("says a target Ferry sends needs Ferry running, also after its server refused it", () => {
    expect(keeperOf({ needs_ferry: true })?.textContent).toBe("needs Ferry running");
    const refused = keeperOf({ network: "mastodon", server_copy: copy("refused"), needs_ferry: true });
    expect(refused?.dataset.keeper).toBe("needsFerry");
  });

  it("shows why its server refused it, in the row", () => {
    const reason = { code: "server_limit", message: "25 scheduled posts a day on mastodon.example" };
    keeperOf({ network: "mastodon", server_copy: { ...copy("refused"), reason }, needs_ferry: true });
    const shown = document.querySelector("[data-testid=server-copy-reason]");
    expect(shown?.textContent).toBe("its server would not keep it: 25 scheduled posts a day on mastodon.example");
    document.body.innerHTML = "";
    keeperOf({ network: "mastodon", server_copy: { ...copy("kept"), reason }, needs_ferry: false });
    expect(document.querySelector("[data-testid=server-copy-reason]")).toBeNull();
  });

  it("speaks the UI's language, and says nothing extra once the post is out", () => {
    expect(keeperOf({ server_copy: copy("creating"), needs_ferry: false }, "zh-Hans")?.textContent).toBe("正在交给服务器…");
    expect(keeperOf({ server_copy: copy("posted"), needs_ferry: false, state: "posted" })).toBeNull();
    expect(keeperOf({ needs_ferry: false })).toBeNull();
  });
});
