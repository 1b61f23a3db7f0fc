//! [`SecretsError`]: every way storing or reading a secret can fail, each with a stable code.
//!
//! No message ever contains a secret value or a passphrase: the variants only carry key names,
//! paths and the platform's own error text (which is scrubbed of the value being written, see
//! `keychain.rs`). `tests/it/secrets_errors.rs` checks every path against the secret string.

use std::path::PathBuf;

use crate::ErrorPayload;

/// Where to point people when there is no keychain; shown in [`SecretsError::NoKeychain`].
const OPT_IN_HINT: &str = "Ferry keeps account secrets only in the OS keychain (Secret Service, \
     macOS Keychain, Windows Credential Manager) unless you opt into an encrypted file: set \
     FERRY_SECRETS_BACKEND=file to keep them in <data dir>/secrets.enc, encrypted with a \
     passphrase read from FERRY_SECRETS_PASSPHRASE or asked for at start";

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error("no usable OS keychain here: {reason}. {OPT_IN_HINT}")]
    NoKeychain { reason: String },

    #[error("the OS keychain failed to {op} the secret {key}: {detail}")]
    Keychain {
        op: &'static str,
        key: String,
        detail: String,
    },

    /// `key` is shown with `{:?}`, which escapes the control characters that may be the
    /// problem while keeping CJK and emoji readable.
    #[error("invalid secret name {key:?}: {reason}")]
    BadKey { key: String, reason: String },

    #[error("cannot store the secret {key}: {reason}")]
    BadValue { key: String, reason: String },

    #[error("no passphrase for the encrypted secrets file {path}: {reason}")]
    NoPassphrase { path: PathBuf, reason: String },

    #[error(
        "wrong passphrase for the encrypted secrets file {path}; nothing was changed. Check \
         FERRY_SECRETS_PASSPHRASE or type the passphrase again"
    )]
    BadPassphrase { path: PathBuf },

    #[error(
        "the encrypted secrets file {path} is damaged ({detail}); it was left untouched. Restore \
         it from a backup, or move it aside and add the accounts again"
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error("cannot {op} the encrypted secrets file {path}: {detail}")]
    Io {
        op: &'static str,
        path: PathBuf,
        detail: String,
    },

    #[error("invalid secrets setting {what}: {reason}")]
    BadConfig { what: String, reason: String },

    #[error("the secrets worker stopped unexpectedly: {detail}")]
    Internal { detail: String },
}

impl SecretsError {
    /// A stable identifier for programs, translations and tests; never changes wording.
    pub fn code(&self) -> &'static str {
        match self {
            SecretsError::NoKeychain { .. } => "secrets.no_keychain",
            SecretsError::Keychain { .. } => "secrets.keychain",
            SecretsError::BadKey { .. } => "secrets.bad_key",
            SecretsError::BadValue { .. } => "secrets.bad_value",
            SecretsError::NoPassphrase { .. } => "secrets.no_passphrase",
            SecretsError::BadPassphrase { .. } => "secrets.bad_passphrase",
            SecretsError::Corrupt { .. } => "secrets.corrupt",
            SecretsError::Io { .. } => "secrets.io",
            SecretsError::BadConfig { .. } => "secrets.bad_config",
            SecretsError::Internal { .. } => "secrets.internal",
        }
    }

    /// What the UI and `--json` receive.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }

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

impl serde::Serialize for SecretsError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
