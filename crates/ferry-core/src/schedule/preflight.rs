//! The check before an item's time: in the 30 minutes before it falls due, each pass of the
//! loop plans the item as the hand-over will (the draft as it is now, the accounts as they are
//! now) without writing or sending anything, and stores what would stop a target — a deleted
//! draft, a removed account, an account whose sign-in expired, a text over a network's limit —
//! on the item as its `warning`. The UI and `ferry daemon` say so while there is still time to
//! fix it; a fixed item's warning is cleared by the next pass.

use chrono::{DateTime, Duration, Utc};

use super::error::ScheduleError;
use super::rows::{COLUMNS, Row, StoredSchedule, decode};
use crate::Store;
use crate::accounts::{Account, AccountState};
use crate::clock;
use crate::error::{ErrorPayload, StoreError};
use crate::model::Draft;
use crate::outbox::{PublishRequest, preview};

/// How long before its time an item is checked.
pub const PREFLIGHT_AHEAD: Duration = Duration::minutes(30);
/// How often one item is checked again.
const RECHECK: Duration = Duration::seconds(60);

/// An item whose warning changed in this pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preflight {
    pub schedule_id: String,
    pub warning: Option<ErrorPayload>,
}

impl Store {
    /// Checks the items due within [`PREFLIGHT_AHEAD`] of `now` not checked in the last
    /// minute; returns those whose warning changed.
    pub(crate) async fn preflight(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<Preflight>, ScheduleError> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM schedules WHERE state = 'scheduled' AND due_at <= ? \
             AND (checked_at IS NULL OR checked_at < ?) ORDER BY due_at LIMIT 200"
        ))
        .bind(clock::to_db(now + PREFLIGHT_AHEAD))
        .bind(clock::to_db(now - RECHECK))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let accounts = self.list_accounts().await?;
        let mut changed = Vec::new();
        for row in rows {
            let item = decode(row).map_err(|e| self.db_err(e))?;
            let draft = match self.get_draft(&item.schedule.draft_id).await {
                Ok(draft) => Some(draft),
                Err(StoreError::DraftNotFound { .. }) => None,
                Err(other) => return Err(other.into()),
            };
            let warning = problems(draft.as_ref(), &item, &accounts);
            sqlx::query(
                "UPDATE schedules SET warning_code = ?, warning_message = ?, checked_at = ? \
                 WHERE id = ? AND version = ?",
            )
            .bind(warning.as_ref().map(|w| w.code.as_str()))
            .bind(warning.as_ref().map(|w| w.message.as_str()))
            .bind(clock::to_db(now))
            .bind(&item.schedule.id)
            .bind(item.version)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
            if warning != item.schedule.warning {
                changed.push(Preflight {
                    schedule_id: item.schedule.id.clone(),
                    warning,
                });
            }
        }
        Ok(changed)
    }
}

/// What would stop a target of `item` if it were sent now; `None` when all would go.
pub fn problems(
    draft: Option<&Draft>,
    item: &StoredSchedule,
    accounts: &[Account],
) -> Option<ErrorPayload> {
    let Some(draft) = draft else {
        return Some(ErrorPayload::of(&ScheduleError::DraftDeleted {
            draft: item.schedule.draft_id.clone(),
        }));
    };
    let mut found = Vec::new();
    let mut present = Vec::new();
    for id in &item.accounts {
        match accounts.iter().find(|a| &a.id == id) {
            None => found.push(format!("account {id} was removed")),
            Some(a) if a.state == AccountState::NeedsReauth => found.push(format!(
                "{} ({}) must be signed in again (Accounts → Sign in again)",
                a.handle, a.network
            )),
            Some(_) => present.push(id.clone()),
        }
    }
    if !present.is_empty() {
        let request = PublishRequest {
            to: present,
            ..item.request()
        };
        match preview(draft, accounts, &request) {
            Ok(targets) => {
                for target in targets {
                    if let Some(refusal) = target.refusal {
                        let handle = accounts
                            .iter()
                            .find(|a| a.id == target.account_id)
                            .map_or(target.account_id.as_str(), |a| a.handle.as_str());
                        found.push(format!(
                            "{handle} ({}): {}",
                            target.network, refusal.message
                        ));
                    }
                }
            }
            Err(err) => found.push(err.to_string()),
        }
    }
    (!found.is_empty()).then(|| {
        ErrorPayload::of(&ScheduleError::WontSend {
            detail: found.join("; "),
        })
    })
}
