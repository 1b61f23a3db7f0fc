//! Mastodon accounts: OAuth 2 authorization code with PKCE, the code coming back through a
//! loopback redirect (`http://127.0.0.1:<port>/callback`) or pasted by the person (out of
//! band). The instance's limits are read at sign-in and cached on the account.
//!
//! The desktop shell: [`Accounts::start_mastodon_sign_in`], open
//! [`MastodonSignInStarted::authorize_url`] in the browser, then
//! [`MastodonSignIn::wait_for_code`] and [`MastodonSignIn::finish`]. The CLI does the same,
//! or reads the code from stdin.

use std::time::Duration;

use ferry_networks::mastodon::client::{
    AppCredentials, InstanceLimits, LoopbackRedirect, MastodonClient, MastodonServer, Pkce,
    random_state,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::mastodon_app::{SignInApp, instance_key};
use super::model::{Account, AccountLimits, AddedAccount};
use super::rows::NewAccount;
use super::secret_bridge::{from_net, to_net};
use crate::model::{LangTag, Network};
use crate::secrets::SecretKind;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartMastodon {
    /// The server's address, e.g. `https://mastodon.social`.
    pub instance: String,
    /// True: the server shows a code for the person to paste (no local listener).
    #[serde(default)]
    pub out_of_band: bool,
}

/// What the UI shows while the person signs in in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MastodonSignInStarted {
    pub authorize_url: String,
    pub redirect_uri: String,
    pub out_of_band: bool,
}

/// A sign-in in progress. Keep it until the code is back; dropping it stops the listener.
#[derive(Debug)]
pub struct MastodonSignIn {
    accounts: Accounts,
    server: MastodonServer,
    app: AppCredentials,
    pkce: Pkce,
    state: String,
    loopback: Option<LoopbackRedirect>,
    audience: Vec<LangTag>,
    started: MastodonSignInStarted,
}

impl Accounts {
    /// Registers Ferry on the instance (once; cached), prepares PKCE and, unless out of band,
    /// listens on the loopback redirect. Nothing is stored until [`MastodonSignIn::finish`].
    pub async fn start_mastodon_sign_in(
        &self,
        start: StartMastodon,
    ) -> Result<MastodonSignIn, AccountError> {
        let server = MastodonServer::with_timeout(start.instance.trim(), self.timeout)?;
        let SignInApp { app, loopback } = self.mastodon_app(&server, start.out_of_band).await?;
        let pkce = Pkce::generate()?;
        let state = random_state()?;
        let started = MastodonSignInStarted {
            authorize_url: server.authorize_url(&app, &pkce, &state).to_string(),
            redirect_uri: app.redirect_uri.clone(),
            out_of_band: loopback.is_none(),
        };
        Ok(MastodonSignIn {
            accounts: self.clone(),
            server,
            app,
            pkce,
            state,
            loopback,
            audience: Vec::new(),
            started,
        })
    }

    /// A client for the account's stored token.
    pub(crate) async fn mastodon_client(
        &self,
        account: &Account,
    ) -> Result<MastodonClient, AccountError> {
        expect_network(account, Network::Mastodon)?;
        let token = self
            .need_secret(account, SecretKind::OauthToken, "Mastodon access token")
            .await?;
        let url = account.server_url.as_deref().unwrap_or_default();
        Ok(MastodonServer::with_timeout(url, self.timeout)?.client(to_net(&token)))
    }
}

impl MastodonSignIn {
    pub fn started(&self) -> &MastodonSignInStarted {
        &self.started
    }

    /// The languages the new account's audience reads (which variants it gets).
    pub fn with_audience(mut self, audience: Vec<LangTag>) -> Self {
        self.audience = audience;
        self
    }

    /// Waits for the browser to come back to the loopback redirect with the code.
    pub async fn wait_for_code(&mut self, timeout: Duration) -> Result<String, AccountError> {
        let Some(listener) = self.loopback.take() else {
            return Err(AccountError::invalid(
                "Mastodon sign-in",
                "this sign-in is out of band: paste the code the server showed",
            ));
        };
        Ok(listener.wait_for_code(&self.state, timeout).await?)
    }

    /// Trades the code for a token, reads who signed in and the instance's limits, and
    /// stores the account (updating it when it was already here).
    pub async fn finish(self, code: &str) -> Result<AddedAccount, AccountError> {
        if code.trim().is_empty() {
            return Err(AccountError::invalid(
                "Mastodon authorization code",
                "it is empty",
            ));
        }
        let token = self
            .server
            .exchange_code(&self.app, code, &self.pkce)
            .await?;
        let client = self.server.client(token.clone());
        let me = client.verify_credentials().await?;
        let limits = self.server.instance_limits().await?;
        let base = self.server.base_url();
        let host = match base.port() {
            Some(port) => format!("{}:{port}", base.host_str().unwrap_or_default()),
            None => base.host_str().unwrap_or_default().to_owned(),
        };
        let handle = if me.acct.contains('@') {
            format!("@{}", me.acct)
        } else {
            format!("@{}@{host}", me.acct)
        };
        let new = NewAccount {
            network: Network::Mastodon,
            handle,
            display_name: me.display_name.clone(),
            server_url: Some(instance_key(base)),
            remote_id: me.id.clone(),
            audience: self.audience,
            limits: Some(account_limits(&limits)),
            relays: Vec::new(),
            client_id: Some(self.app.client_id.clone()),
        };
        let accounts = &self.accounts;
        let id = match accounts.store.existing_account_id(&new).await? {
            Some(id) => id,
            None => uuid::Uuid::now_v7().to_string(),
        };
        accounts
            .put_secret(&id, SecretKind::OauthToken, from_net(&token))
            .await?;
        let account = accounts.store.upsert_account(&id, &new).await?;
        Ok(AddedAccount {
            account,
            warnings: Vec::new(),
        })
    }
}

fn account_limits(limits: &InstanceLimits) -> AccountLimits {
    let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    AccountLimits {
        max_characters: small(limits.max_characters),
        max_media_attachments: small(limits.max_media_attachments),
        characters_reserved_per_url: small(limits.characters_reserved_per_url),
        image_size_limit: limits.image_size_limit,
        image_matrix_limit: limits.image_matrix_limit,
        description_limit: limits.description_limit.map(small),
    }
}

/// The instance limits the outbox prepares images with, from the cached account limits.
pub(crate) fn instance_limits(limits: Option<&AccountLimits>) -> InstanceLimits {
    let limits = limits.cloned().unwrap_or(AccountLimits {
        max_characters: ferry_networks::mastodon::DEFAULT_MAX_CHARACTERS as u32,
        max_media_attachments: ferry_networks::mastodon::MAX_IMAGES as u32,
        characters_reserved_per_url: 23,
        image_size_limit: None,
        image_matrix_limit: None,
        description_limit: None,
    });
    InstanceLimits {
        max_characters: u64::from(limits.max_characters),
        max_media_attachments: u64::from(limits.max_media_attachments),
        characters_reserved_per_url: u64::from(limits.characters_reserved_per_url),
        image_size_limit: limits.image_size_limit,
        image_matrix_limit: limits.image_matrix_limit,
        description_limit: limits.description_limit.map(u64::from),
        version: None,
    }
}
