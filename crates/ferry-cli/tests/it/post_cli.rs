//! `ferry post` as a real process, against the real servers and keychain: a Chinese and an
//! English variant to all three networks, read back; exit statuses; and a `ferry post` killed
//! mid-request, finished by `--retry-failed` without posting twice.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::accounts_support::*;
use ferry_core::outbox::TargetState;
use ferry_core::{LangTag, NewDraft, Store, Variant};
use ferry_test_support::{Fault, FaultProxy, peers};
use serde_json::Value;

/// A draft with these `(lang, text)` variants, written straight into `data`'s database.
pub(crate) async fn draft(data: &Path, variants: &[(&str, &str)]) -> String {
    let store = Store::open(data).await.unwrap();
    let draft = store
        .create_draft(NewDraft {
            variants: variants
                .iter()
                .map(|(l, t)| Variant {
                    lang: LangTag::parse(l).unwrap(),
                    text: (*t).to_owned(),
                })
                .collect(),
            ..Default::default()
        })
        .await
        .unwrap();
    store.close().await;
    draft.id
}

fn id(added: &Value) -> String {
    added["id"].as_str().unwrap().to_owned()
}

/// A string only this run posts, to find its posts on the servers.
fn tag() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("ferrycli{}x{nanos}", std::process::id())
}

#[tokio::test]
async fn posts_both_variants_to_all_three_and_exits_by_the_outcome() {
    let Some((pds, relay, masto)) = all_peers() else {
        return;
    };
    let Some(data) = data_dir("post_cli") else {
        return;
    };
    let d = data.path();
    let bsky = ok_json(
        d,
        &add_alice(&pds, &["--audience", "zh-Hans"]),
        peers::BSKY_ALICE.1.as_bytes(),
    );
    let mastodon = ok_json(d, &add_mastodon(&masto, &["--audience", "en"]), MOCK_CODE);
    let nostr = ok_json(
        d,
        &[
            "accounts",
            "add",
            "nostr",
            "--generate",
            "--relay",
            &relay,
            "--audience",
            "zh-Hans,en",
        ],
        b"",
    );
    let marker = tag();
    let zh = format!("渡口见！🚢 {marker}");
    let en = format!("See you at the ferry! {marker}");
    let draft_id = draft(d, &[("zh-Hans", &zh), ("en", &en)]).await;
    let to = [id(&bsky), id(&mastodon), id(&nostr)].join(",");

    let status = ok_json(d, &["post", &draft_id, "--to", &to], b"");
    let targets = status["targets"].as_array().unwrap();
    let summary: Vec<(String, String, String)> = targets
        .iter()
        .map(|t| {
            (
                t["network"].as_str().unwrap().into(),
                t["lang"].as_str().unwrap().into(),
                t["state"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("bluesky", "zh-Hans"),
        ("mastodon", "en"),
        ("nostr", "zh-Hans"),
        ("nostr", "en"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(n, l)| (n.to_string(), l.to_string(), "posted".to_string()))
        .collect();
    assert_eq!(summary, want);
    assert!(
        targets
            .iter()
            .all(|t| t["remoteUrl"].is_string() && t["remoteId"].is_string())
    );

    // On the servers: Bluesky has the Chinese text, Mastodon the English one.
    let mine = bluesky_texts(&pds, &bsky, &marker).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0], zh);
    let url = targets[1]["remoteId"].as_str().unwrap();
    let status_json: Value = reqwest::get(format!("{masto}/api/v1/statuses/{url}"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        status_json["content"]
            .as_str()
            .unwrap()
            .contains("See you at the ferry!")
    );

    // Again: refused. --retry-failed: nothing left, exit 0.
    let err = fail_json(d, &["post", &draft_id], b"");
    assert_eq!(err["code"], "outbox.already_published");
    let again = ok_json(d, &["post", &draft_id, "--retry-failed"], b"");
    assert!(
        again["targets"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["state"] == "posted")
    );

    // A target that can't go out: exit status 2, the reason on the target.
    let long = draft(d, &[("zh-Hans", &"字".repeat(320))]).await;
    let out = ferry(
        d,
        &["post", &long, "--to", &id(&bsky), "--no-threads", "--json"],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = &status["targets"][0]["error"];
    assert_eq!(error["code"], "outbox.too_long");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("bluesky: 20 characters over the limit of 300"),
        "{error}"
    );

    let err = fail_json(d, &["post", "no-such-draft"], b"");
    assert_eq!(err["code"], "draft.not_found");
    remove_all(d);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_post_is_finished_by_retry_failed_without_posting_twice() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let Some(data) = data_dir("post_killed") else {
        return;
    };
    let d = data.path().to_owned();
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let through = proxy.http_url();
    let bsky = ok_json(
        &d,
        &add_alice(&through, &[]),
        peers::BSKY_ALICE.1.as_bytes(),
    );
    let marker = tag();
    let draft_id = draft(&d, &[("en", &format!("killed mid-post {marker}"))]).await;

    // The record is created, the answer never comes: kill -9 the process while it waits.
    proxy.push(Fault::ForwardThenStall(Duration::from_secs(120)));
    let before = proxy.forwarded();
    let mut child = command(
        &d,
        &[
            "post",
            &draft_id,
            "--to",
            &id(&bsky),
            "--timeout",
            "100",
            "--json",
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let store = Store::open(&d).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let jobs = store.publish_jobs_of_draft(&draft_id).await.unwrap();
        if let Some(job) = jobs.first()
            && store.publish_job(job).await.unwrap().targets[0].state == TargetState::Sending
            && proxy.forwarded() > before
        {
            break;
        }
        assert!(Instant::now() < deadline, "never got to sending");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The PDS has the record while the process still waits for the answer.
    while bluesky_texts(&pds, &bsky, &marker).await.is_empty() {
        assert!(Instant::now() < deadline, "the record never appeared");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    store.close().await;

    let forwarded = proxy.forwarded();
    let status = ok_json(&d, &["post", &draft_id, "--retry-failed"], b"");
    assert_eq!(status["targets"][0]["state"], "posted", "{status}");
    assert_eq!(
        proxy.forwarded() - forwarded,
        1,
        "a getRecord found it; nothing was sent again"
    );
    let count = bluesky_texts(&pds, &bsky, &marker).await.len();
    assert_eq!(count, 1, "posted exactly once");
    remove_all(&d);
}
