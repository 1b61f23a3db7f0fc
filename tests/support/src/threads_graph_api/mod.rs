//! A FAKE Threads API server (Meta's Threads Graph API) on 127.0.0.1 — Meta runs no test
//! server and none installs from a registry. Written from Meta's Threads API documentation,
//! <https://developers.facebook.com/docs/threads>: posts (a media container made with
//! `POST /v1.0/{user}/threads`, its `status` polled with `GET /v1.0/{id}`, then published
//! with `POST /v1.0/{user}/threads_publish`; text, image and carousel posts, replies by
//! `reply_to_id`; text up to 500 characters, carousels of 2–20 items), troubleshooting
//! (Graph's `{"error": …}` envelope, the container statuses `IN_PROGRESS` `FINISHED` `ERROR`
//! `EXPIRED` `PUBLISHED`, "the media is not ready for publishing"), the publishing limit
//! (`GET /v1.0/{user}/threads_publishing_limit`: 250 posts and 1000 replies in 24 hours) and
//! long-lived tokens (`GET /refresh_access_token?grant_type=th_refresh_token`).
//!
//! ```no_run
//! # async fn demo() {
//! use ferry_test_support::threads_graph_api::{FakeThreadsApi, GOOD_TOKEN};
//! let api = FakeThreadsApi::start().await; // Graph at api.base, token GOOD_TOKEN
//! // … create a TEXT container, poll its status, publish it …
//! assert_eq!(api.posts().len(), 1);
//! # }
//! ```
//!
//! One account, [`USERNAME`] ([`USER_ID`], also reached as `me`). Parameters come in the
//! query string, a URL-encoded form or a JSON body; the token as `access_token` or
//! `Authorization: Bearer`. The controls on [`FakeThreadsApi`] set what the tests can't
//! cause from outside: a rate limit, a publish whose answer breaks after the write, a
//! nearly used-up quota, slow media processing, an expired container, revoked tokens. For the
//! E2E tests, which run the `fake-threads` binary: `GET /_fake/posts` lists what was
//! published, and `POST /_fake/fail-after-next` is [`FakeThreadsApi::fail_after_next_publish`].

mod containers;
mod errors;
mod params;
mod publishing;
mod reading;
mod routes;
mod tokens;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::{get, post};

/// The one token accepted at start (tokens from `refresh_access_token` join it).
pub const GOOD_TOKEN: &str = "THFakeLongLivedToken_ferry_0123456789abcdef";
pub const USER_ID: &str = "17841400000000001";
pub const USERNAME: &str = "ferry_writer";

/// A post the fake published.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub id: String,
    /// The container it was published from.
    pub container_id: String,
    /// `TEXT`, `IMAGE` or `CAROUSEL`: the `media_type` the container was made with.
    pub media_type: String,
    pub text: String,
    /// The post this one replies to.
    pub reply_to: Option<String>,
    pub permalink: String,
    /// When it was published, by the real clock (Ferry looks for a post whose answer was
    /// lost among those published after it began sending).
    pub published_at: chrono::DateTime<chrono::Utc>,
    /// The image, or the carousel's in order; empty for a text post.
    pub images: Vec<PublishedImage>,
}

/// An image as the fake fetched it from the container's `image_url`.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedImage {
    pub url: String,
    pub alt_text: Option<String>,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub byte_len: usize,
}

/// A media container, from creation to publishing.
pub(crate) struct Container {
    /// `TEXT`, `IMAGE` or `CAROUSEL`.
    pub media_type: &'static str,
    pub is_carousel_item: bool,
    pub text: String,
    pub reply_to: Option<String>,
    pub image: Option<PublishedImage>,
    pub children: Vec<String>,
    /// Status reads still to answer `IN_PROGRESS`: Meta processes media after answering.
    pub polls_left: u32,
    /// Why processing failed (the status's `error_message`).
    pub failure: Option<&'static str>,
    pub expired: bool,
    pub published: bool,
}

impl Container {
    /// The status as it stands, without counting a read.
    pub fn status(&self) -> &'static str {
        match self {
            c if c.published => "PUBLISHED",
            c if c.expired => "EXPIRED",
            c if c.polls_left > 0 => "IN_PROGRESS",
            c if c.failure.is_some() => "ERROR",
            _ => "FINISHED",
        }
    }
}

pub(crate) struct Inner {
    pub containers: HashMap<String, Container>,
    pub posts: Vec<Published>,
    /// Containers and posts share one sequence, so no post id is ever a container id.
    pub next_id: u64,
    pub quota_usage: u32,
    pub reply_quota_usage: u32,
    pub polls_until_finished: u32,
    pub fail_after_next_publish: bool,
    pub rate_limit_next: bool,
    pub revoked: bool,
    /// A token that survives the revocation (one renewed before it).
    pub spared: Option<String>,
    pub tokens_issued: Vec<String>,
    pub containers_created: usize,
    pub status_reads: usize,
}

impl Inner {
    pub fn new_id(&mut self) -> String {
        self.next_id += 1;
        self.next_id.to_string()
    }
}

/// The router's state: the fake's memory, and the client it fetches `image_url`s with.
#[derive(Clone)]
pub(crate) struct Fake {
    pub inner: Arc<Mutex<Inner>>,
    pub http: reqwest::Client,
}

/// The fake server, running until the test's runtime stops.
#[derive(Clone)]
pub struct FakeThreadsApi {
    /// `http://127.0.0.1:<port>`: the Graph address to give Ferry (it adds `/v1.0/…`).
    pub base: String,
    fake: Fake,
}

impl FakeThreadsApi {
    pub async fn start() -> FakeThreadsApi {
        FakeThreadsApi::start_on("127.0.0.1:0").await
    }

    /// On a given address (the `fake-threads` binary's).
    pub async fn start_on(addr: &str) -> FakeThreadsApi {
        let inner = Inner {
            containers: HashMap::new(),
            posts: Vec::new(),
            // Threads media ids are 17-digit numbers.
            next_id: 17_900_000_000_000_000,
            quota_usage: 0,
            reply_quota_usage: 0,
            polls_until_finished: 1,
            fail_after_next_publish: false,
            rate_limit_next: false,
            revoked: false,
            spared: None,
            tokens_issued: Vec::new(),
            containers_created: 0,
            status_reads: 0,
        };
        // The images come from a 127.0.0.1 server: a proxy from the environment must not
        // take those requests elsewhere.
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .no_proxy()
            .build()
            .expect("the fake's HTTP client");
        let fake = Fake {
            inner: Arc::new(Mutex::new(inner)),
            http,
        };
        let app = Router::new()
            .route("/v1.0/{node}", get(routes::get_node))
            .route(
                "/v1.0/{node}/{edge}",
                get(routes::get_edge).post(routes::post_edge),
            )
            .route("/refresh_access_token", get(routes::refresh))
            .route("/_fake/posts", get(routes::all_posts))
            .route("/_fake/fail-after-next", post(routes::fail_after_next))
            .with_state(fake.clone());
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .expect("bind the fake Threads API");
        let addr = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeThreadsApi {
            base: format!("http://{addr}"),
            fake,
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.fake.inner.lock().unwrap()
    }

    /// Published posts (replies too), oldest first.
    pub fn posts(&self) -> Vec<Published> {
        self.inner().posts.clone()
    }

    pub fn containers_created(&self) -> usize {
        self.inner().containers_created
    }

    /// How many times a container was read (`GET /v1.0/{container id}`): how much polling.
    pub fn status_reads(&self) -> usize {
        self.inner().status_reads
    }

    /// The next `threads_publish` publishes, then answers 500 with an HTML page, as a Graph
    /// whose answer broke after the write: the client can't know the post went out.
    pub fn fail_after_next_publish(&self) {
        self.inner().fail_after_next_publish = true;
    }

    /// The next POST (container or publish) is refused as rate limited and writes nothing.
    pub fn rate_limit_next(&self) {
        self.inner().rate_limit_next = true;
    }

    /// Posts published in the current 24 hours (of `quota_total` 250).
    pub fn set_quota_usage(&self, used: u32) {
        self.inner().quota_usage = used;
    }

    /// Containers created from now on with an image (and carousels) answer `IN_PROGRESS` to
    /// their first `n` status reads (default 1); text containers are `FINISHED` at once.
    pub fn set_polls_until_finished(&self, n: u32) {
        self.inner().polls_until_finished = n;
    }

    /// The container's status becomes `EXPIRED` (Meta's containers expire after 24 hours);
    /// publishing it is refused. Panics on an unknown id: the test is wrong.
    pub fn expire_container(&self, id: &str) {
        let mut inner = self.inner();
        let container = inner.containers.get_mut(id).expect("a container's id");
        container.expired = true;
    }

    /// Every token stops working (error 190), as when the user changes their password.
    pub fn revoke_tokens(&self) {
        self.inner().revoked = true;
    }

    /// Every token but `kept` stops working: the older ones died, the renewed one lives.
    pub fn revoke_tokens_except(&self, kept: &str) {
        let mut inner = self.inner();
        inner.revoked = true;
        inner.spared = Some(kept.to_owned());
    }

    /// The tokens `refresh_access_token` handed out, in order.
    pub fn tokens_issued(&self) -> Vec<String> {
        self.inner().tokens_issued.clone()
    }
}

/// `me` or the account's id: the only user node there is.
pub(crate) fn is_user(node: &str) -> bool {
    node == "me" || node == USER_ID
}
