//! The networks a draft can target and override text for: the rules' own [`Network`], stored
//! by its id (`x`, `bluesky`, …) in drafts, accounts and the outbox.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::StoreError;

pub use ferry_networks::rules::Network;

/// The network stored as `id`, exactly as written (no aliases such as `twitter`, no case
/// folding: a stored row holds what Ferry wrote); anything else is `draft.unknown_network`,
/// naming the id.
pub fn network_from_id(id: &str) -> Result<Network, StoreError> {
    Network::ALL
        .into_iter()
        .find(|n| n.name() == id)
        .ok_or_else(|| StoreError::UnknownNetwork { id: id.to_owned() })
}

/// Where a draft goes: a network, and later (with accounts) a specific account on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Target {
    pub network: Network,
    /// `None` until accounts exist: "this network, whichever account is the default".
    #[serde(default)]
    pub account_id: Option<String>,
}

impl Target {
    pub fn network(network: Network) -> Target {
        Target {
            network,
            account_id: None,
        }
    }
}
