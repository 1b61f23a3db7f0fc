//! [`SecretsError`]: every way storing or reading a secret can fail, each with a stable code.
//!
//! No message ever contains a secret value or a passphrase: the variants only carry key names,
//! paths and the platform's own error text (which is scrubbed of the value being written, see
//! `keychain.rs`). `tests/it/secrets_errors.rs` checks every path against the secret string.

use ferry_macros::Coded;
use std::path::PathBuf;

/// Where to point people when there is no keychain; shown in [`SecretsError::NoKeychain`].
const OPT_IN_HINT: &str = "Ferry keeps account secrets only in the OS keychain (Secret Service, \
     macOS Keychain, Windows Credential Manager) unless you opt into an encrypted file: set \
     FERRY_SECRETS_BACKEND=file to keep them in <data dir>/secrets.enc, encrypted with a \
     passphrase read from FERRY_SECRETS_PASSPHRASE or asked for at start";

#[derive(Debug, thiserror::Error, Coded)]
pub enum SecretsError {
    #[error("no usable OS keychain here: {reason}. {OPT_IN_HINT}")]
    #[code("secrets.no_keychain")]
    NoKeychain { reason: String },

    #[error("the OS keychain failed to {op} the secret {key}: {detail}")]
    #[code("secrets.keychain")]
    Keychain {
        op: &'static str,
        key: String,
        detail: String,
    },

    /// `key` is shown with `{:?}`, which escapes the control characters that may be the
    /// problem while keeping CJK and emoji readable.
    #[error("invalid secret name {key:?}: {reason}")]
    #[code("secrets.bad_key")]
    BadKey { key: String, reason: String },

    #[error("cannot store the secret {key}: {reason}")]
    #[code("secrets.bad_value")]
    BadValue { key: String, reason: String },

    #[error("no passphrase for the encrypted secrets file {path}: {reason}")]
    #[code("secrets.no_passphrase")]
    NoPassphrase { path: PathBuf, reason: String },

    #[error(
        "wrong passphrase for the encrypted secrets file {path}; nothing was changed. Check \
         FERRY_SECRETS_PASSPHRASE or type the passphrase again"
    )]
    #[code("secrets.bad_passphrase")]
    BadPassphrase { path: PathBuf },

    #[error(
        "the encrypted secrets file {path} is damaged ({detail}); it was left untouched. Restore \
         it from a backup, or move it aside and add the accounts again"
    )]
    #[code("secrets.corrupt")]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "the encrypted secrets file {path} can be read by other users of this computer (mode \
         {mode:03o}); Ferry won't use it until it is private: run `chmod 600 {path}`"
    )]
    #[code("secrets.exposed")]
    Exposed { path: PathBuf, mode: u32 },

    #[error("cannot {op} the encrypted secrets file {path}: {detail}")]
    #[code("secrets.io")]
    Io {
        op: &'static str,
        path: PathBuf,
        detail: String,
    },

    #[error("invalid secrets setting {what}: {reason}")]
    #[code("secrets.bad_config")]
    BadConfig { what: String, reason: String },

    #[error("the secrets worker stopped unexpectedly: {detail}")]
    #[code("secrets.internal")]
    Internal { detail: String },
}

impl SecretsError {
    pub(crate) fn io(op: &'static str, path: impl Into<PathBuf>, err: &std::io::Error) -> Self {
        SecretsError::Io {
            op,
            path: path.into(),
            detail: err.to_string(),
        }
    }

    pub(crate) fn corrupt(path: impl Into<PathBuf>, detail: impl Into<String>) -> Self {
        SecretsError::Corrupt {
            path: path.into(),
            detail: detail.into(),
        }
    }
}
