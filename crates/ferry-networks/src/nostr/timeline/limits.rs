//! How far one refresh may reach: how many relays, how long each may take, how far back past
//! the cursor it looks again, and how much text one note may bring.

use std::time::Duration;

/// Bounds for [`super::read_follows_timeline`]. `Default` suits a desktop refresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineLimits {
    /// Distinct relays connected for the notes (the account's read relays count first).
    /// Following hundreds of people could otherwise mean hundreds of websockets.
    pub max_relays: usize,
    /// Per relay and per step (follow list, relay lists, notes, profiles): connecting, asking
    /// and waiting for `EOSE`. A relay that never sends `EOSE` is cut off here and what it sent
    /// is kept.
    pub relay_timeout: Duration,
    /// How far before the cursor notes are asked for again. Relays receive events late (a
    /// client that was offline, a relay that syncs from another), so a note can appear with a
    /// `created_at` older than the newest one already seen. Overlap is harmless: posts are
    /// unique by event id.
    pub since_slack: Duration,
    /// Characters (Unicode scalar values) of a note's text kept; longer text is cut at a
    /// character boundary and ends with `…`. Relays accept notes of any size (some allow
    /// megabytes); the post stays readable rather than vanishing.
    pub max_text_chars: usize,
}

impl Default for TimelineLimits {
    fn default() -> Self {
        Self {
            max_relays: 12,
            relay_timeout: Duration::from_secs(8),
            since_slack: Duration::from_secs(15 * 60),
            max_text_chars: 8192,
        }
    }
}
