-- Likes and boosts the user gave items of an account's timeline, as that account.
--
-- A row is written (durably) before the request, with what makes sending it again harmless:
-- Bluesky's record key and date (the record is written over itself), Nostr's signed event
-- (the same event again), nothing for Mastodon (favourite and reblog are idempotent there).
-- `sending` until the server said yes; a refused request removes its row.
CREATE TABLE feed_interactions (
    item_id    INTEGER NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('like', 'boost')),
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    payload    TEXT,
    state      TEXT NOT NULL CHECK (state IN ('sending', 'done')),
    created_at TEXT NOT NULL,
    done_at    TEXT,
    PRIMARY KEY (item_id, kind)
) STRICT;
