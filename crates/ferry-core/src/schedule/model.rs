//! What a scheduled item is, as the calendar, `ferry schedule list --json` and the scheduler
//! see it. Field names are snake_case on the wire (the CLI's documented JSON), and the UI's
//! types are generated from these.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorPayload;
use crate::model::Network;
use crate::outbox::{AudienceMapping, TargetState};
use crate::schedule::ServerCopy;

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScheduleState {
    /// Waiting for its time.
    Scheduled,
    /// A scheduler loop is handing it to the outbox right now (under a lease).
    Claimed,
    /// Handed to the outbox: its targets' states are the job's.
    Handed,
    /// Fell due while nothing was running and is later than the catch-up window: waits for
    /// the user (post now, reschedule, skip). Never sent on its own.
    Held,
    /// Held, then skipped by the user.
    Skipped,
    Cancelled,
    /// Could not be handed over (the draft was deleted, no account left …): see `error`.
    Failed,
}

impl ScheduleState {
    pub const ALL: [ScheduleState; 7] = [
        ScheduleState::Scheduled,
        ScheduleState::Claimed,
        ScheduleState::Handed,
        ScheduleState::Held,
        ScheduleState::Skipped,
        ScheduleState::Cancelled,
        ScheduleState::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleState::Scheduled => "scheduled",
            ScheduleState::Claimed => "claimed",
            ScheduleState::Handed => "handed",
            ScheduleState::Held => "held",
            ScheduleState::Skipped => "skipped",
            ScheduleState::Cancelled => "cancelled",
            ScheduleState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<ScheduleState> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still to go out: moving or cancelling it makes sense.
    pub fn is_pending(self) -> bool {
        matches!(self, ScheduleState::Scheduled | ScheduleState::Held)
    }
}

/// One scheduled item: a draft, the accounts it goes to, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Schedule {
    pub id: String,
    pub draft_id: String,
    /// The start of the draft's main text as it is now; `None` once the draft is deleted.
    pub draft_preview: Option<String>,
    /// The instant, UTC.
    pub due_at: DateTime<Utc>,
    /// The IANA zone the time was chosen in.
    pub tz: String,
    /// The wall time as chosen, in `tz`: `2027-03-14T09:00:00`.
    pub wall_time: String,
    /// `tz`'s offset at `due_at`: `-04:00`.
    pub utc_offset: String,
    pub state: ScheduleState,
    /// "Post now" on a held item: it goes out however late.
    pub late_ok: bool,
    pub targets: Vec<ScheduleTarget>,
    /// The outbox job it became, once handed.
    pub job_id: Option<String>,
    /// Why it failed, or which targets were left out and why.
    pub error: Option<ErrorPayload>,
    /// Found by the check in the 30 minutes before its time: what would stop a target then
    /// (an account to sign in again, a text over a network's limit …). Cleared once fixed.
    pub warning: Option<ErrorPayload>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What was accepted for its X targets when it was scheduled (`$0.215`); X targets that
    /// would cost more at its time (the draft changed) are not sent.
    pub x_cost_accepted: Option<String>,
}

/// One account an item goes to, with how far it got once handed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScheduleTarget {
    pub account_id: String,
    /// `None` when the account was removed after scheduling.
    pub network: Option<Network>,
    pub handle: Option<String>,
    /// The account's audience zone, for "Tue 09:00 New York · Tue 22:00 北京".
    pub audience_tz: Option<String>,
    /// The outbox's state once handed; `None` before.
    pub state: Option<TargetState>,
    pub remote_url: Option<String>,
    pub error: Option<ErrorPayload>,
    /// Its copy on its Mastodon server, when Ferry handed it to the server's own schedule.
    pub server_copy: Option<ServerCopy>,
    /// True while the item waits and this target goes out only if Ferry (the app or
    /// `ferry daemon`) is running at its time; false when its server holds it.
    pub needs_ferry: bool,
}

/// What `ferry schedule add` and the composer's schedule dialog ask for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewSchedule {
    pub draft_id: String,
    /// `YYYY-MM-DDTHH:MM[:SS][±HH:MM]`, a wall time in `tz` (the offset picks one instant of
    /// a DST fold).
    pub at: String,
    pub tz: String,
    /// Account ids; empty: the draft's targets as they are now.
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default)]
    pub mapping: Vec<AudienceMapping>,
    /// The person saw what posting to X costs (`preview_post`) and accepts it; without it an
    /// item with an X account is refused, naming the price.
    #[serde(default)]
    pub accept_x_cost: bool,
}

/// A weekly queue slot of one account, in a zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QueueSlot {
    pub id: String,
    pub account_id: String,
    /// `mon` … `sun`.
    pub day: String,
    /// `09:00`
    pub time: String,
    pub tz: String,
}

/// Is anything sending scheduled items, and what is next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchedulerStatus {
    /// When any scheduler loop on this database last ran; `None`: never.
    pub last_run_at: Option<DateTime<Utc>>,
    /// `app` or `daemon`, of that loop.
    pub last_run_by: Option<String>,
    /// True when a loop ran within the last 90 s (it runs at least every 30 s).
    pub running: bool,
    /// The next item to go out.
    pub next: Option<Schedule>,
    /// Items waiting to go out.
    pub pending: u32,
    /// Held items: fell due while nothing ran; the user decides.
    pub held: u32,
    /// The catch-up window: an item at most this late is sent automatically.
    pub catch_up_minutes: u32,
}
