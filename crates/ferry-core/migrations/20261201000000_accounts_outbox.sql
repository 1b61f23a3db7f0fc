-- Accounts and the outbox (cross-posting).
--
-- Account rows hold only what is not secret: tokens, app passwords and private keys live in the
-- OS keychain under the account's id (see src/secrets). Outbox rows are written before any
-- network call, with the idempotency key each part will be sent with, so a crash or a lost
-- answer can always be checked against the server instead of sending again.

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    network       TEXT NOT NULL,           -- mastodon | bluesky | nostr
    handle        TEXT NOT NULL,           -- @user@instance, alice.bsky.social, npub1…
    display_name  TEXT NOT NULL DEFAULT '',
    server_url    TEXT,                    -- Mastodon instance or Bluesky PDS; NULL for Nostr
    remote_id     TEXT NOT NULL,           -- Mastodon account id, Bluesky DID, Nostr pubkey hex
    audience_json TEXT NOT NULL DEFAULT '[]',  -- ["zh-Hans"]: which variants this account gets
    limits_json   TEXT,                    -- a Mastodon instance's limits, cached
    relays_json   TEXT NOT NULL DEFAULT '[]',  -- Nostr: [{"url","read","write"}]
    client_id     TEXT,                    -- Mastodon: the registered app's client id
    state         TEXT NOT NULL DEFAULT 'active',  -- active | needs_reauth
    state_detail  TEXT,
    position      INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
-- One row per account on a server: adding it again signs it in again.
CREATE UNIQUE INDEX accounts_once ON accounts (network, ifnull(server_url, ''), remote_id);

-- Mastodon app registrations, one per instance (POST /api/v1/apps is not repeated for every
-- sign-in). The client secret is in the keychain under account id `app:<instance>`.
CREATE TABLE mastodon_apps (
    instance      TEXT PRIMARY KEY,        -- scheme://host[:port]
    client_id     TEXT NOT NULL,
    redirect_uris TEXT NOT NULL,           -- newline-separated, as registered
    scopes        TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;

-- One "post now" of a draft.
CREATE TABLE publish_jobs (
    id             TEXT PRIMARY KEY,
    draft_id       TEXT NOT NULL,          -- no foreign key: a posted draft may be deleted
    draft_revision INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    -- Which process is sending this job, and until when that claim holds (renewed while it
    -- runs). A claim that expired, or whose process is gone, was a crash.
    lease_owner    TEXT,
    lease_until    TEXT
) STRICT;
CREATE INDEX publish_jobs_by_draft ON publish_jobs (draft_id, created_at);

-- One (variant, account) pair of a job.
CREATE TABLE outbox_targets (
    id            TEXT PRIMARY KEY,
    job_id        TEXT NOT NULL REFERENCES publish_jobs (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    account_id    TEXT NOT NULL,
    network       TEXT NOT NULL,
    lang          TEXT NOT NULL,
    -- What goes with the text, fixed when the job is made so a retry sends the same:
    -- [{"storedName","mediaType","alt"}] and the Nostr `t` tags.
    media_json    TEXT NOT NULL DEFAULT '[]',
    tags_json     TEXT NOT NULL DEFAULT '[]',
    state         TEXT NOT NULL,           -- queued | sending | posted | failed | unknown
    attempts      INTEGER NOT NULL DEFAULT 0,
    remote_id     TEXT,                    -- the first part's id on the network
    remote_url    TEXT,
    error_code    TEXT,
    error_message TEXT,
    retryable     INTEGER,
    next_attempt_at TEXT,
    updated_at    TEXT NOT NULL,
    UNIQUE (job_id, position)
) STRICT;
CREATE INDEX outbox_targets_by_state ON outbox_targets (state);

-- A target's text as sent: one part, or a thread's parts in order.
CREATE TABLE outbox_parts (
    target_id       TEXT NOT NULL REFERENCES outbox_targets (id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    -- Mastodon: the Idempotency-Key; Bluesky: the record key (TID); Nostr: the event id, set
    -- when the event is signed. Always written before the request that uses it.
    idempotency_key TEXT,
    payload         TEXT,                  -- Nostr: the signed event; Bluesky: createdAt
    state           TEXT NOT NULL,         -- queued | sending | posted | unknown
    remote_id       TEXT,                  -- status id, at:// URI, event id
    remote_cid      TEXT,                  -- Bluesky: the record's CID (for reply refs)
    remote_url      TEXT,
    first_sent_at   TEXT,
    PRIMARY KEY (target_id, idx)
) STRICT;
