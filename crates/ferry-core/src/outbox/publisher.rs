//! [`Publisher`]: the calls behind "Post now", "Retry failed" and the job status, and the
//! resume of interrupted jobs at start.

use std::sync::Arc;

use ferry_networks::bluesky::client::Tid;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::config::PublishConfig;
use super::cost;
use super::error::PublishError;
use super::model::{JobStatus, PublishEvent, PublishRequest};
use super::plan;
use super::runner::{Scope, run_job};
use super::settle::Settle;
use super::shared::{Events, Shared};
use crate::accounts::Accounts;
use crate::model::Network;

/// Publishes drafts through the outbox. Cheap to clone; keep one per app (its concurrency
/// caps and account sessions are shared by every job it runs).
#[derive(Debug, Clone)]
pub struct Publisher {
    shared: Arc<Shared>,
}

/// A running job: its id, its progress events, and its end.
#[derive(Debug)]
pub struct PublishHandle {
    job_id: String,
    events: mpsc::UnboundedReceiver<PublishEvent>,
    task: JoinHandle<Result<JobStatus, PublishError>>,
}

impl Publisher {
    pub fn new(accounts: Accounts, config: PublishConfig) -> Self {
        Publisher {
            shared: Arc::new(Shared::new(accounts, config)),
        }
    }

    pub fn accounts(&self) -> &Accounts {
        &self.shared.accounts
    }

    /// Plans the draft's targets, writes them (with their idempotency keys) to the outbox,
    /// and starts sending. Refuses a draft that was posted before (even in part): "retry
    /// failed" finishes that job instead, so nothing goes out twice. A draft whose earlier
    /// publish sent nothing at all (every target refused) may be posted again once fixed.
    pub async fn publish(&self, request: PublishRequest) -> Result<PublishHandle, PublishError> {
        let store = self.shared.accounts.store();
        let draft = store.get_draft(&request.draft_id).await?;
        if let Some(job) = store.job_that_sent(&draft.id).await? {
            return Err(PublishError::AlreadyPublished {
                draft: draft.id,
                job,
            });
        }
        let all = self.shared.accounts.list().await?;
        let accounts = plan::accounts_for(&draft, &request, &all)?;
        let planned = plan::plan(&draft, accounts, &request)?;
        cost::check_accepted(&request, &planned)?;
        let job_id = store
            .insert_job(&draft.id, draft.revision, &planned, part_key)
            .await?;
        self.start(job_id, Scope::Pending).await
    }

    /// Sends again every target of the job that is not posted, parts already posted kept;
    /// anything that may have gone out is checked first.
    pub async fn retry_failed(&self, job_id: &str) -> Result<PublishHandle, PublishError> {
        self.shared.accounts.store().publish_job(job_id).await?;
        self.start(job_id.to_owned(), Scope::NotPosted).await
    }

    /// [`Publisher::retry_failed`] on the draft's latest job.
    pub async fn retry_draft(&self, draft_id: &str) -> Result<PublishHandle, PublishError> {
        let store = self.shared.accounts.store();
        store.get_draft(draft_id).await?;
        let job = store.newest_job_to_send(draft_id).await?.ok_or_else(|| {
            PublishError::NeverPublished {
                draft: draft_id.to_owned(),
            }
        })?;
        self.retry_failed(&job).await
    }

    /// Records what the person found for a part Ferry can't check ([`Settle`]) and sends
    /// what is left of the job (its other targets not posted too, as "Retry failed" would);
    /// `None` when the settled target is posted in full.
    pub async fn settle(&self, settle: Settle) -> Result<Option<PublishHandle>, PublishError> {
        let target = settle.target_id.clone();
        let job = self.shared.accounts.store().settle_unknown(settle).await?;
        let done = job
            .targets
            .iter()
            .any(|t| t.id == target && t.state == super::model::TargetState::Posted);
        if done {
            return Ok(None);
        }
        self.retry_failed(&job.id).await.map(Some)
    }

    pub async fn status(&self, job_id: &str) -> Result<JobStatus, PublishError> {
        self.shared.accounts.store().publish_job(job_id).await
    }

    /// The draft's jobs, newest first.
    pub async fn draft_jobs(&self, draft_id: &str) -> Result<Vec<JobStatus>, PublishError> {
        let store = self.shared.accounts.store();
        let mut jobs = Vec::new();
        for id in store.publish_jobs_of_draft(draft_id).await? {
            jobs.push(store.publish_job(&id).await?);
        }
        Ok(jobs)
    }

    /// At start: resumes every job a crash (or a quit) left with targets queued, sending or
    /// unknown — those sending become unknown and are checked before anything is resent.
    /// Jobs another running Ferry is sending are left to it.
    pub async fn resume_unfinished(&self) -> Result<Vec<PublishHandle>, PublishError> {
        let mut handles = Vec::new();
        for job in self
            .shared
            .accounts
            .store()
            .unfinished_publish_jobs()
            .await?
        {
            match self.start(job, Scope::Pending).await {
                Ok(handle) => handles.push(handle),
                Err(PublishError::Busy { .. }) => {}
                // One job that can't be claimed must not keep the others waiting.
                Err(other) => tracing::warn!("not resuming a publish job: {other}"),
            }
        }
        Ok(handles)
    }

    /// Starts sending a job just written (a handed-over scheduled item).
    pub(super) async fn start_pending(
        &self,
        job_id: String,
    ) -> Result<PublishHandle, PublishError> {
        self.start(job_id, Scope::Pending).await
    }

    async fn start(&self, job_id: String, scope: Scope) -> Result<PublishHandle, PublishError> {
        let until = chrono::Utc::now()
            + chrono::Duration::from_std(self.shared.config.lease).unwrap_or_default();
        self.shared
            .accounts
            .store()
            .claim_job(&job_id, &self.shared.owner, until)
            .await?;
        self.shared.keep_claims();
        let (sender, events) = mpsc::unbounded_channel();
        let task = tokio::spawn(run_job(
            Arc::clone(&self.shared),
            job_id.clone(),
            scope,
            Events(sender),
        ));
        Ok(PublishHandle {
            job_id,
            events,
            task,
        })
    }
}

/// The key each part is sent with, fixed when the job is written. Nostr's is the event id,
/// known only once the event is signed (just before its first send, and saved first).
pub(super) fn part_key(network: Network, target_id: &str, idx: usize) -> Option<String> {
    match network {
        Network::Mastodon => Some(format!("ferry-{target_id}-{idx}")),
        Network::Bluesky => Some(Tid::now().as_str().to_owned()),
        _ => None,
    }
}

impl PublishHandle {
    pub fn job_id(&self) -> &str {
        &self.job_id
    }

    /// The next progress event; `None` once the job has finished and every event was read.
    pub async fn next_event(&mut self) -> Option<PublishEvent> {
        self.events.recv().await
    }

    /// Waits for the end, handing each event to `on_event` as it comes.
    pub async fn finish_with(
        mut self,
        mut on_event: impl FnMut(&PublishEvent),
    ) -> Result<JobStatus, PublishError> {
        while let Some(event) = self.events.recv().await {
            on_event(&event);
        }
        self.task.await.unwrap_or_else(|err| {
            Err(PublishError::Internal {
                detail: err.to_string(),
            })
        })
    }

    /// Waits for the end and returns every target's final state.
    pub async fn finish(self) -> Result<JobStatus, PublishError> {
        self.finish_with(|_| {}).await
    }

    /// Stops at once, as quitting the app does: a request in flight stays `sending` and is
    /// checked on the server by the next run — [`Publisher::retry_failed`] on this publisher
    /// at once, or any other once this one is dropped and the job's claim has lapsed.
    pub fn abort(self) {
        self.task.abort();
    }
}
