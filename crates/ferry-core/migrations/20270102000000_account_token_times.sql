-- When an account's token (Threads' long-lived user token) runs out and when Ferry last
-- renewed it: a token is renewed once it is a day old, before it expires. Not secret; the
-- token itself stays in the keychain.
ALTER TABLE accounts ADD COLUMN token_expires_at TEXT;
ALTER TABLE accounts ADD COLUMN token_renewed_at TEXT;
