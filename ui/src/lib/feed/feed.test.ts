import { afterEach, describe, expect, it, vi } from "vitest";
import { EVENT } from "../backend";
import { FakeBackend } from "../backend/fake";
import { Feed, PAGE } from "./feed.svelte";
import { item, source } from "./fixtures";

function backend() {
  return new FakeBackend({
    list_feed_items: ({ search }) => (search === "日出" ? [item()] : [item(), item({ id: 2, title: "Dawn" })]),
    list_feed_sources: () => [source(), source({ id: "s2", health: null })],
    feed_settings: () => ({ retention: 1000, rsshub_base: null }),
    refresh_feeds: () => ({ sources: ["s1", "s2"], already_running: false }),
  });
}

afterEach(() => vi.useRealTimers());

describe("Feed", () => {
  it("reads items, sources and settings, then follows refresh events", async () => {
    const fake = backend();
    const feed = new Feed(fake);
    const stop = await feed.start();
    expect(feed.items).toHaveLength(2);
    expect(feed.sources).toHaveLength(2);
    expect(feed.settings?.retention).toBe(1000);
    expect(fake.called("list_feed_items")[0]).toEqual({ limit: PAGE, offset: 0, search: null, network: null, lang: null, source: null });
    expect(fake.listening(EVENT.feed)).toBe(1);
    stop();
    expect(fake.listening(EVENT.feed)).toBe(0);
  });

  it("searches once typing pauses", async () => {
    vi.useFakeTimers();
    const fake = backend();
    const feed = new Feed(fake);
    feed.setSearch("日");
    feed.setSearch("日出");
    await vi.runAllTimersAsync();
    expect(fake.called("list_feed_items")).toEqual([{ limit: PAGE, offset: 0, search: "日出", network: null, lang: null, source: null }]);
    expect(feed.items.map((i) => i.id)).toEqual([1]);
  });

  it("counts sources as they finish and updates their health on the way", async () => {
    const fake = backend();
    const feed = new Feed(fake);
    await feed.start();
    await feed.refresh();
    expect(feed.progress).toEqual({ total: 2, done: 0 });
    expect(fake.called("refresh_feeds")).toEqual([{ sourceId: null }]);

    fake.emit(EVENT.feed, { kind: "started", sources: ["s1", "s2"] });
    fake.emit(EVENT.feed, {
      kind: "source",
      source_id: "s2",
      report: {
        source_id: "s2",
        url: "http://127.0.0.1/limited.rss",
        health: { state: "rate_limited" },
        new_items: 0,
        error: "the feed answered HTTP 429",
        next_fetch_at: "2026-12-05T13:00:00Z",
      },
      error: null,
    });
    expect(feed.progress).toEqual({ total: 2, done: 1 });
    expect(feed.sources.find((s) => s.id === "s2")?.health).toEqual({ state: "rate_limited" });

    fake.emit(EVENT.feed, { kind: "finished", sources: 2, new_items: 5 });
    expect(feed.refreshing).toBe(false);
    expect(feed.note).toEqual({ kind: "done", sources: 2, newItems: 5 });
  });

  it("says when nothing was due or a refresh already runs", async () => {
    const fake = backend();
    const feed = new Feed(fake);
    fake.answer("refresh_feeds", () => ({ sources: [], already_running: false }));
    await feed.refresh();
    expect(feed.note).toEqual({ kind: "nothing_due" });
    fake.answer("refresh_feeds", () => ({ sources: [], already_running: true }));
    await feed.refresh();
    expect(feed.note).toEqual({ kind: "already_running" });
    expect(feed.refreshing).toBe(false);
  });

  it("is offline when the network is gone or every source was unreachable", async () => {
    const fake = backend();
    fake.answer("list_feed_sources", () => [source({ health: { state: "unreachable" } })]);
    const feed = new Feed(fake);
    await feed.start();
    expect(feed.offline).toBe(true);
    expect(feed.items).toHaveLength(2); // the cache still shows
    fake.answer("list_feed_sources", () => [source()]);
    await feed.readSources();
    expect(feed.offline).toBe(false);
    feed.online = false;
    expect(feed.offline).toBe(true);
  });

  it("adds a creator through RSSHub and reads the remembered address back", async () => {
    const fake = backend();
    fake.answer("add_feed_creator", ({ base }) => source({ id: "s3", kind: "rsshub", url: `${base}/weibo/user/1195230310` }));
    fake.answer("feed_settings", () => ({ retention: 1000, rsshub_base: "https://hub.example.org" }));
    const feed = new Feed(fake);
    await feed.addCreator("https://hub.example.org", "weibo", "https://weibo.com/u/1195230310");
    expect(fake.called("add_feed_creator")).toEqual([
      { base: "https://hub.example.org", platform: "weibo", user: "https://weibo.com/u/1195230310" },
    ]);
    expect(feed.settings?.rsshub_base).toBe("https://hub.example.org");
  });
});

describe("Feed, when events overtake the answer", () => {
  it("does not start a run again that already finished", async () => {
    const fake = backend();
    const feed = new Feed(fake);
    await feed.start();
    fake.answer("refresh_feeds", () => {
      // A fast refresh: every event arrives before the command's answer.
      fake.emit(EVENT.feed, { kind: "started", sources: ["s1"] });
      fake.emit(EVENT.feed, { kind: "source", source_id: "s1", report: null, error: null });
      fake.emit(EVENT.feed, { kind: "finished", sources: 1, new_items: 2 });
      return { sources: ["s1"], already_running: false };
    });
    await feed.refresh();
    expect(feed.refreshing).toBe(false);
    expect(feed.note).toEqual({ kind: "done", sources: 1, newItems: 2 });
  });

  it("keeps the count of a run whose first events came first", async () => {
    const fake = backend();
    const feed = new Feed(fake);
    fake.answer("refresh_feeds", () => {
      fake.emit(EVENT.feed, { kind: "started", sources: ["s1", "s2"] });
      fake.emit(EVENT.feed, { kind: "source", source_id: "s1", report: null, error: null });
      return { sources: ["s1", "s2"], already_running: false };
    });
    await feed.start();
    await feed.refresh();
    expect(feed.progress).toEqual({ total: 2, done: 1 });
  });
});
