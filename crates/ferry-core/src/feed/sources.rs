//! The `feed_sources` table: adding, reading, removing sources and recording refreshes.

use chrono::{DateTime, Utc};
use ferry_networks::rss::{NextFetch, SourceHealth, Validators};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::error::FeedError;
use super::model::{FeedGap, FeedSource, RefreshReport, SourceKind};
use crate::Store;
use crate::clock;
use crate::error::StoreError;

const COLUMNS: &str = "s.id, s.kind, s.url, s.account_id, s.title, s.health, s.http_status, \
     s.last_error, s.failures, s.next_fetch_at, s.last_fetched_at, s.created_at, \
     ifnull((SELECT a.network FROM accounts a WHERE a.id = s.account_id), 'rss') AS network, \
     (SELECT count(*) FROM feed_items i WHERE i.source_id = s.id) AS items";

/// What a refresh needs from the row besides the URL.
pub(super) struct FetchState {
    pub url: String,
    /// Set for an account source, whose refresh asks its network's reader instead.
    pub account_id: Option<String>,
    /// What the reader returned last time.
    pub cursor: Option<String>,
    /// `rss`, or the account's network: what its items are stored as.
    pub network: String,
    pub validators: Validators,
    pub failures: u32,
    pub ttl_minutes: Option<u32>,
}

/// What a refresh writes back.
pub(super) struct Outcome<'a> {
    pub health: SourceHealth,
    pub error: Option<String>,
    pub title: Option<&'a str>,
    pub validators: Option<&'a Validators>,
    pub ttl_minutes: Option<u32>,
    pub failures: u32,
    pub next_fetch_at: DateTime<Utc>,
    pub fetched_at: DateTime<Utc>,
}

impl Outcome<'_> {
    /// A refresh that failed: its health and why, one failure more, and the next try after
    /// the backoff (or the server's `Retry-After`).
    pub fn failed(
        health: SourceHealth,
        error: String,
        retry_at: Option<DateTime<Utc>>,
        previous_failures: u32,
        now: DateTime<Utc>,
    ) -> Outcome<'static> {
        let failures = previous_failures.saturating_add(1);
        let next = NextFetch {
            retry_at,
            failures,
            ..NextFetch::default()
        };
        Outcome {
            health,
            error: Some(error),
            title: None,
            validators: None,
            ttl_minutes: None,
            failures,
            next_fetch_at: next.at(now),
            fetched_at: now,
        }
    }

    /// What the caller is told about the refresh this outcome records.
    pub fn report(self, source_id: &str, url: String, new_items: u32) -> RefreshReport {
        RefreshReport {
            source_id: source_id.to_owned(),
            url,
            health: self.health,
            new_items,
            error: self.error,
            next_fetch_at: self.next_fetch_at,
        }
    }
}

pub(super) async fn insert(
    store: &Store,
    kind: SourceKind,
    url: &str,
    title: Option<&str>,
) -> Result<FeedSource, FeedError> {
    if let Some(id) = sqlx::query_scalar::<_, String>("SELECT id FROM feed_sources WHERE url = ?")
        .bind(url)
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?
    {
        return Err(FeedError::Duplicate {
            url: url.to_owned(),
            id,
        });
    }
    let id = uuid::Uuid::now_v7().to_string();
    let now = clock::to_db(clock::now());
    sqlx::query(
        "INSERT INTO feed_sources (id, kind, url, title, next_fetch_at, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(kind.as_str())
    .bind(url)
    .bind(title)
    .bind(&now)
    .bind(&now)
    .bind(&now)
    .execute(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    get(store, &id).await
}

pub(super) async fn list(store: &Store) -> Result<Vec<FeedSource>, FeedError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM feed_sources s ORDER BY s.created_at, s.id"
    ))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut source = from_row(store, row)?;
        source.gaps = gaps(store, &source.id).await?;
        list.push(source);
    }
    Ok(list)
}

/// Gives each account that has a timeline reader (Mastodon, Nostr) its source, due at once.
/// Accounts are sources automatically; removing one removes its source (foreign key).
pub(super) async fn add_account_sources(store: &Store) -> Result<(), FeedError> {
    let accounts = store.list_accounts().await?;
    for account in accounts {
        let Some(url) = super::timelines::source_url(&account) else {
            continue;
        };
        let now = clock::to_db(clock::now());
        sqlx::query(
            "INSERT INTO feed_sources (id, kind, url, account_id, title, next_fetch_at, \
             created_at, updated_at) VALUES (?, 'account', ?, ?, ?, ?, ?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(url)
        .bind(&account.id)
        .bind(&account.handle)
        .bind(&now)
        .bind(&now)
        .bind(&now)
        .execute(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
    }
    Ok(())
}

/// Where a refresh could not reach what the cache had before, and how to go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NewGap {
    pub newer_than: Option<DateTime<Utc>>,
    pub older_than: DateTime<Utc>,
    /// The source's cursor before that refresh: where loading the gap stops.
    pub since_cursor: Option<String>,
    /// Where the reader goes on ([`ferry_networks::timeline::TimelineFetch::resume`]).
    pub resume: Option<String>,
}

/// Stores what an account's reader returned to pass next time, inside the caller's
/// transaction, and a gap when the reader could not reach what the cache had before.
pub(super) async fn record_timeline(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    id: &str,
    cursor: Option<&str>,
    gap: Option<NewGap>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let db = |e| store.db_err(e);
    sqlx::query("UPDATE feed_sources SET cursor = coalesce(?, cursor) WHERE id = ?")
        .bind(cursor)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    if let Some(gap) = gap {
        sqlx::query(
            "INSERT INTO feed_gaps \
             (source_id, newer_than, older_than, found_at, since_cursor, resume) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(gap.newer_than.map(clock::to_db))
        .bind(clock::to_db(gap.older_than))
        .bind(clock::to_db(now))
        .bind(gap.since_cursor)
        .bind(gap.resume)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    Ok(())
}

async fn gaps(store: &Store, id: &str) -> Result<Vec<FeedGap>, FeedError> {
    let rows: Vec<(i64, Option<String>, String, bool)> = sqlx::query_as(
        "SELECT id, newer_than, older_than, since_cursor IS NOT NULL FROM feed_gaps \
         WHERE source_id = ? ORDER BY older_than DESC LIMIT 20",
    )
    .bind(id)
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    let bad = |detail: String| -> FeedError {
        StoreError::Sqlite {
            path: store.db_path().to_path_buf(),
            detail,
        }
        .into()
    };
    rows.into_iter()
        .map(|(id, newer, older, loadable)| {
            Ok(FeedGap {
                id,
                loadable,
                newer_than: newer
                    .as_deref()
                    .map(clock::from_db)
                    .transpose()
                    .map_err(bad)?,
                older_than: clock::from_db(&older).map_err(bad)?,
            })
        })
        .collect()
}

pub(super) async fn get(store: &Store, id: &str) -> Result<FeedSource, FeedError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM feed_sources s WHERE s.id = ?"
    ))
    .bind(id)
    .fetch_optional(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    match row {
        Some(row) => {
            let mut source = from_row(store, &row)?;
            source.gaps = gaps(store, id).await?;
            Ok(source)
        }
        None => Err(FeedError::NotFound { id: id.to_owned() }),
    }
}

/// The ids of sources due at `now`, the longest-waiting first.
pub(super) async fn due(store: &Store, now: DateTime<Utc>) -> Result<Vec<String>, FeedError> {
    sqlx::query_scalar(
        "SELECT id FROM feed_sources WHERE next_fetch_at <= ? ORDER BY next_fetch_at, id",
    )
    .bind(clock::to_db(now))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.db_err(e).into())
}

/// The address of each of `ids` (one query for a whole refresh): which server a source is
/// on, for `host_gates.rs`. A vanished id is left out.
pub(super) async fn addresses(
    store: &Store,
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>, FeedError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, url FROM feed_sources WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    Ok(rows.into_iter().collect())
}

pub(super) async fn fetch_state(store: &Store, id: &str) -> Result<FetchState, FeedError> {
    let row = sqlx::query(
        "SELECT url, account_id, cursor, etag, last_modified, failures, ttl_minutes, \
         ifnull((SELECT a.network FROM accounts a WHERE a.id = account_id), 'rss') AS network \
         FROM feed_sources WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?
    .ok_or_else(|| FeedError::NotFound { id: id.to_owned() })?;
    let failures: i64 = row.get("failures");
    let ttl: Option<i64> = row.get("ttl_minutes");
    Ok(FetchState {
        url: row.get("url"),
        account_id: row.get("account_id"),
        cursor: row.get("cursor"),
        network: row.get("network"),
        validators: Validators {
            etag: row.get("etag"),
            last_modified: row.get("last_modified"),
        },
        failures: u32::try_from(failures).unwrap_or(0),
        ttl_minutes: ttl.and_then(|t| u32::try_from(t).ok()),
    })
}

/// Records a refresh on the source, inside the caller's transaction.
pub(super) async fn record(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    id: &str,
    outcome: &Outcome<'_>,
) -> Result<(), StoreError> {
    let (etag, last_modified) = match outcome.validators {
        Some(v) => (v.etag.as_deref(), v.last_modified.as_deref()),
        None => (None, None),
    };
    sqlx::query(
        "UPDATE feed_sources SET health = ?, http_status = ?, last_error = ?, \
         title = coalesce(?, title), \
         etag = CASE WHEN ? THEN ? ELSE etag END, \
         last_modified = CASE WHEN ? THEN ? ELSE last_modified END, \
         ttl_minutes = coalesce(?, ttl_minutes), failures = ?, next_fetch_at = ?, \
         last_fetched_at = ?, updated_at = ? WHERE id = ?",
    )
    .bind(outcome.health.as_str())
    .bind(outcome.health.status().map(i64::from))
    .bind(&outcome.error)
    .bind(outcome.title)
    .bind(outcome.validators.is_some())
    .bind(etag)
    .bind(outcome.validators.is_some())
    .bind(last_modified)
    .bind(outcome.ttl_minutes.map(i64::from))
    .bind(i64::from(outcome.failures))
    .bind(clock::to_db(outcome.next_fetch_at))
    .bind(clock::to_db(outcome.fetched_at))
    .bind(clock::to_db(outcome.fetched_at))
    .bind(id)
    .execute(&mut *tx)
    .await
    .map_err(|e| store.db_err(e))?;
    Ok(())
}

/// Deletes the source and (by the foreign key's cascade) its items; false when there was none.
pub(super) async fn delete(store: &Store, id: &str) -> Result<bool, FeedError> {
    let done = sqlx::query("DELETE FROM feed_sources WHERE id = ?")
        .bind(id)
        .execute(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
    Ok(done.rows_affected() > 0)
}

fn from_row(store: &Store, row: &SqliteRow) -> Result<FeedSource, FeedError> {
    let bad = |detail: String| -> FeedError {
        StoreError::Sqlite {
            path: store.db_path().to_path_buf(),
            detail,
        }
        .into()
    };
    let time = |column: &str| -> Result<DateTime<Utc>, FeedError> {
        clock::from_db(&row.get::<String, _>(column)).map_err(bad)
    };
    let kind: String = row.get("kind");
    let status: Option<i64> = row.get("http_status");
    let health: Option<String> = row.get("health");
    let last_fetched: Option<String> = row.get("last_fetched_at");
    let failures: i64 = row.get("failures");
    let items: i64 = row.get("items");
    Ok(FeedSource {
        id: row.get("id"),
        kind: SourceKind::parse(&kind)
            .ok_or_else(|| bad(format!("unknown feed source kind {kind:?}")))?,
        network: row.get("network"),
        account_id: row.get("account_id"),
        url: row.get("url"),
        title: row.get("title"),
        health: health
            .as_deref()
            .and_then(|h| SourceHealth::parse(h, status.and_then(|s| u16::try_from(s).ok()))),
        last_error: row.get("last_error"),
        failures: u32::try_from(failures).unwrap_or(0),
        next_fetch_at: time("next_fetch_at")?,
        last_fetched_at: last_fetched
            .as_deref()
            .map(clock::from_db)
            .transpose()
            .map_err(bad)?,
        items: u64::try_from(items).unwrap_or(0),
        gaps: Vec::new(),
        created_at: time("created_at")?,
    })
}
