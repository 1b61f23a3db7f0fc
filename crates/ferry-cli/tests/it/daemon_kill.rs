//! `kill -9` of `ferry daemon` 50 times at random moments while it sends 20 scheduled items to
//! the real Nostr relay and Bluesky PDS: afterwards each item is on each server exactly once,
//! and nothing is lost (every target posted, or failed with a reason).
//!
//! Why a test of its own: what keeps a post from going out twice or never is a series of
//! SQLite writes, each of which must land before the next step: the claim on a due item, the
//! job with its idempotency keys (Nostr's signed event, Bluesky's record key) before any
//! request, a part marked `sending` before its request and found `unknown` by the next process,
//! to be checked on the server before anything is resent. A unit test can't stop a process
//! between two of those; a SIGKILL at a random moment can, and the servers then say what
//! really went out. On a server the daemon meets this from the OOM killer, a reboot or
//! `systemctl kill`. The daemons reach the servers through `slow_proxy`, so that requests
//! take as long as real ones and many kills land while one is on its way.
//!
//! The moments are random but can be replayed: the seed is printed, and `FERRY_KILL_SEED=<seed>`
//! runs the same lifetimes again (the daemons' own timing still varies).

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use ferry_test_support::peers;
use serde_json::{Value, json};

use crate::schedule_support::*;
use crate::slow_proxy;

pub mod lives;
use lives::{KILLS, Life, kill_daemons, start_daemon, stderr};

const ITEMS: usize = 20;
/// The first item falls due this long after scheduling starts (the 20 adds take about half a
/// second), the others one a second after it: all within the kill loop's ~20 s.
const LEAD_S: i64 = 3;
/// Added by `slow_proxy` to each request and each answer, as a server some way off would.
const LATENCY: Duration = Duration::from_millis(80);
/// The daemon after the kills: time to send what is left (at most a few seconds a post).
const SETTLE: Duration = Duration::from_secs(90);

#[tokio::test]
async fn fifty_kill_9s_lose_nothing_and_post_nothing_twice() {
    let (Some(relay), Some(pds)) = (peers::nostr_relay(), peers::bluesky_pds()) else {
        return;
    };
    let seed = kill_seed();
    println!("daemon_kill: seed {seed} (replay with FERRY_KILL_SEED={seed})");
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let nostr = nostr_account(d, &slow_proxy::slow(&relay, LATENCY));
    let alice = bluesky_alice(d, &slow_proxy::slow(&pds, LATENCY));
    let marker_of = schedule_items(d, &format!("{},{}", id(&nostr), id(&alice["account"])));

    let kills = kill_daemons(d, seed).await;
    let (items, last, settle_secs) = settle(d, seed);

    // What the servers hold, read from the servers themselves.
    let notes = nostr_note_texts(&relay, &nostr).await;
    let posts = bluesky_post_texts(&pds, alice["account"]["remoteId"].as_str().unwrap()).await;

    let (mut posted, mut failed, mut duplicates, mut lost) = (0, vec![], vec![], vec![]);
    for item in &items {
        let marker = &marker_of[item["id"].as_str().unwrap()];
        let targets = item["targets"].as_array().unwrap();
        assert_eq!(targets.len(), 2, "{item}");
        if item["state"] == "failed" {
            failed.push(format!("{marker}, the whole item: {}", item["error"]));
        }
        for target in targets {
            let on_server = match target["network"].as_str() {
                Some("nostr") => &notes,
                Some("bluesky") => &posts,
                other => panic!("a target on {other:?}: {item}"),
            };
            let copies = on_server.iter().filter(|t| t.contains(marker)).count();
            let place = format!("{marker} on {}", target["network"]);
            let state = &target["state"];
            match state.as_str() {
                Some("posted") => posted += 1,
                // Never handed (the item failed as a whole): its reason is the item's.
                None => {}
                _ => failed.push(format!("{place}: {}", target["error"])),
            }
            let want = usize::from(state == "posted");
            if copies > want {
                duplicates.push(format!("{place}: {copies} on the server, state {state}"));
            } else if copies < want {
                lost.push(format!("{place}: {state}, but not on the server"));
            }
        }
    }
    println!(
        "daemon_kill: seed {seed}; {KILLS} kills in {:.1} s ({} before `started`, {} with a job \
         under way; {} requests cut off (nostr {}, bluesky {}), {} item claims stranded); {} \
         targets posted by the killed daemons, {} jobs resumed by the last one; {ITEMS} items, {} \
         targets: {posted} posted, {} failed; {} duplicates, {} lost; settled {settle_secs:.1} s \
         after the last start",
        kills.secs,
        kills.lives.iter().filter(|l| !l.started).count(),
        kills.lives.iter().filter(|l| l.jobs > l.finished).count(),
        kills.cut_off.len(),
        kills.cut_off.iter().filter(|(n, _)| n == "nostr").count(),
        kills.cut_off.iter().filter(|(n, _)| n == "bluesky").count(),
        kills.stranded.len(),
        kills.lives.iter().map(|l| l.posted).sum::<usize>(),
        last.resumed,
        ITEMS * 2,
        failed.len(),
        duplicates.len(),
        lost.len(),
    );
    for reason in &failed {
        println!("daemon_kill: failed: {reason}");
    }
    assert!(
        duplicates.is_empty(),
        "seed {seed}: duplicates: {duplicates:#?}"
    );
    assert!(lost.is_empty(), "seed {seed}: lost: {lost:#?}");
}

/// `FERRY_KILL_SEED`, else a new seed from the clock.
pub fn kill_seed() -> u64 {
    std::env::var("FERRY_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64)
}

/// `ITEMS` drafts (CJK, emoji, a marker each) scheduled a second apart to `to`; the marker of
/// each scheduled item, by its id.
fn schedule_items(data: &Path, to: &str) -> HashMap<String, String> {
    let run = format!(
        "ferrykill{}x{}",
        std::process::id(),
        Utc::now().timestamp_micros()
    );
    // Fixed-width numbers, so no marker is part of another.
    let markers: Vec<String> = (0..ITEMS).map(|n| format!("{run}n{n:02}q")).collect();
    let drafts: Vec<String> = markers
        .iter()
        .enumerate()
        .map(|(n, m)| {
            draft(
                data,
                &format!("渡轮第{n}班 🚢👩‍👩‍👧 kill -9 不重发、不丢失 {m}"),
            )
        })
        .collect();
    let first_due = Utc::now() + chrono::Duration::seconds(LEAD_S);
    let mut marker_of = HashMap::new();
    for (n, (draft_id, marker)) in drafts.iter().zip(markers).enumerate() {
        let at = (first_due + chrono::Duration::seconds(n as i64))
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        let args = [
            "schedule", "add", draft_id, "--at", &at, "--tz", "UTC", "--to", to,
        ];
        marker_of.insert(id(&ok_json(data, &args)), marker);
    }
    marker_of
}

/// One daemon left alone until every item is settled, then SIGTERM: the items as listed,
/// its life, and how long it took.
fn settle(data: &Path, seed: u64) -> (Vec<Value>, Life, f64) {
    let started = Instant::now();
    let mut daemon = start_daemon(data);
    let items = loop {
        let items = ok_json(data, &["schedule", "list"]);
        let items = items.as_array().unwrap();
        if items.iter().all(settled) {
            break items.clone();
        }
        assert!(
            started.elapsed() < SETTLE,
            "seed {seed}: not settled within {SETTLE:?}: {items:#?}"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    let term = std::process::Command::new("kill")
        .args(["-TERM", &daemon.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    assert_eq!(daemon.wait().unwrap().code(), Some(0), "{}", stderr(data));
    let life = Life::read(data);
    assert!(life.stopped, "the last daemon logged that it stopped");
    assert_eq!(items.len(), ITEMS);
    (items, life, started.elapsed().as_secs_f64())
}

/// Handed with every target posted or failed, or failed as a whole: nothing more will happen
/// to it. A failure must say why.
fn settled(item: &Value) -> bool {
    let reason = |error: &Value| error["message"].as_str().is_some_and(|m| !m.is_empty());
    match item["state"].as_str() {
        Some("failed") => {
            assert!(
                reason(&item["error"]),
                "a failed item with no reason: {item}"
            );
            true
        }
        Some("handed") => {
            item["targets"]
                .as_array()
                .unwrap()
                .iter()
                .all(|t| match t["state"].as_str() {
                    Some("posted") => {
                        assert!(t["remote_url"].is_string(), "posted with no URL: {item}");
                        true
                    }
                    Some("failed") => {
                        assert!(
                            reason(&t["error"]),
                            "a failed target with no reason: {item}"
                        );
                        true
                    }
                    _ => false,
                })
        }
        _ => false,
    }
}

/// The text of every note of the Nostr `account` (as `accounts add` printed it) on `relay`.
pub async fn nostr_note_texts(relay: &str, account: &Value) -> Vec<String> {
    let pubkey = account["remoteId"].as_str().unwrap();
    let filter = json!({ "authors": [pubkey], "kinds": [1], "limit": 1000 });
    ferry_networks::nostr::client::query_events(
        &[relay.to_owned()],
        filter,
        Duration::from_secs(10),
    )
    .await
    .into_iter()
    .map(|e| e.content)
    .collect()
}

/// Every post text in a Bluesky repo, page by page (the PDS gives at most 100 at a time, and
/// the other tests post as alice too).
pub async fn bluesky_post_texts(pds: &str, did: &str) -> Vec<String> {
    let list = format!(
        "{pds}/xrpc/com.atproto.repo.listRecords?repo={did}&collection=app.bsky.feed.post&limit=100"
    );
    let mut url = list.clone();
    let mut texts = Vec::new();
    loop {
        let page: Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
        let records = page["records"].as_array().unwrap();
        let page_texts = records.iter().filter_map(|r| r["value"]["text"].as_str());
        texts.extend(page_texts.map(str::to_owned));
        match page["cursor"].as_str() {
            Some(next) if !records.is_empty() => url = format!("{list}&cursor={next}"),
            _ => return texts,
        }
    }
}
