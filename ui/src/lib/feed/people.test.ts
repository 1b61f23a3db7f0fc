// Linking in two clicks: "Same person…" on one post waits for the second; "Link with …" sends
// both items' ids, then the people and the timeline are read again (cards fold). A second
// click on the waiting post stops; "Just this account" links its author alone.
import { describe, expect, it } from "vitest";
import type { Person } from "../backend";
import { FakeBackend } from "../backend/fake";
import { Feed } from "./feed.svelte";
import { item } from "./fixtures";
import { authorLabel, People } from "./people.svelte";

const lin: Person = {
  id: "p1",
  name: "林 Lin",
  authors: [
    { network: "mastodon", author_key: "lin@example.social", label: "lin@example.social" },
    { network: "bluesky", author_key: "did:plc:lin", label: "lin.example" },
  ],
};

function setup() {
  const fake = new FakeBackend({
    list_feed_items: () => [item({ id: 1 }), item({ id: 2 })],
    link_feed_people: () => lin,
    list_feed_people: () => [lin],
    remove_feed_person: () => undefined,
  });
  const feed = new Feed(fake);
  return { fake, people: new People(fake, () => feed) };
}

describe("People", () => {
  it("links the waiting post's author with the second post's, then reads both lists again", async () => {
    const { fake, people } = setup();
    const toot = item({ id: 7, network: "mastodon", author: { name: "林 Lin", handle: "lin@example.social", avatar_url: null, domain: null } });
    people.start(toot);
    expect(people.linking?.id).toBe(7);
    const person = await people.link(item({ id: 9, network: "bluesky" }));
    expect(person?.name).toBe("林 Lin");
    expect(fake.called("link_feed_people")).toEqual([{ itemIds: [7, 9], name: null }]);
    expect(fake.called("list_feed_items")).toHaveLength(1);
    expect(people.list).toEqual([lin]);
    expect(people.linking).toBeNull();
  });

  it("stops on a second click of the same post, and links one account alone", async () => {
    const { fake, people } = setup();
    const post = item({ id: 3 });
    people.start(post);
    people.start(post);
    expect(people.linking).toBeNull();
    expect(await people.link(null)).toBeNull();
    expect(fake.called("link_feed_people")).toEqual([]);
    people.start(post);
    await people.link(null);
    expect(fake.called("link_feed_people")).toEqual([{ itemIds: [3], name: null }]);
  });

  it("unlinks, and names authors by name, handle or feed", async () => {
    const { fake, people } = setup();
    await people.unlink("p1");
    expect(fake.called("remove_feed_person")).toEqual([{ id: "p1" }]);
    expect(authorLabel(item({ author: { name: null, handle: "@lin@example.social", avatar_url: null, domain: null } }))).toBe("@lin@example.social");
    expect(authorLabel(item({ author: { name: null, handle: null, avatar_url: null, domain: null } }))).toBe("渡口日报 Ferry Daily");
  });
});
