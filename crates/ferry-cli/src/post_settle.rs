//! `ferry post <draft> --found [URL]` / `--not-found`: settling a part Ferry can't check (a
//! Telegram message whose answer was lost) in the draft's newest job, after the person looked.

use ferry_core::outbox::{JobStatus, Looked, PublishHandle, Publisher, Settle, TargetState};

use crate::cli_error::CliError;
use crate::output::Failure;

pub(crate) enum Settled {
    /// The rest is being sent.
    Sending(PublishHandle),
    /// Nothing is left to send.
    Done(JobStatus),
}

pub(crate) async fn settle(
    publisher: &Publisher,
    draft_id: &str,
    target: Option<&str>,
    looked: Looked,
) -> Result<Settled, Failure> {
    let jobs = publisher.draft_jobs(draft_id).await?;
    let waiting: Vec<_> = jobs
        .first()
        .map(|job| {
            job.targets
                .iter()
                .filter(|t| t.state == TargetState::Unknown)
                .collect()
        })
        .unwrap_or_default();
    let chosen = match (target, waiting.as_slice()) {
        (Some(id), _) => id.to_owned(),
        (None, [one]) => one.id.clone(),
        (None, []) => {
            return Err(CliError::Invalid(format!(
                "draft {draft_id} has no target whose outcome is unknown; nothing to settle"
            ))
            .into());
        }
        (None, many) => {
            let ids: Vec<String> = many
                .iter()
                .map(|t| format!("{} ({})", t.id, t.network.name()))
                .collect();
            return Err(CliError::Invalid(format!(
                "several targets wait: {}; name one with --target",
                ids.join(", ")
            ))
            .into());
        }
    };
    let job_id = jobs.first().map(|j| j.id.clone()).unwrap_or_default();
    match publisher
        .settle(Settle {
            target_id: chosen,
            looked,
        })
        .await?
    {
        Some(handle) => Ok(Settled::Sending(handle)),
        None => Ok(Settled::Done(publisher.status(&job_id).await?)),
    }
}
