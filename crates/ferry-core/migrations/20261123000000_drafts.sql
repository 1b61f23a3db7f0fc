-- Ferry's first schema: drafts with one text per audience language, per-network overrides,
-- targets, topics, image attachments, full-snapshot revisions, a search index and settings.
-- Times are UTC RFC 3339 text with fixed microseconds, so text order is time order.

-- Marks the file as Ferry's ('FERY'), so opening someone else's SQLite file is refused.
PRAGMA application_id = 1178948185;

CREATE TABLE drafts (
    seq              INTEGER PRIMARY KEY,  -- also the rowid of the draft's search row
    id               TEXT NOT NULL UNIQUE,
    revision         INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    -- Denormalised for the list, so listing never reads whole texts.
    languages        TEXT NOT NULL DEFAULT '',
    preview          TEXT NOT NULL DEFAULT '',
    attachment_count INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX drafts_by_update ON drafts (updated_at DESC, seq DESC);

CREATE TABLE draft_variants (
    draft_seq INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    lang      TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (draft_seq, lang)
) STRICT;

CREATE TABLE draft_overrides (
    draft_seq INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    lang      TEXT NOT NULL,
    network   TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (draft_seq, lang, network)
) STRICT;

CREATE TABLE draft_targets (
    draft_seq  INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    network    TEXT NOT NULL,
    account_id TEXT,  -- NULL: the network's default account (accounts come later)
    PRIMARY KEY (draft_seq, position)
) STRICT;
CREATE UNIQUE INDEX draft_targets_once ON draft_targets (draft_seq, network, ifnull(account_id, ''));

CREATE TABLE draft_topics (
    draft_seq INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    topic     TEXT NOT NULL,
    PRIMARY KEY (draft_seq, position)
) STRICT;

CREATE TABLE attachments (
    id            TEXT PRIMARY KEY,
    draft_seq     INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    stored_name   TEXT NOT NULL,
    original_name TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    byte_len      INTEGER NOT NULL,
    alt_json      TEXT NOT NULL DEFAULT '{}'  -- {"en": "…", "zh-Hans": "…"}
) STRICT;
CREATE INDEX attachments_by_draft ON attachments (draft_seq, position);
CREATE INDEX attachments_by_sha ON attachments (sha256);

CREATE TABLE revisions (
    draft_seq     INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    restored_from INTEGER,
    preview       TEXT NOT NULL,
    snapshot      TEXT NOT NULL,  -- the whole DraftContent as JSON
    PRIMARY KEY (draft_seq, number)
) STRICT;

-- Substring search in any script: trigrams need no word segmentation, so Chinese works
-- without a dictionary. Queries shorter than three characters fall back to instr() scans.
CREATE VIRTUAL TABLE draft_search USING fts5 (body, tokenize = 'trigram');

CREATE TRIGGER drafts_forget_search AFTER DELETE ON drafts BEGIN
    DELETE FROM draft_search WHERE rowid = old.seq;
END;

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
