//! `list_drafts`: the drafts list, newest update first, optionally filtered by a search.
//!
//! The list reads only the `drafts` row (its preview and languages are stored there), so it
//! stays fast with thousands of drafts.
//!
//! A search picks its page of matches in `plan`, then cuts snippets from the texts of that
//! page only.

use crate::Store;
use crate::clock;
use crate::drafts::rows::{decode_err, revision_number};
use crate::error::StoreError;
use crate::model::{DraftSummary, LangTag, ListQuery};

use super::snippet::snippet;
use super::terms::Terms;

/// Longest page a caller can ask for.
pub const MAX_PAGE: u32 = 500;

pub(super) type SummaryRow = (
    String,
    i64,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
);

pub(super) const COLUMNS: &str =
    "d.id, d.revision, d.created_at, d.updated_at, d.languages, d.preview, d.attachment_count";

impl Store {
    pub async fn list_drafts(&self, query: &ListQuery) -> Result<Vec<DraftSummary>, StoreError> {
        let limit = i64::from(query.limit.min(MAX_PAGE));
        let offset = i64::from(query.offset);
        let terms = Terms::parse(query.search.as_deref().unwrap_or(""));
        let rows: Vec<SummaryRow> = if terms.is_empty() {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS}, NULL FROM drafts d ORDER BY d.updated_at DESC, d.seq DESC LIMIT ? OFFSET ?"
            ))
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?
        } else {
            self.search(&terms, limit, offset).await?
        };
        rows.into_iter()
            .map(|row| summary(row, &terms))
            .collect::<Result<_, _>>()
            .map_err(|e| self.db_err(e))
    }
}

fn summary(row: SummaryRow, terms: &Terms) -> Result<DraftSummary, sqlx::Error> {
    let (id, revision, created, updated, languages, preview, attachments, body) = row;
    Ok(DraftSummary {
        id,
        revision: revision_number(revision)?,
        created_at: clock::from_db(&created).map_err(decode_err)?,
        updated_at: clock::from_db(&updated).map_err(decode_err)?,
        languages: languages
            .split_whitespace()
            .map(|l| LangTag::parse(l).map_err(|e| decode_err(e.to_string())))
            .collect::<Result<_, _>>()?,
        preview,
        attachment_count: u32::try_from(attachments).unwrap_or_default(),
        snippet: body.and_then(|b| snippet(&b, terms.words())),
    })
}
