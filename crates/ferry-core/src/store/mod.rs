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
            // Waiting for a pooled connection is waiting for our own other tasks; give it
            // the busy timeout plus slack so a busy database reports `db.locked` first.
            .acquire_timeout(options.busy_timeout + Duration::from_secs(5))
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

    /// Maps a database failure to an error naming this store's file.
    pub(crate) fn db_err(&self, err: sqlx::Error) -> StoreError {
        sql_error::from_sqlx(&self.inner.db_path, err)
    }
}
