//! `list_drafts`: the drafts list, newest update first, optionally filtered by a search.
//!
//! The list reads only the `drafts` row (its preview and languages are stored there), so it
//! stays fast with thousands of drafts.
//!
//! A search wants the *newest* matches, which suggests two plans, each fast where the other
//! is slow:
//! 1. walk the newest drafts in update order, testing each text, and stop at a full page —
//!    instant for common words (the page fills within a few dozen drafts) but a full scan
//!    for rare ones;
//! 2. ask the trigram index for every draft containing the words, then sort by update —
//!    instant for rare words but heavy for common ones (thousands of candidates).
//!
//! So plan 1 runs over the newest `search_scan_budget` drafts ([`crate::StoreOptions`])
//! first; only when that doesn't fill the page does plan 2 run over all of them. Both apply
//! the same text filters, so they agree on what matches. Snippets are cut from the texts of
//! the page only.

use sqlx::Arguments;
use sqlx::sqlite::SqliteArguments;

use crate::Store;
use crate::clock;
use crate::drafts::rows::{decode_err, revision_number};
use crate::error::StoreError;
use crate::model::{DraftSummary, LangTag, ListQuery};

use super::snippet::snippet;
use super::terms::Terms;

/// Longest page a caller can ask for.
pub const MAX_PAGE: u32 = 500;

type SummaryRow = (
    String,
    i64,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
);

const COLUMNS: &str =
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

/// Which drafts a search plan looks at.
#[derive(Clone, Copy)]
enum Scope {
    /// The newest this many drafts, tested one by one in update order.
    Recent(i64),
    /// All drafts, narrowed by the trigram index when a word is long enough.
    All,
}

impl Store {
    async fn search(
        &self,
        terms: &Terms,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<SummaryRow>, StoreError> {
        let budget = i64::from(self.inner.options.search_scan_budget);
        let recent = self
            .search_in(Scope::Recent(budget), terms, limit, offset)
            .await?;
        if recent.len() as i64 == limit {
            return Ok(recent);
        }
        let beyond_budget: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM drafts LIMIT 1 OFFSET ?)")
                .bind(budget)
                .fetch_one(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        if !beyond_budget {
            return Ok(recent);
        }
        self.search_in(Scope::All, terms, limit, offset).await
    }

    async fn search_in(
        &self,
        scope: Scope,
        terms: &Terms,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<SummaryRow>, StoreError> {
        let (sql, args) = search_sql(scope, terms, limit, offset).map_err(|e| self.db_err(e))?;
        sqlx::query_as_with(&sql, args)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.db_err(e))
    }
}

/// The page of matches in two steps, so sorting carries only row numbers: `hits` picks the
/// ordered page, then the page's rows and texts are joined back.
fn search_sql(
    scope: Scope,
    terms: &Terms,
    limit: i64,
    offset: i64,
) -> Result<(String, SqliteArguments<'static>), sqlx::Error> {
    let mut args = SqliteArguments::default();
    let source = match scope {
        Scope::Recent(budget) => {
            args.add(budget).map_err(sqlx::Error::Encode)?;
            "(SELECT seq, updated_at FROM drafts ORDER BY updated_at DESC, seq DESC LIMIT ?)"
        }
        Scope::All => "drafts",
    };
    let mut conditions = Vec::new();
    for (condition, value) in terms.filters() {
        conditions.push(condition.to_owned());
        args.add(value).map_err(sqlx::Error::Encode)?;
    }
    if let (Scope::All, Some(expr)) = (scope, terms.match_expression()) {
        // Bodies saved since the index last caught up are always candidates.
        conditions.push(
            "(b.indexed = 0 OR d.seq IN (SELECT rowid FROM draft_search WHERE draft_search MATCH ?))"
                .into(),
        );
        args.add(expr).map_err(sqlx::Error::Encode)?;
    }
    args.add(limit).map_err(sqlx::Error::Encode)?;
    args.add(offset).map_err(sqlx::Error::Encode)?;
    let sql = format!(
        "WITH hits AS (
             SELECT d.seq FROM {source} d JOIN draft_bodies b ON b.seq = d.seq
             WHERE {}
             ORDER BY d.updated_at DESC, d.seq DESC LIMIT ? OFFSET ?)
         SELECT {COLUMNS}, b.body FROM hits
         JOIN drafts d ON d.seq = hits.seq
         JOIN draft_bodies b ON b.seq = hits.seq
         ORDER BY d.updated_at DESC, d.seq DESC",
        conditions.join(" AND ")
    );
    Ok((sql, args))
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
