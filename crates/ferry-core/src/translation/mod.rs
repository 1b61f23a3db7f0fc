//! Machine translation in the engine: the providers the user configures, their keys in the
//! keychain, and a cache in SQLite. Off until the user adds and enables a provider.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, secrets: ferry_core::secrets::Secrets) -> Result<(), ferry_core::translation::TranslationError> {
//! use ferry_core::secrets::Secret;
//! use ferry_core::translation::{NewProvider, ProviderKind, ProviderUpdate, Translations};
//! let translations = Translations::new(store, secrets);
//!
//! // DeepL: the key goes to the keychain; the row keeps kind, URL, model, enabled.
//! let deepl = translations.add_provider(NewProvider {
//!     kind: ProviderKind::Deepl,
//!     url: None, // the key's plan picks api-free.deepl.com or api.deepl.com
//!     model: None,
//!     key: Some(Secret::new("…:fx")),
//!     enabled: true,
//! }).await?;
//!
//! // Through the first enabled provider, with the cache in front.
//! let done = translations.translate("你好，世界", None, "en").await?;
//! println!("{} (from {}, cached: {})", done.text, done.provider_id, done.cached);
//!
//! translations.update_provider(&deepl.id, ProviderUpdate { enabled: Some(false), ..Default::default() }).await?;
//! translations.remove_provider(&deepl.id).await?; // its key leaves the keychain too
//! # Ok(()) }
//! ```
//!
//! - Providers ([`ProviderKind`]): DeepL Free/Pro, LibreTranslate, any OpenAI-compatible chat
//!   endpoint. The first *enabled* one by position translates; with none configured or none
//!   enabled, [`Translations::translate`] fails with `translate.disabled` and a message on how
//!   to add or enable one, and nothing is sent anywhere.
//! - Keys: [`crate::secrets`] under account id `translate:<provider id>`, kind `api_key`;
//!   never in SQLite, never in an error. The clients come from ferry-hints (`translate`).
//! - Cache: [`SqliteTranslationCache`], keyed by provider, languages and the text's SHA-256,
//!   evicting the least recently used rows beyond a byte budget.
//! - Errors: [`TranslationError`] with a stable [`TranslationError::code`]; a provider's own
//!   failures keep ferry-hints' codes (`translate.rate_limited`, `translate.bad_key` …).

mod cache;
mod error;
mod provider;
mod rows;

use std::sync::Arc;

use ferry_hints::Lang;
use ferry_hints::translate::{ApiKey, Translator};
use serde::Serialize;
use ts_rs::TS;

pub use cache::{DEFAULT_CACHE_BYTES, SqliteTranslationCache};
pub use error::TranslationError;
pub use provider::{NewProvider, ProviderConfig, ProviderKind, ProviderUpdate};

use crate::Store;
use crate::clock;
use crate::secrets::{SecretKey, SecretKind, Secrets};

/// The longest text sent for translation, in UTF-8 bytes: a long post is a few KiB, and the
/// limit keeps a pasted file from being sent (and billed).
pub const MAX_TEXT_BYTES: usize = 32 * 1024;

/// A translation and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Translated {
    pub text: String,
    /// The provider that translated it (its id in settings).
    pub provider_id: String,
    /// The name it is cached under: `deepl`, `libretranslate`, `openai:<model>`.
    pub provider: String,
    /// The target language as sent.
    pub target: String,
    /// True when it came from the cache, not the network.
    pub cached: bool,
}

/// The providers and the cache of one data folder, with the keychain holding their keys.
/// Cheap to clone.
#[derive(Debug, Clone)]
pub struct Translations {
    store: Store,
    secrets: Secrets,
    cache: SqliteTranslationCache,
}

impl Translations {
    pub fn new(store: Store, secrets: Secrets) -> Self {
        Translations {
            cache: SqliteTranslationCache::new(store.clone()),
            store,
            secrets,
        }
    }

    /// The same engine with another cache (a different size limit, in tests).
    pub fn with_cache(mut self, cache: SqliteTranslationCache) -> Self {
        self.cache = cache;
        self
    }

    pub fn cache(&self) -> &SqliteTranslationCache {
        &self.cache
    }

    /// Every configured provider, in the order they are tried.
    pub async fn list_providers(&self) -> Result<Vec<ProviderConfig>, TranslationError> {
        rows::list(&self.store).await
    }

    /// Adds a provider (its key to the keychain first, so a row never points at a key that
    /// failed to store).
    pub async fn add_provider(&self, new: NewProvider) -> Result<ProviderConfig, TranslationError> {
        let has_key = new.key.as_ref().is_some_and(|k| !k.is_empty());
        let (url, model) =
            provider::check(new.kind, new.url.as_deref(), new.model.as_deref(), has_key)?;
        let now = clock::now();
        let config = ProviderConfig {
            id: uuid::Uuid::now_v7().to_string(),
            kind: new.kind,
            url,
            model,
            enabled: new.enabled,
            has_key,
            position: 0,
            created_at: now,
            updated_at: now,
        };
        if let Some(key) = new.key.filter(|k| !k.is_empty()) {
            self.secrets.set(&key_name(&config.id)?, key).await?;
        }
        if let Err(err) = rows::insert(&self.store, &config).await {
            let _ = self.secrets.delete(&key_name(&config.id)?).await;
            return Err(err);
        }
        rows::get(&self.store, &config.id).await
    }

    /// Changes a provider's URL, model, enabled flag or key. A URL on another origin (scheme,
    /// host, port) without a new key forgets the stored key: a provider that needs one is then
    /// refused until it is given again, so a key never reaches a host it was not entered for.
    pub async fn update_provider(
        &self,
        id: &str,
        update: ProviderUpdate,
    ) -> Result<ProviderConfig, TranslationError> {
        let mut config = rows::get(&self.store, id).await?;
        let new_key = update.key.filter(|k| !k.is_empty());
        // A key goes only to the host it was entered for: pointing the provider at another
        // origin forgets the stored key (a provider that needs one then asks for it again).
        let moved = update
            .url
            .as_deref()
            .is_some_and(|next| !same_origin(config.url.as_deref(), next));
        let keeps_old_key = config.has_key && !moved;
        let has_key = keeps_old_key || new_key.is_some();
        let url = update.url.or_else(|| config.url.clone());
        let model = update.model.or_else(|| config.model.clone());
        let (url, model) = provider::check(config.kind, url.as_deref(), model.as_deref(), has_key)?;
        match new_key {
            Some(key) => self.secrets.set(&key_name(id)?, key).await?,
            None if config.has_key && moved => {
                self.secrets.delete(&key_name(id)?).await?;
            }
            None => {}
        }
        config.url = url;
        config.model = model;
        config.has_key = has_key;
        config.enabled = update.enabled.unwrap_or(config.enabled);
        config.updated_at = clock::now();
        rows::update(&self.store, &config).await?;
        rows::get(&self.store, id).await
    }

    /// Removes a provider and its key from the keychain. Removing one that is not there is
    /// `translate.provider_not_found`.
    pub async fn remove_provider(&self, id: &str) -> Result<(), TranslationError> {
        rows::get(&self.store, id).await?;
        // The key first: if that fails the provider is still listed and removing it again
        // retries; the other order could leave a key in the keychain that nothing names.
        self.secrets.delete(&key_name(id)?).await?;
        if !rows::delete(&self.store, id).await? {
            return Err(TranslationError::NotFound { id: id.to_owned() });
        }
        Ok(())
    }

    /// The provider [`Translations::translate`] would use: the first enabled one. Fails with
    /// `translate.disabled` when none is configured or enabled. Needs no keychain, so a
    /// command can say "machine translation is off" before opening one.
    pub async fn active_provider(store: &Store) -> Result<ProviderConfig, TranslationError> {
        let providers = rows::list(store).await?;
        let configured = providers.len();
        providers
            .into_iter()
            .find(|p| p.enabled)
            .ok_or(match configured {
                0 => TranslationError::NoProvider,
                configured => TranslationError::NoneEnabled { configured },
            })
    }

    /// Translates `text` into `to` (`zh-Hans`, `en` …) through the first enabled provider;
    /// `from: None` lets the provider detect the source language. Cached texts are not sent.
    pub async fn translate(
        &self,
        text: &str,
        from: Option<&str>,
        to: &str,
    ) -> Result<Translated, TranslationError> {
        let target = language(to, "target")?;
        let source = from.map(|f| language(f, "source")).transpose()?;
        if text.len() > MAX_TEXT_BYTES {
            return Err(TranslationError::BadRequest {
                reason: format!(
                    "the text is {} bytes; at most {MAX_TEXT_BYTES} are sent for translation",
                    text.len()
                ),
            });
        }
        let config = &Translations::active_provider(&self.store).await?;
        let key = if config.has_key {
            let stored = self.secrets.get(&key_name(&config.id)?).await?;
            let stored = stored.ok_or_else(|| TranslationError::MissingKey {
                id: config.id.clone(),
                kind: config.kind.as_str(),
            })?;
            Some(ApiKey::new(stored.expose()))
        } else {
            None
        };
        let client = provider::client(config, key)?;
        let translator = Translator::new(Some(client), Arc::new(self.cache.clone()));
        let done = translator.translate(text, source.as_ref(), &target).await?;
        Ok(Translated {
            text: done.text,
            provider_id: config.id.clone(),
            provider: done.provider,
            target: target.tag().to_owned(),
            cached: done.cached,
        })
    }
}

/// Where a provider's key lives in the keychain.
fn key_name(provider_id: &str) -> Result<SecretKey, TranslationError> {
    Ok(SecretKey::new(
        format!("translate:{provider_id}"),
        SecretKind::ApiKey,
    )?)
}

/// A language tag as the providers take it: `en`, `zh-Hans`, `zh-Hant`, `ja`, `fr`, … (`zh-CN`,
/// `zh-TW` are normalised); empty, `und` and anything not shaped like a tag are refused.
fn language(tag: &str, which: &str) -> Result<Lang, TranslationError> {
    let lang = Lang::parse(tag);
    let shaped = !tag.trim().is_empty()
        && tag.len() <= 35
        && tag
            .trim()
            .split(['-', '_'])
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
    if lang == Lang::Undetermined || !shaped {
        return Err(TranslationError::BadRequest {
            reason: format!(
                "{which} language {tag:?} is not a language tag like en, zh-Hans or zh-Hant"
            ),
        });
    }
    Ok(lang)
}

/// Whether `next` has the scheme, host and port of `previous`. A provider that had no address
/// of its own (DeepL's built-in one) given one now has moved; so has anything unparsable.
fn same_origin(previous: Option<&str>, next: &str) -> bool {
    let origin = |text: &str| url::Url::parse(text.trim()).ok().map(|u| u.origin());
    match (previous.and_then(origin), origin(next)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}
