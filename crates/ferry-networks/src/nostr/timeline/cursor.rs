//! The cursor: the newest `created_at` seen, in Unix seconds as a decimal string. Nostr has
//! no server-side position to resume from, only time filters, so time is the cursor.

use std::time::Duration;

use super::TimelineError;

/// The cursor a previous refresh returned, as seconds.
pub fn parse(since: Option<&str>) -> Result<Option<u64>, TimelineError> {
    since
        .map(|text| {
            text.trim()
                .parse::<u64>()
                .map_err(|_| TimelineError::BadCursor {
                    cursor: text.to_owned(),
                })
        })
        .transpose()
}

/// The `since` to ask relays for: the cursor moved back by `slack`, for notes that reached
/// the relays late. `None` on the first refresh (newest `limit` notes, whatever their age).
pub fn query_since(cursor: Option<u64>, slack: Duration) -> Option<u64> {
    cursor.map(|c| c.saturating_sub(slack.as_secs()))
}

/// The cursor to return: the newest of the old one and what was seen, unchanged when nothing
/// was new.
pub fn next(old: Option<u64>, newest_seen: Option<u64>) -> Option<String> {
    old.max(newest_seen).map(|c| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trip_slack_and_refusal() {
        assert_eq!(parse(None), Ok(None));
        assert_eq!(parse(Some("1764900000")), Ok(Some(1_764_900_000)));
        assert_eq!(
            parse(Some("abc")).unwrap_err().code(),
            "nostr_timeline.bad_cursor"
        );
        let slack = Duration::from_secs(900);
        assert_eq!(query_since(Some(1000), slack), Some(100));
        assert_eq!(query_since(Some(10), slack), Some(0), "never below zero");
        assert_eq!(
            next(Some(50), None).as_deref(),
            Some("50"),
            "nothing new: kept"
        );
        assert_eq!(
            next(Some(50), Some(40)).as_deref(),
            Some("50"),
            "never moves back"
        );
        assert_eq!(next(None, Some(60)).as_deref(), Some("60"));
    }
}
