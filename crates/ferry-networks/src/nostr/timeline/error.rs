//! Why a refresh failed as a whole. A relay that fails alone is not an error: the others are
//! read and the fetch says `reached_since: false`.

/// A refresh that returned nothing usable; every variant names what was asked and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    #[error("nostr timeline: the account key {input:?} is not an npub1… key or 64 hex digits")]
    InvalidAccount { input: String },
    #[error(
        "nostr timeline: no usable read relay (ws:// or wss://) for the account among {given:?}"
    )]
    NoReadRelays { given: Vec<String> },
    #[error(
        "nostr timeline: the cursor {cursor:?} is not a Unix time in seconds; pass the cursor a previous refresh returned, or none"
    )]
    BadCursor { cursor: String },
    /// Every relay asked failed before sending anything.
    #[error("nostr timeline: no relay answered for the {what} ({detail})")]
    Unreachable { what: &'static str, detail: String },
}

impl TimelineError {
    /// A stable code for the UI and logs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidAccount { .. } => "nostr_timeline.invalid_account",
            Self::NoReadRelays { .. } => "nostr_timeline.no_read_relays",
            Self::BadCursor { .. } => "nostr_timeline.bad_cursor",
            Self::Unreachable { .. } => "nostr_timeline.unreachable",
        }
    }
}
