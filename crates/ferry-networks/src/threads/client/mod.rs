//! Posting to Threads through the person's own Meta app (the Threads API on
//! `graph.threads.net`).
//!
//! The person creates an app in Meta's developer dashboard with the Threads use case
//! (`threads_basic` and `threads_content_publish`), generates a long-lived user token there
//! (valid 60 days) and gives it to Ferry, which refreshes it before it runs out
//! ([`ThreadsApi::refresh_token`]). A post is made in two steps:
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::http::Secret;
//! use ferry_networks::threads::client::{NewContainer, Patience, ThreadsApi, THREADS_API};
//! let api = ThreadsApi::new(THREADS_API, Secret::new("TH…"), std::time::Duration::from_secs(30))?;
//! let me = api.me().await?;
//! let api = api.for_user(&me.id);
//! // 1. a container: nothing is visible yet; unpublished, it expires after 24 hours
//! let container = api.create_container(&NewContainer::text("你好 Threads", None)).await?;
//! // 2. wait until Meta has processed it, then publish it: the one step that shows the post
//! api.wait_until_ready(&container, Patience::default()).await?;
//! let post = api.publish(&container).await?;
//! println!("{:?}", api.post(&post).await?.permalink);
//! # Ok(()) }
//! ```
//!
//! The container is the idempotency key Threads lacks: a container publishes once, and its
//! status (`PUBLISHED` or not) says whether a publish whose answer was lost went through.
//! The token travels in the `Authorization` header (the refresh call alone needs it in the
//! query), and no URL goes into an error: errors name the operation only.

mod account;
mod answer;
mod publish;

use std::time::Duration;

use url::Url;

pub use account::{PostInfo, Profile, Quota, RefreshedToken, TOKEN_LIFETIME};
pub use publish::{ContainerState, ContainerStatus, NewContainer, Patience, PictureUrl};

use crate::http::{ClientError, Secret, parse_base_url, shared_client};

/// The name errors carry.
pub const NETWORK: &str = "threads";
/// Meta's Threads API server.
pub const THREADS_API: &str = "https://graph.threads.net";
/// The API version Ferry speaks.
const VERSION: &str = "v1.0";

/// One token's connection to the Threads API, acting for one user once [`Self::for_user`]
/// named them (`me` until then).
#[derive(Debug, Clone)]
pub struct ThreadsApi {
    http: reqwest::Client,
    base: Url,
    token: Secret,
    user: String,
}

impl ThreadsApi {
    /// `base` is the API server (`https://graph.threads.net`); `token` a long-lived user
    /// access token from the app's dashboard.
    pub fn new(base: &str, token: Secret, timeout: Duration) -> Result<Self, ClientError> {
        let base = parse_base_url(NETWORK, "Threads API address", base)?;
        check_token(&token)?;
        Ok(ThreadsApi {
            http: shared_client(NETWORK, timeout)?,
            base,
            token,
            user: "me".to_owned(),
        })
    }

    /// The same connection acting for the Threads user `id` (from [`Self::me`]).
    pub fn for_user(mut self, id: &str) -> Self {
        self.user = id.to_owned();
        self
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// `…/v1.0/<segments>`.
    fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().push(VERSION).extend(segments);
        }
        url
    }

    fn user_url(&self, edge: &str) -> Url {
        self.url(&[&self.user, edge])
    }
}

/// A Threads token is one long run of letters and digits (`THAA…`, some 200 characters).
/// Checked before any request, so a pasted app secret, user id or URL gets a clear error.
fn check_token(token: &Secret) -> Result<(), ClientError> {
    let text = token.expose();
    let ok = text.len() >= 20
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ClientError::InvalidInput {
            network: NETWORK,
            field: "access token".into(),
            detail: "this is not a Threads access token; generate a long-lived one in your \
                     Meta app's dashboard (Use cases → Threads API → Settings → User Token \
                     Generator) and paste all of it"
                .into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_versioned_and_a_wrong_token_is_refused_before_sending() {
        let token = Secret::new("THAAFakeTokenForTests0123456789");
        let api = ThreadsApi::new("http://127.0.0.1:9/", token, Duration::from_secs(1)).unwrap();
        assert_eq!(
            api.user_url("threads").as_str(),
            "http://127.0.0.1:9/v1.0/me/threads"
        );
        let api = api.for_user("1784");
        assert_eq!(
            api.user_url("threads_publish").as_str(),
            "http://127.0.0.1:9/v1.0/1784/threads_publish"
        );
        for bad in [
            "1784140000",
            "https://threads.net/@me",
            "app secret with spaces 123",
        ] {
            let err = ThreadsApi::new(THREADS_API, Secret::new(bad), Duration::from_secs(1))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("not a Threads access token") && !err.contains(bad),
                "{err}"
            );
        }
    }
}
