//! Closing the main window without losing the last keystrokes.
//!
//! The composer autosaves at most 500 ms after an edit, so a close can arrive while an edit
//! is still waiting. When the window is asked to close we hold it, tell the UI
//! ([`CloseRequested`]), and close once it answers with `close_main_window` — or after
//! a grace period, so a stuck page can never keep the window open.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

use crate::events::{CloseRequested, Event};

use crate::error::{AppError, CommandResult};

pub const MAIN_WINDOW: &str = "main";
const GRACE: Duration = Duration::from_secs(3);

#[derive(Default)]
pub struct CloseGuard {
    closing: AtomicBool,
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
    tracing::debug!("close requested: asking the UI to save first");
    if let Err(err) = CloseRequested::emit_to(window, MAIN_WINDOW, &()) {
        tracing::warn!("cannot ask the UI to save before closing: {err}");
    }
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(GRACE).await;
        if let Err(err) = close_now(&app) {
            tracing::warn!("cannot close the main window: {err}");
        }
    });
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
    }
    match app.get_webview_window(MAIN_WINDOW) {
        Some(window) => Ok(window.destroy().map_err(AppError::Window)?),
        None => Ok(()),
    }
}
