//! "Keep aside and start fresh": the one call that moves a database Ferry refused to open.
//!
//! It only acts on a file that is damaged, not Ferry's, or from a newer Ferry (the errors
//! for which [`StoreError::can_start_fresh`] is true); a healthy, locked or unwritable
//! database is left where it is. The file and its `-wal`/`-shm` companions are renamed to
//! `ferry.db.corrupt-<UTC stamp>` (+`-wal`, `-shm`) in the same folder, nothing is deleted,
//! and a new empty database is created.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::error::{ErrorPayload, StoreError};

use super::{Store, location};

/// Where the refused database went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetAside {
    /// The new path of the old `ferry.db`.
    pub database: String,
    /// Every file moved (the database and any `-wal`/`-shm`), at their new paths.
    pub moved: Vec<String>,
    /// Why the database was refused, as opening reported it.
    pub reason: ErrorPayload,
}

impl Store {
    /// Moves a refused database aside and opens a fresh one in the same data folder.
    pub async fn start_fresh(data_dir: &Path) -> Result<(Store, SetAside), StoreError> {
        let db_path = location::db_path(data_dir);
        let reason = match Store::open(data_dir).await {
            Ok(store) => {
                store.close().await;
                return Err(StoreError::NotBroken { path: db_path });
            }
            Err(err) if err.can_start_fresh() => ErrorPayload::of(&err),
            Err(err) => return Err(err),
        };
        let moved = set_aside(&db_path)?;
        let store = Store::open(data_dir).await?;
        Ok((
            store,
            SetAside {
                database: moved[0].display().to_string(),
                moved: moved.iter().map(|p| p.display().to_string()).collect(),
                reason,
            },
        ))
    }

    /// [`Store::start_fresh`] on `FERRY_DATA_DIR` or the OS data folder.
    pub async fn start_fresh_default() -> Result<(Store, SetAside), StoreError> {
        Store::start_fresh(&location::default_data_dir()?).await
    }
}

/// Renames the database and its companions; returns the new paths, the database first.
fn set_aside(db_path: &Path) -> Result<Vec<PathBuf>, StoreError> {
    if !db_path.exists() {
        return Err(StoreError::SetAside {
            path: db_path.to_path_buf(),
            detail: "the file is not there any more".to_owned(),
        });
    }
    let stamp = clock::file_stamp(clock::now());
    let base = free_name(db_path, &stamp);
    let mut moved = Vec::new();
    // Companions first: a leftover -wal beside a new empty ferry.db would be replayed into it.
    for suffix in ["-wal", "-shm", ""] {
        let from = with_suffix(db_path, suffix);
        if !from.exists() {
            continue;
        }
        let to = with_suffix(&base, suffix);
        std::fs::rename(&from, &to).map_err(|err| StoreError::SetAside {
            path: from.clone(),
            detail: err.to_string(),
        })?;
        moved.push(to);
    }
    moved.rotate_right(1); // the database itself (moved last) first
    Ok(moved)
}

/// `ferry.db.corrupt-<stamp>`, or with `-2`, `-3` … when a recovery this second already
/// used that name.
fn free_name(db_path: &Path, stamp: &str) -> PathBuf {
    let taken = |p: &PathBuf| p.exists() || with_suffix(p, "-wal").exists();
    let first = with_suffix(db_path, &format!(".corrupt-{stamp}"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| with_suffix(db_path, &format!(".corrupt-{stamp}-{n}")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
