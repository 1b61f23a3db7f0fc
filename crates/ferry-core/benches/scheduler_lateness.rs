//! How late the scheduler hands items over on a real clock: 200 items due over 60 s, spread
//! across the minute, one `Scheduler` loop (the same one the app and `ferry daemon` run) on
//! a temporary database, each hand-over recorded with how long after its due time it came.
//!
//! `cargo bench -p ferry-core --bench scheduler_lateness` (about 70 s; not criterion: a
//! lateness distribution on the wall clock is the measurement, not a repeated timing). Target
//! (issue 9): p99 under 1 s. The anchor in the same run is a bare tokio timer per item
//! (`sleep_until` its due instant): what any timer costs on this machine, with no database,
//! claims or hand-over.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use ferry_core::outbox::{HandOver, PublishError};
use ferry_core::schedule::{Dispatch, RunnerKind, Scheduler, StoredSchedule};
use ferry_core::{NewDraft, Store};
use sqlx::sqlite::SqliteConnectOptions;

const ITEMS: usize = 200;
const SPREAD: Duration = Duration::from_secs(60);

/// Records each item's first hand-over; hands nothing on (the outbox is not measured here).
struct Recorder {
    store: Store,
    late: Arc<Mutex<HashMap<String, chrono::Duration>>>,
}

impl Dispatch for Recorder {
    fn store(&self) -> &Store {
        &self.store
    }

    async fn dispatch(
        &self,
        item: &StoredSchedule,
        _owner: &str,
    ) -> Result<HandOver, PublishError> {
        let late = Utc::now() - item.schedule.due_at;
        self.late
            .lock()
            .unwrap()
            .entry(item.schedule.id.clone())
            .or_insert(late);
        Ok(HandOver::Lost)
    }
}

async fn insert(dir: &std::path::Path, draft: &str, dues: &[DateTime<Utc>]) {
    let options = SqliteConnectOptions::new().filename(dir.join("ferry.db"));
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let now = Utc::now().format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    for (n, due) in dues.iter().enumerate() {
        sqlx::query(
            "INSERT INTO schedules (id, draft_id, due_at, tz, wall_time, utc_offset, \
             accounts_json, state, created_at, updated_at) \
             VALUES (?, ?, ?, 'UTC', ?, '+00:00', '[\"a\"]', 'scheduled', ?, ?)",
        )
        .bind(format!("bench-{n:04}"))
        .bind(draft)
        .bind(due.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string())
        .bind(due.format("%Y-%m-%dT%H:%M:%S").to_string())
        .bind(&now)
        .bind(&now)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
}

fn percentiles(what: &str, mut late_ms: Vec<f64>) {
    late_ms.sort_by(|a, b| a.total_cmp(b));
    let at = |p: f64| late_ms[((late_ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{what:<28} n={:<4} p50 {:>8.1} ms  p90 {:>8.1} ms  p99 {:>8.1} ms  max {:>8.1} ms",
        late_ms.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        late_ms[late_ms.len() - 1]
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: only run when asked.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        let draft = store.create_draft(NewDraft::default()).await.unwrap();
        let start = Utc::now() + chrono::Duration::seconds(5);
        let step = SPREAD.as_millis() as i64 / ITEMS as i64;
        let dues: Vec<DateTime<Utc>> = (0..ITEMS as i64)
            .map(|n| start + chrono::Duration::milliseconds(n * step))
            .collect();
        insert(dir.path(), &draft.id, &dues).await;

        // The anchor: a bare timer per due instant.
        let anchor: Vec<_> = dues
            .iter()
            .map(|due| {
                let due = *due;
                tokio::spawn(async move {
                    let wait = (due - Utc::now()).to_std().unwrap_or_default();
                    tokio::time::sleep_until(tokio::time::Instant::now() + wait).await;
                    (Utc::now() - due).num_microseconds().unwrap_or(0) as f64 / 1000.0
                })
            })
            .collect();

        let late = Arc::new(Mutex::new(HashMap::new()));
        let recorder = Recorder {
            store: store.clone(),
            late: late.clone(),
        };
        let scheduler = Scheduler::new(recorder, RunnerKind::Daemon);
        let (events, _received) = tokio::sync::mpsc::unbounded_channel();
        scheduler
            .run(events, tokio::time::sleep(SPREAD + Duration::from_secs(10)))
            .await;

        let mut bare = Vec::new();
        for task in anchor {
            bare.push(task.await.unwrap());
        }
        percentiles("anchor: bare tokio timers", bare);
        let handed: Vec<f64> = late
            .lock()
            .unwrap()
            .values()
            .map(|d| d.num_microseconds().unwrap_or(0) as f64 / 1000.0)
            .collect();
        assert_eq!(handed.len(), ITEMS, "every item handed over");
        percentiles("scheduler hand-over", handed);
    });
}
