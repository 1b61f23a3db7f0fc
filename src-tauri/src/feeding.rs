//! The merged feed for the window: one HTTP client for every feed refresh, and at most one
//! refresh running at a time, in the background, reporting each source as it finishes.
//!
//! A refresh can take seconds (a slow feed waits for its timeout), so the command that starts
//! it returns at once with the sources it will fetch; progress arrives as
//! [`crate::events::Feed`] events ([`FeedEvent`]): `started`, one `source` per source, then
//! `finished`. Pressing "Refresh" again while one runs starts nothing (`already_running`).
//! Once the Feed screen has read its sources, due sources are also refreshed in the background
//! every minute while the app runs ([`Feeding::ensure_background`]), with the same events.
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

use tauri::{AppHandle, Manager, Runtime};

use crate::database::Database;
use crate::error::CommandError;
use crate::publishing::Publishing;

/// Managed state: the feed client (made on first use), whether a refresh is running, and
/// whether the background refresh was started.
#[derive(Default)]
pub struct Feeding {
    client: std::sync::Mutex<Option<FeedClient>>,
    running: Arc<AtomicBool>,
    background: AtomicBool,
}

/// How often the background refresh looks for due sources. What is due is decided by each
/// source's `next_fetch_at` (its TTL, `Retry-After`, backoff; 5 minutes for an account),
/// compared with the wall clock, so a sleep that suspend stretched only delays one look.
const BACKGROUND_LOOK: std::time::Duration = std::time::Duration::from_secs(60);

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

    /// The feeds with the user's accounts as sources. Without a keychain the accounts can't
    /// be read, but the feeds still can: that is logged, not refused.
    pub async fn feeds_with_accounts(
        &self,
        store: &Store,
        publishing: &Publishing,
    ) -> Result<Feeds, CommandError> {
        let feeds = self.feeds(store)?;
        Ok(match publishing.publisher(store).await {
            Ok(publisher) => feeds.with_accounts(publisher.accounts().clone()),
            Err(err) => {
                tracing::warn!(
                    code = err.code,
                    "feed without accounts: the keychain did not open"
                );
                feeds
            }
        })
    }

    /// Starts, once per run of the app, a task that refreshes due sources every minute while
    /// the app runs, reporting through `sink` like "Refresh" does. A refresh already running
    /// (the user pressed "Refresh") is left alone.
    pub fn ensure_background<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        sink: impl Fn(&FeedEvent) + Send + Sync + Clone + 'static,
    ) {
        if self.background.swap(true, Ordering::SeqCst) {
            return;
        }
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            loop {
                tokio::time::sleep(BACKGROUND_LOOK).await;
                let Ok(store) = app.state::<Database>().store() else {
                    continue;
                };
                let feeding = app.state::<Feeding>();
                let publishing = app.state::<Publishing>();
                let started = match feeding.feeds_with_accounts(&store, &publishing).await {
                    Ok(feeds) => feeding.refresh(&feeds, None, sink.clone()).await,
                    Err(err) => Err(err),
                };
                if let Err(err) = started {
                    tracing::warn!(code = err.code, "background feed refresh: {}", err.message);
                }
            }
        });
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
