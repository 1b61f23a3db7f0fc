//! Refreshing an account's source: ask its network's reader for what is new since the stored
//! cursor, store the posts, drop those their authors withdrew, and keep the cursor and any
//! gap, all in one transaction; then record the health.
//! A failure is recorded on the source (health, message, backoff), never returned, so other
//! sources keep going.

use chrono::{DateTime, Utc};
use ferry_networks::rss::SourceHealth;
use ferry_networks::timeline::{TimelineFetch, TimelineRequest};

use super::Feeds;
use super::error::FeedError;
use super::items::{self, NewItem};
use super::model::RefreshReport;
use super::nostr_domains;
use super::sources::{self, FetchState, NewGap, Outcome};
use super::timelines::{self, INTERVAL, ReadFailure};
use crate::clock;

pub(super) async fn refresh(
    feeds: &Feeds,
    id: &str,
    account_id: &str,
    state: FetchState,
) -> Result<RefreshReport, FeedError> {
    let store = &feeds.store;
    let keep = feeds.retention().await?;
    let mut read = match &feeds.accounts {
        None => Err(ReadFailure {
            health: SourceHealth::Unreachable,
            message: "this window was opened without the accounts; restart Ferry".into(),
            retry_at: None,
        }),
        Some(accounts) => match accounts.get(account_id).await {
            Ok(account) => {
                let request = TimelineRequest {
                    since: state.cursor.clone(),
                    max_posts: feeds.timeline_cap,
                    resume: None,
                };
                timelines::read(accounts, &account, &request).await
            }
            Err(e) => Err(ReadFailure {
                health: SourceHealth::Unreachable,
                message: e.to_string(),
                retry_at: None,
            }),
        },
    };
    if let Ok(fetch) = &mut read {
        // Before the write transaction: proving a domain is an HTTP request.
        nostr_domains::prove(feeds, &mut fetch.posts).await?;
    }
    let now = clock::now();
    let mut tx = store.begin_write().await?;
    let mut new_items = 0;
    let outcome = match &read {
        Ok(fetch) => {
            // What the cache had before: a fetch that did not reach it leaves a gap there.
            let newest_before: Option<String> =
                sqlx::query_scalar("SELECT max(published_at) FROM feed_items WHERE source_id = ?")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| store.db_err(e))?;
            let rows: Vec<_> = fetch.posts.iter().map(NewItem::from_post).collect();
            new_items =
                items::store_items(&mut tx, store, id, &state.network, &rows, now, keep).await?;
            items::withdraw(&mut tx, store, &state.network, &fetch.withdrawn).await?;
            let gap = gap(
                fetch,
                state.cursor.as_deref(),
                newest_before.as_deref(),
                now,
            );
            sources::record_timeline(&mut tx, store, id, fetch.cursor.as_deref(), gap, now).await?;
            Outcome {
                health: SourceHealth::Working,
                error: None,
                title: None,
                validators: None,
                ttl_minutes: None,
                failures: 0,
                next_fetch_at: now + INTERVAL,
                fetched_at: now,
            }
        }
        Err(failure) => {
            tracing::info!(
                source = id,
                health = failure.health.as_str(),
                "timeline refresh failed"
            );
            Outcome::failed(
                failure.health,
                failure.message.clone(),
                failure.retry_at,
                state.failures,
                now,
            )
        }
    };
    sources::record(&mut tx, store, id, &outcome).await?;
    tx.commit().await.map_err(|e| store.db_err(e))?;
    Ok(outcome.report(id, state.url, new_items))
}

/// Where posts may be missing: between what the cache had and the oldest post this refresh
/// brought, when the reader says it did not get that far, with what loading it needs. The
/// first refresh never leaves one (nothing older was promised).
fn gap(
    fetch: &TimelineFetch,
    old_cursor: Option<&str>,
    newest_before: Option<&str>,
    now: DateTime<Utc>,
) -> Option<NewGap> {
    if fetch.reached_since || old_cursor.is_none() {
        return None;
    }
    Some(NewGap {
        newer_than: newest_before.and_then(|t| clock::from_db(t).ok()),
        older_than: oldest(fetch, now),
        since_cursor: old_cursor.map(str::to_owned),
        resume: fetch.resume.clone(),
    })
}

/// The oldest post a read brought (never in the future), or `now` when it brought none.
pub(super) fn oldest(fetch: &TimelineFetch, now: DateTime<Utc>) -> DateTime<Utc> {
    fetch
        .posts
        .iter()
        .map(|p| p.published_at.min(now))
        .min()
        .unwrap_or(now)
}

#[cfg(test)]
pub(super) fn gap_for_test(
    fetch: &TimelineFetch,
    old_cursor: Option<&str>,
    newest_before: Option<&str>,
) -> Option<NewGap> {
    gap(fetch, old_cursor, newest_before, clock::now())
}
