//! The Mastodon API's JSON, as far as Ferry reads it. Every field Ferry doesn't need is
//! ignored and every field that some server (or version) leaves out or sets to `null` is
//! optional, so GoToSocial, Akkoma and old Mastodons decode too. The recordings of a real
//! Mastodon 4.6 server (tests/it/client_mastodon_recordings.rs) keep these shapes honest.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Account {
    pub id: String,
    pub username: String,
    pub acct: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub statuses_count: Option<u64>,
    /// The avatar image's address (any scheme a server sends: check before use).
    #[serde(default)]
    pub avatar: Option<String>,
    /// Profile metadata; a link whose `rel="me"` backlink the server checked has `verified_at`.
    #[serde(default)]
    pub fields: Vec<ProfileField>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct ProfileField {
    #[serde(default)]
    pub name: String,
    /// HTML.
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub verified_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Status {
    pub id: String,
    pub created_at: String,
    #[serde(default)]
    pub in_reply_to_id: Option<String>,
    #[serde(default)]
    pub in_reply_to_account_id: Option<String>,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub spoiler_text: String,
    pub visibility: String,
    #[serde(default)]
    pub language: Option<String>,
    pub uri: String,
    #[serde(default)]
    pub url: Option<String>,
    /// HTML as the server rendered it: untrusted, sanitize before showing.
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub media_attachments: Vec<MediaAttachment>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub mentions: Vec<Mention>,
    pub account: Account,
    #[serde(default)]
    pub reblog: Option<Box<Status>>,
}

impl Status {
    /// Where people open the status: its web page, or its ActivityPub URI when the server
    /// gives no page.
    pub fn address(&self) -> String {
        self.url.clone().unwrap_or_else(|| self.uri.clone())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Tag {
    pub name: String,
}

/// An account a status mentions.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Mention {
    pub id: String,
    /// `user` on the account's own server, `user@domain` otherwise.
    pub acct: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct MediaAttachment {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// `null` while the server is still processing the upload.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub preview_url: Option<String>,
    /// The original on the author's server, for remote media this server hasn't copied.
    #[serde(default)]
    pub remote_url: Option<String>,
    /// The alt text.
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub meta: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct ScheduledStatus {
    pub id: String,
    pub scheduled_at: String,
    pub params: ScheduledParams,
    #[serde(default)]
    pub media_attachments: Vec<MediaAttachment>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct ScheduledParams {
    pub text: String,
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub in_reply_to_id: Option<serde_json::Value>,
    #[serde(default)]
    pub spoiler_text: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub media_ids: Option<Vec<String>>,
}

/// `POST /api/v1/apps`.
#[derive(Deserialize)]
pub(crate) struct RegisteredApp {
    pub client_id: String,
    pub client_secret: String,
}

/// `POST /oauth/token`.
#[derive(Deserialize)]
pub(crate) struct TokenAnswer {
    pub access_token: String,
    #[serde(default)]
    pub scope: Option<String>,
}

/// `GET /api/v2/instance` (Mastodon 4+) and `GET /api/v1/instance` (older servers, GoToSocial,
/// Akkoma/Pleroma with `max_toot_chars`).
#[derive(Debug, Clone, Deserialize)]
pub struct Instance {
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub uri: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub configuration: Option<InstanceConfiguration>,
    #[serde(default)]
    pub max_toot_chars: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct InstanceConfiguration {
    #[serde(default)]
    pub statuses: Option<StatusConfiguration>,
    #[serde(default)]
    pub media_attachments: Option<MediaConfiguration>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct StatusConfiguration {
    #[serde(default)]
    pub max_characters: Option<u64>,
    #[serde(default)]
    pub max_media_attachments: Option<u64>,
    #[serde(default)]
    pub characters_reserved_per_url: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct MediaConfiguration {
    #[serde(default)]
    pub image_size_limit: Option<u64>,
    #[serde(default)]
    pub image_matrix_limit: Option<u64>,
    #[serde(default)]
    pub description_limit: Option<u64>,
    #[serde(default)]
    pub supported_mime_types: Option<Vec<String>>,
}
