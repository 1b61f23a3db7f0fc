//! [`PublishError`]: why a publish could not start (or be retried), with a stable code.
//!
//! Failures of single targets are not errors of the call: they are stored on the target
//! (`failed` with `{code, message}`) and reported in the job's status, so one bad account
//! never stops the others.

use crate::ErrorPayload;
use crate::accounts::AccountError;
use crate::error::StoreError;
use crate::model::Network;

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    Account(#[from] AccountError),

    #[error(
        "draft {draft} has no targets: choose networks or accounts in the composer, or name \
         accounts with --to"
    )]
    NoTargets { draft: String },

    #[error(
        "draft {draft} targets {network}, but no {network} account is added (`ferry accounts add {network} …`)"
    )]
    NoAccount { draft: String, network: Network },

    #[error("draft {draft} has no text to post")]
    EmptyDraft { draft: String },

    #[error("no publish job with id {id}")]
    JobNotFound { id: String },

    #[error("draft {draft} has never been posted, so there is nothing to retry")]
    NeverPublished { draft: String },

    #[error(
        "draft {draft} was already posted (job {job}); retry what did not go out with \
         --retry-failed, or make a new draft to post it again"
    )]
    AlreadyPublished { draft: String, job: String },

    #[error(
        "job {id} is being sent by another Ferry (the app or another `ferry post`, {owner}); \
         wait for it to finish"
    )]
    Busy { id: String, owner: String },

    #[error("publishing stopped unexpectedly: {detail}")]
    Internal { detail: String },
}

impl PublishError {
    pub fn code(&self) -> &'static str {
        match self {
            PublishError::Store(err) => err.code(),
            PublishError::Account(err) => err.code(),
            PublishError::NoTargets { .. } => "outbox.no_targets",
            PublishError::NoAccount { .. } => "outbox.no_account",
            PublishError::EmptyDraft { .. } => "outbox.empty_draft",
            PublishError::JobNotFound { .. } => "outbox.job_not_found",
            PublishError::NeverPublished { .. } => "outbox.never_published",
            PublishError::AlreadyPublished { .. } => "outbox.already_published",
            PublishError::Busy { .. } => "outbox.busy",
            PublishError::Internal { .. } => "outbox.internal",
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

impl serde::Serialize for PublishError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
