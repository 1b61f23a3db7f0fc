//! Scheduled items against the real servers: two scheduler loops, each on its own connection
//! to one database file as the app and `ferry daemon` would be, send a bilingual draft to the
//! Bluesky PDS and the Nostr relay exactly once; a cancelled item and one whose draft was
//! deleted send nothing, and say why; the check before an item's time names the account that
//! would fail, and forgets it once fixed.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use ferry_core::Store;
use ferry_core::accounts::{AccountState, Accounts};
use ferry_core::outbox::{PublishEvent, Publisher, TargetState};
use ferry_core::schedule::{
    NewSchedule, RunnerKind, ScheduleFilter, ScheduleState, Scheduler, SchedulerEvent, WallClock,
    wall_in, zone,
};
use ferry_core::secrets::{KeychainStore, Secrets};
use ferry_test_support::keyring;
use tokio::sync::mpsc;

use crate::publish_support::*;

/// `seconds` from now as a wall time in `tz`, as a user would type it.
fn in_seconds(seconds: i64, tz: &str) -> String {
    wall_in(
        &zone(tz).unwrap(),
        Utc::now() + chrono::Duration::seconds(seconds),
    )
    .0
}

#[tokio::test]
async fn two_loops_on_one_database_post_each_scheduled_item_once() {
    let Some((pds, relay, _)) = all_peers() else {
        return;
    };
    let Some(env) = env("schedule_two_loops").await else {
        return;
    };
    let bsky = add_bluesky(&env.accounts, &pds, &["zh-Hans"]).await;
    let nostr = add_nostr(&env.accounts, &relay, &["en"]).await;
    let tag = marker("sched");
    let draft = env
        .draft(
            &[
                ("zh-Hans", &format!("定时发布：渡口见 🚢 {tag}")),
                ("en", &format!("Scheduled: see you at the ferry 🚢 {tag}")),
            ],
            &[&bsky, &nostr],
        )
        .await;
    let store = env.accounts.store();

    // Refused times are not stored.
    let past = store
        .add_schedule(&NewSchedule {
            draft_id: draft.id.clone(),
            at: "2020-01-01T09:00".into(),
            tz: "Asia/Shanghai".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(past.code(), "schedule.past");
    assert!(
        store
            .list_schedules(&ScheduleFilter::default())
            .await
            .unwrap()
            .is_empty()
    );

    // The Chinese variant to Bluesky in Beijing time, the English one to Nostr in New York time.
    let zh_item = store
        .add_schedule(&NewSchedule {
            draft_id: draft.id.clone(),
            at: in_seconds(2, "Asia/Shanghai"),
            tz: "Asia/Shanghai".into(),
            to: vec![bsky.id.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    let en_item = store
        .add_schedule(&NewSchedule {
            draft_id: draft.id.clone(),
            at: in_seconds(2, "America/New_York"),
            tz: "America/New_York".into(),
            to: vec![nostr.id.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        zh_item.targets[0].audience_tz.as_deref(),
        Some("Asia/Shanghai")
    );
    // Cancelled before its time: never sent.
    let cancelled = store
        .add_schedule(&NewSchedule {
            draft_id: draft.id.clone(),
            at: in_seconds(2, "Europe/London"),
            tz: "Europe/London".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    store.cancel_schedule(&cancelled.id).await.unwrap();
    // Its draft deleted after scheduling: fails with the reason, sends nothing.
    let doomed = env
        .draft(&[("en", &format!("deleted {tag}"))], &[&nostr])
        .await;
    let orphan = store
        .add_schedule(&NewSchedule {
            draft_id: doomed.id.clone(),
            at: in_seconds(2, "UTC"),
            tz: "UTC".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    store.delete_draft(&doomed.id).await.unwrap();

    // A second connection to the same file, as a second process would have.
    let keychain = keyring::keychain_or_skip("schedule_two_loops", KeychainStore::open).unwrap();
    let other = Store::open(env.dir.path()).await.unwrap();
    let other_accounts = Accounts::new(other.clone(), Secrets::new(keychain));
    let (events, mut received) = mpsc::unbounded_channel();
    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let mut loops = Vec::new();
    for (accounts, kind) in [
        (env.accounts.clone(), RunnerKind::App),
        (other_accounts, RunnerKind::Daemon),
    ] {
        let scheduler = Scheduler::new(Publisher::new(accounts, fast_config()), kind);
        let events = events.clone();
        let mut stop = stop.clone();
        loops.push(tokio::spawn(scheduler.run(events, async move {
            let _ = stop.wait_for(|s| *s).await;
        })));
    }
    let mut handed = Vec::new();
    let mut finished = 0;
    let mut failed = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    while finished < 2 || failed.is_empty() {
        let event = tokio::time::timeout_at(deadline, received.recv())
            .await
            .expect("scheduled items did not go out in 40 s")
            .unwrap();
        match event {
            SchedulerEvent::Handed { schedule_id, .. } => handed.push(schedule_id),
            SchedulerEvent::Publish {
                event: PublishEvent::Finished(_),
            } => finished += 1,
            SchedulerEvent::Failed { schedule_id, error } => failed.push((schedule_id, error)),
            _ => {}
        }
    }
    stop_tx.send(true).unwrap();
    for l in loops {
        l.await.unwrap();
    }

    let handed_set: HashSet<&String> = handed.iter().collect();
    assert_eq!(handed.len(), 2, "{handed:?}");
    assert_eq!(handed_set, HashSet::from([&zh_item.id, &en_item.id]));
    assert_eq!(failed.len(), 1);
    assert_eq!(
        (failed[0].0.as_str(), failed[0].1.code.as_str()),
        (orphan.id.as_str(), "schedule.draft_deleted")
    );
    let zh_after = store.get_schedule(&zh_item.id).await.unwrap();
    assert_eq!(zh_after.state, ScheduleState::Handed);
    assert_eq!(
        zh_after.targets[0].state,
        Some(TargetState::Posted),
        "{zh_after:?}"
    );
    assert_eq!(
        store.get_schedule(&cancelled.id).await.unwrap().state,
        ScheduleState::Cancelled
    );
    let orphan_after = store.get_schedule(&orphan.id).await.unwrap();
    assert_eq!(orphan_after.state, ScheduleState::Failed);
    assert!(orphan_after.error.unwrap().message.contains(&doomed.id));

    // Read back from the servers: one post each, in the audience's language.
    let posts = bluesky_posts(&pds, &bsky.remote_id, &tag).await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert!(
        posts[0]["value"]["text"]
            .as_str()
            .unwrap()
            .starts_with("定时发布")
    );
    let notes: Vec<String> = nostr_notes(&relay, &nostr.remote_id)
        .await
        .into_iter()
        .map(|e| e.content)
        .filter(|c| c.contains(&tag))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].starts_with("Scheduled:"));
    let status = store.scheduler_status().await.unwrap();
    assert!(!status.running, "both loops stopped and said so");
    assert_eq!(status.pending, 0);
    other.close().await;
    env.cleanup().await;
}

/// A clock the test moves by hand.
struct HandClock(std::sync::Mutex<chrono::DateTime<Utc>>);

impl WallClock for HandClock {
    fn now(&self) -> chrono::DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

#[tokio::test]
async fn the_check_before_its_time_says_which_account_needs_signing_in_then_clears() {
    let Some((pds, relay, _)) = all_peers() else {
        return;
    };
    let Some(env) = env("schedule_preflight").await else {
        return;
    };
    let bsky = add_bluesky(&env.accounts, &pds, &["en"]).await;
    let nostr = add_nostr(&env.accounts, &relay, &["en"]).await;
    let draft = env
        .draft(
            &[("en", "Preflight: see you at the ferry")],
            &[&bsky, &nostr],
        )
        .await;
    let store = env.accounts.store();
    let item = store
        .add_schedule(&NewSchedule {
            draft_id: draft.id.clone(),
            at: in_seconds(20 * 60, "Europe/London"),
            tz: "Europe/London".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    store
        .set_account_state(&bsky.id, AccountState::NeedsReauth, Some("token expired"))
        .await
        .unwrap();
    let clock = Arc::new(HandClock(std::sync::Mutex::new(Utc::now())));
    let scheduler = Scheduler::new(
        Publisher::new(env.accounts.clone(), fast_config()),
        RunnerKind::App,
    )
    .with_clock(clock.clone());
    let (events, mut received) = mpsc::unbounded_channel();
    scheduler.tick(&events).await.unwrap();
    let Ok(SchedulerEvent::Warning {
        schedule_id,
        warning: Some(warning),
    }) = received.try_recv()
    else {
        panic!("no warning event");
    };
    assert_eq!(
        (schedule_id.as_str(), warning.code.as_str()),
        (item.id.as_str(), "schedule.preflight")
    );
    assert!(
        warning.message.contains("alice.test") && warning.message.contains("signed in again"),
        "{}",
        warning.message
    );
    assert!(
        !warning.message.contains(&nostr.handle),
        "only the account that would fail: {}",
        warning.message
    );
    assert_eq!(
        store.get_schedule(&item.id).await.unwrap().warning,
        Some(warning)
    );
    // Fixed: the next check (a minute or more later) clears it, and the item still waits.
    store
        .set_account_state(&bsky.id, AccountState::Active, None)
        .await
        .unwrap();
    *clock.0.lock().unwrap() += chrono::Duration::minutes(2);
    scheduler.tick(&events).await.unwrap();
    assert_eq!(
        received.try_recv().unwrap(),
        SchedulerEvent::Warning {
            schedule_id: item.id.clone(),
            warning: None
        }
    );
    let after = store.get_schedule(&item.id).await.unwrap();
    assert_eq!(
        (after.state, after.warning),
        (ScheduleState::Scheduled, None)
    );
    env.cleanup().await;
}
