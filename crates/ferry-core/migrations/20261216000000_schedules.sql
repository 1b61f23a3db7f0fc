-- Scheduling: *when* a draft goes out. The outbox still decides *how* (idempotency keys,
-- unknown → check): when an item falls due, the scheduler writes its outbox job and marks the
-- item handed over in one transaction, so an item becomes at most one job.

CREATE TABLE schedules (
    id            TEXT PRIMARY KEY,
    draft_id      TEXT NOT NULL,          -- no foreign key: a deleted draft fails with a reason
    due_at        TEXT NOT NULL,          -- the instant, UTC, fixed-width RFC 3339 (sorts as time)
    tz            TEXT NOT NULL,          -- the IANA zone the user chose the time in
    wall_time     TEXT NOT NULL,          -- 2027-03-14T09:00:00, as chosen, in tz
    utc_offset    TEXT NOT NULL,          -- -04:00: which instant of a fold, and for display
    accounts_json TEXT NOT NULL,          -- the account ids it goes to, fixed when scheduled
    mapping_json  TEXT NOT NULL DEFAULT '[]', -- explicit variants per account
    -- scheduled | claimed | handed | held | skipped | cancelled | failed
    state         TEXT NOT NULL,
    late_ok       INTEGER NOT NULL DEFAULT 0, -- "Post now" on a held item: send however late
    version       INTEGER NOT NULL DEFAULT 1, -- bumped by every move and cancel
    lease_owner   TEXT,                   -- the scheduler loop sending it, while claimed
    lease_until   TEXT,
    job_id        TEXT,                   -- the outbox job it became
    error_code    TEXT,                   -- why it failed, or why a target was left out
    error_message TEXT,
    -- What the last check before its time found would stop a target (an account to sign in
    -- again, a text over a limit …), so the user hears it before the time, not at it.
    warning_code    TEXT,
    warning_message TEXT,
    checked_at      TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX schedules_by_due ON schedules (state, due_at);
CREATE INDEX schedules_by_draft ON schedules (draft_id);

-- The job a schedule became; unique, so a second hand-over of one item cannot be written.
ALTER TABLE publish_jobs ADD COLUMN schedule_id TEXT;
CREATE UNIQUE INDEX publish_jobs_once_per_schedule ON publish_jobs (schedule_id)
    WHERE schedule_id IS NOT NULL;

-- Weekly queue slots, per account, in a zone: 09:00 New York stays 09:00 New York across DST.
CREATE TABLE queue_slots (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- 1 = Monday
    minute      INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439), -- minutes after midnight
    tz          TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (account_id, weekday, minute, tz)
) STRICT;

-- Each account's audience zone (NULL: Asia/Shanghai for a Chinese audience, else the OS zone).
ALTER TABLE accounts ADD COLUMN audience_tz TEXT;

-- One row per scheduler loop (the app, `ferry daemon`): when it last ran, so the UI can say
-- "scheduler last ran 12 s ago" or warn that nothing is running.
CREATE TABLE scheduler_runs (
    owner       TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,            -- app | daemon
    pid         INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    last_run_at TEXT NOT NULL,
    stopped_at  TEXT
) STRICT;
