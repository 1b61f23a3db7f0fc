-- Linked people: the user says that several authors are one person (their Mastodon account,
-- their Bluesky handle, their Weibo through RSSHub …), and that person's posts of the same
-- moment — a cross-post, or a Chinese post and its English twin — become one card.
--
-- An author is named the way the cache can find it again: `author_key` on an item is the
-- author's lasting id (Bluesky DID, Nostr public key, Mastodon user@server; the handle for
-- items cached before ids were kept) or, for a feed (RSS, RSSHub), `source:<source id>`,
-- since such a source is one creator. It is a generated column, so no row is rewritten.
CREATE TABLE feed_people (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- One author belongs to at most one person.
CREATE TABLE feed_person_authors (
    network     TEXT NOT NULL,
    author_key  TEXT NOT NULL,
    person_id   TEXT NOT NULL REFERENCES feed_people (id) ON DELETE CASCADE,
    label       TEXT,                     -- what the user saw: a handle, a name, a feed title
    PRIMARY KEY (network, author_key)
) STRICT;
CREATE INDEX feed_person_authors_by_person ON feed_person_authors (person_id);

ALTER TABLE feed_items ADD COLUMN author_key TEXT GENERATED ALWAYS AS (
    CASE WHEN network = 'rss' THEN 'source:' || source_id
         ELSE coalesce(author_id, author_handle) END
) VIRTUAL;
CREATE INDEX feed_items_by_author ON feed_items (network, author_key, published_at);

-- What makes two posts of one person the same post, computed when an item is stored (NULL
-- for items cached before): the first link pointing away from the post, normalized, and a
-- hash of the text without links, mentions, hashtags, punctuation and case.
ALTER TABLE feed_items ADD COLUMN link_key TEXT;
ALTER TABLE feed_items ADD COLUMN text_key TEXT;
