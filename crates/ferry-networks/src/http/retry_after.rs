//! When may a refused request be tried again? `Retry-After` (RFC 9110: delay seconds or an
//! HTTP date) and Mastodon's `X-RateLimit-Reset` (an ISO 8601 time).

use chrono::{DateTime, Duration, Utc};

/// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`, as an instant.
/// Unparseable values give `None` rather than a guess.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u32>() {
        return Some(now + Duration::seconds(i64::from(seconds)));
    }
    DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Mastodon's `X-RateLimit-Reset: 2026-10-14T19:10:00.000Z`.
pub fn parse_rate_limit_reset(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn delay_seconds() {
        assert_eq!(
            parse_retry_after(" 90 ", now()),
            Some(now() + Duration::seconds(90))
        );
    }

    #[test]
    fn http_date() {
        let at = parse_retry_after("Mon, 23 Nov 2026 10:05:00 GMT", now()).unwrap();
        assert_eq!(at, now() + Duration::minutes(5));
    }

    #[test]
    fn garbage_is_none() {
        assert_eq!(parse_retry_after("soon", now()), None);
        assert_eq!(parse_retry_after("-5", now()), None);
        assert_eq!(parse_rate_limit_reset("tomorrow"), None);
    }

    #[test]
    fn mastodon_reset() {
        let at = parse_rate_limit_reset("2026-11-23T10:05:00.000Z").unwrap();
        assert_eq!(at, now() + Duration::minutes(5));
    }
}
