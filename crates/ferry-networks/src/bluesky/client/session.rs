//! Signing in to a PDS and staying signed in.
//!
//! `createSession` is rate-limited (a few dozen a day per account), so Ferry signs in once
//! with the app password, stores the two tokens, and from then on only refreshes: when the
//! access token expires the client calls `refreshSession`, which also rotates the refresh
//! token: give the client an [`OnRotate`] hook that stores the new tokens, which it runs
//! before any call uses them. A refresh token that is dead or revoked is an `Auth` error: the
//! person signs in again.

use std::future::Future;
use std::time::Duration;

use serde::Deserialize;
use serde_json::json;
use tokio::sync::Mutex;
use url::Url;

use super::NETWORK;
use crate::http::{
    ClientError, Effect, ResponseParts, Secret, classify_status, parse_base_url, read_json, send,
    send_capped, shared_client,
};

/// The tokens of one signed-in account. `Debug` shows no token.
#[derive(Debug, Clone)]
pub struct BlueskySession {
    pub did: String,
    pub handle: String,
    pub access_jwt: Secret,
    pub refresh_jwt: Secret,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionAnswer {
    did: String,
    handle: String,
    access_jwt: String,
    refresh_jwt: String,
}

impl From<SessionAnswer> for BlueskySession {
    fn from(a: SessionAnswer) -> Self {
        Self {
            did: a.did,
            handle: a.handle,
            access_jwt: Secret::new(a.access_jwt),
            refresh_jwt: Secret::new(a.refresh_jwt),
        }
    }
}

/// A signed-in account on its own PDS.
#[derive(Debug)]
pub struct BlueskyClient {
    pub(crate) http: reqwest::Client,
    pub(crate) pds: Url,
    pub(crate) session: Mutex<BlueskySession>,
    pub(crate) on_rotate: Option<OnRotate>,
}

/// Stores a rotated session; the future ends once it is stored (or storing failed).
pub type StoreRotation =
    dyn Fn(BlueskySession) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync;

/// Called with the new tokens after every `refreshSession`, before any call uses them: the
/// old refresh token is dead from that moment, so the new one must be stored first.
#[derive(Clone)]
pub struct OnRotate(pub std::sync::Arc<StoreRotation>);

impl std::fmt::Debug for OnRotate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnRotate")
    }
}

/// XRPC error names that mean "sign in again" (the PDS answers some of them with 400).
const AUTH_ERRORS: &[&str] = &[
    "ExpiredToken",
    "InvalidToken",
    "AuthenticationRequired",
    "AuthMissing",
    "AccountTakedown",
    "AccountDeactivated",
];

impl BlueskyClient {
    /// Signs in with a handle or email and an app password (`createSession`). Use once per
    /// account, then [`BlueskyClient::resume`] with the stored session.
    pub async fn login(
        pds_url: &str,
        identifier: &str,
        password: &Secret,
    ) -> Result<Self, ClientError> {
        let (http, pds) = connect(pds_url)?;
        let what = "com.atproto.server.createSession";
        let body = json!({ "identifier": identifier.trim().trim_start_matches('@'), "password": password.expose() });
        let request = http.post(xrpc_url(&pds, what)).json(&body);
        let answer = send(NETWORK, what, Effect::Read, request).await?;
        let session: SessionAnswer =
            read_json(NETWORK, what, Effect::Read, &answer).map_err(refine)?;
        Ok(Self {
            http,
            pds,
            session: Mutex::new(session.into()),
            on_rotate: None,
        })
    }

    /// A client over stored tokens; nothing is sent until the first call.
    pub fn resume(pds_url: &str, session: BlueskySession) -> Result<Self, ClientError> {
        let (http, pds) = connect(pds_url)?;
        Ok(Self {
            http,
            pds,
            session: Mutex::new(session),
            on_rotate: None,
        })
    }

    /// The same account with a different per-request time limit (30 s by default).
    pub fn with_timeout(self, timeout: Duration) -> Result<Self, ClientError> {
        Ok(Self {
            http: shared_client(NETWORK, timeout)?,
            ..self
        })
    }

    /// Stores each rotation through `hook` before the new tokens are used (see [`OnRotate`]).
    pub fn on_rotate(self, hook: OnRotate) -> Self {
        Self {
            on_rotate: Some(hook),
            ..self
        }
    }

    /// The current tokens (they change when the client refreshes): store them.
    pub async fn session(&self) -> BlueskySession {
        self.session.lock().await.clone()
    }

    pub async fn did(&self) -> String {
        self.session.lock().await.did.clone()
    }

    /// Trades the refresh token for new tokens (`refreshSession`).
    pub async fn refresh(&self) -> Result<(), ClientError> {
        let what = "com.atproto.server.refreshSession";
        let mut session = self.session.lock().await;
        let request = self
            .http
            .post(xrpc_url(&self.pds, what))
            .bearer_auth(session.refresh_jwt.expose());
        let answer = send(NETWORK, what, Effect::Read, request).await?;
        let fresh: SessionAnswer =
            read_json(NETWORK, what, Effect::Read, &answer).map_err(refine)?;
        *session = fresh.into();
        // Still holding the session: no call can use the new tokens before they are stored.
        if let Some(hook) = &self.on_rotate {
            (hook.0)(session.clone()).await;
        }
        Ok(())
    }

    /// Signs out: revokes the refresh token (`deleteSession`).
    pub async fn logout(&self) -> Result<(), ClientError> {
        let what = "com.atproto.server.deleteSession";
        let session = self.session.lock().await;
        let request = self
            .http
            .post(xrpc_url(&self.pds, what))
            .bearer_auth(session.refresh_jwt.expose());
        let answer = send(NETWORK, what, Effect::Write, request).await?;
        if answer.is_success() {
            Ok(())
        } else {
            Err(refine(classify_status(NETWORK, what, &answer)))
        }
    }

    /// Sends an authenticated XRPC call built by `build` (given the URL and access token);
    /// when the access token has expired, refreshes once and sends it again. Safe for writes:
    /// an expired-token answer means the PDS did nothing.
    pub(crate) async fn call(
        &self,
        nsid: &str,
        effect: Effect,
        build: impl Fn(Url, &Secret) -> reqwest::RequestBuilder,
    ) -> Result<ResponseParts, ClientError> {
        self.call_capped(nsid, effect, usize::MAX, build).await
    }

    /// [`Self::call`], refusing an answer longer than `max_bytes` (reads of other people's
    /// content, whose size the PDS and AppView don't bound for us).
    pub(crate) async fn call_capped(
        &self,
        nsid: &str,
        effect: Effect,
        max_bytes: usize,
        build: impl Fn(Url, &Secret) -> reqwest::RequestBuilder,
    ) -> Result<ResponseParts, ClientError> {
        let send = |access: Secret| {
            send_capped(
                NETWORK,
                nsid,
                effect,
                build(xrpc_url(&self.pds, nsid), &access),
                max_bytes,
            )
        };
        let access = self.session.lock().await.access_jwt.clone();
        let answer = send(access).await?;
        if !is_expired(&answer) {
            return Ok(answer);
        }
        self.refresh().await?;
        let access = self.session.lock().await.access_jwt.clone();
        send(access).await
    }
}

fn connect(pds_url: &str) -> Result<(reqwest::Client, Url), ClientError> {
    let pds = parse_base_url(NETWORK, "PDS address", pds_url)?;
    Ok((shared_client(NETWORK, Duration::from_secs(30))?, pds))
}

pub(crate) fn xrpc_url(pds: &Url, nsid: &str) -> Url {
    let mut url = pds.clone();
    url.set_path(&format!("/xrpc/{nsid}"));
    url
}

fn is_expired(answer: &ResponseParts) -> bool {
    matches!(answer.status, 400 | 401) && xrpc_error_name(answer).as_deref() == Some("ExpiredToken")
}

pub(crate) fn xrpc_error_name(answer: &ResponseParts) -> Option<String> {
    let json: serde_json::Value = serde_json::from_slice(&answer.body).ok()?;
    json.get("error")?.as_str().map(str::to_owned)
}

/// Bluesky's token errors come as 400 `{"error":"ExpiredToken"}`: they are `Auth` errors.
pub(crate) fn refine(err: ClientError) -> ClientError {
    match err {
        ClientError::Rejected {
            network,
            what,
            detail,
            ..
        } if AUTH_ERRORS.iter().any(|name| detail.contains(name)) => ClientError::Auth {
            network,
            what,
            detail,
        },
        other => other,
    }
}
