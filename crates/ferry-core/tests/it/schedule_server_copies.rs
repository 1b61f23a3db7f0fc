//! Mastodon's own schedule against mastodon-mock: a scheduled item's Mastodon target is handed
//! to the server ahead of time, follows the draft's edits and the item's moves, is withdrawn
//! when cancelled, and at its time the outbox sends only the other targets (the Nostr relay)
//! while the server posts its copy: each exactly once. A hand-over whose answer was lost is
//! found on the server, not made twice; a day the server has no room for stays with Ferry.

use chrono::{DateTime, Duration, Timelike, Utc};
use ferry_core::accounts::Account;
use ferry_core::outbox::{Publisher, TargetState};
use ferry_core::schedule::{
    NewSchedule, RunnerKind, Schedule, ScheduleFilter, Scheduler, ServerCopyState, WallClock,
};
use ferry_networks::mastodon::client::{MastodonServer, NewStatus, ScheduledStatus, Scheduling};
use ferry_test_support::{Fault, FaultProxy, peers};
use tokio::sync::mpsc;

use crate::drafts::support::edit_text;
use crate::publish_support::*;

struct Fixed(DateTime<Utc>);

impl WallClock for Fixed {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// `at` as a wall time in UTC, as `ferry schedule add --tz UTC` takes it.
fn utc_wall(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn whole_minutes_ahead(minutes: i64) -> DateTime<Utc> {
    (Utc::now() + Duration::minutes(minutes))
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap()
}

/// Schedules `draft_id` at `at` (UTC), as `ferry schedule add --tz UTC` would.
async fn schedule_at(store: &ferry_core::Store, draft_id: &str, at: DateTime<Utc>) -> Schedule {
    store
        .add_schedule(&NewSchedule {
            draft_id: draft_id.to_owned(),
            at: utc_wall(at),
            tz: "UTC".into(),
            ..Default::default()
        })
        .await
        .unwrap()
}

async fn item(store: &ferry_core::Store, id: &str) -> Schedule {
    let all = store
        .list_schedules(&ScheduleFilter::default())
        .await
        .unwrap();
    all.into_iter().find(|s| s.id == id).unwrap()
}

fn target<'a>(item: &'a Schedule, account: &Account) -> &'a ferry_core::schedule::ScheduleTarget {
    item.targets
        .iter()
        .find(|t| t.account_id == account.id)
        .unwrap()
}

/// The server's scheduled statuses whose text contains `mark`.
async fn scheduled_on_server(base: &str, mark: &str) -> Vec<ScheduledStatus> {
    let server = MastodonServer::new(base).unwrap();
    let client = server.client(peers::MASTODON_TOKEN.into());
    let listed = client.scheduled_statuses().await.unwrap();
    listed
        .into_iter()
        .filter(|s| s.params.text.contains(mark))
        .collect()
}

/// [`scheduled_on_server`] as (text, scheduled_at).
async fn on_server(base: &str, mark: &str) -> Vec<(String, DateTime<Utc>)> {
    scheduled_on_server(base, mark)
        .await
        .into_iter()
        .map(|s| {
            let at = DateTime::parse_from_rfc3339(&s.scheduled_at).unwrap();
            (s.params.text, at.with_timezone(&Utc))
        })
        .collect()
}

#[tokio::test]
async fn the_server_keeps_a_mastodon_target_and_posts_it_once_while_ferry_sends_the_rest() {
    let (Some(relay), Some(base)) = (peers::nostr_relay(), peers::mastodon()) else {
        return;
    };
    let Some(env) = env("schedule_server_copies").await else {
        return;
    };
    let masto = add_mastodon(&env.accounts, &base, &["en"]).await;
    let nostr = add_nostr(&env.accounts, &relay, &["en"]).await;
    let mark = marker("srvsched");
    let first_text = format!("Kept by the server 渡 🚢 {mark}");
    let draft = env.draft(&[("en", &first_text)], &[&masto, &nostr]).await;
    let store = env.accounts.store();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let loop_ = Scheduler::new(publisher.clone(), RunnerKind::Daemon);
    let owner = loop_.owner().to_owned();

    let due = whole_minutes_ahead(30);
    let scheduled = schedule_at(store, &draft.id, due).await;
    let changes = publisher
        .keep_server_copies(&owner, Utc::now())
        .await
        .unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        (changes[0].account_id.as_str(), changes[0].state),
        (masto.id.as_str(), ServerCopyState::Kept)
    );
    assert_eq!(
        on_server(&base, &mark).await,
        vec![(first_text.clone(), due)]
    );
    let shown = item(store, &scheduled.id).await;
    assert!(
        !target(&shown, &masto).needs_ferry,
        "the server posts it whether Ferry runs or not"
    );
    assert!(target(&shown, &nostr).needs_ferry);
    // A pass with nothing changed asks the server for nothing new.
    assert!(
        publisher
            .keep_server_copies(&owner, Utc::now())
            .await
            .unwrap()
            .is_empty()
    );

    // The text is edited: the server's copy is replaced, never doubled.
    let edited = format!("Edited, still kept by the server 渡 {mark}");
    store
        .save_draft(edit_text(
            &store.get_draft(&draft.id).await.unwrap(),
            &[("en", &edited)],
        ))
        .await
        .unwrap();
    publisher
        .keep_server_copies(&owner, Utc::now())
        .await
        .unwrap();
    assert_eq!(on_server(&base, &mark).await, vec![(edited.clone(), due)]);

    // Moved an hour later: the copy moves with it.
    let due = due + Duration::hours(1);
    store
        .move_schedule(&scheduled.id, &utc_wall(due), "UTC")
        .await
        .unwrap();
    publisher
        .keep_server_copies(&owner, Utc::now())
        .await
        .unwrap();
    assert_eq!(on_server(&base, &mark).await, vec![(edited.clone(), due)]);

    // A second item, cancelled: its copy is withdrawn.
    let other = env
        .draft(&[("en", &format!("Cancelled later {mark}"))], &[&masto])
        .await;
    let cancelled = schedule_at(store, &other.id, due + Duration::hours(1)).await;
    publisher
        .keep_server_copies(&owner, Utc::now())
        .await
        .unwrap();
    assert_eq!(on_server(&base, &mark).await.len(), 2);
    store.cancel_schedule(&cancelled.id).await.unwrap();
    publisher
        .keep_server_copies(&owner, Utc::now())
        .await
        .unwrap();
    assert_eq!(on_server(&base, &mark).await, vec![(edited.clone(), due)]);
    let gone = item(store, &cancelled.id).await;
    assert_eq!(
        target(&gone, &masto).server_copy.as_ref().map(|c| c.state),
        Some(ServerCopyState::Withdrawn)
    );

    // Its time comes: the loop hands the outbox the Nostr target only.
    let (events, mut received) = mpsc::unbounded_channel();
    let at_due = Scheduler::new(publisher.clone(), RunnerKind::Daemon)
        .with_clock(std::sync::Arc::new(Fixed(due + Duration::seconds(1))));
    at_due.tick(&events).await.unwrap();
    drop(at_due);
    drop(events);
    while received.recv().await.is_some() {}
    // The server's own time passes (mastodon-mock posts a due copy when its list is read). The
    // check runs 5 minutes after the time: the lease the loop's own pass took then has expired.
    let http = reqwest::Client::new();
    let remote = store_remote_id(&base, &mark).await;
    http.put(format!("{base}/api/v1/scheduled_statuses/{remote}"))
        .bearer_auth(peers::MASTODON_TOKEN)
        .form(&[(
            "scheduled_at",
            (Utc::now() - Duration::seconds(1)).to_rfc3339(),
        )])
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    publisher
        .keep_server_copies(&owner, due + Duration::minutes(5))
        .await
        .unwrap();

    let done = item(store, &scheduled.id).await;
    let m = target(&done, &masto);
    assert_eq!(m.state, Some(TargetState::Posted), "{m:?}");
    assert!(m.remote_url.is_some(), "{m:?}");
    // The outbox sends the Nostr target on its own task, which may still be at the relay when
    // the loop's events end (seen once on a loaded machine): wait for it, within reason.
    let mut done = done;
    for _ in 0..100 {
        if target(&done, &nostr).state == Some(TargetState::Posted) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        done = item(store, &scheduled.id).await;
    }
    assert_eq!(target(&done, &nostr).state, Some(TargetState::Posted));
    let statuses = mastodon_statuses(&base, &masto.remote_id, &mark).await;
    assert_eq!(
        statuses.len(),
        1,
        "posted once, by the server: {statuses:?}"
    );
    let notes: Vec<String> = nostr_notes(&relay, &nostr.remote_id)
        .await
        .into_iter()
        .map(|e| e.content)
        .filter(|c| c.contains(&mark))
        .collect();
    assert_eq!(notes, vec![edited]);
    env.cleanup().await;
}

/// The id of the one scheduled status whose text contains `mark`.
async fn store_remote_id(base: &str, mark: &str) -> String {
    let mine = scheduled_on_server(base, mark).await;
    assert_eq!(mine.len(), 1);
    mine[0].id.clone()
}

#[tokio::test]
async fn a_lost_answer_makes_no_second_copy_and_a_full_day_stays_with_ferry() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let Some(env) = env("schedule_server_faults").await else {
        return;
    };
    let proxy = FaultProxy::start(&base).await.unwrap();
    let masto = add_mastodon(&env.accounts, &proxy.http_url(), &["zh-Hans"]).await;
    let mark = marker("srvlost");
    let text = format!("答复丢失也只有一份 🚢 {mark}");
    let draft = env.draft(&[("zh-Hans", &text)], &[&masto]).await;
    let store = env.accounts.store();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let owner = "test-loop";
    let due = whole_minutes_ahead(40);
    let scheduled = schedule_at(store, &draft.id, due).await;
    // The server's list is read, then the hand-over reaches the server and its answer is lost;
    // the same pass looks before asking again and finds the copy: one, not two (mastodon-mock
    // keeps no idempotency keys for scheduled statuses, so a second request would make two).
    proxy.push(Fault::Forward);
    proxy.push(Fault::ForwardThenStatus(502));
    let changes = publisher
        .keep_server_copies(owner, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        changes.len(),
        1,
        "only the settled copy is reported: {changes:?}"
    );
    let copy = target(&item(store, &scheduled.id).await, &masto)
        .server_copy
        .clone()
        .unwrap();
    assert_eq!(copy.state, ServerCopyState::Kept);
    assert_eq!(on_server(&base, &mark).await, vec![(text, due)]);
    assert!(!target(&item(store, &scheduled.id).await, &masto).needs_ferry);

    // A day the server already holds 25 posts for: this one stays with Ferry, and says why.
    let day = (Utc::now() + Duration::days(9)).date_naive();
    let noon = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
    let direct = MastodonServer::new(&base)
        .unwrap()
        .client(peers::MASTODON_TOKEN.into());
    let mut filler = Vec::new();
    for n in 0..25 {
        let status = NewStatus {
            text: format!("filler {n} {mark}"),
            ..Default::default()
        };
        let at = noon + Duration::minutes(n);
        match direct
            .schedule_status(&status, at, &format!("{mark}-{n}"))
            .await
            .unwrap()
        {
            Scheduling::Kept(kept) => filler.push(kept.id),
            Scheduling::PostedNow(_) => panic!("9 days ahead must be kept"),
        }
    }
    let late = env
        .draft(&[("zh-Hans", &format!("满了 {mark}"))], &[&masto])
        .await;
    let full = schedule_at(store, &late.id, noon + Duration::hours(3)).await;
    publisher
        .keep_server_copies(owner, Utc::now())
        .await
        .unwrap();
    let shown = item(store, &full.id).await;
    let t = target(&shown, &masto);
    let copy = t.server_copy.clone().unwrap();
    assert_eq!(copy.state, ServerCopyState::Refused, "{copy:?}");
    let reason = copy.reason.unwrap();
    assert!(reason.message.contains("25"), "{reason:?}");
    assert!(t.needs_ferry, "Ferry must send it itself");
    for id in filler {
        direct.delete_scheduled(&id).await.unwrap();
    }
    env.cleanup().await;
}
