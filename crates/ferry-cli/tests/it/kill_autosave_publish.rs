//! `kill -9` at random moments during autosave and during publishing: 75 kills of
//! `ferry drafts edit` saving a 200 KB bilingual draft, and 75 of `ferry post` sending up to 40
//! drafts to the real Nostr relay and Bluesky PDS through an 80 ms latency proxy. With the 50
//! kills of `ferry daemon` in `daemon_kill.rs` (scheduled sending), 200 in all. Runs whose
//! random moment came after they ended are not counted as kills.
//!
//! What must hold: a save is there whole or not at all (the draft always opens, at the last
//! revision that landed, and every revision reads back as it was written; SQLite's
//! `integrity_check` passes); no post is lost or sent twice (after the kills, `ferry post
//! --retry-failed` finishes what was cut off, and each server holds each post exactly once).
//! The seed is printed; `FERRY_KILL_SEED=<seed>` replays the same moments.

use std::collections::HashMap;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use chrono::Utc;
use ferry_test_support::peers;
use serde_json::json;
use sqlx::{Connection, SqliteConnection};

use crate::daemon_kill::lives::Moments;
use crate::daemon_kill::{bluesky_post_texts, kill_seed, nostr_note_texts};
use crate::schedule_support::*;
use crate::slow_proxy;

const SAVE_KILLS: usize = 75;
const POST_KILLS: usize = 75;
const DRAFTS: usize = 60;

/// A save of 200 KB takes tens of ms after a start of ~10 ms: kills land before, inside and
/// after its transaction.
const SAVE_LIFE_MS: std::ops::Range<u64> = 2..40;
/// Opening the secrets file takes ~0.3 s (Argon2id), then each request 160 ms or more; a
/// post to both networks ends on its own after ~0.7 s.
const POST_LIFE_MS: std::ops::Range<u64> = 150..900;

/// The draft's text for save `n`: ~100 KB of Chinese and emoji, ~100 KB of English.
fn text_of(n: usize) -> String {
    let zh = format!("第{n}版：渡口的灯还亮着，最后一班船靠岸了。👩‍👩‍👧🚢 ").repeat(1_600);
    let en = format!("version {n}: the ferry light is still on. ").repeat(2_300);
    format!("{zh}\n{en}")
}

fn start_edit(data: &Path, draft: &str, text: &str) -> Child {
    let mut child = command(
        data,
        &["drafts", "edit", draft, "--lang", "zh-Hans", "--text", "-"],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("ferry drafts edit");
    // A kill can land before the text is read: a broken pipe then is expected.
    let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    child
}

#[tokio::test]
async fn seventy_five_kill_9s_during_autosave_lose_no_saved_revision() {
    let seed = kill_seed();
    println!("kill_autosave: seed {seed} (replay with FERRY_KILL_SEED={seed})");
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let draft = ok_text(d, &["drafts", "new", "--lang", "zh-Hans", "--text", "渡口"])
        .trim()
        .to_owned();
    // The text each revision was saved with: 1 is the draft as created.
    let mut revisions: HashMap<u64, String> = HashMap::from([(1, "渡口".to_owned())]);
    let mut head = 1;
    let (mut landed, mut cut_short, mut n) = (0, 0, 0);
    let mut moments = Moments::new(seed, SAVE_LIFE_MS);
    while cut_short < SAVE_KILLS {
        n += 1;
        let text = text_of(n);
        let mut child = start_edit(d, &draft, &text);
        std::thread::sleep(Duration::from_millis(moments.next_ms()));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.signal() == Some(9) {
            cut_short += 1;
        } else {
            assert!(status.success(), "save {n} failed on its own: {status}");
        }
        // The draft opens, at the revision before or with this save, whole.
        let shown = ok_json(d, &["drafts", "show", &draft]);
        let revision = shown["revision"].as_u64().unwrap();
        let now = shown["content"]["variants"][0]["text"].as_str().unwrap();
        if revision == head {
            assert_eq!(
                Some(now),
                revisions.get(&head).map(String::as_str),
                "save {n}"
            );
            assert!(
                status.signal() == Some(9),
                "save {n} exited 0 but did not land"
            );
        } else {
            assert_eq!(revision, head + 1, "save {n}");
            assert_eq!(now, text, "save {n} landed with another text");
            revisions.insert(revision, text);
            head = revision;
            landed += 1;
        }
    }
    // Every revision still reads back as it was written, and SQLite finds the file sound.
    for (number, text) in &revisions {
        let old = ok_json(
            d,
            &["drafts", "show", &draft, "--revision", &number.to_string()],
        );
        assert_eq!(
            old["content"]["variants"][0]["text"],
            json!(text),
            "revision {number}"
        );
    }
    let check = integrity_check(&d.join("ferry.db")).await;
    println!(
        "kill_autosave: seed {seed}; {n} runs of `ferry drafts edit` (200 KB each): {cut_short} \
         killed, {landed} saves landed, head at revision {head}; every revision reads back; \
         integrity_check: {check}"
    );
    assert_eq!(check, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seventy_five_kill_9s_during_publishing_post_everything_exactly_once() {
    let (Some(relay), Some(pds)) = (peers::nostr_relay(), peers::bluesky_pds()) else {
        return;
    };
    let seed = kill_seed();
    println!("kill_publish: seed {seed} (replay with FERRY_KILL_SEED={seed})");
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let nostr = nostr_account(d, &slow_proxy::slow(&relay, Duration::from_millis(80)));
    let alice = bluesky_alice(d, &slow_proxy::slow(&pds, Duration::from_millis(80)));
    let to = format!("{},{}", id(&nostr), id(&alice["account"]));
    let run = format!(
        "ferrypk{}x{}",
        std::process::id(),
        Utc::now().timestamp_micros()
    );
    let markers: Vec<String> = (0..DRAFTS).map(|n| format!("{run}n{n:02}q")).collect();
    let drafts: Vec<String> = markers
        .iter()
        .enumerate()
        .map(|(n, m)| draft(d, &format!("第{n}篇 🚢👩‍👩‍👧 kill -9 不重发 {m}")))
        .collect();

    let mut db = SqliteConnection::connect(&format!("sqlite://{}", d.join("ferry.db").display()))
        .await
        .unwrap();
    let mut moments = Moments::new(seed, POST_LIFE_MS);
    let (mut killed, mut finished, mut cut_off) = (0, 0, 0);
    while killed < POST_KILLS {
        let Some(next) = first_unfinished(&mut db, &drafts).await else {
            panic!("seed {seed}: all {DRAFTS} drafts posted after only {killed} kills");
        };
        let args = post_args(&mut db, &drafts[next], &to).await;
        let mut child = command(d, &args.iter().map(String::as_str).collect::<Vec<_>>())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(moments.next_ms()));
        let _ = child.kill();
        match child.wait().unwrap() {
            status if status.signal() == Some(9) => {
                killed += 1;
                // A part left `sending` had its request on the way when the kill landed.
                let sending: i64 =
                    sqlx::query_scalar("SELECT count(*) FROM outbox_parts WHERE state = 'sending'")
                        .fetch_one(&mut db)
                        .await
                        .unwrap();
                cut_off += usize::from(sending > 0);
            }
            status => {
                assert!(
                    status.success(),
                    "ferry post ended on its own with {status}"
                );
                finished += 1;
            }
        }
    }
    // Whatever the kills cut off, finished without a kill.
    while let Some(next) = first_unfinished(&mut db, &drafts).await {
        let args = post_args(&mut db, &drafts[next], &to).await;
        let status = ok_json(d, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            status["targets"]
                .as_array()
                .unwrap()
                .iter()
                .all(|t| t["state"] == "posted"),
            "{status}"
        );
    }
    db.close().await.unwrap();

    let notes = nostr_note_texts(&relay, &nostr).await;
    let posts = bluesky_post_texts(&pds, alice["account"]["remoteId"].as_str().unwrap()).await;
    let mut wrong = Vec::new();
    for marker in &markers {
        for (network, on_server) in [("nostr", &notes), ("bluesky", &posts)] {
            let copies = on_server
                .iter()
                .filter(|t| t.contains(marker.as_str()))
                .count();
            if copies != 1 {
                wrong.push(format!("{marker} on {network}: {copies} copies"));
            }
        }
    }
    println!(
        "kill_publish: seed {seed}; {killed} runs of `ferry post` killed ({cut_off} with a \
         request on its way), {finished} ended on their own; {DRAFTS} drafts to 2 networks: {} \
         posts wrong",
        wrong.len()
    );
    assert!(wrong.is_empty(), "seed {seed}: {wrong:#?}");
}

/// The first draft with a target not posted yet (or no post started).
async fn first_unfinished(db: &mut SqliteConnection, drafts: &[String]) -> Option<usize> {
    for (n, draft) in drafts.iter().enumerate() {
        let (jobs, open): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM publish_jobs WHERE draft_id = ?1), \
             (SELECT count(*) FROM outbox_targets t JOIN publish_jobs j ON j.id = t.job_id \
              WHERE j.draft_id = ?1 AND t.state != 'posted')",
        )
        .bind(draft)
        .fetch_one(&mut *db)
        .await
        .unwrap();
        if jobs == 0 || open > 0 {
            return Some(n);
        }
    }
    None
}

/// `post <draft> --to …` the first time, `post <draft> --retry-failed` once a job exists.
async fn post_args(db: &mut SqliteConnection, draft: &str, to: &str) -> Vec<String> {
    let jobs: i64 = sqlx::query_scalar("SELECT count(*) FROM publish_jobs WHERE draft_id = ?")
        .bind(draft)
        .fetch_one(&mut *db)
        .await
        .unwrap();
    let how: &[&str] = if jobs == 0 {
        &["--to", to]
    } else {
        &["--retry-failed"]
    };
    ["post", draft]
        .iter()
        .chain(how)
        .map(|a| (*a).to_owned())
        .collect()
}

async fn integrity_check(db: &Path) -> String {
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let check = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    check
}
