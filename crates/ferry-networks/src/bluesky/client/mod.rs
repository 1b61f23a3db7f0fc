//! Posting to Bluesky through the account's own PDS (any PDS URL, never a hard-coded host), and
//! reading the account's following timeline ([`BlueskyClient::following_timeline`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::bluesky::client::{BlueskyClient, NewPost, Tid};
//! use ferry_networks::http::Secret;
//! let client = BlueskyClient::login("https://bsky.social", "alice.bsky.social", &Secret::new("app-password")).await?;
//! let rkey = Tid::now(); // store it with the outbox row BEFORE sending
//! let text = "你好 #渡 https://example.com".to_owned();
//! let post = NewPost { facets: ferry_networks::bluesky::facets::detect(&text), text, ..Default::default() };
//! let posted = client.publish_post(&post, &rkey).await?;
//! // after an unknown outcome: client.get_post(&rkey).await? tells whether it exists
//! # Ok(()) }
//! ```
//!
//! Tokens: sign in once ([`BlueskyClient::login`]), store [`BlueskyClient::session`], then
//! [`BlueskyClient::resume`]; the client refreshes expired access tokens by itself.

mod interactions;
mod posts;
mod record;
mod reply;
mod session;
mod tid;
mod timeline;
mod timeline_map;

pub use interactions::Interaction;
pub use posts::{PublishedPost, RecordView};
pub use record::{BlobRef, NewPost, PostImage, ReplyRef, StrongRef};
pub use session::{BlueskyClient, BlueskySession, OnRotate};
pub use tid::Tid;
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub use timeline::fuzzing;
pub use timeline::{KNOWN_ENTRIES, SORT_SLACK, TIMELINE_MAX_PAGE_BYTES, TIMELINE_MAX_PAGES};

/// The name errors carry.
pub const NETWORK: &str = "bluesky";
