//! The interface preferences (language, theme), stored in the database.

use crate::error::CommandResult;
use crate::open_store::OpenStore;
use crate::preferences::AppSettings;

#[tauri::command]
pub async fn get_settings(store: OpenStore) -> CommandResult<AppSettings> {
    Ok(AppSettings::load(&store).await?)
}

/// Stores the preferences and returns them as stored.
#[tauri::command]
pub async fn save_settings(store: OpenStore, settings: AppSettings) -> CommandResult<AppSettings> {
    Ok(settings.save(&store).await?)
}
