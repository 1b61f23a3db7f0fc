//! The pass that keeps the servers' copies in step with Ferry's items. The scheduler loop
//! runs it after each of its own passes; one loop at a time per database (a lease), so the
//! app and `ferry daemon` never both hand a target to a server.
//!
//! Per Mastodon target of a waiting item, it compares what the server should keep
//! (`wanted.rs`) with what it was given (the row) and acts:
//! - nothing given yet, or given something else (the text was edited) → hand it over (after
//!   withdrawing the old copy); moved → `PUT` the new time; no longer wanted (cancelled,
//!   moved too near, became a thread, switch turned off) → withdraw it, and Ferry sends
//!   that target itself if the item still goes out.
//! - A copy whose hand-over had no answer (`creating`) is looked for among the server's
//!   scheduled statuses, then its posted ones, before it is asked for again with the same
//!   idempotency key: never two copies.
//! - After its time, a copy is confirmed: gone from the server's schedule and found among
//!   the account's statuses → `posted`, with its address.
//!
//! A change to a waiting item's copy is made under the item's scheduler claim, so the loop
//! can't hand the item over while its copy is half-changed.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::rows::CopyRow;
use super::server_calls::ServerCalls;
use super::wanted::{WantedCopy, far_enough, too_near, wanted_copies};
use super::{ServerCopyState, stored};
use crate::error::{ErrorPayload, StoreError};
use crate::outbox::Publisher;
use crate::schedule::{ScheduleError, ScheduleState, StoredSchedule};

/// The lease's name and length: longer than a pass takes, short enough that a dead loop's
/// work is taken over quickly.
const LEASE: &str = "server-schedules";
const LEASE_LENGTH: Duration = Duration::minutes(2);
/// How long a copy past its time is looked for among the account's statuses before Ferry
/// says it can't find it.
const FIND_FOR: Duration = Duration::hours(1);

/// One change a pass made, for the log and the UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyChange {
    pub schedule_id: String,
    pub account_id: String,
    pub state: ServerCopyState,
    pub reason: Option<ErrorPayload>,
}

impl Publisher {
    /// One pass (see the module docs). Does nothing while another loop holds the lease.
    pub async fn keep_server_copies(
        &self,
        owner: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<CopyChange>, ScheduleError> {
        let store = self.accounts().store();
        // The common case, nothing on or for a server, costs one read and no write: an idle
        // `ferry daemon` wakes every 30 s and should stay that cheap.
        if !store.server_copies_wanted().await?
            || !store.take_lease(LEASE, owner, now, LEASE_LENGTH).await?
        {
            return Ok(Vec::new());
        }
        let rows: HashMap<(String, String), CopyRow> = store
            .server_copies(None)
            .await?
            .into_iter()
            .map(|r| ((r.schedule_id.clone(), r.account_id.clone()), r))
            .collect();
        let all = self.accounts().list().await?;
        let switches = store.server_schedule_switches().await?;
        let mut calls = ServerCalls::new(self, now);
        let mut changes = Vec::new();
        for item in stored::items_with_copies_or_waiting(store).await? {
            let waiting = item.schedule.state == ScheduleState::Scheduled;
            let draft = match store.get_draft(&item.schedule.draft_id).await {
                Ok(draft) => Some(draft),
                Err(StoreError::DraftNotFound { .. }) => None,
                Err(other) => return Err(other.into()),
            };
            let wanted = match (&draft, waiting) {
                (Some(draft), true) => {
                    let on = |id: &str| switches.get(id).copied().unwrap_or(false);
                    wanted_copies(draft, &item, &all, on)
                }
                _ => Vec::new(),
            };
            let mut plan = Vec::new();
            for (account_id, want) in wanted {
                let row = rows.get(&(item.schedule.id.clone(), account_id.clone()));
                if let Some(step) = decide(row, want, now) {
                    plan.push((account_id, step));
                }
            }
            // Copies of items that no longer go out at all (cancelled, skipped, failed, or
            // their draft deleted) come back from the servers.
            let gone = draft.is_none()
                || matches!(
                    item.schedule.state,
                    ScheduleState::Cancelled | ScheduleState::Skipped | ScheduleState::Failed
                );
            if gone {
                let reason = gone_reason(&item, draft.is_none());
                for row in rows.values() {
                    if row.schedule_id == item.schedule.id
                        && row.state == ServerCopyState::Kept
                        && row.due_at > now
                    {
                        plan.push((row.account_id.clone(), Step::Withdraw(reason.clone())));
                    }
                }
            }
            if plan.is_empty() {
                continue;
            }
            if waiting && !store.claim_for_copies(&item, owner, now).await? {
                continue; // changed or claimed since it was read: the next pass sees it anew
            }
            for (account_id, step) in plan {
                let key = (item.schedule.id.clone(), account_id.clone());
                let row = rows.get(&key).cloned();
                if let Some(change) = calls.apply(&item, &account_id, row, step).await? {
                    changes.push(change);
                }
            }
            if waiting {
                store.release_copies_claim(&item.schedule.id, owner).await?;
            }
        }
        // Copies whose answer was lost, and copies past their time: settle them.
        for row in store.server_copies(None).await? {
            let settle = match row.state {
                ServerCopyState::Creating => true,
                ServerCopyState::Kept => row.due_at <= now - Duration::seconds(30),
                _ => false,
            };
            if settle && let Some(change) = calls.settle(&row, now - row.due_at > FIND_FOR).await? {
                changes.push(change);
            }
        }
        Ok(changes)
    }
}

/// What to do for one target.
#[derive(Debug, Clone)]
pub(crate) enum Step {
    Create(WantedCopy),
    /// Withdraw the old copy, then hand over the new.
    Replace(WantedCopy),
    Move(WantedCopy),
    Withdraw(ErrorPayload),
}

fn decide(
    row: Option<&CopyRow>,
    want: Result<WantedCopy, ErrorPayload>,
    now: DateTime<Utc>,
) -> Option<Step> {
    use ServerCopyState as S;
    let want = match (row.map(|r| r.state), want) {
        (Some(S::Kept), Err(reason)) => return Some(Step::Withdraw(reason)),
        (_, Err(_)) => return None,
        (_, Ok(want)) => want,
    };
    let far = far_enough(want.due_at, now);
    let Some(row) = row else {
        return far.then_some(Step::Create(want));
    };
    let changed = row.fingerprint != want.fingerprint || row.due_at != want.due_at;
    match row.state {
        S::Kept if changed && !far => Some(Step::Withdraw(too_near())),
        S::Kept if row.fingerprint != want.fingerprint => Some(Step::Replace(want)),
        S::Kept if row.due_at != want.due_at => Some(Step::Move(want)),
        S::Withdrawn if far => Some(Step::Create(want)),
        // Refused for this text at this time: asked again only when either changed.
        S::Refused if far && changed => Some(Step::Create(want)),
        _ => None,
    }
}

fn gone_reason(item: &StoredSchedule, draft_deleted: bool) -> ErrorPayload {
    let message = if draft_deleted {
        "the draft was deleted".to_owned()
    } else {
        format!("the item is {}", item.schedule.state.as_str())
    };
    ErrorPayload {
        code: "schedule.server_withdrawn".into(),
        message,
    }
}
