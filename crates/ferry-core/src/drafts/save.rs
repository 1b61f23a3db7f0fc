//! Autosave: the composer sends the whole draft with the revision it started from.
//!
//! Inside one write transaction the edit is compared with the stored head: identical → no
//! write and no revision; different while the head moved past `base_revision` → the save is
//! refused with `draft.conflict` (another window or the CLI saved in between, and silently
//! writing over that would lose it); otherwise the head advances by one revision.

use std::collections::HashMap;

use crate::Store;
use crate::error::StoreError;
use crate::model::{Attachment, DraftContent, DraftEdit, RevisionKind, SaveOutcome};

impl Store {
    pub async fn save_draft(&self, edit: DraftEdit) -> Result<SaveOutcome, StoreError> {
        let locked = self.lock_head(&edit.id).await?;
        let next = apply(&edit, &locked.current)?;
        // An unchanged draft is fine on a stale base (nothing can be lost); a change is not.
        if next != locked.current && locked.head.revision != edit.base_revision {
            return Err(StoreError::Conflict {
                id: edit.id,
                base: edit.base_revision,
                head: locked.head.revision,
            });
        }
        let kind = if next.attachments.len() < locked.current.attachments.len() {
            RevisionKind::MediaRemoved
        } else {
            RevisionKind::Edited
        };
        self.finish(locked, next, kind, None).await
    }
}

/// The content the edit asks for. Attachments can be reordered, re-described or left out,
/// but only ones the draft already has: new files come through `attach_media`.
fn apply(edit: &DraftEdit, current: &DraftContent) -> Result<DraftContent, StoreError> {
    let known: HashMap<&str, &Attachment> = current
        .attachments
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let mut attachments = Vec::with_capacity(edit.attachments.len());
    for wanted in &edit.attachments {
        let Some(stored) = known.get(wanted.id.as_str()) else {
            return Err(StoreError::AttachmentNotFound {
                draft: edit.id.clone(),
                attachment: wanted.id.clone(),
            });
        };
        if attachments.iter().any(|a: &Attachment| a.id == wanted.id) {
            return Err(StoreError::Invalid {
                field: "attachments".to_owned(),
                reason: format!("attachment {} is listed twice", wanted.id),
            });
        }
        attachments.push(Attachment {
            alt: wanted.alt.clone(),
            ..(*stored).clone()
        });
    }
    Ok(DraftContent {
        variants: edit.variants.clone(),
        overrides: edit.overrides.clone(),
        targets: edit.targets.clone(),
        topics: edit.topics.clone(),
        attachments,
        // A save carries the composer's text, never a reply target (`Store::set_reply`).
        reply_to: current.reply_to.clone(),
    })
}
