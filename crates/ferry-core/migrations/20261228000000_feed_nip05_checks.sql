-- Nostr authors' root NIP-05 identifiers (`_@domain`), as their domains answered: a proven
-- domain is one of the author's verified domains (feed_author_domains), so the author becomes
-- one person with the other accounts of that domain (src/feed/nostr_domains.rs). Kept so a
-- domain is asked once a week (once a day after a "no"), not on every refresh.
CREATE TABLE feed_nip05_checks (
    pubkey      TEXT NOT NULL,
    domain      TEXT NOT NULL,
    proven      INTEGER NOT NULL CHECK (proven IN (0, 1)),
    checked_at  TEXT NOT NULL,
    PRIMARY KEY (pubkey, domain)
) STRICT;
