//! [`AccountError`]: why adding, loading or removing an account failed, with a stable code.
//!
//! Network failures keep the client's own code (`net.auth`, `net.unreachable` …) so the UI
//! treats a wrong password the same wherever it appears; messages never contain a secret.

use ferry_macros::Coded;
use ferry_networks::http::ClientError;

use crate::error::StoreError;
use crate::model::Network;
use crate::secrets::SecretsError;

#[derive(Debug, thiserror::Error, Coded)]
pub enum AccountError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    #[code(transparent)]
    Secrets(#[from] SecretsError),

    #[error("{0}")]
    #[code(transparent)]
    Network(#[from] ClientError),

    #[error("no account with id {id}; `ferry accounts list` shows the accounts")]
    #[code("account.not_found")]
    NotFound { id: String },

    #[error("invalid {field}: {reason}")]
    #[code("account.invalid")]
    Invalid { field: String, reason: String },

    #[error("account {id} is a {actual} account, not {expected}")]
    #[code("account.wrong_network")]
    WrongNetwork {
        id: String,
        expected: Network,
        actual: Network,
    },

    #[error(
        "the {what} of account {id} ({handle}) is not in the keychain; sign in again \
         (`ferry accounts add {network} …` replaces it)"
    )]
    #[code("account.missing_secret")]
    MissingSecret {
        id: String,
        handle: String,
        network: Network,
        what: &'static str,
    },

    #[error("the bot can't post to {chat} yet: {missing}; then add the account again")]
    #[code("account.bot_cannot_post")]
    BotCannotPost { chat: String, missing: String },

    #[error(
        "{network} accounts cannot be added; Ferry posts to mastodon, bluesky, nostr, \
         telegram, threads and x"
    )]
    #[code("account.unsupported_network")]
    Unsupported { network: Network },
}

impl AccountError {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        AccountError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
