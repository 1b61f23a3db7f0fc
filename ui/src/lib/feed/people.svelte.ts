// Linked people on the Feed screen: the people the user linked (the Sources dialog lists them
// with "Unlink"), and linking in two clicks — "Same person…" on one post, then "Link with …"
// on a post of theirs on another network or in their other language (or "Just this account"
// for one bilingual account). Either way the timeline is read again, since cards fold.
import type { Backend, FeedItem, Person } from "../backend";
import { atHandle } from "./links";
import type { Feed } from "./feed.svelte";

export class People {
  list = $state<Person[]>([]);
  /** The post whose author is being linked, waiting for the second post. */
  linking = $state.raw<FeedItem | null>(null);

  constructor(
    private readonly backend: Backend,
    /** The screen's feed, read when needed (its timeline is read again after a change). */
    private readonly feed: () => Feed,
  ) {}

  async read(): Promise<void> {
    this.list = await this.backend.call("list_feed_people");
  }

  /** "Same person…" on `item`: starts linking, or (on the same post again) stops. */
  start(item: FeedItem): void {
    this.linking = this.linking?.id === item.id ? null : item;
  }

  cancel(): void {
    this.linking = null;
  }

  /** Links the waiting post's author with `other`'s (or alone, for `null`). */
  async link(other: FeedItem | null): Promise<Person | null> {
    const first = this.linking;
    if (!first) return null;
    const itemIds = other ? [first.id, other.id] : [first.id];
    const person = await this.backend.call("link_feed_people", { itemIds, name: null });
    this.linking = null;
    await Promise.all([this.read(), this.feed().readItems()]);
    return person;
  }

  async unlink(id: string): Promise<void> {
    await this.backend.call("remove_feed_person", { id });
    await Promise.all([this.read(), this.feed().readItems()]);
  }
}

/** How a post's author is named in "Link with …". */
export function authorLabel(item: FeedItem): string {
  return item.author.name ?? (item.author.handle ? atHandle(item.author.handle) : (item.source.title ?? item.source.url));
}
