//! [`ScheduleError`]: why a time, a schedule or a slot was refused. Messages name the zone,
//! the wall time and, for a DST gap or fold, the offsets involved, so the user can fix it.

use ferry_macros::Coded;

use crate::accounts::AccountError;
use crate::error::StoreError;

#[derive(Debug, thiserror::Error, Coded)]
pub enum ScheduleError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    #[code(transparent)]
    Account(#[from] AccountError),

    #[error(
        "unknown time zone {zone:?}: give an IANA name such as America/New_York or Asia/Shanghai"
    )]
    #[code("schedule.unknown_zone")]
    UnknownZone { zone: String },

    #[error("cannot read the time {text:?}: {reason}")]
    #[code("schedule.bad_time")]
    BadTime { text: String, reason: String },

    #[error(
        "{wall} does not exist in {zone}: clocks jump from {before} to {after} there that day, \
         skipping that hour; pick a time outside it"
    )]
    #[code("schedule.dst_gap")]
    Gap {
        zone: String,
        wall: String,
        before: String,
        after: String,
    },

    #[error(
        "{wall} happens twice in {zone} (clocks fall back that night): once at {earlier} and \
         again at {later}; say which by adding the offset, e.g. {wall}{earlier}"
    )]
    #[code("schedule.dst_fold")]
    Fold {
        zone: String,
        wall: String,
        earlier: String,
        later: String,
    },

    #[error("{wall} in {zone} is never at offset {offset}; it is at {actual}")]
    #[code("schedule.bad_offset")]
    WrongOffset {
        zone: String,
        wall: String,
        offset: String,
        actual: String,
    },

    #[error("{wall} in {zone} ({due}) is in the past; pick a later time")]
    #[code("schedule.past")]
    Past {
        wall: String,
        zone: String,
        due: String,
    },

    #[error("no scheduled item with id {id}; `ferry schedule list` shows them")]
    #[code("schedule.not_found")]
    NotFound { id: String },

    #[error("scheduled item {id} is {state} and can no longer be {action}")]
    #[code("schedule.not_editable")]
    NotEditable {
        id: String,
        state: &'static str,
        action: &'static str,
    },

    #[error(
        "posting this draft to X costs about {usd} (X charges the developer app for every \
         post): schedule it accepting the cost (the schedule dialog shows it; \
         `ferry schedule add … --accept-x-cost`)"
    )]
    #[code("schedule.cost_not_accepted")]
    CostNotAccepted { usd: String },

    #[error("draft {draft} has no accounts to schedule for: add a target or pass --to")]
    #[code("schedule.no_targets")]
    NoTargets { draft: String },

    #[error("{reason}")]
    #[code("schedule.bad_slot")]
    BadSlot { reason: String },

    #[error(
        "no queue slot found for {account} in the next {days} days: add one with `ferry slots add`"
    )]
    #[code("schedule.no_free_slot")]
    NoFreeSlot { account: String, days: u32 },

    #[error("no queue slot with id {id}")]
    #[code("schedule.slot_not_found")]
    SlotNotFound { id: String },

    #[error("not sent: draft {draft} was deleted after it was scheduled")]
    #[code("schedule.draft_deleted")]
    DraftDeleted { draft: String },

    #[error("not sent to every account: {detail}")]
    #[code("schedule.targets_left_out")]
    TargetsLeftOut { detail: String },

    #[error("at its time this will not go out to every account: {detail}")]
    #[code("schedule.preflight")]
    WontSend { detail: String },

    #[error("{reason}")]
    #[code("schedule.bad_setting")]
    BadSetting { reason: String },

    #[error(
        "account {account} is not a Mastodon account: only Mastodon servers keep scheduled \
         posts (`ferry accounts list` shows each account's network)"
    )]
    #[code("schedule.not_mastodon")]
    NotMastodon { account: String },

    #[error("cannot reach the accounts to keep the servers' schedules: {reason}")]
    #[code("schedule.accounts_unavailable")]
    AccountsUnavailable { reason: String },
}
