//! [`Scheduler`]: the loop that sends scheduled items when they fall due. One per process (the
//! desktop app, or `ferry daemon`); several on one database share the work through claims.
//!
//! ```no_run
//! # async fn demo(publisher: ferry_core::outbox::Publisher) {
//! use ferry_core::schedule::{RunnerKind, Scheduler};
//! let scheduler = Scheduler::new(publisher, RunnerKind::Daemon);
//! let wake = scheduler.waker(); // call wake.wake() after adding, moving or cancelling
//! let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
//! tokio::spawn(async move { while let Some(event) = received.recv().await { println!("{event:?}") } });
//! let (_stop, stopped) = tokio::sync::oneshot::channel::<()>(); // the CLI stops on SIGTERM
//! scheduler.run(events, async { let _ = stopped.await; }).await;
//! # }
//! ```
//!
//! Why it never sleeps longer than 30 s: tokio's timers run on the monotonic clock, which
//! stops while a laptop is suspended (tokio #3185), so a long sleep would wake late by the
//! whole suspension. Each pass compares the wall clock instead, and what fell due while the
//! machine slept is sent or held by the catch-up rule.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinSet;
use ts_rs::TS;

use super::claim::Claimed;
use super::dispatch::Dispatch;
use super::doorbell::Doorbell;
use super::error::ScheduleError;
use super::server_copies::ServerCopyState;
use crate::error::ErrorPayload;
use crate::outbox::{HandOver, PublishEvent};

/// The longest the loop sleeps before looking at the wall clock again.
pub const MAX_SLEEP: Duration = Duration::from_secs(30);
/// Items claimed per pass; a full pass is followed at once by another.
const CLAIM_BATCH: u32 = 50;

/// Which kind of process runs a loop, as the heartbeat reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunnerKind {
    App,
    Daemon,
}

impl RunnerKind {
    fn as_str(self) -> &'static str {
        match self {
            RunnerKind::App => "app",
            RunnerKind::Daemon => "daemon",
        }
    }
}

/// The time of day, from the wall clock (tests substitute their own).
pub trait WallClock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

/// The computer's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl WallClock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Wakes the loop at once (after a schedule was added, moved or cancelled in this process;
/// other processes ring its [`Doorbell`]).
#[derive(Debug, Clone)]
pub struct SchedulerWake(Arc<Notify>);

impl SchedulerWake {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// What the loop did, as it happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum SchedulerEvent {
    /// An item became an outbox job, now sending.
    Handed { schedule_id: String, job_id: String },
    /// An item fell due longer ago than the catch-up window: it waits for the user.
    Held { schedule_id: String },
    /// Every target of an item is posted by its own server (Mastodon's schedule).
    ToServers { schedule_id: String },
    /// An item could not go out at all.
    Failed {
        schedule_id: String,
        error: ErrorPayload,
    },
    /// The check before its time found what would stop a target (or found it fixed: `None`).
    Warning {
        schedule_id: String,
        warning: Option<ErrorPayload>,
    },
    /// Progress of a handed item's job, as "Post now" reports it.
    Publish { event: PublishEvent },
    /// A target's copy on its Mastodon server changed (handed over, moved, withdrawn, posted).
    ServerCopy {
        schedule_id: String,
        account_id: String,
        state: ServerCopyState,
        reason: Option<ErrorPayload>,
    },
}

/// The loop. See the module docs.
pub struct Scheduler<D: Dispatch> {
    dispatch: Arc<D>,
    owner: String,
    kind: RunnerKind,
    clock: Arc<dyn WallClock>,
    wake: Arc<Notify>,
    jobs: tokio::sync::Mutex<JoinSet<()>>,
    /// The servers' pass is running (at most one at a time per loop).
    keeping: Arc<AtomicBool>,
    /// Where other processes ring this loop, once `run` opened its doorbell.
    doorbell: OnceLock<String>,
}

impl<D: Dispatch> Scheduler<D> {
    pub fn new(dispatch: D, kind: RunnerKind) -> Self {
        Scheduler {
            dispatch: Arc::new(dispatch),
            owner: format!("{}-{}", kind.as_str(), uuid::Uuid::now_v7()),
            kind,
            clock: Arc::new(SystemClock),
            wake: Arc::new(Notify::new()),
            jobs: tokio::sync::Mutex::new(JoinSet::new()),
            keeping: Arc::new(AtomicBool::new(false)),
            doorbell: OnceLock::new(),
        }
    }

    pub fn with_clock(mut self, clock: Arc<dyn WallClock>) -> Self {
        self.clock = clock;
        self
    }

    pub fn waker(&self) -> SchedulerWake {
        SchedulerWake(Arc::clone(&self.wake))
    }

    /// This loop's name in claims and in the heartbeat.
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// One pass: heartbeat, hold what is too late, claim what is due and hand it over.
    /// Returns when the next pass is wanted.
    pub async fn tick(
        &self,
        events: &mpsc::UnboundedSender<SchedulerEvent>,
    ) -> Result<Option<DateTime<Utc>>, ScheduleError> {
        let store = self.dispatch.store();
        let now = self.clock.now();
        store
            .heartbeat(
                &self.owner,
                self.kind.as_str(),
                self.doorbell.get().map(String::as_str),
                now,
            )
            .await?;
        let window = chrono::Duration::minutes(i64::from(store.catch_up_minutes().await?));
        let Claimed { items, held } = store
            .claim_due(&self.owner, now, window, CLAIM_BATCH)
            .await?;
        for schedule_id in held {
            let _ = events.send(SchedulerEvent::Held { schedule_id });
        }
        let full = items.len() == CLAIM_BATCH as usize;
        for item in items {
            let schedule_id = item.schedule.id.clone();
            match self.dispatch.dispatch(&item, &self.owner).await {
                Ok(HandOver::Started(mut handle)) => {
                    let job_id = handle.job_id().to_owned();
                    let _ = events.send(SchedulerEvent::Handed {
                        schedule_id,
                        job_id,
                    });
                    let events = events.clone();
                    self.jobs.lock().await.spawn(async move {
                        while let Some(event) = handle.next_event().await {
                            let _ = events.send(SchedulerEvent::Publish { event });
                        }
                        let _ = handle.finish().await;
                    });
                }
                Ok(HandOver::Failed(error)) => {
                    let _ = events.send(SchedulerEvent::Failed { schedule_id, error });
                }
                Ok(HandOver::ToServers) => {
                    let _ = events.send(SchedulerEvent::ToServers { schedule_id });
                }
                Ok(HandOver::Lost) => {}
                // The claim stays and expires; the item is tried again then, never lost.
                Err(err) => tracing::warn!(schedule = %schedule_id, "hand-over failed: {err}"),
            }
        }
        for change in store.preflight(now).await? {
            let _ = events.send(SchedulerEvent::Warning {
                schedule_id: change.schedule_id,
                warning: change.warning,
            });
        }
        self.keep_servers_in_step(events, now).await;
        if full {
            return Ok(Some(now));
        }
        store.next_due_at().await
    }

    /// Runs passes until `shutdown` completes, then waits (at most 30 s) for the jobs it
    /// started, so a clean stop does not leave posts half-sent.
    pub async fn run(
        self,
        events: mpsc::UnboundedSender<SchedulerEvent>,
        shutdown: impl Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        let doorbell = Doorbell::open(&self.owner);
        if let Some(bell) = &doorbell {
            let _ = self.doorbell.set(bell.address().to_owned());
        }
        loop {
            let next = match self.tick(&events).await {
                Ok(next) => next,
                Err(err) => {
                    tracing::warn!("scheduler pass failed: {err}");
                    None
                }
            };
            let pause = sleep_for(next, self.clock.now());
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = self.wake.notified() => {}
                _ = rung(doorbell.as_ref()) => {}
                _ = &mut shutdown => break,
            }
            self.reap().await;
        }
        let _ = self.dispatch.store().heartbeat_stopped(&self.owner).await;
        let mut jobs = std::mem::take(&mut *self.jobs.lock().await);
        let _ = tokio::time::timeout(MAX_SLEEP, async {
            while jobs.join_next().await.is_some() {}
        })
        .await;
    }

    /// Starts the servers' pass unless the last one is still running: it talks to servers,
    /// and the loop must not wait on them to send what is due.
    async fn keep_servers_in_step(
        &self,
        events: &mpsc::UnboundedSender<SchedulerEvent>,
        now: DateTime<Utc>,
    ) {
        if self.keeping.swap(true, Ordering::AcqRel) {
            return;
        }
        let (dispatch, owner, events) = (
            Arc::clone(&self.dispatch),
            self.owner.clone(),
            events.clone(),
        );
        let keeping = Arc::clone(&self.keeping);
        self.jobs.lock().await.spawn(async move {
            match dispatch.keep_server_copies(&owner, now).await {
                Ok(changes) => {
                    for c in changes {
                        let _ = events.send(SchedulerEvent::ServerCopy {
                            schedule_id: c.schedule_id,
                            account_id: c.account_id,
                            state: c.state,
                            reason: c.reason,
                        });
                    }
                }
                Err(err) => tracing::warn!("server schedule pass failed: {err}"),
            }
            keeping.store(false, Ordering::Release);
        });
    }

    async fn reap(&self) {
        let mut jobs = self.jobs.lock().await;
        while jobs.try_join_next().is_some() {}
    }
}

async fn rung(doorbell: Option<&Doorbell>) {
    match doorbell {
        Some(bell) => bell.rung().await,
        None => std::future::pending().await,
    }
}

/// How long to sleep: until the next item, never more than [`MAX_SLEEP`], zero when late.
pub fn sleep_for(next: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Duration {
    match next {
        Some(due) => (due - now)
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(MAX_SLEEP),
        None => MAX_SLEEP,
    }
}
