//! Moving secrets between the keychain ([`crate::secrets::Secret`]) and the network clients
//! ([`ferry_networks::http::Secret`]). Both types redact themselves; the value is exposed only
//! here, in the step from one wrapper to the other.

use ferry_networks::http::Secret as NetSecret;

use super::Accounts;
use super::error::AccountError;
use super::model::Account;
use crate::secrets::{Secret, SecretKey, SecretKind};

pub(crate) fn to_net(secret: &Secret) -> NetSecret {
    NetSecret::new(secret.expose())
}

pub(crate) fn from_net(secret: &NetSecret) -> Secret {
    Secret::new(secret.expose())
}

impl Accounts {
    pub(crate) async fn put_secret(
        &self,
        account_id: &str,
        kind: SecretKind,
        value: Secret,
    ) -> Result<(), AccountError> {
        let key = SecretKey::new(account_id, kind)?;
        Ok(self.secrets.set(&key, value).await?)
    }

    /// The account's secret of `kind`, or `account.missing_secret` naming what to do.
    pub(crate) async fn need_secret(
        &self,
        account: &Account,
        kind: SecretKind,
        what: &'static str,
    ) -> Result<Secret, AccountError> {
        let key = SecretKey::new(&account.id, kind)?;
        self.secrets
            .get(&key)
            .await?
            .ok_or_else(|| AccountError::MissingSecret {
                id: account.id.clone(),
                handle: account.handle.clone(),
                network: account.network,
                what,
            })
    }
}
