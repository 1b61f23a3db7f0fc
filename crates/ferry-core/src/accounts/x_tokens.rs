//! Keeping an X account signed in: its access token lasts two hours, so before a post Ferry
//! renews it when it has less than [`RENEW_BEFORE`] left.
//!
//! X rotates refresh tokens — the one used dies as X answers — so a renewal keeps the new
//! refresh token in the keychain before anything else, and renewals of one data folder
//! never run side by side (two at once would race for the same refresh token and the loser
//! would leave the account signed out). If X's answer is lost, the old refresh token may be
//! dead: the next renewal says so and the person signs in again.

use chrono::Utc;
use ferry_networks::x::client::{X_API, X_AUTHORIZE, XApi, XApp, XOAuth};
use tokio::sync::Mutex;

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::model::Account;
use super::secret_bridge::{from_net, to_net};
use super::token_times::TokenTimes;
use crate::model::Network;
use crate::secrets::{SecretKey, SecretKind};

/// Renew when less than this is left (a thread of posts and pictures fits in it).
pub const RENEW_BEFORE: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// One renewal at a time, whichever account.
static RENEWING: Mutex<()> = Mutex::const_new(());

impl Accounts {
    /// The account's API connection, its token renewed first when it is about to run out.
    pub(crate) async fn x_api(&self, account: &Account) -> Result<XApi, AccountError> {
        expect_network(account, Network::X)?;
        let base = account.server_url.as_deref().unwrap_or(X_API);
        let fresh = |times: TokenTimes| {
            times
                .expires_at
                .is_some_and(|at| at - Utc::now() > RENEW_BEFORE)
        };
        if fresh(self.store.token_times(&account.id).await?) {
            return self.x_api_with_stored_token(account, base).await;
        }
        let _one_at_a_time = RENEWING.lock().await;
        // Renewed while this waited?
        if fresh(self.store.token_times(&account.id).await?) {
            return self.x_api_with_stored_token(account, base).await;
        }
        let refresh = self
            .need_secret(account, SecretKind::RefreshToken, "X refresh token")
            .await?;
        let secret_key = SecretKey::new(&account.id, SecretKind::ClientSecret)?;
        let client_secret = self.secrets.get(&secret_key).await?;
        let app = XApp {
            client_id: self.store.account_client_id(&account.id).await?,
            client_secret: client_secret.as_ref().map(to_net),
            // Not used to renew.
            redirect_uri: String::new(),
        };
        let oauth = XOAuth::new(base, X_AUTHORIZE, app, self.timeout)?;
        let tokens = oauth.refresh(&to_net(&refresh)).await?;
        if let Some(next) = &tokens.refresh {
            self.put_secret(&account.id, SecretKind::RefreshToken, from_net(next))
                .await?;
        }
        self.put_secret(
            &account.id,
            SecretKind::OauthToken,
            from_net(&tokens.access),
        )
        .await?;
        let now = Utc::now();
        let times = TokenTimes {
            expires_at: chrono::TimeDelta::from_std(tokens.expires_in)
                .ok()
                .map(|d| now + d),
            renewed_at: Some(now),
        };
        self.store.set_token_times(&account.id, times).await?;
        Ok(XApi::new(base, tokens.access, self.timeout)?)
    }

    async fn x_api_with_stored_token(
        &self,
        account: &Account,
        base: &str,
    ) -> Result<XApi, AccountError> {
        let token = self
            .need_secret(account, SecretKind::OauthToken, "X access token")
            .await?;
        Ok(XApi::new(base, to_net(&token), self.timeout)?)
    }
}

impl crate::Store {
    /// The OAuth client id the account signed in with (not secret: it is in every
    /// authorize URL).
    async fn account_client_id(&self, account_id: &str) -> Result<String, AccountError> {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT client_id FROM accounts WHERE id = ?")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        row.and_then(|(id,)| id).ok_or_else(|| {
            AccountError::invalid(
                "X account",
                "it has no client id; sign in to X again (`ferry accounts add x …`)",
            )
        })
    }
}
