//! Machine translation, off by default, through providers the user configures.
//!
//! ```no_run
//! use std::sync::Arc;
//! use ferry_hints::Lang;
//! use ferry_hints::translate::{ApiKey, MemoryCache, Provider, Translator};
//! # async fn demo() -> Result<(), ferry_hints::translate::TranslateError> {
//! let provider = Provider::deepl(ApiKey::new("…:fx")); // the key comes from the keychain
//! let translator = Translator::new(Some(provider), Arc::new(MemoryCache::default()));
//! let done = translator.translate("你好，世界", None, &Lang::English).await?;
//! println!("{} (cached: {})", done.text, done.cached);
//! # Ok(()) }
//! ```
//!
//! Providers: LibreTranslate (`libre`), DeepL Free/Pro (`deepl`), any OpenAI-compatible chat
//! endpoint (`openai`). Every result goes through a `TranslationCache`; a cached text is
//! never sent again. Keys are `ApiKey`s: redacted in `Debug`, marked sensitive in headers,
//! absent from every error. Errors have stable codes (`translate.rate_limited`,
//! `translate.quota_exhausted`, `translate.bad_key`, `translate.unreachable`,
//! `translate.bad_response`, …).

mod cache;
mod deepl;
mod error;
mod http;
mod key;
mod libre;
mod openai;

use std::sync::Arc;
use std::time::Duration;

pub use cache::{CacheKey, MemoryCache, TranslationCache};
pub use deepl::DeeplPlan;
pub use error::TranslateError;
pub use key::ApiKey;

use crate::lang::Lang;

/// A configured translation provider.
#[derive(Debug, Clone)]
pub enum Provider {
    /// A LibreTranslate server (self-hosted URL; the key is optional there).
    LibreTranslate { url: url::Url, key: Option<ApiKey> },
    /// DeepL; `base_url` overrides the plan's endpoint (proxies, tests).
    DeepL {
        key: ApiKey,
        plan: DeeplPlan,
        base_url: Option<url::Url>,
    },
    /// An OpenAI-compatible chat endpoint, e.g. `http://127.0.0.1:11434/v1/` for Ollama.
    OpenAiCompatible {
        base_url: url::Url,
        model: String,
        key: Option<ApiKey>,
    },
}

impl Provider {
    /// DeepL with the plan its key implies.
    pub fn deepl(key: ApiKey) -> Provider {
        let plan = DeeplPlan::of_key(&key);
        Provider::DeepL {
            key,
            plan,
            base_url: None,
        }
    }

    /// The name results are cached under: translations from different providers or models
    /// differ, so they are kept apart.
    pub fn cache_name(&self) -> String {
        match self {
            Provider::LibreTranslate { .. } => "libretranslate".into(),
            Provider::DeepL { .. } => "deepl".into(),
            Provider::OpenAiCompatible { model, .. } => format!("openai:{model}"),
        }
    }
}

/// A translation and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub text: String,
    pub provider: String,
    /// True when it came from the cache, not the network.
    pub cached: bool,
}

/// Translates through the configured provider, with a cache in front.
pub struct Translator {
    provider: Option<Provider>,
    http: reqwest::Client,
    cache: Arc<dyn TranslationCache>,
}

impl Translator {
    /// `provider: None` keeps translation off: every call answers `translate.disabled`.
    pub fn new(provider: Option<Provider>, cache: Arc<dyn TranslationCache>) -> Translator {
        // No redirects at all: a translation API has no reason to send one, and following it
        // would carry the API key (header) or the text (307/308 body) to another host.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Translator {
            provider,
            http,
            cache,
        }
    }

    /// Translates `text` into `target`; `source: None` lets the provider detect it.
    pub async fn translate(
        &self,
        text: &str,
        source: Option<&Lang>,
        target: &Lang,
    ) -> Result<Translation, TranslateError> {
        let provider = self.provider.as_ref().ok_or(TranslateError::Disabled)?;
        let key = CacheKey {
            provider: provider.cache_name(),
            source: source.map_or("auto", Lang::tag).to_owned(),
            target: target.tag().to_owned(),
            text: text.to_owned(),
        };
        if let Some(hit) = self.cache.get(&key).await.map_err(TranslateError::Cache)? {
            return Ok(Translation {
                text: hit,
                provider: key.provider,
                cached: true,
            });
        }
        if text.trim().is_empty() {
            return Ok(Translation {
                text: text.to_owned(),
                provider: key.provider,
                cached: false,
            });
        }
        let translated = match provider {
            Provider::LibreTranslate { url, key } => {
                libre::translate(&self.http, url, key.as_ref(), text, source, target).await?
            }
            Provider::DeepL {
                key,
                plan,
                base_url,
            } => {
                let base = match base_url {
                    Some(url) => url.clone(),
                    None => {
                        url::Url::parse(plan.base_url()).map_err(|e| TranslateError::Rejected {
                            provider: "DeepL",
                            status: 0,
                            message: e.to_string(),
                        })?
                    }
                };
                deepl::translate(&self.http, &base, key, text, source, target).await?
            }
            Provider::OpenAiCompatible {
                base_url,
                model,
                key,
            } => openai::translate(&self.http, base_url, model, key.as_ref(), text, target).await?,
        };
        self.cache
            .put(&key, &translated)
            .await
            .map_err(TranslateError::Cache)?;
        Ok(Translation {
            text: translated,
            provider: key.provider,
            cached: false,
        })
    }
}
