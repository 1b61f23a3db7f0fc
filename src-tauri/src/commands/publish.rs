//! "Post now", "Retry failed", a draft's publish history, and the resume of unfinished jobs
//! at start. Progress streams to the window as [`events::Publish`] events whose payload is the
//! engine's [`PublishEvent`] (`{kind: "target", …}` per state change, `{kind: "finished", …}`
//! with every target's final state).
//!
//! Posting runs in the background: the command returns the job as written (every target
//! queued) at once, so typing never waits on a server. Closing the window mid-way is safe:
//! the outbox saved every state before each request, and `resume_publishing`, which the UI
//! calls once the database is open, finishes what was left (checking first whatever may
//! have gone out).

use ferry_core::outbox::{
    JobStatus, MarkPublished, PublishEvent, PublishHandle, PublishRequest, Settle, TargetPreview,
};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::{self, Event};
use crate::open_store::OpenStore;
use crate::publishing::Publishing;

#[ferry_macros::command]
pub async fn post_now<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    publishing: State<'_, Publishing>,
    request: PublishRequest,
) -> CommandResult<JobStatus> {
    body::post_now(&publishing, &store, request, emitter(app)).await
}

/// Sends again the job's targets that are not posted (anything that may have gone out is
/// checked on the server first).
#[ferry_macros::command]
pub async fn retry_failed<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    publishing: State<'_, Publishing>,
    job_id: String,
) -> CommandResult<JobStatus> {
    body::retry_failed(&publishing, &store, &job_id, emitter(app)).await
}

/// What the person found for a part Ferry can't check (a Telegram message whose answer was
/// lost): posted, with its link, or not — then what is left of the job is sent.
#[ferry_macros::command]
pub async fn settle_target<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    publishing: State<'_, Publishing>,
    settle: Settle,
) -> CommandResult<JobStatus> {
    body::settle(&publishing, &store, settle, emitter(app)).await
}

/// What "Post now" would send to each chosen account, and what it costs where posting is
/// paid for (X), without sending or writing anything.
#[ferry_macros::command]
pub async fn preview_post(
    store: OpenStore,
    request: PublishRequest,
) -> CommandResult<Vec<TargetPreview>> {
    body::preview(&store, &request).await
}

/// The draft's publish jobs with their targets, newest first.
#[ferry_macros::command]
pub async fn draft_publish_jobs(
    store: OpenStore,
    draft_id: String,
) -> CommandResult<Vec<JobStatus>> {
    body::draft_jobs(&store, &draft_id).await
}

/// Records a note the writer published by hand (RedNote, from the phone) with its link, so
/// the draft's publish history lists it beside the networks Ferry posted to.
#[ferry_macros::command]
pub async fn mark_published(store: OpenStore, mark: MarkPublished) -> CommandResult<JobStatus> {
    Ok(store.mark_published(mark).await?)
}

/// Resumes the jobs a quit or crash left unfinished; returns them as they stand now.
#[ferry_macros::command]
pub async fn resume_publishing<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    publishing: State<'_, Publishing>,
) -> CommandResult<Vec<JobStatus>> {
    body::resume(&publishing, &store, emitter(app)).await
}

/// Opens a posted status (or any web page) in the system browser.
#[ferry_macros::command]
pub fn open_link(url: String) -> CommandResult<()> {
    crate::browser::open_in_browser(&url)
}

fn emitter<R: Runtime>(app: AppHandle<R>) -> impl Fn(&PublishEvent) + Send + Clone + 'static {
    move |event| {
        if let Err(err) = events::Publish::emit(&app, event) {
            tracing::warn!("could not send publish progress to the window: {err}");
        }
    }
}

/// The command bodies, over plain references so tests call them with a collecting sink.
pub mod body {
    use ferry_core::Store;

    use super::*;

    pub async fn post_now(
        publishing: &Publishing,
        store: &Store,
        request: PublishRequest,
        sink: impl Fn(&PublishEvent) + Send + 'static,
    ) -> CommandResult<JobStatus> {
        let publisher = publishing.publisher(store).await?;
        let handle = publisher.publish(request).await?;
        forward(store, handle, sink).await
    }

    pub async fn retry_failed(
        publishing: &Publishing,
        store: &Store,
        job_id: &str,
        sink: impl Fn(&PublishEvent) + Send + 'static,
    ) -> CommandResult<JobStatus> {
        let publisher = publishing.publisher(store).await?;
        let handle = publisher.retry_failed(job_id).await?;
        forward(store, handle, sink).await
    }

    pub async fn settle(
        publishing: &Publishing,
        store: &Store,
        settle: Settle,
        sink: impl Fn(&PublishEvent) + Send + 'static,
    ) -> CommandResult<JobStatus> {
        let publisher = publishing.publisher(store).await?;
        let target = settle.target_id.clone();
        match publisher.settle(settle).await? {
            Some(handle) => forward(store, handle, sink).await,
            None => {
                let job = store.job_of_target(&target).await?;
                Ok(store.publish_job(&job).await?)
            }
        }
    }

    pub async fn preview(
        store: &Store,
        request: &PublishRequest,
    ) -> CommandResult<Vec<TargetPreview>> {
        let draft = store.get_draft(&request.draft_id).await?;
        let accounts = store.list_accounts().await?;
        Ok(ferry_core::outbox::preview(&draft, &accounts, request)?)
    }

    pub async fn draft_jobs(store: &Store, draft_id: &str) -> CommandResult<Vec<JobStatus>> {
        let mut jobs = Vec::new();
        for id in store.publish_jobs_of_draft(draft_id).await? {
            jobs.push(store.publish_job(&id).await?);
        }
        Ok(jobs)
    }

    pub async fn resume(
        publishing: &Publishing,
        store: &Store,
        sink: impl Fn(&PublishEvent) + Send + Clone + 'static,
    ) -> CommandResult<Vec<JobStatus>> {
        // Nothing left over (the usual case): don't open the keychain at every start.
        if store.unfinished_publish_jobs().await?.is_empty() {
            return Ok(Vec::new());
        }
        let publisher = publishing.publisher(store).await?;
        let handles = publisher.resume_unfinished().await?;
        let mut jobs = Vec::new();
        for handle in handles {
            jobs.push(forward(store, handle, sink.clone()).await?);
        }
        Ok(jobs)
    }

    /// The job as written now, with its progress handed to `sink` in the background.
    async fn forward(
        store: &Store,
        handle: PublishHandle,
        sink: impl Fn(&PublishEvent) + Send + 'static,
    ) -> CommandResult<JobStatus> {
        let status = store.publish_job(handle.job_id()).await?;
        tokio::spawn(async move {
            let job = handle.job_id().to_owned();
            if let Err(err) = handle.finish_with(move |event| sink(event)).await {
                tracing::warn!(job, code = err.code(), "publishing stopped: {err}");
            }
        });
        Ok(status)
    }
}
