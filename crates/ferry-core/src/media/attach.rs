//! Attaching images to a draft, removing them, and setting their alt text.
//!
//! These change the stored head directly (each is one new revision) rather than going
//! through an autosave, so they need no base revision: they only add or remove what the
//! caller names. The returned draft carries the new `revision` to base the next save on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::Store;
use crate::error::StoreError;
use crate::model::{AttachOutcome, Attachment, DraftContent, LangTag, RevisionKind, SaveOutcome};

use super::files::{self, MAX_MEDIA_BYTES};
use super::sniff;

impl Store {
    /// Copies the image at `source` into the data folder and appends it to the draft.
    pub async fn attach_media(
        &self,
        id: &str,
        source: &Path,
        alt: BTreeMap<LangTag, String>,
    ) -> Result<AttachOutcome, StoreError> {
        let data_dir = self.data_dir().to_path_buf();
        let source_path = source.to_path_buf();
        let attachment = tokio::task::spawn_blocking(move || import(&data_dir, &source_path, alt))
            .await
            .map_err(|err| StoreError::MediaUnreadable {
                path: source.to_path_buf(),
                detail: format!("the import stopped: {err}"),
            })??;
        let added = attachment.clone();
        let outcome = self
            .change_head(id, RevisionKind::MediaAdded, move |content| {
                content.attachments.push(added);
                Ok(())
            })
            .await?;
        let revision = outcome
            .revision
            .expect("adding an attachment always changes the draft");
        Ok(AttachOutcome {
            attachment,
            draft: outcome.draft,
            revision,
        })
    }

    /// Removes an attachment from the draft's head. Its file stays: older revisions use it.
    pub async fn remove_attachment(
        &self,
        id: &str,
        attachment_id: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let (draft, wanted) = (id.to_owned(), attachment_id.to_owned());
        self.change_head(id, RevisionKind::MediaRemoved, move |content| {
            let before = content.attachments.len();
            content.attachments.retain(|a| a.id != wanted);
            if content.attachments.len() == before {
                return Err(StoreError::AttachmentNotFound {
                    draft,
                    attachment: wanted,
                });
            }
            Ok(())
        })
        .await
    }

    /// Sets (or, with an empty `text`, clears) one language's alt text of an attachment.
    pub async fn set_alt_text(
        &self,
        id: &str,
        attachment_id: &str,
        lang: &LangTag,
        text: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let (draft, wanted, lang, text) = (
            id.to_owned(),
            attachment_id.to_owned(),
            lang.clone(),
            text.to_owned(),
        );
        self.change_head(id, RevisionKind::Edited, move |content| {
            let Some(a) = content.attachments.iter_mut().find(|a| a.id == wanted) else {
                return Err(StoreError::AttachmentNotFound {
                    draft,
                    attachment: wanted,
                });
            };
            if text.is_empty() {
                a.alt.remove(&lang);
            } else {
                a.alt.insert(lang, text);
            }
            Ok(())
        })
        .await
    }

    /// Applies `change` to the head content in one write transaction; no revision when the
    /// change turns out to change nothing.
    async fn change_head(
        &self,
        id: &str,
        kind: RevisionKind,
        change: impl FnOnce(&mut DraftContent) -> Result<(), StoreError>,
    ) -> Result<SaveOutcome, StoreError> {
        let locked = self.lock_head(id).await?;
        let mut next = locked.current.clone();
        change(&mut next)?;
        self.finish(locked, next, kind, None).await
    }
}

/// Reads, checks and copies one image; runs on a blocking thread (files can be large).
fn import(
    data_dir: &Path,
    source: &Path,
    alt: BTreeMap<LangTag, String>,
) -> Result<Attachment, StoreError> {
    let path: PathBuf = source.to_path_buf();
    let meta = std::fs::metadata(&path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => StoreError::MediaMissing { path: path.clone() },
        _ => StoreError::MediaUnreadable {
            path: path.clone(),
            detail: err.to_string(),
        },
    })?;
    if !meta.is_file() {
        return Err(StoreError::MediaUnsupported {
            path,
            reason: "it is a folder, not a file".to_owned(),
        });
    }
    if meta.len() > MAX_MEDIA_BYTES {
        return Err(StoreError::MediaTooLarge {
            path,
            bytes: meta.len(),
            max: MAX_MEDIA_BYTES,
        });
    }
    let bytes = std::fs::read(&path).map_err(|err| StoreError::MediaUnreadable {
        path: path.clone(),
        detail: err.to_string(),
    })?;
    let info = sniff::sniff(&bytes).map_err(|reason| StoreError::MediaUnsupported {
        path: path.clone(),
        reason,
    })?;
    let sha256 = files::sha256_hex(&bytes);
    let stored_name = format!("{sha256}.{}", info.extension);
    files::store_copy(data_dir, &stored_name, &bytes)?;
    Ok(Attachment {
        id: uuid::Uuid::now_v7().to_string(),
        sha256,
        stored_name,
        original_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        media_type: info.media_type.to_owned(),
        width: info.width,
        height: info.height,
        byte_len: bytes.len() as u64,
        alt,
        missing: false,
        qr_code: super::qr_code::has_qr_code(&bytes),
        focus: None,
    })
}
