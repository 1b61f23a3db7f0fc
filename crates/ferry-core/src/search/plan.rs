//! How a search finds its page of matches, newest update first.
//!
//! Two plans, each fast where the other is slow:
//! 1. **recent**: walk the newest drafts in update order, test each text, stop at a full
//!    page. Instant for common words (the page fills within a few dozen drafts), but a
//!    word found nowhere makes it read every text.
//! 2. **index**: take the drafts the trigram index says contain every trigram of the long
//!    words (plus the texts saved since the index last caught up), test those, sort them.
//!    Instant for rare words, heavy for common ones (thousands of candidates). Without a
//!    word of three characters or more there is no index to ask, and it reads every text,
//!    in storage order, which is the fastest way to read them all.
//!
//! Plan 1 runs over the newest `search_scan_budget` drafts ([`crate::StoreOptions`]); only
//! when that doesn't fill the page does plan 2 run. Both test the same filters
//! ([`Terms::filters`]), so they agree on what matches.

use sqlx::Arguments;
use sqlx::sqlite::SqliteArguments;

use crate::Store;
use crate::error::StoreError;

use super::list::{COLUMNS, SummaryRow};
use super::terms::Terms;

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
        let (sql, args) = index_sql(terms, limit, offset)?;
        self.page(&sql, args).await
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
    limit: i64,
    offset: i64,
) -> Result<(String, SqliteArguments<'static>), StoreError> {
    let mut args = Args::default();
    let mut conditions = Vec::new();
    if let Some(expr) = terms.match_expression() {
        // Texts saved since the index last caught up are always candidates.
        conditions.push(
            "b.seq IN (SELECT rowid FROM draft_search WHERE draft_search MATCH ? \
             UNION ALL SELECT seq FROM draft_bodies WHERE indexed = 0)"
                .to_owned(),
        );
        args.add(expr)?;
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
