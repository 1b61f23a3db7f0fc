//! Three accounts (the suite's Bluesky PDS, Mastodon mock and Nostr relay), each reached
//! through a fault proxy that delays every request like a far-away server, with secrets kept
//! in memory (the keychain is not what the benchmarks measure). Shared by `publish` and
//! `feed_sync` (`#[path]`: benches have no common crate of their own).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use ferry_core::Store;
use ferry_core::accounts::{
    Account, Accounts, AddBluesky, AddNostr, NostrKey, Relay, StartMastodon,
};
use ferry_core::secrets::{BackendKind, Secret, SecretKey, SecretStore, Secrets, SecretsError};
use ferry_test_support::{Fault, FaultProxy, peers};

#[derive(Debug, Default)]
struct MemorySecrets(Mutex<HashMap<String, Secret>>);

impl SecretStore for MemorySecrets {
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretsError> {
        Ok(self.0.lock().unwrap().get(&key.user()).cloned())
    }
    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretsError> {
        self.0.lock().unwrap().insert(key.user(), secret.clone());
        Ok(())
    }
    fn delete(&self, key: &SecretKey) -> Result<bool, SecretsError> {
        Ok(self.0.lock().unwrap().remove(&key.user()).is_some())
    }
    fn backend(&self) -> BackendKind {
        BackendKind::EncryptedFile
    }
}

/// A proxy to `upstream` that holds every request `ms` milliseconds.
pub async fn delayed(upstream: &str, ms: u64) -> FaultProxy {
    let proxy = FaultProxy::start(upstream).await.unwrap();
    proxy.set_default(Fault::Delay(Duration::from_millis(ms)));
    proxy
}

pub struct ThreeAccounts {
    pub accounts: Accounts,
    pub proxies: Vec<FaultProxy>,
    pub bluesky: Account,
    pub mastodon: Account,
    pub nostr: Account,
}

/// Signs in alice on the PDS (250 ms away), the mock's user on Mastodon (200 ms) and a new
/// Nostr key on the relay (150 ms).
pub async fn three_accounts(store: &Store, pds: &str, masto: &str, relay: &str) -> ThreeAccounts {
    let accounts = Accounts::new(store.clone(), Secrets::new(MemorySecrets::default()));
    let (bsky_proxy, masto_proxy, relay_proxy) = (
        delayed(pds, 250).await,
        delayed(masto, 200).await,
        delayed(relay, 150).await,
    );
    let (handle, password) = peers::BSKY_ALICE;
    let bluesky = accounts
        .add_bluesky(AddBluesky {
            pds_url: bsky_proxy.http_url(),
            identifier: handle.into(),
            password: password.into(),
            audience: vec![],
        })
        .await
        .unwrap()
        .account;
    let sign_in = accounts
        .start_mastodon_sign_in(StartMastodon {
            instance: masto_proxy.http_url(),
            out_of_band: true,
        })
        .await
        .unwrap();
    let mastodon = sign_in
        .finish(&format!("mockcode_{}", peers::MASTODON_USER))
        .await
        .unwrap()
        .account;
    let relays = vec![Relay {
        url: relay_proxy.ws_url(),
        read: true,
        write: true,
    }];
    let nostr = accounts
        .add_nostr(AddNostr {
            key: NostrKey::Generate,
            relays,
            audience: vec![],
        })
        .await
        .unwrap()
        .account;
    ThreeAccounts {
        accounts,
        proxies: vec![bsky_proxy, masto_proxy, relay_proxy],
        bluesky,
        mastodon,
        nostr,
    }
}
