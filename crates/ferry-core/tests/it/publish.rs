//! Publishing against the real servers (`tests/peers/with-peers`) with the real keychain
//! (`tests/keyring/with-keyring`): a bilingual draft to Bluesky, Mastodon and Nostr read back
//! from the servers, threads resumed at the first part not posted, `Retry-After`, and a crash
//! in the middle of sending settled by checking the server, not by sending again.

use std::time::{Duration, Instant};

use crate::publish_support::*;
use ferry_core::outbox::{PublishEvent, Publisher, TargetState};
use ferry_test_support::{Fault, FaultProxy, peers};

#[tokio::test]
async fn a_bilingual_draft_reaches_all_three_networks_exactly_once() {
    let Some((pds, relay, masto)) = all_peers() else {
        return;
    };
    let Some(env) = env("bilingual").await else {
        return;
    };
    let bsky = add_bluesky(&env.accounts, &pds, &["zh-Hans"]).await;
    let mastodon = add_mastodon(&env.accounts, &masto, &["en"]).await;
    let nostr = add_nostr(&env.accounts, &relay, &["zh", "en"]).await;
    let tag = marker("bi");
    let zh = format!("渡口见！🚢 今晚八点，码头。👩‍👩‍👧 {tag}");
    let en = format!("See you at the ferry! 🚢 8 pm at the pier. {tag}");
    let draft = env
        .draft(
            &[("zh-Hans", &zh), ("en", &en)],
            &[&bsky, &mastodon, &nostr],
        )
        .await;

    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let mut seen = Vec::new();
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish_with(|e| seen.push(e.clone()))
        .await
        .unwrap();
    assert_eq!(status.targets.len(), 4, "{status:#?}");
    assert!(status.all_posted(), "{status:#?}");
    assert!(matches!(seen.last(), Some(PublishEvent::Finished(s)) if s == &status));
    for t in &status.targets {
        let states: Vec<TargetState> = seen
            .iter()
            .filter_map(|e| match e {
                PublishEvent::Target(ev) if ev.target_id == t.id => Some(ev.state),
                _ => None,
            })
            .collect();
        assert_eq!(states.first(), Some(&TargetState::Sending), "{states:?}");
        assert_eq!(states.last(), Some(&TargetState::Posted), "{states:?}");
        assert!(t.remote_url.is_some(), "{t:?}");
    }

    // Read back from the servers themselves.
    let records = bluesky_posts(&pds, &bsky.remote_id, &tag).await;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["value"]["text"], zh.as_str());
    assert_eq!(records[0]["value"]["langs"], serde_json::json!(["zh-Hans"]));
    let statuses = mastodon_statuses(&masto, &mastodon.remote_id, &tag).await;
    assert_eq!(statuses.len(), 1);
    assert_eq!(statuses[0]["language"], "en");
    assert!(
        statuses[0]["content"]
            .as_str()
            .unwrap()
            .contains("See you at the ferry! 🚢")
    );
    let mut notes: Vec<String> = nostr_notes(&relay, &nostr.remote_id)
        .await
        .into_iter()
        .map(|e| e.content)
        .collect();
    notes.sort();
    let mut want = vec![en.clone(), zh.clone()];
    want.sort();
    assert_eq!(notes, want);

    // Posting again is refused; retrying finds nothing to send and sends nothing.
    let err = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "outbox.already_published");
    let again = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(again.all_posted());
    assert_eq!(bluesky_posts(&pds, &bsky.remote_id, &tag).await.len(), 1);
    assert_eq!(
        mastodon_statuses(&masto, &mastodon.remote_id, &tag)
            .await
            .len(),
        1
    );
    assert_eq!(nostr_notes(&relay, &nostr.remote_id).await.len(), 2);
    env.cleanup().await;
}

#[tokio::test]
async fn a_thread_retry_resumes_at_the_first_part_not_posted() {
    let Some(masto) = peers::mastodon() else {
        return;
    };
    let Some(env) = env("thread").await else {
        return;
    };
    let proxy = FaultProxy::start(&masto).await.unwrap();
    let account = add_mastodon(&env.accounts, &proxy.http_url(), &[]).await;
    let tag = marker("thread");
    let sentence =
        "The ferry crosses the river twice an hour, and the pier lights come on at dusk. ";
    let text = format!("{tag} {}", sentence.repeat(14));
    let draft = env.draft(&[("en", &text)], &[&account]).await;
    let mut config = fast_config();
    config.retry.max_attempts = 2;
    let publisher = Publisher::new(env.accounts.clone(), config);

    // Part 1 goes through; part 2 meets two 503s (which may follow a write, so the outcome is
    // unknown) and the target gives up, to be checked before anything is sent again.
    let before = proxy.forwarded();
    proxy.push(Fault::Forward);
    proxy.push(Fault::status(503));
    proxy.push(Fault::status(503));
    let first = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let t = &first.targets[0];
    assert_eq!(
        (t.state, t.retryable, t.parts_posted),
        (TargetState::Unknown, Some(true), 1),
        "{t:#?}"
    );
    assert!(t.parts >= 3, "{t:?}");
    assert_eq!(t.error.as_ref().unwrap().code, "net.unknown_outcome");
    assert_eq!(proxy.forwarded() - before, 1);

    let second = publisher
        .retry_failed(&first.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let t = &second.targets[0];
    assert_eq!(
        (t.state, t.parts_posted),
        (TargetState::Posted, t.parts),
        "{t:#?}"
    );
    assert_eq!(
        t.remote_id, first.targets[0].remote_id,
        "the thread's head is kept"
    );
    let statuses = mastodon_statuses(&masto, &account.remote_id, &tag).await;
    assert_eq!(statuses.len(), 1, "only the head carries the marker");
    // Each later part answers the one before it, so the thread is whole.
    let head = statuses[0]["id"].as_str().unwrap().to_owned();
    let mut parent = head;
    let all = mastodon_statuses(&masto, &account.remote_id, "The ferry crosses").await;
    for _ in 1..t.parts {
        let child = all
            .iter()
            .find(|s| s["in_reply_to_id"].as_str() == Some(parent.as_str()))
            .unwrap_or_else(|| panic!("no reply to {parent}"));
        parent = child["id"].as_str().unwrap().to_owned();
    }
    env.cleanup().await;
}

#[tokio::test]
async fn retry_after_holds_the_account_back() {
    let Some(masto) = peers::mastodon() else {
        return;
    };
    let Some(env) = env("retry_after").await else {
        return;
    };
    let proxy = FaultProxy::start(&masto).await.unwrap();
    let account = add_mastodon(&env.accounts, &proxy.http_url(), &[]).await;
    let draft = env.draft(&[("en", &marker("ra"))], &[&account]).await;
    proxy.push(Fault::too_many("2", &[("X-RateLimit-Remaining", "0")]));
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let started = Instant::now();
    let mut waits = Vec::new();
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish_with(|e| {
            if let PublishEvent::Target(t) = e
                && t.state == TargetState::Queued
            {
                waits.push((t.error.clone().unwrap().code, t.next_attempt_at.unwrap()));
            }
        })
        .await
        .unwrap();
    assert!(status.all_posted(), "{status:#?}");
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(waits.len(), 1, "{waits:?}");
    assert_eq!(waits[0].0, "net.rate_limited");
    env.cleanup().await;
}

#[tokio::test]
async fn a_crash_while_sending_is_settled_by_checking_the_server() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let Some(env) = env("crash").await else {
        return;
    };
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let account = add_bluesky(&env.accounts, &proxy.http_url(), &[]).await;
    let tag = marker("crash");
    let draft = env
        .draft(&[("en", &format!("Lights on the pier {tag}"))], &[&account])
        .await;

    // The record is created, but the answer never comes back; the process "dies" meanwhile.
    proxy.push(Fault::ForwardThenStall(Duration::from_secs(30)));
    let mut config = fast_config();
    config.request_timeout = Duration::from_secs(20);
    let first = Publisher::new(env.accounts.clone(), config);
    let handle = first.publish(request(&draft.id, true)).await.unwrap();
    let job = handle.job_id().to_owned();
    let deadline = Instant::now() + Duration::from_secs(10);
    while first.status(&job).await.unwrap().targets[0].state != TargetState::Sending {
        assert!(Instant::now() < deadline, "never got to sending");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The PDS has the record (the request went through) while Ferry still waits for the answer.
    while bluesky_posts(&pds, &account.remote_id, &tag)
        .await
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the record never appeared");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    handle.abort();
    drop(first);

    // The next start takes over once the claim lapses, checks, and sends nothing more.
    let forwarded = proxy.forwarded();
    let second = Publisher::new(env.accounts.clone(), fast_config());
    let deadline = Instant::now() + Duration::from_secs(15);
    let mine = loop {
        let resumed = second.resume_unfinished().await.unwrap();
        if let Some(mine) = resumed.into_iter().find(|h| h.job_id() == job) {
            break mine;
        }
        assert!(Instant::now() < deadline, "the job was never taken over");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let status = mine.finish().await.unwrap();
    assert!(status.all_posted(), "{status:#?}");
    assert_eq!(
        proxy.forwarded() - forwarded,
        1,
        "one getRecord, no createRecord"
    );
    assert_eq!(
        bluesky_posts(&pds, &account.remote_id, &tag).await.len(),
        1,
        "still once"
    );
    env.cleanup().await;
}
