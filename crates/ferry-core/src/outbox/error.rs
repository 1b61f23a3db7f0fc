//! [`PublishError`]: why a publish could not start (or be retried), with a stable code.
//!
//! Failures of single targets are not errors of the call: they are stored on the target
//! (`failed` with `{code, message}`) and reported in the job's status, so one bad account
//! never stops the others.

use crate::accounts::AccountError;
use crate::error::StoreError;
use crate::model::Network;
use ferry_macros::Coded;

#[derive(Debug, thiserror::Error, Coded)]
pub enum PublishError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    #[code(transparent)]
    Account(#[from] AccountError),

    #[error(
        "draft {draft} has no targets: choose networks or accounts in the composer, or name \
         accounts with --to"
    )]
    #[code("outbox.no_targets")]
    NoTargets { draft: String },

    #[error(
        "draft {draft} targets {network}, but no {network} account is added (`ferry accounts add {network} …`)"
    )]
    #[code("outbox.no_account")]
    NoAccount { draft: String, network: Network },

    #[error(
        "draft {draft} is a reply from account {account}; it can only be posted there (drop \
         the reply in the composer to post it elsewhere)"
    )]
    #[code("outbox.reply_elsewhere")]
    ReplyElsewhere { draft: String, account: String },

    #[error("draft {draft} has no text to post")]
    #[code("outbox.empty_draft")]
    EmptyDraft { draft: String },

    #[error(
        "posting draft {draft} to X costs about {usd} of your X app's credits; accept the \
         cost to send it (in the app, \"Post now\" shows it; `ferry post --accept-x-cost`)"
    )]
    #[code("outbox.cost_not_accepted")]
    CostNotAccepted { draft: String, usd: String },

    #[error("no publish job with id {id}")]
    #[code("outbox.job_not_found")]
    JobNotFound { id: String },

    #[error("draft {draft} has never been posted, so there is nothing to retry")]
    #[code("outbox.never_published")]
    NeverPublished { draft: String },

    #[error(
        "draft {draft} was already posted (job {job}); retry what did not go out with \
         --retry-failed, or make a new draft to post it again"
    )]
    #[code("outbox.already_published")]
    AlreadyPublished { draft: String, job: String },

    #[error(
        "job {id} is being sent by another Ferry (the app or another `ferry post`, {owner}); \
         wait for it to finish"
    )]
    #[code("outbox.busy")]
    Busy { id: String, owner: String },

    /// The app could not make its publisher (the keychain is locked …): nothing was sent.
    #[error("cannot send now: {reason}")]
    #[code("outbox.unavailable")]
    Unavailable { reason: String },

    /// What the outbox stored for a job can't be read back (a damaged row, a database from a
    /// newer Ferry): it is marked failed rather than tried again at every start.
    #[error(
        "the stored post {job} could not be read ({detail}); it was not sent again. Look on \
         the network for it before posting the draft again"
    )]
    #[code("outbox.unreadable_job")]
    UnreadableJob { job: String, detail: String },

    #[error(
        "Ferry posts to {network} itself; only RedNote, which has no posting API, is marked \
         as published by hand"
    )]
    #[code("outbox.not_by_hand")]
    NotByHand { network: Network },

    #[error("target {target} has nothing to settle: {why}")]
    #[code("outbox.nothing_to_settle")]
    NothingToSettle { target: String, why: String },

    #[error("{url:?} can't be recorded as the note's link: {reason}")]
    #[code("outbox.bad_note_link")]
    BadNoteLink { url: String, reason: String },

    #[error("draft {draft} has no {lang} variant")]
    #[code("outbox.no_such_variant")]
    NoSuchVariant { draft: String, lang: String },

    #[error("publishing stopped unexpectedly: {detail}")]
    #[code("outbox.internal")]
    Internal { detail: String },
}
