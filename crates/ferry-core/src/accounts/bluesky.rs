//! Bluesky accounts: sign in once with an app password, then live on the session's tokens.
//!
//! `createSession` is rate-limited, so Ferry never signs in per post: it keeps the refresh and
//! access tokens in the keychain, resumes the session from them and writes them back whenever
//! the client rotated them. Only a dead refresh token sends the person back to the password
//! (the account becomes `needs_reauth`). The app password itself is never stored.

use ferry_networks::bluesky::client::{BlueskyClient, BlueskySession};
use serde::Deserialize;
use ts_rs::TS;

use super::Accounts;
use super::error::AccountError;
use super::model::{Account, AddedAccount};
use super::rows::NewAccount;
use super::secret_bridge::{from_net, to_net};
use crate::model::{LangTag, Network};
use crate::secrets::{Secret, SecretKind};

/// The PDS most people's accounts live on.
pub const DEFAULT_PDS: &str = "https://bsky.social";

/// Signing in to Bluesky. Neither `Serialize` nor a plain `Debug`: it carries the app password.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddBluesky {
    /// The account's PDS, e.g. `https://bsky.social`.
    pub pds_url: String,
    /// Handle (`alice.bsky.social`) or the account's email.
    pub identifier: String,
    /// An app password (Settings → App passwords), not the main password.
    pub password: String,
    #[serde(default)]
    pub audience: Vec<LangTag>,
}

impl std::fmt::Debug for AddBluesky {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddBluesky")
            .field("pds_url", &self.pds_url)
            .field("identifier", &self.identifier)
            .field("password", &"[redacted]")
            .field("audience", &self.audience)
            .finish()
    }
}

impl Accounts {
    /// Signs in and stores the account (or updates it, if it is already here).
    pub async fn add_bluesky(&self, add: AddBluesky) -> Result<AddedAccount, AccountError> {
        if add.identifier.trim().is_empty() {
            return Err(AccountError::invalid(
                "Bluesky handle",
                "give the handle (alice.bsky.social) or the account's email",
            ));
        }
        if add.password.is_empty() {
            return Err(AccountError::invalid("Bluesky app password", "it is empty"));
        }
        let password = Secret::new(add.password);
        let pds = add.pds_url.trim().trim_end_matches('/').to_owned();
        let client = BlueskyClient::login(&pds, &add.identifier, &to_net(&password))
            .await?
            .with_timeout(self.timeout)?;
        let session = client.session().await;
        let new = NewAccount {
            network: Network::Bluesky,
            handle: session.handle.clone(),
            display_name: String::new(),
            server_url: Some(pds),
            remote_id: session.did.clone(),
            audience: add.audience,
            limits: None,
            relays: Vec::new(),
            client_id: None,
        };
        let id = match self.store.existing_account_id(&new).await? {
            Some(id) => id,
            None => uuid::Uuid::now_v7().to_string(),
        };
        self.save_bluesky_session(&id, &session).await?;
        let account = self.store.upsert_account(&id, &new).await?;
        Ok(AddedAccount {
            account,
            warnings: Vec::new(),
        })
    }

    /// Signs a `needs_reauth` Bluesky account in again with a new app password.
    pub async fn reauth_bluesky(
        &self,
        id: &str,
        password: String,
    ) -> Result<Account, AccountError> {
        let account = self.store.account(id).await?;
        expect_network(&account, Network::Bluesky)?;
        let added = self
            .add_bluesky(AddBluesky {
                pds_url: account
                    .server_url
                    .clone()
                    .unwrap_or_else(|| DEFAULT_PDS.into()),
                identifier: account.handle.clone(),
                password,
                audience: Vec::new(),
            })
            .await?;
        Ok(added.account)
    }

    /// A client over the account's stored session (nothing is sent yet).
    pub(crate) async fn bluesky_client(
        &self,
        account: &Account,
    ) -> Result<BlueskyClient, AccountError> {
        expect_network(account, Network::Bluesky)?;
        let refresh = self
            .need_secret(account, SecretKind::RefreshToken, "Bluesky refresh token")
            .await?;
        let access = self
            .need_secret(account, SecretKind::AccessToken, "Bluesky access token")
            .await?;
        let session = BlueskySession {
            did: account.remote_id.clone(),
            handle: account.handle.clone(),
            access_jwt: to_net(&access),
            refresh_jwt: to_net(&refresh),
        };
        let pds = account.server_url.as_deref().unwrap_or(DEFAULT_PDS);
        Ok(BlueskyClient::resume(pds, session)?.with_timeout(self.timeout)?)
    }

    /// Writes the session's tokens to the keychain (after sign-in, and whenever the client
    /// rotated them: a refresh token is single-use).
    pub(crate) async fn save_bluesky_session(
        &self,
        account_id: &str,
        session: &BlueskySession,
    ) -> Result<(), AccountError> {
        // Refresh token first: it is the one that keeps the account signed in.
        self.put_secret(
            account_id,
            SecretKind::RefreshToken,
            from_net(&session.refresh_jwt),
        )
        .await?;
        self.put_secret(
            account_id,
            SecretKind::AccessToken,
            from_net(&session.access_jwt),
        )
        .await
    }
}

pub(crate) fn expect_network(account: &Account, expected: Network) -> Result<(), AccountError> {
    if account.network == expected {
        return Ok(());
    }
    Err(AccountError::WrongNetwork {
        id: account.id.clone(),
        expected,
        actual: account.network,
    })
}
