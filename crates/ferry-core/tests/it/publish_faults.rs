//! Exactly once under fire: 500 targets over Bluesky, Mastodon and Nostr, every server behind
//! a fault proxy that drops answers after forwarding, answers 500/502/503 after forwarding or
//! 500/503 instead of forwarding, rate-limits with
//! `Retry-After`, and stalls past the client's timeout — then the records, statuses and events
//! are counted on the servers themselves: no duplicates, and no target lost (each posted, or
//! failed with a reason).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::publish_support::*;
use ferry_core::outbox::{JobStatus, PublishConfig, Publisher, TargetState};
use ferry_test_support::{Fault, FaultProxy};

const DRAFTS: usize = 167; // × 3 accounts = 501 targets
const FAULTS_PER_PROXY: usize = 400;

/// A seeded, reproducible mix: about one request in four meets a fault.
fn plan(proxy: &FaultProxy, seed: u64, stall: Duration) {
    let mut rng = fastrand::Rng::with_seed(seed);
    for _ in 0..FAULTS_PER_PROXY {
        let fault = match rng.u32(0..30) {
            0 | 1 => Fault::DropAfterForward,
            2 => Fault::status(500),
            3 => Fault::status(503),
            4 => Fault::too_many("1", &[]),
            5 if rng.bool() => Fault::ForwardThenStall(stall),
            5 => Fault::Stall(stall),
            // A server error after the write took effect: unknown, checked before a resend.
            6 => Fault::ForwardThenStatus(500),
            7 => Fault::ForwardThenStatus(502),
            8 => Fault::ForwardThenStatus(503),
            _ => Fault::Forward,
        };
        proxy.push(fault);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_publishes_through_faults_make_no_duplicates_and_lose_nothing() {
    let Some((pds, relay, masto)) = all_peers() else {
        return;
    };
    let Some(env) = env("faults").await else {
        return;
    };
    let bsky_proxy = FaultProxy::start(&pds).await.unwrap();
    let masto_proxy = FaultProxy::start(&masto).await.unwrap();
    let relay_proxy = FaultProxy::start(&relay).await.unwrap();
    let bsky = add_bluesky(&env.accounts, &bsky_proxy.http_url(), &["zh-Hans"]).await;
    let mastodon = add_mastodon(&env.accounts, &masto_proxy.http_url(), &["en"]).await;
    let nostr = add_nostr(&env.accounts, &relay_proxy.ws_url(), &["zh-Hans"]).await;

    let run = marker("fault");
    let mut drafts = Vec::new();
    for n in 0..DRAFTS {
        let tag = format!("{run}n{n}x");
        // Every tenth draft is long enough to be a thread on Bluesky.
        let extra = if n % 10 == 0 {
            "渡口的灯亮了，船还没有来。".repeat(25)
        } else {
            String::new()
        };
        let zh = format!("{tag} 渡口见！🚢 {extra}");
        let en = format!("{tag} See you at the ferry! 🚢");
        drafts.push(
            env.draft(
                &[("zh-Hans", &zh), ("en", &en)],
                &[&bsky, &mastodon, &nostr],
            )
            .await,
        );
    }

    // A little more time per request than the other tests: under `make test` every test runs
    // at once on two cores, and a PDS that is merely slow should not look like a stall.
    let config = PublishConfig {
        request_timeout: Duration::from_millis(2500),
        ..fast_config()
    };
    let stall = config.request_timeout + Duration::from_millis(300);
    plan(&bsky_proxy, 1, stall);
    plan(&masto_proxy, 2, stall);
    plan(&relay_proxy, 3, stall);
    let publisher = Publisher::new(env.accounts.clone(), config);
    let started = Instant::now();
    let mut handles = Vec::new();
    for draft in &drafts {
        handles.push(publisher.publish(request(&draft.id, true)).await.unwrap());
    }
    let mut jobs: Vec<JobStatus> = Vec::new();
    for handle in handles {
        jobs.push(handle.finish().await.unwrap());
    }
    let elapsed = started.elapsed();

    // What the outbox says.
    let targets: Vec<_> = jobs.iter().flat_map(|j| j.targets.iter()).collect();
    assert_eq!(targets.len(), DRAFTS * 3);
    let mut by_state: HashMap<TargetState, usize> = HashMap::new();
    for t in &targets {
        *by_state.entry(t.state).or_default() += 1;
        match t.state {
            TargetState::Posted => assert!(t.remote_id.is_some(), "{t:?}"),
            TargetState::Failed => assert!(t.error.is_some(), "failed without a reason: {t:?}"),
            other => panic!("target left {other:?}: {t:#?}"),
        }
    }
    eprintln!(
        "{} targets in {elapsed:?}: {by_state:?}; requests through the proxies: bluesky {}, mastodon {}, nostr {}",
        targets.len(),
        bsky_proxy.requests(),
        masto_proxy.requests(),
        relay_proxy.requests()
    );

    // What the servers say, counted by each draft's tag.
    let records = bluesky_posts(&pds, &bsky.remote_id, &run).await;
    let statuses = mastodon_statuses(&masto, &mastodon.remote_id, &run).await;
    let notes: Vec<String> = nostr_notes(&relay, &nostr.remote_id)
        .await
        .into_iter()
        .map(|e| e.content)
        .collect();
    let texts = [
        records
            .iter()
            .map(|r| r["value"]["text"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>(),
        statuses
            .iter()
            .map(|s| s["content"].as_str().unwrap_or_default().to_owned())
            .collect(),
        notes,
    ];
    for (n, job) in jobs.iter().enumerate() {
        let tag = format!("{run}n{n}x");
        for (t, texts) in job.targets.iter().zip(&texts) {
            let found = texts.iter().filter(|text| text.contains(&tag)).count();
            let expected = usize::from(t.state == TargetState::Posted);
            assert_eq!(
                found, expected,
                "draft {n} on {}: {found} on the server, target {t:#?}",
                t.network
            );
        }
    }
    assert_eq!(
        by_state.get(&TargetState::Posted),
        Some(&targets.len()),
        "with 8 attempts, all get through"
    );
    env.cleanup().await;
}
