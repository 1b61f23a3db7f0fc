//! What the feed commands return, as `ferry feed … --json` prints it (snake_case, the shape
//! issue 10 gives for `ferry feed list --json`).

use chrono::{DateTime, Utc};
use ferry_networks::rss::SourceHealth;
use serde::{Deserialize, Serialize};
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
    /// One of the user's accounts: its Mastodon home timeline, its Nostr follows. Added and
    /// removed with the account.
    Account,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Rss => "rss",
            SourceKind::Rsshub => "rsshub",
            SourceKind::Account => "account",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<SourceKind> {
        match text {
            "rss" => Some(SourceKind::Rss),
            "rsshub" => Some(SourceKind::Rsshub),
            "account" => Some(SourceKind::Account),
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
    /// `rss` for feeds and RSSHub routes, else the account's network (`mastodon`, `nostr`).
    pub network: String,
    /// For an account source: the account.
    pub account_id: Option<String>,
    /// The feed's address; for an account, its profile address (or `nostr:npub…`).
    pub url: String,
    /// The feed's own title, once it has been fetched; for an account, its handle.
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
    /// Places where a refresh could not reach the posts it had before, so some may be
    /// missing (newest first).
    pub gaps: Vec<FeedGap>,
    pub created_at: DateTime<Utc>,
}

/// Posts published between `newer_than` and `older_than` may be missing from the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FeedGap {
    #[ts(type = "number")]
    pub id: i64,
    pub newer_than: Option<DateTime<Utc>>,
    pub older_than: DateTime<Utc>,
    /// False for a gap recorded before Ferry could load gaps: it can only be dismissed.
    pub loadable: bool,
}

/// What loading (part of) a gap did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GapReport {
    #[ts(type = "number")]
    pub gap_id: i64,
    pub source_id: String,
    /// Posts added to the cache.
    pub new_items: u32,
    /// True when the load reached the posts before the gap: the gap is gone. False when
    /// there was more than one load may bring: what is left stays a (smaller) gap.
    pub closed: bool,
}

/// One cached item of the merged feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FeedItem {
    #[ts(type = "number")]
    pub id: i64,
    /// `rss`, `mastodon`, `bluesky` or `nostr`.
    pub network: String,
    /// The network's id of the post (for a feed entry, its identity hashed).
    pub remote_id: String,
    pub source: ItemSource,
    pub author: ItemAuthor,
    pub title: Option<String>,
    /// Plain text (the sanitized HTML's text).
    pub text: String,
    /// Sanitized HTML, safe for the webview; `None` when the entry had no body.
    pub html: Option<String>,
    pub url: Option<String>,
    /// The language the feed or post declares, else the one Ferry's detector heard (BCP 47:
    /// `en`, `zh-Hans` …); `None` when neither knows.
    pub lang: Option<String>,
    pub published_at: DateTime<Utc>,
    pub fetched_at: DateTime<Utc>,
    /// Who boosted or reposted it into the timeline, when that is why it is here.
    pub boosted_by: Option<ItemAuthor>,
    /// The post it answers.
    pub reply_to: Option<ItemReply>,
    /// Attached images and videos with their alt text (addresses only: the webview never
    /// loads them itself).
    pub media: Vec<ItemMedia>,
    /// The same post elsewhere: the user's own cross-post, found exactly through the outbox
    /// (this item is the newest copy in the cache; the others are folded into it).
    pub also_on: Vec<AlsoOn>,
    /// The linked person who wrote it (`feed/people.rs`), when the user linked its author.
    pub person: Option<String>,
    /// That person's other posts of the same moment, folded into this card (newest first): a
    /// cross-post on another network, or the post in their other language.
    pub twins: Vec<FeedTwin>,
    /// Liked (favourited) by the account whose timeline brought it, through Ferry.
    pub liked: bool,
    /// Boosted (reposted) by that account, through Ferry.
    pub boosted: bool,
}

/// A linked person's post folded into another card of theirs (see [`FeedItem::twins`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FeedTwin {
    #[ts(type = "number")]
    pub id: i64,
    pub network: String,
    pub lang: Option<String>,
    pub text: String,
    /// Sanitized, as [`FeedItem::html`].
    pub html: Option<String>,
    pub url: Option<String>,
    pub author: ItemAuthor,
    pub published_at: DateTime<Utc>,
}

/// Authors the user says are one person; their posts of one moment become one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub authors: Vec<PersonAuthor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PersonAuthor {
    pub network: String,
    /// The author's lasting id (DID, public key, user@server), or `source:<id>` for a feed.
    pub author_key: String,
    /// A handle, name or feed title, as the user saw it.
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemMedia {
    pub url: String,
    pub alt: Option<String>,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ItemReply {
    pub remote_id: String,
    pub handle: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AlsoOn {
    pub network: String,
    pub url: Option<String>,
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
    /// `user@server`, a Nostr NIP-05 name or short npub; feeds have none.
    pub handle: Option<String>,
    /// http(s); feeds have none.
    pub avatar_url: Option<String>,
    /// A web domain the author proved theirs: a Bluesky handle that is their own domain, a
    /// Mastodon profile link to it with a checked `rel="me"`, a Nostr `_@domain` the domain
    /// confirmed. Never set for a boost's booster.
    pub domain: Option<String>,
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
    /// Only items of this network (`rss`, `mastodon`, `nostr`).
    pub network: Option<String>,
    /// Only items in this language: `zh` matches `zh-Hans`, `zh-Hant` and `zh-CN`.
    pub lang: Option<String>,
    /// Only items of this source.
    pub source: Option<String>,
    /// Only items older than this item (its `id`): the page after the one it ended.
    pub before: Option<i64>,
    /// Only items with attached images or videos.
    pub media: bool,
}
