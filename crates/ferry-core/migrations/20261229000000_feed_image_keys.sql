-- A fingerprint of an item's first picture (a 64-bit difference hash, as 16 hex digits; '-'
-- when it has none or it can't be read), computed for linked people's posts only, so a
-- cross-post whose only tie is its photo (re-encoded and resized by each network) is found
-- as a twin (src/feed/image_keys.rs, src/feed/twins.rs). NULL: not computed yet.
ALTER TABLE feed_items ADD COLUMN image_key TEXT;
