//! Ferry's app registration on each Mastodon instance, made once and reused.
//!
//! `POST /api/v1/apps` is registered with two redirect URIs — the out-of-band one (the server
//! shows the code to paste) and a loopback `http://127.0.0.1:<port>/callback` — so one
//! registration serves both ways of signing in. The client id and the URIs are cached in
//! `mastodon_apps`; the client secret in the keychain under `app:<instance>`. A later sign-in
//! listens on the registered port again; only if that port is taken (or the secret is gone)
//! does Ferry register anew.

use ferry_networks::mastodon::client::{
    AppCredentials, LoopbackRedirect, MastodonServer, OOB_REDIRECT,
};
use url::Url;

use super::Accounts;
use super::error::AccountError;
use super::secret_bridge::{from_net, to_net};
use crate::clock;
use crate::secrets::{SecretKey, SecretKind};

pub(crate) const CLIENT_NAME: &str = "Ferry";
/// Only what Ferry calls: its own account (`verify_credentials`), statuses and scheduled
/// statuses read back (the home timeline, the checks after an unknown outcome), posting,
/// editing and deleting statuses, and uploading media. Never `follow`, `push`, `admin`, or the
/// whole of `read`/`write` (which would let a stolen token read direct messages, lists, blocks
/// and filters, or follow and report).
pub(crate) const SCOPES: &str = "read:accounts read:statuses write:statuses write:media";

/// The app to sign in with, and the listener when the code comes back through the browser.
pub(crate) struct SignInApp {
    pub app: AppCredentials,
    pub loopback: Option<LoopbackRedirect>,
}

impl Accounts {
    /// The cached registration for `server`, or a new one.
    pub(crate) async fn mastodon_app(
        &self,
        server: &MastodonServer,
        out_of_band: bool,
    ) -> Result<SignInApp, AccountError> {
        let instance = instance_key(server.base_url());
        if let Some(found) = self.cached_app(&instance, out_of_band).await? {
            return Ok(found);
        }
        let loopback = if out_of_band {
            None
        } else {
            Some(LoopbackRedirect::bind(ferry_networks::mastodon::client::NETWORK).await?)
        };
        let mut uris = vec![OOB_REDIRECT.to_owned()];
        uris.extend(loopback.as_ref().map(LoopbackRedirect::redirect_uri));
        let registered = server
            .register_app(CLIENT_NAME, &uris.join("\n"), SCOPES, None)
            .await?;
        let key = SecretKey::new(app_secret_owner(&instance), SecretKind::ClientSecret)?;
        self.secrets
            .set(&key, from_net(&registered.client_secret))
            .await?;
        sqlx::query(
            "INSERT INTO mastodon_apps (instance, client_id, redirect_uris, scopes, created_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (instance) DO UPDATE SET \
             client_id = excluded.client_id, redirect_uris = excluded.redirect_uris, \
             scopes = excluded.scopes, created_at = excluded.created_at",
        )
        .bind(&instance)
        .bind(&registered.client_id)
        .bind(uris.join("\n"))
        .bind(SCOPES)
        .bind(clock::to_db(clock::now()))
        .execute(&self.store.pool)
        .await
        .map_err(|e| self.store.db_err(e))?;
        let redirect_uri = uris.last().cloned().unwrap_or_else(|| OOB_REDIRECT.into());
        Ok(SignInApp {
            app: AppCredentials {
                redirect_uri,
                ..registered
            },
            loopback,
        })
    }

    async fn cached_app(
        &self,
        instance: &str,
        out_of_band: bool,
    ) -> Result<Option<SignInApp>, AccountError> {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT client_id, redirect_uris, scopes FROM mastodon_apps WHERE instance = ?",
        )
        .bind(instance)
        .fetch_optional(&self.store.pool)
        .await
        .map_err(|e| self.store.db_err(e))?;
        let Some((client_id, uris, scopes)) = row else {
            return Ok(None);
        };
        // A registration made by an older Ferry with wider scopes is replaced, so a new
        // sign-in never grants more than SCOPES.
        if scopes != SCOPES {
            return Ok(None);
        }
        let key = SecretKey::new(app_secret_owner(instance), SecretKind::ClientSecret)?;
        let Some(secret) = self.secrets.get(&key).await? else {
            return Ok(None);
        };
        let (redirect_uri, loopback) = if out_of_band {
            (OOB_REDIRECT.to_owned(), None)
        } else {
            let Some(port) = uris.lines().find_map(loopback_port) else {
                return Ok(None);
            };
            match LoopbackRedirect::bind_port(ferry_networks::mastodon::client::NETWORK, port).await
            {
                Ok(listener) => (listener.redirect_uri(), Some(listener)),
                // Another program holds the port now: register again with a free one.
                Err(_) => return Ok(None),
            }
        };
        Ok(Some(SignInApp {
            app: AppCredentials {
                client_id,
                client_secret: to_net(&secret),
                redirect_uri,
                scopes,
            },
            loopback,
        }))
    }
}

/// `scheme://host[:port]`: one registration per server, whatever path was typed.
pub(crate) fn instance_key(base: &Url) -> String {
    base.origin().ascii_serialization()
}

/// The keychain "account" the instance's client secret is filed under.
fn app_secret_owner(instance: &str) -> String {
    format!("app:{instance}")
}

fn loopback_port(uri: &str) -> Option<u16> {
    let url = Url::parse(uri).ok()?;
    (url.scheme() == "http" && url.host_str() == Some("127.0.0.1") && url.path() == "/callback")
        .then(|| url.port())
        .flatten()
}
