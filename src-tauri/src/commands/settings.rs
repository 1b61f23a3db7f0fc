//! The interface preferences (language, theme), stored in the database.

use crate::error::CommandResult;
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
