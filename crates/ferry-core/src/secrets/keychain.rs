//! [`KeychainStore`]: secrets in the OS keychain, through the keyring 4 family of crates.
//!
//! `keyring-core` gives one API over per-platform store crates: the Secret Service over zbus
//! (pure Rust, no libdbus or libsecret needed) on Linux and the BSDs, Keychain Services on
//! macOS, Credential Manager on Windows. Ferry uses those crates directly rather than the
//! `keyring` crate's `v1` wrapper because that wrapper connects once per process and keeps a
//! failure forever, so a keychain unlocked after start would never be seen.
//!
//! [`KeychainStore::open`] checks the keychain is usable before anything is stored, and says
//! `secrets.no_keychain` when it is not (see `keychain_probe.rs`); item names are in `key.rs`.

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use zeroize::Zeroizing;

use super::keychain_probe;
use super::store::{BackendKind, SecretStore, check_value};
use super::{SERVICE, Secret, SecretKey, SecretsError};

pub struct KeychainStore {
    store: Arc<CredentialStore>,
}

impl std::fmt::Debug for KeychainStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeychainStore")
            .field("vendor", &self.store.vendor())
            .finish()
    }
}

impl KeychainStore {
    /// Connects to the OS keychain and checks it can hold secrets now: a session bus, a Secret
    /// Service provider and an unlocked (or unlockable) default collection on Linux. Fails with
    /// `secrets.no_keychain` otherwise; nothing is written either way.
    pub fn open() -> Result<Self, SecretsError> {
        keychain_probe::check_usable()?;
        let store = platform_store().map_err(|err| SecretsError::NoKeychain {
            reason: err.to_string(),
        })?;
        Ok(KeychainStore { store })
    }

    fn entry(&self, key: &SecretKey) -> Result<Entry, SecretsError> {
        let label = key.label();
        let modifiers = label_modifier(&label);
        self.store
            .build(SERVICE, &key.user(), modifiers.as_ref())
            .map_err(|err| map_error("find", key, err, None))
    }
}

impl SecretStore for KeychainStore {
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretsError> {
        let bytes = match self.entry(key)?.get_secret() {
            Ok(bytes) => Zeroizing::new(bytes),
            Err(KeyringError::NoEntry) => return Ok(None),
            Err(err) => return Err(map_error("read", key, err, None)),
        };
        // Another program may have stored bytes that are not text under Ferry's name.
        let text = std::str::from_utf8(&bytes).map_err(|err| SecretsError::BadValue {
            key: key.to_string(),
            reason: format!(
                "the keychain item is not UTF-8 text (invalid byte at {}); another program \
                 wrote it? Remove it in your keychain app and sign in again",
                err.valid_up_to()
            ),
        })?;
        Ok(Some(Secret::new(text)))
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretsError> {
        check_value(key, secret)?;
        self.entry(key)?
            .set_secret(secret.expose().as_bytes())
            .map_err(|err| map_error("store", key, err, Some(secret)))
    }

    fn delete(&self, key: &SecretKey) -> Result<bool, SecretsError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(KeyringError::NoEntry) => Ok(false),
            Err(err) => Err(map_error("delete", key, err, None)),
        }
    }

    fn backend(&self) -> BackendKind {
        BackendKind::Keychain
    }
}

/// Turns a keyring error into Ferry's, without the data some variants carry (the stored bytes
/// of `BadEncoding`, the entries of `Ambiguous`) and with `written` scrubbed from platform
/// text, in case a provider echoes what it was sent.
fn map_error(
    op: &'static str,
    key: &SecretKey,
    err: KeyringError,
    written: Option<&Secret>,
) -> SecretsError {
    let key_name = key.to_string();
    let detail = match err {
        KeyringError::NoStorageAccess(cause) => {
            return SecretsError::NoKeychain {
                reason: scrub(
                    format!("the keychain refused access to {key_name} ({cause})"),
                    written,
                ),
            };
        }
        KeyringError::TooLong(what, limit) => {
            return SecretsError::BadKey {
                key: key_name,
                reason: format!("its {what} is longer than this keychain's limit of {limit}"),
            };
        }
        KeyringError::Invalid(what, reason) => {
            return SecretsError::BadKey {
                key: key_name,
                reason: format!("the keychain refuses its {what}: {reason}"),
            };
        }
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => {
            "the stored item is not in the expected format".to_owned()
        }
        KeyringError::Ambiguous(items) => format!(
            "{} keychain items carry this name; remove the extra ones in your keychain app",
            items.len()
        ),
        KeyringError::NoEntry => "there is no such item".to_owned(),
        other => other.to_string(),
    };
    SecretsError::Keychain {
        op,
        key: key_name,
        detail: scrub(detail, written),
    }
}

fn scrub(text: String, written: Option<&Secret>) -> String {
    match written {
        Some(secret) if !secret.is_empty() && text.contains(secret.expose()) => {
            text.replace(secret.expose(), "[redacted]")
        }
        _ => text,
    }
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(unix, target_os = "windows")))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NotSupportedByStore(
        "Ferry knows the keychains of Linux, the BSDs, macOS and Windows".to_owned(),
    ))
}

/// The Secret Service shows a label in Seahorse; the other stores take no such modifier.
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn label_modifier(label: &str) -> Option<std::collections::HashMap<&str, &str>> {
    Some(std::collections::HashMap::from([("label", label)]))
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn label_modifier(_label: &str) -> Option<std::collections::HashMap<&str, &str>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::SecretKind;

    fn platform(text: &str) -> KeyringError {
        KeyringError::PlatformFailure(text.to_owned().into())
    }

    #[test]
    fn errors_drop_stored_bytes_and_scrub_the_written_value() {
        let key = SecretKey::new("acct-渡", SecretKind::OauthToken).unwrap();
        let secret = Secret::new("tok-令牌-42");
        let cases = [
            map_error(
                "store",
                &key,
                platform("provider echoed tok-令牌-42 back"),
                Some(&secret),
            ),
            map_error(
                "store",
                &key,
                KeyringError::NoStorageAccess("locked: tok-令牌-42".into()),
                Some(&secret),
            ),
            map_error(
                "read",
                &key,
                KeyringError::BadEncoding(b"tok-\xff42".to_vec()),
                None,
            ),
            map_error(
                "read",
                &key,
                KeyringError::BadDataFormat("tok-令牌-42".as_bytes().to_vec(), "bad".into()),
                None,
            ),
        ];
        let codes: Vec<_> = cases.iter().map(SecretsError::code).collect();
        assert_eq!(
            codes,
            [
                "secrets.keychain",
                "secrets.no_keychain",
                "secrets.keychain",
                "secrets.keychain"
            ]
        );
        for err in &cases {
            for text in [err.to_string(), format!("{err:?}")] {
                assert!(!text.contains("tok-"), "{text}");
                assert!(text.contains("acct-渡:oauth_token"), "{text}");
            }
        }
        assert!(
            cases[0]
                .to_string()
                .contains("provider echoed [redacted] back")
        );
    }
}
