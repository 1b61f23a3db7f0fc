//! What a publish looks like from the outside: the request, each target's state, the job's
//! status and the progress events. All of it goes to the UI as camelCase JSON.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ErrorPayload;
use crate::model::{LangTag, Network};

/// "Post now": which draft, and optionally to whom.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PublishRequest {
    pub draft_id: String,
    /// Account ids; empty: the draft's own targets (a target without an account means the
    /// network's first account).
    #[serde(default)]
    pub to: Vec<String>,
    /// Explicit variant choice per account, overriding the account's audience.
    #[serde(default)]
    pub mapping: Vec<AudienceMapping>,
    /// False: refuse an over-long text instead of splitting it into a thread.
    #[serde(default = "yes")]
    pub allow_threads: bool,
    /// The person saw what posting to X costs and accepts it (X charges per post); without
    /// it a request with an X target is refused.
    #[serde(default)]
    pub accept_x_cost: bool,
}

fn yes() -> bool {
    true
}

/// "Send these variants to this account."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AudienceMapping {
    pub account_id: String,
    pub langs: Vec<LangTag>,
}

/// Where one target is. Every change is written to the database before the next request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TargetState {
    /// Waiting for its turn (or for a retry after a failure that changed nothing remotely).
    Queued,
    /// A request is on its way.
    Sending,
    Posted,
    /// Not posted, with the reason; `retryable` says whether "retry failed" may help.
    Failed,
    /// A request may have reached the server without an answer: checked before any resend.
    Unknown,
}

impl TargetState {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetState::Queued => "queued",
            TargetState::Sending => "sending",
            TargetState::Posted => "posted",
            TargetState::Failed => "failed",
            TargetState::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Option<TargetState> {
        [
            TargetState::Queued,
            TargetState::Sending,
            TargetState::Posted,
            TargetState::Failed,
            TargetState::Unknown,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// One (variant, account) target of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TargetStatus {
    pub id: String,
    pub job_id: String,
    pub account_id: String,
    pub network: Network,
    pub lang: LangTag,
    pub state: TargetState,
    pub attempts: u32,
    /// 1 for a single post, more for a thread.
    pub parts: u32,
    pub parts_posted: u32,
    /// The first part's id on the network (status id, `at://` URI, event id).
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    pub error: Option<ErrorPayload>,
    pub retryable: Option<bool>,
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// A job and all its targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JobStatus {
    pub id: String,
    pub draft_id: String,
    pub draft_revision: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub targets: Vec<TargetStatus>,
}

impl JobStatus {
    /// Every target posted.
    pub fn all_posted(&self) -> bool {
        self.targets.iter().all(|t| t.state == TargetState::Posted)
    }

    pub fn count(&self, state: TargetState) -> usize {
        self.targets.iter().filter(|t| t.state == state).count()
    }
}

/// Progress, as it happens. The desktop shell forwards these to the window; the CLI prints
/// them with `--progress`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum PublishEvent {
    /// A target changed state (or a thread part was posted).
    Target(TargetEvent),
    /// The job ran out of work: the final status of every target.
    Finished(JobStatus),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TargetEvent {
    pub job_id: String,
    pub target_id: String,
    pub account_id: String,
    pub network: Network,
    pub lang: LangTag,
    pub state: TargetState,
    /// The thread part this is about (1-based), when the target has several.
    pub part: Option<u32>,
    pub parts: u32,
    pub attempt: u32,
    pub remote_url: Option<String>,
    pub error: Option<ErrorPayload>,
    pub retryable: Option<bool>,
    pub next_attempt_at: Option<DateTime<Utc>>,
}
