-- People found without the user: authors whose network verified a web domain as theirs (a
-- Bluesky handle that is their own domain; a Mastodon profile link to a bare domain with a
-- checked rel="me" backlink) are remembered with it, and two authors with one domain become
-- one person (src/feed/people_by_domain.rs). Nostr NIP-05 names are only claimed: not here.
CREATE TABLE feed_author_domains (
    network     TEXT NOT NULL,
    author_key  TEXT NOT NULL,
    domain      TEXT NOT NULL,
    label       TEXT,
    PRIMARY KEY (network, author_key, domain)
) STRICT;
CREATE INDEX feed_author_domains_by_domain ON feed_author_domains (domain);

-- The domain a person was found through (NULL for people the user linked).
ALTER TABLE feed_people ADD COLUMN domain TEXT;

-- Domains whose person the user unlinked: not linked again on the next refresh.
CREATE TABLE feed_people_dismissed (
    domain  TEXT PRIMARY KEY
) STRICT;
