-- One- and two-character words ("渡", "渡口") have no trigram of their own, but every place
-- they occur begins a trigram — once the indexed text ends with two U+0001 characters, which
-- nobody types. The index's vocabulary (`draft_search_terms`) then lists the trigrams that
-- start with such a word, and those trigrams find its drafts without reading every text.
-- Re-index every text with the two trailing characters.

CREATE VIRTUAL TABLE draft_search_terms USING fts5vocab (draft_search, 'row');

INSERT INTO draft_search (draft_search) VALUES ('delete-all');
INSERT INTO draft_search (rowid, body) SELECT seq, body || char(1, 1) FROM draft_bodies;
UPDATE draft_bodies SET indexed = 1;
