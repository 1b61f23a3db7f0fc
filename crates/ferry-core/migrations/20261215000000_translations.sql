-- Machine translation: the providers the user configured, and the translations they returned.
--
-- Provider rows hold only what is not secret; an API key lives in the OS keychain under
-- account id `translate:<provider id>`, kind `api_key` (see src/secrets), and `has_key` only
-- says whether one was stored. Machine translation is off until a provider is added and
-- enabled.

CREATE TABLE translation_providers (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,            -- deepl | libretranslate | openai
    url        TEXT,                     -- NULL for DeepL: the endpoint its key's plan uses
    model      TEXT,                     -- OpenAI-compatible endpoints only
    enabled    INTEGER NOT NULL DEFAULT 0,
    has_key    INTEGER NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL,         -- the first enabled provider by position translates
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Translations by provider (`deepl`, `openai:<model>` …), languages and the SHA-256 of the
-- source text (the text itself is not kept). Size-bounded: the least recently used rows
-- beyond a byte budget are deleted after each insert (src/translation/cache.rs).
CREATE TABLE translations (
    provider    TEXT NOT NULL,
    source      TEXT NOT NULL,           -- a language tag, or `auto`
    target      TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,           -- hex
    translation TEXT NOT NULL,
    bytes       INTEGER NOT NULL,        -- length of `translation` in UTF-8 bytes
    created_at  TEXT NOT NULL,
    used_at     TEXT NOT NULL,
    PRIMARY KEY (provider, source, target, text_sha256)
) STRICT;
CREATE INDEX translations_by_use ON translations (used_at);
