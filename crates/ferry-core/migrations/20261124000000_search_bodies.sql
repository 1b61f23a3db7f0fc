-- Searchable text moves to a plain table, `draft_bodies`, and the trigram index becomes a
-- contentless helper that only narrows down candidates:
-- * every search checks the words against `draft_bodies` itself, so the index may lag
--   behind: a body saved since it was last indexed (`indexed = 0`) is simply always a
--   candidate. Autosave writes the body and nothing else; the index catches up in the
--   background (see `search::index`), keeping trigram work off the typing path;
-- * short queries (one or two characters, common in Chinese) read `draft_bodies` directly;
-- * the index stores no text (`content = ''`), deletes without re-reading it
--   (`contentless_delete`, SQLite 3.43+) and keeps no positions (`detail = none`): it only
--   has to say which drafts contain every trigram of a word.

DROP TRIGGER drafts_forget_search;

CREATE TABLE draft_bodies (
    seq     INTEGER PRIMARY KEY REFERENCES drafts (seq) ON DELETE CASCADE,
    body    TEXT NOT NULL,               -- variants, overrides, topics and alt texts, one per line
    indexed INTEGER NOT NULL DEFAULT 0   -- 1 when draft_search holds this body's trigrams
) STRICT;
CREATE INDEX draft_bodies_to_index ON draft_bodies (seq) WHERE indexed = 0;
INSERT INTO draft_bodies (seq, body, indexed) SELECT rowid, body, 1 FROM draft_search;

DROP TABLE draft_search;
CREATE VIRTUAL TABLE draft_search USING fts5 (
    body, content = '', contentless_delete = 1, detail = none, tokenize = 'trigram'
);
INSERT INTO draft_search (rowid, body) SELECT seq, body FROM draft_bodies;

-- Deleting a draft (cascading here) removes its trigrams at once.
CREATE TRIGGER draft_bodies_unindexed AFTER DELETE ON draft_bodies BEGIN
    DELETE FROM draft_search WHERE rowid = old.seq;
END;
