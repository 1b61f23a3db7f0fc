//! Refreshing 3 accounts and 20 feeds together against the slowest of them alone: sources are
//! fetched concurrently (`feed/host_gates.rs`), so all 23 should cost about the slowest one,
//! not their sum (issue 10).
//!
//! Real servers (tests/peers/with-peers with bluesky, mastodon, nostr and nginx), each source
//! behind its own fault proxy that delays every request like a far-away server: the accounts
//! as in the `publish` bench (Bluesky 250 ms, Mastodon 200 ms, Nostr 150 ms), 19 feeds at
//! 200 ms and one at 800 ms (the slowest source), all on nginx's fixture feed:
//!
//! ```text
//! FERRY_PEERS="bluesky mastodon nostr nginx" tests/peers/with-peers cargo bench -p ferry-core --bench feed_sync
//! ```

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::Store;
use ferry_core::feed::Feeds;
use ferry_test_support::{FaultProxy, peers};

#[path = "support/three_accounts.rs"]
mod three_accounts;

const FEEDS: usize = 20;
const SLOW_MS: u64 = 800;

struct Setup {
    _dir: tempfile::TempDir,
    _proxies: Vec<FaultProxy>,
    feeds: Feeds,
    all: Vec<String>,
    slowest: String,
}

async fn setup(pds: &str, masto: &str, relay: &str, nginx: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let three = three_accounts::three_accounts(&store, pds, masto, relay).await;
    let feeds = Feeds::new(store.clone())
        .unwrap()
        .with_accounts(three.accounts.clone());
    let mut proxies = three.proxies;
    let mut slowest = String::new();
    for n in 0..FEEDS {
        let ms = if n == 0 { SLOW_MS } else { 200 };
        let proxy = three_accounts::delayed(nginx, ms).await;
        let source = feeds
            .add_source(&format!("{}/rss.rss?n={n}", proxy.http_url()))
            .await
            .unwrap();
        if n == 0 {
            slowest = source.id.clone();
        }
        proxies.push(proxy);
    }
    let sources = feeds.sources().await.unwrap();
    let mut accounts: Vec<String> = sources
        .iter()
        .filter_map(|s| s.account_id.clone())
        .collect();
    accounts.sort();
    let mut expected = vec![three.bluesky.id, three.mastodon.id, three.nostr.id];
    expected.sort();
    assert_eq!(accounts, expected, "each account is a source");
    let all: Vec<String> = sources.into_iter().map(|s| s.id).collect();
    assert_eq!(all.len(), FEEDS + 3, "20 feeds and the 3 accounts");
    // The first refresh stores what is there; the measured ones ask again as a timer would.
    for report in feeds.refresh_each(all.clone(), |_, _| {}).await {
        let report = report.unwrap();
        assert!(report.error.is_none(), "{report:?}");
    }
    Setup {
        _dir: dir,
        _proxies: proxies,
        feeds,
        all,
        slowest,
    }
}

impl Setup {
    async fn refresh(&self, ids: &[String], iters: u64) -> Duration {
        let started = Instant::now();
        for _ in 0..iters {
            for report in self.feeds.refresh_each(ids.to_vec(), |_, _| {}).await {
                assert!(report.unwrap().error.is_none());
            }
        }
        started.elapsed()
    }
}

fn feed_sync(c: &mut Criterion) {
    let (Some(pds), Some(relay), Some(masto), Some(nginx)) = (
        peers::bluesky_pds(),
        peers::nostr_relay(),
        peers::mastodon(),
        peers::feeds(),
    ) else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let setup = runtime.block_on(setup(&pds, &masto, &relay, &nginx));
    let mut group = c.benchmark_group("feed_sync");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let slowest = vec![setup.slowest.clone()];
    group.bench_function("slowest_source_alone", |b| {
        b.iter_custom(|iters| runtime.block_on(setup.refresh(&slowest, iters)))
    });
    group.bench_function("3_accounts_and_20_feeds", |b| {
        b.iter_custom(|iters| runtime.block_on(setup.refresh(&setup.all, iters)))
    });
    group.finish();
}

criterion_group!(benches, feed_sync);
criterion_main!(benches);
