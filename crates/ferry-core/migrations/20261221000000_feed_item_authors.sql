-- The network's lasting id of an item's author (Nostr public key in hex, Bluesky DID,
-- Mastodon user@server; NULL for feeds and for items cached before this column). A Nostr
-- deletion (NIP-09) removes a cached note only when it comes from this author.
ALTER TABLE feed_items ADD COLUMN author_id TEXT;
CREATE INDEX feed_items_by_remote ON feed_items (network, remote_id);
