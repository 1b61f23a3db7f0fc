//! Limits that come from an account rather than the network's rules, and which account they
//! come from for a draft.

use ferry_networks::rules::Settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::accounts::Account;
use crate::error::StoreError;
use crate::model::{Network, Target};

/// Limits that come from an account rather than the network's rules; `None` keeps the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkLimits {
    /// The Mastodon instance's `configuration.statuses.max_characters`.
    #[serde(default)]
    pub mastodon: Option<u32>,
}

impl NetworkLimits {
    /// The limits a draft going to `targets` is counted against: Mastodon's instance limit
    /// (read when signing in) of the Mastodon account the draft names, else of the first
    /// Mastodon account whose limit is known; `None` (Mastodon's default 500) without one.
    pub fn for_targets(accounts: &[Account], targets: &[Target]) -> NetworkLimits {
        let named = targets
            .iter()
            .find(|t| t.network == Network::Mastodon && t.account_id.is_some())
            .and_then(|t| t.account_id.as_deref());
        let known: Vec<&Account> = accounts
            .iter()
            .filter(|a| a.network == Network::Mastodon && a.limits.is_some())
            .collect();
        let chosen = known
            .iter()
            .find(|a| Some(a.id.as_str()) == named)
            .or_else(|| known.first());
        NetworkLimits {
            mastodon: chosen
                .and_then(|a| a.limits.as_ref())
                .map(|l| l.max_characters),
        }
    }

    /// The rules' settings with these limits; a limit of 0 is refused (`limits.invalid`).
    pub(crate) fn settings(self) -> Result<Settings, StoreError> {
        let mut settings = Settings::default();
        if let Some(max) = self.mastodon {
            if max == 0 {
                return Err(StoreError::InvalidLimit {
                    field: "limits.mastodon".into(),
                    reason: "an instance's max_characters must be at least 1, not 0".into(),
                });
            }
            settings.mastodon_max_characters = max as usize;
        }
        Ok(settings)
    }
}
