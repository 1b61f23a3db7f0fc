-- The merged feed, second slice: the user's own accounts become sources (their Mastodon home
-- timeline, their Nostr follows), and items learn what social posts have and feeds don't:
-- handles, avatars, who boosted them, what they answer, media with alt text.
--
-- SQLite cannot change a CHECK constraint in place, so both tables are rebuilt. Items are
-- built first under a new name pointing at the new sources table; renaming the new sources
-- table to `feed_sources` then updates that reference (ALTER TABLE RENAME rewrites foreign
-- keys that name the renamed table), and no foreign key ever points at a dropped table.
--
-- An account source has `kind = 'account'`, its `account_id`, and `cursor`: what the
-- network's reader returned last (a Mastodon status id, a Nostr `created_at`), so the next
-- refresh asks only for newer posts. Removing the account removes its source and items.
-- `feed_gaps` remembers where a refresh could not reach the previous newest post (more was
-- new than one refresh may fetch, or a relay failed part-way): the feed shows the gap instead
-- of pretending the timeline is whole.

CREATE TABLE feed_sources_v2 (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('rss', 'rsshub', 'account')),
    url            TEXT NOT NULL UNIQUE,  -- for an account: its profile address or npub URI
    account_id     TEXT UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    cursor         TEXT,
    title          TEXT,
    etag           TEXT,
    last_modified  TEXT,
    next_fetch_at  TEXT NOT NULL,
    health         TEXT,
    http_status    INTEGER,
    last_error     TEXT,
    ttl_minutes    INTEGER,
    failures       INTEGER NOT NULL DEFAULT 0,
    last_fetched_at TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((kind = 'account') = (account_id IS NOT NULL))
) STRICT;

INSERT INTO feed_sources_v2 (id, kind, url, title, etag, last_modified, next_fetch_at, health,
    http_status, last_error, ttl_minutes, failures, last_fetched_at, created_at, updated_at)
SELECT id, kind, url, title, etag, last_modified, next_fetch_at, health, http_status,
    last_error, ttl_minutes, failures, last_fetched_at, created_at, updated_at
FROM feed_sources;

CREATE TABLE feed_items_v2 (
    id            INTEGER PRIMARY KEY,
    network       TEXT NOT NULL DEFAULT 'rss',   -- rss | mastodon | nostr | bluesky
    source_id     TEXT NOT NULL REFERENCES feed_sources_v2 (id) ON DELETE CASCADE,
    remote_id     TEXT NOT NULL,
    author_name   TEXT,
    author_handle TEXT,
    author_avatar TEXT,                          -- http(s); fetched by the engine, never the webview
    title         TEXT,
    text          TEXT NOT NULL,
    html          TEXT,                          -- sanitized (ammonia), or NULL
    url           TEXT,
    lang          TEXT,
    published_at  TEXT NOT NULL,
    fetched_at    TEXT NOT NULL,
    boosted_by_name   TEXT,                      -- set when a boost/repost brought it here
    boosted_by_handle TEXT,
    reply_to_id     TEXT,
    reply_to_handle TEXT,
    media_json    TEXT NOT NULL DEFAULT '[]',    -- [{"url","alt","kind"}]
    UNIQUE (source_id, remote_id)
) STRICT;

INSERT INTO feed_items_v2 (id, network, source_id, remote_id, author_name, title, text, html,
    url, lang, published_at, fetched_at)
SELECT id, network, source_id, remote_id, author_name, title, text, html, url, lang,
    published_at, fetched_at
FROM feed_items;

DROP TABLE feed_items;
DROP TABLE feed_sources;
ALTER TABLE feed_sources_v2 RENAME TO feed_sources;
ALTER TABLE feed_items_v2 RENAME TO feed_items;

CREATE INDEX feed_sources_due ON feed_sources (next_fetch_at);
CREATE INDEX feed_items_newest ON feed_items (published_at DESC, id DESC);
CREATE INDEX feed_items_by_source ON feed_items (source_id, published_at DESC, id DESC);
-- Finding the user's own posts among items (one card for a cross-post).
CREATE INDEX feed_items_remote ON feed_items (network, remote_id);

CREATE TABLE feed_gaps (
    id          INTEGER PRIMARY KEY,
    source_id   TEXT NOT NULL REFERENCES feed_sources (id) ON DELETE CASCADE,
    -- Posts published after `newer_than` and before `older_than` may be missing.
    newer_than  TEXT,                            -- RFC 3339 UTC, NULL when unknown
    older_than  TEXT NOT NULL,
    found_at    TEXT NOT NULL
) STRICT;
CREATE INDEX feed_gaps_by_source ON feed_gaps (source_id, older_than DESC);
-- The user's own posts, found among items by the id the network gave them, and the other
-- targets of the same publish job.
CREATE INDEX outbox_targets_remote ON outbox_targets (network, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX outbox_targets_by_job ON outbox_targets (job_id);
