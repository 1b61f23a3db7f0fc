//! Opening the engine for the accounts and post commands: the database in the data folder and
//! the secrets backend it is configured with (the keychain unless FERRY_SECRETS_BACKEND=file,
//! whose passphrase then comes from FERRY_SECRETS_PASSPHRASE: never a prompt).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::accounts::{AccountError, Accounts};
use ferry_core::secrets::{self, PassphraseSource, SecretsConfig};
use ferry_core::{Store, StoreError};

use crate::output::Failure;

pub(crate) async fn open_accounts(data_dir: Option<PathBuf>) -> Result<Accounts, Failure> {
    let store = match data_dir {
        Some(dir) => Store::open(&dir).await,
        None => Store::open_default().await,
    }
    .map_err(store_failure)?;
    let config = SecretsConfig::from_env(store.data_dir())
        .map_err(|e| Failure::new(e.code(), e.to_string()))?;
    // Opening the keychain talks to D-Bus (or derives a file key): off the async threads.
    let secrets =
        tokio::task::spawn_blocking(move || secrets::open(&config, PassphraseSource::env()))
            .await
            .map_err(|e| Failure::new("internal", e.to_string()))?
            .map_err(|e| Failure::new(e.code(), e.to_string()))?;
    Ok(Accounts::new(store, secrets))
}

pub(crate) fn store_failure(err: StoreError) -> Failure {
    Failure::new(err.code(), err.to_string())
}

pub(crate) fn account_failure(err: AccountError) -> Failure {
    Failure::new(err.code(), err.to_string())
}

/// Where results go: JSON or prose on stdout.
#[derive(Clone, Copy)]
pub(crate) struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as JSON, or `prose()` for people.
    pub fn emit<T: serde::Serialize>(self, value: &T, prose: impl FnOnce() -> String) -> ExitCode {
        if self.json {
            return crate::output::print_json(value);
        }
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", prose());
        ExitCode::SUCCESS
    }

    /// A note for the person on stderr (a JSON line with --json), keeping stdout for results.
    pub fn note<T: serde::Serialize>(self, value: &T, prose: impl FnOnce() -> String) {
        let mut stderr = std::io::stderr().lock();
        let line = if self.json {
            serde_json::to_string(value).unwrap_or_default()
        } else {
            prose()
        };
        let _ = writeln!(stderr, "{line}");
    }
}
