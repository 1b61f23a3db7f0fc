// Feed items and sources as the shell sends them, for tests.
import type { FeedItem, FeedSource } from "../backend";

export function source(over: Partial<FeedSource> = {}): FeedSource {
  return {
    id: "s1",
    kind: "rss",
    network: "rss",
    account_id: null,
    url: "http://127.0.0.1:8080/rss.rss",
    title: "渡口日报 Ferry Daily",
    health: { state: "working" },
    last_error: null,
    failures: 0,
    next_fetch_at: "2026-12-05T14:00:00Z",
    last_fetched_at: "2026-12-05T12:30:00Z",
    items: 3,
    gaps: [],
    created_at: "2026-12-05T12:00:00Z",
    ...over,
  };
}

export function item(over: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 1,
    network: "rss",
    remote_id: "e1",
    source: { id: "s1", title: "渡口日报 Ferry Daily", url: "http://127.0.0.1:8080/rss.rss" },
    author: { name: "小红", handle: null, avatar_url: null, domain: null },
    title: "日出 · 渡口的早晨",
    text: "今天的日出很美。",
    html: "<p>今天的<strong>日出</strong>很美。</p>",
    url: "https://ferry.example/posts/sunrise",
    lang: "zh-Hans",
    published_at: "2026-12-04T22:00:00Z",
    fetched_at: "2026-12-05T12:30:00Z",
    boosted_by: null,
    reply_to: null,
    media: [],
    also_on: [],
    person: null,
    twins: [],
    liked: false,
    boosted: false,
    ...over,
  };
}
