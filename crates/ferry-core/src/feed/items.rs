//! The `feed_items` table: storing fetched entries once, keeping the newest N per source, and
//! reading the merged feed back newest first.

use chrono::{DateTime, Utc};
use ferry_networks::rss::FeedEntry;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::error::FeedError;
use super::model::{FeedItem, ItemAuthor, ItemQuery, ItemSource};
use crate::Store;
use crate::clock;
use crate::error::StoreError;

/// How many words a search may have (each is one LIKE over three columns).
const MAX_SEARCH_WORDS: usize = 8;

/// Inserts the entries not cached yet and trims the source to its newest `keep` items, inside
/// the caller's transaction. Returns how many new items are still there afterwards.
///
/// A feed keeps listing entries that retention already dropped; they are skipped when older
/// than the oldest kept item, so they don't come back as "new" on every refresh.
pub(super) async fn store_entries(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    source_id: &str,
    entries: &[FeedEntry],
    fetched_at: DateTime<Utc>,
    keep: u32,
) -> Result<u32, StoreError> {
    let db = |e| store.db_err(e);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM feed_items WHERE source_id = ?")
        .bind(source_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
    let oldest_kept: Option<String> = if count >= i64::from(keep) {
        sqlx::query_scalar("SELECT min(published_at) FROM feed_items WHERE source_id = ?")
            .bind(source_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?
    } else {
        None
    };
    let fetched = clock::to_db(fetched_at);
    // Only the newest `keep` entries can survive the trim below; a feed of 100,000 tiny
    // entries must not cost 100,000 inserts.
    let mut newest: Vec<&FeedEntry> = entries.iter().collect();
    if newest.len() > keep as usize {
        newest.sort_by_key(|e| std::cmp::Reverse(e.published_at.unwrap_or(fetched_at)));
        newest.truncate(keep as usize);
    }
    for entry in newest {
        // A date in the future (a wrong clock, or a feed pinning itself to the top) is
        // clamped to the fetch; an entry with no date gets the fetch time.
        let published = entry
            .published_at
            .map(|p| p.min(fetched_at))
            .unwrap_or(fetched_at);
        let published = clock::to_db(published);
        if oldest_kept
            .as_ref()
            .is_some_and(|oldest| &published < oldest)
        {
            continue;
        }
        sqlx::query(
            "INSERT INTO feed_items (network, source_id, remote_id, author_name, title, text, \
             html, url, lang, published_at, fetched_at) \
             VALUES ('rss', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (source_id, remote_id) DO NOTHING",
        )
        .bind(source_id)
        .bind(&entry.remote_id)
        .bind(&entry.author)
        .bind(&entry.title)
        .bind(&entry.text)
        .bind(&entry.html)
        .bind(&entry.url)
        .bind(&entry.lang)
        .bind(&published)
        .bind(&fetched)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    sqlx::query(
        "DELETE FROM feed_items WHERE source_id = ?1 AND id NOT IN (SELECT id FROM feed_items \
         WHERE source_id = ?1 ORDER BY published_at DESC, id DESC LIMIT ?2)",
    )
    .bind(source_id)
    .bind(i64::from(keep))
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    // This refresh's rows are the ones stamped with its fetch time.
    let new: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM feed_items WHERE source_id = ? AND fetched_at = ?",
    )
    .bind(source_id)
    .bind(&fetched)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    Ok(u32::try_from(new).unwrap_or(0))
}

/// Trims every source to its newest `keep` items (after the retention setting shrinks).
pub(super) async fn trim_all(store: &Store, keep: u32) -> Result<u64, FeedError> {
    let done = sqlx::query(
        "DELETE FROM feed_items WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER \
         (PARTITION BY source_id ORDER BY published_at DESC, id DESC) AS n FROM feed_items) \
         WHERE n > ?)",
    )
    .bind(i64::from(keep))
    .execute(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    Ok(done.rows_affected())
}

/// The merged feed, newest first, optionally filtered by search words.
pub(super) async fn list(store: &Store, query: &ItemQuery) -> Result<Vec<FeedItem>, FeedError> {
    if query.limit == 0 || query.limit > crate::MAX_PAGE {
        return Err(FeedError::BadQuery(format!(
            "the limit must be 1 to {}, not {}",
            crate::MAX_PAGE,
            query.limit
        )));
    }
    let words: Vec<&str> = query
        .search
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    if words.len() > MAX_SEARCH_WORDS {
        return Err(FeedError::BadQuery(format!(
            "search for at most {MAX_SEARCH_WORDS} words at once, not {}",
            words.len()
        )));
    }
    let mut sql = String::from(
        "SELECT i.id, i.network, i.source_id, s.title AS source_title, s.url AS source_url, \
         i.author_name, i.title, i.text, i.html, i.url, i.lang, i.published_at, i.fetched_at \
         FROM feed_items i JOIN feed_sources s ON s.id = i.source_id WHERE 1",
    );
    for _ in &words {
        sql.push_str(
            " AND (i.text LIKE ? ESCAPE '\\' OR ifnull(i.title, '') LIKE ? ESCAPE '\\' \
             OR ifnull(i.author_name, '') LIKE ? ESCAPE '\\')",
        );
    }
    sql.push_str(" ORDER BY i.published_at DESC, i.id DESC LIMIT ? OFFSET ?");
    let mut q = sqlx::query(&sql);
    for word in &words {
        let pattern = format!("%{}%", like_escape(word));
        q = q.bind(pattern.clone()).bind(pattern.clone()).bind(pattern);
    }
    let rows = q
        .bind(i64::from(query.limit))
        .bind(i64::from(query.offset))
        .fetch_all(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
    rows.iter().map(|row| from_row(store, row)).collect()
}

fn like_escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn from_row(store: &Store, row: &SqliteRow) -> Result<FeedItem, FeedError> {
    let time = |column: &str| -> Result<DateTime<Utc>, FeedError> {
        clock::from_db(&row.get::<String, _>(column)).map_err(|detail| {
            FeedError::from(StoreError::Sqlite {
                path: store.db_path().to_path_buf(),
                detail,
            })
        })
    };
    Ok(FeedItem {
        id: row.get("id"),
        network: row.get("network"),
        source: ItemSource {
            id: row.get("source_id"),
            title: row.get("source_title"),
            url: row.get("source_url"),
        },
        author: ItemAuthor {
            name: row.get("author_name"),
            handle: None,
        },
        title: row.get("title"),
        text: row.get("text"),
        html: row.get("html"),
        url: row.get("url"),
        lang: row.get("lang"),
        published_at: time("published_at")?,
        fetched_at: time("fetched_at")?,
    })
}
