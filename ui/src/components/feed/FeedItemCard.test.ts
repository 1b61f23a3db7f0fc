// Like and boost on a card: only for an account's timeline, a toggle (a second click takes it
// back), the card showing what the shell answers, and a refusal said on the card.
import { describe, expect, it } from "vitest";
import { BackendError, type FeedItem } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { item } from "../../lib/feed/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show as mountCard } from "../../lib/testing/mount";
import FeedItemCard from "./FeedItemCard.svelte";

function show(fake: FakeBackend, shown: FeedItem): HTMLElement {
  setLocalePreference("zh-Hans");
  return mountCard(FeedItemCard, fake, { item: shown, selected: false, index: 0, now: Date.parse("2026-12-05T12:00:00Z") });
}

const button = (host: HTMLElement, id: string) => host.querySelector(`[data-testid=${id}]`) as HTMLButtonElement;

describe("FeedItemCard like and boost", () => {
  it("likes a timeline item, as the shell answers", async () => {
    const note = item({ id: 7, network: "nostr", remote_id: "ab".repeat(32), title: null });
    const fake = new FakeBackend({
      interact_feed_item: ({ kind }) => ({ ...note, liked: kind === "like", boosted: kind === "boost" }),
    });
    const host = show(fake, note);
    expect(button(host, "feed-item-like").textContent).toContain("点赞");
    button(host, "feed-item-like").click();
    await settle();
    expect(fake.called("interact_feed_item")).toEqual([{ itemId: 7, kind: "like" }]);
    expect(button(host, "feed-item-like").textContent).toContain("已点赞");
    expect(button(host, "feed-item-like").getAttribute("aria-pressed")).toBe("true");
  });

  it("takes a given boost back on the second click", async () => {
    const boosted = item({ id: 10, network: "bluesky", remote_id: "at://did:plc:bob/app.bsky.feed.post/1", title: null, boosted: true });
    const fake = new FakeBackend({
      undo_feed_interaction: () => ({ ...boosted, boosted: false }),
      interact_feed_item: () => ({ ...boosted, boosted: true }),
    });
    const host = show(fake, boosted);
    const boost = button(host, "feed-item-boost-action");
    expect(boost.getAttribute("aria-pressed")).toBe("true");
    expect(boost.title).toBe("取消转发");
    boost.click();
    await settle();
    expect(fake.called("undo_feed_interaction")).toEqual([{ itemId: 10, kind: "boost" }]);
    expect(fake.called("interact_feed_item")).toEqual([]);
    expect(boost.getAttribute("aria-pressed")).toBe("false");
    expect(boost.textContent).not.toContain("已转发");
    boost.click();
    await settle();
    expect(fake.called("interact_feed_item")).toEqual([{ itemId: 10, kind: "boost" }]);
    expect(boost.getAttribute("aria-pressed")).toBe("true");
  });

  it("says on the card why the network refused", async () => {
    const status = item({ id: 8, network: "mastodon", remote_id: "109", title: null });
    const fake = new FakeBackend({
      interact_feed_item: () => {
        throw new BackendError({ code: "net.rejected", message: "mastodon: the status is gone (404)" });
      },
    });
    const host = show(fake, status);
    button(host, "feed-item-boost-action").click();
    await settle();
    expect(host.querySelector("[data-testid=feed-item-refused]")?.textContent).toContain("gone (404)");
    expect(button(host, "feed-item-boost-action").disabled).toBe(false);
  });

  it("offers a reply on a timeline's item and hands it to the screen", () => {
    const status = item({ id: 11, network: "mastodon", remote_id: "110", title: null });
    const asked: FeedItem[] = [];
    setLocalePreference("zh-Hant");
    const host = mountCard(FeedItemCard, new FakeBackend({}), {
      item: status,
      selected: false,
      index: 0,
      now: Date.parse("2026-12-05T12:00:00Z"),
      onReply: (answered: FeedItem) => asked.push(answered),
    });
    expect(button(host, "feed-item-answer").textContent).toContain("回覆");
    button(host, "feed-item-answer").click();
    expect(asked.map((a) => a.id)).toEqual([11]);
  });

  it("offers neither on a feed's entry", () => {
    const host = mountCard(FeedItemCard, new FakeBackend({}), {
      item: item({ id: 9, network: "rss" }),
      selected: false,
      index: 0,
      now: 0,
      onReply: () => undefined,
    });
    expect(host.querySelector("[data-testid=feed-item-answer]")).toBeNull();
    expect(host.querySelector("[data-testid=feed-item-like]")).toBeNull();
    expect(host.querySelector("[data-testid=feed-item-boost-action]")).toBeNull();
  });
});

describe("FeedItemCard linked people", () => {
  it("shows the person and their post in the other language inside the card", () => {
    setLocalePreference("en");
    const card = item({
      id: 20,
      network: "mastodon",
      lang: "en",
      title: null,
      text: "The night ferry runs at nine",
      html: null,
      person: "林 Lin",
      twins: [
        {
          id: 21,
          network: "bluesky",
          lang: "zh-Hans",
          text: "今晚九点的夜班渡轮照常开船",
          html: null,
          url: "https://bsky.app/profile/lin.example/post/3k",
          author: { name: "林 Lin", handle: "lin.example", avatar_url: null, domain: null },
          published_at: "2026-12-05T09:05:00Z",
        },
      ],
    });
    const host = mountCard(FeedItemCard, new FakeBackend({}), { item: card, selected: false, index: 0, now: 0 });
    expect(host.querySelector("[data-testid=feed-item-person]")?.textContent).toContain("林 Lin");
    const twin = host.querySelector("[data-testid=feed-item-twin]") as HTMLElement;
    expect(twin.lang).toBe("zh-Hans");
    expect(twin.dataset.network).toBe("bluesky");
    expect(twin.textContent).toContain("今晚九点的夜班渡轮照常开船");
    expect(twin.querySelector("a")?.getAttribute("href")).toBe("https://bsky.app/profile/lin.example/post/3k");
  });

  it("marks a domain the author proved, naming it unless it is the handle", () => {
    setLocalePreference("en");
    const nostr = item({ id: 40, author: { name: "林", handle: "npub1abc…wxyz", avatar_url: null, domain: "lin.example" } });
    const host = mountCard(FeedItemCard, new FakeBackend({}), { item: nostr, selected: false, index: 0, now: 0 });
    const mark = host.querySelector("[data-testid=feed-item-domain]") as HTMLElement;
    expect(mark.textContent).toBe("✓ lin.example");
    expect(mark.title).toBe("lin.example confirms this account is theirs");
    const bluesky = item({ id: 41, author: { name: "林", handle: "lin.example", avatar_url: null, domain: "lin.example" } });
    const again = mountCard(FeedItemCard, new FakeBackend({}), { item: bluesky, selected: false, index: 0, now: 0 });
    expect(again.querySelector("[data-testid=feed-item-domain]")?.textContent).toBe("✓");
    const plain = mountCard(FeedItemCard, new FakeBackend({}), { item: item({ id: 42 }), selected: false, index: 0, now: 0 });
    expect(plain.querySelector("[data-testid=feed-item-domain]")).toBeNull();
  });

  it("offers to link, and names the waiting author on the other cards", () => {
    setLocalePreference("en");
    const waiting = item({ id: 30, author: { name: "Lin", handle: null, avatar_url: null, domain: null } });
    const linked: number[] = [];
    const props = { selected: false, index: 0, now: 0, onLink: (i: FeedItem) => linked.push(i.id) };
    const own = mountCard(FeedItemCard, new FakeBackend({}), { ...props, item: waiting, linking: waiting });
    expect(button(own, "feed-item-link").getAttribute("aria-pressed")).toBe("true");
    expect(button(own, "feed-item-link").textContent).toContain("Same person");
    const other = mountCard(FeedItemCard, new FakeBackend({}), { ...props, item: item({ id: 31 }), linking: waiting });
    expect(button(other, "feed-item-link").textContent).toContain("Link with Lin");
    button(other, "feed-item-link").click();
    expect(linked).toEqual([31]);
  });
});
