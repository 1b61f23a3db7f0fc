//! [`SecretsConfig`]: which backend holds the secrets, and [`open`] to get a [`Secrets`].
//!
//! The keychain is the default and needs no setting. The encrypted file is opt-in only:
//! `FERRY_SECRETS_BACKEND=file` (read by [`SecretsConfig::from_env`]), or a setting the app
//! stores and passes as [`SecretsBackend::EncryptedFile`]. Ferry never falls back from the
//! keychain to the file by itself.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::file_format::KdfParams;
use super::{EncryptedFileStore, KeychainStore, PassphraseSource, Secrets, SecretsError};

/// `keychain` (the default) or `file`.
pub const BACKEND_ENV: &str = "FERRY_SECRETS_BACKEND";
/// Where the encrypted file lives when `FERRY_SECRETS_BACKEND=file`; default
/// `<data dir>/secrets.enc`.
pub const FILE_ENV: &str = "FERRY_SECRETS_FILE";
/// The encrypted file's name in the data folder.
pub const FILE_NAME: &str = "secrets.enc";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SecretsBackend {
    /// The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager).
    #[default]
    Keychain,
    /// A passphrase-encrypted file; for machines without a keychain.
    EncryptedFile { path: PathBuf },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecretsConfig {
    pub backend: SecretsBackend,
    /// Argon2id settings for a *new* encrypted file; an existing file keeps its own.
    pub new_file_kdf: KdfParams,
}

impl SecretsConfig {
    pub fn keychain() -> Self {
        SecretsConfig::default()
    }

    pub fn encrypted_file(path: impl Into<PathBuf>) -> Self {
        SecretsConfig {
            backend: SecretsBackend::EncryptedFile { path: path.into() },
            ..SecretsConfig::default()
        }
    }

    /// The choice made by `FERRY_SECRETS_BACKEND` (`keychain` or `file`, unset = keychain) and
    /// `FERRY_SECRETS_FILE`, with the file defaulting to `<data_dir>/secrets.enc`.
    pub fn from_env(data_dir: &Path) -> Result<Self, SecretsError> {
        Self::from_lookup(data_dir, &|name| std::env::var_os(name))
    }

    fn from_lookup(
        data_dir: &Path,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Self, SecretsError> {
        let set = |name: &str| env(name).filter(|v| !v.is_empty());
        let backend = set(BACKEND_ENV).map(|v| v.to_string_lossy().trim().to_ascii_lowercase());
        match backend.as_deref() {
            None | Some("keychain") => Ok(SecretsConfig::keychain()),
            Some("file") => {
                let path = set(FILE_ENV)
                    .map(PathBuf::from)
                    .unwrap_or_else(|| data_dir.join(FILE_NAME));
                Ok(SecretsConfig::encrypted_file(path))
            }
            Some(other) => Err(SecretsError::BadConfig {
                what: BACKEND_ENV.to_owned(),
                reason: format!("{other:?} is neither \"keychain\" nor \"file\""),
            }),
        }
    }
}

/// Opens the configured backend, checking it works now: `secrets.no_keychain` when the
/// keychain is unusable, `secrets.bad_passphrase` / `secrets.corrupt` for the file. The
/// passphrase source is only used by the encrypted file.
pub fn open(config: &SecretsConfig, passphrase: PassphraseSource) -> Result<Secrets, SecretsError> {
    Ok(match &config.backend {
        SecretsBackend::Keychain => Secrets::new(KeychainStore::open()?),
        SecretsBackend::EncryptedFile { path } => Secrets::new(EncryptedFileStore::open(
            path,
            &passphrase,
            config.new_file_kdf,
        )?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<SecretsConfig, SecretsError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        SecretsConfig::from_lookup(Path::new("/data/渡"), &move |name| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn keychain_unless_the_file_is_chosen() {
        assert_eq!(config(&[]).unwrap(), SecretsConfig::keychain());
        assert_eq!(
            config(&[(BACKEND_ENV, "")]).unwrap(),
            SecretsConfig::keychain()
        );
        assert_eq!(
            config(&[(BACKEND_ENV, "File")]).unwrap(),
            SecretsConfig::encrypted_file("/data/渡/secrets.enc")
        );
        assert_eq!(
            config(&[(BACKEND_ENV, "file"), (FILE_ENV, "/srv/ferry.enc")]).unwrap(),
            SecretsConfig::encrypted_file("/srv/ferry.enc")
        );
        let err = config(&[(BACKEND_ENV, "plaintext")]).unwrap_err();
        assert_eq!(err.code(), "secrets.bad_config");
        assert!(
            err.to_string().contains("\"plaintext\" is neither"),
            "{err}"
        );
    }
}
