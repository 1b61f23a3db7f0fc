//! Running a claimed job: every target that is still to do as its own task (the per-network
//! caps decide how many are in flight), the claim released at the end, and the final status
//! sent as the last event. (The publisher keeps its claims alive meanwhile: `shared.rs`.)

use std::sync::Arc;

use tokio::task::JoinSet;

use super::error::PublishError;
use super::model::{JobStatus, PublishEvent, TargetState};
use super::shared::{Events, Shared};
use super::target::run_target;
use crate::ErrorPayload;

/// Which targets a run takes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Queued and unknown ones: a new job, or resuming one after a crash.
    Pending,
    /// Everything not posted, failed ones included ("retry failed").
    NotPosted,
}

/// Runs the job `job_id`, which the caller has claimed, and releases the claim at the end.
pub(crate) async fn run_job(
    shared: Arc<Shared>,
    job_id: String,
    scope: Scope,
    events: Events,
) -> Result<JobStatus, PublishError> {
    let store = shared.accounts.store().clone();
    let targets = store.job_targets(&job_id).await;
    let mut tasks = JoinSet::new();
    if let Ok(targets) = &targets {
        for target in targets.iter().cloned() {
            let todo = match target.state {
                TargetState::Posted => false,
                TargetState::Failed => scope == Scope::NotPosted,
                TargetState::Queued | TargetState::Sending | TargetState::Unknown => true,
            };
            // A target refused before sending has no parts; its reason stands.
            if !todo || target.parts.is_empty() {
                continue;
            }
            let shared = Arc::clone(&shared);
            let events = events.clone();
            tasks.spawn(async move { run_target(&shared, target, &events).await });
        }
    }
    while tasks.join_next().await.is_some() {}
    // Before "finished": whoever waits for the run sees the bucket as the run left it.
    shared.accounts.sweep_media_host().await;
    if let Err(err) = &targets {
        // Unreadable now is unreadable at every start: settle it with the reason instead.
        let unreadable = PublishError::UnreadableJob {
            job: job_id.clone(),
            detail: err.to_string(),
        };
        let _ = store
            .fail_unfinished_targets(&job_id, &ErrorPayload::of(&unreadable))
            .await;
        let _ = store.release_claim(&job_id, &shared.owner).await;
        return Err(unreadable);
    }
    let _ = store.release_claim(&job_id, &shared.owner).await;
    let status = store.publish_job(&job_id).await?;
    let _ = events.0.send(PublishEvent::Finished(status.clone()));
    Ok(status)
}
