//! The requests a pass makes to Mastodon servers, and what each answer does to a row. Each
//! row is written (durably, with its idempotency key) *before* the request that could create
//! a copy, so a crash or a lost answer leaves `creating`, which is settled by looking before
//! asking again.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use ferry_networks::mastodon::client::{
    SCHEDULED_DAILY_LIMIT, SCHEDULED_PENDING_LIMIT, ScheduledStatus, Scheduling,
};

use super::ServerCopyState as S;
use super::keep::{CopyChange, Step};
use super::rows::CopyRow;
use super::wanted::WantedCopy;
use crate::error::ErrorPayload;
use crate::outbox::Publisher;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::send::mastodon::MastodonSender;
use crate::schedule::{ScheduleError, ScheduleState, StoredSchedule};

/// One pass's connections and the servers' lists, each fetched at most once a pass.
pub(crate) struct ServerCalls<'a> {
    publisher: &'a Publisher,
    now: DateTime<Utc>,
    senders: HashMap<String, Arc<MastodonSender>>,
    lists: HashMap<String, Vec<ScheduledStatus>>,
}

impl<'a> ServerCalls<'a> {
    pub fn new(publisher: &'a Publisher, now: DateTime<Utc>) -> Self {
        ServerCalls {
            publisher,
            now,
            senders: HashMap::new(),
            lists: HashMap::new(),
        }
    }

    async fn sender(&mut self, account_id: &str) -> Result<Arc<MastodonSender>, Failure> {
        if let Some(sender) = self.senders.get(account_id) {
            return Ok(Arc::clone(sender));
        }
        let accounts = self.publisher.accounts();
        let account = accounts.get(account_id).await?;
        let sender = Arc::new(MastodonSender::open(accounts, &account).await?);
        self.senders
            .insert(account_id.to_owned(), Arc::clone(&sender));
        Ok(sender)
    }

    async fn list(&mut self, account_id: &str) -> Result<&[ScheduledStatus], Failure> {
        if !self.lists.contains_key(account_id) {
            let listed = self
                .sender(account_id)
                .await?
                .client()
                .scheduled_statuses()
                .await?;
            self.lists.insert(account_id.to_owned(), listed);
        }
        Ok(self.lists.get(account_id).map(Vec::as_slice).unwrap_or(&[]))
    }

    /// Carries out one step for one target of `item`.
    pub async fn apply(
        &mut self,
        item: &StoredSchedule,
        account_id: &str,
        row: Option<CopyRow>,
        step: Step,
    ) -> Result<Option<CopyChange>, ScheduleError> {
        let result = match (step, row) {
            (Step::Create(want), _) => self.create(item, want).await,
            (Step::Replace(want), Some(row)) => match self.withdraw(row, None).await {
                Ok(Some(_)) => self.create(item, want).await,
                other => other,
            },
            (Step::Move(want), Some(row)) => self.shift(item, row, want).await,
            (Step::Withdraw(reason), Some(row)) => self.withdraw(row, Some(reason)).await,
            (_, None) => Ok(None),
        };
        self.settled(account_id, result)
    }

    /// A `creating` copy (was it made?) or a `kept` one past its time (was it posted?).
    pub async fn settle(
        &mut self,
        row: &CopyRow,
        give_up: bool,
    ) -> Result<Option<CopyChange>, ScheduleError> {
        let result = self.settle_row(row, give_up).await;
        self.settled(&row.account_id, result)
    }

    /// A failure talking to a server leaves the row as it is for the next pass; only the
    /// database failing ends the pass.
    fn settled(
        &mut self,
        account_id: &str,
        result: Result<Option<CopyRow>, Outcome>,
    ) -> Result<Option<CopyChange>, ScheduleError> {
        match result {
            Ok(Some(row)) => Ok(Some(CopyChange {
                schedule_id: row.schedule_id,
                account_id: row.account_id,
                state: row.state,
                reason: row.reason,
            })),
            Ok(None) => Ok(None),
            Err(Outcome::Store(err)) => Err(err),
            Err(Outcome::Server(failure)) => {
                tracing::warn!(account = %account_id, "server schedule: {}", failure.message);
                self.lists.remove(account_id);
                Ok(None)
            }
        }
    }

    async fn create(
        &mut self,
        item: &StoredSchedule,
        want: WantedCopy,
    ) -> Result<Option<CopyRow>, Outcome> {
        let account_id = want.account.id.clone();
        let mut row = CopyRow {
            schedule_id: item.schedule.id.clone(),
            account_id: account_id.clone(),
            state: S::Creating,
            remote_id: None,
            key: uuid::Uuid::now_v7().to_string(),
            due_at: want.due_at,
            fingerprint: want.fingerprint.clone(),
            text: want.text.clone(),
            lang: want.lang.as_str().to_owned(),
            media: want.media.clone(),
            status_url: None,
            reason: None,
            updated_at: self.now,
        };
        if let Some(full) = over_limit(self.list(&account_id).await?, want.due_at) {
            row.state = S::Refused;
            row.reason = Some(full);
            return self.write(row).await;
        }
        self.write(row.clone()).await?;
        let sender = self.sender(&account_id).await?;
        let answer = sender
            .schedule(&row.text, &row.lang, &row.media, row.due_at, &row.key)
            .await;
        self.lists.remove(&account_id);
        match answer {
            Ok(answer) => self.answered(row, answer).await,
            Err(f) if f.kind == FailKind::Unknown => Err(Outcome::Server(f)),
            Err(f) => {
                // Nothing was made: refused for good (Ferry sends it), or to be tried again.
                row.state = match f.kind {
                    FailKind::Retryable => S::Withdrawn,
                    _ => S::Refused,
                };
                row.reason = Some(f.payload());
                self.write(row).await
            }
        }
    }

    async fn shift(
        &mut self,
        item: &StoredSchedule,
        mut row: CopyRow,
        want: WantedCopy,
    ) -> Result<Option<CopyRow>, Outcome> {
        let Some(remote) = row.remote_id.clone() else {
            return Ok(None);
        };
        let sender = self.sender(&row.account_id).await?;
        match sender.client().move_scheduled(&remote, want.due_at).await {
            Ok(Some(_)) => {
                row.due_at = want.due_at;
                self.write(row).await
            }
            // Deleted on the server meanwhile: hand the moved item over afresh.
            Ok(None) => self.create(item, want).await,
            Err(err) => {
                let failure = Failure::from(err);
                if failure.kind == FailKind::Permanent {
                    let reason = Some(failure.payload());
                    return self.withdraw(row, reason).await;
                }
                Err(Outcome::Server(failure))
            }
        }
    }

    async fn withdraw(
        &mut self,
        mut row: CopyRow,
        reason: Option<ErrorPayload>,
    ) -> Result<Option<CopyRow>, Outcome> {
        if let Some(remote) = row.remote_id.clone() {
            let sender = self.sender(&row.account_id).await?;
            sender
                .client()
                .delete_scheduled(&remote)
                .await
                .map_err(|e| Outcome::Server(e.into()))?;
            self.lists.remove(&row.account_id);
        }
        row.state = S::Withdrawn;
        row.remote_id = None;
        row.reason = reason;
        self.write(row).await
    }

    async fn settle_row(
        &mut self,
        row: &CopyRow,
        give_up: bool,
    ) -> Result<Option<CopyRow>, Outcome> {
        let mut row = row.clone();
        let kept = self
            .list(&row.account_id)
            .await?
            .iter()
            .find(|s| match row.state {
                S::Kept => row.remote_id.as_deref() == Some(s.id.as_str()),
                _ => same_copy(s, &row),
            });
        if let Some(kept) = kept {
            if row.state == S::Kept {
                return Ok(None); // the server is late; looked at again next pass
            }
            row.remote_id = Some(kept.id.clone());
            row.state = S::Kept;
            return self.write(row).await;
        }
        let sender = self.sender(&row.account_id).await?;
        let since = row.due_at.min(row.updated_at);
        let found = sender
            .client()
            .find_own_status(&row.text, None, since)
            .await
            .map_err(|e| Outcome::Server(e.into()))?;
        if let Some(status) = found {
            row.state = S::Posted;
            row.status_url = Some(status.address());
            return self.write(row).await;
        }
        if row.state == S::Kept {
            if !give_up {
                return Ok(None);
            }
            row.state = S::Removed;
            row.reason = Some(ErrorPayload {
                code: "schedule.server_lost".into(),
                message: "the server no longer holds it, and no status with its text was found \
                          in the hour after its time"
                    .into(),
            });
            return self.write(row).await;
        }
        // `creating` and nothing was made: ask again with the same key, unless the item no
        // longer goes out (then there is nothing to withdraw either).
        let goes_out = matches!(
            self.publisher.accounts().store().stored_schedule(&row.schedule_id).await,
            Ok(item) if !matches!(
                item.schedule.state,
                ScheduleState::Cancelled | ScheduleState::Skipped | ScheduleState::Failed
            )
        );
        if !goes_out {
            row.state = S::Withdrawn;
            return self.write(row).await;
        }
        let answer = sender
            .schedule(&row.text, &row.lang, &row.media, row.due_at, &row.key)
            .await
            .map_err(Outcome::Server)?;
        self.lists.remove(&row.account_id);
        self.answered(row, answer).await
    }

    async fn answered(
        &mut self,
        mut row: CopyRow,
        answer: Scheduling,
    ) -> Result<Option<CopyRow>, Outcome> {
        match answer {
            Scheduling::Kept(kept) => {
                row.state = S::Kept;
                row.remote_id = Some(kept.id);
            }
            // Too near for the server to keep: it posted at once. Recorded as what happened.
            Scheduling::PostedNow(status) => {
                row.state = S::Posted;
                row.status_url = Some(status.address());
            }
        }
        self.write(row).await
    }

    async fn write(&mut self, mut row: CopyRow) -> Result<Option<CopyRow>, Outcome> {
        row.updated_at = self.now;
        self.publisher
            .accounts()
            .store()
            .write_server_copy(&row)
            .await
            .map_err(|e| Outcome::Store(e.into()))?;
        Ok(Some(row))
    }
}

/// Why a step stopped.
pub(crate) enum Outcome {
    /// The server could not be asked or answered unclearly: the row stays for the next pass.
    Server(Failure),
    Store(ScheduleError),
}

impl From<Failure> for Outcome {
    fn from(failure: Failure) -> Self {
        Outcome::Server(failure)
    }
}

/// The server's copy with the row's text and time (a hand-over whose answer was lost).
fn same_copy(listed: &ScheduledStatus, row: &CopyRow) -> bool {
    let at = DateTime::parse_from_rfc3339(&listed.scheduled_at).map(|t| t.with_timezone(&Utc));
    listed.params.text.trim() == row.text.trim()
        && at.is_ok_and(|t| (t - row.due_at).abs() < Duration::seconds(1))
}

/// Mastodon's limits: 300 waiting, 25 on one UTC day.
fn over_limit(listed: &[ScheduledStatus], due: DateTime<Utc>) -> Option<ErrorPayload> {
    let same_day = listed
        .iter()
        .filter(|s| {
            DateTime::parse_from_rfc3339(&s.scheduled_at)
                .is_ok_and(|t| t.with_timezone(&Utc).date_naive() == due.date_naive())
        })
        .count();
    let message = if listed.len() >= SCHEDULED_PENDING_LIMIT {
        format!(
            "the server already holds {} scheduled posts (Mastodon keeps at most \
             {SCHEDULED_PENDING_LIMIT}); Ferry sends this one itself",
            listed.len()
        )
    } else if same_day >= SCHEDULED_DAILY_LIMIT {
        format!(
            "the server already holds {same_day} scheduled posts on {} (UTC; Mastodon takes at \
             most {SCHEDULED_DAILY_LIMIT} a day); Ferry sends this one itself",
            due.date_naive()
        )
    } else {
        return None;
    };
    Some(ErrorPayload {
        code: "schedule.server_full".into(),
        message,
    })
}
