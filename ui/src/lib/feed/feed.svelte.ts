// The Feed screen's state: the merged items from the cache (newest first, searched in Chinese
// or English), the sources with their health, the feed's settings, and a refresh running in
// the background whose progress arrives as `ferry://feed` events. Reading never waits on the
// network, so the cache shows offline too.
//
//   const feed = new Feed(backend);
//   const stop = await feed.start();   // reads, then follows refresh events
//   feed.setSearch("日出");            // re-reads after a short pause in typing
//   await feed.refresh();              // returns at once; `feed.progress` counts sources done
import {
  BackendError,
  EVENT,
  type Backend,
  type FeedEvent,
  type FeedItem,
  type FeedSettings,
  type FeedSource,
  type Platform,
  type Unlisten,
} from "../backend";
import { looksOffline } from "./health";

/** Items read per page; "Show older items" reads the next. */
export const PAGE = 50;
/** How long typing pauses before the search runs. */
const SEARCH_PAUSE_MS = 200;

/** What the last "Refresh" came to, for the line under the toolbar. */
export type RunNote =
  | { kind: "done"; sources: number; newItems: number }
  | { kind: "nothing_due" }
  | { kind: "already_running" };

export class Feed {
  items = $state<FeedItem[]>([]);
  sources = $state<FeedSource[]>([]);
  settings = $state<FeedSettings | null>(null);
  search = $state("");
  /** Only this network's items (`rss`, `mastodon`, `nostr`), or all. */
  network = $state<string | null>(null);
  /** Only items in this language (`zh` or `en`), or all. */
  lang = $state<string | null>(null);
  loaded = $state(false);
  hasMore = $state(false);
  failure = $state<BackendError | null>(null);
  /** While a refresh runs: how many sources it fetches and how many are done. */
  progress = $state<{ total: number; done: number } | null>(null);
  note = $state<RunNote | null>(null);
  /** What the browser engine says about the network. */
  online = $state(true);

  #reads = 0;
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

  /** Reads the first page again (for the current search). An older answer never overwrites a newer one. */
  async readItems(): Promise<void> {
    const read = ++this.#reads;
    try {
      const items = await this.backend.call("list_feed_items", {
        limit: PAGE,
        offset: 0,
        ...this.#filters(),
      });
      if (read !== this.#reads) return;
      this.items = items;
      this.hasMore = items.length === PAGE;
      this.failure = null;
    } catch (raw) {
      if (read === this.#reads) this.failure = BackendError.from(raw);
    } finally {
      if (read === this.#reads) this.loaded = true;
    }
  }

  /** Appends the next page. */
  async more(): Promise<void> {
    const read = this.#reads;
    try {
      const next = await this.backend.call("list_feed_items", {
        limit: PAGE,
        offset: this.items.length,
        ...this.#filters(),
      });
      if (read !== this.#reads) return;
      const known = new Set(this.items.map((i) => i.id));
      this.items = [...this.items, ...next.filter((i) => !known.has(i.id))];
      this.hasMore = next.length === PAGE;
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
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
    return { search: this.search.trim() || null, network: this.network, lang: this.lang, source: null };
  }

  /** Narrows the feed to one network and/or language (null: all); reads the first page again. */
  async setFilter(filter: { network?: string | null; lang?: string | null }): Promise<void> {
    if (filter.network !== undefined) this.network = filter.network;
    if (filter.lang !== undefined) this.lang = filter.lang;
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
      void this.readItems();
      void this.readSources();
    }
  }
}
