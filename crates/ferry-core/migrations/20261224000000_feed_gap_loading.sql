-- Loading a gap. A refresh that could not reach what the cache had keeps, with the gap, what
-- the account's reader needs to go on from where it stopped:
--   since_cursor  the source's cursor before that refresh: where loading stops (NULL for a
--                 gap recorded before Ferry could load gaps; such a gap can only be dismissed)
--   resume        where the reader goes on (a Mastodon entry id, a Bluesky page and how much
--                 of it was taken, a Nostr time); NULL: from the top
ALTER TABLE feed_gaps ADD COLUMN since_cursor TEXT;
ALTER TABLE feed_gaps ADD COLUMN resume TEXT;
