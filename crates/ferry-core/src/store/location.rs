//! Where Ferry keeps its files: `FERRY_DATA_DIR` if set, else the OS data folder
//! (`~/.local/share/ferry` on Linux, `~/Library/Application Support/Ferry` on macOS,
//! `%APPDATA%\Ferry\data` on Windows). Inside it: `ferry.db` and `media/`.

use std::path::{Path, PathBuf};

use crate::error::StoreError;

/// The environment variable that overrides the data folder (tests always set it).
pub const DATA_DIR_ENV: &str = "FERRY_DATA_DIR";

const DB_FILE: &str = "ferry.db";
const MEDIA_DIR: &str = "media";

/// `FERRY_DATA_DIR` when set and not empty, otherwise the OS data folder for Ferry.
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Ferry")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| StoreError::NoDataDir {
            detail: "the OS reports no home folder".to_owned(),
        })
}

pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

pub fn media_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(MEDIA_DIR)
}
