//! Opening the secrets backend the environment chose — the OS keychain, unless
//! `FERRY_SECRETS_BACKEND=file` asks for the encrypted file, whose passphrase then comes from
//! `FERRY_SECRETS_PASSPHRASE` (a desktop app has no terminal to prompt on). Accounts and
//! translation providers both open it through here, lazily: listing accounts or drafts never
//! touches the keychain.

use std::path::Path;

use ferry_core::secrets::{self, PassphraseSource, Secrets, SecretsConfig};

use crate::error::{AppError, CommandError};

pub async fn open_secrets(data_dir: &Path) -> Result<Secrets, CommandError> {
    let config = SecretsConfig::from_env(data_dir)?;
    // Opening the keychain talks to D-Bus (or derives a file key): off the async threads.
    let secrets =
        tokio::task::spawn_blocking(move || secrets::open(&config, PassphraseSource::env()))
            .await
            .map_err(AppError::internal)??;
    Ok(secrets)
}
