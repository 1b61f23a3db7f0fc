//! The accounts and the outbox for the window: one [`Publisher`] per app, over the open store
//! and the secrets backend, made on first use.
//!
//! Listing accounts or a draft's publish history reads the database only; the keychain is
//! opened when a command first needs a secret (adding an account, posting). A keychain that
//! cannot be opened (`secrets.no_keychain`) is reported to that command and tried again on
//! the next one, so unlocking it or opting into the encrypted file needs no restart.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store) -> Result<(), ferry_app::error::CommandError> {
//! let publishing = ferry_app::publishing::Publishing::default();
//! let publisher = publishing.publisher(&store).await?;  // opens the keychain once
//! let accounts = publisher.accounts().list().await;
//! # drop(accounts); Ok(()) }
//! ```

use ferry_core::Store;
use ferry_core::accounts::Accounts;
use ferry_core::outbox::{PublishConfig, Publisher};
use ferry_core::secrets::Secrets;

use crate::error::CommandError;
use crate::keychain::open_secrets;

/// Managed state: the publisher, once the keychain has been opened.
#[derive(Default)]
pub struct Publishing {
    publisher: tokio::sync::Mutex<Option<Publisher>>,
}

impl Publishing {
    /// A publishing state whose publisher is already made (tests use the encrypted file).
    pub fn with_secrets(store: &Store, secrets: Secrets, config: PublishConfig) -> Publishing {
        let accounts = Accounts::new(store.clone(), secrets);
        Publishing {
            publisher: tokio::sync::Mutex::new(Some(Publisher::new(accounts, config))),
        }
    }

    /// The app's publisher, opening the secrets backend configured by the environment
    /// (the keychain unless `FERRY_SECRETS_BACKEND=file`) on the first call.
    pub async fn publisher(&self, store: &Store) -> Result<Publisher, CommandError> {
        let mut slot = self.publisher.lock().await;
        if let Some(publisher) = slot.as_ref() {
            return Ok(publisher.clone());
        }
        let secrets = open_secrets(store.data_dir()).await?;
        let accounts = Accounts::new(store.clone(), secrets);
        let publisher = Publisher::new(accounts, PublishConfig::default());
        *slot = Some(publisher.clone());
        Ok(publisher)
    }
}
