-- Mastodon's own schedule: a target of a scheduled item can be handed to its server ahead of
-- time (`scheduled_at`), so it goes out even while Ferry is closed. One row per (item,
-- account) that Ferry has handed over or tried to; the scheduler leaves such a target out of
-- its own hand-over while the server keeps it.

CREATE TABLE server_schedules (
    schedule_id     TEXT NOT NULL,
    account_id      TEXT NOT NULL,
    -- creating: the request may have reached the server (key written before it was sent)
    -- kept:     the server holds it (remote_id) for due_at
    -- posted:   the server posted it (status_url once found)
    -- withdrawn: deleted from the server; Ferry sends this target itself, if still wanted
    -- refused:  the server would not keep it (a limit, a 422); Ferry sends it itself
    state           TEXT NOT NULL,
    remote_id       TEXT,                 -- the server's scheduled-status id
    idempotency_key TEXT NOT NULL,        -- written durably before the request
    due_at          TEXT NOT NULL,        -- the scheduled_at the server was given
    fingerprint     TEXT NOT NULL,        -- SHA-256 of what was handed over (text, language, images)
    text            TEXT NOT NULL,        -- the text handed over, to find the posted status by
    lang            TEXT NOT NULL,        -- the variant's language tag
    media_json      TEXT NOT NULL DEFAULT '[]', -- the images handed over, to ask again the same way
    status_url      TEXT,
    reason_code     TEXT,                 -- why refused or withdrawn
    reason_message  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (schedule_id, account_id)
) STRICT;
CREATE INDEX server_schedules_by_state ON server_schedules (state);

-- Per Mastodon account: hand scheduled posts to the server (on by default).
ALTER TABLE accounts ADD COLUMN server_schedule INTEGER NOT NULL DEFAULT 1;

-- Work one loop at a time does for the whole database (keeping the servers' schedules in
-- step), so the app and `ferry daemon` never both create a server's copy.
CREATE TABLE scheduler_leases (
    name        TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    until       TEXT NOT NULL
) STRICT;
