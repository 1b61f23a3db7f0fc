//! [`SqliteTranslationCache`]: ferry-hints' `TranslationCache` in the `translations` table, so
//! a text translated once (and paid for once) is never sent again, by the app or the CLI.
//!
//! Rows are keyed by provider (`deepl`, `openai:<model>` …), source and target language and
//! the SHA-256 of the text; the text itself is not stored, only its translation. Each hit
//! marks the row used; after each new translation the least recently used rows beyond
//! `limit_bytes` of translations are deleted, so the table stays small however much is
//! translated.

use async_trait::async_trait;
use ferry_hints::translate::{CacheKey, TranslationCache};
use sha2::{Digest, Sha256};

use crate::Store;
use crate::clock;

/// How many bytes of translations are kept by default: thousands of posts.
pub const DEFAULT_CACHE_BYTES: i64 = 8 * 1024 * 1024;

/// The translation cache in Ferry's database. Cheap to clone.
#[derive(Debug, Clone)]
pub struct SqliteTranslationCache {
    store: Store,
    limit_bytes: i64,
}

impl SqliteTranslationCache {
    pub fn new(store: Store) -> Self {
        SqliteTranslationCache {
            store,
            limit_bytes: DEFAULT_CACHE_BYTES,
        }
    }

    /// The same cache keeping at most `limit_bytes` of translations.
    pub fn with_limit(mut self, limit_bytes: i64) -> Self {
        self.limit_bytes = limit_bytes.max(0);
        self
    }

    /// (rows, bytes of translations) kept now.
    pub async fn size(&self) -> Result<(i64, i64), String> {
        let (rows, bytes): (i64, i64) =
            sqlx::query_as("SELECT count(*), ifnull(sum(bytes), 0) FROM translations")
                .fetch_one(&self.store.pool)
                .await
                .map_err(|e| self.store.db_err(e).to_string())?;
        Ok((rows, bytes))
    }

    async fn evict(&self) -> Result<(), sqlx::Error> {
        // Keep the most recently used rows whose sizes add up to the limit; drop the rest.
        sqlx::query(
            "DELETE FROM translations WHERE rowid IN (\
               SELECT rowid FROM (\
                 SELECT rowid, sum(bytes) OVER (ORDER BY used_at DESC, rowid DESC) AS kept \
                 FROM translations) \
               WHERE kept > ?)",
        )
        .bind(self.limit_bytes)
        .execute(&self.store.pool)
        .await?;
        Ok(())
    }
}

fn text_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

#[async_trait]
impl TranslationCache for SqliteTranslationCache {
    async fn get(&self, key: &CacheKey) -> Result<Option<String>, String> {
        sqlx::query_scalar(
            "UPDATE translations SET used_at = ? \
             WHERE provider = ? AND source = ? AND target = ? AND text_sha256 = ? \
             RETURNING translation",
        )
        .bind(clock::to_db(clock::now()))
        .bind(&key.provider)
        .bind(&key.source)
        .bind(&key.target)
        .bind(text_hash(&key.text))
        .fetch_optional(&self.store.pool)
        .await
        .map_err(|e| self.store.db_err(e).to_string())
    }

    async fn put(&self, key: &CacheKey, translation: &str) -> Result<(), String> {
        let now = clock::to_db(clock::now());
        sqlx::query(
            "INSERT INTO translations \
             (provider, source, target, text_sha256, translation, bytes, created_at, used_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (provider, source, target, text_sha256) DO UPDATE SET \
             translation = excluded.translation, bytes = excluded.bytes, used_at = excluded.used_at",
        )
        .bind(&key.provider)
        .bind(&key.source)
        .bind(&key.target)
        .bind(text_hash(&key.text))
        .bind(translation)
        .bind(translation.len() as i64)
        .bind(&now)
        .bind(&now)
        .execute(&self.store.pool)
        .await
        .map_err(|e| self.store.db_err(e).to_string())?;
        self.evict()
            .await
            .map_err(|e| self.store.db_err(e).to_string())
    }
}
