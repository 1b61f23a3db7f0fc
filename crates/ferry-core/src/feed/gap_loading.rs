//! Loading a gap: where a refresh of an account's timeline could not reach what the cache had
//! (more was new than one read brings, or a page or relay failed), the reader goes on from
//! where it stopped, down toward the cursor it had then.
//!
//! ```no_run
//! # async fn demo(feeds: ferry_core::feed::Feeds, source_id: &str) -> Result<(), ferry_core::feed::FeedError> {
//! for gap in feeds.source(source_id).await?.gaps {
//!     let report = feeds.load_gap(gap.id).await?;
//!     println!("{} new; closed: {}", report.new_items, report.closed);
//! }
//! # Ok(()) }
//! ```
//!
//! One load brings at most as much as a refresh. When that reached the posts before the gap,
//! the gap is gone; otherwise it shrinks to what is still missing and may be loaded again.
//! The source's own cursor is not touched (it belongs to the top of the timeline), and a
//! failure is the caller's error, not the source's health: the timeline itself still works.

use ferry_networks::timeline::TimelineRequest;

use super::Feeds;
use super::account_refresh::oldest;
use super::error::FeedError;
use super::items::{self, NewItem};
use super::model::GapReport;
use super::timelines;
use crate::clock;

/// A gap's source, the cursor it had then, where to go on, and the source's account.
type GapRow = (String, Option<String>, Option<String>, Option<String>);

impl Feeds {
    /// Loads (the next part of) gap `gap_id`; see the module docs.
    pub async fn load_gap(&self, gap_id: i64) -> Result<GapReport, FeedError> {
        let store = &self.store;
        let row: Option<GapRow> = sqlx::query_as(
            "SELECT g.source_id, g.since_cursor, g.resume, s.account_id \
                 FROM feed_gaps g JOIN feed_sources s ON s.id = g.source_id WHERE g.id = ?",
        )
        .bind(gap_id)
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        let (source_id, since, resume, account_id) = row.ok_or(FeedError::NoGap { id: gap_id })?;
        let (Some(since), Some(account_id)) = (since, account_id) else {
            return Err(FeedError::GapNotLoadable { id: gap_id });
        };
        let failed = |message: String| FeedError::GapFailed {
            id: gap_id,
            message,
        };
        let Some(accounts) = &self.accounts else {
            return Err(failed(
                "this window was opened without the accounts; restart Ferry".into(),
            ));
        };
        let account = accounts.get(&account_id).await?;
        let request = TimelineRequest {
            since: Some(since),
            max_posts: self.timeline_cap,
            resume,
        };
        let mut fetch = timelines::read(accounts, &account, &request)
            .await
            .map_err(|f| failed(f.message))?;
        super::nostr_domains::prove(self, &mut fetch.posts).await?;

        let keep = self.retention().await?;
        let now = clock::now();
        let network = account.network.name();
        let mut tx = store.begin_write().await?;
        let rows: Vec<_> = fetch.posts.iter().map(NewItem::from_post).collect();
        let new_items =
            items::store_items(&mut tx, store, &source_id, network, &rows, now, keep).await?;
        items::withdraw(&mut tx, store, network, &fetch.withdrawn).await?;
        let closed = fetch.reached_since;
        let done = if closed {
            sqlx::query("DELETE FROM feed_gaps WHERE id = ?")
                .bind(gap_id)
                .execute(&mut *tx)
                .await
        } else {
            // What is still missing lies below the oldest post this load brought.
            sqlx::query(
                "UPDATE feed_gaps SET older_than = min(older_than, ?), resume = ? WHERE id = ?",
            )
            .bind(clock::to_db(oldest(&fetch, now)))
            .bind(fetch.resume.as_deref())
            .bind(gap_id)
            .execute(&mut *tx)
            .await
        };
        done.map_err(|e| store.db_err(e))?;
        tx.commit().await.map_err(|e| store.db_err(e))?;
        tracing::info!(
            source = source_id,
            gap = gap_id,
            new_items,
            closed,
            "gap loaded"
        );
        Ok(GapReport {
            gap_id,
            source_id,
            new_items,
            closed,
        })
    }

    /// Dismisses gap `gap_id` without loading it (the person does not miss those posts).
    pub async fn forget_gap(&self, gap_id: i64) -> Result<(), FeedError> {
        let store = &self.store;
        let gone = sqlx::query("DELETE FROM feed_gaps WHERE id = ?")
            .bind(gap_id)
            .execute(&store.pool)
            .await
            .map_err(|e| store.db_err(e))?;
        if gone.rows_affected() == 0 {
            return Err(FeedError::NoGap { id: gap_id });
        }
        Ok(())
    }
}
