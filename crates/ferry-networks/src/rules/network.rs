//! The networks Ferry knows, by the names the CLI and the settings use. This is the one
//! network type: drafts, accounts and the outbox (`ferry_core::Network`) store these names,
//! and the UI gets them as the `Network` string union.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::RulesError;

// `Ord` in the declaration order: a draft's targets sort by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    X,
    Bluesky,
    Mastodon,
    Threads,
    Telegram,
    Nostr,
    Rednote,
    Weibo,
}

impl Network {
    pub const ALL: [Network; 8] = [
        Self::X,
        Self::Bluesky,
        Self::Mastodon,
        Self::Threads,
        Self::Telegram,
        Self::Nostr,
        Self::Rednote,
        Self::Weibo,
    ];

    /// The network's id, exactly as stored and serialised (`x`, `bluesky`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::X => "x",
            Self::Bluesky => "bluesky",
            Self::Mastodon => "mastodon",
            Self::Threads => "threads",
            Self::Telegram => "telegram",
            Self::Nostr => "nostr",
            Self::Rednote => "rednote",
            Self::Weibo => "weibo",
        }
    }

    /// Whether a long post can continue as replies (a thread) on this network.
    pub fn has_threads(self) -> bool {
        matches!(
            self,
            Self::X | Self::Bluesky | Self::Mastodon | Self::Threads | Self::Telegram | Self::Nostr
        )
    }

    fn known_names() -> String {
        Self::ALL.map(Self::name).join(", ")
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Network {
    type Err = RulesError;

    /// Accepts the names above in any case, plus `twitter`, `bsky`, `xiaohongshu` and `xhs`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let found = match lower.as_str() {
            "twitter" => Some(Self::X),
            "bsky" => Some(Self::Bluesky),
            "xiaohongshu" | "xhs" => Some(Self::Rednote),
            name => Self::ALL.into_iter().find(|n| n.name() == name),
        };
        found.ok_or_else(|| RulesError::UnknownNetwork {
            name: s.to_owned(),
            known: Self::known_names(),
        })
    }
}

/// Parses a comma-separated list such as `x,bluesky,mastodon`, keeping order, dropping repeats.
pub fn parse_list(list: &str) -> Result<Vec<Network>, RulesError> {
    let mut networks = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let network: Network = name.parse()?;
        if !networks.contains(&network) {
            networks.push(network);
        }
    }
    Ok(networks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_lists_known() {
        for network in Network::ALL {
            assert_eq!(network.name().parse::<Network>(), Ok(network));
        }
        assert_eq!("Twitter".parse::<Network>(), Ok(Network::X));
        let err = "myspace".parse::<Network>().unwrap_err();
        assert_eq!(err.code(), "network.unknown");
        assert!(
            err.to_string()
                .contains("x, bluesky, mastodon, threads, telegram, nostr, rednote, weibo")
        );
        assert_eq!(
            parse_list("x, bluesky,x"),
            Ok(vec![Network::X, Network::Bluesky])
        );
    }
}
