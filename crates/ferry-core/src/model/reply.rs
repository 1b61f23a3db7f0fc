//! What a draft answers: a post of one account's timeline. A draft with a reply target goes
//! only to that account (a reply cannot cross networks), and its first post is sent as an
//! answer to the target — Mastodon's `in_reply_to_id`, Bluesky's `reply` (root and parent),
//! Nostr's NIP-10 `e` tags with `p` tags for the authors. The later posts of a thread answer
//! the post before them, inside the same conversation.
//!
//! A reply target is set by `Feeds::start_reply` from a cached feed item (never typed by the
//! composer, which cannot point a draft at a post it has not read), kept with the draft and its
//! revisions, and copied onto each outbox target when a job is written: a job sends what was
//! planned even if the draft changes afterwards.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Network;

/// The post a draft answers, as the account's network names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReplyTarget {
    /// The account that read the post and answers it.
    pub account_id: String,
    pub network: Network,
    /// Mastodon status id, Bluesky `at://` URI, Nostr event id (hex).
    pub remote_id: String,
    /// The author's lasting id: Nostr public key (hex), Bluesky DID, Mastodon `user@server`.
    #[serde(default)]
    pub author_id: Option<String>,
    #[serde(default)]
    pub author_name: Option<String>,
    #[serde(default)]
    pub author_handle: Option<String>,
    /// The conversation's first post, when the post is itself an answer and its network said
    /// which (Nostr's `root` tag; Bluesky's is read again from the server when sending).
    #[serde(default)]
    pub root_id: Option<String>,
    /// Where the post is read on the web.
    #[serde(default)]
    pub url: Option<String>,
    /// The start of the post's text, for the composer's "Replying to" line.
    #[serde(default)]
    pub excerpt: String,
    /// The cached feed item it came from (gone when the cache drops it; the reply stays).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub feed_item_id: Option<i64>,
}
