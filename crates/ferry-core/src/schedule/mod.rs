//! Scheduling: when a draft goes out. A schedule decides only *when*; the outbox still decides
//! *how* (idempotency keys, unknown → check, never a blind resend).
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, publisher: ferry_core::outbox::Publisher) -> Result<(), ferry_core::schedule::ScheduleError> {
//! use ferry_core::schedule::{NewSchedule, RunnerKind, Scheduler};
//! // 09:00 in New York, to the draft's targets as they are now:
//! let item = store
//!     .add_schedule(&NewSchedule {
//!         draft_id: "…".into(),
//!         at: "2027-03-15T09:00".into(),
//!         tz: "America/New_York".into(),
//!         ..Default::default()
//!     })
//!     .await?;
//! println!("{} goes out at {} UTC", item.id, item.due_at);
//! // Something must run the loop: the app does, or `ferry daemon`.
//! let (events, _received) = tokio::sync::mpsc::unbounded_channel();
//! Scheduler::new(publisher, RunnerKind::Daemon).run(events, std::future::pending()).await;
//! # Ok(()) }
//! ```
//!
//! - `wall_time.rs`: a wall time in an IANA zone → one instant; DST gaps and folds refused.
//! - `rows.rs`: add, list, move, cancel; a held item's "post now" and "skip".
//! - `claim.rs`: how loops share a database (claims under a lease) and the heartbeat.
//! - `scheduler.rs`: the loop (never sleeps over 30 s; compares the wall clock).
//! - `doorbell.rs`: a change in one process wakes the loops of the others at once.
//! - `dispatch.rs`: where a claimed item goes (the outbox's hand-over, `outbox/hand_over.rs`).
//! - `preflight.rs`: the check in the 30 minutes before an item's time (warnings, not sends).
//! - `slots.rs`: weekly queue slots per account; "add to queue".
//! - `zones.rs`: each account's audience zone.
//! - `server_copies/`: Mastodon's own schedule (the server posts it while Ferry is closed).
//!
//! The catch-up rule: an item that fell due while nothing ran is sent when it is at most
//! `schedule.catch_up_minutes` late (default 15); later than that it is *held* and waits for
//! the user to post it now, move it or skip it. Nothing is shown as posted that was not.

mod claim;
mod dispatch;
mod doorbell;
mod error;
mod model;
mod preflight;
mod rows;
mod scheduler;
#[cfg(test)]
mod scheduler_tests;
pub(crate) mod server_copies;
mod slots;
mod wall_time;
mod zones;

pub use claim::{CATCH_UP_SETTING, DEFAULT_CATCH_UP_MINUTES, MAX_CATCH_UP_MINUTES};
pub use dispatch::Dispatch;
pub use doorbell::{Doorbell, ring};
pub use error::ScheduleError;
pub use model::{NewSchedule, QueueSlot, Schedule, ScheduleState, ScheduleTarget, SchedulerStatus};
pub use preflight::{PREFLIGHT_AHEAD, Preflight, problems};
pub use rows::{ScheduleFilter, StoredSchedule};
pub use scheduler::{
    MAX_SLEEP, RunnerKind, Scheduler, SchedulerEvent, SchedulerWake, SystemClock, WallClock,
    sleep_for,
};
pub use server_copies::{CopyChange, ServerCopy, ServerCopyState};
pub use slots::{SLOT_HORIZON_DAYS, occurrences};
pub use wall_time::{
    Instant, Resolved, TimeChoice, WallTimeCheck, resolve_wall_time, wall_in, zone,
};
pub use zones::{CHINESE_AUDIENCE_ZONE, default_zone, system_zone};
