//! The outbox: posting a draft to every target exactly once.
//!
//! ```no_run
//! # async fn demo(accounts: ferry_core::accounts::Accounts, draft_id: String) -> Result<(), ferry_core::outbox::PublishError> {
//! use ferry_core::outbox::{PublishConfig, PublishEvent, PublishRequest, Publisher};
//! let publisher = Publisher::new(accounts, PublishConfig::default());
//! let handle = publisher
//!     .publish(PublishRequest { draft_id: draft_id.clone(), allow_threads: true, ..Default::default() })
//!     .await?;
//! let status = handle
//!     .finish_with(|event| {
//!         if let PublishEvent::Target(t) = event {
//!             println!("{} {:?} {:?}", t.network, t.state, t.remote_url);
//!         }
//!     })
//!     .await?;
//! if !status.all_posted() {
//!     publisher.retry_draft(&draft_id).await?.finish().await?; // only what is not posted
//! }
//! # Ok(()) }
//! ```
//!
//! # How a post goes out
//!
//! 1. **Plan** (`plan.rs`): each account gets the variants its audience reads (or an explicit
//!    mapping); a network override wins over the variant text; topics are appended in the
//!    network's convention; the text is measured with the account's limits and split into a
//!    thread when too long — or refused, naming the network and the excess.
//! 2. **Write down** (`rows.rs`): one job, one target per (variant, account), one part per
//!    post of a thread, each part with its idempotency key — all in one transaction, before
//!    any network call.
//! 3. **Send** (`runner.rs`, `target.rs`): targets run concurrently, at most
//!    [`NetworkCaps`] per network. Each moves `queued → sending → posted | failed | unknown`;
//!    every change is saved before the next request. A lost answer makes a part `unknown`,
//!    and the next step is a check on the server (`send/`), never a blind resend. Retryable
//!    failures back off exponentially with jitter; a `429`'s `Retry-After` (or Mastodon's
//!    `X-RateLimit-Reset`) holds back all of that account's targets.
//! 4. **Crash**: a job is claimed by one process at a time (`jobs.rs`). When the process dies,
//!    the next [`Publisher::resume_unfinished`] or [`Publisher::retry_failed`] takes the
//!    claim over, turns `sending` into `unknown`, and checks those first.
//!
//! Telegram can't be asked whether a message whose answer was lost went out: such a part
//! stays `unknown` until the person looks and settles it ([`Publisher::settle`],
//! `settle.rs`).
//!
//! RedNote has no posting API: the writer publishes its note from the phone and marks it
//! published with the note's link ([`Store::mark_published`], `by_hand.rs`), which writes a
//! job already posted, account [`BY_HAND`].

mod audience;
mod by_hand;
mod config;
mod cost;
mod error;
pub(crate) mod failure;
mod hand_over;
pub(crate) mod images;
mod jobs;
mod model;
pub(crate) mod plan;
mod preview;
mod publisher;
mod rows;
mod runner;
pub(crate) mod send;
mod settle;
mod shared;
mod target;

pub(crate) use audience::accounts_for;
pub use by_hand::{BY_HAND, MarkPublished};
pub use config::{NetworkCaps, PublishConfig, RetryPolicy};
pub use cost::PostCost;
pub(crate) use cost::x_cost_now;
pub use error::PublishError;
pub use hand_over::HandOver;
pub(crate) use jobs::pid_alive;
pub use model::{
    AudienceMapping, JobStatus, PublishEvent, PublishRequest, TargetEvent, TargetState,
    TargetStatus,
};
pub use preview::{TargetPreview, preview};
pub use publisher::{PublishHandle, Publisher};
#[cfg(test)]
pub(crate) use rows::HandOverClaim;
pub use settle::{Looked, Settle};
