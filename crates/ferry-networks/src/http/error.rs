//! The one error type of the clients, classified for the outbox.

use chrono::{DateTime, Utc};
use ferry_macros::Coded;

/// What the caller should do after an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Nothing was done remotely; try again (at `retry_at` when given).
    Retryable,
    /// Refused for good (bad input, too big, forbidden): retrying won't help.
    Permanent,
    /// The token or password is dead, revoked or wrong: the person must sign in again.
    Auth,
    /// The request was sent and the answer was lost: it may have taken effect. Check whether
    /// it exists before sending again.
    UnknownOutcome,
}

/// A client error. Messages name the network, the operation and, where the server said,
/// the reason; they never contain tokens, passwords or keys.
#[derive(Debug, thiserror::Error, Coded)]
pub enum ClientError {
    #[error("{network}: {what} was rate-limited{}", retry_text(retry_at))]
    #[code("net.rate_limited")]
    RateLimited {
        network: &'static str,
        what: String,
        retry_at: Option<DateTime<Utc>>,
    },
    #[error("{network}: {what} failed: the server answered {status} ({detail}); try again later")]
    #[code("net.server_error")]
    ServerError {
        network: &'static str,
        what: String,
        status: u16,
        detail: String,
        retry_at: Option<DateTime<Utc>>,
    },
    #[error("{network}: cannot reach {host}: {detail}")]
    #[code("net.unreachable")]
    Unreachable {
        network: &'static str,
        host: String,
        detail: String,
    },
    #[error("{network}: {what} timed out before anything was changed; try again")]
    #[code("net.timeout")]
    Timeout { network: &'static str, what: String },
    #[error(
        "{network}: {what}: the request was sent but its outcome is unknown ({detail}); it may \
         have gone through, so check before sending again"
    )]
    #[code("net.unknown_outcome")]
    UnknownOutcome {
        network: &'static str,
        what: String,
        detail: String,
    },
    #[error("{network}: {what}: sign-in needed: {detail}")]
    #[code("net.auth")]
    Auth {
        network: &'static str,
        what: String,
        detail: String,
    },
    #[error("{network}: {what} refused: {detail}")]
    #[code("net.rejected")]
    Rejected {
        network: &'static str,
        what: String,
        status: Option<u16>,
        detail: String,
    },
    #[error("{network}: secure connection to {host} failed: {detail}")]
    #[code("net.tls")]
    Tls {
        network: &'static str,
        host: String,
        detail: String,
    },
    #[error("{network}: {what}: unexpected answer: {detail}")]
    #[code("net.invalid_response")]
    InvalidResponse {
        network: &'static str,
        what: String,
        detail: String,
    },
    #[error("{network}: {field}: {detail}")]
    #[code("net.invalid_input")]
    InvalidInput {
        network: &'static str,
        field: String,
        detail: String,
    },
}

fn retry_text(retry_at: &Option<DateTime<Utc>>) -> String {
    match retry_at {
        Some(at) => format!("; try again after {}", at.to_rfc3339()),
        None => "; try again later".to_owned(),
    }
}

impl ClientError {
    pub fn class(&self) -> ErrorClass {
        match self {
            Self::RateLimited { .. }
            | Self::ServerError { .. }
            | Self::Unreachable { .. }
            | Self::Timeout { .. } => ErrorClass::Retryable,
            Self::UnknownOutcome { .. } => ErrorClass::UnknownOutcome,
            Self::Auth { .. } => ErrorClass::Auth,
            Self::Rejected { .. }
            | Self::Tls { .. }
            | Self::InvalidResponse { .. }
            | Self::InvalidInput { .. } => ErrorClass::Permanent,
        }
    }

    /// When the server said the request may be tried again.
    pub fn retry_at(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::RateLimited { retry_at, .. } | Self::ServerError { retry_at, .. } => *retry_at,
            _ => None,
        }
    }

    /// The HTTP status the server answered, when it answered one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::RateLimited { .. } => Some(429),
            Self::ServerError { status, .. } => Some(*status),
            Self::Rejected { status, .. } => *status,
            _ => None,
        }
    }

    pub fn network(&self) -> &'static str {
        match self {
            Self::RateLimited { network, .. }
            | Self::ServerError { network, .. }
            | Self::Unreachable { network, .. }
            | Self::Timeout { network, .. }
            | Self::UnknownOutcome { network, .. }
            | Self::Auth { network, .. }
            | Self::Rejected { network, .. }
            | Self::Tls { network, .. }
            | Self::InvalidResponse { network, .. }
            | Self::InvalidInput { network, .. } => network,
        }
    }

    pub fn is_retryable(&self) -> bool {
        self.class() == ErrorClass::Retryable
    }
}
