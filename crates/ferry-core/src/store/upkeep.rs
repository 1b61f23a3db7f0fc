//! Background upkeep after writes: catching the search index up and WAL checkpoints, both
//! kept off the autosave path.
//!
//! Every [`EVERY_WRITES`] commits a background task indexes the texts saved since the last
//! time ([`Store::index_pending`]) and checkpoints; [`Store::close`] does both once more.
//!
//! SQLite's automatic checkpoint runs inside whichever commit crosses the WAL size limit,
//! so about one autosave in thirty would pay for copying the whole WAL back into the
//! database. Instead the pool's connections never checkpoint on their own
//! (`wal_autocheckpoint = 0`); every [`EVERY_WRITES`] commits a background task runs a
//! PASSIVE checkpoint (which never blocks readers or writers), and [`Store::close`] runs one
//! last. A process that dies without closing leaves a longer WAL, which the next open reads
//! as usual: nothing is lost, it is only checkpointed later.
//!
//! The WAL only starts over from its beginning when a write finds it fully copied, which
//! writes arriving back to back (or a reader) can keep from happening. So when the WAL has
//! grown past [`RESTART_FRAMES`] pages, a RESTART checkpoint makes writers wait the moment it
//! takes to finish and start the WAL over: it never grows without bound.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::Store;

/// Commits between background upkeep runs: a few hundred WAL pages for long drafts, and
/// one indexing of the draft being typed instead of one per autosave.
pub const EVERY_WRITES: u64 = 32;

/// WAL length in pages (4 KiB each) past which a RESTART checkpoint starts it over.
pub const RESTART_FRAMES: i64 = 8_192;

#[derive(Debug, Default)]
pub(crate) struct Schedule {
    writes: AtomicU64,
    /// Held by the one upkeep run at a time; `close` takes it to wait for a running one
    /// (a connection still busy in the background when the pool closes would finish
    /// closing after `close` returned).
    running: Arc<tokio::sync::Mutex<()>>,
}

impl Store {
    /// Call after each committed write; now and then starts the background upkeep.
    pub(crate) fn wrote(&self) {
        let schedule = &self.inner.upkeep;
        let n = schedule.writes.fetch_add(1, Ordering::Relaxed) + 1;
        if !n.is_multiple_of(EVERY_WRITES) {
            return;
        }
        let Ok(turn) = schedule.running.clone().try_lock_owned() else {
            return; // one is running already
        };
        let store = self.clone();
        tokio::spawn(async move {
            store.upkeep().await;
            drop(turn);
        });
    }

    /// Waits for a background upkeep to finish, runs a last one if anything was written,
    /// and leaves no connection busy.
    pub(crate) async fn final_upkeep(&self) {
        let _turn = self.inner.upkeep.running.lock().await;
        if self.wrote_anything() {
            self.upkeep().await;
        }
    }

    pub(crate) fn wrote_anything(&self) -> bool {
        self.inner.upkeep.writes.load(Ordering::Relaxed) > 0
    }

    /// Indexes pending texts, then checkpoints. Failures only postpone the work.
    pub(crate) async fn upkeep(&self) {
        if let Err(err) = self.index_pending().await {
            tracing::debug!(path = %self.db_path().display(), %err, "search indexing postponed");
        }
        self.checkpoint().await;
    }

    /// A PASSIVE checkpoint (copies what it can without waiting for anyone), then a RESTART
    /// one if the WAL stays long.
    pub(crate) async fn checkpoint(&self) {
        let passive: Result<(i64, i64, i64), _> = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.pool)
            .await;
        let result = match passive {
            Ok((_, log, _)) if log > RESTART_FRAMES => {
                sqlx::query("PRAGMA wal_checkpoint(RESTART)")
                    .execute(&self.pool)
                    .await
                    .map(drop)
            }
            other => other.map(drop),
        };
        if let Err(err) = result {
            // Not an error for the user: the WAL is still valid, just longer.
            tracing::debug!(path = %self.db_path().display(), %err, "WAL checkpoint skipped");
        }
    }
}
