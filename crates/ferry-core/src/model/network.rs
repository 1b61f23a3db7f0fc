//! The networks a draft can target and override text for, by their stable ids.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::StoreError;

/// A network Ferry knows, serialised as its id (`x`, `bluesky`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum NetworkId {
    X,
    Bluesky,
    Mastodon,
    Threads,
    Telegram,
    Nostr,
    Rednote,
    Weibo,
}

impl NetworkId {
    pub const ALL: [NetworkId; 8] = [
        NetworkId::X,
        NetworkId::Bluesky,
        NetworkId::Mastodon,
        NetworkId::Threads,
        NetworkId::Telegram,
        NetworkId::Nostr,
        NetworkId::Rednote,
        NetworkId::Weibo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NetworkId::X => "x",
            NetworkId::Bluesky => "bluesky",
            NetworkId::Mastodon => "mastodon",
            NetworkId::Threads => "threads",
            NetworkId::Telegram => "telegram",
            NetworkId::Nostr => "nostr",
            NetworkId::Rednote => "rednote",
            NetworkId::Weibo => "weibo",
        }
    }
}

impl fmt::Display for NetworkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NetworkId {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NetworkId::ALL
            .into_iter()
            .find(|n| n.as_str() == s)
            .ok_or_else(|| StoreError::UnknownNetwork { id: s.to_owned() })
    }
}

/// Where a draft goes: a network, and later (with accounts) a specific account on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Target {
    pub network: NetworkId,
    /// `None` until accounts exist: "this network, whichever account is the default".
    #[serde(default)]
    pub account_id: Option<String>,
}

impl Target {
    pub fn network(network: NetworkId) -> Target {
        Target {
            network,
            account_id: None,
        }
    }
}
