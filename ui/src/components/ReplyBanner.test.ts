// The composer's "Replying to" line: whom and where (in the UI's language), the start of their
// post, and "Post on its own", which is the only way the composer changes a reply.
import { describe, expect, it } from "vitest";
import type { ReplyTarget } from "../lib/backend";
import { FakeBackend } from "../lib/backend/fake";
import { setLocalePreference } from "../lib/i18n/index.svelte";
import { show } from "../lib/testing/mount";
import ReplyBanner from "./ReplyBanner.svelte";

const reply: ReplyTarget = {
  accountId: "acc-1",
  network: "bluesky",
  remoteId: "at://did:plc:bob/app.bsky.feed.post/3k",
  authorId: "did:plc:bob",
  authorName: "Bob",
  authorHandle: "bob.test",
  rootId: null,
  url: null,
  excerpt: "晚班渡轮改到九点",
  feedItemId: 4,
};

describe("ReplyBanner", () => {
  it("names the author and network, quotes the post, and offers to drop the reply", () => {
    setLocalePreference("zh-Hans");
    let dropped = 0;
    const host = show(ReplyBanner, new FakeBackend({}), { reply, onDrop: () => (dropped += 1) });
    const banner = host.querySelector("[data-testid=reply-banner]") as HTMLElement;
    expect(banner.textContent).toContain("回复 Bluesky 上的 @bob.test");
    expect(host.querySelector("[data-testid=reply-excerpt]")?.textContent).toBe("晚班渡轮改到九点");
    (host.querySelector("[data-testid=reply-drop]") as HTMLButtonElement).click();
    expect(dropped).toBe(1);
  });

  it("falls back to the author's name without a handle", () => {
    setLocalePreference("en");
    const host = show(ReplyBanner, new FakeBackend({}), {
      reply: { ...reply, authorHandle: null, excerpt: "" },
      onDrop: () => undefined,
    });
    expect(host.textContent).toContain("Replying to Bob on Bluesky");
    expect(host.querySelector("[data-testid=reply-excerpt]")).toBeNull();
  });
});
