//! Image files inside the data folder: `media/<sha256>.<ext>`, written once and shared by
//! every draft (and revision) that uses the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::Store;
use crate::error::StoreError;
use crate::model::DraftContent;
use crate::store::location;

/// Attachments above this are refused before reading them; no target network takes more.
pub const MAX_MEDIA_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Stores `bytes` under `name` in the media folder unless an identical copy is there. Writes
/// a temporary file first and renames it, so a crash never leaves a half-written image under
/// the final name.
pub(crate) fn store_copy(data_dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let dir = location::media_dir(data_dir);
    let dest = dir.join(name);
    let unwritable = |path: &Path, err: std::io::Error| StoreError::Unwritable {
        path: path.to_path_buf(),
        detail: err.to_string(),
    };
    if std::fs::metadata(&dest).is_ok_and(|m| m.len() == bytes.len() as u64) {
        return Ok(dest);
    }
    std::fs::create_dir_all(&dir).map_err(|e| unwritable(&dir, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| unwritable(&dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| unwritable(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| unwritable(tmp.path(), e))?;
    tmp.persist(&dest).map_err(|e| unwritable(&dest, e.error))?;
    Ok(dest)
}

impl Store {
    /// Where an attachment's copy lives (it may be missing; see `Attachment::missing`).
    pub fn media_path(&self, stored_name: &str) -> PathBuf {
        location::media_dir(self.data_dir()).join(stored_name)
    }

    /// Sets `missing` on attachments whose copy is gone, so the UI can say so instead of
    /// showing a broken image or dropping it.
    pub(crate) async fn flag_missing_media(&self, content: &mut DraftContent) {
        for a in &mut content.attachments {
            let path = self.media_path(&a.stored_name);
            a.missing = !tokio::fs::try_exists(&path).await.unwrap_or(false);
            if a.missing {
                tracing::warn!(path = %path.display(), attachment = %a.id, "attachment file is missing");
            }
        }
    }
}
