//! X accounts: the person's own X developer app (OAuth 2.0 turned on, Ferry's loopback
//! callback registered in it) and a sign-in in the browser with PKCE.
//!
//! ```no_run
//! # async fn demo(accounts: ferry_core::accounts::Accounts) -> Result<(), ferry_core::accounts::AccountError> {
//! use ferry_core::accounts::StartX;
//! let mut sign_in = accounts.start_x_sign_in(StartX {
//!     client_id: "M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ".into(),
//!     ..StartX::default()
//! }).await?;
//! // register sign_in.started().redirect_uri in the app first, then:
//! println!("open {}", sign_in.started().authorize_url);
//! let code = sign_in.wait_for_code(std::time::Duration::from_secs(600)).await?;
//! let added = sign_in.finish(&code).await?;
//! # drop(added); Ok(()) }
//! ```
//!
//! X matches the callback exactly, port included, so the sign-in listens on a fixed port
//! ([`DEFAULT_X_PORT`] unless the person chose another) that they register once. The access
//! token (two hours), the refresh token and a confidential app's client secret go to the
//! keychain; renewing them is `x_tokens.rs`.

use std::time::Duration;

use chrono::Utc;
use ferry_networks::oauth::{LoopbackRedirect, Pkce, random_state};
use ferry_networks::x::client::{NETWORK, X_API, X_AUTHORIZE, XApi, XApp, XOAuth};
use ferry_networks::x::cost::{PRICES_AS_OF, price, usd};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Accounts;
use super::error::AccountError;
use super::model::AddedAccount;
use super::rows::NewAccount;
use super::secret_bridge::from_net;
use super::token_times::TokenTimes;
use crate::model::{LangTag, Network};
use crate::secrets::{Secret, SecretKey, SecretKind};

/// The loopback port Ferry listens on for X's answer unless told otherwise:
/// register `http://127.0.0.1:8717/callback` in the app.
pub const DEFAULT_X_PORT: u16 = 8717;

/// Starting an X sign-in. `Debug` never shows the client secret.
#[derive(Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartX {
    /// The app's OAuth 2.0 Client ID (Keys and tokens in X's Developer Console).
    pub client_id: String,
    /// Only for a confidential ("Web App") client.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// The loopback port registered in the app's callback URL; `None`: [`DEFAULT_X_PORT`].
    #[serde(default)]
    pub port: Option<u16>,
    /// Another API server (tests); `None`: X's.
    #[serde(default)]
    pub api_url: Option<String>,
    /// Another consent page (tests); `None`: X's.
    #[serde(default)]
    pub authorize_url: Option<String>,
    #[serde(default)]
    pub audience: Vec<LangTag>,
}

impl std::fmt::Debug for StartX {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StartX")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("port", &self.port)
            .field("api_url", &self.api_url)
            .field("authorize_url", &self.authorize_url)
            .finish()
    }
}

/// What the UI shows while the person approves the app in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct XSignInStarted {
    pub authorize_url: String,
    /// The callback URL the app must have registered, exactly.
    pub redirect_uri: String,
}

/// An X sign-in in progress; dropping it stops the listener.
#[derive(Debug)]
pub struct XSignIn {
    accounts: Accounts,
    oauth: XOAuth,
    api_url: String,
    pkce: Pkce,
    state: String,
    loopback: Option<LoopbackRedirect>,
    audience: Vec<LangTag>,
    started: XSignInStarted,
}

fn or_default<'a>(given: Option<&'a str>, default: &'a str) -> &'a str {
    given
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .unwrap_or(default)
}

impl Accounts {
    /// Listens on the loopback port and prepares PKCE. Nothing is stored until
    /// [`XSignIn::finish`].
    pub async fn start_x_sign_in(&self, start: StartX) -> Result<XSignIn, AccountError> {
        let port = start.port.unwrap_or(DEFAULT_X_PORT);
        if port == 0 {
            return Err(AccountError::invalid(
                "callback port",
                "X needs the exact port registered in the app; choose one from 1024 to 65535",
            ));
        }
        let loopback = LoopbackRedirect::bind_port(NETWORK, port)
            .await
            .map_err(|_| {
                AccountError::invalid(
                    "callback port",
                    format!(
                        "port {port} on 127.0.0.1 is in use; close what uses it, or choose another \
                     port and register http://127.0.0.1:<port>/callback in your X app"
                    ),
                )
            })?;
        let app = XApp {
            client_id: start.client_id.trim().to_owned(),
            client_secret: start
                .client_secret
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(ferry_networks::http::Secret::new),
            redirect_uri: loopback.redirect_uri(),
        };
        let api_url = or_default(start.api_url.as_deref(), X_API).to_owned();
        let authorize = or_default(start.authorize_url.as_deref(), X_AUTHORIZE);
        let oauth = XOAuth::new(&api_url, authorize, app, self.timeout)?;
        let (pkce, state) = (Pkce::generate()?, random_state()?);
        let started = XSignInStarted {
            authorize_url: oauth.authorize_url(&pkce, &state).to_string(),
            redirect_uri: oauth.app().redirect_uri.clone(),
        };
        Ok(XSignIn {
            accounts: self.clone(),
            oauth,
            api_url,
            pkce,
            state,
            loopback: Some(loopback),
            audience: start.audience,
            started,
        })
    }
}

impl XSignIn {
    pub fn started(&self) -> &XSignInStarted {
        &self.started
    }

    /// Waits for the browser to come back to the loopback callback with the code.
    pub async fn wait_for_code(&mut self, timeout: Duration) -> Result<String, AccountError> {
        let listener = self.loopback.take().ok_or_else(|| {
            AccountError::invalid("X sign-in", "this sign-in already waited for its code")
        })?;
        Ok(listener.wait_for_code(&self.state, timeout).await?)
    }

    /// Trades the code for tokens, reads who signed in and stores the account (updating it
    /// when it was here before).
    pub async fn finish(self, code: &str) -> Result<AddedAccount, AccountError> {
        if code.trim().is_empty() {
            return Err(AccountError::invalid("X authorization code", "it is empty"));
        }
        let tokens = self.oauth.exchange_code(code, &self.pkce).await?;
        let Some(refresh) = tokens.refresh.as_ref() else {
            return Err(AccountError::invalid(
                "X sign-in",
                "X gave no refresh token (offline.access was not granted); sign in again and \
                 allow every permission",
            ));
        };
        let api = XApi::new(&self.api_url, tokens.access.clone(), self.accounts.timeout)?;
        let me = api.me().await?;
        let app = self.oauth.app();
        let new = NewAccount {
            network: Network::X,
            handle: format!("@{}", me.username),
            display_name: me.name.clone(),
            server_url: Some(api.base().as_str().trim_end_matches('/').to_owned()),
            remote_id: me.id.clone(),
            audience: self.audience,
            limits: None,
            relays: Vec::new(),
            client_id: Some(app.client_id.clone()),
        };
        let accounts = &self.accounts;
        let id = match accounts.store.existing_account_id(&new).await? {
            Some(id) => id,
            None => uuid::Uuid::now_v7().to_string(),
        };
        // The refresh token first: it is the one that can't be had again without the person.
        accounts
            .put_secret(&id, SecretKind::RefreshToken, from_net(refresh))
            .await?;
        accounts
            .put_secret(&id, SecretKind::OauthToken, from_net(&tokens.access))
            .await?;
        match &app.client_secret {
            Some(secret) => {
                accounts
                    .put_secret(&id, SecretKind::ClientSecret, Secret::new(secret.expose()))
                    .await?
            }
            None => {
                let key = SecretKey::new(&id, SecretKind::ClientSecret)?;
                accounts.secrets.delete(&key).await?;
            }
        }
        let account = accounts.store.upsert_account(&id, &new).await?;
        let now = Utc::now();
        let lasts = chrono::TimeDelta::from_std(tokens.expires_in).ok();
        let times = TokenTimes {
            expires_at: lasts.map(|d| now + d),
            renewed_at: Some(now),
        };
        accounts.store.set_token_times(&id, times).await?;
        let warnings = vec![format!(
            "X charges your app's credits for every post: about {} each, {} with a link \
             (X's prices on {PRICES_AS_OF}; the Developer Console has today's). New drafts \
             leave X off until you turn it on",
            usd(price::POST),
            usd(price::POST_WITH_LINK)
        )];
        Ok(AddedAccount { account, warnings })
    }
}
