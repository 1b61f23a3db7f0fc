//! UTC timestamps as the store keeps them: microsecond precision, stored as fixed-width
//! RFC 3339 text so that sorting the text sorts by time.

use chrono::{DateTime, SubsecRound, Utc};

/// Now, cut to microseconds so a value survives a round trip through the database unchanged.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
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
