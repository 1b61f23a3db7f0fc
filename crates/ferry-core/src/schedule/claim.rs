//! How scheduler loops share one database: due items are claimed under a lease in one write
//! transaction, so two loops (the app and `ferry daemon`, or two app instances) never both
//! take an item; a loop that dies leaves a lease that expires and the item is claimed again.
//! Each loop also writes a heartbeat row, which is how the UI knows whether anything runs.

use chrono::{DateTime, Duration, Utc};

use super::error::ScheduleError;
use super::model::SchedulerStatus;
use super::rows::{COLUMNS, Row, StoredSchedule, decode};
use crate::Store;
use crate::clock;
use crate::error::ErrorPayload;

/// What one pass found due.
#[derive(Debug, Default)]
pub(crate) struct Claimed {
    /// Claimed by this loop: hand each to the outbox.
    pub items: Vec<StoredSchedule>,
    /// Later than the catch-up window: now `held`, waiting for the user.
    pub held: Vec<String>,
}

/// How long a loop's claim on an item lasts: far longer than a hand-over takes.
pub(crate) const CLAIM_LEASE: Duration = Duration::minutes(2);
/// A loop runs at least every 30 s; one silent for this long is not running.
pub(crate) const ALIVE_WITHIN: Duration = Duration::seconds(90);
/// The catch-up window's setting and its default.
pub const CATCH_UP_SETTING: &str = "schedule.catch_up_minutes";
pub const DEFAULT_CATCH_UP_MINUTES: u32 = 15;
pub const MAX_CATCH_UP_MINUTES: u32 = 24 * 60;

impl Store {
    /// Claims up to `limit` items due at `now` for `owner`, first holding those later than
    /// `window` (unless the user released them), and releasing claims whose lease expired.
    pub(crate) async fn claim_due(
        &self,
        owner: &str,
        now: DateTime<Utc>,
        window: Duration,
        limit: u32,
    ) -> Result<Claimed, ScheduleError> {
        self.release_claims_of_dead_loops().await?;
        let now_db = clock::to_db(now);
        let mut tx = self.begin_write().await?;
        let result: Result<Claimed, sqlx::Error> = async {
            sqlx::query(
                "UPDATE schedules SET state = 'scheduled', lease_owner = NULL, lease_until = NULL \
                 WHERE state = 'claimed' AND lease_until < ?",
            )
            .bind(&now_db)
            .execute(&mut *tx)
            .await?;
            let held: Vec<String> = sqlx::query_scalar(
                "UPDATE schedules SET state = 'held', version = version + 1, updated_at = ?1 \
                 WHERE state = 'scheduled' AND late_ok = 0 AND due_at < ?2 RETURNING id",
            )
            .bind(&now_db)
            .bind(clock::to_db(now - window))
            .fetch_all(&mut *tx)
            .await?;
            let rows: Vec<Row> = sqlx::query_as(&format!(
                "UPDATE schedules SET state = 'claimed', lease_owner = ?1, lease_until = ?2, \
                 updated_at = ?3 WHERE id IN (SELECT id FROM schedules WHERE state = 'scheduled' \
                 AND due_at <= ?3 ORDER BY due_at LIMIT ?4) RETURNING {COLUMNS}"
            ))
            .bind(owner)
            .bind(clock::to_db(now + CLAIM_LEASE))
            .bind(&now_db)
            .bind(i64::from(limit))
            .fetch_all(&mut *tx)
            .await?;
            let mut items = rows
                .into_iter()
                .map(decode)
                .collect::<Result<Vec<_>, _>>()?;
            items.sort_by_key(|item| item.schedule.due_at);
            Ok(Claimed { items, held })
        }
        .await;
        let claimed = result.map_err(|e| self.db_err(e))?;
        tx.commit().await.map_err(|e| self.db_err(e))?;
        Ok(claimed)
    }

    /// Gives back at once the items claimed by a loop whose process is gone (killed, crashed)
    /// instead of at the end of the lease, so a crash makes them seconds late, not minutes.
    /// A loop's pid is in its heartbeat row; where liveness can't be told, the lease decides.
    async fn release_claims_of_dead_loops(&self) -> Result<(), ScheduleError> {
        let holders: Vec<(String, i64)> = sqlx::query_as(
            "SELECT DISTINCT s.lease_owner, r.pid FROM schedules s \
             JOIN scheduler_runs r ON r.owner = s.lease_owner WHERE s.state = 'claimed'",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        for (owner, pid) in holders {
            let alive = u32::try_from(pid).map_or(true, crate::outbox::pid_alive);
            if alive {
                continue;
            }
            sqlx::query(
                "UPDATE schedules SET state = 'scheduled', lease_owner = NULL, lease_until = NULL \
                 WHERE state = 'claimed' AND lease_owner = ?",
            )
            .bind(&owner)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
            tracing::info!(loop_owner = %owner, pid, "released the claims of a loop that is gone");
        }
        Ok(())
    }

    /// Marks a claimed item failed with `reason`; false when the claim was lost meanwhile.
    pub(crate) async fn fail_claimed(
        &self,
        id: &str,
        owner: &str,
        version: i64,
        reason: &ErrorPayload,
    ) -> Result<bool, crate::StoreError> {
        let done = sqlx::query(
            "UPDATE schedules SET state = 'failed', error_code = ?, error_message = ?, \
             lease_owner = NULL, lease_until = NULL, updated_at = ? \
             WHERE id = ? AND state = 'claimed' AND lease_owner = ? AND version = ?",
        )
        .bind(&reason.code)
        .bind(&reason.message)
        .bind(clock::to_db(clock::now()))
        .bind(id)
        .bind(owner)
        .bind(version)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(done.rows_affected() == 1)
    }

    /// When the soonest waiting item is due.
    pub(crate) async fn next_due_at(&self) -> Result<Option<DateTime<Utc>>, ScheduleError> {
        // A claimed item is next wanted when its claim expires, not at its (passed) due time:
        // counting the due time made a loop whose hand-over failed, or that waited for
        // another loop's, spin without sleeping until the lease ran out.
        let next: Option<String> = sqlx::query_scalar(
            "SELECT min(CASE state WHEN 'claimed' THEN max(due_at, coalesce(lease_until, due_at))              ELSE due_at END) FROM schedules WHERE state IN ('scheduled', 'claimed')",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        next.map(|t| clock::from_db(&t))
            .transpose()
            .map_err(|e| self.db_err(crate::drafts::rows::decode_err(e)).into())
    }

    /// Records that loop `owner` ran at `now`.
    pub(crate) async fn heartbeat(
        &self,
        owner: &str,
        kind: &str,
        doorbell: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), ScheduleError> {
        let now = clock::to_db(now);
        sqlx::query(
            "INSERT INTO scheduler_runs (owner, kind, pid, started_at, last_run_at, doorbell) \
             VALUES (?1, ?2, ?3, ?4, ?4, ?5) ON CONFLICT (owner) DO UPDATE SET last_run_at = ?4, \
             stopped_at = NULL, doorbell = ?5",
        )
        .bind(owner)
        .bind(kind)
        .bind(i64::from(std::process::id()))
        .bind(&now)
        .bind(doorbell)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// Wakes every loop on this database that has not stopped, in whatever process, so a
    /// change is acted on now rather than at its next 30-second pass. Best effort: a loop
    /// that misses its ring still passes within 30 s.
    pub(crate) async fn ring_schedulers(&self) {
        let bells: Vec<String> = sqlx::query_scalar(
            "SELECT doorbell FROM scheduler_runs WHERE doorbell IS NOT NULL \
             AND stopped_at IS NULL ORDER BY last_run_at DESC LIMIT 16",
        )
        .fetch_all(&self.pool)
        .await
        .unwrap_or_default();
        for bell in bells {
            super::doorbell::ring(&bell);
        }
    }

    /// Records that loop `owner` stopped (so the UI stops counting on it at once).
    pub(crate) async fn heartbeat_stopped(&self, owner: &str) -> Result<(), ScheduleError> {
        sqlx::query("UPDATE scheduler_runs SET stopped_at = ? WHERE owner = ?")
            .bind(clock::to_db(clock::now()))
            .bind(owner)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// The catch-up window the user chose (minutes), else the default.
    pub async fn catch_up_minutes(&self) -> Result<u32, ScheduleError> {
        Ok(self
            .get_setting(CATCH_UP_SETTING)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_CATCH_UP_MINUTES))
    }

    /// Sets the catch-up window: items at most this many minutes late are still sent by
    /// themselves (0: none; every late item waits for the user). At most a day.
    pub async fn set_catch_up_minutes(&self, minutes: u32) -> Result<u32, ScheduleError> {
        if minutes > MAX_CATCH_UP_MINUTES {
            return Err(ScheduleError::BadSetting {
                reason: format!(
                    "the catch-up window is {minutes} minutes; at most {MAX_CATCH_UP_MINUTES} (a day)"
                ),
            });
        }
        self.set_setting(CATCH_UP_SETTING, &minutes.to_string())
            .await?;
        self.ring_schedulers().await;
        Ok(minutes)
    }

    /// Is a scheduler running on this database, what is next, and what waits for the user.
    pub async fn scheduler_status(&self) -> Result<SchedulerStatus, ScheduleError> {
        let last: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT last_run_at, kind, stopped_at FROM scheduler_runs \
             ORDER BY last_run_at DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        let last_run_at = match &last {
            Some((at, _, _)) => Some(
                clock::from_db(at).map_err(|e| self.db_err(crate::drafts::rows::decode_err(e)))?,
            ),
            None => None,
        };
        let running = match (&last, last_run_at) {
            (Some((_, _, None)), Some(at)) => clock::now() - at <= ALIVE_WITHIN,
            _ => false,
        };
        let counts: (i64, i64) = sqlx::query_as(
            "SELECT count(*) FILTER (WHERE state IN ('scheduled', 'claimed')), \
             count(*) FILTER (WHERE state = 'held') FROM schedules",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        let next_id: Option<String> = sqlx::query_scalar(
            "SELECT id FROM schedules WHERE state IN ('scheduled', 'claimed') \
             ORDER BY due_at, id LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        let next = match next_id {
            Some(id) => Some(self.get_schedule(&id).await?),
            None => None,
        };
        Ok(SchedulerStatus {
            last_run_at,
            last_run_by: last.map(|(_, kind, _)| kind),
            running,
            next,
            pending: u32::try_from(counts.0).unwrap_or(u32::MAX),
            held: u32::try_from(counts.1).unwrap_or(u32::MAX),
            catch_up_minutes: self.catch_up_minutes().await?,
        })
    }
}
