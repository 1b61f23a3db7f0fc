//! Posting to Mastodon and Mastodon-API servers (GoToSocial, Akkoma, Pleroma).
//!
//! Signing in, once per account:
//! 1. [`MastodonServer::new`] with the server address; [`MastodonServer::register_app`] with a
//!    redirect URI: a [`LoopbackRedirect`]'s `http://127.0.0.1:<port>/callback`, or
//!    [`OOB_REDIRECT`] when the person will paste the code.
//! 2. [`Pkce::generate`], then open [`MastodonServer::authorize_url`] in the browser;
//!    [`LoopbackRedirect::wait_for_code`] (or the pasted code) gives the code.
//! 3. [`MastodonServer::exchange_code`] gives the access token: store it in the keychain.
//!
//! Posting: [`MastodonServer::client`] with the stored token, [`MastodonClient::upload_media`]
//! for each image (with its alt text), then [`MastodonClient::publish_status`] with an
//! idempotency key written down *before* the call. If the outcome is unknown, call it again
//! with the same key: Mastodon answers the original status instead of posting twice (it
//! remembers keys for an hour). Later than that, [`MastodonClient::find_own_status`] looks
//! for it among the account's recent statuses by its source text.
//!
//! Scheduling on the server (it posts at the time even while Ferry is closed):
//! [`MastodonClient::schedule_status`], then list, move or withdraw it (`scheduled.rs`).
//!
//! Reading: [`MastodonClient::home_timeline`] gives what is new in the account's home
//! timeline as [`crate::timeline::TimelinePost`]s for the merged feed.

mod interactions;
mod link;
mod media;
mod oauth;
mod recover;
mod scheduled;
mod server;
mod statuses;
mod timeline;
mod timeline_map;
mod types;

pub use crate::oauth::{LoopbackRedirect, Pkce, random_state};
pub use oauth::{AppCredentials, OOB_REDIRECT};
pub use scheduled::{
    SCHEDULE_MIN_LEAD, SCHEDULED_DAILY_LIMIT, SCHEDULED_PENDING_LIMIT, Scheduling,
};
pub use server::{InstanceLimits, MastodonServer};
pub use statuses::{MastodonClient, NewStatus, Visibility};
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub use timeline::fuzzing;
pub use timeline::{HOME_MAX_PAGE_BYTES, HOME_MAX_PAGES};
pub use types::{
    Account, Instance, InstanceConfiguration, MediaAttachment, MediaConfiguration, Mention,
    ScheduledParams, ScheduledStatus, Status, StatusConfiguration, Tag,
};

/// The name errors carry.
pub const NETWORK: &str = "mastodon";
