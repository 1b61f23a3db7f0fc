//! Ferry's engine. Everything the desktop app and the `ferry` CLI do goes through here, so
//! the two always agree and most behaviour is testable without a window.
//!
//! Start with [`Store::open_default`] (or [`Store::open`] on a folder), then call the draft
//! methods on it: [`Store::create_draft`], [`Store::save_draft`], [`Store::list_drafts`],
//! [`Store::history`], [`Store::restore_revision`], [`Store::attach_media`] … Every failure
//! is a [`StoreError`] with a stable [`StoreError::code`].
//!
//! Posting: [`accounts::Accounts`] adds and keeps the Mastodon, Bluesky and Nostr accounts;
//! [`outbox::Publisher`] posts a draft to them exactly once and streams progress.
//!
//! Scheduling: [`Store::add_schedule`] and friends keep *when*; [`schedule::Scheduler`] is the
//! loop that hands due items to the outbox.
//!
//! Reading: [`feed::Feeds`] keeps RSS / Atom / JSON Feed sources (and RSSHub routes) cached
//! and merged, newest first.
//!
//! Counting: [`checks::check_variant`] measures what each target network gets of a variant
//! (the composer's counters); [`checks::check_draft`] does it for a stored draft.

pub mod accounts;
pub mod checks;
mod clock;
mod drafts;
mod error;
pub mod feed;
pub mod handoff;
mod media;
pub mod media_host;
pub mod model;
pub mod outbox;
pub mod schedule;
mod search;
pub mod secrets;
mod settings;
mod store;
pub mod translation;

#[doc(hidden)]
pub use clock::advance_clock_for_simulation;
pub use drafts::{MAX_TEXT_CHARS, MAX_TOPIC_CHARS};
pub use error::{Coded, ErrorPayload, StoreError};
pub use media::{MAX_MEDIA_BYTES, sniff};
pub use model::*;
pub use search::MAX_PAGE;
pub use store::{DATA_DIR_ENV, SetAside, Store, StoreOptions, default_data_dir};
