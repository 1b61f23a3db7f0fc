//! UTC timestamps as the store keeps them: microsecond precision, stored as fixed-width
//! RFC 3339 text so that sorting the text sorts by time.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, SubsecRound, Utc};

/// How far the engine's clock is ahead of the system's, in microseconds: always 0 in the app
/// and the CLI. Only a measurement that replays hours of use in seconds moves it
/// (`examples/history_size.rs`: an hour of autosaves, 500 ms apart).
static SHIFT_MICROS: AtomicI64 = AtomicI64::new(0);

/// Moves the engine's clock ahead by `by`, for the whole process. For simulations only.
#[doc(hidden)]
pub fn advance_clock_for_simulation(by: Duration) {
    let micros = by.num_microseconds().unwrap_or(i64::MAX);
    SHIFT_MICROS.fetch_add(micros, Ordering::Relaxed);
}

/// Now, cut to microseconds so a value survives a round trip through the database unchanged.
pub(crate) fn now() -> DateTime<Utc> {
    let shift = Duration::microseconds(SHIFT_MICROS.load(Ordering::Relaxed));
    (Utc::now() + shift).trunc_subsecs(6)
}

pub(crate) fn to_db(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub(crate) fn from_db(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|err| format!("bad timestamp {text:?} in the database: {err}"))
}

/// A compact stamp for file names: `20261123T142501Z`.
pub(crate) fn file_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}
