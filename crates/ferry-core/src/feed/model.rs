//! What the feed commands return, as `ferry feed … --json` prints it (snake_case, the shape
//! issue 10 gives for `ferry feed list --json`).

use chrono::{DateTime, Utc};
use ferry_networks::rss::SourceHealth;
use serde::Serialize;
use ts_rs::TS;

/// Where a source's items come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SourceKind {
    /// An RSS, Atom or JSON Feed URL.
    Rss,
    /// A route on the user's own RSSHub (RedNote, Weibo, Douyin).
    Rsshub,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Rss => "rss",
            SourceKind::Rsshub => "rsshub",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<SourceKind> {
        match text {
            "rss" => Some(SourceKind::Rss),
            "rsshub" => Some(SourceKind::Rsshub),
            _ => None,
        }
    }
}

/// A feed source and how its last refresh went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FeedSource {
    pub id: String,
    pub kind: SourceKind,
    pub url: String,
    /// The feed's own title, once it has been fetched.
    pub title: Option<String>,
    /// `None` until the first refresh.
    pub health: Option<SourceHealth>,
    pub last_error: Option<String>,
    /// Consecutive failed refreshes.
    pub failures: u32,
    /// Due for a refresh from then on.
    pub next_fetch_at: DateTime<Utc>,
    pub last_fetched_at: Option<DateTime<Utc>>,
    /// Items kept in the cache.
    #[ts(type = "number")]
    pub items: u64,
    pub created_at: DateTime<Utc>,
}

/// One cached item of the merged feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FeedItem {
    #[ts(type = "number")]
    pub id: i64,
    /// `rss` for now; Mastodon, Bluesky and Nostr timelines will share this shape.
    pub network: String,
    pub source: ItemSource,
    pub author: ItemAuthor,
    pub title: Option<String>,
    /// Plain text (the sanitized HTML's text).
    pub text: String,
    /// Sanitized HTML, safe for the webview; `None` when the entry had no body.
    pub html: Option<String>,
    pub url: Option<String>,
    /// The language the feed declares, when it does.
    pub lang: Option<String>,
    pub published_at: DateTime<Utc>,
    pub fetched_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ItemSource {
    pub id: String,
    pub title: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ItemAuthor {
    pub name: Option<String>,
    /// Feeds have no handles; social timelines will fill this.
    pub handle: Option<String>,
}

/// What refreshing one source did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RefreshReport {
    pub source_id: String,
    pub url: String,
    pub health: SourceHealth,
    /// Items added to the cache by this refresh (0 on a 304).
    pub new_items: u32,
    /// What went wrong, when something did.
    pub error: Option<String>,
    pub next_fetch_at: DateTime<Utc>,
}

/// A page of the merged feed, newest first.
#[derive(Debug, Clone, Default)]
pub struct ItemQuery {
    /// At most this many (1 to [`crate::MAX_PAGE`]).
    pub limit: u32,
    pub offset: u32,
    /// Words that must all appear in the title, text or author (any case for Latin letters;
    /// Chinese words of any length, 渡 or 日出, match as substrings).
    pub search: Option<String>,
}
