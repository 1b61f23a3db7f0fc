//! Machine translation: Settings → Translation (add, change, remove providers) and "draft the
//! other variant". Off until the user adds and enables a provider; keys go to the OS keychain
//! through the engine (`ferry_core::translation`) and never come back — a provider only says
//! `hasKey`.
//!
//! `translation_status` and the first step of `translate_text` read only the database, so
//! "machine translation is off" (`translate.disabled`) needs no keychain. The settings calls
//! open it (the engine keeps keys there); without one (a desktop without a Secret Service)
//! they fail with `secrets.no_keychain` and a message on what to do.

use ferry_core::secrets::Secret;
use ferry_core::translation::{
    NewProvider, ProviderConfig, ProviderKind, ProviderUpdate, Translated, TranslationError,
    Translations,
};
use serde::Deserialize;
use ts_rs::TS;

use crate::error::CommandResult;
use crate::keychain::open_secrets;
use crate::open_store::OpenStore;

/// A provider as the settings form sends it. The key is write-only.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderInput {
    pub kind: ProviderKind,
    /// Required for LibreTranslate and OpenAI-compatible endpoints; DeepL's follows its key.
    pub url: Option<String>,
    /// OpenAI-compatible endpoints only.
    pub model: Option<String>,
    pub key: Option<String>,
    pub enabled: bool,
}

/// Changes from the settings form; `null` leaves a field as it is (a key is never sent back,
/// so an empty key field means "keep the stored one").
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderChange {
    pub url: Option<String>,
    pub model: Option<String>,
    pub key: Option<String>,
    pub enabled: Option<bool>,
}

/// The provider that would translate, or `None` while machine translation is off. Reads
/// only the database, so the composer can ask on every draft without touching the keychain.
#[ferry_macros::command]
pub async fn translation_status(store: OpenStore) -> CommandResult<Option<ProviderConfig>> {
    match Translations::active_provider(&store).await {
        Ok(active) => Ok(Some(active)),
        Err(TranslationError::NoProvider | TranslationError::NoneEnabled { .. }) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// The providers in the order they are tried (the first enabled one translates).
#[ferry_macros::command]
pub async fn list_translation_providers(store: OpenStore) -> CommandResult<Vec<ProviderConfig>> {
    let translations = open(store).await?;
    Ok(translations.list_providers().await?)
}

#[ferry_macros::command]
pub async fn add_translation_provider(
    store: OpenStore,
    provider: ProviderInput,
) -> CommandResult<ProviderConfig> {
    let new = NewProvider {
        kind: provider.kind,
        url: provider.url,
        model: provider.model,
        key: secret(provider.key),
        enabled: provider.enabled,
    };
    let translations = open(store).await?;
    Ok(translations.add_provider(new).await?)
}

#[ferry_macros::command]
pub async fn update_translation_provider(
    store: OpenStore,
    id: String,
    change: ProviderChange,
) -> CommandResult<ProviderConfig> {
    let update = ProviderUpdate {
        url: change.url,
        model: change.model,
        enabled: change.enabled,
        key: secret(change.key),
    };
    let translations = open(store).await?;
    Ok(translations.update_provider(&id, update).await?)
}

/// Removes a provider and its key from the keychain.
#[ferry_macros::command]
pub async fn remove_translation_provider(store: OpenStore, id: String) -> CommandResult<()> {
    let translations = open(store).await?;
    Ok(translations.remove_provider(&id).await?)
}

/// `text` in `to` (`zh-Hans`, `en` …) through the first enabled provider; `from: null` lets
/// the provider detect the source language.
#[ferry_macros::command]
pub async fn translate_text(
    store: OpenStore,
    text: String,
    from: Option<String>,
    to: String,
) -> CommandResult<Translated> {
    Translations::active_provider(&store).await?;
    let translations = open(store).await?;
    Ok(translations.translate(&text, from.as_deref(), &to).await?)
}

/// The engine over this database and the secrets backend it is configured with (the
/// keychain unless FERRY_SECRETS_BACKEND=file, whose passphrase then comes from the
/// environment: a desktop app cannot prompt on a terminal).
async fn open(store: OpenStore) -> CommandResult<Translations> {
    let secrets = open_secrets(store.data_dir()).await?;
    Ok(Translations::new(store.0, secrets))
}

fn secret(key: Option<String>) -> Option<Secret> {
    key.map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .map(Secret::new)
}
