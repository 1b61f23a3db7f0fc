//! How a search finds its page of matches, newest update first.
//!
//! Two plans, each fast where the other is slow:
//! 1. **recent**: walk the newest drafts in update order, test each text, stop at a full
//!    page. Instant for common words (the page fills within a few dozen drafts), but a
//!    word found nowhere makes it read every text.
//! 2. **index**: take the drafts the trigram index says may match (plus the texts saved
//!    since the index last caught up), test those, sort them. Instant for rare words, heavy
//!    for common ones (thousands of candidates). A long word asks for all its trigrams; a
//!    one- or two-character word for any trigram that begins with it, found in the index's
//!    vocabulary. When no word can ask the index, it reads every text, in storage order,
//!    which is the fastest way to read them all.
//!
//! Plan 1 runs over the newest `search_scan_budget` drafts ([`crate::StoreOptions`]); only
//! when that doesn't fill the page does plan 2 run. Both test the same filters
//! ([`Terms::filters`]), so they agree on what matches.

use sqlx::Arguments;
use sqlx::sqlite::SqliteArguments;

use crate::Store;
use crate::error::StoreError;

use super::list::{COLUMNS, SummaryRow};
use super::terms::{Terms, quote};

/// A short word that begins more index trigrams than this is too common for the index to
/// narrow much: it is left to the text test.
const MAX_ALTERNATIVES: i64 = 256;

/// What the trigram index says about the words.
enum Candidates {
    /// No word can ask the index: test every text.
    Everything,
    /// Drafts matching this FTS5 expression, and texts not indexed yet.
    Matching(String),
    /// A word begins no indexed trigram: only texts not indexed yet can match.
    PendingOnly,
}

impl Store {
    pub(super) async fn search(
        &self,
        terms: &Terms,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<SummaryRow>, StoreError> {
        // The oldest draft plan 1 may look at; none when there are fewer drafts than that.
        let budget = i64::from(self.inner.options.search_scan_budget.max(1));
        let cutoff: Option<(String, i64)> = sqlx::query_as(
            "SELECT updated_at, seq FROM drafts ORDER BY updated_at DESC, seq DESC \
             LIMIT 1 OFFSET ?",
        )
        .bind(budget - 1)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;

        let (sql, args) = recent_sql(terms, cutoff.as_ref(), limit, offset)?;
        let recent = self.page(&sql, args).await?;
        if recent.len() as i64 == limit || cutoff.is_none() {
            return Ok(recent);
        }
        let candidates = self.candidates(terms).await?;
        let (sql, args) = index_sql(terms, &candidates, limit, offset)?;
        self.page(&sql, args).await
    }

    async fn candidates(&self, terms: &Terms) -> Result<Candidates, StoreError> {
        let mut parts: Vec<String> = terms.match_expression().into_iter().collect();
        for prefix in terms.short_prefixes().into_iter().flatten() {
            let trigrams: Vec<String> = sqlx::query_scalar(
                "SELECT term FROM draft_search_terms WHERE term >= ? AND term < ? LIMIT ?",
            )
            .bind(&prefix)
            .bind(format!("{prefix}\u{10FFFF}"))
            .bind(MAX_ALTERNATIVES + 1)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
            if trigrams.is_empty() {
                return Ok(Candidates::PendingOnly);
            }
            if trigrams.len() as i64 <= MAX_ALTERNATIVES {
                let any: Vec<String> = trigrams.iter().map(|t| quote(t)).collect();
                parts.push(format!("({})", any.join(" OR ")));
            }
        }
        Ok(match parts.is_empty() {
            true => Candidates::Everything,
            false => Candidates::Matching(parts.join(" AND ")),
        })
    }

    async fn page(
        &self,
        sql: &str,
        args: SqliteArguments<'static>,
    ) -> Result<Vec<SummaryRow>, StoreError> {
        sqlx::query_as_with(sql, args)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.db_err(e))
    }
}

/// Plan 1: the newest drafts down to `cutoff`, in update order, stopping at a full page.
fn recent_sql(
    terms: &Terms,
    cutoff: Option<&(String, i64)>,
    limit: i64,
    offset: i64,
) -> Result<(String, SqliteArguments<'static>), StoreError> {
    let mut args = Args::default();
    let mut conditions = Vec::new();
    if let Some((updated_at, seq)) = cutoff {
        conditions.push("(d.updated_at, d.seq) >= (?, ?)".to_owned());
        args.add(updated_at.clone())?;
        args.add(*seq)?;
    }
    for (condition, value) in terms.filters() {
        conditions.push(condition.to_owned());
        args.add(value)?;
    }
    args.add(limit)?;
    args.add(offset)?;
    let hits = format!(
        "page AS (SELECT d.seq FROM drafts d JOIN draft_bodies b ON b.seq = d.seq
                  WHERE {}
                  ORDER BY d.updated_at DESC, d.seq DESC LIMIT ? OFFSET ?)",
        conditions.join(" AND ")
    );
    Ok((with_page(&hits), args.0))
}

/// Plan 2: every candidate the index gives (or every text), tested, then sorted.
fn index_sql(
    terms: &Terms,
    candidates: &Candidates,
    limit: i64,
    offset: i64,
) -> Result<(String, SqliteArguments<'static>), StoreError> {
    let mut args = Args::default();
    let mut conditions = Vec::new();
    // Texts saved since the index last caught up are always candidates.
    match candidates {
        Candidates::Everything => {}
        Candidates::Matching(expr) => {
            conditions.push(
                "b.seq IN (SELECT rowid FROM draft_search WHERE draft_search MATCH ? \
                 UNION ALL SELECT seq FROM draft_bodies WHERE indexed = 0)"
                    .to_owned(),
            );
            args.add(expr.clone())?;
        }
        Candidates::PendingOnly => conditions.push("b.indexed = 0".to_owned()),
    }
    for (condition, value) in terms.filters() {
        conditions.push(condition.to_owned());
        args.add(value)?;
    }
    args.add(limit)?;
    args.add(offset)?;
    // MATERIALIZED: test all candidates first (in storage order), sort only the matches.
    let hits = format!(
        "hits AS MATERIALIZED (SELECT b.seq FROM draft_bodies b WHERE {}),
         page AS (SELECT d.seq FROM hits JOIN drafts d ON d.seq = hits.seq
                  ORDER BY d.updated_at DESC, d.seq DESC LIMIT ? OFFSET ?)",
        conditions.join(" AND ")
    );
    Ok((with_page(&hits), args.0))
}

/// The page's rows and texts, joined back to the `page` of draft numbers so that sorting
/// above only ever carried numbers.
fn with_page(ctes: &str) -> String {
    format!(
        "WITH {ctes}
         SELECT {COLUMNS}, b.body FROM page
         JOIN drafts d ON d.seq = page.seq
         JOIN draft_bodies b ON b.seq = page.seq
         ORDER BY d.updated_at DESC, d.seq DESC"
    )
}

/// Bind values in order, with encoding failures as store errors.
#[derive(Default)]
struct Args(SqliteArguments<'static>);

impl Args {
    fn add<T>(&mut self, value: T) -> Result<(), StoreError>
    where
        T: sqlx::Encode<'static, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + 'static,
    {
        self.0.add(value).map_err(|err| StoreError::Invalid {
            field: "search".to_owned(),
            reason: format!("cannot use the search words: {err}"),
        })
    }
}
