//! What an account is, as the accounts screen and `ferry accounts list --json` see it. Nothing
//! here is secret: tokens and keys stay in the keychain.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{LangTag, Network};

/// A signed-in account on one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Account {
    pub id: String,
    pub network: Network,
    /// `@user@instance` on Mastodon, the handle on Bluesky, `npub1…` on Nostr.
    pub handle: String,
    pub display_name: String,
    /// The Mastodon instance or Bluesky PDS; `None` on Nostr.
    pub server_url: Option<String>,
    /// The network's own id: Mastodon account id, Bluesky DID, Nostr public key (hex).
    pub remote_id: String,
    /// Which of a draft's variants this account gets (`["zh-Hans"]`). Empty: the draft's
    /// main (first) variant.
    pub audience: Vec<LangTag>,
    /// A Mastodon instance's limits, read when signing in.
    pub limits: Option<AccountLimits>,
    /// Nostr relays with their read/write use (published as the NIP-65 list).
    pub relays: Vec<Relay>,
    /// Nostr: the media server its notes' pictures go to (instead of the media host).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub media_server: Option<NostrMediaServer>,
    pub state: AccountState,
    /// Why the account needs signing in again, when it does.
    pub state_detail: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A Nostr account's own media server, where its notes' pictures are uploaded, each upload
/// signed with the account's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NostrMediaServer {
    pub protocol: MediaServerProtocol,
    /// The address the person gave, without a trailing slash.
    pub url: String,
}

/// How a media server takes uploads: found when the server is chosen (a NIP-96 server
/// publishes `/.well-known/nostr/nip96.json`; any other is taken to be a Blossom one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MediaServerProtocol {
    /// BUD-01/02: `PUT /upload`, blobs served at `/<sha256>`.
    Blossom,
    /// NIP-96: multipart uploads to the server's `api_url`, signed with NIP-98.
    Nip96,
}

impl MediaServerProtocol {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaServerProtocol::Blossom => "blossom",
            MediaServerProtocol::Nip96 => "nip96",
        }
    }

    /// The protocol's name as people know it.
    pub fn label(self) -> &'static str {
        match self {
            MediaServerProtocol::Blossom => "Blossom",
            MediaServerProtocol::Nip96 => "NIP-96",
        }
    }

    pub fn parse(text: &str) -> Option<MediaServerProtocol> {
        [MediaServerProtocol::Blossom, MediaServerProtocol::Nip96]
            .into_iter()
            .find(|p| p.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AccountState {
    Active,
    /// The token or refresh token is dead: sign in again (`reauth`) before posting.
    NeedsReauth,
}

impl AccountState {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Active => "active",
            AccountState::NeedsReauth => "needs_reauth",
        }
    }

    pub fn parse(text: &str) -> Option<AccountState> {
        [AccountState::Active, AccountState::NeedsReauth]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// What a Mastodon instance allows; feeds `measure`'s Mastodon limit and image preparation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountLimits {
    pub max_characters: u32,
    pub max_media_attachments: u32,
    pub characters_reserved_per_url: u32,
    #[ts(type = "number | null")]
    pub image_size_limit: Option<u64>,
    #[ts(type = "number | null")]
    pub image_matrix_limit: Option<u64>,
    pub description_limit: Option<u32>,
}

/// A Nostr relay and how this account uses it (NIP-65 `read` / `write` markers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Relay {
    pub url: String,
    pub read: bool,
    pub write: bool,
}

/// An account just added, with anything the person should know (a relay that refused the
/// relay list …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddedAccount {
    pub account: Account,
    pub warnings: Vec<String>,
}
