//! Closing the main window without losing the last keystrokes.
//!
//! The composer autosaves at most 500 ms after an edit, so a close can arrive while an edit
//! is still waiting. When the window is asked to close we hold it, tell the UI
//! ([`CloseRequested`]), and close once it answers with `close_main_window` — or after
//! a grace period, so a stuck page can never keep the window open. When the last save
//! failed (a full disk, a database another program holds) the UI answers
//! `keep_main_window_open` instead: the window stays, with the text and the error, and the
//! grace period's close is called off.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

use crate::events::{CloseRequested, Event};

use crate::error::{AppError, CommandResult};

pub const MAIN_WINDOW: &str = "main";
/// Longer than twice the database's busy timeout (5 s, `ferry_core::StoreOptions`): a last
/// save waiting for a lock another program holds, and the flush's one retry, still get to
/// finish or fail before the window would be closed over them.
const GRACE: Duration = Duration::from_secs(15);

#[derive(Default)]
pub struct CloseGuard {
    closing: AtomicBool,
    /// Which close request the grace timer may still act on (0: none). A request that was
    /// answered, or superseded by a newer one, leaves its timer with nothing to do.
    pending: AtomicU64,
    requests: AtomicU64,
}

pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let Some(guard) = window.try_state::<CloseGuard>() else {
        return;
    };
    if window.label() != MAIN_WINDOW || guard.closing.load(Ordering::SeqCst) {
        return;
    }
    api.prevent_close();
    let request = guard.requests.fetch_add(1, Ordering::SeqCst) + 1;
    guard.pending.store(request, Ordering::SeqCst);
    tracing::debug!("close requested: asking the UI to save first");
    if let Err(err) = CloseRequested::emit_to(window, MAIN_WINDOW, &()) {
        tracing::warn!("cannot ask the UI to save before closing: {err}");
    }
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(GRACE).await;
        let still_pending = app
            .try_state::<CloseGuard>()
            .is_some_and(|guard| guard.pending.load(Ordering::SeqCst) == request);
        if !still_pending {
            return;
        }
        tracing::warn!("the page did not answer the close request; closing");
        if let Err(err) = close_now(&app) {
            tracing::warn!("cannot close the main window: {err}");
        }
    });
}

/// The UI could not save: the window stays open, and no timer closes it.
pub fn keep_open<R: Runtime>(app: &AppHandle<R>) {
    tracing::warn!("the last save before closing failed: the window stays open");
    if let Some(guard) = app.try_state::<CloseGuard>() {
        guard.pending.store(0, Ordering::SeqCst);
    }
}

/// The main window was opened again (the app ran on without it): its closes are guarded again.
pub fn reopened<R: Runtime>(app: &AppHandle<R>) {
    if let Some(guard) = app.try_state::<CloseGuard>() {
        guard.closing.store(false, Ordering::SeqCst);
    }
}

/// Closes the main window for good (the app exits with its last window, unless posts are
/// scheduled: see `background.rs`).
pub fn close_now<R: Runtime>(app: &AppHandle<R>) -> CommandResult<()> {
    tracing::debug!("closing the main window");
    if let Some(guard) = app.try_state::<CloseGuard>() {
        guard.closing.store(true, Ordering::SeqCst);
        guard.pending.store(0, Ordering::SeqCst);
    }
    match app.get_webview_window(MAIN_WINDOW) {
        Some(window) => Ok(window.destroy().map_err(AppError::Window)?),
        None => Ok(()),
    }
}
