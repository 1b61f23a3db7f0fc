//! Scheduling with the window closed. Closing the last window normally ends the app; while
//! anything is scheduled it keeps running instead, without a window, so the scheduler loop
//! still sends at the set time (the complaint about desktop "send later" tools that quietly
//! fail when closed). A tray icon says what is next and offers "Open Ferry" and "Quit Ferry";
//! starting Ferry again opens the window too (the single-instance plugin sends the second
//! start here). Quitting from the tray is an explicit exit and always ends the app. Once the
//! last scheduled post has gone out with no window open, the app ends by itself
//! ([`end_if_idle`], which also decides at a start at login, where no window is opened); a
//! post waiting to be retried keeps it running.

use ferry_core::Store;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, ExitRequestApi, Manager, Runtime, WebviewWindow, WebviewWindowBuilder};

use crate::close_guard::MAIN_WINDOW;
use crate::database::Database;
use crate::native_text::NativeText;

const TRAY: &str = "ferry-tray";

/// `RunEvent::ExitRequested`: stays running (without a window) while anything is left to
/// send, unless the exit was asked for explicitly (`code` set: "Quit Ferry").
pub fn on_exit_requested<R: Runtime>(app: &AppHandle<R>, code: Option<i32>, api: &ExitRequestApi) {
    if code.is_some() {
        return;
    }
    let Ok(store) = app.state::<Database>().store() else {
        return;
    };
    if !tauri::async_runtime::block_on(left_to_send(&store)) {
        return;
    }
    api.prevent_exit();
    tracing::info!("window closed with posts to send: running on in the background");
    tauri::async_runtime::block_on(show_tray(app, &store));
}

/// With no window open (started at login, or after a scheduled post went out or failed):
/// ends the app when nothing is left to send; otherwise shows the tray's "next post at …" or
/// brings it up to date.
pub async fn end_if_idle<R: Runtime>(app: &AppHandle<R>, store: &Store) {
    if !app.webview_windows().is_empty() {
        return;
    }
    if left_to_send(store).await {
        show_tray(app, store).await;
    } else {
        tracing::info!("nothing left to send and no window open: ending");
        app.exit(0);
    }
}

/// An item scheduled, or a publish job unfinished (one waiting to retry included). A store
/// that cannot be read counts as something left: ending then could drop a post.
async fn left_to_send(store: &Store) -> bool {
    let scheduled = store.scheduler_status().await.map(|s| s.pending > 0);
    let unfinished = store.unfinished_publish_jobs().await.map(|j| !j.is_empty());
    scheduled.unwrap_or(true) || unfinished.unwrap_or(true)
}

/// Opens the main window again (from the tray, or a second start of Ferry).
pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.set_focus();
        return;
    }
    match open_main_window(app) {
        Ok(window) => {
            crate::close_guard::reopened(app);
            let _ = window.set_focus();
        }
        Err(err) => tracing::warn!("cannot open the window again: {err}"),
    }
}

/// Builds the main window from its configuration. The configuration does not create it at
/// start (`"create": false`): a start at login must not show a window, not even for a moment.
pub fn open_main_window<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    WebviewWindowBuilder::from_config(app, config)?.build()
}

/// "09:00 America/New_York", the soonest item still to go out, if any.
async fn next_post(store: &Store) -> Option<String> {
    let status = store.scheduler_status().await.ok()?;
    let next = status.next?;
    let wall = next.wall_time.get(11..16).unwrap_or(&next.wall_time);
    Some(format!(
        "{} {wall} {}",
        next.wall_time.get(..10).unwrap_or(""),
        next.tz
    ))
}

/// The tray icon with "next post at …", made or brought up to date. Without a tray host the
/// app still runs and sends; starting Ferry again opens the window.
async fn show_tray<R: Runtime>(app: &AppHandle<R>, store: &Store) {
    let next = next_post(store).await.unwrap_or_default();
    let words = NativeText::load(store).await;
    if let Err(err) = make_tray(app, words, &next) {
        tracing::warn!("no tray icon: {err}");
    }
}

fn make_tray<R: Runtime>(app: &AppHandle<R>, words: &NativeText, next: &str) -> tauri::Result<()> {
    let tooltip = format!("{} {next}", words.tray_next);
    if let Some(tray) = app.tray_by_id(TRAY) {
        return tray.set_tooltip(Some(tooltip));
    }
    let open = MenuItem::with_id(app, "open", words.tray_open, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", words.tray_quit, true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut tray = TrayIconBuilder::with_id(TRAY)
        .tooltip(tooltip)
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => show_main_window(app),
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}
