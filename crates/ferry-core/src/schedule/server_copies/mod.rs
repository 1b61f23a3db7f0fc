//! Mastodon's own schedule: a target handed to its server ahead of time goes out even while
//! Ferry is closed. On by default per Mastodon account (`Store::set_server_schedule`).
//!
//! ```text
//! item scheduled ──(≥ 7 min ahead, one status)──▶ creating ──answer──▶ kept ──time──▶ posted
//!                                                   │                   │
//!                              edited: withdraw + hand over again ◀─────┤
//!                              moved: PUT the new time ◀────────────────┤
//!                              cancelled / too near / a thread: withdrawn (Ferry sends it)
//! ```
//!
//! - `wanted.rs`: what the server should keep for each target, from the draft as it is now.
//! - `keep.rs`: the pass the scheduler loop runs (under a lease: one loop per database).
//! - `server_calls.rs`: the requests and what each answer does to a row.
//! - `rows.rs`, `stored.rs`: the rows, the switch, the lease and the claims.
//!
//! At an item's time the scheduler hands the outbox only the targets no server holds
//! (`outbox/hand_over.rs`): a copy that is `creating`, `kept`, `posted` or `removed` is the
//! server's, never sent twice.

mod keep;
mod model;
pub(crate) mod rows;
mod server_calls;
mod stored;
mod wanted;

pub use keep::CopyChange;
pub use model::{ServerCopy, ServerCopyState};
