//! The [`SecretStore`] trait every backend implements, and [`Secrets`], the cheap-to-clone
//! async handle the rest of Ferry uses.

use std::fmt;
use std::sync::Arc;

use super::{Secret, SecretKey, SecretKind, SecretsError};

/// The most a secret may hold, in UTF-8 bytes. Tokens and keys are a few KiB at most; the
/// limit keeps a pasted file or a runaway value out of the keychain.
pub const MAX_SECRET_BYTES: usize = 64 * 1024;

/// Which backend a store is, for settings screens and `ferry doctor`-style reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Keychain,
    EncryptedFile,
}

/// A place secrets live. The calls block (a D-Bus round trip, a file read, a key derivation),
/// so async code goes through [`Secrets`], which runs them on tokio's blocking pool.
pub trait SecretStore: Send + Sync + fmt::Debug {
    /// The secret under `key`, or `None` when there is none.
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretsError>;

    /// Stores `secret` under `key`, replacing what was there.
    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretsError>;

    /// Removes the secret under `key`; true when there was one. Removing a missing secret is
    /// not an error, so account removal can be retried.
    fn delete(&self, key: &SecretKey) -> Result<bool, SecretsError>;

    fn backend(&self) -> BackendKind;
}

/// Refuses values no backend should store: empty ones (a bug upstream; delete instead) and
/// oversized ones. Every backend calls this first so they all refuse the same things.
pub(crate) fn check_value(key: &SecretKey, secret: &Secret) -> Result<(), SecretsError> {
    let reason = if secret.is_empty() {
        "the value is empty; delete the secret instead of storing an empty one".to_owned()
    } else if secret.expose().len() > MAX_SECRET_BYTES {
        format!(
            "the value is {} bytes; at most {MAX_SECRET_BYTES}",
            secret.expose().len()
        )
    } else {
        return Ok(());
    };
    Err(SecretsError::BadValue {
        key: key.to_string(),
        reason,
    })
}

/// The async face of a [`SecretStore`]: clone it freely, call it from tokio tasks.
///
/// ```no_run
/// # async fn demo(secrets: ferry_core::secrets::Secrets) -> Result<(), ferry_core::secrets::SecretsError> {
/// use ferry_core::secrets::{Secret, SecretKey, SecretKind};
/// let key = SecretKey::new("acct-42", SecretKind::OauthToken)?;
/// secrets.set(&key, Secret::new("token from the OAuth exchange")).await?;
/// let token = secrets.get(&key).await?.expect("just stored");
/// # drop(token);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Secrets {
    store: Arc<dyn SecretStore>,
}

impl Secrets {
    pub fn new(store: impl SecretStore + 'static) -> Self {
        Secrets {
            store: Arc::new(store),
        }
    }

    /// The blocking store underneath, for code that is not async (the CLI's one-shot commands).
    pub fn blocking(&self) -> &dyn SecretStore {
        self.store.as_ref()
    }

    pub fn backend(&self) -> BackendKind {
        self.store.backend()
    }

    pub async fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretsError> {
        let key = key.clone();
        self.run(move |store| store.get(&key)).await
    }

    pub async fn set(&self, key: &SecretKey, secret: Secret) -> Result<(), SecretsError> {
        let key = key.clone();
        self.run(move |store| store.set(&key, &secret)).await
    }

    pub async fn delete(&self, key: &SecretKey) -> Result<bool, SecretsError> {
        let key = key.clone();
        self.run(move |store| store.delete(&key)).await
    }

    /// Removes every kind of secret of one account (when the account is removed); returns
    /// how many there were.
    pub async fn delete_account(&self, account_id: &str) -> Result<usize, SecretsError> {
        let keys = SecretKind::ALL
            .into_iter()
            .map(|kind| SecretKey::new(account_id, kind))
            .collect::<Result<Vec<_>, _>>()?;
        self.run(move |store| {
            let mut deleted = 0;
            for key in &keys {
                deleted += usize::from(store.delete(key)?);
            }
            Ok(deleted)
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        op: impl FnOnce(&dyn SecretStore) -> Result<T, SecretsError> + Send + 'static,
    ) -> Result<T, SecretsError> {
        let store = Arc::clone(&self.store);
        // Keychain calls block on D-Bus or the OS, and the file store derives keys: both would
        // stall a runtime worker, so they run on the blocking pool.
        tokio::task::spawn_blocking(move || op(store.as_ref()))
            .await
            .map_err(|err| SecretsError::Internal {
                detail: err.to_string(),
            })?
    }
}
