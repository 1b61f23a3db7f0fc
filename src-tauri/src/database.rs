//! The app's one database, kept in Tauri's managed state.
//!
//! The window opens before the database does: the UI's first call, `database_status`, opens it
//! (from `FERRY_DATA_DIR` or the OS data folder) and reports either "open" or why not — locked,
//! unwritable, damaged, not Ferry's, too new — with the file's path. Nothing here ever starts
//! an empty database over an existing one: the only way past a damaged file is
//! [`Database::start_fresh`], which the engine lets move only a file it refused to open.
//!
//! ```no_run
//! # async fn demo() {
//! let db = ferry_app::database::Database::from_env();
//! let status = db.status().await;      // opens on first call
//! if status.error.is_none() {
//!     let store = db.store().unwrap(); // what commands use, through `OpenStore`
//! }
//! # }
//! ```

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ferry_core::{ErrorPayload, SetAside, Store, StoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, CommandError};

/// What the UI needs to show the workspace or the "cannot open the database" screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseStatus {
    /// The data folder in use (empty when the OS gave none and `FERRY_DATA_DIR` is unset).
    pub data_dir: String,
    /// The database file, when known.
    pub db_path: Option<String>,
    /// Why the database is not open; `None` when it is.
    pub error: Option<ErrorPayload>,
    /// True when "keep it aside and start fresh" can fix `error` (damaged, foreign, too new).
    pub can_start_fresh: bool,
    /// After a fresh start: where the old database went.
    pub set_aside: Option<SetAside>,
}

enum Slot {
    Unopened,
    Open(Store),
    Failed(Failure),
}

struct Failure {
    error: ErrorPayload,
    db_path: Option<PathBuf>,
    can_start_fresh: bool,
}

impl Failure {
    fn from_error(err: &StoreError) -> Failure {
        Failure {
            error: ErrorPayload::of(err),
            db_path: failing_path(err).map(Path::to_path_buf),
            can_start_fresh: err.can_start_fresh(),
        }
    }
}

pub struct Database {
    data_dir: Result<PathBuf, ErrorPayload>,
    slot: Mutex<Slot>,
    /// Opening, retrying and starting fresh take turns, so two windows' first calls can't
    /// open two pools or move a file while it is being opened.
    opening: tokio::sync::Mutex<()>,
}

impl Database {
    /// The database in `FERRY_DATA_DIR`, or the OS data folder; not opened yet.
    pub fn from_env() -> Database {
        Database::with_data_dir(ferry_core::default_data_dir().map_err(ErrorPayload::from))
    }

    pub fn in_dir(data_dir: &Path) -> Database {
        Database::with_data_dir(Ok(data_dir.to_path_buf()))
    }

    fn with_data_dir(data_dir: Result<PathBuf, ErrorPayload>) -> Database {
        Database {
            data_dir,
            slot: Mutex::new(Slot::Unopened),
            opening: tokio::sync::Mutex::new(()),
        }
    }

    /// The data folder, or why there is none (no home folder).
    pub fn data_dir(&self) -> Result<PathBuf, CommandError> {
        self.data_dir.clone()
    }

    /// The open store, for commands. Before `status` opened it, or when opening failed, this
    /// is the reason as `{code, message}`.
    pub fn store(&self) -> Result<Store, CommandError> {
        match &*self.lock_slot() {
            Slot::Open(store) => Ok(store.clone()),
            Slot::Failed(failure) => Err(failure.error.clone()),
            Slot::Unopened => Err(AppError::NotOpen.into()),
        }
    }

    /// Opens the database on the first call; afterwards reports how that went.
    pub async fn status(&self) -> DatabaseStatus {
        let _turn = self.opening.lock().await;
        if matches!(*self.lock_slot(), Slot::Unopened) {
            self.open().await;
        }
        self.describe(None)
    }

    /// Tries again after a failure (say the other program holding the lock has quit).
    pub async fn retry(&self) -> DatabaseStatus {
        let _turn = self.opening.lock().await;
        if !matches!(*self.lock_slot(), Slot::Open(_)) {
            self.open().await;
        }
        self.describe(None)
    }

    /// Moves a database the engine refused aside and opens a new one in its place. The engine
    /// refuses (and moves nothing) unless the file is damaged, foreign or too new.
    pub async fn start_fresh(&self) -> Result<DatabaseStatus, CommandError> {
        let _turn = self.opening.lock().await;
        let data_dir = self.data_dir.clone()?;
        let (store, set_aside) = Store::start_fresh(&data_dir).await?;
        *self.lock_slot() = Slot::Open(store);
        Ok(self.describe(Some(set_aside)))
    }

    /// Closes the pool so the last writes are checkpointed before the app exits.
    pub async fn close(&self) {
        let store = match &*self.lock_slot() {
            Slot::Open(store) => Some(store.clone()),
            _ => None,
        };
        if let Some(store) = store {
            store.close().await;
        }
    }

    async fn open(&self) {
        let next = match &self.data_dir {
            Ok(dir) => match Store::open(dir).await {
                Ok(store) => Slot::Open(store),
                Err(err) => {
                    tracing::warn!(code = err.code(), "cannot open the database: {err}");
                    Slot::Failed(Failure::from_error(&err))
                }
            },
            Err(payload) => Slot::Failed(Failure {
                error: payload.clone(),
                db_path: None,
                can_start_fresh: false,
            }),
        };
        *self.lock_slot() = next;
    }

    fn describe(&self, set_aside: Option<SetAside>) -> DatabaseStatus {
        let data_dir = self
            .data_dir
            .as_ref()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        let (db_path, error, can_start_fresh) = match &*self.lock_slot() {
            Slot::Open(store) => (Some(store.db_path().to_path_buf()), None, false),
            Slot::Failed(f) => (f.db_path.clone(), Some(f.error.clone()), f.can_start_fresh),
            Slot::Unopened => (None, None, false),
        };
        DatabaseStatus {
            data_dir,
            db_path: db_path.map(|p| p.display().to_string()),
            error,
            can_start_fresh,
            set_aside,
        }
    }

    fn lock_slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        // A panic while holding this lock leaves a plain enum behind; it is still usable.
        self.slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The file an opening error is about, so the UI can show it on its own line.
fn failing_path(err: &StoreError) -> Option<&Path> {
    match err {
        StoreError::Locked { path }
        | StoreError::Unwritable { path, .. }
        | StoreError::DiskFull { path }
        | StoreError::Corrupt { path, .. }
        | StoreError::NotFerry { path, .. }
        | StoreError::TooNew { path, .. }
        | StoreError::Migrate { path, .. }
        | StoreError::Sqlite { path, .. } => Some(path),
        _ => None,
    }
}
