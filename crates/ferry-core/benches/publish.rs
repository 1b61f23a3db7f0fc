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
//! Secrets live in memory here (`support/three_accounts.rs`): the keychain is not what is measured.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::accounts::Account;
use ferry_core::outbox::{PublishConfig, PublishRequest, Publisher};
use ferry_core::{LangTag, NewDraft, Store, Target, Variant};
use ferry_test_support::{FaultProxy, peers};

#[path = "support/three_accounts.rs"]
mod three_accounts;

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
    let three = three_accounts::three_accounts(&store, &pds, &masto, &relay).await;
    Setup {
        _dir: dir,
        _proxies: three.proxies,
        publisher: Publisher::new(three.accounts, PublishConfig::default()),
        store,
        bluesky: three.bluesky,
        mastodon: three.mastodon,
        nostr: three.nostr,
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
