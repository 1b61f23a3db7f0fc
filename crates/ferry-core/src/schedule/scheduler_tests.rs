//! The scheduler's claims, catch-up rule and races, on a temporary database with a clock the
//! test moves by hand. The dispatcher here writes each hand-over through the same
//! transaction the outbox uses (`Store::insert_job_for`, a job with no targets), so "exactly
//! once" is checked where it is decided: in SQLite, not in a counter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use tokio::sync::mpsc;

use super::*;
use crate::outbox::HandOverClaim;
use crate::outbox::{HandOver, PublishError};
use crate::{NewDraft, Store, clock};

/// A clock that moves only when told to.
struct HandClock(Mutex<DateTime<Utc>>);

impl HandClock {
    fn at(start: DateTime<Utc>) -> Arc<HandClock> {
        Arc::new(HandClock(Mutex::new(start)))
    }
    fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap() = at;
    }
}

impl WallClock for HandClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

/// Writes the hand-over (an empty job, with the claim checked) and counts what it wrote.
struct Recorder {
    store: Store,
    handed: Arc<Mutex<HashMap<String, u32>>>,
}

impl Dispatch for Recorder {
    fn store(&self) -> &Store {
        &self.store
    }

    async fn dispatch(&self, item: &StoredSchedule, owner: &str) -> Result<HandOver, PublishError> {
        let claim = HandOverClaim {
            schedule_id: item.schedule.id.clone(),
            owner: owner.to_owned(),
            version: item.version,
            note: None,
        };
        let job = self
            .store
            .insert_job_for(
                &item.schedule.draft_id,
                1,
                &[],
                |_, _, _| None,
                Some(&claim),
            )
            .await?;
        if job.is_some() {
            *self
                .handed
                .lock()
                .unwrap()
                .entry(item.schedule.id.clone())
                .or_default() += 1;
        }
        Ok(HandOver::Lost)
    }
}

async fn store(dir: &std::path::Path) -> (Store, String) {
    let store = Store::open(dir).await.unwrap();
    let draft = store.create_draft(NewDraft::default()).await.unwrap();
    (store, draft.id)
}

/// Writes items straight into the table (ten thousand through `add_schedule` would test the
/// draft lookups, not the scheduler).
async fn insert_items(store: &Store, draft: &str, dues: &[(DateTime<Utc>, &str)]) -> Vec<String> {
    let mut tx = store.begin_write().await.unwrap();
    let mut ids = Vec::new();
    let now = clock::to_db(clock::now());
    for (due, tz) in dues {
        let id = uuid::Uuid::now_v7().to_string();
        let (wall, offset) = wall_in(&zone(tz).unwrap(), *due);
        sqlx::query(
            "INSERT INTO schedules (id, draft_id, due_at, tz, wall_time, utc_offset, \
             accounts_json, state, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, '[\"a\"]', 'scheduled', ?, ?)",
        )
        .bind(&id)
        .bind(draft)
        .bind(clock::to_db(*due))
        .bind(tz)
        .bind(wall)
        .bind(offset)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .unwrap();
        ids.push(id);
    }
    tx.commit().await.unwrap();
    ids
}

async fn states(store: &Store) -> HashMap<String, usize> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, count(*) FROM schedules GROUP BY state")
            .fetch_all(&store.pool)
            .await
            .unwrap();
    rows.into_iter().map(|(s, n)| (s, n as usize)).collect()
}

async fn jobs_per_schedule(store: &Store) -> (i64, i64) {
    sqlx::query_as(
        "SELECT count(*), count(DISTINCT schedule_id) FROM publish_jobs WHERE schedule_id IS NOT NULL",
    )
    .fetch_one(&store.pool)
    .await
    .unwrap()
}

fn start() -> DateTime<Utc> {
    "2027-03-13T00:00:00Z".parse().unwrap()
}

const ZONES: [&str; 6] = [
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Shanghai",
    "Asia/Kolkata",
    "America/Los_Angeles",
];

#[tokio::test]
async fn ten_thousand_items_in_many_zones_are_each_handed_over_once_by_two_loops() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    // Two days across the US DST change, one item every ~17 s.
    let dues: Vec<(DateTime<Utc>, &str)> = (0..10_000)
        .map(|i| {
            (
                start() + Duration::seconds(i * 17),
                ZONES[i as usize % ZONES.len()],
            )
        })
        .collect();
    insert_items(&store, &draft, &dues).await;

    let handed = Arc::new(Mutex::new(HashMap::new()));
    let clock = HandClock::at(start());
    let loop_of = |store: Store| {
        Scheduler::new(
            Recorder {
                store,
                handed: Arc::clone(&handed),
            },
            RunnerKind::Daemon,
        )
        .with_clock(clock.clone())
    };
    let (a, b) = (loop_of(store.clone()), loop_of(store.clone()));
    let (events, _received) = mpsc::unbounded_channel();
    let end = start() + Duration::seconds(10_000 * 17 + 60);
    let mut now = start();
    while now < end {
        now += Duration::minutes(2);
        clock.set(now);
        // Both loops pass at the same moment, as the app and the daemon would.
        loop {
            let (ra, rb) = tokio::join!(a.tick(&events), b.tick(&events));
            let (na, nb) = (ra.unwrap(), rb.unwrap());
            if na.is_none_or(|d| d > now) && nb.is_none_or(|d| d > now) {
                break;
            }
        }
    }
    let counts: Vec<u32> = handed.lock().unwrap().values().copied().collect();
    assert_eq!(counts.len(), 10_000);
    assert!(
        counts.iter().all(|n| *n == 1),
        "an item was handed over twice"
    );
    assert_eq!(
        states(&store).await,
        HashMap::from([("handed".to_owned(), 10_000)])
    );
    assert_eq!(jobs_per_schedule(&store).await, (10_000, 10_000));
}

#[tokio::test]
async fn after_a_jump_in_the_clock_late_items_are_sent_or_held_by_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    let t = start();
    let ids = insert_items(
        &store,
        &draft,
        &[
            (t + Duration::minutes(1), "Asia/Shanghai"),
            (t + Duration::minutes(30), "America/New_York"),
            (t + Duration::minutes(50), "Europe/London"),
        ],
    )
    .await;
    let handed = Arc::new(Mutex::new(HashMap::new()));
    let clock = HandClock::at(t);
    let scheduler = Scheduler::new(
        Recorder {
            store: store.clone(),
            handed: Arc::clone(&handed),
        },
        RunnerKind::App,
    )
    .with_clock(clock.clone());
    let (events, mut received) = mpsc::unbounded_channel();
    // The laptop sleeps from t to t+40 min: the first item is 39 min late, the second 10.
    clock.set(t + Duration::minutes(40));
    let next = scheduler.tick(&events).await.unwrap();
    assert_eq!(next, Some(t + Duration::minutes(50)));
    assert_eq!(
        received.try_recv().unwrap(),
        SchedulerEvent::Held {
            schedule_id: ids[0].clone()
        }
    );
    assert_eq!(
        store.get_schedule(&ids[0]).await.unwrap().state,
        ScheduleState::Held
    );
    assert_eq!(
        store.get_schedule(&ids[1]).await.unwrap().state,
        ScheduleState::Handed
    );
    assert_eq!(
        store.get_schedule(&ids[2]).await.unwrap().state,
        ScheduleState::Scheduled
    );
    let status = store.scheduler_status().await.unwrap();
    assert_eq!((status.held, status.pending), (1, 1));
    assert_eq!(status.last_run_by.as_deref(), Some("app"));

    // A held item never goes out by itself …
    clock.set(t + Duration::minutes(45));
    scheduler.tick(&events).await.unwrap();
    assert_eq!(
        store.get_schedule(&ids[0]).await.unwrap().state,
        ScheduleState::Held
    );
    // … until the user says "post now".
    store.release_held(&ids[0]).await.unwrap();
    scheduler.tick(&events).await.unwrap();
    assert_eq!(
        store.get_schedule(&ids[0]).await.unwrap().state,
        ScheduleState::Handed
    );
    assert_eq!(handed.lock().unwrap().len(), 2);
    // Skipping is for held items only.
    let err = store.skip_held(&ids[2]).await.unwrap_err();
    assert_eq!(err.code(), "schedule.not_editable");
}

#[tokio::test]
async fn a_cancel_or_move_after_the_claim_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    let t = start();
    let ids = insert_items(
        &store,
        &draft,
        &[(t, "Asia/Shanghai"), (t, "America/New_York")],
    )
    .await;
    let recorder = Recorder {
        store: store.clone(),
        handed: Arc::new(Mutex::new(HashMap::new())),
    };
    let claimed = store
        .claim_due("loop-a", t, Duration::minutes(15), 10)
        .await
        .unwrap();
    assert_eq!(claimed.items.len(), 2);
    // The user acts between the claim and the hand-over.
    store.cancel_schedule(&ids[0]).await.unwrap();
    let later = (Utc::now() + Duration::days(30))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    store
        .move_schedule(&ids[1], &later, "America/New_York")
        .await
        .unwrap();
    for item in &claimed.items {
        recorder.dispatch(item, "loop-a").await.unwrap();
    }
    assert!(recorder.handed.lock().unwrap().is_empty());
    assert_eq!(jobs_per_schedule(&store).await, (0, 0));
    assert_eq!(
        store.get_schedule(&ids[0]).await.unwrap().state,
        ScheduleState::Cancelled
    );
    assert_eq!(
        store.get_schedule(&ids[1]).await.unwrap().state,
        ScheduleState::Scheduled
    );
}

#[tokio::test]
async fn an_expired_claim_is_taken_over_and_the_first_loop_then_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    let t = start();
    insert_items(&store, &draft, &[(t, "Europe/London")]).await;
    let recorder = Recorder {
        store: store.clone(),
        handed: Arc::new(Mutex::new(HashMap::new())),
    };
    let first = store
        .claim_due("loop-a", t, Duration::minutes(15), 10)
        .await
        .unwrap();
    // loop-a stalls past its lease; loop-b claims the item and hands it over.
    let later = t + Duration::minutes(3);
    let second = store
        .claim_due("loop-b", later, Duration::minutes(15), 10)
        .await
        .unwrap();
    assert_eq!(second.items.len(), 1);
    recorder.dispatch(&second.items[0], "loop-b").await.unwrap();
    recorder.dispatch(&first.items[0], "loop-a").await.unwrap();
    assert_eq!(recorder.handed.lock().unwrap().values().sum::<u32>(), 1);
    assert_eq!(jobs_per_schedule(&store).await, (1, 1));
}

/// A claimed item whose hand-over failed waits for its lease: the loop sleeps until then
/// (at most 30 s at a time) instead of waking again at once, over and over.
#[tokio::test]
async fn a_claimed_item_is_next_wanted_when_its_claim_expires() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    let t = start();
    insert_items(&store, &draft, &[(t, "Asia/Shanghai")]).await;
    let claimed = store
        .claim_due("loop-a", t, Duration::minutes(15), 10)
        .await
        .unwrap();
    assert_eq!(claimed.items.len(), 1);
    let next = store.next_due_at().await.unwrap().unwrap();
    assert_eq!(
        next,
        t + super::claim::CLAIM_LEASE,
        "not the passed due time"
    );
    assert_eq!(sleep_for(Some(next), t + Duration::seconds(1)), MAX_SLEEP);
}

#[test]
fn the_loop_never_sleeps_past_thirty_seconds_or_past_the_next_item() {
    let now = start();
    assert_eq!(sleep_for(None, now), MAX_SLEEP);
    assert_eq!(sleep_for(Some(now + Duration::hours(5)), now), MAX_SLEEP);
    assert_eq!(
        sleep_for(Some(now + Duration::seconds(7)), now),
        std::time::Duration::from_secs(7)
    );
    assert_eq!(
        sleep_for(Some(now - Duration::seconds(7)), now),
        std::time::Duration::ZERO
    );
}

#[tokio::test]
async fn the_catch_up_window_is_the_users_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    let t = start();
    let ids = insert_items(&store, &draft, &[(t, "Asia/Shanghai")]).await;
    assert_eq!(
        store.catch_up_minutes().await.unwrap(),
        DEFAULT_CATCH_UP_MINUTES
    );
    // Zero: anything late at all waits for the user.
    store.set_catch_up_minutes(0).await.unwrap();
    let claimed = store
        .claim_due(
            "loop-a",
            t + Duration::seconds(61),
            Duration::minutes(0),
            10,
        )
        .await
        .unwrap();
    assert_eq!(claimed.held, ids);
    let err = store.set_catch_up_minutes(24 * 60 + 1).await.unwrap_err();
    assert_eq!(err.code(), "schedule.bad_setting");
    assert_eq!(
        store.catch_up_minutes().await.unwrap(),
        0,
        "a refused value is not stored"
    );
}

/// A loop killed while it held a claim (its process is gone) does not make the item wait for
/// the 2-minute lease: the next pass of another loop takes it at once. A live holder's claim
/// stands until it expires.
#[tokio::test]
async fn a_claim_of_a_loop_whose_process_is_gone_is_taken_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (store, draft) = store(dir.path()).await;
    let t = start();
    insert_items(
        &store,
        &draft,
        &[(t, "America/New_York"), (t, "Asia/Shanghai")],
    )
    .await;
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let dead_pid = gone.id();
    gone.wait().unwrap();
    for (owner, pid) in [("loop-dead", dead_pid), ("loop-alive", std::process::id())] {
        sqlx::query(
            "INSERT INTO scheduler_runs (owner, kind, pid, started_at, last_run_at) \
             VALUES (?, 'daemon', ?, ?, ?)",
        )
        .bind(owner)
        .bind(i64::from(pid))
        .bind(crate::clock::to_db(t))
        .bind(crate::clock::to_db(t))
        .execute(&store.pool)
        .await
        .unwrap();
    }
    // The live loop claims first: a pass gives back dead loops' claims before it claims.
    let alive = store
        .claim_due("loop-alive", t, Duration::minutes(15), 1)
        .await
        .unwrap();
    let dead = store
        .claim_due("loop-dead", t, Duration::minutes(15), 1)
        .await
        .unwrap();
    assert_eq!((dead.items.len(), alive.items.len()), (1, 1));
    // Seconds later, well inside both leases.
    let taken = store
        .claim_due(
            "loop-b",
            t + Duration::seconds(5),
            Duration::minutes(15),
            10,
        )
        .await
        .unwrap();
    let ids: Vec<&str> = taken.items.iter().map(|i| i.schedule.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![dead.items[0].schedule.id.as_str()],
        "only the dead loop's item"
    );
}
