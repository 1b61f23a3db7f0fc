// The Feed screen mounted under an in-memory backend: the empty state, links handed to the
// system browser instead of navigating, and j/k between items. The state's logic is tested
// in lib/feed/feed.test.ts.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { Feed } from "../../lib/feed/feed.svelte";
import { item, source } from "../../lib/feed/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import FeedScreen from "./FeedScreen.svelte";

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

async function show(fake: FakeBackend) {
  setLocalePreference("en");
  const feed = new Feed(fake);
  await feed.start();
  const target = document.body.appendChild(document.createElement("div"));
  mounted.push(mount(FeedScreen, { target, props: { feed, active: true }, context: backendContext(fake) }));
  flushSync();
  return target;
}

const settings = () => ({ retention: 1000, rsshub_base: null });

describe("FeedScreen", () => {
  it("explains how to add a source when there is none", async () => {
    const target = await show(
      new FakeBackend({ list_feed_items: () => [], list_feed_sources: () => [], feed_settings: settings }),
    );
    const empty = target.querySelector("[data-testid=feed-empty]");
    expect(empty?.textContent).toContain("RSSHub");
    expect(empty?.textContent).toContain("Refresh");
  });

  it("opens links in the system browser, never in the webview", async () => {
    const fake = new FakeBackend({
      list_feed_items: () => [
        item({ html: '<p>Read <a href="https://ferry.example/a" rel="noopener noreferrer nofollow">this</a></p>' }),
      ],
      list_feed_sources: () => [source()],
      feed_settings: settings,
      open_link: () => undefined,
    });
    const target = await show(fake);
    const link = [...target.querySelectorAll<HTMLAnchorElement>("[data-testid=feed-item-body] a")][0];
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.called("open_link")).toEqual([{ url: "https://ferry.example/a" }]));
  });

  it("moves between items with j and k and opens the selected one with Enter", async () => {
    const fake = new FakeBackend({
      list_feed_items: () => [item(), item({ id: 2, title: "Dawn", url: "https://ferry.example/dawn" })],
      list_feed_sources: () => [source()],
      feed_settings: settings,
      open_link: () => undefined,
    });
    const target = await show(fake);
    const press = (key: string) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
      flushSync();
    };
    const selected = () => target.querySelector(".selected")?.getAttribute("data-id");
    press("j");
    await vi.waitFor(() => expect(selected()).toBe("1"));
    press("j");
    await vi.waitFor(() => expect(selected()).toBe("2"));
    press("k");
    press("j");
    await vi.waitFor(() => expect(document.activeElement?.getAttribute("data-id")).toBe("2"));
    press("Enter");
    await vi.waitFor(() => expect(fake.called("open_link")).toEqual([{ url: "https://ferry.example/dawn" }]));
  });

  it("shows a social post's context and narrows the feed by network and language", async () => {
    const post = item({
      id: 7,
      network: "mastodon",
      title: null,
      html: null,
      text: "渡轮晚班照常开。",
      author: { name: "林", handle: "lin@example.social", avatar_url: "https://example.social/a/lin.png", domain: null },
      boosted_by: { name: "Ana", handle: "ana@example.social", avatar_url: null, domain: null },
      reply_to: { remote_id: "100", handle: "mei@example.social" },
      media: [
        { url: "https://example.social/m/1.jpg", alt: "渡口的日出", kind: "image" },
        { url: "https://example.social/m/2.mp4", alt: null, kind: "video" },
      ],
      also_on: [{ network: "nostr", url: "https://njump.me/x" }, { network: "bluesky", url: null }],
    });
    const fake = new FakeBackend({
      list_feed_items: () => [post],
      list_feed_sources: () => [
        source(),
        source({
          id: "s2",
          kind: "account",
          network: "mastodon",
          account_id: "a1",
          gaps: [{ id: 1, newer_than: "2026-12-05T08:00:00Z", older_than: "2026-12-05T09:00:00Z", loadable: true }],
        }),
      ],
      feed_settings: settings,
    });
    const target = await show(fake);
    const card = target.querySelector("[data-testid=feed-item]")!;
    expect(card.querySelector("[data-testid=feed-item-handle]")?.textContent).toBe("@lin@example.social");
    expect(card.querySelector("[data-testid=feed-item-boost]")?.textContent).toContain("Boosted by Ana");
    expect(card.querySelector("[data-testid=feed-item-reply]")?.textContent).toContain("@mei@example.social");
    expect(card.querySelector("[data-testid=feed-item-media]")?.textContent).toContain("渡口的日出");
    // Images come through Ferry's own protocol by item and index, never by their remote
    // address (which the webview's CSP forbids); a video stays a link.
    const images = [...card.querySelectorAll<HTMLImageElement>("img")].map((img) => img.getAttribute("src"));
    expect(images).toEqual(["ferry-feed-image://localhost/7-avatar", "ferry-feed-image://localhost/7-0"]);
    expect(card.querySelector<HTMLImageElement>("[data-testid=feed-item-image]")?.alt).toBe("渡口的日出");
    expect(card.innerHTML).not.toContain('src="https://');
    // An image the engine could not serve falls back to its link.
    card.querySelector("[data-testid=feed-item-image]")!.dispatchEvent(new Event("error"));
    await vi.waitFor(() => expect(card.querySelector("[data-testid=feed-item-image]")).toBeNull());
    expect(card.querySelector("[data-testid=feed-item-media] a")?.getAttribute("href")).toBe(
      "https://example.social/m/1.jpg",
    );
    const also = card.querySelector("[data-testid=feed-item-also-on]")!;
    expect(also.textContent).toContain("Nostr");
    expect(also.textContent).toContain("Bluesky");
    expect(also.querySelectorAll("a")).toHaveLength(1);

    // A refresh that fell short says so on its source.
    const gaps = [...target.querySelectorAll("[data-testid=feed-source-gap]")];
    expect(gaps.map((g) => g.textContent)).toEqual(["⚠ 1 gap(s): some posts may be missing"]);

    const networks = [...target.querySelectorAll<HTMLButtonElement>("[data-testid=feed-filter-network]")];
    expect(networks.map((b) => b.dataset.network)).toEqual(["rss", "mastodon"]);
    networks[1].click();
    await vi.waitFor(() =>
      expect(fake.called("list_feed_items").at(-1)).toMatchObject({ network: "mastodon", lang: null }),
    );
    target.querySelector<HTMLButtonElement>("[data-testid=feed-filter-lang][data-lang=zh]")!.click();
    await vi.waitFor(() =>
      expect(fake.called("list_feed_items").at(-1)).toMatchObject({ network: "mastodon", lang: "zh" }),
    );
  });

  it("brings an item to the other audience as a new draft, then asks for it to be opened", async () => {
    setLocalePreference("en");
    const fake = new FakeBackend({
      list_feed_items: () => [item({ id: 42 })],
      list_feed_sources: () => [source()],
      feed_settings: settings,
      bring_feed_item: () => ({ id: "d-new" }) as never,
    });
    const feed = new Feed(fake);
    await feed.start();
    const opened: string[] = [];
    const target = document.body.appendChild(document.createElement("div"));
    mounted.push(
      mount(FeedScreen, {
        target,
        props: { feed, active: true, onDraft: (id: string) => opened.push(id) },
        context: backendContext(fake),
      }),
    );
    flushSync();
    target.querySelector<HTMLButtonElement>("[data-testid=feed-item-bring]")!.click();
    await vi.waitFor(() => expect(opened).toEqual(["d-new"]));
    expect(fake.called("bring_feed_item")).toEqual([{ itemId: 42 }]);
  });

  it("translates an item to the other audience, or says machine translation is off", async () => {
    let provider: unknown = null;
    const fake = new FakeBackend({
      list_feed_items: () => [item({ id: 3, title: null, text: "今天的日出很美。", lang: "zh-Hans" })],
      list_feed_sources: () => [source()],
      feed_settings: settings,
      translation_status: () => provider as never,
      translate_text: ({ text, to }) =>
        ({ text: `[${to}] ${text}`, provider: "libretranslate", providerId: "p", target: to, cached: false }) as never,
    });
    const target = await show(fake);
    const button = target.querySelector<HTMLButtonElement>("[data-testid=feed-item-translate]")!;
    const shown = () => target.querySelector("[data-testid=feed-item-translation]")?.textContent ?? "";
    button.click();
    await vi.waitFor(() => expect(shown()).toContain("Machine translation is off"));
    expect(fake.called("translate_text")).toEqual([]);

    provider = { id: "p" };
    button.click();
    await vi.waitFor(() => expect(shown()).toContain("[en] 今天的日出很美。"));
    expect(shown()).toContain("libretranslate");
    expect(fake.called("translate_text")).toEqual([{ text: "今天的日出很美。", from: "zh-Hans", to: "en" }]);
  });
});
