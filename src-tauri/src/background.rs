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
use crate::preferences::{AppSettings, LocalePreference};

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
    let words = tauri::async_runtime::block_on(Words::load(&store));
    if let Err(err) = show_tray(app, &words, &next) {
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

fn show_tray<R: Runtime>(app: &AppHandle<R>, words: &Words, next: &str) -> tauri::Result<()> {
    let tooltip = format!("{} {next}", words.next);
    if let Some(tray) = app.tray_by_id(TRAY) {
        return tray.set_tooltip(Some(tooltip));
    }
    let open = MenuItem::with_id(app, "open", words.open, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", words.quit, true, None::<&str>)?;
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

/// The tray's words in the UI's language (the one chosen in Settings, else the OS's).
struct Words {
    next: &'static str,
    open: &'static str,
    quit: &'static str,
}

impl Words {
    async fn load(store: &Store) -> Words {
        let chosen = AppSettings::load(store)
            .await
            .map(|s| s.locale)
            .unwrap_or_default();
        let locale = match chosen {
            LocalePreference::System => crate::os_locale::os_languages()
                .into_iter()
                .find_map(|tag| {
                    let tag = tag.to_ascii_lowercase();
                    if tag.starts_with("en") {
                        Some(LocalePreference::En)
                    } else if tag.contains("hant") || tag.contains("tw") || tag.contains("hk") {
                        Some(LocalePreference::ZhHant)
                    } else if tag.starts_with("zh") {
                        Some(LocalePreference::ZhHans)
                    } else {
                        None
                    }
                })
                .unwrap_or(LocalePreference::En),
            other => other,
        };
        match locale {
            LocalePreference::ZhHans => Words {
                next: "Ferry · 下一条：",
                open: "打开 Ferry",
                quit: "退出 Ferry（排程暂停）",
            },
            LocalePreference::ZhHant => Words {
                next: "Ferry · 下一則：",
                open: "開啟 Ferry",
                quit: "結束 Ferry（排程暫停）",
            },
            _ => Words {
                next: "Ferry · next post:",
                open: "Open Ferry",
                quit: "Quit Ferry (scheduling stops)",
            },
        }
    }
}
