//! "Start Ferry at login" (Settings; off unless turned on). The OS starts
//! `ferry-app --background`: no window opens, the scheduler loop starts, and the app stays —
//! with its tray icon — only while anything is left to send; with nothing to send it ends at
//! once, and after the last post it ends by itself (`background.rs`). So a laptop that restarted overnight still sends the morning's posts.
//! The entry itself: `$XDG_CONFIG_HOME/autostart/Ferry.desktop` on Linux and the BSDs
//! (`xdg_entry.rs`), `tauri-plugin-autostart`'s launch agent on macOS and Run registry key on
//! Windows.

#[cfg(not(any(target_os = "macos", windows)))]
pub mod xdg_entry;

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};

use crate::database::Database;
use crate::error::AppError;
use crate::scheduling::Scheduling;

/// The argument the login entry starts Ferry with.
pub const BACKGROUND_FLAG: &str = "--background";

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_autostart::init(
        tauri_plugin_autostart::MacosLauncher::LaunchAgent,
        Some(vec![BACKGROUND_FLAG]),
    )
}

/// Started by the login entry rather than by the person.
pub fn in_background() -> bool {
    std::env::args().skip(1).any(|a| a == BACKGROUND_FLAG)
}

fn failed(detail: impl std::fmt::Display) -> AppError {
    AppError::Autostart {
        detail: detail.to_string(),
    }
}

/// Whether the login entry exists.
#[cfg(not(any(target_os = "macos", windows)))]
pub fn enabled<R: Runtime>(_app: &AppHandle<R>) -> Result<bool, AppError> {
    let entry = xdg_entry::LoginEntry::for_this_user()
        .ok_or_else(|| failed("neither XDG_CONFIG_HOME nor HOME is set"))?;
    Ok(entry.exists())
}

/// Makes or removes the login entry; answers whether it exists afterwards.
#[cfg(not(any(target_os = "macos", windows)))]
pub fn set<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<bool, AppError> {
    let entry = xdg_entry::LoginEntry::for_this_user()
        .ok_or_else(|| failed("neither XDG_CONFIG_HOME nor HOME is set"))?;
    let done = if on {
        std::env::current_exe().and_then(|program| entry.write(&program, &[BACKGROUND_FLAG]))
    } else {
        entry.remove()
    };
    done.map_err(|e| failed(format!("{}: {e}", entry.path().display())))?;
    enabled(app)
}

/// Whether the login entry exists.
#[cfg(any(target_os = "macos", windows))]
pub fn enabled<R: Runtime>(app: &AppHandle<R>) -> Result<bool, AppError> {
    use tauri_plugin_autostart::ManagerExt;
    app.autolaunch().is_enabled().map_err(failed)
}

/// Makes or removes the login entry; answers whether it exists afterwards.
#[cfg(any(target_os = "macos", windows))]
pub fn set<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<bool, AppError> {
    use tauri_plugin_autostart::ManagerExt;
    let launcher = app.autolaunch();
    let done = if on {
        launcher.enable()
    } else {
        launcher.disable()
    };
    done.map_err(failed)?;
    enabled(app)
}

/// A start at login, once the app is ready: no window was made; the scheduler runs, and the
/// app stays in the tray while anything is left to send (or ends at once when nothing is).
pub fn start_in_background<R: Runtime>(app: &AppHandle<R>) {
    // The window opens the database with its first call; here there is no window.
    let database = app.state::<Database>();
    tauri::async_runtime::block_on(database.status());
    match database.store() {
        Ok(store) => {
            app.state::<Scheduling>().ensure_started(app, &store);
            tauri::async_runtime::block_on(crate::background::end_if_idle(app, &store));
        }
        Err(err) => {
            tracing::warn!("started at login without a database: {}", err.message);
            app.exit(1);
        }
    }
}
