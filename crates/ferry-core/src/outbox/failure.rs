//! What went wrong with one attempt at a target, and what the runner does about it.

use chrono::{DateTime, Utc};
use ferry_networks::http::{ClientError, ErrorClass};
use ferry_networks::media::MediaError;

use crate::ErrorPayload;
use crate::accounts::AccountError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailKind {
    /// Nothing happened remotely: try again after a backoff.
    Retryable,
    /// Refused for good: retrying the same request won't help.
    Permanent,
    /// The account must sign in again.
    Auth,
    /// The request may have gone through: check before anything else.
    Unknown,
    /// The request may have gone through and the network can't be asked (Telegram): the
    /// target stays `unknown` until the person looks and settles it.
    Unverifiable,
}

#[derive(Debug, Clone)]
pub(crate) struct Failure {
    pub kind: FailKind,
    pub code: String,
    pub message: String,
    /// When the server said to come back.
    pub retry_at: Option<DateTime<Utc>>,
}

impl Failure {
    pub fn new(kind: FailKind, code: impl Into<String>, message: impl Into<String>) -> Self {
        Failure {
            kind,
            code: code.into(),
            message: message.into(),
            retry_at: None,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code.clone(),
            message: self.message.clone(),
        }
    }
}

impl From<ClientError> for Failure {
    fn from(err: ClientError) -> Self {
        let kind = match err.class() {
            ErrorClass::Retryable => FailKind::Retryable,
            ErrorClass::Permanent => FailKind::Permanent,
            ErrorClass::Auth => FailKind::Auth,
            ErrorClass::UnknownOutcome => FailKind::Unknown,
        };
        Failure {
            kind,
            code: err.code().to_owned(),
            message: err.to_string(),
            retry_at: err.retry_at(),
        }
    }
}

impl From<AccountError> for Failure {
    fn from(err: AccountError) -> Self {
        match err {
            AccountError::Network(err) => err.into(),
            AccountError::MissingSecret { .. } => {
                Failure::new(FailKind::Auth, err.code(), err.to_string())
            }
            // The database or keychain failing is not the server's doing and rarely passes
            // by itself within a publish: report it on the target.
            other => Failure::new(FailKind::Permanent, other.code(), other.to_string()),
        }
    }
}

impl From<MediaError> for Failure {
    fn from(err: MediaError) -> Self {
        Failure::new(FailKind::Permanent, err.code(), err.to_string())
    }
}
