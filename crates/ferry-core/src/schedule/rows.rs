//! Schedule rows: adding, listing, moving, cancelling, and the user's answers to a held item.
//! Every change bumps `version`, so a scheduler loop that read the row before the change can
//! tell, inside its hand-over transaction, that what it claimed is no longer what is stored.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::error::ScheduleError;
use super::model::{NewSchedule, Schedule, ScheduleState, ScheduleTarget};
use super::wall_time::{Resolved, TimeChoice};
use crate::Store;
use crate::accounts::Account;
use crate::clock;
use crate::drafts::rows::decode_err;
use crate::error::ErrorPayload;
use crate::outbox::{AudienceMapping, PublishRequest, TargetState};
use crate::schedule::{ServerCopy, ServerCopyState};

pub(crate) const COLUMNS: &str = "id, draft_id, due_at, tz, wall_time, utc_offset, accounts_json, \
     mapping_json, state, late_ok, version, job_id, error_code, error_message, warning_code, \
     warning_message, created_at, updated_at, x_cost_accepted";

/// A row of `schedules` as [`COLUMNS`] reads it.
#[derive(sqlx::FromRow)]
pub(crate) struct Row {
    id: String,
    draft_id: String,
    due_at: String,
    tz: String,
    wall_time: String,
    utc_offset: String,
    accounts_json: String,
    mapping_json: String,
    state: String,
    late_ok: i64,
    version: i64,
    job_id: Option<String>,
    error_code: Option<String>,
    error_message: Option<String>,
    warning_code: Option<String>,
    warning_message: Option<String>,
    created_at: String,
    updated_at: String,
    x_cost_accepted: Option<i64>,
}

/// A row as stored, before its targets are looked up.
#[derive(Debug, Clone)]
pub struct StoredSchedule {
    pub schedule: Schedule,
    pub(crate) accounts: Vec<String>,
    pub(crate) mapping: Vec<AudienceMapping>,
    pub(crate) version: i64,
    /// Millionths of a dollar accepted for its X targets when it was scheduled.
    pub(crate) x_cost_accepted: Option<u64>,
}

impl StoredSchedule {
    pub(crate) fn request(&self) -> PublishRequest {
        PublishRequest {
            draft_id: self.schedule.draft_id.clone(),
            to: self.accounts.clone(),
            mapping: self.mapping.clone(),
            allow_threads: true,
            // What X may charge was accepted when scheduling, up to a sum: the hand-over
            // holds back X targets that would cost more (`outbox/cost.rs` `hold_unaccepted`).
            accept_x_cost: false,
        }
    }
}

/// Which items `list_schedules` returns.
#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(export)]
pub struct ScheduleFilter {
    /// Empty: every state.
    pub states: Vec<ScheduleState>,
    pub draft_id: Option<String>,
    /// Due at or after.
    pub from: Option<DateTime<Utc>>,
    /// Due before.
    pub until: Option<DateTime<Utc>>,
}

impl Store {
    /// Schedules a draft: refuses a time that does not exist, is ambiguous, or is past, an
    /// unknown zone, a missing draft or account, and a draft with nowhere to go. Nothing
    /// refused is stored.
    pub async fn add_schedule(&self, new: &NewSchedule) -> Result<Schedule, ScheduleError> {
        let resolved = TimeChoice::parse(&new.at, &new.tz)?
            .resolve()?
            .not_before(clock::now())?;
        self.add_resolved_schedule(new, &resolved).await
    }

    pub(crate) async fn add_resolved_schedule(
        &self,
        new: &NewSchedule,
        resolved: &Resolved,
    ) -> Result<Schedule, ScheduleError> {
        let draft = self.get_draft(&new.draft_id).await?;
        let all = self.list_accounts().await?;
        let accounts = accounts_of(&draft, &new.to, &all)?;
        let x_cost = crate::outbox::x_cost_now(&draft, &accounts, &new.mapping, &all);
        let x_cost_accepted = match x_cost {
            Some(micros) if !new.accept_x_cost => {
                return Err(ScheduleError::CostNotAccepted {
                    usd: ferry_networks::x::cost::usd(micros),
                });
            }
            cost => cost,
        };
        let id = uuid::Uuid::now_v7().to_string();
        let now = clock::to_db(clock::now());
        sqlx::query(&format!(
            "INSERT INTO schedules ({COLUMNS}) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', 0, 1, NULL, NULL, NULL, NULL, NULL, ?, ?, \
             ?)"
        ))
        .bind(&id)
        .bind(&draft.id)
        .bind(clock::to_db(resolved.due))
        .bind(&resolved.zone)
        .bind(&resolved.wall_time)
        .bind(&resolved.offset)
        .bind(serde_json::to_string(&accounts).unwrap_or_else(|_| "[]".into()))
        .bind(serde_json::to_string(&new.mapping).unwrap_or_else(|_| "[]".into()))
        .bind(&now)
        .bind(&now)
        .bind(x_cost_accepted.map(|m| m as i64))
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        self.ring_schedulers().await;
        self.get_schedule(&id).await
    }

    /// One item with its targets.
    pub async fn get_schedule(&self, id: &str) -> Result<Schedule, ScheduleError> {
        let stored = self.stored_schedule(id).await?;
        let mut list = self.with_targets(vec![stored]).await?;
        Ok(list.remove(0))
    }

    /// Items, soonest first.
    pub async fn list_schedules(
        &self,
        filter: &ScheduleFilter,
    ) -> Result<Vec<Schedule>, ScheduleError> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM schedules WHERE (?1 IS NULL OR draft_id = ?1) \
             AND (?2 IS NULL OR due_at >= ?2) AND (?3 IS NULL OR due_at < ?3) \
             ORDER BY due_at, id"
        ))
        .bind(&filter.draft_id)
        .bind(filter.from.map(clock::to_db))
        .bind(filter.until.map(clock::to_db))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        let stored = rows
            .into_iter()
            .map(decode)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.db_err(e))?
            .into_iter()
            .filter(|s| filter.states.is_empty() || filter.states.contains(&s.schedule.state))
            .collect();
        self.with_targets(stored).await
    }

    /// Moves a pending item to a new time (a held one becomes scheduled again).
    pub async fn move_schedule(
        &self,
        id: &str,
        at: &str,
        tz: &str,
    ) -> Result<Schedule, ScheduleError> {
        let resolved = TimeChoice::parse(at, tz)?
            .resolve()?
            .not_before(clock::now())?;
        self.change_pending(
            id,
            "moved",
            "due_at = ?, tz = ?, wall_time = ?, utc_offset = ?, state = 'scheduled', late_ok = 0",
            vec![
                clock::to_db(resolved.due),
                resolved.zone,
                resolved.wall_time,
                resolved.offset,
            ],
        )
        .await
    }

    /// Cancels a pending item. One already handed to the outbox cannot be called back.
    pub async fn cancel_schedule(&self, id: &str) -> Result<Schedule, ScheduleError> {
        self.change_pending(id, "cancelled", "state = 'cancelled'", Vec::new())
            .await
    }

    /// A held item: send it now, however late.
    pub async fn release_held(&self, id: &str) -> Result<Schedule, ScheduleError> {
        self.change_held(id, "posted now", "state = 'scheduled', late_ok = 1")
            .await
    }

    /// A held item: do not send it.
    pub async fn skip_held(&self, id: &str) -> Result<Schedule, ScheduleError> {
        self.change_held(id, "skipped", "state = 'skipped'").await
    }

    async fn change_held(
        &self,
        id: &str,
        action: &'static str,
        set: &str,
    ) -> Result<Schedule, ScheduleError> {
        let current = self.stored_schedule(id).await?;
        if current.schedule.state != ScheduleState::Held {
            return Err(ScheduleError::NotEditable {
                id: id.to_owned(),
                state: current.schedule.state.as_str(),
                action,
            });
        }
        self.change_pending(id, action, set, Vec::new()).await
    }

    /// Applies `set` to a pending item in one statement that re-checks the state. An item a
    /// loop has claimed but not yet handed over can still change: the change bumps `version`,
    /// and the hand-over, which checks it in its own transaction, then writes nothing.
    async fn change_pending(
        &self,
        id: &str,
        action: &'static str,
        set: &str,
        values: Vec<String>,
    ) -> Result<Schedule, ScheduleError> {
        let sql = format!(
            "UPDATE schedules SET {set}, version = version + 1, lease_owner = NULL, \
             lease_until = NULL, updated_at = ? WHERE id = ? AND state IN ('scheduled', 'held', 'claimed')"
        );
        let mut query = sqlx::query(&sql);
        for value in values {
            query = query.bind(value);
        }
        let done = query
            .bind(clock::to_db(clock::now()))
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        if done.rows_affected() == 0 {
            let current = self.stored_schedule(id).await?;
            return Err(ScheduleError::NotEditable {
                id: id.to_owned(),
                state: current.schedule.state.as_str(),
                action,
            });
        }
        self.ring_schedulers().await;
        self.get_schedule(id).await
    }

    pub(crate) async fn stored_schedule(&self, id: &str) -> Result<StoredSchedule, ScheduleError> {
        let row: Option<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM schedules WHERE id = ?"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        let row = row.ok_or_else(|| ScheduleError::NotFound { id: id.to_owned() })?;
        Ok(decode(row).map_err(|e| self.db_err(e))?)
    }

    /// Fills in each item's targets: the accounts as they are now and, once handed, the
    /// outbox's state of each.
    async fn with_targets(
        &self,
        stored: Vec<StoredSchedule>,
    ) -> Result<Vec<Schedule>, ScheduleError> {
        let accounts: HashMap<String, Account> = self
            .list_accounts()
            .await?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect();
        let zones = self.account_zones().await?;
        let mut copies: HashMap<(String, String), ServerCopy> = self
            .server_copies(None)
            .await?
            .into_iter()
            .map(|c| ((c.schedule_id.clone(), c.account_id.clone()), c.public()))
            .collect();
        let mut out = Vec::with_capacity(stored.len());
        for item in stored {
            let job = match &item.schedule.job_id {
                Some(job) => self.publish_job(job).await.ok(),
                None => None,
            };
            let mut schedule = item.schedule;
            let waits = schedule.state.is_pending() || schedule.state == ScheduleState::Claimed;
            schedule.draft_preview = sqlx::query_scalar("SELECT preview FROM drafts WHERE id = ?")
                .bind(&schedule.draft_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
            schedule.targets = item
                .accounts
                .iter()
                .map(|id| {
                    let account = accounts.get(id);
                    let sent = job
                        .as_ref()
                        .and_then(|j| j.targets.iter().find(|t| &t.account_id == id));
                    let copy = copies.remove(&(schedule.id.clone(), id.clone()));
                    let servers = copy.as_ref().is_some_and(|c| c.state.is_servers());
                    let posted_by_server =
                        copy.as_ref().filter(|c| c.state == ServerCopyState::Posted);
                    ScheduleTarget {
                        account_id: id.clone(),
                        network: account.map(|a| a.network),
                        handle: account.map(|a| a.handle.clone()),
                        audience_tz: zones.get(id).cloned(),
                        state: sent
                            .map(|t| t.state)
                            .or(posted_by_server.map(|_| TargetState::Posted)),
                        remote_url: sent
                            .and_then(|t| t.remote_url.clone())
                            .or(posted_by_server.and_then(|c| c.status_url.clone())),
                        error: sent.and_then(|t| t.error.clone()),
                        needs_ferry: waits && !servers,
                        server_copy: copy,
                    }
                })
                .collect();
            out.push(schedule);
        }
        Ok(out)
    }
}

/// The accounts an item goes to: the named ones (each must exist), else the draft's targets.
pub(crate) fn accounts_of(
    draft: &crate::model::Draft,
    to: &[String],
    all: &[Account],
) -> Result<Vec<String>, ScheduleError> {
    let request = PublishRequest {
        draft_id: draft.id.clone(),
        to: to.to_vec(),
        ..Default::default()
    };
    match crate::outbox::accounts_for(draft, &request, all) {
        Ok(accounts) => Ok(accounts.into_iter().map(|a| a.id).collect()),
        Err(crate::outbox::PublishError::Account(err)) => Err(err.into()),
        Err(crate::outbox::PublishError::Store(err)) => Err(err.into()),
        Err(_) => Err(ScheduleError::NoTargets {
            draft: draft.id.clone(),
        }),
    }
}

pub(crate) fn decode(row: Row) -> Result<StoredSchedule, sqlx::Error> {
    let Row {
        id,
        draft_id,
        due_at,
        tz,
        wall_time,
        utc_offset,
        accounts_json: accounts,
        mapping_json: mapping,
        state,
        late_ok,
        version,
        job_id,
        error_code,
        error_message,
        warning_code,
        warning_message,
        created_at,
        updated_at,
        x_cost_accepted,
    } = row;
    let at = |t: &str| clock::from_db(t).map_err(decode_err);
    let state = ScheduleState::parse(&state)
        .ok_or_else(|| decode_err(format!("unknown schedule state {state:?}")))?;
    let payload = |code: Option<String>, message: Option<String>| {
        code.map(|code| ErrorPayload {
            code,
            message: message.unwrap_or_default(),
        })
    };
    let error = payload(error_code, error_message);
    let warning = payload(warning_code, warning_message);
    Ok(StoredSchedule {
        schedule: Schedule {
            id,
            draft_id,
            draft_preview: None,
            due_at: at(&due_at)?,
            tz,
            wall_time,
            utc_offset,
            state,
            late_ok: late_ok != 0,
            targets: Vec::new(),
            job_id,
            error,
            warning,
            created_at: at(&created_at)?,
            updated_at: at(&updated_at)?,
            x_cost_accepted: x_cost_accepted.map(|m| ferry_networks::x::cost::usd(m.max(0) as u64)),
        },
        accounts: serde_json::from_str(&accounts)
            .map_err(|e| decode_err(format!("bad accounts_json: {e}")))?,
        mapping: serde_json::from_str(&mapping)
            .map_err(|e| decode_err(format!("bad mapping_json: {e}")))?,
        version,
        x_cost_accepted: x_cost_accepted.map(|m| m.max(0) as u64),
    })
}
