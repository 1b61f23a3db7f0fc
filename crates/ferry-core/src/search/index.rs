//! Bringing the trigram index up to date with the drafts' text.
//!
//! Saving a draft marks its text unindexed (`draft_bodies.indexed = 0`) and does no trigram
//! work, so autosave stays fast however long the draft. Searches treat unindexed texts as
//! candidates and check them directly, so results never depend on how far the index has
//! caught up; the index only makes searching many drafts fast. [`Store::index_pending`]
//! catches up a few drafts per transaction; the store runs it in the background now and
//! then (see `store::upkeep`) and on close.

use crate::Store;
use crate::error::StoreError;

/// Drafts indexed per transaction: short enough that an autosave never waits long for it.
const BATCH: i64 = 8;

/// Ends every indexed text so that each place a one- or two-character word occurs begins a
/// trigram (see the `search_short_words` migration). Nobody types U+0001.
const INDEX_END: &str = "\u{1}\u{1}";

impl Store {
    /// Indexes texts saved since the index last caught up; returns how many.
    pub async fn index_pending(&self) -> Result<usize, StoreError> {
        let mut total = 0;
        loop {
            let mut tx = self.begin_write().await?;
            let pending: Vec<(i64, String)> = sqlx::query_as(
                "SELECT seq, body FROM draft_bodies WHERE indexed = 0 ORDER BY seq LIMIT ?",
            )
            .bind(BATCH)
            .fetch_all(&mut *tx)
            .await
            .map_err(|e| self.db_err(e))?;
            for (seq, body) in &pending {
                sqlx::query("DELETE FROM draft_search WHERE rowid = ?")
                    .bind(seq)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| self.db_err(e))?;
                sqlx::query("INSERT INTO draft_search (rowid, body) VALUES (?, ?)")
                    .bind(seq)
                    .bind(format!("{body}{INDEX_END}"))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| self.db_err(e))?;
                sqlx::query("UPDATE draft_bodies SET indexed = 1 WHERE seq = ?")
                    .bind(seq)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| self.db_err(e))?;
            }
            tx.commit().await.map_err(|e| self.db_err(e))?;
            total += pending.len();
            if (pending.len() as i64) < BATCH {
                return Ok(total);
            }
        }
    }
}
