//! Threads accounts: the person's own Meta app and a long-lived user token generated in its
//! dashboard (Use cases → Threads API → Settings → User Token Generator), with the
//! `threads_basic` and `threads_content_publish` permissions.
//!
//! Adding reads who the token belongs to (`/me`) and the publishing allowance (which fails
//! without the publishing permission), then keeps the token in the keychain. A long-lived
//! token lasts 60 days; Ferry renews it whenever it is used and a day old, writing the new
//! one to the keychain before using it (the old one stays valid until it runs out, so a lost
//! renewal costs nothing).

use chrono::Utc;
use ferry_networks::http::ErrorClass;
use ferry_networks::threads::client::{THREADS_API, ThreadsApi};
use serde::Deserialize;
use ts_rs::TS;

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::model::{Account, AddedAccount};
use super::rows::NewAccount;
use super::secret_bridge::to_net;
use super::token_times::TokenTimes;
use crate::model::{LangTag, Network};
use crate::secrets::{Secret, SecretKind};

/// Adding a Threads account. `Debug` never shows the token.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddThreads {
    /// A long-lived user access token from the Meta app's dashboard.
    pub token: String,
    /// Another Threads API server (tests); `None`: Meta's.
    #[serde(default)]
    pub api_url: Option<String>,
    #[serde(default)]
    pub audience: Vec<LangTag>,
}

impl std::fmt::Debug for AddThreads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddThreads")
            .field("token", &"[redacted]")
            .field("api_url", &self.api_url)
            .field("audience", &self.audience)
            .finish()
    }
}

/// A token is renewed once it is this old (Meta refuses to renew younger ones).
const RENEW_AFTER: chrono::TimeDelta = chrono::TimeDelta::hours(24);

impl Accounts {
    /// Checks the token (its owner and publishing allowance), then stores it in the keychain
    /// and the account in the database (updating it when it was added before).
    pub async fn add_threads(&self, add: AddThreads) -> Result<AddedAccount, AccountError> {
        let api_url = add
            .api_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .unwrap_or(THREADS_API);
        let token = Secret::new(add.token.trim());
        let api = ThreadsApi::new(api_url, to_net(&token), self.timeout)?;
        let me = api.me().await?;
        let quota = api.clone().for_user(&me.id).quota().await?;
        let new = NewAccount {
            network: Network::Threads,
            handle: format!("@{}", me.username),
            display_name: me.name.clone().unwrap_or_else(|| me.username.clone()),
            server_url: Some(api.base().as_str().trim_end_matches('/').to_owned()),
            remote_id: me.id.clone(),
            audience: add.audience,
            limits: None,
            relays: Vec::new(),
            client_id: None,
        };
        let id = match self.store.existing_account_id(&new).await? {
            Some(id) => id,
            None => uuid::Uuid::now_v7().to_string(),
        };
        self.put_secret(&id, SecretKind::OauthToken, token).await?;
        let account = self.store.upsert_account(&id, &new).await?;
        // A pasted token is taken as new: it is renewed once it is a day old.
        let times = TokenTimes {
            expires_at: None,
            renewed_at: Some(Utc::now()),
        };
        self.store.set_token_times(&id, times).await?;
        let warnings = vec![
            format!(
                "{} of {} posts used in the last 24 hours",
                quota.posts_used, quota.posts_total
            ),
            "the token lasts 60 days; Ferry renews it whenever it posts to Threads, so post \
             (or add the account again) at least every 60 days"
                .to_owned(),
        ];
        Ok(AddedAccount { account, warnings })
    }

    /// The account's API connection, its token renewed first when it is a day old.
    pub(crate) async fn threads_api(&self, account: &Account) -> Result<ThreadsApi, AccountError> {
        expect_network(account, Network::Threads)?;
        let token = self
            .need_secret(account, SecretKind::OauthToken, "Threads access token")
            .await?;
        let base = account.server_url.as_deref().unwrap_or(THREADS_API);
        let api = ThreadsApi::new(base, to_net(&token), self.timeout)?.for_user(&account.remote_id);
        let times = self.store.token_times(&account.id).await?;
        let due = times
            .renewed_at
            .is_none_or(|at| Utc::now() - at >= RENEW_AFTER);
        if !due {
            return Ok(api);
        }
        match api.refresh_token().await {
            Ok(renewed) => {
                let fresh = Secret::new(renewed.token.expose());
                // The keychain first: from the database's point of view the new token exists
                // only once it can be read back.
                self.put_secret(&account.id, SecretKind::OauthToken, fresh.clone())
                    .await?;
                let now = Utc::now();
                let lasts = chrono::TimeDelta::from_std(renewed.expires_in).ok();
                let times = TokenTimes {
                    expires_at: lasts.map(|d| now + d),
                    renewed_at: Some(now),
                };
                self.store.set_token_times(&account.id, times).await?;
                Ok(ThreadsApi::new(base, to_net(&fresh), self.timeout)?
                    .for_user(&account.remote_id))
            }
            Err(err) if err.class() == ErrorClass::Auth => Err(err.into()),
            Err(err) => {
                // The old token still works until it expires; try again next time.
                tracing::warn!(
                    code = err.code(),
                    "threads: could not renew the token: {err}"
                );
                Ok(api)
            }
        }
    }
}
