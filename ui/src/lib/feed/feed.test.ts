import { afterEach, describe, expect, it, vi } from "vitest";
import { EVENT } from "../backend";
import { FakeBackend } from "../backend/fake";
import { Feed, MAX_PAGES, PAGE } from "./feed.svelte";
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
    expect(fake.called("list_feed_items")[0]).toEqual({ limit: PAGE, offset: 0, search: null, network: null, lang: null, source: null, media: false });
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
    expect(fake.called("list_feed_items")).toEqual([{ limit: PAGE, offset: 0, search: "日出", network: null, lang: null, source: null, media: false }]);
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

/** A cache of `count` items, newest (highest id) first, answering pages as the shell does. */
function cache(count: number) {
  const db = Array.from({ length: count }, (_, n) => item({ id: count - n, title: `Item ${count - n}` }));
  const fake = backend();
  fake.answer("list_feed_items", ({ limit, offset }) => db.slice(offset, offset + limit));
  /** New items on top, as a refresh stores them. */
  const arrive = (...ids: number[]) => db.unshift(...ids.map((id) => item({ id, title: `Item ${id}` })));
  return { db, fake, arrive };
}

const ids = (feed: Feed) => feed.items.map((i) => i.id);

describe("Feed, a long list", () => {
  it("merges a refresh's new items on top and keeps the older pages loaded", async () => {
    const { fake, arrive } = cache(120);
    const feed = new Feed(fake);
    await feed.start();
    await feed.more();
    expect(ids(feed)).toHaveLength(100);
    const list = feed.listId;

    arrive(123, 122, 121);
    fake.emit(EVENT.feed, { kind: "finished", sources: 1, new_items: 3 });
    await vi.waitFor(() => expect(ids(feed)).toHaveLength(103));
    expect(ids(feed).slice(0, 4)).toEqual([123, 122, 121, 120]);
    expect(ids(feed).at(-1)).toBe(21);
    // The same list, grown: the view keeps its place and counts the arrivals.
    expect(feed.listId).toBe(list);
    expect([...feed.unseen]).toEqual([123, 122, 121]);
    expect(feed.hasMore).toBe(true);
    expect(fake.called("list_feed_items").at(-1)).toMatchObject({ limit: PAGE, offset: 0 });

    feed.markSeen([122]);
    expect([...feed.unseen]).toEqual([123, 121]);
    feed.markSeen("all");
    expect(feed.unseen.size).toBe(0);
  });

  it("reads on from the top when more than a page came in, until it reaches the loaded items", async () => {
    const { fake, arrive } = cache(60);
    const feed = new Feed(fake);
    await feed.start();
    arrive(...Array.from({ length: 70 }, (_, n) => 200 - n));
    await feed.readNewer();
    expect(fake.called("list_feed_items").map((c) => c.offset)).toEqual([0, 0, 50]);
    expect(ids(feed)).toHaveLength(120);
    expect(ids(feed).slice(68, 72)).toEqual([132, 131, 60, 59]);
    expect(feed.unseen.size).toBe(70);
  });

  it("starts a new list, at its top, for a search or a filter", async () => {
    const { fake, arrive } = cache(60);
    const feed = new Feed(fake);
    await feed.start();
    arrive(61);
    await feed.readNewer();
    expect(feed.unseen.size).toBe(1);
    const list = feed.listId;
    await feed.setFilter({ network: "mastodon" });
    expect(feed.listId).not.toBe(list);
    expect(feed.unseen.size).toBe(0);
    expect(ids(feed)).toHaveLength(PAGE);
  });

  it("reads one older page at a time, however often it is asked", async () => {
    const { fake } = cache(200);
    const feed = new Feed(fake);
    await feed.start();
    const answer = deferred();
    fake.answer("list_feed_items", async ({ offset, limit }) => {
      await answer.promise;
      return cache(200).db.slice(offset, offset + limit);
    });
    const first = feed.more();
    const again = feed.more();
    expect(feed.loadingMore).toBe(true);
    answer.resolve();
    await Promise.all([first, again]);
    expect(fake.called("list_feed_items").map((c) => c.offset)).toEqual([0, 50]);
    expect(feed.loadingMore).toBe(false);
    expect(ids(feed)).toHaveLength(100);
  });

  it("stops reading by itself after an older page failed, until asked again", async () => {
    const { fake, db } = cache(200);
    const feed = new Feed(fake);
    await feed.start();
    fake.answer("list_feed_items", () => {
      throw { code: "db.locked", message: "busy" };
    });
    await feed.more();
    expect(feed.moreFailed).toBe(true);
    expect(feed.failure?.code).toBe("db.locked");
    fake.answer("list_feed_items", ({ limit, offset }) => db.slice(offset, offset + limit));
    await feed.more();
    expect(feed.moreFailed).toBe(false);
    expect(ids(feed)).toHaveLength(100);
  });

  it("never lets an older answer overwrite a newer one", async () => {
    const { fake, db } = cache(60);
    const feed = new Feed(fake);
    const slow = deferred();
    fake.answer("list_feed_items", async ({ search, limit, offset }) => {
      if (search === "slow") await slow.promise;
      return db.slice(offset, offset + limit).filter((i) => (search === "slow" ? i.id % 2 : true));
    });
    feed.search = "slow";
    const older = feed.readItems();
    feed.search = "";
    await feed.readItems();
    slow.resolve();
    await older;
    expect(ids(feed)).toHaveLength(PAGE);
    expect(ids(feed)[1]).toBe(59);

    // A refresh's merge that answers after a newer one is dropped too.
    const late = deferred();
    fake.answer("list_feed_items", async ({ limit, offset }) => {
      await late.promise;
      return db.slice(offset, offset + limit);
    });
    const first = feed.readNewer();
    fake.answer("list_feed_items", ({ limit, offset }) => db.slice(offset, offset + limit));
    db.unshift(item({ id: 61 }));
    await feed.readNewer();
    expect(ids(feed)[0]).toBe(61);
    db.shift();
    late.resolve();
    await first;
    expect(ids(feed)[0]).toBe(61);
  });

  it("reads older pages to reach a remembered item, at most MAX_PAGES of them", async () => {
    const { fake } = cache(2000);
    const feed = new Feed(fake);
    await feed.start();
    expect(await feed.reach(1900)).toBe(true);
    expect(ids(feed)).toHaveLength(150);
    expect(await feed.reach(5)).toBe(false);
    expect(fake.called("list_feed_items")).toHaveLength(1 + 2 + MAX_PAGES);
    expect(await feed.reach(999_999, 0)).toBe(false);
  });
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
