//! Posting to X through the person's own developer app (X API v2, pay-per-use).
//!
//! The person creates an app in X's Developer Console with OAuth 2.0 turned on (type "Native
//! App", a public client; or "Web App", a confidential one with a client secret), adds Ferry's
//! loopback callback `http://127.0.0.1:<port>/callback` to it, and gives Ferry the client id.
//! Signing in is OAuth 2.0 with PKCE ([`XOAuth`]); the access token lasts two hours and the
//! refresh token, which changes at every use, renews it.
//!
//! ```no_run
//! # async fn demo(oauth: ferry_networks::x::client::XOAuth, code: &str, pkce: ferry_networks::oauth::Pkce) -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::x::client::{NewPost, XApi, X_API};
//! let tokens = oauth.exchange_code(code, &pkce).await?; // keep tokens.refresh in the keychain
//! let api = XApi::new(X_API, tokens.access, std::time::Duration::from_secs(30))?;
//! let me = api.me().await?;
//! let picture = api.upload_image(std::fs::read("cat.png").unwrap(), "image/png").await?;
//! api.set_alt_text(&picture, "a cat asleep on a keyboard").await?;
//! let post = api.create_post(&NewPost { text: "你好 X".into(), reply_to: None, media_ids: vec![picture] }).await?;
//! println!("{}", ferry_networks::x::client::post_url(&me.username, &post.id));
//! # Ok(()) }
//! ```
//!
//! X has no idempotency key. A post whose answer was lost is looked for among the account's
//! own latest posts ([`XApi::recent_posts`], an "owned read" X charges little for); X itself
//! refuses the same text twice within hours, which [`is_duplicate`] recognises. Every write
//! costs money: [`crate::x::cost`] says how much before anything is sent.

mod answer;
mod media;
mod oauth;
mod posts;

use std::time::Duration;

use url::Url;

pub use answer::is_duplicate;
pub use oauth::{SCOPES, XApp, XOAuth, XTokens};
pub use posts::{CreatedPost, NewPost, RecentPost, XUser, post_url};

use crate::http::{ClientError, Secret, parse_base_url, shared_client};

/// The name errors carry.
pub const NETWORK: &str = "x";
/// X's API server (posts, media, tokens).
pub const X_API: &str = "https://api.x.com";
/// Where the person approves the app, in the browser.
pub const X_AUTHORIZE: &str = "https://x.com/i/oauth2/authorize";
/// An image X takes in a post: at most 5 MB.
pub const MAX_IMAGE_BYTES: u64 = 5 * 1024 * 1024;
/// Alt text: at most 1,000 characters.
pub const MAX_ALT_TEXT: usize = 1_000;

/// One access token's connection to the X API.
#[derive(Debug, Clone)]
pub struct XApi {
    http: reqwest::Client,
    base: Url,
    token: Secret,
}

impl XApi {
    /// `base` is the API server ([`X_API`]); `token` an OAuth 2.0 user access token.
    pub fn new(base: &str, token: Secret, timeout: Duration) -> Result<Self, ClientError> {
        Ok(XApi {
            http: shared_client(NETWORK, timeout)?,
            base: parse_base_url(NETWORK, "X API address", base)?,
            token,
        })
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// `…/2/<segments>`.
    fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().push("2").extend(segments);
        }
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_under_version_2_whatever_the_base() {
        for base in [
            "http://127.0.0.1:9",
            "http://127.0.0.1:9/",
            "http://127.0.0.1:9/x/",
        ] {
            let api = XApi::new(base, Secret::new("t"), Duration::from_secs(1)).unwrap();
            let url = api.url(&["users", "me"]);
            assert!(url.as_str().ends_with("/2/users/me"), "{url}");
        }
    }
}
