//! [`FeedError`]: why a feed command was refused or failed, with a stable code.
//!
//! A refresh that reaches a broken feed is not an error of the call: the failure is kept on
//! the source as its health and last error (see [`super::RefreshReport`]), so one bad source
//! never stops the others.

use ferry_macros::Coded;
use ferry_networks::rss::{FetchError, RouteError};

use crate::accounts::AccountError;
use crate::error::StoreError;

#[derive(Debug, thiserror::Error, Coded)]
pub enum FeedError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    #[code(transparent)]
    Route(#[from] RouteError),

    #[error(transparent)]
    #[code(transparent)]
    Account(#[from] AccountError),

    #[error(transparent)]
    #[code(transparent)]
    Fetch(#[from] FetchError),

    /// A like or boost the network refused, or whose answer was lost.
    #[error(transparent)]
    #[code(transparent)]
    Client(#[from] ferry_networks::http::ClientError),

    #[error("this item can't be liked or boosted: {reason}")]
    #[code("feed.not_interactive")]
    NotInteractive { reason: String },

    #[error("no linked person with id {id}; `ferry feed people` lists them")]
    #[code("feed.no_person")]
    NoPerson { id: String },

    #[error("item {item} can't be linked to a person: {reason}")]
    #[code("feed.not_linkable")]
    NotLinkable { item: i64, reason: String },

    #[error("this item can't be answered from Ferry: {reason}")]
    #[code("feed.not_answerable")]
    NotAnswerable { reason: String },

    #[error("no feed source with id {id}; `ferry feed sources` lists them")]
    #[code("feed.not_found")]
    NotFound { id: String },

    #[error("{url:?} cannot be a feed source: {reason}")]
    #[code("feed.bad_url")]
    BadUrl { url: String, reason: String },

    #[error("the feed {url} is already a source (id {id})")]
    #[code("feed.duplicate")]
    Duplicate { url: String, id: String },

    #[error("feed retention {value}: {reason}")]
    #[code("feed.bad_retention")]
    BadRetention { value: String, reason: String },

    #[error("source {id} is an account's timeline; it goes when the account is removed")]
    #[code("feed.account_source")]
    AccountSource { id: String },

    #[error("no feed item with id {id}; it may have been trimmed by retention")]
    #[code("feed.no_item")]
    NoItem { id: i64 },

    #[error(
        "no gap with id {id} (loaded or dismissed already?); `ferry feed sources --json` lists them"
    )]
    #[code("feed.no_gap")]
    NoGap { id: i64 },

    #[error(
        "gap {id} was recorded before Ferry could load gaps; dismiss it (`ferry feed forget-gap {id}`)"
    )]
    #[code("feed.gap_not_loadable")]
    GapNotLoadable { id: i64 },

    #[error("loading gap {id} failed: {message}")]
    #[code("feed.gap_failed")]
    GapFailed { id: i64, message: String },

    #[error("{0}")]
    #[code("feed.bad_query")]
    BadQuery(String),

    #[error("feed item {item}: {what} has no image Ferry can show: {reason}")]
    #[code("feed.no_image")]
    NoImage {
        item: i64,
        what: String,
        reason: String,
    },
}

impl FeedError {
    /// True when the request may have reached the server and taken effect: an unknown
    /// outcome. The prepared like or boost is then kept, to send the same one again.
    pub fn may_have_landed(&self) -> bool {
        matches!(self, FeedError::Client(e) if e.class() == ferry_networks::http::ErrorClass::UnknownOutcome)
    }
}
