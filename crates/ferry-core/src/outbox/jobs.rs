//! Jobs: their status, and the lease that says which process is sending one.
//!
//! A runner claims a job (owner `<pid>:<uuid>` and an expiry it keeps pushing forward) before
//! sending anything. Another process may take the job over only when the claim expired or its
//! process is gone — that is a crash, and then every part left `sending` becomes `unknown`,
//! to be checked on the server before anything is sent again.

use chrono::{DateTime, Utc};

use super::error::PublishError;
use super::model::{JobStatus, TargetState, TargetStatus};
use super::rows::TargetRow;
use crate::Store;
use crate::clock;
use crate::drafts::rows::decode_err;
use crate::error::StoreError;

impl Store {
    /// A job and every target's state.
    pub async fn publish_job(&self, job_id: &str) -> Result<JobStatus, PublishError> {
        let row: Option<(String, i64, String, String)> = sqlx::query_as(
            "SELECT draft_id, draft_revision, created_at, updated_at FROM publish_jobs WHERE id = ?",
        )
        .bind(job_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        let Some((draft_id, revision, created, updated)) = row else {
            return Err(PublishError::JobNotFound {
                id: job_id.to_owned(),
            });
        };
        let at = |t: &str| clock::from_db(t).map_err(|e| self.db_err(decode_err(e)));
        let targets = self.job_targets(job_id).await?;
        Ok(JobStatus {
            id: job_id.to_owned(),
            draft_id,
            draft_revision: u32::try_from(revision).unwrap_or_default(),
            created_at: at(&created)?,
            updated_at: at(&updated)?,
            targets: targets.iter().map(status_of).collect(),
        })
    }

    /// The ids of a draft's jobs, newest first.
    pub async fn publish_jobs_of_draft(&self, draft_id: &str) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT id FROM publish_jobs WHERE draft_id = ? ORDER BY created_at DESC, id DESC",
        )
        .bind(draft_id)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))
    }

    /// The newest job of the draft with a target Ferry sends (not a note marked published by
    /// hand): what "retry" finishes.
    pub(crate) async fn newest_job_to_send(
        &self,
        draft_id: &str,
    ) -> Result<Option<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT j.id FROM publish_jobs j WHERE j.draft_id = ? AND EXISTS ( \
               SELECT 1 FROM outbox_targets t WHERE t.job_id = j.id AND t.account_id <> ?) \
             ORDER BY j.created_at DESC, j.id DESC LIMIT 1",
        )
        .bind(draft_id)
        .bind(super::BY_HAND)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))
    }

    /// The newest job of the draft that sent something (or may have, or still will): posting
    /// the draft again is refused while there is one. A job whose every target was refused or
    /// failed before any part went out does not count, so a fixed draft can be posted; nor
    /// does a note marked published by hand (`by_hand.rs`), which Ferry never sends.
    pub(crate) async fn job_that_sent(&self, draft_id: &str) -> Result<Option<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT j.id FROM publish_jobs j WHERE j.draft_id = ? AND EXISTS ( \
               SELECT 1 FROM outbox_targets t WHERE t.job_id = j.id \
                 AND t.account_id <> ? AND (t.state <> 'failed' \
                 OR EXISTS (SELECT 1 FROM outbox_parts p WHERE p.target_id = t.id \
                            AND p.state <> 'queued'))) \
             ORDER BY j.created_at DESC, j.id DESC LIMIT 1",
        )
        .bind(draft_id)
        .bind(super::BY_HAND)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))
    }

    /// The accounts this draft went (or may have gone) to, in any job: a scheduled item leaves
    /// them out rather than post the draft to one account twice.
    pub(crate) async fn accounts_posted_for(
        &self,
        draft_id: &str,
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT DISTINCT t.account_id FROM outbox_targets t JOIN publish_jobs j \
             ON j.id = t.job_id WHERE j.draft_id = ?1 AND (t.state <> 'failed' \
               OR EXISTS (SELECT 1 FROM outbox_parts p WHERE p.target_id = t.id \
                          AND p.state <> 'queued')) \
             UNION SELECT c.account_id FROM server_schedules c JOIN schedules s \
             ON s.id = c.schedule_id WHERE s.draft_id = ?1 AND c.state = 'posted'",
        )
        .bind(draft_id)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))
    }

    /// Jobs with targets still to send or to check: what a restart resumes.
    pub async fn unfinished_publish_jobs(&self) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT DISTINCT job_id FROM outbox_targets \
             WHERE state IN ('queued', 'sending', 'unknown') ORDER BY job_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))
    }

    /// Marks every target of `job_id` not yet settled as failed with `reason`, without
    /// reading the rows (they may be what can't be read): the job leaves the unfinished list.
    pub(crate) async fn fail_unfinished_targets(
        &self,
        job_id: &str,
        reason: &crate::ErrorPayload,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox_targets SET state = 'failed', error_code = ?, error_message = ?, \
             retryable = 0, next_attempt_at = NULL, updated_at = ? \
             WHERE job_id = ? AND state IN ('queued', 'sending', 'unknown')",
        )
        .bind(&reason.code)
        .bind(&reason.message)
        .bind(clock::to_db(clock::now()))
        .bind(job_id)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// Claims `job_id` for `owner` until `until`, or says who holds it. On taking over a
    /// claim that ended without a release, `sending` parts and targets become `unknown`.
    pub(crate) async fn claim_job(
        &self,
        job_id: &str,
        owner: &str,
        until: DateTime<Utc>,
    ) -> Result<(), PublishError> {
        let mut tx = self.begin_write().await?;
        let held: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT lease_owner, lease_until FROM publish_jobs WHERE id = ?")
                .bind(job_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| self.db_err(e))?;
        let Some((holder, held_until)) = held else {
            return Err(PublishError::JobNotFound {
                id: job_id.to_owned(),
            });
        };
        if let (Some(holder), Some(held_until)) = (holder, held_until) {
            let live = clock::from_db(&held_until).is_ok_and(|t| t > clock::now());
            if holder != owner && live && process_alive(&holder) {
                return Err(PublishError::Busy {
                    id: job_id.to_owned(),
                    owner: holder,
                });
            }
        }
        let run = async {
            // Nobody is sending now, so a part still marked `sending` lost its answer.
            sqlx::query(
                "UPDATE outbox_parts SET state = 'unknown' WHERE state = 'sending' AND target_id IN \
                 (SELECT id FROM outbox_targets WHERE job_id = ?)",
            )
            .bind(job_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE outbox_targets SET state = 'unknown' WHERE state = 'sending' AND job_id = ?")
                .bind(job_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE publish_jobs SET lease_owner = ?, lease_until = ? WHERE id = ?")
                .bind(owner)
                .bind(clock::to_db(until))
                .bind(job_id)
                .execute(&mut *tx)
                .await
        };
        run.await.map_err(|e| self.db_err(e))?;
        tx.commit().await.map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// Pushes the expiry of every claim `owner` holds forward, in one statement however many
    /// jobs it is sending.
    pub(crate) async fn renew_claims(
        &self,
        owner: &str,
        until: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE publish_jobs SET lease_until = ? WHERE lease_owner = ?")
            .bind(clock::to_db(until))
            .bind(owner)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// Drops the claim on a job that has nothing left to send.
    pub(crate) async fn release_claim(&self, job_id: &str, owner: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE publish_jobs SET lease_owner = NULL, lease_until = NULL \
             WHERE id = ? AND lease_owner = ?",
        )
        .bind(job_id)
        .bind(owner)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(())
    }
}

/// Whether the process named in a claim (`<pid>:<uuid>`) still runs. Only Linux can tell
/// cheaply (`/proc/<pid>`); elsewhere a claim is trusted until it expires.
fn process_alive(owner: &str) -> bool {
    let Some(pid) = owner.split(':').next().and_then(|p| p.parse::<u32>().ok()) else {
        return true;
    };
    pid_alive(pid)
}

/// Whether process `pid` on this machine still runs; `true` where that can't be told cheaply
/// (a claim is then trusted until it expires, never taken early).
pub(crate) fn pid_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        return std::path::Path::new(&format!("/proc/{pid}")).exists();
    }
    true
}

pub(crate) fn status_of(t: &TargetRow) -> TargetStatus {
    TargetStatus {
        id: t.id.clone(),
        job_id: t.job_id.clone(),
        account_id: t.account_id.clone(),
        network: t.network,
        lang: t.lang.clone(),
        state: t.state,
        attempts: t.attempts,
        parts: t.parts.len() as u32,
        parts_posted: t
            .parts
            .iter()
            .filter(|p| p.state == TargetState::Posted)
            .count() as u32,
        remote_id: t.remote_id.clone(),
        remote_url: t.remote_url.clone(),
        error: t.error.clone(),
        retryable: t.retryable,
        next_attempt_at: t.next_attempt_at,
    }
}
