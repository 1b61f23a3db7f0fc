//! Refreshing sources: fetch with the stored validators, store new items and the source's
//! health in one transaction, and schedule the next fetch. A failing source is recorded, not
//! returned as an error, so a refresh of many sources always reports on each.

use std::sync::Arc;

use ferry_networks::rss::{NextFetch, SourceHealth};
use tokio::task::JoinSet;

use super::Feeds;
use super::error::FeedError;
use super::host_gates::HostGates;
use super::items::{self, NewItem};
use super::model::RefreshReport;
use super::sources::{self, Outcome};
use crate::clock;

impl Feeds {
    /// Refreshes one source now, whether or not it is due.
    pub async fn refresh(&self, id: &str) -> Result<RefreshReport, FeedError> {
        let report = refresh_one(self, id).await;
        self.fingerprint_pictures().await;
        report
    }

    /// Refreshes every source whose `next_fetch_at` has come, many at once (`host_gates.rs`), and reports
    /// on each. Sources not due are left alone (they show in `sources()` with their time).
    pub async fn refresh_due(&self) -> Result<Vec<RefreshReport>, FeedError> {
        let due = self.due_sources().await?;
        self.refresh_each(due, |_, _| {})
            .await
            .into_iter()
            .collect()
    }

    /// The ids of the sources due now, the longest-waiting first: what
    /// [`Feeds::refresh_due`] would fetch.
    pub async fn due_sources(&self) -> Result<Vec<String>, FeedError> {
        self.add_account_sources().await?;
        sources::due(&self.store, clock::now()).await
    }

    /// Refreshes these sources, many at once but few per server (`host_gates.rs`), calling `on_done` as each one finishes (so
    /// a window can show progress), and returns every outcome in the order of `ids`. One
    /// source's failure (even a vanished source) never stops the others.
    pub async fn refresh_each(
        &self,
        ids: Vec<String>,
        on_done: impl Fn(&str, &Result<RefreshReport, FeedError>) + Send + Sync + 'static,
    ) -> Vec<Result<RefreshReport, FeedError>> {
        let gates = HostGates::new();
        let on_done = Arc::new(on_done);
        // A source missing here (vanished, or the read failed) gets a gate of its own;
        // refresh_one reports what became of it.
        let addresses = sources::addresses(&self.store, &ids)
            .await
            .unwrap_or_default();
        let mut tasks = JoinSet::new();
        for (n, id) in ids.into_iter().enumerate() {
            let feeds = self.clone();
            let gates = gates.clone();
            let on_done = on_done.clone();
            let address = addresses.get(&id).cloned().unwrap_or_else(|| id.clone());
            tasks.spawn(async move {
                let _pass = gates.pass(&address).await;
                let report = refresh_one(&feeds, &id).await;
                on_done(&id, &report);
                (n, report)
            });
        }
        let mut done = Vec::new();
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok(one) => done.push(one),
                // Tasks are never cancelled, so this is a panic: let it surface as one.
                Err(err) => std::panic::resume_unwind(err.into_panic()),
            }
        }
        done.sort_by_key(|(n, _)| *n);
        self.fingerprint_pictures().await;
        done.into_iter().map(|(_, report)| report).collect()
    }

    /// After a refresh: fingerprints linked people's newest pictures (`image_keys.rs`), so
    /// their cross-posts tied only by a photo become one card. Never fails the refresh.
    async fn fingerprint_pictures(&self) {
        if let Err(e) = super::image_keys::fill(self).await {
            tracing::warn!(error = %e, "pictures not fingerprinted");
        }
    }
}

async fn refresh_one(feeds: &Feeds, id: &str) -> Result<RefreshReport, FeedError> {
    let store = &feeds.store;
    let state = sources::fetch_state(store, id).await?;
    if let Some(account_id) = state.account_id.clone() {
        return super::account_refresh::refresh(feeds, id, &account_id, state).await;
    }
    let url = url::Url::parse(&state.url).map_err(|e| FeedError::BadUrl {
        url: state.url.clone(),
        reason: e.to_string(),
    })?;
    let keep = feeds.retention().await?;
    let fetched = feeds.client.fetch(&url, &state.validators).await;
    let now = clock::now();
    let mut tx = store.begin_write().await?;
    let mut new_items = 0;
    let (outcome, next) = match &fetched {
        Ok(ok) => {
            let feed = ok.feed.as_ref();
            if let Some(feed) = feed {
                let rows: Vec<_> = feed.entries.iter().map(NewItem::from_entry).collect();
                new_items = items::store_items(&mut tx, store, id, "rss", &rows, now, keep).await?;
            }
            let ttl = feed.and_then(|f| f.ttl_minutes);
            let outcome = Outcome {
                health: match feed {
                    Some(_) => SourceHealth::Working,
                    None => SourceHealth::NotModified,
                },
                error: None,
                title: feed.and_then(|f| f.title.as_deref()),
                validators: Some(&ok.validators),
                ttl_minutes: ttl,
                failures: 0,
                next_fetch_at: now,
                fetched_at: now,
            };
            let next = NextFetch {
                ttl_minutes: ttl.or(state.ttl_minutes),
                max_age: ok.max_age,
                ..NextFetch::default()
            };
            (outcome, Some(next))
        }
        Err(err) => {
            tracing::info!(source = id, code = err.code(), "feed refresh failed");
            let outcome = Outcome::failed(
                err.health(),
                err.to_string(),
                err.retry_at(),
                state.failures,
                now,
            );
            (outcome, None)
        }
    };
    let outcome = match next {
        Some(next) => Outcome {
            next_fetch_at: next.at(now),
            ..outcome
        },
        None => outcome,
    };
    sources::record(&mut tx, store, id, &outcome).await?;
    tx.commit().await.map_err(|e| store.db_err(e))?;
    Ok(outcome.report(id, state.url, new_items))
}
