//! What a translation provider can answer besides a translation, as stable codes. Messages
//! name the provider and the HTTP status, never the key or the request.

use ferry_macros::Coded;

/// A failed translation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Coded)]
pub enum TranslateError {
    #[error("machine translation is off: choose a provider in Settings first")]
    #[code("translate.disabled")]
    Disabled,
    #[error("{provider} refused the API key (HTTP {status}): check it in Settings")]
    #[code("translate.bad_key")]
    BadKey { provider: &'static str, status: u16 },
    #[error("{provider} is rate-limiting requests (HTTP {status}): wait a moment and retry")]
    #[code("translate.rate_limited")]
    RateLimited { provider: &'static str, status: u16 },
    #[error("{provider} says the account's quota is used up (HTTP {status})")]
    #[code("translate.quota_exhausted")]
    QuotaExhausted { provider: &'static str, status: u16 },
    #[error("{provider} could not be reached at {url}: {reason}")]
    #[code("translate.unreachable")]
    Unreachable {
        provider: &'static str,
        url: String,
        reason: String,
    },
    #[error("{provider} rejected the request (HTTP {status}): {message}")]
    #[code("translate.rejected")]
    Rejected {
        provider: &'static str,
        status: u16,
        message: String,
    },
    #[error("{provider} sent a response Ferry cannot read (HTTP {status}): {problem}")]
    #[code("translate.bad_response")]
    BadResponse {
        provider: &'static str,
        status: u16,
        problem: String,
    },
    #[error("the translation cache failed: {0}")]
    #[code("translate.cache")]
    Cache(String),
}

impl TranslateError {
    /// Worth retrying later as it is (rate limit, network), rather than fixing settings.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            TranslateError::RateLimited { .. } | TranslateError::Unreachable { .. }
        )
    }
}

/// A transport error as `Unreachable`, with the URL but no query string (keys can live there).
pub(crate) fn unreachable(
    provider: &'static str,
    url: &url::Url,
    err: &reqwest::Error,
) -> TranslateError {
    let mut shown = url.clone();
    shown.set_query(None);
    let _ = shown.set_password(None);
    let _ = shown.set_username("");
    let reason = if err.is_timeout() {
        "timed out".to_owned()
    } else if err.is_connect() {
        "connection failed".to_owned()
    } else {
        "request failed".to_owned()
    };
    TranslateError::Unreachable {
        provider,
        url: shown.to_string(),
        reason,
    }
}
