//! The SQLite store: one `ferry.db` in the data folder, shared by the desktop app and the CLI.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_core::StoreError> {
//! let store = ferry_core::Store::open_default().await?; // FERRY_DATA_DIR or the OS folder
//! let drafts = store.list_drafts(&Default::default()).await?;
//! # Ok(()) }
//! ```
//!
//! Opening checks an existing file read-only before anything writes to it (see `health`): a damaged, foreign or newer
//! database is reported and left alone; [`Store::start_fresh`] is the only call that moves
//! one aside. WAL lets the app and the CLI read while the other writes; the busy timeout
//! makes a writer wait for the other one instead of failing at once.

mod health;
pub(crate) mod location;
mod recover;
pub(crate) mod sql_error;
mod upkeep;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::error::StoreError;

pub use location::{DATA_DIR_ENV, default_data_dir};
pub use recover::SetAside;

/// Tuning for [`Store::open_with`]; the defaults suit the app and the CLI.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// How long a write waits for another program's write lock before `db.locked`.
    pub busy_timeout: Duration,
    /// How many of the newest drafts a search tests one by one before it asks the trigram
    /// index instead (see `search`); tests lower it to reach the index path cheaply.
    pub search_scan_budget: u32,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            busy_timeout: Duration::from_secs(5),
            search_scan_budget: 2_000,
        }
    }
}

/// A handle on Ferry's database and data folder. Cheap to clone (it wraps a pool).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    data_dir: PathBuf,
    db_path: PathBuf,
    pub options: StoreOptions,
    pub upkeep: upkeep::Schedule,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and applies pending migrations.
    pub async fn open(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(data_dir, StoreOptions::default()).await
    }

    /// Opens the database in `FERRY_DATA_DIR`, or the OS data folder when that is unset.
    pub async fn open_default() -> Result<Store, StoreError> {
        Store::open(&default_data_dir()?).await
    }

    pub async fn open_with(data_dir: &Path, options: StoreOptions) -> Result<Store, StoreError> {
        let db_path = location::db_path(data_dir);
        std::fs::create_dir_all(data_dir).map_err(|err| StoreError::Unwritable {
            path: data_dir.to_path_buf(),
            detail: format!("cannot create the data folder: {err}"),
        })?;
        health::inspect_existing(&db_path, options.busy_timeout).await?;
        let connect = SqliteConnectOptions::new()
            .filename(&db_path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode NORMAL never corrupts the file; a crash of the app loses nothing,
            // a power cut may lose the last autosaves that were not checkpointed yet.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(options.busy_timeout)
            // Checkpoints run beside the writes instead of inside one (see `upkeep`).
            .pragma("wal_autocheckpoint", "0")
            // After a checkpoint, shrink a WAL that grew large back to 64 MiB on disk.
            .pragma("journal_size_limit", "67108864");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            // No idle reaping: with neither limit set (and no minimum) sqlx starts no maintenance
            // task. That task, in sqlx 0.8.6, reads the idle count while a release and an
            // acquire race; a count that wrapped below zero made it loop without yielding, and a
            // `ferry` command then hung at exit, one core busy (seen in make test). Connections
            // to a local file cost nothing to keep.
            .idle_timeout(None)
            .max_lifetime(None)
            // Waiting for a pooled connection is waiting for our own other tasks; give it
            // the busy timeout plus slack so a busy database reports `db.locked` first.
            .acquire_timeout(options.busy_timeout + Duration::from_secs(5))
            // A connection that comes back still inside a transaction (a commit that failed
            // on a full disk, whose rollback SQLite had already done) would refuse every
            // later BEGIN: close it, and the pool opens a fresh one.
            .after_release(|conn, _| {
                Box::pin(async move { Ok(!sqlx::Connection::is_in_transaction(conn)) })
            })
            .connect_with(connect)
            .await
            .map_err(|err| sql_error::from_sqlx(&db_path, err))?;
        if let Err(err) = health::migrate(&pool, &db_path).await {
            pool.close().await;
            return Err(err);
        }
        Ok(Store {
            pool,
            inner: Arc::new(Inner {
                data_dir: data_dir.to_path_buf(),
                db_path,
                options,
                upkeep: upkeep::Schedule::default(),
            }),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.inner.data_dir
    }

    pub fn db_path(&self) -> &Path {
        &self.inner.db_path
    }

    /// Indexes pending search text, checkpoints and closes every pooled connection (the app
    /// calls this on exit). A store that wrote nothing skips the upkeep, so a command that
    /// failed on a locked database doesn't wait for the lock a second time.
    pub async fn close(&self) {
        self.final_upkeep().await;
        self.pool.close().await;
    }

    /// Starts a write transaction that takes the write lock up front (`BEGIN IMMEDIATE`), so
    /// a concurrent writer makes us wait the busy timeout instead of failing mid-transaction.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(|e| self.db_err(e))
    }

    /// Runs `work` in a write transaction whose commit is on disk before this returns
    /// (`synchronous=FULL` for this one transaction; the store otherwise runs `NORMAL`, which
    /// in WAL mode survives a crash of the app but not a power cut). For state a network call
    /// follows. SQLite refuses to change the level inside a transaction, so it is set around
    /// one, and set back before the connection returns to the pool.
    pub(crate) async fn write_durably<T>(
        &self,
        work: impl AsyncFnOnce(&mut sqlx::SqliteConnection) -> Result<T, sqlx::Error>,
    ) -> Result<T, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_err(e))?;
        sqlx::query("PRAGMA synchronous = FULL")
            .execute(&mut *conn)
            .await
            .map_err(|e| self.db_err(e))?;
        let result = async {
            let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
            let value = work(&mut tx).await?;
            tx.commit().await?;
            Ok(value)
        }
        .await;
        // The next user of this pooled connection (an autosave) keeps its speed; if even that
        // fails, the connection is dropped rather than returned at the wrong level.
        if sqlx::query("PRAGMA synchronous = NORMAL")
            .execute(&mut *conn)
            .await
            .is_err()
        {
            conn.detach();
        }
        result.map_err(|e| self.db_err(e))
    }

    /// Maps a database failure to an error naming this store's file.
    pub(crate) fn db_err(&self, err: sqlx::Error) -> StoreError {
        sql_error::from_sqlx(&self.inner.db_path, err)
    }
}

#[cfg(test)]
mod durable_tests {
    use super::Store;

    async fn level(store: &Store) -> i64 {
        sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&store.pool)
            .await
            .unwrap()
    }

    /// 2 is FULL (the commit waits for the disk), 1 is NORMAL.
    #[tokio::test]
    async fn a_durable_write_commits_at_full_and_leaves_the_pool_at_normal() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        assert_eq!(level(&store).await, 1);
        let inside: i64 = store
            .write_durably(async |tx| {
                sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ('durable.test', '1', '2026-12-05T00:00:00Z')")
                    .execute(&mut *tx)
                    .await?;
                sqlx::query_scalar("PRAGMA synchronous")
                    .fetch_one(&mut *tx)
                    .await
            })
            .await
            .unwrap();
        assert_eq!(inside, 2);
        for _ in 0..8 {
            assert_eq!(
                level(&store).await,
                1,
                "every pooled connection back at NORMAL"
            );
        }
        let kept: String =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'durable.test'")
                .fetch_one(&store.pool)
                .await
                .unwrap();
        assert_eq!(kept, "1");
    }
}

#[cfg(test)]
mod pool_tests {
    use super::Store;

    /// sqlx starts its idle-reaping task only when a limit is set; that task could spin
    /// forever and hang a command at exit (see `Store::open`).
    #[tokio::test]
    async fn the_pool_runs_no_maintenance_task() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        let options = store.pool.options();
        assert_eq!(options.get_idle_timeout(), None);
        assert_eq!(options.get_max_lifetime(), None);
        assert_eq!(options.get_min_connections(), 0);
        store.close().await;
    }
}
