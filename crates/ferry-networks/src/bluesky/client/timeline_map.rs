//! One `getTimeline` entry (`app.bsky.feed.defs#feedViewPost`) as a [`TimelinePost`].
//!
//! - `remote_id` is the post's `at://` URI, which is also what the outbox stores for the
//!   user's own posts, so a cross-post of theirs folds into one card.
//! - A repost (`reason` of type `#reasonRepost`) becomes the reposted post with the reposter
//!   as `boosted_by`; the post seen directly and reposted is then one item.
//! - The time is the AppView's `indexedAt` (when the network saw the post), not the record's
//!   `createdAt`, which the posting client sets and may back- or forward-date; either is
//!   clamped to the fetch time.
//! - Bluesky text is plain text: `html` stays `None` and the feed shows it as text.
//! - Images (`embed.images#view`), video (`embed.video#view`, its HLS playlist) and the media
//!   half of `recordWithMedia` become media with their alt text; addresses are kept only when
//!   they are http(s).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::timeline::{PostAuthor, PostMedia, ReplyTo, TimelinePost, web_url};

#[derive(Debug, Deserialize)]
pub(crate) struct FeedViewPost {
    pub post: PostView,
    #[serde(default)]
    pub reply: Option<ReplyView>,
    #[serde(default)]
    pub reason: Option<Reason>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostView {
    pub uri: String,
    pub author: Profile,
    #[serde(default)]
    pub record: PostRecord,
    #[serde(default)]
    pub embed: Option<Value>,
    #[serde(default)]
    pub indexed_at: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Profile {
    pub did: String,
    #[serde(default)]
    pub handle: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub avatar: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostRecord {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub langs: Vec<String>,
    #[serde(default)]
    pub reply: Option<RecordReply>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct RecordReply {
    pub parent: UriRef,
    #[serde(default)]
    pub root: Option<UriRef>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UriRef {
    pub uri: String,
}

/// The thread context the AppView adds; `parent` may be a post, a deleted or a blocked one.
#[derive(Debug, Deserialize)]
pub(crate) struct ReplyView {
    #[serde(default)]
    pub parent: Value,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Reason {
    #[serde(rename = "$type", default)]
    pub kind: String,
    #[serde(default)]
    pub by: Option<Profile>,
    #[serde(default)]
    pub indexed_at: Option<String>,
}

const REPOST: &str = "app.bsky.feed.defs#reasonRepost";

impl FeedViewPost {
    /// The entry's identity in the timeline: a post and each repost of it are separate
    /// entries (the timeline pages by them), one item in the feed. Whitespace, which no AT
    /// URI or DID holds but a server may send, is percent-encoded: the cursor separates keys
    /// with spaces, and a key must read back whole.
    pub fn entry_key(&self) -> String {
        let key = match self.reposter() {
            Some(by) => format!("{}|{}", self.post.uri, by.did),
            None => self.post.uri.clone(),
        };
        if !key.contains(char::is_whitespace) {
            return key;
        }
        key.chars()
            .map(|c| match c {
                c if c.is_whitespace() => {
                    let mut utf8 = [0; 4];
                    c.encode_utf8(&mut utf8)
                        .bytes()
                        .map(|b| format!("%{b:02X}"))
                        .collect()
                }
                c => c.to_string(),
            })
            .collect()
    }

    /// Where the timeline sorts the entry: the repost's time for a repost.
    pub fn sort_time(&self) -> Option<DateTime<Utc>> {
        let raw = match self.reposter() {
            Some(_) => self.reason.as_ref().and_then(|r| r.indexed_at.as_deref()),
            None => None,
        };
        raw.or(self.post.indexed_at.as_deref())
            .or(self.post.record.created_at.as_deref())
            .and_then(parse_time)
    }

    fn reposter(&self) -> Option<&Profile> {
        self.reason
            .as_ref()
            .filter(|r| r.kind == REPOST)
            .and_then(|r| r.by.as_ref())
    }

    /// The post as the feed stores it, or `None` when it has no time that can be read.
    pub fn to_post(&self, now: DateTime<Utc>) -> Option<TimelinePost> {
        let post = &self.post;
        let published = post
            .indexed_at
            .as_deref()
            .or(post.record.created_at.as_deref())
            .and_then(parse_time);
        let Some(published) = published else {
            tracing::warn!(uri = %post.uri, "bluesky: skipping a timeline post whose time can't be read");
            return None;
        };
        Some(TimelinePost {
            remote_id: post.uri.clone(),
            author: author(&post.author),
            text: post.record.text.clone(),
            html: None,
            url: web_page(&post.uri, &post.author),
            lang: post
                .record
                .langs
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
                .map(str::to_owned),
            published_at: published.min(now),
            boosted_by: self.reposter().map(author),
            reply_to: self.reply_to(),
            media: post.embed.as_ref().map(media).unwrap_or_default(),
        })
    }

    fn reply_to(&self) -> Option<ReplyTo> {
        let parent = self.post.record.reply.as_ref()?;
        let handle = self
            .reply
            .as_ref()
            .and_then(|r| r.parent.pointer("/author/handle"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        Some(ReplyTo {
            remote_id: parent.parent.uri.clone(),
            handle,
            root_id: parent.root.as_ref().map(|r| r.uri.clone()),
        })
    }
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn author(profile: &Profile) -> PostAuthor {
    let handle = profile.handle.trim();
    PostAuthor {
        id: Some(profile.did.clone()),
        name: profile
            .display_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        // `handle.invalid` is what the AppView says when a handle no longer verifies.
        handle: Some(if handle.is_empty() || handle == "handle.invalid" {
            profile.did.clone()
        } else {
            handle.to_owned()
        }),
        avatar_url: profile.avatar.as_deref().and_then(web_url),
        // The AppView shows a handle only while its domain verifies (DNS or HTTPS); one under
        // Bluesky's own hosting domain names the host, not the person.
        verified_domains: (!handle.is_empty()
            && handle != "handle.invalid"
            && !handle.ends_with(".bsky.social"))
        .then(|| handle.to_ascii_lowercase())
        .into_iter()
        .collect(),
        claimed_domain: None,
    }
}

/// The post's page on bsky.app, from `at://<did>/app.bsky.feed.post/<rkey>`.
fn web_page(uri: &str, author: &Profile) -> Option<String> {
    let rest = uri.strip_prefix("at://")?;
    let mut parts = rest.split('/');
    let (did, collection, rkey) = (parts.next()?, parts.next()?, parts.next()?);
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || ":._-~".contains(c))
    };
    if collection != "app.bsky.feed.post" || !plain(did) || !plain(rkey) {
        return None;
    }
    let who = match author.handle.trim() {
        h if plain(h) && h != "handle.invalid" => h,
        _ => did,
    };
    Some(format!("https://bsky.app/profile/{who}/post/{rkey}"))
}

fn media(embed: &Value) -> Vec<PostMedia> {
    let kind = embed
        .get("$type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let alt = |v: &Value| {
        v.get("alt")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
    };
    match kind {
        "app.bsky.embed.images#view" => embed
            .get("images")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|image| {
                let url = ["fullsize", "thumb"]
                    .iter()
                    .filter_map(|k| image.get(*k).and_then(Value::as_str))
                    .find_map(web_url)?;
                Some(PostMedia {
                    url,
                    alt: alt(image),
                    kind: "image".into(),
                })
            })
            .collect(),
        "app.bsky.embed.video#view" => embed
            .get("playlist")
            .and_then(Value::as_str)
            .and_then(web_url)
            .map(|url| PostMedia {
                url,
                alt: alt(embed),
                kind: "video".into(),
            })
            .into_iter()
            .collect(),
        "app.bsky.embed.recordWithMedia#view" => embed.get("media").map(media).unwrap_or_default(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
#[path = "timeline_map_tests.rs"]
mod tests;
