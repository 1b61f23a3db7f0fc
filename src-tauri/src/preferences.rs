//! The interface preferences the app keeps in the engine's settings table: the UI language and
//! the theme. Stored as text under `ui.locale` and `ui.theme` (so `ferry` on the command line
//! can read them too); a value this build doesn't know reads as "follow the system".

use ferry_core::{Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const LOCALE_KEY: &str = "ui.locale";
const THEME_KEY: &str = "ui.theme";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum LocalePreference {
    #[default]
    #[serde(rename = "system")]
    System,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "zh-Hant")]
    ZhHant,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ThemePreference {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppSettings {
    pub locale: LocalePreference,
    pub theme: ThemePreference,
}

impl AppSettings {
    pub async fn load(store: &Store) -> Result<AppSettings, StoreError> {
        Ok(AppSettings {
            locale: read(store, LOCALE_KEY).await?,
            theme: read(store, THEME_KEY).await?,
        })
    }

    /// Stores both preferences and returns what a later `load` will see.
    pub async fn save(self, store: &Store) -> Result<AppSettings, StoreError> {
        store.set_setting(LOCALE_KEY, &text(self.locale)).await?;
        store.set_setting(THEME_KEY, &text(self.theme)).await?;
        AppSettings::load(store).await
    }
}

async fn read<T>(store: &Store, key: &str) -> Result<T, StoreError>
where
    T: for<'de> Deserialize<'de> + Default,
{
    let stored = store.get_setting(key).await?;
    Ok(stored
        .and_then(|value| serde_json::from_value(serde_json::Value::String(value)).ok())
        .unwrap_or_default())
}

fn text<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        // Both preferences are unit enums, which serialise as strings.
        _ => String::new(),
    }
}
