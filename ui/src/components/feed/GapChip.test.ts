// A timeline's gap on its source chip: "Load" asks the shell for the next part and says what it
// brought (the list and the sources read again), "Dismiss" forgets it, and a gap recorded
// before gaps could be loaded offers only "Dismiss".
import { describe, expect, it } from "vitest";
import type { FeedGap, FeedSource } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { Feed } from "../../lib/feed/feed.svelte";
import { source } from "../../lib/feed/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import GapChip from "./GapChip.svelte";

const gap = (over: Partial<FeedGap> = {}): FeedGap => ({
  id: 5,
  newer_than: "2026-12-05T08:00:00Z",
  older_than: "2026-12-05T09:00:00Z",
  loadable: true,
  ...over,
});

const timeline = (gaps: FeedGap[]): FeedSource =>
  source({ id: "s2", kind: "account", network: "mastodon", account_id: "a1", gaps });

const button = (host: HTMLElement, id: string) => host.querySelector<HTMLButtonElement>(`[data-testid=${id}]`);

describe("GapChip", () => {
  it("loads the newest gap and says how much came and that more is missing", async () => {
    setLocalePreference("en");
    const fake = new FakeBackend({
      load_feed_gap: ({ gapId }) => ({ gap_id: gapId, source_id: "s2", new_items: 3, closed: false }),
      list_feed_sources: () => [timeline([gap({ older_than: "2026-12-05T08:30:00Z" })])],
      list_feed_items: () => [],
    });
    const host = show(GapChip, fake, { source: timeline([gap(), gap({ id: 4 })]), feed: new Feed(fake) });
    expect(host.querySelector("[data-testid=feed-source-gap]")?.textContent).toContain("2 gap(s)");
    button(host, "feed-gap-load")!.click();
    await settle();
    expect(fake.called("load_feed_gap")).toEqual([{ gapId: 5 }]);
    // The list and the sources are read again, so the loaded posts and the smaller gap show.
    expect(fake.called("list_feed_sources")).toHaveLength(1);
    expect(fake.called("list_feed_items")).toHaveLength(1);
    expect(host.querySelector("[data-testid=feed-gap-said]")?.textContent).toBe(
      "3 post(s) loaded; more are missing, load again",
    );
  });

  it("offers only Dismiss for a gap it cannot load, and forgets it", async () => {
    setLocalePreference("zh-Hans");
    const fake = new FakeBackend({
      forget_feed_gap: () => undefined,
      list_feed_sources: () => [timeline([])],
    });
    const host = show(GapChip, fake, { source: timeline([gap({ loadable: false })]), feed: new Feed(fake) });
    expect(button(host, "feed-gap-load")).toBeNull();
    button(host, "feed-gap-forget")!.click();
    await settle();
    expect(fake.called("forget_feed_gap")).toEqual([{ gapId: 5 }]);
    expect(host.querySelector("[data-testid=feed-gap-said]")?.textContent).toBe("已忽略缺口");
  });

  it("says why a load failed", async () => {
    setLocalePreference("en");
    const fake = new FakeBackend({
      load_feed_gap: () => {
        throw { code: "feed.gap_failed", message: "loading gap 5 failed: mastodon: server error 502" };
      },
    });
    const host = show(GapChip, fake, { source: timeline([gap()]), feed: new Feed(fake) });
    button(host, "feed-gap-load")!.click();
    await settle();
    const said = host.querySelector("[data-testid=feed-gap-said]")!;
    expect(said.textContent).toContain("server error 502");
    expect(said.classList.contains("failed")).toBe(true);
    expect(button(host, "feed-gap-load")!.disabled).toBe(false);
  });
});
