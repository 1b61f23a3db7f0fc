-- Taking a like or boost back. A row being taken back is `undoing`, with what makes sending
-- the undo again harmless in `undo_payload` (Nostr's signed deletion request; Bluesky and
-- Mastodon need nothing more than the record key already in `payload`). It is written
-- durably before the request and the row is removed once the server said yes.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt; nothing points
-- at it.
CREATE TABLE feed_interactions_v2 (
    item_id      INTEGER NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('like', 'boost')),
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    payload      TEXT,
    state        TEXT NOT NULL CHECK (state IN ('sending', 'done', 'undoing')),
    undo_payload TEXT,
    created_at   TEXT NOT NULL,
    done_at      TEXT,
    PRIMARY KEY (item_id, kind)
) STRICT;

INSERT INTO feed_interactions_v2 (item_id, kind, account_id, payload, state, created_at, done_at)
SELECT item_id, kind, account_id, payload, state, created_at, done_at FROM feed_interactions;

DROP TABLE feed_interactions;
ALTER TABLE feed_interactions_v2 RENAME TO feed_interactions;
