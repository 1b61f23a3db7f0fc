//! The unauthenticated side of a Mastodon server: its limits, app registration and the
//! OAuth token exchange.

use std::time::Duration;

use serde::Serialize;
use url::Url;

use super::NETWORK;
use super::oauth::{self, AppCredentials};
use super::statuses::MastodonClient;
use super::types::{Instance, RegisteredApp, TokenAnswer};
use crate::http::{ClientError, Effect, Secret, parse_base_url, read_json, send, shared_client};
use crate::oauth::Pkce;

/// A Mastodon-API server by its address (`https://mastodon.social`).
#[derive(Debug, Clone)]
pub struct MastodonServer {
    pub(crate) http: reqwest::Client,
    pub(crate) base: Url,
}

/// What the server allows, to cache per account and hand to the counter and to image
/// preparation. Defaults are Mastodon's own when a server doesn't say.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstanceLimits {
    pub max_characters: u64,
    pub max_media_attachments: u64,
    pub characters_reserved_per_url: u64,
    /// Bytes; `None` when the server doesn't say.
    pub image_size_limit: Option<u64>,
    /// Width × height in pixels.
    pub image_matrix_limit: Option<u64>,
    pub description_limit: Option<u64>,
    pub version: Option<String>,
}

impl Instance {
    /// The limits this answer states, with Mastodon's defaults for what it leaves out
    /// (Pleroma/Akkoma's v1 `max_toot_chars` counts too).
    pub fn limits(&self) -> InstanceLimits {
        let config = self.configuration.clone().unwrap_or_default();
        let statuses = config.statuses.unwrap_or_default();
        let media = config.media_attachments.unwrap_or_default();
        InstanceLimits {
            max_characters: statuses
                .max_characters
                .or(self.max_toot_chars)
                .unwrap_or(500),
            max_media_attachments: statuses.max_media_attachments.unwrap_or(4),
            characters_reserved_per_url: statuses.characters_reserved_per_url.unwrap_or(23),
            image_size_limit: media.image_size_limit,
            image_matrix_limit: media.image_matrix_limit,
            description_limit: media.description_limit,
            version: self.version.clone(),
        }
    }
}

impl MastodonServer {
    /// `base_url` must be an http(s) address; a path, if any, is ignored.
    pub fn new(base_url: &str) -> Result<Self, ClientError> {
        Self::with_timeout(base_url, Duration::from_secs(30))
    }

    pub fn with_timeout(base_url: &str, timeout: Duration) -> Result<Self, ClientError> {
        let base = parse_base_url(NETWORK, "server address", base_url)?;
        Ok(Self {
            http: shared_client(NETWORK, timeout)?,
            base,
        })
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// The client for one signed-in account.
    pub fn client(&self, token: Secret) -> MastodonClient {
        MastodonClient::new(self.clone(), token)
    }

    pub(crate) fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }

    /// `path` followed by `id` as one percent-encoded segment, so an id from a server or a
    /// database can't reach another route.
    pub(crate) fn url_with_id(&self, path: &str, id: &str) -> Url {
        let mut url = self.url(path);
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.push(id);
        }
        url
    }

    /// `/api/v2/instance`, falling back to `/api/v1/instance` on servers without v2.
    pub async fn instance_limits(&self) -> Result<InstanceLimits, ClientError> {
        let what = "GET /api/v2/instance";
        let v2 = send(
            NETWORK,
            what,
            Effect::Read,
            self.http.get(self.url("/api/v2/instance")),
        )
        .await?;
        if v2.status != 404 {
            return Ok(read_json::<Instance>(NETWORK, what, Effect::Read, &v2)?.limits());
        }
        let what = "GET /api/v1/instance";
        let v1 = send(
            NETWORK,
            what,
            Effect::Read,
            self.http.get(self.url("/api/v1/instance")),
        )
        .await?;
        Ok(read_json::<Instance>(NETWORK, what, Effect::Read, &v1)?.limits())
    }

    /// Registers Ferry as an app with `redirect_uri` ([`oauth::OOB_REDIRECT`] or a loopback
    /// URI) and space-separated `scopes` (e.g. `"read write"`).
    pub async fn register_app(
        &self,
        client_name: &str,
        redirect_uri: &str,
        scopes: &str,
        website: Option<&str>,
    ) -> Result<AppCredentials, ClientError> {
        let what = "POST /api/v1/apps";
        let mut form = vec![
            ("client_name", client_name),
            ("redirect_uris", redirect_uri),
            ("scopes", scopes),
        ];
        if let Some(site) = website {
            form.push(("website", site));
        }
        let request = self.http.post(self.url("/api/v1/apps")).form(&form);
        let answer = send(NETWORK, what, Effect::Write, request).await?;
        let app: RegisteredApp = read_json(NETWORK, what, Effect::Read, &answer)?;
        Ok(AppCredentials {
            client_id: app.client_id,
            client_secret: Secret::new(app.client_secret),
            redirect_uri: redirect_uri.to_owned(),
            scopes: scopes.to_owned(),
        })
    }

    /// Where to send the person's browser.
    pub fn authorize_url(&self, app: &AppCredentials, pkce: &Pkce, state: &str) -> Url {
        oauth::authorize_url(&self.base, app, pkce, state)
    }

    /// Trades the code from the redirect (or the pasted one) for an access token.
    pub async fn exchange_code(
        &self,
        app: &AppCredentials,
        code: &str,
        pkce: &Pkce,
    ) -> Result<Secret, ClientError> {
        let what = "POST /oauth/token";
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.trim()),
            ("client_id", app.client_id.as_str()),
            ("client_secret", app.client_secret.expose()),
            ("redirect_uri", app.redirect_uri.as_str()),
            ("code_verifier", pkce.verifier().expose()),
            ("scope", app.scopes.as_str()),
        ];
        let answer = send(
            NETWORK,
            what,
            Effect::Read,
            self.http.post(self.url("/oauth/token")).form(&form),
        )
        .await?;
        if answer.status == 400 || answer.status == 401 {
            // RFC 6749 §5.2: a bad code or client is `invalid_grant` / `invalid_client`.
            return Err(ClientError::Auth {
                network: NETWORK,
                what: what.into(),
                detail: "the server refused the authorization code (expired, already used, or for another app); sign in again".into(),
            });
        }
        let token: TokenAnswer = read_json(NETWORK, what, Effect::Read, &answer)?;
        tracing::debug!(scope = ?token.scope, "mastodon: signed in");
        Ok(Secret::new(token.access_token))
    }

    /// Revokes a token (signing out); the token is dead afterwards.
    pub async fn revoke_token(
        &self,
        app: &AppCredentials,
        token: &Secret,
    ) -> Result<(), ClientError> {
        let what = "POST /oauth/revoke";
        let form = [
            ("client_id", app.client_id.as_str()),
            ("client_secret", app.client_secret.expose()),
            ("token", token.expose()),
        ];
        let answer = send(
            NETWORK,
            what,
            Effect::Write,
            self.http.post(self.url("/oauth/revoke")).form(&form),
        )
        .await?;
        read_json::<serde_json::Value>(NETWORK, what, Effect::Read, &answer).map(|_| ())
    }
}
