-- The merged feed, first slice: RSS / Atom / JSON Feed sources (direct, or RSSHub routes for
-- RedNote, Weibo and Douyin) and one normalized item table that later sources (Mastodon,
-- Bluesky, Nostr timelines) will share through `network`.
--
-- A source remembers what the server said last (`etag`, `last_modified`) so the next refresh
-- can be a 304, when to look again (`next_fetch_at`: TTL, Cache-Control, Retry-After,
-- backoff) and how it went (`health`, NULL until the first refresh). Items are deduplicated
-- per source by `remote_id` (Miniflux's identity, hashed: ferry-networks src/rss/parse.rs).
-- Item HTML is sanitized before it is stored; nothing unsanitized is ever written here.

CREATE TABLE feed_sources (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('rss', 'rsshub')),
    url            TEXT NOT NULL UNIQUE,
    title          TEXT,
    etag           TEXT,
    last_modified  TEXT,
    next_fetch_at  TEXT NOT NULL,         -- RFC 3339 UTC; due when <= now
    health         TEXT,                  -- working | not_modified | unreachable | http_error | not_a_feed | blocked | rate_limited | too_large
    http_status    INTEGER,               -- the status behind `health`, when there was one
    last_error     TEXT,
    ttl_minutes    INTEGER,               -- RSS <ttl> from the last full answer
    failures       INTEGER NOT NULL DEFAULT 0,  -- consecutive failed refreshes (backoff)
    last_fetched_at TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX feed_sources_due ON feed_sources (next_fetch_at);

CREATE TABLE feed_items (
    id           INTEGER PRIMARY KEY,
    network      TEXT NOT NULL DEFAULT 'rss',
    source_id    TEXT NOT NULL REFERENCES feed_sources (id) ON DELETE CASCADE,
    remote_id    TEXT NOT NULL,
    author_name  TEXT,
    title        TEXT,
    text         TEXT NOT NULL,           -- plain text of `html`
    html         TEXT,                    -- sanitized (ammonia), or NULL
    url          TEXT,                    -- http(s) only
    lang         TEXT,                    -- only when the feed says
    published_at TEXT NOT NULL,           -- RFC 3339 UTC; the fetch time when the feed gave none
    fetched_at   TEXT NOT NULL,
    UNIQUE (source_id, remote_id)
) STRICT;
CREATE INDEX feed_items_newest ON feed_items (published_at DESC, id DESC);
CREATE INDEX feed_items_by_source ON feed_items (source_id, published_at DESC, id DESC);
