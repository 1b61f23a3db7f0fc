//! A FAKE X (Twitter) API v2 server on 127.0.0.1 — X runs no test server and none installs
//! from a registry. Written from X's public documentation, <https://docs.x.com>: the OAuth 2.0
//! Authorization Code Flow with PKCE (the consent page at `/i/oauth2/authorize`, tokens from
//! `POST /2/oauth2/token`, two-hour access tokens, one-use refresh tokens with
//! `offline.access`, confidential clients' Basic authorization), Create Post
//! (`POST /2/tweets`: text, `reply.in_reply_to_tweet_id`, `media.media_ids`), the user lookup
//! `GET /2/users/me`, the user's posts timeline `GET /2/users/:id/tweets`, media
//! (`POST /2/media/upload`, `POST /2/media/metadata` for alt text), the rate limits
//! (`x-rate-limit-limit`, `-remaining`, `-reset`, and 429) and the pay-per-usage pricing page
//! (each create, read and media-metadata call costs credits; none left answers 402).
//!
//! ```no_run
//! # async fn demo() {
//! use ferry_test_support::x_api::{CLIENT_ID, FakeXApi};
//! let api = FakeXApi::start().await; // API and consent page at api.base
//! // … send the browser to {base}/i/oauth2/authorize?client_id=CLIENT_ID&…&code_challenge=…,
//! // follow the 302 to the callback, redeem the code at {base}/2/oauth2/token, then post …
//! assert_eq!(api.posts().len(), 1);
//! # }
//! ```
//!
//! One account, [`USERNAME`] ([`USER_ID`]), and one app, [`CLIENT_ID`]. The consent page
//! doesn't wait for a person: it answers at once as if they had clicked "Authorize app",
//! redirecting to the callback with a code. Every `/2` call but the token one needs
//! `Authorization: Bearer <access token>` with the right scopes, and is charged to a balance
//! of credits ([`FakeXApi::spent`] lists the charges). The controls on [`FakeXApi`] set what
//! the tests can't cause from outside: a refused consent, a rate limit, a post whose answer
//! is lost after the write, an empty balance, revoked or expired tokens. For the E2E tests,
//! which run the `fake-x` binary: `GET /_fake/posts`, `GET /_fake/spent`,
//! `POST /_fake/fail-after-next` and `POST /_fake/credits` (`{"microDollars": N}`).
//!
//! It is a fake, not a copy: X's weighted text counting, videos, chunked uploads, other
//! accounts and paging are left out.

mod authorize;
mod controls;
mod errors;
mod ledger;
mod limits;
mod media;
mod posting;
mod random;
mod reading;
mod routes;
mod tokens;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use ledger::Charge;

/// The app's OAuth 2.0 client id (the Developer Console's "Client ID").
pub const CLIENT_ID: &str = "ferryFakeClientId0123456789";
/// The app's client secret: a confidential client sends it with Basic authorization; a
/// public client (a desktop app) sends only `client_id`.
pub const CLIENT_SECRET: &str = "ferryFakeClientSecret_abcdefghijklmnopqrstuvwxyz";
pub const USER_ID: &str = "1880000000000000001";
pub const USERNAME: &str = "ferry_writer";
pub const NAME: &str = "Ferry Writer";
/// Every scope the fake knows; asking for another is refused at the consent page.
pub const SCOPES: &str = "tweet.read tweet.write users.read offline.access media.write";

/// A post the fake created.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Posted {
    pub id: String,
    /// As sent (reads give it back escaped and with t.co links; this doesn't).
    pub text: String,
    /// The post this one replies to.
    pub reply_to: Option<String>,
    pub media: Vec<PostedMedia>,
    /// By the real clock (Ferry looks for a post whose answer was lost among those created
    /// after it began sending).
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// An uploaded image as it was attached, with the alt text it had then.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostedMedia {
    pub id: String,
    pub alt_text: Option<String>,
    pub byte_len: usize,
    pub sha256_hex: String,
    /// `image/png`, `image/jpeg`, `image/gif` or `image/webp`, from the file's first bytes.
    pub media_type: String,
}

/// A file `POST /2/media/upload` accepted.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Upload {
    pub id: String,
    pub byte_len: usize,
    pub sha256_hex: String,
    pub media_type: String,
}

pub(crate) struct Inner {
    /// The registered callback URLs; `None`: any `http://127.0.0.1:<port>/callback`.
    pub callbacks: Option<Vec<String>>,
    pub deny_next_authorization: bool,
    pub codes: HashMap<String, tokens::Grant>,
    pub access_tokens: HashMap<String, tokens::Access>,
    /// Refresh token → the scopes it grants.
    pub refresh_tokens: HashMap<String, String>,
    pub refreshes: usize,
    pub access_tokens_issued: usize,
    pub windows: limits::Windows,
    pub rate_limit_next: bool,
    pub ledger: ledger::Ledger,
    pub posts: Vec<Posted>,
    pub last_post_id: u64,
    pub media: Vec<media::Stored>,
    pub last_media_id: u64,
    pub refuse_next_upload: bool,
    pub fail_after_next_post: bool,
}

/// The router's state: the fake's memory.
#[derive(Clone)]
pub(crate) struct Fake {
    pub inner: Arc<Mutex<Inner>>,
}

/// The fake server, running until the test's runtime stops.
#[derive(Clone)]
pub struct FakeXApi {
    /// `http://127.0.0.1:<port>`: both the API's address (Ferry adds `/2/…`) and the consent
    /// page's (`/i/oauth2/authorize`), which are `api.x.com` and `x.com` for real.
    pub base: String,
    fake: Fake,
}

impl FakeXApi {
    pub async fn start() -> FakeXApi {
        FakeXApi::start_on("127.0.0.1:0").await
    }

    /// On a given address (the `fake-x` binary's).
    pub async fn start_on(addr: &str) -> FakeXApi {
        let inner = Inner {
            callbacks: None,
            deny_next_authorization: false,
            codes: HashMap::new(),
            access_tokens: HashMap::new(),
            refresh_tokens: HashMap::new(),
            refreshes: 0,
            access_tokens_issued: 0,
            windows: limits::Windows::default(),
            rate_limit_next: false,
            ledger: ledger::Ledger::new(),
            posts: Vec::new(),
            // X's ids are 19-digit snowflakes; these only have to look like them.
            last_post_id: 1_990_000_000_000_000_000,
            media: Vec::new(),
            last_media_id: 1_870_000_000_000_000_000,
            refuse_next_upload: false,
            fail_after_next_post: false,
        };
        let fake = Fake {
            inner: Arc::new(Mutex::new(inner)),
        };
        // Uploads up to 5 MB are allowed; a larger one must reach the size check (and get
        // X's 400) rather than axum's 2 MB default limit.
        let upload = post(routes::upload).layer(DefaultBodyLimit::max(16 << 20));
        let app = Router::new()
            .route("/i/oauth2/authorize", get(authorize::consent))
            .route("/2/oauth2/token", post(routes::token))
            .route("/2/users/me", get(routes::me))
            .route("/2/users/{id}/tweets", get(routes::user_posts))
            .route("/2/tweets", post(routes::create_post))
            .route("/2/media/upload", upload)
            .route("/2/media/metadata", post(routes::metadata))
            .route("/_fake/posts", get(controls::all_posts))
            .route("/_fake/spent", get(controls::all_spent))
            .route("/_fake/fail-after-next", post(controls::fail_after_next))
            .route("/_fake/credits", post(controls::credits))
            .with_state(fake.clone());
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .expect("bind the fake X API");
        let addr = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeXApi {
            base: format!("http://{addr}"),
            fake,
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.fake.inner.lock().unwrap()
    }
}

/// SHA-256 in lower-case hex: how the fake names a file's content.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
