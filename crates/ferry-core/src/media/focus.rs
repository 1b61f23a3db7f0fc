//! The point of an attached picture a 3:4 crop keeps (RedNote's kit, `handoff/pictures.rs`),
//! moved by the writer in the composer's preview. It lives on the attachment row, so the
//! composer's saves (which carry alt texts, not this) keep it.

use crate::Store;
use crate::error::StoreError;
use crate::model::{Draft, Focus};

impl Store {
    /// Moves the crop's focus of `attachment_id` in `draft_id`; `None` puts it back in the
    /// centre. Returns the draft as it now is.
    pub async fn set_attachment_focus(
        &self,
        draft_id: &str,
        attachment_id: &str,
        focus: Option<Focus>,
    ) -> Result<Draft, StoreError> {
        if let Some(f) = focus
            && (f.x > Focus::MAX || f.y > Focus::MAX)
        {
            return Err(StoreError::Invalid {
                field: "focus".to_owned(),
                reason: format!(
                    "({}, {}) is outside the picture: each is per mille, 0 to {}",
                    f.x,
                    f.y,
                    Focus::MAX
                ),
            });
        }
        let done = sqlx::query(
            "UPDATE attachments SET focus_x = ?, focus_y = ? WHERE id = ? \
             AND draft_seq = (SELECT seq FROM drafts WHERE id = ?)",
        )
        .bind(focus.map(|f| i64::from(f.x)))
        .bind(focus.map(|f| i64::from(f.y)))
        .bind(attachment_id)
        .bind(draft_id)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        if done.rows_affected() == 0 {
            // Names the draft when that is what is missing.
            self.get_draft(draft_id).await?;
            return Err(StoreError::AttachmentNotFound {
                draft: draft_id.to_owned(),
                attachment: attachment_id.to_owned(),
            });
        }
        self.get_draft(draft_id).await
    }
}
