//! Shared by the accounts and publish tests: a temporary data folder over the real keychain
//! (`tests/keyring/with-keyring`), accounts on the real peers (`tests/peers/with-peers`), fast
//! publish settings, and reading posts back from the servers themselves.
#![allow(dead_code)] // each test file uses a different part

use std::time::Duration;

use ferry_core::accounts::{
    Account, Accounts, AddBluesky, AddNostr, NostrKey, Relay, StartMastodon,
};
use ferry_core::media_host::AddS3Host;
use ferry_core::outbox::{NetworkCaps, PublishConfig, RetryPolicy};
use ferry_core::secrets::{KeychainStore, Secrets};
use ferry_core::{Draft, LangTag, NewDraft, Store, Target, Variant};
use ferry_networks::threads::client::Patience;
use ferry_test_support::{keyring, peers};
use serde_json::Value;

/// The moto peer's bucket as a media host, read at `public`; keys the peer takes.
pub fn s3_media_host(s3: &str, public: &str, delete_after_post: bool) -> AddS3Host {
    AddS3Host {
        endpoint: s3.into(),
        bucket: peers::S3_BUCKET.into(),
        region: "us-east-1".into(),
        public_url: public.into(),
        access_key_id: "AKIAFERRYTEST".into(),
        secret_access_key: "ferry-test-secret-key".into(),
        delete_after_post,
    }
}

/// The three peers' addresses: the PDS, the relay, mastodon-mock.
pub fn all_peers() -> Option<(String, String, String)> {
    Some((
        peers::bluesky_pds()?,
        peers::nostr_relay()?,
        peers::mastodon()?,
    ))
}

/// "Post now" for a draft: its own targets, threads as `allow_threads` says.
pub fn request(draft_id: &str, allow_threads: bool) -> ferry_core::outbox::PublishRequest {
    ferry_core::outbox::PublishRequest {
        draft_id: draft_id.to_owned(),
        allow_threads,
        ..Default::default()
    }
}

pub struct Env {
    pub dir: tempfile::TempDir,
    pub accounts: Accounts,
}

/// A fresh data folder with the real keychain. Fails without a keychain (as `make test` must),
/// skips loudly under `FERRY_SKIP_KEYRING=1`.
pub async fn env(test: &str) -> Option<Env> {
    let keychain = keyring::keychain_or_skip(test, KeychainStore::open)?;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let accounts =
        Accounts::new(store, Secrets::new(keychain)).with_timeout(Duration::from_secs(10));
    Some(Env { dir, accounts })
}

impl Env {
    /// Removes every account's secrets from the shared keyring.
    pub async fn cleanup(self) {
        for account in self.accounts.list().await.unwrap() {
            self.accounts.remove(&account.id).await.unwrap();
        }
        self.accounts.store().close().await;
    }

    pub async fn draft(&self, variants: &[(&str, &str)], to: &[&Account]) -> Draft {
        self.accounts
            .store()
            .create_draft(NewDraft {
                variants: variants
                    .iter()
                    .map(|(l, t)| Variant {
                        lang: LangTag::parse(l).unwrap(),
                        text: (*t).to_owned(),
                    })
                    .collect(),
                targets: to
                    .iter()
                    .map(|a| Target {
                        network: a.network,
                        account_id: Some(a.id.clone()),
                    })
                    .collect(),
                ..Default::default()
            })
            .await
            .unwrap()
    }
}

pub fn langs(tags: &[&str]) -> Vec<LangTag> {
    tags.iter().map(|t| LangTag::parse(t).unwrap()).collect()
}

/// Publishes the draft (threads allowed) and waits until the job is done.
pub async fn post_with(
    publisher: &ferry_core::outbox::Publisher,
    draft_id: &str,
) -> ferry_core::outbox::JobStatus {
    publisher
        .publish(request(draft_id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap()
}

/// Short timeouts and backoff so fault tests finish in seconds.
pub fn fast_config() -> PublishConfig {
    PublishConfig {
        per_network: NetworkCaps::default(),
        retry: RetryPolicy {
            max_attempts: 8,
            base_delay: Duration::from_millis(50),
            max_delay: Duration::from_millis(400),
            max_wait: Duration::from_secs(5),
        },
        request_timeout: Duration::from_millis(1500),
        lease: Duration::from_millis(900),
        threads_patience: Patience {
            first: Duration::from_millis(20),
            total: Duration::from_secs(2),
        },
    }
}

/// A string no other test (or earlier run) posts, to find exactly this test's posts.
pub fn marker(test: &str) -> String {
    format!(
        "ferry{test}{}",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    )
}

pub async fn add_bluesky(accounts: &Accounts, pds: &str, audience: &[&str]) -> Account {
    let (handle, password) = peers::BSKY_ALICE;
    accounts
        .add_bluesky(AddBluesky {
            pds_url: pds.to_owned(),
            identifier: handle.to_owned(),
            password: password.to_owned(),
            audience: langs(audience),
        })
        .await
        .unwrap()
        .account
}

pub async fn add_nostr(accounts: &Accounts, relay: &str, audience: &[&str]) -> Account {
    add_nostr_as(accounts, relay, NostrKey::Generate, audience).await
}

/// [`add_nostr`] with the given key (an `Import` of keys the test holds, to sign as the
/// account: its follow list, say).
pub async fn add_nostr_as(
    accounts: &Accounts,
    relay: &str,
    key: NostrKey,
    audience: &[&str],
) -> Account {
    accounts
        .add_nostr(AddNostr {
            key,
            relays: vec![Relay {
                url: relay.to_owned(),
                read: true,
                write: true,
            }],
            audience: langs(audience),
        })
        .await
        .unwrap()
        .account
}

/// Takes the Nostr account's key out of the keychain, so a publish writes its job and sends
/// nothing (the target fails, asking for the key); returns the sign-in that puts it back.
pub async fn take_nostr_key(account: &Account) -> AddNostr {
    let secrets = Secrets::new(KeychainStore::open().unwrap());
    let key = ferry_core::secrets::SecretKey::new(
        &account.id,
        ferry_core::secrets::SecretKind::PrivateKey,
    )
    .unwrap();
    let nsec = secrets.get(&key).await.unwrap().unwrap();
    secrets.delete(&key).await.unwrap();
    AddNostr {
        key: NostrKey::Import(nsec.expose().to_owned()),
        relays: account.relays.clone(),
        audience: account.audience.clone(),
    }
}

/// Signs in out of band with the code mastodon-mock's authorize page shows.
pub async fn add_mastodon(accounts: &Accounts, base: &str, audience: &[&str]) -> Account {
    let sign_in = accounts
        .start_mastodon_sign_in(StartMastodon {
            instance: base.to_owned(),
            out_of_band: true,
        })
        .await
        .unwrap()
        .with_audience(langs(audience));
    let code = format!("mockcode_{}", peers::MASTODON_USER);
    sign_in.finish(&code).await.unwrap().account
}

/// Every Bluesky post of `did` whose text contains `marker`, read with `listRecords`.
pub async fn bluesky_posts(pds: &str, did: &str, marker: &str) -> Vec<Value> {
    let http = reqwest::Client::new();
    let mut found = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![
            ("repo", did.to_owned()),
            ("collection", "app.bsky.feed.post".to_owned()),
            ("limit", "100".to_owned()),
        ];
        if let Some(c) = &cursor {
            query.push(("cursor", c.clone()));
        }
        let page: Value = http
            .get(format!("{pds}/xrpc/com.atproto.repo.listRecords"))
            .query(&query)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let records = page["records"].as_array().cloned().unwrap_or_default();
        found.extend(
            records
                .iter()
                .filter(|r| {
                    r["value"]["text"]
                        .as_str()
                        .is_some_and(|t| t.contains(marker))
                })
                .cloned(),
        );
        cursor = page["cursor"].as_str().map(str::to_owned);
        if records.is_empty() || cursor.is_none() {
            return found;
        }
    }
}

/// Every status of the Mastodon account whose content contains `marker`, newest first.
pub async fn mastodon_statuses(base: &str, account_id: &str, marker: &str) -> Vec<Value> {
    let http = reqwest::Client::new();
    let mut found = Vec::new();
    let mut max_id: Option<String> = None;
    loop {
        let mut url = format!("{base}/api/v1/accounts/{account_id}/statuses?limit=40");
        if let Some(id) = &max_id {
            url.push_str(&format!("&max_id={id}"));
        }
        let page: Vec<Value> = http.get(url).send().await.unwrap().json().await.unwrap();
        let Some(last) = page.last() else {
            return found;
        };
        max_id = last["id"].as_str().map(str::to_owned);
        found.extend(
            page.iter()
                .filter(|s| s["content"].as_str().is_some_and(|c| c.contains(marker)))
                .cloned(),
        );
    }
}

/// Every kind-1 note by `pubkey_hex` on the relay.
pub async fn nostr_notes(relay: &str, pubkey_hex: &str) -> Vec<nostr::prelude::Event> {
    let filter = serde_json::json!({ "authors": [pubkey_hex], "kinds": [1], "limit": 6000 });
    ferry_networks::nostr::client::query_events(
        &[relay.to_owned()],
        filter,
        Duration::from_secs(10),
    )
    .await
}

/// The feeds with the test's accounts as sources.
pub fn account_feeds(env: &Env) -> ferry_core::feed::Feeds {
    ferry_core::feed::Feeds::new(env.accounts.store().clone())
        .unwrap()
        .with_accounts(env.accounts.clone())
}
