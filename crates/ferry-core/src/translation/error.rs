//! [`TranslationError`]: why configuring a provider or translating failed, with a stable code.
//!
//! A provider's own failures keep ferry-hints' codes (`translate.rate_limited`,
//! `translate.bad_key`, `translate.quota_exhausted` …), so the UI reads them the same wherever
//! they appear. No message ever contains an API key.

use ferry_hints::translate::TranslateError;

use crate::ErrorPayload;
use crate::error::StoreError;
use crate::secrets::SecretsError;

#[derive(Debug, thiserror::Error)]
pub enum TranslationError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    Secrets(#[from] SecretsError),

    #[error(transparent)]
    Provider(#[from] TranslateError),

    #[error(
        "machine translation is off: no translation provider is configured; add one in \
         Settings or with `ferry translate providers add deepl|libretranslate|openai …`"
    )]
    NoProvider,

    #[error(
        "machine translation is off: {configured} provider(s) configured, none enabled; enable \
         one in Settings or with `ferry translate providers update ID --enable`"
    )]
    NoneEnabled { configured: usize },

    #[error("no translation provider with id {id}; `ferry translate providers list` shows them")]
    NotFound { id: String },

    #[error("invalid {field} for a {kind} provider: {reason}")]
    Invalid {
        kind: &'static str,
        field: &'static str,
        reason: String,
    },

    #[error(
        "the API key of translation provider {id} ({kind}) is not in the keychain; set it \
         again (`ferry translate providers update {id} --key-stdin`)"
    )]
    MissingKey { id: String, kind: &'static str },

    #[error("cannot translate: {reason}")]
    BadRequest { reason: String },
}

impl TranslationError {
    /// A stable identifier for programs, translations and tests.
    pub fn code(&self) -> &'static str {
        match self {
            TranslationError::Store(err) => err.code(),
            TranslationError::Secrets(err) => err.code(),
            TranslationError::Provider(err) => err.code(),
            // The same code the translator gives when it has no provider: it is one state.
            TranslationError::NoProvider | TranslationError::NoneEnabled { .. } => {
                "translate.disabled"
            }
            TranslationError::NotFound { .. } => "translate.provider_not_found",
            TranslationError::Invalid { .. } => "translate.provider_invalid",
            TranslationError::MissingKey { .. } => "translate.missing_key",
            TranslationError::BadRequest { .. } => "translate.bad_request",
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

impl serde::Serialize for TranslationError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
