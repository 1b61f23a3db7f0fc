//! Account secrets — Mastodon OAuth tokens, Bluesky session tokens, Nostr private keys,
//! translation API keys — kept in the OS keychain, and nowhere else: never in SQLite, logs,
//! error messages or the UI's state.
//!
//! # Using it
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_core::secrets::SecretsError> {
//! use ferry_core::secrets::{self, PassphraseSource, Secret, SecretKey, SecretKind, SecretsConfig};
//!
//! // Once at start. The keychain is the default; the encrypted file only when chosen.
//! let data_dir = std::path::Path::new("/home/me/.local/share/ferry");
//! let config = SecretsConfig::from_env(data_dir)?;
//! let secrets = secrets::open(&config, PassphraseSource::env())?;
//!
//! // Then from any task: get / set / delete by account and kind.
//! let key = SecretKey::new("acct-42", SecretKind::RefreshToken)?;
//! secrets.set(&key, Secret::new("eyJhbGciOi…")).await?;
//! let token: Option<Secret> = secrets.get(&key).await?;
//! secrets.delete_account("acct-42").await?;
//! # drop(token); Ok(()) }
//! ```
//!
//! - [`Secret`] prints `[redacted]`, is not `Serialize` and wipes its memory on drop;
//!   call [`Secret::expose`] only where the value is sent.
//! - [`SecretStore`] is the blocking trait each backend implements; [`Secrets`] is the async,
//!   cloneable handle over it (calls run on tokio's blocking pool).
//! - Every failure is a [`SecretsError`] with a stable [`SecretsError::code`]
//!   (`secrets.no_keychain`, `secrets.bad_passphrase`, `secrets.corrupt` …) and a message
//!   that never contains a secret or passphrase.
//!
//! # Backends
//!
//! - **Keychain** ([`KeychainStore`], the default). Where there is no keychain (a server
//!   without a desktop session), opening fails with `secrets.no_keychain` and a message on how
//!   to opt into the file; Ferry never falls back to the file by itself.
//! - **Encrypted file** ([`EncryptedFileStore`], opt-in: `FERRY_SECRETS_BACKEND=file`):
//!   `<data dir>/secrets.enc`, Argon2id + XChaCha20-Poly1305, passphrase from
//!   `FERRY_SECRETS_PASSPHRASE` or a prompt ([`PassphraseSource`]). Never plaintext.
//!
//! # Finding Ferry's items in the keychain
//!
//! Every secret is stored under service [`SERVICE`] (`app.ferry.desktop`) and user
//! `"<account_id>:<kind>"` ([`SecretKey::user`]), e.g. `acct-42:oauth_token`, with kinds
//! `oauth_token`, `client_secret`, `refresh_token`, `access_token`, `app_password`,
//! `private_key`, `api_key` ([`SecretKind`]):
//!
//! | platform | where | how the item is named |
//! |---|---|---|
//! | Linux, BSD: Secret Service (Seahorse, KWallet, KeePassXC) | default collection, usually "Login" | attributes `service` = `app.ferry.desktop`, `username` = `<account_id>:<kind>`; label `Ferry: <account_id> (<kind>)` |
//! | macOS: Keychain Access | login keychain, generic password | service `app.ferry.desktop`, account `<account_id>:<kind>` |
//! | Windows: Credential Manager | generic credential | target `<account_id>:<kind>.app.ferry.desktop` |
//!
//! From a shell on Linux: `secret-tool lookup service app.ferry.desktop username acct-42:oauth_token`.
//!
//! Tests run against a real gnome-keyring on a private D-Bus session started by
//! `tests/keyring/with-keyring`.

mod config;
mod error;
mod file_crypto;
mod file_entries;
mod file_format;
mod file_store;
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
mod key;
mod keychain;
mod keychain_probe;
mod passphrase;
mod secret;
mod store;

pub use config::{BACKEND_ENV, FILE_ENV, FILE_NAME, SecretsBackend, SecretsConfig, open};
pub use error::SecretsError;
pub use file_format::KdfParams;
pub use file_store::EncryptedFileStore;
pub use key::{MAX_ACCOUNT_ID_BYTES, SERVICE, SecretKey, SecretKind};
pub use keychain::KeychainStore;
pub use passphrase::{
    MIN_NEW_PASSPHRASE_CHARS, PASSPHRASE_ENV, PassphrasePurpose, PassphraseRequest,
    PassphraseSource, PromptFn, take_passphrase_from_env,
};
pub use secret::Secret;
pub use store::{BackendKind, MAX_SECRET_BYTES, SecretStore, Secrets};
