//! The app's scheduler loop: one per app, started the first time the UI asks about
//! scheduling (the Schedule screen and the status strip do at start), on the database the
//! window opened. It runs for as long as the app does, window or not, and shares the work with
//! any `ferry daemon` on the same database through the engine's claims.
//!
//! The loop needs the publisher, and so the keychain, only to send: it is made on first use,
//! and a keychain that cannot be opened is tried again at the next pass, the items waiting
//! (the status strip shows them overdue) rather than failing.

use std::sync::Mutex;

use ferry_core::Store;
use ferry_core::outbox::{HandOver, PublishError};
use ferry_core::schedule::{
    CopyChange, Dispatch, RunnerKind, ScheduleError, Scheduler, SchedulerEvent, SchedulerWake,
    StoredSchedule,
};
use tauri::{AppHandle, Manager, Runtime};

use tauri_plugin_notification::NotificationExt;

use crate::events::{self, Event};
use crate::native_text::NativeText;
use crate::notifications::Notices;
use crate::publishing::Publishing;

/// Managed state: the waker of the running loop, once started.
#[derive(Default)]
pub struct Scheduling {
    wake: Mutex<Option<SchedulerWake>>,
}

impl Scheduling {
    /// Starts the loop unless it runs, and wakes it (a schedule may just have changed).
    pub fn ensure_started<R: Runtime>(&self, app: &AppHandle<R>, store: &Store) {
        let mut slot = self.wake.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(wake) = slot.as_ref() {
            wake.wake();
            return;
        }
        let scheduler = Scheduler::new(
            AppDispatch {
                app: app.clone(),
                store: store.clone(),
            },
            RunnerKind::App,
        );
        *slot = Some(scheduler.waker());
        let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
        let emitter = app.clone();
        let text_store = store.clone();
        tauri::async_runtime::spawn(async move {
            let mut notices = Notices::default();
            while let Some(event) = received.recv().await {
                let text = NativeText::load(&text_store).await;
                if let Some(notice) = notices.on(&event, text) {
                    let shown = emitter
                        .notification()
                        .builder()
                        .title(&notice.title)
                        .body(&notice.body)
                        .show();
                    if let Err(err) = shown {
                        tracing::warn!("could not show a notification: {err}");
                    }
                }
                let sent = match &event {
                    SchedulerEvent::Publish { event } => events::Publish::emit(&emitter, event),
                    other => events::Schedule::emit(&emitter, other),
                };
                if let Err(err) = sent {
                    tracing::warn!("could not send scheduler progress to the window: {err}");
                }
                if ends_an_item(&event) {
                    crate::background::end_if_idle(&emitter, &text_store).await;
                }
            }
        });
        tauri::async_runtime::spawn(scheduler.run(events, std::future::pending()));
    }
}

/// An item is done with Ferry: its job finished, it failed before one began, or its server
/// keeps it.
fn ends_an_item(event: &SchedulerEvent) -> bool {
    matches!(
        event,
        SchedulerEvent::Publish {
            event: ferry_core::outbox::PublishEvent::Finished(_)
        } | SchedulerEvent::Failed { .. }
            | SchedulerEvent::ToServers { .. }
    )
}

/// Hands items to the app's publisher, made (keychain opened) on the first item due.
struct AppDispatch<R: Runtime> {
    app: AppHandle<R>,
    store: Store,
}

impl<R: Runtime> Dispatch for AppDispatch<R> {
    fn store(&self) -> &Store {
        &self.store
    }

    async fn dispatch(&self, item: &StoredSchedule, owner: &str) -> Result<HandOver, PublishError> {
        let publisher = self
            .app
            .state::<Publishing>()
            .publisher(&self.store)
            .await
            .map_err(|err| PublishError::Unavailable {
                reason: err.message,
            })?;
        publisher.dispatch(item, owner).await
    }

    async fn keep_server_copies(
        &self,
        owner: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<CopyChange>, ScheduleError> {
        if !self.store.server_copies_wanted().await? {
            return Ok(Vec::new());
        }
        let publisher = self
            .app
            .state::<Publishing>()
            .publisher(&self.store)
            .await
            .map_err(|err| ScheduleError::AccountsUnavailable {
                reason: err.message,
            })?;
        publisher.keep_server_copies(owner, now).await
    }
}
