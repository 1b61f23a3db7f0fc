//! [`AccountError`]: why adding, loading or removing an account failed, with a stable code.
//!
//! Network failures keep the client's own code (`net.auth`, `net.unreachable` …) so the UI
//! treats a wrong password the same wherever it appears; messages never contain a secret.

use ferry_networks::http::ClientError;

use crate::ErrorPayload;
use crate::error::StoreError;
use crate::model::Network;
use crate::secrets::SecretsError;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    Secrets(#[from] SecretsError),

    #[error("{0}")]
    Network(#[from] ClientError),

    #[error("no account with id {id}; `ferry accounts list` shows the accounts")]
    NotFound { id: String },

    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error("account {id} is a {actual} account, not {expected}")]
    WrongNetwork {
        id: String,
        expected: Network,
        actual: Network,
    },

    #[error(
        "the {what} of account {id} ({handle}) is not in the keychain; sign in again \
         (`ferry accounts add {network} …` replaces it)"
    )]
    MissingSecret {
        id: String,
        handle: String,
        network: Network,
        what: &'static str,
    },

    #[error("{network} accounts cannot be added yet; Ferry posts to mastodon, bluesky and nostr")]
    Unsupported { network: Network },
}

impl AccountError {
    /// A stable identifier for programs, translations and tests.
    pub fn code(&self) -> &'static str {
        match self {
            AccountError::Store(err) => err.code(),
            AccountError::Secrets(err) => err.code(),
            AccountError::Network(err) => err.code(),
            AccountError::NotFound { .. } => "account.not_found",
            AccountError::Invalid { .. } => "account.invalid",
            AccountError::WrongNetwork { .. } => "account.wrong_network",
            AccountError::MissingSecret { .. } => "account.missing_secret",
            AccountError::Unsupported { .. } => "account.unsupported_network",
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        AccountError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl serde::Serialize for AccountError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
