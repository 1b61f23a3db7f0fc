//! Opening the engine for the accounts and post commands: the database in the data folder and
//! the secrets backend it is configured with (the keychain unless FERRY_SECRETS_BACKEND=file,
//! whose passphrase then comes from FERRY_SECRETS_PASSPHRASE: never a prompt).

use std::path::PathBuf;

use ferry_core::Store;
use ferry_core::accounts::Accounts;
use ferry_core::secrets::{self, PassphraseSource, SecretsConfig};

use crate::cli_error::CliError;
use crate::database::open_store;
use crate::output::Failure;

pub(crate) async fn open_accounts(data_dir: Option<PathBuf>) -> Result<Accounts, Failure> {
    accounts_of(open_store(data_dir).await?).await
}

/// The accounts of an already open database.
pub(crate) async fn accounts_of(store: Store) -> Result<Accounts, Failure> {
    let config = SecretsConfig::from_env(store.data_dir())?;
    // Opening the keychain talks to D-Bus (or derives a file key): off the async threads.
    let secrets =
        tokio::task::spawn_blocking(move || secrets::open(&config, PassphraseSource::env()))
            .await
            .map_err(|e| CliError::Internal(e.to_string()))??;
    Ok(Accounts::new(store, secrets))
}
