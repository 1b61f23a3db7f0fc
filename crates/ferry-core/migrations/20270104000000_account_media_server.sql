-- A Nostr account's media server may speak Blossom (BUD-01/02) or NIP-96: the address keeps
-- its column under a name that says so, and the protocol found when it was chosen is kept
-- beside it. Every server chosen before this was a Blossom one.
ALTER TABLE accounts RENAME COLUMN blossom_url TO media_server_url;
ALTER TABLE accounts ADD COLUMN media_server_protocol TEXT
    CHECK (media_server_protocol IN ('blossom', 'nip96'));
UPDATE accounts SET media_server_protocol = 'blossom' WHERE media_server_url IS NOT NULL;
