//! Engine tests for the drafts store, each on its own temporary data folder.

pub(crate) mod support;

mod concurrency;
mod disk_full;
mod failures;
mod media;
mod open;
mod rednote_export;
mod rednote_lan;
mod revisions;
mod roundtrip;
mod search;
mod settings;
