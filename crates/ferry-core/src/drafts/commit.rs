//! Moving a draft's head forward: write the new content, bump the revision, append the
//! revision's snapshot. Every change to a stored draft goes through [`advance`], inside the
//! caller's write transaction, so the head and its history never disagree.

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqliteConnection, Transaction};

use crate::Store;
use crate::clock;
use crate::error::StoreError;
use crate::model::{Draft, DraftContent, RevisionKind, RevisionSummary, SaveOutcome};

use super::rows::{self, Head, decode_err};
use super::{text, validate};

/// A write transaction holding one draft's head, opened by [`Store::lock_head`] and closed
/// by [`Store::finish`].
pub(crate) struct HeadTx {
    pub tx: Transaction<'static, Sqlite>,
    pub head: Head,
    pub current: DraftContent,
}

impl Store {
    /// Takes the write lock and reads draft `id`'s head, so nobody can change it until
    /// [`Store::finish`].
    pub(crate) async fn lock_head(&self, id: &str) -> Result<HeadTx, StoreError> {
        let mut tx = self.begin_write().await?;
        let head = rows::head(&mut tx, id)
            .await
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| StoreError::DraftNotFound { id: id.to_owned() })?;
        let current = rows::load_content(&mut tx, head.seq)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(HeadTx { tx, head, current })
    }

    /// Stores `next` as the new head (one new revision of `kind`), or writes nothing when it
    /// equals the current head.
    pub(crate) async fn finish(
        &self,
        locked: HeadTx,
        next: DraftContent,
        kind: RevisionKind,
        restored_from: Option<u32>,
    ) -> Result<SaveOutcome, StoreError> {
        let HeadTx {
            mut tx,
            head,
            current,
        } = locked;
        validate::check(&next)?;
        if next == current {
            drop(tx);
            let draft = self.head_draft(head, current).await;
            return Ok(SaveOutcome {
                draft,
                revision: None,
            });
        }
        let advanced = advance(&mut tx, &head, &current, next, kind, restored_from)
            .await
            .map_err(|e| self.db_err(e))?;
        tx.commit().await.map_err(|e| self.db_err(e))?;
        self.wrote();
        let mut draft = advanced.draft;
        self.flag_missing_media(&mut draft.content).await;
        Ok(SaveOutcome {
            draft,
            revision: Some(advanced.revision),
        })
    }
}

struct Advanced {
    pub draft: Draft,
    pub revision: RevisionSummary,
}

async fn advance(
    conn: &mut SqliteConnection,
    head: &Head,
    old: &DraftContent,
    new: DraftContent,
    kind: RevisionKind,
    restored_from: Option<u32>,
) -> Result<Advanced, sqlx::Error> {
    let now = clock::now();
    let number = head
        .revision
        .checked_add(1)
        .ok_or_else(|| decode_err(format!("draft {} has too many revisions", head.id)))?;
    rows::write_content(conn, head.seq, Some(old), &new).await?;
    sqlx::query("UPDATE drafts SET revision = ?, updated_at = ? WHERE seq = ?")
        .bind(i64::from(number))
        .bind(clock::to_db(now))
        .bind(head.seq)
        .execute(&mut *conn)
        .await?;
    let revision = append_revision(conn, head.seq, number, now, kind, restored_from, &new).await?;
    super::thinning::thin(conn, head.seq, now).await?;
    Ok(Advanced {
        draft: Draft {
            id: head.id.clone(),
            revision: number,
            created_at: head.created_at,
            updated_at: now,
            content: new,
        },
        revision,
    })
}

/// Stores a full snapshot, so any revision restores on its own without replaying others.
pub(crate) async fn append_revision(
    conn: &mut SqliteConnection,
    seq: i64,
    number: u32,
    at: DateTime<Utc>,
    kind: RevisionKind,
    restored_from: Option<u32>,
    content: &DraftContent,
) -> Result<RevisionSummary, sqlx::Error> {
    let mut snapshot = content.clone();
    // `missing` describes the data folder at load time, not the draft.
    for a in &mut snapshot.attachments {
        a.missing = false;
    }
    let json = serde_json::to_string(&snapshot).map_err(|e| decode_err(e.to_string()))?;
    let preview = text::preview(content);
    sqlx::query(
        "INSERT INTO revisions (draft_seq, number, created_at, kind, restored_from, preview, snapshot) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(i64::from(number))
    .bind(clock::to_db(at))
    .bind(kind.as_str())
    .bind(restored_from.map(i64::from))
    .bind(&preview)
    .bind(json)
    .execute(&mut *conn)
    .await?;
    Ok(RevisionSummary {
        number,
        created_at: at,
        kind,
        restored_from,
        preview,
    })
}
