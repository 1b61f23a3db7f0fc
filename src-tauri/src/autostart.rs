//! "Start Ferry at login" (Settings; off unless turned on). The OS starts
//! `ferry-app --background`: no window opens, the scheduler loop starts, and the app stays —
//! with its tray icon — only while anything is scheduled; with nothing scheduled it ends at once
//! (`background.rs`). So a laptop that restarted overnight still sends the morning's posts.
//! The entry itself is `tauri-plugin-autostart`'s: `~/.config/autostart/<app>.desktop` on
//! Linux, a launch agent on macOS, the Run registry key on Windows.

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::{MacosLauncher, ManagerExt};

use crate::close_guard::MAIN_WINDOW;
use crate::database::Database;
use crate::error::AppError;
use crate::scheduling::Scheduling;

/// The argument the login entry starts Ferry with.
pub const BACKGROUND_FLAG: &str = "--background";

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_autostart::init(MacosLauncher::LaunchAgent, Some(vec![BACKGROUND_FLAG]))
}

/// Started by the login entry rather than by the person.
pub fn in_background() -> bool {
    std::env::args().skip(1).any(|a| a == BACKGROUND_FLAG)
}

/// Whether the login entry exists.
pub fn enabled<R: Runtime>(app: &AppHandle<R>) -> Result<bool, AppError> {
    app.autolaunch()
        .is_enabled()
        .map_err(|e| AppError::Autostart {
            detail: e.to_string(),
        })
}

/// Makes or removes the login entry; answers whether it exists afterwards.
pub fn set<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<bool, AppError> {
    let launcher = app.autolaunch();
    let done = if on {
        launcher.enable()
    } else {
        launcher.disable()
    };
    done.map_err(|e| AppError::Autostart {
        detail: e.to_string(),
    })?;
    enabled(app)
}

/// A start at login, once the app is ready: the scheduler runs and the window goes, leaving
/// the app in the background while anything is scheduled (or ending it when nothing is).
pub fn start_in_background<R: Runtime>(app: &AppHandle<R>) {
    // The window opens the database with its first call; here there is no window.
    let database = app.state::<Database>();
    tauri::async_runtime::block_on(database.status());
    match database.store() {
        Ok(store) => app.state::<Scheduling>().ensure_started(app, &store),
        Err(err) => tracing::warn!("started at login without a database: {}", err.message),
    }
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.destroy();
    }
}
