//! The merged feed for the window: one HTTP client for every feed refresh, and at most one
//! refresh running at a time, in the background, reporting each source as it finishes.
//!
//! A refresh can take seconds (a slow feed waits for its timeout), so the command that starts
//! it returns at once with the sources it will fetch; progress arrives as
//! [`crate::events::Feed`] events ([`FeedEvent`]): `started`, one `source` per source, then
//! `finished`. Pressing "Refresh" again while one runs starts nothing (`already_running`).
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store) -> Result<(), ferry_app::error::CommandError> {
//! let feeding = ferry_app::feeding::Feeding::default();
//! let feeds = feeding.feeds(&store)?;               // the engine's `Feeds` over this store
//! let started = feeding.refresh(&feeds, None, |event| println!("{event:?}")).await?;
//! # drop(started); Ok(()) }
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ferry_core::ErrorPayload;
use ferry_core::Store;
use ferry_core::feed::{FeedError, Feeds, RefreshReport};
use ferry_networks::rss::FeedClient;
use serde::Serialize;
use ts_rs::TS;

use crate::error::CommandError;

/// Managed state: the feed client (made on first use) and whether a refresh is running.
#[derive(Default)]
pub struct Feeding {
    client: std::sync::Mutex<Option<FeedClient>>,
    running: Arc<AtomicBool>,
}

/// What "Refresh" started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RefreshStarted {
    /// The sources being fetched, in the order their reports will come (empty when nothing
    /// is due, or when a refresh was already running).
    pub sources: Vec<String>,
    /// A refresh was already running: nothing new started; its events keep coming.
    pub already_running: bool,
}

/// A feed refresh's progress, as the window sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FeedEvent {
    /// These sources are being fetched.
    Started { sources: Vec<String> },
    /// One source is done: its report (with its health), or why it could not be refreshed
    /// at all (removed meanwhile, the database failed).
    Source {
        source_id: String,
        report: Option<RefreshReport>,
        error: Option<ErrorPayload>,
    },
    /// Every source is done.
    Finished { sources: u32, new_items: u32 },
}

impl Feeding {
    /// The engine's feeds over `store`, sharing one HTTP client (connections are reused).
    pub fn feeds(&self, store: &Store) -> Result<Feeds, CommandError> {
        let mut slot = self.client.lock().unwrap_or_else(|e| e.into_inner());
        let client = match slot.as_ref() {
            Some(client) => client.clone(),
            None => {
                let client = FeedClient::new().map_err(FeedError::from)?;
                *slot = Some(client.clone());
                client
            }
        };
        Ok(Feeds::with_client(store.clone(), client))
    }

    /// Starts refreshing `source` (now, due or not), or every source that is due, in the
    /// background, and returns what it started; `sink` gets the progress (nothing when no
    /// source is due).
    pub async fn refresh(
        &self,
        feeds: &Feeds,
        source: Option<&str>,
        sink: impl Fn(&FeedEvent) + Send + Sync + 'static,
    ) -> Result<RefreshStarted, CommandError> {
        if self.running.swap(true, Ordering::SeqCst) {
            return Ok(RefreshStarted {
                sources: Vec::new(),
                already_running: true,
            });
        }
        let running = Running(self.running.clone());
        let ids = match source {
            // Refused here, not in the background, so "no such source" reaches the caller.
            Some(id) => vec![feeds.source(id).await?.id],
            None => feeds.due_sources().await?,
        };
        let started = RefreshStarted {
            sources: ids.clone(),
            already_running: false,
        };
        if ids.is_empty() {
            // Nothing due: no run, no events.
            return Ok(started);
        }
        let feeds = feeds.clone();
        tauri::async_runtime::spawn(async move {
            let sink = Arc::new(sink);
            sink(&FeedEvent::Started {
                sources: ids.clone(),
            });
            let each = sink.clone();
            let done = feeds
                .refresh_each(ids, move |id, result| {
                    each(&FeedEvent::Source {
                        source_id: id.to_owned(),
                        report: result.as_ref().ok().cloned(),
                        error: result.as_ref().err().map(ErrorPayload::of),
                    })
                })
                .await;
            let new_items = done
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|r| r.new_items)
                .sum();
            // Free before saying so: a "Refresh" pressed on `finished` must start a new run.
            drop(running);
            sink(&FeedEvent::Finished {
                sources: u32::try_from(done.len()).unwrap_or(u32::MAX),
                new_items,
            });
        });
        Ok(started)
    }
}

/// Clears the running flag when the background refresh ends, however it ends.
struct Running(Arc<AtomicBool>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}
