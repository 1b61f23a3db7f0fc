// The Feed screen's state: the merged items from the cache (newest first, searched in Chinese
// or English), the sources with their health, the feed's settings, and a refresh running in
// the background whose progress arrives as `ferry://feed` events. Reading never waits on the
// network, so the cache shows offline too.
//
//   const feed = new Feed(backend);
//   const stop = await feed.start();   // reads, then follows refresh events
//   feed.setSearch("日出");            // re-reads after a short pause in typing
//   await feed.refresh();              // returns at once; `feed.progress` counts sources done
//
// Two ways the list is read. A search, a filter or a removed source makes a new list: its
// first page replaces the items and `listId` changes, so the view goes back to the top. A
// finished refresh brings newer items into the same list: the fresh first page is merged on
// top (arrivals.ts), the older pages stay loaded, and the arrivals wait in `unseen` until the
// reader has scrolled up to them.
import {
  BackendError,
  EVENT,
  type Backend,
  type FeedEvent,
  type FeedItem,
  type FeedSettings,
  type FeedSource,
  type GapReport,
  type Platform,
  type Unlisten,
} from "../backend";
import { mergeTop } from "./arrivals";
import { looksOffline } from "./health";

/** Items read per page; scrolling near the end (or "Show older items") reads the next. */
export const PAGE = 50;
/**
 * How many pages a refresh reads from the top looking for the loaded items before it starts
 * the list over, and how far `reach` reads to find a remembered item.
 */
export const MAX_PAGES = 10;
/** How long typing pauses before the search runs. */
const SEARCH_PAUSE_MS = 200;

/** What the last "Refresh" came to, for the line under the toolbar. */
export type RunNote =
  | { kind: "done"; sources: number; newItems: number }
  | { kind: "nothing_due" }
  | { kind: "already_running" };

export class Feed {
  /** Always replaced, never changed in place: raw, so 10,000 items are not 10,000 proxies. */
  items = $state.raw<FeedItem[]>([]);
  /** Which list `items` is: a new number each time it is replaced rather than added to. */
  listId = $state(0);
  /** Ids merged on top by a refresh that the reader has not scrolled up to yet. */
  unseen = $state.raw<ReadonlySet<number>>(new Set());
  sources = $state<FeedSource[]>([]);
  settings = $state<FeedSettings | null>(null);
  search = $state("");
  /** Only this network's items (`rss`, `mastodon`, `nostr`), or all. */
  network = $state<string | null>(null);
  /** Only items in this language (`zh` or `en`), or all. */
  lang = $state<string | null>(null);
  /** Only items with images or videos. */
  media = $state(false);
  loaded = $state(false);
  hasMore = $state(false);
  /** An older page is being read (at most one at a time). */
  loadingMore = $state(false);
  /** The last older page could not be read: no more reading by itself until asked. */
  moreFailed = $state(false);
  failure = $state<BackendError | null>(null);
  /** While a refresh runs: how many sources it fetches and how many are done. */
  progress = $state<{ total: number; done: number } | null>(null);
  note = $state<RunNote | null>(null);
  /** What the browser engine says about the network. */
  online = $state(true);

  /** New lists asked for (an answer for an older one is dropped), and the one shown. */
  #lists = 0;
  #shown = 0;
  /** First-page reads started, and the newest one whose answer was used. */
  #reads = 0;
  #answered = 0;
  #moreRead: Promise<void> | null = null;
  /** Runs finished so far (`finished` events seen). */
  #finished = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly backend: Backend) {}

  /** Offline: no network, or every source tried last could not be reached. */
  get offline(): boolean {
    return !this.online || looksOffline(this.sources.map((s) => s.health));
  }

  get refreshing(): boolean {
    return this.progress !== null;
  }

  /** Reads everything, then follows refresh events (and the network's comings and goings). */
  async start(): Promise<Unlisten> {
    if (typeof navigator !== "undefined") this.online = navigator.onLine;
    const off = await this.backend.listen(EVENT.feed, (event) => this.#onEvent(event));
    const onOnline = () => (this.online = true);
    const onOffline = () => (this.online = false);
    if (typeof window !== "undefined") {
      window.addEventListener("online", onOnline);
      window.addEventListener("offline", onOffline);
    }
    await Promise.all([this.readItems(), this.readSources(), this.readSettings()]);
    return () => {
      off();
      clearTimeout(this.#searchTimer);
      if (typeof window !== "undefined") {
        window.removeEventListener("online", onOnline);
        window.removeEventListener("offline", onOffline);
      }
    };
  }

  /** Starts a new list (the current search and filters) from its first page. */
  async readItems(): Promise<void> {
    const list = ++this.#lists;
    await this.#readTop(list, "replace");
  }

  /** Merges newer items on top of the loaded list, keeping the older pages (after a refresh). */
  async readNewer(): Promise<void> {
    await this.#readTop(this.#lists, "merge");
  }

  /**
   * Reads the top of the list. An older answer never overwrites a newer one: an answer is
   * used only if no later read was answered first, and only for the list it was asked for.
   */
  async #readTop(list: number, mode: "replace" | "merge"): Promise<void> {
    const read = ++this.#reads;
    const stale = () => read < this.#answered || list !== this.#lists;
    try {
      // A merge reads on from the top until it reaches the loaded items (more new items than
      // a page came in); a new list needs only its first page.
      const merging = mode === "merge" && this.#shown === list && this.items.length > 0;
      const fresh: FeedItem[] = [];
      let merged = mergeTop(this.items, fresh, false);
      let short = false;
      for (let page = 0; page < (merging ? MAX_PAGES : 1); page++) {
        const next = await this.#page(fresh.length);
        if (stale()) return;
        fresh.push(...next);
        short = next.length < PAGE;
        merged = mergeTop(this.items, fresh, short);
        if (short || merged.reaches) break;
      }
      this.#answered = read;
      if (merging && merged.reaches) {
        this.items = merged.items;
        if (merged.arrived.length > 0) this.unseen = new Set([...this.unseen, ...merged.arrived]);
        // The older pages stay as they were, unless the fresh part turned out to be everything.
        if (short) this.hasMore = false;
      } else {
        // A new list, or so many new items that they do not reach the loaded ones: start over.
        this.items = fresh;
        this.hasMore = !short;
        this.#shown = list;
        this.listId += 1;
        this.unseen = new Set();
        this.moreFailed = false;
      }
      this.failure = null;
    } catch (raw) {
      if (!stale()) this.failure = BackendError.from(raw);
    } finally {
      if (!stale()) this.loaded = true;
    }
  }

  #page(offset: number): Promise<FeedItem[]> {
    return this.backend.call("list_feed_items", { limit: PAGE, offset, ...this.#filters() });
  }

  /** Appends the next page; a call while one is being read waits for that one instead. */
  more(): Promise<void> {
    this.#moreRead ??= this.#readMore().finally(() => {
      this.#moreRead = null;
      this.loadingMore = false;
    });
    return this.#moreRead;
  }

  async #readMore(): Promise<void> {
    const list = this.#lists;
    this.loadingMore = true;
    try {
      const next = await this.#page(this.items.length);
      if (list !== this.#lists || list !== this.#shown) return;
      // Items that came in on top since shift the offsets: what was read twice is dropped.
      const known = new Set(this.items.map((i) => i.id));
      this.items = [...this.items, ...next.filter((i) => !known.has(i.id))];
      this.hasMore = next.length === PAGE;
      this.moreFailed = false;
    } catch (raw) {
      this.failure = BackendError.from(raw);
      this.moreFailed = true;
    }
  }

  /**
   * Reads older pages until the item is loaded (a remembered place further down), at most
   * `pages` of them; whether it is loaded now.
   */
  async reach(id: number, pages = MAX_PAGES): Promise<boolean> {
    const list = this.listId;
    for (let read = 0; ; read++) {
      if (this.items.some((i) => i.id === id)) return true;
      if (read >= pages || !this.hasMore || this.moreFailed || this.listId !== list) return false;
      await this.more();
    }
  }

  /** The reader has seen these arrivals (scrolled to them, or to the top). */
  markSeen(ids: Iterable<number> | "all"): void {
    if (this.unseen.size === 0) return;
    const seen = ids === "all" ? new Set(this.unseen) : new Set(ids);
    if (![...this.unseen].some((id) => seen.has(id))) return;
    this.unseen = new Set([...this.unseen].filter((id) => !seen.has(id)));
  }

  async readSources(): Promise<void> {
    try {
      this.sources = await this.backend.call("list_feed_sources");
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
  }

  async readSettings(): Promise<void> {
    try {
      this.settings = await this.backend.call("feed_settings");
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
  }

  #filters() {
    return { search: this.search.trim() || null, network: this.network, lang: this.lang, source: null, media: this.media };
  }

  /** Narrows the feed to one network and/or language (null: all); reads the first page again. */
  async setFilter(filter: { network?: string | null; lang?: string | null; media?: boolean }): Promise<void> {
    if (filter.network !== undefined) this.network = filter.network;
    if (filter.lang !== undefined) this.lang = filter.lang;
    if (filter.media !== undefined) this.media = filter.media;
    await this.readItems();
  }

  /** The networks the sources bring, for the filter buttons (RSS first). */
  get networks(): string[] {
    return [...new Set(this.sources.map((s) => s.network))].sort((a, b) =>
      a === "rss" ? -1 : b === "rss" ? 1 : a.localeCompare(b),
    );
  }

  /** Changes the search; the items are read again once typing pauses. */
  setSearch(text: string): void {
    this.search = text;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.readItems(), SEARCH_PAUSE_MS);
  }

  /** Starts refreshing every due source, or one source now; returns once it has started. */
  async refresh(sourceId: string | null = null): Promise<void> {
    const finishedBefore = this.#finished;
    const started = await this.backend.call("refresh_feeds", { sourceId });
    if (started.already_running) {
      this.note = { kind: "already_running" };
    } else if (started.sources.length === 0) {
      this.note = { kind: "nothing_due" };
    } else if (this.#finished === finishedBefore) {
      // Events can overtake the answer (fast feeds): a run already started keeps its count,
      // and one already finished is not started again.
      this.progress ??= { total: started.sources.length, done: 0 };
    }
  }

  async addFeed(url: string): Promise<FeedSource> {
    return this.#sourcesChanged(this.backend.call("add_feed", { url }));
  }

  async addCreator(base: string, platform: Platform, user: string): Promise<FeedSource> {
    const added = await this.#sourcesChanged(this.backend.call("add_feed_creator", { base, platform, user }));
    await this.readSettings();
    return added;
  }

  /** Loads (the next part of) a gap in a timeline, then shows what it brought. */
  async loadGap(gapId: number): Promise<GapReport> {
    const report = await this.backend.call("load_feed_gap", { gapId });
    await Promise.all([this.readSources(), this.readItems()]);
    return report;
  }

  /** Dismisses a gap without loading it. */
  async forgetGap(gapId: number): Promise<void> {
    await this.backend.call("forget_feed_gap", { gapId });
    await this.readSources();
  }

  async remove(id: string): Promise<void> {
    await this.#sourcesChanged(this.backend.call("remove_feed_source", { id }));
    await this.readItems();
  }

  async setRetention(keep: number): Promise<void> {
    this.settings = await this.backend.call("set_feed_retention", { keep });
    await Promise.all([this.readItems(), this.readSources()]);
  }

  async #sourcesChanged<T>(call: Promise<T>): Promise<T> {
    const result = await call;
    await this.readSources();
    return result;
  }

  #onEvent(event: FeedEvent): void {
    if (event.kind === "started") {
      this.note = null;
      this.progress ??= { total: event.sources.length, done: 0 };
    } else if (event.kind === "source") {
      if (this.progress) this.progress = { ...this.progress, done: this.progress.done + 1 };
      const report = event.report;
      if (report) {
        // The badge changes as each source finishes, before the list is read again.
        this.sources = this.sources.map((s) =>
          s.id === event.source_id ? { ...s, health: report.health, last_error: report.error } : s,
        );
      }
    } else {
      this.#finished += 1;
      this.progress = null;
      this.note = { kind: "done", sources: event.sources, newItems: event.new_items };
      void this.readNewer();
      void this.readSources();
    }
  }
}
