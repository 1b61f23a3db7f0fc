//! [`TranslationError`]: why configuring a provider or translating failed, with a stable code.
//!
//! A provider's own failures keep ferry-hints' codes (`translate.rate_limited`,
//! `translate.bad_key`, `translate.quota_exhausted` …), so the UI reads them the same wherever
//! they appear. No message ever contains an API key.

use ferry_hints::translate::TranslateError;
use ferry_macros::Coded;

use crate::error::StoreError;
use crate::secrets::SecretsError;

#[derive(Debug, thiserror::Error, Coded)]
pub enum TranslationError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    #[code(transparent)]
    Secrets(#[from] SecretsError),

    #[error(transparent)]
    #[code(transparent)]
    Provider(#[from] TranslateError),

    #[error(
        "machine translation is off: no translation provider is configured; add one in \
         Settings or with `ferry translate providers add deepl|libretranslate|openai …`"
    )]
    // The same code the translator gives when it has no provider: it is one state.
    #[code("translate.disabled")]
    NoProvider,

    #[error(
        "machine translation is off: {configured} provider(s) configured, none enabled; enable \
         one in Settings or with `ferry translate providers update ID --enable`"
    )]
    #[code("translate.disabled")]
    NoneEnabled { configured: usize },

    #[error("no translation provider with id {id}; `ferry translate providers list` shows them")]
    #[code("translate.provider_not_found")]
    NotFound { id: String },

    #[error("invalid {field} for a {kind} provider: {reason}")]
    #[code("translate.provider_invalid")]
    Invalid {
        kind: &'static str,
        field: &'static str,
        reason: String,
    },

    #[error(
        "the API key of translation provider {id} ({kind}) is not in the keychain; set it \
         again (`ferry translate providers update {id} --key-stdin`)"
    )]
    #[code("translate.missing_key")]
    MissingKey { id: String, kind: &'static str },

    #[error("cannot translate: {reason}")]
    #[code("translate.bad_request")]
    BadRequest { reason: String },
}
