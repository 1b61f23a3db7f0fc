//! A draft's history: list revisions, read one, and restore one as the new head.
//!
//! Restoring never rewrites history: it appends a `restored` revision holding the old
//! snapshot, so undoing a restore is restoring the revision before it.

use crate::Store;
use crate::clock;
use crate::error::StoreError;
use crate::model::{DraftContent, Revision, RevisionKind, RevisionSummary, SaveOutcome};

use super::create::not_found;
use super::rows::{self, decode_err, revision_number};

type SummaryRow = (i64, String, String, Option<i64>, String);

impl Store {
    /// Every revision of a draft, newest first.
    pub async fn history(&self, id: &str) -> Result<Vec<RevisionSummary>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_err(e))?;
        let head = rows::head(&mut conn, id)
            .await
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| not_found(id))?;
        let rows: Vec<SummaryRow> = sqlx::query_as(
            "SELECT number, created_at, kind, restored_from, preview FROM revisions \
             WHERE draft_seq = ? ORDER BY number DESC",
        )
        .bind(head.seq)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| self.db_err(e))?;
        rows.into_iter()
            .map(summary)
            .collect::<Result<_, _>>()
            .map_err(|e| self.db_err(e))
    }

    /// One revision with its full snapshot.
    pub async fn get_revision(&self, id: &str, number: u32) -> Result<Revision, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_err(e))?;
        let head = rows::head(&mut conn, id)
            .await
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| not_found(id))?;
        let revision = read_revision(&mut conn, head.seq, id, number).await;
        drop(conn);
        let mut revision = revision.map_err(|e| self.revision_err(e, id, number))?;
        self.flag_missing_media(&mut revision.content).await;
        Ok(revision)
    }

    /// Makes revision `number` the head again, recorded as a new `restored` revision.
    /// Restoring a snapshot equal to the head writes nothing (`revision: None`).
    pub async fn restore_revision(&self, id: &str, number: u32) -> Result<SaveOutcome, StoreError> {
        let mut locked = self.lock_head(id).await?;
        let wanted = read_revision(&mut locked.tx, locked.head.seq, id, number)
            .await
            .map_err(|e| self.revision_err(e, id, number))?;
        self.finish(locked, wanted.content, RevisionKind::Restored, Some(number))
            .await
    }

    fn revision_err(&self, err: sqlx::Error, id: &str, number: u32) -> StoreError {
        match err {
            sqlx::Error::RowNotFound => StoreError::RevisionNotFound {
                id: id.to_owned(),
                revision: number,
            },
            other => self.db_err(other),
        }
    }
}

async fn read_revision(
    conn: &mut sqlx::SqliteConnection,
    seq: i64,
    id: &str,
    number: u32,
) -> Result<Revision, sqlx::Error> {
    let (n, created, kind, from, preview, snapshot): (
        i64,
        String,
        String,
        Option<i64>,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT number, created_at, kind, restored_from, preview, snapshot FROM revisions \
             WHERE draft_seq = ? AND number = ?",
    )
    .bind(seq)
    .bind(i64::from(number))
    .fetch_one(&mut *conn)
    .await?;
    let content: DraftContent = serde_json::from_str(&snapshot)
        .map_err(|e| decode_err(format!("snapshot of revision {number} of draft {id}: {e}")))?;
    Ok(Revision {
        summary: summary((n, created, kind, from, preview))?,
        content,
    })
}

fn summary(
    (number, created, kind, from, preview): SummaryRow,
) -> Result<RevisionSummary, sqlx::Error> {
    Ok(RevisionSummary {
        number: revision_number(number)?,
        created_at: clock::from_db(&created).map_err(decode_err)?,
        kind: RevisionKind::parse(&kind)
            .ok_or_else(|| decode_err(format!("unknown revision kind {kind:?}")))?,
        restored_from: from.map(revision_number).transpose()?,
        preview,
    })
}
