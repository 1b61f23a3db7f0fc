//! How a feed source is doing, as a badge the UI and the CLI can show instead of an empty
//! feed, and the error a fetch fails with.

use chrono::{DateTime, Utc};
use ferry_macros::Coded;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The state of a source after its last refresh. Stored as [`SourceHealth::as_str`] (plus the
/// HTTP status for [`SourceHealth::HttpError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SourceHealth {
    /// The feed answered and parsed.
    Working,
    /// The feed answered 304: nothing changed since the last refresh.
    NotModified,
    /// No answer: DNS, refused connection, TLS, timeout.
    Unreachable,
    /// An HTTP error other than the ones below (404, 500, 502 …).
    HttpError { status: u16 },
    /// The answer was not RSS, Atom or JSON Feed (an HTML page, a broken file).
    NotAFeed,
    /// 403: the server (or the platform behind RSSHub) refuses us; often an expired cookie.
    Blocked,
    /// 429: asked to slow down; the next refresh waits for `Retry-After`.
    RateLimited,
    /// The answer was larger than Ferry reads from a feed.
    TooLarge,
    /// An account source whose sign-in expired or was revoked: sign in again.
    SignedOut,
}

impl SourceHealth {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceHealth::Working => "working",
            SourceHealth::NotModified => "not_modified",
            SourceHealth::Unreachable => "unreachable",
            SourceHealth::HttpError { .. } => "http_error",
            SourceHealth::NotAFeed => "not_a_feed",
            SourceHealth::Blocked => "blocked",
            SourceHealth::RateLimited => "rate_limited",
            SourceHealth::TooLarge => "too_large",
            SourceHealth::SignedOut => "signed_out",
        }
    }

    /// The inverse of [`SourceHealth::as_str`]; `status` is only read for `http_error`.
    pub fn parse(text: &str, status: Option<u16>) -> Option<SourceHealth> {
        Some(match text {
            "working" => SourceHealth::Working,
            "not_modified" => SourceHealth::NotModified,
            "unreachable" => SourceHealth::Unreachable,
            "http_error" => SourceHealth::HttpError {
                status: status.unwrap_or(0),
            },
            "not_a_feed" => SourceHealth::NotAFeed,
            "blocked" => SourceHealth::Blocked,
            "rate_limited" => SourceHealth::RateLimited,
            "too_large" => SourceHealth::TooLarge,
            "signed_out" => SourceHealth::SignedOut,
            _ => return None,
        })
    }

    /// True when the last refresh got what it asked for (new items or a 304).
    pub fn is_ok(self) -> bool {
        matches!(self, SourceHealth::Working | SourceHealth::NotModified)
    }

    /// The HTTP status behind the state, when there was one.
    pub fn status(self) -> Option<u16> {
        match self {
            SourceHealth::HttpError { status } => Some(status),
            SourceHealth::Blocked => Some(403),
            SourceHealth::RateLimited => Some(429),
            SourceHealth::NotModified => Some(304),
            _ => None,
        }
    }
}

/// Why fetching a feed failed. Messages name the feed's address; the address is the user's
/// own input, never a secret.
#[derive(Debug, thiserror::Error, Coded)]
pub enum FetchError {
    #[error("cannot reach the feed {url}: {detail}")]
    #[code("feed.unreachable")]
    Unreachable { url: String, detail: String },

    #[error("the feed {url} answered HTTP {status}{}", retry_text(retry_at))]
    #[code("feed.http_error")]
    Http {
        url: String,
        status: u16,
        retry_at: Option<DateTime<Utc>>,
    },

    #[error("{url} is not an RSS, Atom or JSON feed: {detail}")]
    #[code("feed.not_a_feed")]
    NotAFeed { url: String, detail: String },

    #[error("the feed {url} is larger than {max} bytes; Ferry stops reading there")]
    #[code("feed.too_large")]
    TooLarge { url: String, max: usize },
}

fn retry_text(retry_at: &Option<DateTime<Utc>>) -> String {
    match retry_at {
        Some(at) => format!(" (try again after {})", at.to_rfc3339()),
        None => String::new(),
    }
}

impl FetchError {
    pub fn health(&self) -> SourceHealth {
        match self {
            FetchError::Unreachable { .. } => SourceHealth::Unreachable,
            FetchError::Http { status: 403, .. } => SourceHealth::Blocked,
            FetchError::Http { status: 429, .. } => SourceHealth::RateLimited,
            FetchError::Http { status, .. } => SourceHealth::HttpError { status: *status },
            FetchError::NotAFeed { .. } => SourceHealth::NotAFeed,
            FetchError::TooLarge { .. } => SourceHealth::TooLarge,
        }
    }

    /// When the server said to come back (`Retry-After` on a 429 or 503).
    pub fn retry_at(&self) -> Option<DateTime<Utc>> {
        match self {
            FetchError::Http { retry_at, .. } => *retry_at,
            _ => None,
        }
    }
}
