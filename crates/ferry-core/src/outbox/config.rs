//! How hard and how fast the outbox pushes: concurrency per network, retries and backoff,
//! time limits. The defaults suit people; tests shrink them to keep runs short.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ferry_networks::threads::client::Patience;

use crate::model::Network;

#[derive(Debug, Clone)]
pub struct PublishConfig {
    /// At most this many targets of one network are sending at once (per publisher).
    pub per_network: NetworkCaps,
    pub retry: RetryPolicy,
    /// One request's time limit; past it, a write is `unknown` and gets checked.
    pub request_timeout: Duration,
    /// How long a job's claim lasts without renewal; a crashed runner's jobs are taken over
    /// after this (at once on Linux when its process is gone).
    pub lease: Duration,
    /// How long to wait for Threads to process a post's container before publishing it.
    pub threads_patience: Patience,
}

impl Default for PublishConfig {
    fn default() -> Self {
        PublishConfig {
            per_network: NetworkCaps::default(),
            retry: RetryPolicy::default(),
            request_timeout: Duration::from_secs(30),
            lease: Duration::from_secs(30),
            threads_patience: Patience::default(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct NetworkCaps {
    pub mastodon: usize,
    pub bluesky: usize,
    pub nostr: usize,
}

impl Default for NetworkCaps {
    fn default() -> Self {
        // Mastodon allows 300 requests per 5 minutes per account, a PDS a few thousand per
        // hour: a handful in flight is plenty for one person's posts. Relays are cheap.
        NetworkCaps {
            mastodon: 4,
            bluesky: 4,
            nostr: 8,
        }
    }
}

impl NetworkCaps {
    pub fn get(&self, network: Network) -> usize {
        match network {
            Network::Mastodon => self.mastodon,
            Network::Bluesky => self.bluesky,
            Network::Nostr => self.nostr,
            _ => 1,
        }
        .max(1)
    }
}

/// Exponential backoff with jitter, bounded, and `Retry-After` obeyed within `max_wait`.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts per target and run, the first included.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// The longest a server's `Retry-After` is waited for within a run; longer, and the target
    /// fails as retryable, saying when to try again.
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 6,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
            max_wait: Duration::from_secs(15 * 60),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1` (1-based `attempt` just failed): the server's
    /// time when it gave one, else `base · 2^(attempt-1)` capped at `max_delay`, with "equal
    /// jitter" (half fixed, half random) so targets that failed together don't return
    /// together.
    pub fn delay(
        &self,
        attempt: u32,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Duration {
        let exponential = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20))
            .min(self.max_delay);
        let half = exponential / 2;
        let jittered = half + half.mul_f64(fastrand::f64());
        match retry_at {
            // A little jitter on top, so everyone told "60 s" doesn't come back in the same
            // millisecond; a time already past means "now".
            Some(at) => {
                let told = (at - now).to_std().unwrap_or(Duration::ZERO);
                told + (self.base_delay / 4).mul_f64(fastrand::f64())
            }
            None => jittered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_obeys_retry_after() {
        let policy = RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
            max_wait: Duration::from_secs(5),
        };
        let now = Utc::now();
        for attempt in 1..=8 {
            let full = Duration::from_millis((100u64 << (attempt - 1)).min(1000));
            let d = policy.delay(attempt, None, now);
            assert!(
                d >= full / 2 && d <= full,
                "attempt {attempt}: {d:?} vs {full:?}"
            );
        }
        let told = now + chrono::Duration::seconds(3);
        let d = policy.delay(1, Some(told), now);
        assert!(
            d >= Duration::from_secs(3) && d <= Duration::from_millis(3025),
            "{d:?}"
        );
        // A Retry-After in the past means "now", plus jitter.
        let d = policy.delay(1, Some(now - chrono::Duration::seconds(3)), now);
        assert!(d <= Duration::from_millis(25), "{d:?}");
    }
}
