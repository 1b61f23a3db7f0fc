-- Replying from the feed: a draft may answer one post of one account's timeline, and a
-- publish job keeps the answer it was planned with.
--
-- `draft_replies` is part of a draft's content (revisions snapshot it with the rest; see
-- src/model/reply.rs). It names the post as the network does, plus what the composer shows
-- ("Replying to …"); no foreign key to the account or the feed item, because the reply is
-- kept when the cache drops the item, and an account removed later is a clear publish error.
CREATE TABLE draft_replies (
    draft_seq      INTEGER PRIMARY KEY REFERENCES drafts (seq) ON DELETE CASCADE,
    account_id     TEXT NOT NULL,
    network        TEXT NOT NULL,
    remote_id      TEXT NOT NULL,
    author_id      TEXT,
    author_name    TEXT,
    author_handle  TEXT,
    root_id        TEXT,
    url            TEXT,
    excerpt        TEXT NOT NULL DEFAULT '',
    feed_item_id   INTEGER
) STRICT;

-- The reply target a job's target was planned with (JSON of ReplyTarget), or NULL.
ALTER TABLE outbox_targets ADD COLUMN reply_json TEXT;

-- A reply's conversation: the first post of the thread it belongs to, when the network says
-- (Nostr's `root` tag, Bluesky's `reply.root`). NULL for posts that answer nothing.
ALTER TABLE feed_items ADD COLUMN thread_root_id TEXT;
