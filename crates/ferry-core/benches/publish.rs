//! Posting one draft to three networks at once against each alone: the targets go out
//! concurrently, so three networks should cost about the slowest one, not the sum.
//!
//! Real servers (tests/peers/with-peers), each behind a fault proxy that delays every request
//! (Bluesky 250 ms, Mastodon 200 ms, Nostr 150 ms) like a far-away server would:
//!
//! ```text
//! tests/peers/with-peers cargo bench -p ferry-core --bench publish
//! ```
//!
//! Secrets live in memory here: the keychain is not what is measured.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::accounts::{
    Account, Accounts, AddBluesky, AddNostr, NostrKey, Relay, StartMastodon,
};
use ferry_core::outbox::{PublishConfig, PublishRequest, Publisher};
use ferry_core::secrets::{BackendKind, Secret, SecretKey, SecretStore, Secrets, SecretsError};
use ferry_core::{LangTag, NewDraft, Store, Target, Variant};
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

struct Setup {
    _dir: tempfile::TempDir,
    _proxies: Vec<FaultProxy>,
    store: Store,
    publisher: Publisher,
    bluesky: Account,
    mastodon: Account,
    nostr: Account,
}

async fn setup(pds: String, relay: String, masto: String) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let accounts = Accounts::new(store.clone(), Secrets::new(MemorySecrets::default()));
    let delayed = |upstream: String, ms: u64| async move {
        let proxy = FaultProxy::start(&upstream).await.unwrap();
        proxy.set_default(Fault::Delay(Duration::from_millis(ms)));
        proxy
    };
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
    Setup {
        _dir: dir,
        _proxies: vec![bsky_proxy, masto_proxy, relay_proxy],
        publisher: Publisher::new(accounts, PublishConfig::default()),
        store,
        bluesky,
        mastodon,
        nostr,
    }
}

impl Setup {
    /// Publishes `iters` fresh drafts to `to`, one after another; only the publishing counts.
    async fn publish(&self, to: &[&Account], iters: u64) -> Duration {
        let mut total = Duration::ZERO;
        for i in 0..iters {
            let draft = self
                .store
                .create_draft(NewDraft {
                    variants: vec![Variant {
                        lang: LangTag::parse("zh-Hans").unwrap(),
                        text: format!("渡口见！bench {i} {}", uuid::Uuid::new_v4()),
                    }],
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
                .unwrap();
            let request = PublishRequest {
                draft_id: draft.id,
                allow_threads: true,
                ..Default::default()
            };
            let started = Instant::now();
            let status = self
                .publisher
                .publish(request)
                .await
                .unwrap()
                .finish()
                .await
                .unwrap();
            total += started.elapsed();
            assert!(status.all_posted(), "{status:#?}");
        }
        total
    }
}

fn publish(c: &mut Criterion) {
    let (Some(pds), Some(relay), Some(masto)) = (
        peers::bluesky_pds(),
        peers::nostr_relay(),
        peers::mastodon(),
    ) else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let setup = runtime.block_on(setup(pds, relay, masto));
    let mut group = c.benchmark_group("publish");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    let cases: [(&str, Vec<&Account>); 4] = [
        ("bluesky", vec![&setup.bluesky]),
        ("mastodon", vec![&setup.mastodon]),
        ("nostr", vec![&setup.nostr]),
        (
            "all_three",
            vec![&setup.bluesky, &setup.mastodon, &setup.nostr],
        ),
    ];
    for (name, to) in &cases {
        group.bench_function(*name, |b| {
            b.iter_custom(|iters| runtime.block_on(setup.publish(to, iters)))
        });
    }
    group.finish();
}

criterion_group!(benches, publish);
criterion_main!(benches);
