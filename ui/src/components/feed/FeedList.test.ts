// The Feed screen's windowed timeline under jsdom, which has no layout: the scroller's height
// and scroll position and the cards' measured heights are stubbed here (a fake ResizeObserver
// reports the heights the test chooses), so what is drawn, where the reader is kept, the
// pages read near the end and the remembered place are checked without a browser. The
// arithmetic itself is tested in lib/feed/windowing.test.ts.
import { flushSync, mount, unmount } from "svelte";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EVENT } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { Feed } from "../../lib/feed/feed.svelte";
import { item, source } from "../../lib/feed/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import FeedScreen from "./FeedScreen.svelte";

/** The scroller's height in these tests. */
const VIEWPORT = 600;
/** Every card's height, once the fake ResizeObserver has reported it. */
const CARD = 100;

// --- a little layout for jsdom -----------------------------------------------------------
const observers = new Set<FakeResizeObserver>();
class FakeResizeObserver {
  readonly watched = new Set<Element>();
  constructor(readonly report: ResizeObserverCallback) {
    observers.add(this);
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.watched.clear();
    observers.delete(this);
  }
}

/** Reports every watched element's height, as a browser would after a layout. */
function layout(height: (el: Element) => number = () => CARD) {
  for (const observer of [...observers]) {
    const entries = [...observer.watched].map((target) => {
      const blockSize = height(target);
      return { target, borderBoxSize: [{ blockSize, inlineSize: 500 }], contentRect: { height: blockSize } };
    });
    if (entries.length) observer.report(entries as unknown as ResizeObserverEntry[], observer as never);
  }
  flushSync();
}

const scrollTops = new WeakMap<Element, number>();
const realScrollTop = Object.getOwnPropertyDescriptor(Element.prototype, "scrollTop")!;
const realClientHeight = Object.getOwnPropertyDescriptor(Element.prototype, "clientHeight")!;
beforeAll(() => {
  vi.stubGlobal("ResizeObserver", FakeResizeObserver);
  Object.defineProperty(Element.prototype, "scrollTop", {
    configurable: true,
    get() {
      return scrollTops.get(this) ?? 0;
    },
    set(value: number) {
      scrollTops.set(this, Math.max(0, value));
    },
  });
  Object.defineProperty(Element.prototype, "clientHeight", {
    configurable: true,
    get() {
      return (this as HTMLElement).dataset?.testid === "feed-items" ? VIEWPORT : 0;
    },
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  Object.defineProperty(Element.prototype, "scrollTop", realScrollTop);
  Object.defineProperty(Element.prototype, "clientHeight", realClientHeight);
});

// --- the screen over a cache of items ------------------------------------------------------
let mounted: ReturnType<typeof mount>[] = [];
beforeEach(() => localStorage.clear());
afterEach(() => {
  for (const m of mounted.splice(0)) unmount(m);
  document.body.innerHTML = "";
});

/** A cache of `count` items, newest (highest id) first, read in pages as the shell does. */
function cache(count: number) {
  const db = Array.from({ length: count }, (_, n) => item({ id: count - n, title: `Item ${count - n}` }));
  const fake = new FakeBackend({
    list_feed_items: ({ limit, offset }) => db.slice(offset, offset + limit),
    list_feed_sources: () => [source()],
    feed_settings: () => ({ retention: 1000, rsshub_base: null }),
  });
  return { db, fake };
}

async function show(fake: FakeBackend, feed = new Feed(fake)) {
  setLocalePreference("en");
  const target = document.body.appendChild(document.createElement("div"));
  const stop = feed.start();
  mounted.push(mount(FeedScreen, { target, props: { feed, active: true }, context: backendContext(fake) }));
  await stop;
  flushSync();
  layout();
  const scroller = target.querySelector<HTMLElement>("[data-testid=feed-items]")!;
  return { feed, target, scroller };
}

/** The reader scrolls: the browser moves the scroller, then tells the page. */
function scrollTo(scroller: HTMLElement, top: number) {
  scroller.scrollTop = top;
  scroller.dispatchEvent(new Event("scroll"));
  flushSync();
  layout();
}

const drawn = (target: HTMLElement) =>
  [...target.querySelectorAll<HTMLElement>("[data-testid=feed-item]")].map((card) => Number(card.dataset.index));
const press = (key: string) => {
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  flushSync();
};

describe("FeedList", () => {
  it("draws only the cards in and near the viewport of 10,000 loaded items", async () => {
    const { fake } = cache(60);
    const { feed, target, scroller } = await show(fake);
    feed.items = Array.from({ length: 10_000 }, (_, n) => item({ id: 10_000 - n }));
    flushSync();
    layout();
    expect(drawn(target).length).toBeLessThan(30);
    expect(drawn(target)[0]).toBe(0);

    scrollTo(scroller, 500_000);
    const rows = drawn(target);
    expect(rows.length).toBeLessThan(30);
    expect(rows).toContain(5000);
    expect(rows).toContain(5005);
    // The padding stands for the cards not drawn: the list is as tall as all of them.
    const above = parseFloat(scroller.style.getPropertyValue("--above"));
    const below = parseFloat(scroller.style.getPropertyValue("--below"));
    expect(above).toBe(rows[0] * CARD);
    expect(above + rows.length * CARD + below).toBe(10_000 * CARD);
  });

  it("keeps the card at the top of the viewport in place when cards above it turn out taller", async () => {
    const { fake } = cache(200);
    const { target, scroller } = await show(fake);
    scrollTo(scroller, 3030);
    // Row 30 is at the top edge, 30 px scrolled past. The cards above it are 150 px, which
    // the browser reports as each is drawn (a few rounds, as rows come into the window).
    const height = (row: Element) => (Number(row.querySelector<HTMLElement>("[data-index]")!.dataset.index) < 30 ? 150 : CARD);
    for (let round = 0; round < 4; round++) layout(height);
    // Where row 30 stands in the page: the padding, then the drawn cards above it.
    const rows = drawn(target);
    const above = parseFloat(scroller.style.getPropertyValue("--above"));
    const top30 = above + rows.filter((n) => n < 30).length * 150;
    expect(rows).toContain(30);
    expect(scroller.scrollTop - top30).toBeCloseTo(30);
    expect(scroller.scrollTop).toBeGreaterThan(3030);
  });

  it("moves the selection with J beyond the drawn cards, scrolling to it and focusing it", async () => {
    const { fake } = cache(60);
    const { target, scroller } = await show(fake);
    for (let n = 0; n < 25; n++) press("j");
    await vi.waitFor(() => expect(document.activeElement?.getAttribute("data-index")).toBe("24"));
    expect(target.querySelector(".selected")?.getAttribute("data-id")).toBe("36");
    // Row 24's bottom at the viewport's bottom.
    expect(scroller.scrollTop).toBe(25 * CARD - VIEWPORT);
    press("Home");
    expect(scroller.scrollTop).toBe(0);
  });

  it("reads the next page once as the reader nears the end, showing that it does", async () => {
    const { fake, db } = cache(200);
    const { feed, target, scroller } = await show(fake);
    let answer!: () => void;
    fake.answer("list_feed_items", async ({ limit, offset }) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return db.slice(offset, offset + limit);
    });
    scrollTo(scroller, 1000);
    expect(fake.called("list_feed_items")).toHaveLength(1);
    expect(target.querySelector("[data-testid=feed-more]")).not.toBeNull();

    scrollTo(scroller, 3000);
    scrollTo(scroller, 3100);
    scrollTo(scroller, 3200);
    expect(fake.called("list_feed_items").map((c) => c.offset)).toEqual([0, 50]);
    expect(target.querySelector("[data-testid=feed-loading]")?.textContent).toContain("Loading older items");
    expect(target.querySelector("[data-testid=feed-more]")).toBeNull();
    answer();
    await vi.waitFor(() => expect(feed.items).toHaveLength(100));
    flushSync();
    expect(target.querySelector("[data-testid=feed-loading]")).toBeNull();
    expect(fake.called("list_feed_items")).toHaveLength(2);
  });

  it("keeps the reader's place when new items arrive above, and counts them in a pill", async () => {
    const { fake, db } = cache(100);
    const { target, scroller } = await show(fake);
    scrollTo(scroller, 2030);
    const before = drawn(target);
    db.unshift(item({ id: 103 }), item({ id: 102 }), item({ id: 101 }));
    fake.emit(EVENT.feed, { kind: "finished", sources: 1, new_items: 3 });
    await vi.waitFor(() => expect(target.querySelector("[data-testid=feed-new-items]")).not.toBeNull());
    layout();
    // Row 20 (id 80) is still 30 px scrolled past at the top: the scroll moved down by three cards.
    expect(scroller.scrollTop).toBe(2330);
    expect(drawn(target).length).toBe(before.length);
    const pill = target.querySelector<HTMLButtonElement>("[data-testid=feed-new-items]")!;
    expect(pill.textContent).toContain("3 new items ↑");

    pill.click();
    flushSync();
    expect(scroller.scrollTop).toBe(0);
    expect(target.querySelector("[data-testid=feed-new-items]")).toBeNull();
    expect(target.querySelector("[data-testid=feed-item]")?.getAttribute("data-id")).toBe("103");
  });

  it("simply shows new items when the reader is at the very top", async () => {
    const { fake, db } = cache(100);
    const { target, scroller } = await show(fake);
    db.unshift(item({ id: 101 }));
    fake.emit(EVENT.feed, { kind: "finished", sources: 1, new_items: 1 });
    await vi.waitFor(() => expect(target.querySelector("[data-testid=feed-item]")?.getAttribute("data-id")).toBe("101"));
    layout();
    expect(scroller.scrollTop).toBe(0);
    expect(target.querySelector("[data-testid=feed-new-items]")).toBeNull();
  });

  it("remembers the place per timeline and puts it back when the screen shows again", async () => {
    const { fake } = cache(300);
    const first = await show(fake);
    scrollTo(first.scroller, 4000); // loads page 2 (near the end of the first 50)
    await vi.waitFor(() => expect(first.feed.items.length).toBeGreaterThan(50));
    scrollTo(first.scroller, 7040); // row 70: id 230, 40 px into it
    unmount(mounted.pop()!);
    expect(JSON.parse(localStorage.getItem("ferry.feed.position.all.any")!)).toEqual({ id: 230, offset: 40 });

    // The app starts again: the item is on the second page, read to put the place back.
    const again = await show(fake);
    await vi.waitFor(() => expect(again.scroller.scrollTop).toBe(7040));
    expect(drawn(again.target)).toContain(70);

    // Another timeline has a place of its own, and a new list starts at its top.
    again.feed.setFilter({ network: "rss" });
    await vi.waitFor(() => expect(again.scroller.scrollTop).toBe(0));
    scrollTo(again.scroller, 1000);
    unmount(mounted.pop()!);
    expect(JSON.parse(localStorage.getItem("ferry.feed.position.rss.any")!)).toEqual({ id: 290, offset: 0 });
    expect(JSON.parse(localStorage.getItem("ferry.feed.position.all.any")!)).toEqual({ id: 230, offset: 40 });
  });

  it("stays at the top when the remembered item is not within ten pages", async () => {
    const { fake } = cache(1000);
    localStorage.setItem("ferry.feed.position.all.any", JSON.stringify({ id: 5, offset: 0 }));
    const { scroller } = await show(fake);
    await vi.waitFor(() => expect(fake.called("list_feed_items")).toHaveLength(11));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(scroller.scrollTop).toBe(0);
  });
});
