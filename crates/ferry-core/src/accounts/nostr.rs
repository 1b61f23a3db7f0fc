//! Nostr accounts: a key pair (generated here, or an `nsec1…`/hex key brought along) and the
//! relays the account reads from and writes to, published as its NIP-65 relay list
//! (kind 10002) so other clients find its notes.

use std::time::Duration;

use ferry_networks::nostr::client::{self as nostr, NostrKeys, RelayUse};
use serde::Deserialize;
use ts_rs::TS;
use url::Url;

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::model::{Account, AddedAccount, Relay};
use super::rows::NewAccount;
use super::secret_bridge::{from_net, to_net};
use crate::model::{LangTag, Network};
use crate::secrets::{Secret, SecretKind};

/// Where the account's key comes from. `Debug` never shows an imported key.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "secret")]
#[ts(export)]
pub enum NostrKey {
    /// A new random key.
    Generate,
    /// `nsec1…` or 64 hex digits.
    Import(String),
}

impl std::fmt::Debug for NostrKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NostrKey::Generate => "Generate",
            NostrKey::Import(_) => "Import([redacted])",
        })
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddNostr {
    pub key: NostrKey,
    /// At least one relay to write to.
    pub relays: Vec<Relay>,
    #[serde(default)]
    pub audience: Vec<LangTag>,
}

impl Accounts {
    /// Stores the key in the keychain, the account (npub, relays) in the database, and
    /// publishes the relay list to every listed relay. A relay refusing the list is a warning,
    /// not a failure: the account works for posting either way.
    pub async fn add_nostr(&self, add: AddNostr) -> Result<AddedAccount, AccountError> {
        let relays = check_relays(add.relays)?;
        let keys = match &add.key {
            NostrKey::Generate => NostrKeys::generate(),
            NostrKey::Import(secret) => NostrKeys::import(&to_net(&Secret::new(secret.as_str())))?,
        };
        let new = NewAccount {
            network: Network::Nostr,
            handle: keys.npub(),
            display_name: String::new(),
            server_url: None,
            remote_id: keys.public_key_hex(),
            audience: add.audience,
            limits: None,
            relays: relays.clone(),
            client_id: None,
        };
        let id = match self.store.existing_account_id(&new).await? {
            Some(id) => id,
            None => uuid::Uuid::now_v7().to_string(),
        };
        self.put_secret(&id, SecretKind::PrivateKey, from_net(&keys.export_nsec()))
            .await?;
        let account = self.store.upsert_account(&id, &new).await?;
        let warnings = publish_relay_list(&keys, &relays, self.timeout).await;
        Ok(AddedAccount { account, warnings })
    }

    /// The account's signing keys from the keychain.
    pub(crate) async fn nostr_keys(&self, account: &Account) -> Result<NostrKeys, AccountError> {
        expect_network(account, Network::Nostr)?;
        let secret = self
            .need_secret(account, SecretKind::PrivateKey, "Nostr private key")
            .await?;
        Ok(NostrKeys::import(&to_net(&secret))?)
    }
}

/// The write relays of an account, in its order.
pub(crate) fn write_relays(account: &Account) -> Vec<String> {
    account
        .relays
        .iter()
        .filter(|r| r.write)
        .map(|r| r.url.clone())
        .collect()
}

/// `ws://` or `wss://` URLs with a host, each listed once, and at least one to write to.
fn check_relays(relays: Vec<Relay>) -> Result<Vec<Relay>, AccountError> {
    let mut checked: Vec<Relay> = Vec::new();
    for relay in relays {
        let text = relay.url.trim();
        let url = Url::parse(text)
            .map_err(|e| AccountError::invalid("relay", format!("{text:?} is not a URL ({e})")))?;
        if !matches!(url.scheme(), "ws" | "wss") || url.host_str().is_none() {
            return Err(AccountError::invalid(
                "relay",
                format!("{text:?} must be a ws:// or wss:// address"),
            ));
        }
        if !relay.read && !relay.write {
            return Err(AccountError::invalid(
                "relay",
                format!("{text:?} is marked neither read nor write"),
            ));
        }
        // Keep the address as typed (minus spaces): relays compare URLs as text.
        let url = text.to_owned();
        match checked.iter_mut().find(|r| r.url == url) {
            Some(seen) => {
                seen.read |= relay.read;
                seen.write |= relay.write;
            }
            None => checked.push(Relay { url, ..relay }),
        }
    }
    if !checked.iter().any(|r| r.write) {
        return Err(AccountError::invalid(
            "relays",
            "give at least one relay to write to (--relay wss://…)",
        ));
    }
    Ok(checked)
}

async fn publish_relay_list(keys: &NostrKeys, relays: &[Relay], limit: Duration) -> Vec<String> {
    let list: Vec<(String, RelayUse)> = relays
        .iter()
        .map(|r| {
            let usage = match (r.read, r.write) {
                (true, true) => RelayUse::Both,
                (true, false) => RelayUse::Read,
                _ => RelayUse::Write,
            };
            (r.url.clone(), usage)
        })
        .collect();
    let event = match nostr::sign_relay_list(keys, &list) {
        Ok(event) => event,
        Err(err) => return vec![format!("the relay list was not published: {err}")],
    };
    let urls: Vec<String> = relays.iter().map(|r| r.url.clone()).collect();
    match nostr::publish(&urls, &event, limit).await {
        Ok(done) => done
            .relays
            .iter()
            .filter(|(_, outcome)| !outcome.is_stored())
            .map(|(url, outcome)| format!("{url} did not store the relay list: {outcome:?}"))
            .collect(),
        Err(err) => vec![format!("the relay list was not published: {err}")],
    }
}
