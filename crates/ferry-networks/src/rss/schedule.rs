//! When to fetch a feed again. As Miniflux does: the longest of Ferry's interval, the feed's
//! `<ttl>`, the server's `Cache-Control: max-age` and `Retry-After`; after failures the
//! interval doubles per consecutive failure. Everything is capped at a day, so a feed that
//! asks for a week (or a hostile `Retry-After`) is still looked at daily.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};

/// The interval between refreshes of a healthy feed.
pub const REFRESH_INTERVAL: Duration = Duration::minutes(60);
/// The longest wait, whatever the feed or server asks.
pub const MAX_WAIT: Duration = Duration::hours(24);

/// What the last refresh learned that bears on the next one.
#[derive(Debug, Clone, Copy, Default)]
pub struct NextFetch {
    /// RSS `<ttl>`, in minutes.
    pub ttl_minutes: Option<u32>,
    /// `Cache-Control: max-age`.
    pub max_age: Option<StdDuration>,
    /// `Retry-After` as an instant.
    pub retry_at: Option<DateTime<Utc>>,
    /// Consecutive failed refreshes, this one included (0 after a success).
    pub failures: u32,
}

impl NextFetch {
    pub fn at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let backoff =
            REFRESH_INTERVAL * 2i32.saturating_pow(self.failures.saturating_sub(1).min(10));
        let ttl = Duration::minutes(i64::from(self.ttl_minutes.unwrap_or(0)));
        let max_age = self
            .max_age
            .and_then(|d| Duration::from_std(d).ok())
            .unwrap_or(Duration::zero());
        let retry = self.retry_at.map(|at| at - now).unwrap_or(Duration::zero());
        let wait = [backoff, ttl, max_age, retry]
            .into_iter()
            .max()
            .unwrap_or(REFRESH_INTERVAL)
            .min(MAX_WAIT);
        now + wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-05T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn healthy_feed_waits_the_interval_or_its_ttl() {
        assert_eq!(NextFetch::default().at(now()), now() + REFRESH_INTERVAL);
        let ttl = NextFetch {
            ttl_minutes: Some(180),
            ..Default::default()
        };
        assert_eq!(ttl.at(now()), now() + Duration::minutes(180));
    }

    #[test]
    fn failures_back_off_and_retry_after_is_respected() {
        let third = NextFetch {
            failures: 3,
            ..Default::default()
        };
        assert_eq!(third.at(now()), now() + Duration::hours(4));
        let told = NextFetch {
            failures: 1,
            retry_at: Some(now() + Duration::hours(3)),
            ..Default::default()
        };
        assert_eq!(told.at(now()), now() + Duration::hours(3));
    }

    #[test]
    fn nothing_waits_longer_than_a_day() {
        let greedy = NextFetch {
            ttl_minutes: Some(60 * 24 * 30),
            retry_at: Some(now() + Duration::days(365)),
            failures: 40,
            ..Default::default()
        };
        assert_eq!(greedy.at(now()), now() + MAX_WAIT);
    }
}
