//! Scheduling with the window closed. Closing the last window normally ends the app; while
//! anything is scheduled it keeps running instead, without a window, so the scheduler loop
//! still sends at the set time (the complaint about desktop "send later" tools that quietly
//! fail when closed). A tray icon says what is next and offers "Open Ferry" and "Quit Ferry";
//! starting Ferry again opens the window too (the single-instance plugin sends the second
//! start here). Quitting from the tray is an explicit exit and always ends the app.

use ferry_core::Store;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, ExitRequestApi, Manager, Runtime, WebviewWindowBuilder};

use crate::close_guard::MAIN_WINDOW;
use crate::database::Database;
use crate::native_text::NativeText;

const TRAY: &str = "ferry-tray";

/// `RunEvent::ExitRequested`: stays running (without a window) while anything is scheduled,
/// unless the exit was asked for explicitly (`code` set: "Quit Ferry").
pub fn on_exit_requested<R: Runtime>(app: &AppHandle<R>, code: Option<i32>, api: &ExitRequestApi) {
    if code.is_some() {
        return;
    }
    let Ok(store) = app.state::<Database>().store() else {
        return;
    };
    let Some(next) = tauri::async_runtime::block_on(next_post(&store)) else {
        return;
    };
    api.prevent_exit();
    tracing::info!("window closed with posts scheduled: running on in the background");
    let words = tauri::async_runtime::block_on(NativeText::load(&store));
    if let Err(err) = show_tray(app, words, &next) {
        // Without a tray host the app still runs and sends; starting Ferry again reopens it.
        tracing::warn!("no tray icon: {err}");
    }
}

/// Opens the main window again (from the tray, or a second start of Ferry).
pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.set_focus();
        return;
    }
    let Some(config) = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
    else {
        return;
    };
    match WebviewWindowBuilder::from_config(app, config).and_then(|b| b.build()) {
        Ok(window) => {
            crate::close_guard::reopened(app);
            let _ = window.set_focus();
        }
        Err(err) => tracing::warn!("cannot open the window again: {err}"),
    }
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

fn show_tray<R: Runtime>(app: &AppHandle<R>, words: &NativeText, next: &str) -> tauri::Result<()> {
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
