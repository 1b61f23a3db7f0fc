//! The follows timeline: notes (kind 1) and reposts (kind 6) from the people a Nostr account
//! follows, as the shared [`crate::timeline`] shape the feed cache stores.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::nostr::timeline::TimelineError> {
//! use ferry_networks::nostr::timeline::{TimelineLimits, read_follows_timeline};
//! use ferry_networks::timeline::TimelineRequest;
//! let relays = vec!["wss://relay.example".to_owned()]; // the account's read relays
//! let mut request = TimelineRequest { since: None, max_posts: 200, resume: None };
//! let fetch = read_follows_timeline("npub1…", &relays, &request, &TimelineLimits::default()).await?;
//! // store fetch.posts (newest first, unique by event id); keep the cursor for next time
//! request.since = fetch.cursor;
//! if !fetch.reached_since { /* record a gap: a relay failed, or more was new than max_posts */ }
//! # Ok(()) }
//! ```
//!
//! How a refresh goes (each step asks its relays concurrently, each within
//! [`TimelineLimits::relay_timeout`]):
//!
//! 1. **Follow list** (NIP-02, kind 3) from the account's read relays; the newest version
//!    across relays wins. No follow list, or an empty one, gives an empty fetch (not an
//!    error: a new account follows nobody yet); the cursor is returned unchanged.
//! 2. **Relay lists** (NIP-65, kind 10002) of the followed, from the same relays. An author's
//!    notes are read on their write relays and on the account's read relays, at most
//!    [`TimelineLimits::max_relays`] relays in all ([`outbox`] explains which are kept).
//! 3. **Notes** (kind 1), **reposts** (kind 6, see `reposts.rs`) and **deletions** (kind 5) since the cursor less
//!    [`TimelineLimits::since_slack`], at most `max_posts`; a note seen directly and reposted
//!    is one post, with the reposter as `boosted_by`.
//! 4. **Profiles** (kind 0) of the authors and reposters of the posts returned (authors of
//!    reposted notes the account doesn't follow are asked of its own read relays): name, NIP-05 handle *as
//!    claimed, not verified* (else a short `npub1abcd…wxyz`), http(s) avatar.
//!
//! What is trusted: nothing. Every event's id is recomputed here and its signature checked
//! ([`verify`]); events from authors the account does not follow are dropped whatever a relay
//! sends; the same note from several relays is one post; a `created_at` in the future counts
//! as now; text is cut at [`TimelineLimits::max_text_chars`] on a character boundary.
//!
//! `reached_since` is `false` whenever a gap may exist: a relay was unreachable, closed the
//! subscription or never sent `EOSE` (what it sent is kept), a relay list could not be read,
//! an author's write relays did not fit under the cap, or a relay or the whole fetch hit
//! `max_posts`. The call fails only when its input is unusable or when no relay answered at
//! all for the follow list or the notes ([`TimelineError`]).
//!
//! Deletions (kind 5, NIP-09) are read with the notes: a note its own author deleted is left
//! out, and `withdrawn` tells the cache which notes it holds to drop (`deletions.rs`).
//!
//! A repost that does not embed its note is shown once its note is found by id, in one more
//! round of requests (`reposts.rs`). Not read (yet): long-form articles.

mod cursor;
mod deletions;
mod error;
mod fanout;
mod follows;
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
mod latest;
mod limits;
mod media;
pub mod outbox;
mod post;
mod profile;
mod read;
mod reposts;
mod safe_text;
pub mod verify;

pub use error::TimelineError;
pub use limits::TimelineLimits;
pub use profile::short_npub;
pub use read::read_follows_timeline;
