//! The interface preferences (language, theme), stored in the database.

use tauri::{AppHandle, Runtime, State};

use crate::database::Database;
use crate::error::{AppError, CommandResult};
use crate::open_store::OpenStore;
use crate::preferences::AppSettings;

#[ferry_macros::command]
pub async fn get_settings(store: OpenStore) -> CommandResult<AppSettings> {
    Ok(AppSettings::load(&store).await?)
}

/// Stores the preferences and returns them as stored.
#[ferry_macros::command]
pub async fn save_settings(store: OpenStore, settings: AppSettings) -> CommandResult<AppSettings> {
    Ok(settings.save(&store).await?)
}

/// The OS's preferred languages (BCP-47), for the UI to follow until one is picked.
#[ferry_macros::command]
pub fn system_languages() -> Vec<String> {
    crate::os_locale::os_languages()
}

/// Whether Ferry starts at login (in the background, to send scheduled posts).
#[ferry_macros::command]
pub fn autostart_enabled<R: Runtime>(app: AppHandle<R>) -> CommandResult<bool> {
    Ok(crate::autostart::enabled(&app)?)
}

/// Turns starting at login on or off; answers whether it is on afterwards.
#[ferry_macros::command]
pub fn set_autostart<R: Runtime>(app: AppHandle<R>, on: bool) -> CommandResult<bool> {
    Ok(crate::autostart::set(&app, on)?)
}

/// Where the app writes its log (`<data folder>/logs`), to show in Settings.
#[ferry_macros::command]
pub fn log_folder(database: State<'_, Database>) -> CommandResult<String> {
    let dir = crate::logging::log_dir(&database.data_dir()?);
    Ok(dir.display().to_string())
}

/// Opens the log folder in the file manager (made first, so there is something to open).
#[ferry_macros::command]
pub fn open_log_folder(database: State<'_, Database>) -> CommandResult<()> {
    let dir = crate::logging::log_dir(&database.data_dir()?);
    let failed = |e: std::io::Error| AppError::OpenFolder {
        path: dir.display().to_string(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(&dir).map_err(failed)?;
    open::that_detached(&dir).map_err(failed)?;
    Ok(())
}

/// Version, build, folders and licenses, for Settings → About.
#[ferry_macros::command]
pub fn about(database: State<'_, Database>) -> crate::about::About {
    crate::about::about(database.data_dir().ok().as_deref())
}

/// Whether the window opens with the first-run welcome (see `welcome.rs`).
#[ferry_macros::command]
pub async fn welcome_needed(store: OpenStore) -> CommandResult<bool> {
    crate::welcome::needed(&store).await
}

/// The welcome was done or skipped: it does not show again.
#[ferry_macros::command]
pub async fn finish_welcome(store: OpenStore) -> CommandResult<()> {
    crate::welcome::finish(&store).await
}
