//! Creating, loading and deleting drafts.

use crate::Store;
use crate::clock;
use crate::error::StoreError;
use crate::model::{Draft, DraftContent, NewDraft, RevisionKind};

use super::commit::append_revision;
use super::{rows, validate};

impl Store {
    /// Stores a new draft as revision 1 and returns it.
    pub async fn create_draft(&self, new: NewDraft) -> Result<Draft, StoreError> {
        let content = DraftContent {
            variants: new.variants,
            overrides: new.overrides,
            targets: new.targets,
            topics: new.topics,
            attachments: Vec::new(),
            reply_to: None,
        };
        validate::check(&content)?;
        let id = uuid::Uuid::now_v7().to_string();
        let now = clock::now();

        let mut tx = self.begin_write().await?;
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO drafts (id, revision, created_at, updated_at) VALUES (?, 1, ?, ?) \
             RETURNING seq",
        )
        .bind(&id)
        .bind(clock::to_db(now))
        .bind(clock::to_db(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| self.db_err(e))?;
        rows::write_content(&mut tx, seq, None, &content)
            .await
            .map_err(|e| self.db_err(e))?;
        append_revision(&mut tx, seq, 1, now, RevisionKind::Created, None, &content)
            .await
            .map_err(|e| self.db_err(e))?;
        tx.commit().await.map_err(|e| self.db_err(e))?;
        self.wrote();

        Ok(Draft {
            id,
            revision: 1,
            created_at: now,
            updated_at: now,
            content,
        })
    }

    /// Loads a draft at its head revision. Attachments whose stored copy is gone from the
    /// data folder come back flagged `missing`, never dropped.
    pub async fn get_draft(&self, id: &str) -> Result<Draft, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_err(e))?;
        let head = rows::head(&mut conn, id)
            .await
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| not_found(id))?;
        let content = rows::load_content(&mut conn, head.seq)
            .await
            .map_err(|e| self.db_err(e))?;
        drop(conn);
        Ok(self.head_draft(head, content).await)
    }

    /// The draft a head row and its content describe, with missing media flagged.
    pub(crate) async fn head_draft(&self, head: rows::Head, content: DraftContent) -> Draft {
        let mut draft = Draft {
            id: head.id,
            revision: head.revision,
            created_at: head.created_at,
            updated_at: head.updated_at,
            content,
        };
        self.flag_missing_media(&mut draft.content).await;
        draft
    }

    /// Deletes a draft with its history. Its image files stay in the data folder (a later
    /// clean-up may remove files no draft refers to).
    pub async fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM drafts WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        if done.rows_affected() == 0 {
            return Err(not_found(id));
        }
        self.wrote();
        Ok(())
    }
}

pub(crate) fn not_found(id: &str) -> StoreError {
    StoreError::DraftNotFound { id: id.to_owned() }
}
