//! The account around the posts: who the token belongs to (`/me`), how much it may still post
//! (`threads_publishing_limit`: 250 posts and 1,000 replies in 24 hours), its recent posts
//! (to find one whose publish answer was lost), and a fresh token before the old one runs out.

use std::time::Duration;

use serde::Deserialize;

use super::ThreadsApi;
use crate::http::{ClientError, Effect, Secret};

/// A long-lived token lasts 60 days; a refresh starts the 60 days again.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(60 * 24 * 3600);

/// The token's owner.
#[derive(Debug, Clone, Deserialize)]
pub struct Profile {
    pub id: String,
    pub username: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// A published post, as far as Ferry reads it.
#[derive(Debug, Clone, Deserialize)]
pub struct PostInfo {
    pub id: String,
    #[serde(default)]
    pub permalink: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    /// ISO 8601 as Meta writes it (`2026-12-07T12:00:00+0000`).
    #[serde(default)]
    pub timestamp: Option<String>,
}

impl PostInfo {
    /// When it was published, if Meta said.
    pub fn published_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let text = self.timestamp.as_deref()?;
        chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z")
            .or_else(|_| chrono::DateTime::parse_from_rfc3339(text))
            .ok()
            .map(|t| t.to_utc())
    }
}

/// What the account has used of its publishing allowance in the current 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub posts_used: u32,
    pub posts_total: u32,
    pub replies_used: u32,
    pub replies_total: u32,
}

impl Quota {
    /// Whether one more post (or reply) fits.
    pub fn allows(&self, reply: bool) -> bool {
        if reply {
            self.replies_used < self.replies_total
        } else {
            self.posts_used < self.posts_total
        }
    }
}

/// A new token and how long it lasts.
#[derive(Debug, Clone)]
pub struct RefreshedToken {
    pub token: Secret,
    pub expires_in: Duration,
}

#[derive(Deserialize)]
struct Data<T> {
    data: Vec<T>,
}

#[derive(Deserialize)]
struct Limit {
    #[serde(default)]
    quota_usage: u32,
    #[serde(default)]
    config: Option<LimitConfig>,
    #[serde(default)]
    reply_quota_usage: u32,
    #[serde(default)]
    reply_config: Option<LimitConfig>,
}

#[derive(Deserialize)]
struct LimitConfig {
    quota_total: u32,
}

#[derive(Deserialize)]
struct Refreshed {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

impl ThreadsApi {
    pub async fn me(&self) -> Result<Profile, ClientError> {
        let request = self
            .http
            .get(self.url(&["me"]))
            .query(&[("fields", "id,username,name")]);
        self.call("reading the account", Effect::Read, request)
            .await
    }

    pub async fn quota(&self) -> Result<Quota, ClientError> {
        let request = self
            .http
            .get(self.user_url("threads_publishing_limit"))
            .query(&[(
                "fields",
                "quota_usage,config,reply_quota_usage,reply_config",
            )]);
        let limits: Data<Limit> = self
            .call("reading the publishing limit", Effect::Read, request)
            .await?;
        // No entry: Meta said nothing, so assume the documented allowance is untouched.
        let limit = limits.data.into_iter().next();
        Ok(Quota {
            posts_used: limit.as_ref().map_or(0, |l| l.quota_usage),
            posts_total: limit
                .as_ref()
                .and_then(|l| l.config.as_ref())
                .map_or(250, |c| c.quota_total),
            replies_used: limit.as_ref().map_or(0, |l| l.reply_quota_usage),
            replies_total: limit
                .as_ref()
                .and_then(|l| l.reply_config.as_ref())
                .map_or(1000, |c| c.quota_total),
        })
    }

    pub async fn post(&self, id: &str) -> Result<PostInfo, ClientError> {
        let request = self
            .http
            .get(self.url(&[id]))
            .query(&[("fields", "id,permalink,text,timestamp")]);
        self.call("reading a post", Effect::Read, request).await
    }

    /// The account's latest `limit` posts (`replies`: its latest replies), newest first.
    pub async fn recent(&self, replies: bool, limit: u32) -> Result<Vec<PostInfo>, ClientError> {
        let edge = if replies { "replies" } else { "threads" };
        let request = self.http.get(self.user_url(edge)).query(&[
            ("fields", "id,permalink,text,timestamp".to_owned()),
            ("limit", limit.clamp(1, 100).to_string()),
        ]);
        let page: Data<PostInfo> = self
            .call("reading recent posts", Effect::Read, request)
            .await?;
        Ok(page.data)
    }

    /// A new long-lived token for this one (which must be at least a day old and still
    /// valid). The old one keeps working until it expires, so losing the answer loses
    /// nothing.
    pub async fn refresh_token(&self) -> Result<RefreshedToken, ClientError> {
        let mut url = self.base.clone();
        url.set_path(&format!(
            "{}/refresh_access_token",
            self.base.path().trim_end_matches('/')
        ));
        // Meta reads the token from the query here; errors never carry the URL.
        let request = self.http.get(url).query(&[
            ("grant_type", "th_refresh_token"),
            ("access_token", self.token.expose()),
        ]);
        let refreshed: Refreshed = self
            .call("refreshing the token", Effect::Read, request)
            .await?;
        Ok(RefreshedToken {
            token: Secret::new(refreshed.access_token),
            expires_in: refreshed
                .expires_in
                .map_or(TOKEN_LIFETIME, Duration::from_secs),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_s_timestamps_read_and_quota_decides_per_kind() {
        let post = PostInfo {
            id: "1".into(),
            permalink: None,
            text: None,
            timestamp: Some("2026-12-07T12:00:00+0000".into()),
        };
        assert_eq!(
            post.published_at().unwrap().to_rfc3339(),
            "2026-12-07T12:00:00+00:00"
        );
        let quota = Quota {
            posts_used: 250,
            posts_total: 250,
            replies_used: 3,
            replies_total: 1000,
        };
        assert!(!quota.allows(false));
        assert!(quota.allows(true));
    }
}
