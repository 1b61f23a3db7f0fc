//! Fetching a feed: one GET with the validators of the last answer (ETag → `If-None-Match`,
//! Last-Modified → `If-Modified-Since`), a timeout, and a cap on how much is read.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::rss::FetchError> {
//! use ferry_networks::rss::{FeedClient, Fetched, Validators};
//! let client = FeedClient::new()?;
//! let url = "https://example.org/feed.xml".parse().unwrap();
//! let first = client.fetch(&url, &Validators::default()).await?;
//! // Keep `first.validators`; the next fetch sends them and may get a 304 (`feed: None`).
//! let again: Fetched = client.fetch(&url, &first.validators).await?;
//! if again.feed.is_none() {
//!     println!("not modified");
//! }
//! # Ok(()) }
//! ```

use std::time::Duration;

use chrono::Utc;
use reqwest::header::{self, HeaderMap};
use serde::Serialize;
use url::Url;

use super::health::FetchError;
use super::parse::{ParsedFeed, parse_feed};
use crate::http::{chain_text, parse_retry_after};

/// The most Ferry reads of one feed. Real feeds are rarely over 1 MiB; a bigger answer is a
/// mistake or an attack, and reading stops at the cap instead of filling memory.
pub const MAX_FEED_BYTES: usize = 4 * 1024 * 1024;

/// How long one fetch may take, connection to last byte.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(20);

/// What the server said last time, sent back so an unchanged feed answers 304.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful fetch: a parsed feed, or `None` for 304 Not Modified.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub feed: Option<ParsedFeed>,
    /// The validators to send next time: the answer's (on a 304, the ones sent where the
    /// answer repeats none).
    pub validators: Validators,
    /// `Cache-Control: max-age`, when the server gave one.
    pub max_age: Option<Duration>,
}

/// An HTTP client for feeds. Cheap to clone.
#[derive(Debug, Clone)]
pub struct FeedClient {
    pub(super) http: reqwest::Client,
    max_bytes: usize,
    timeout: Duration,
}

impl FeedClient {
    pub fn new() -> Result<FeedClient, FetchError> {
        FeedClient::with_limits(FETCH_TIMEOUT, MAX_FEED_BYTES)
    }

    pub fn with_limits(timeout: Duration, max_bytes: usize) -> Result<FeedClient, FetchError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10).min(timeout))
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::limited(5))
            .user_agent(concat!(
                "Ferry/",
                env!("CARGO_PKG_VERSION"),
                " (feed reader)"
            ))
            .build()
            .map_err(|e| FetchError::Unreachable {
                url: String::new(),
                detail: chain_text(&e),
            })?;
        Ok(FeedClient {
            http,
            max_bytes,
            timeout,
        })
    }

    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// GETs and parses the feed at `url`.
    pub async fn fetch(&self, url: &Url, sent: &Validators) -> Result<Fetched, FetchError> {
        let mut request = self.http.get(url.clone()).header(
            header::ACCEPT,
            "application/rss+xml, application/atom+xml, application/feed+json, \
             application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5",
        );
        if let Some(etag) = &sent.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = &sent.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, date);
        }
        let mut response = request.send().await.map_err(|e| self.transport(url, e))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let answered = Validators {
            etag: header_text(&headers, header::ETAG),
            last_modified: header_text(&headers, header::LAST_MODIFIED),
        };
        let max_age = max_age(&headers);
        if status == 304 {
            // A 304 may leave validators out: the ones sent still describe what we have.
            return Ok(Fetched {
                feed: None,
                validators: Validators {
                    etag: answered.etag.or_else(|| sent.etag.clone()),
                    last_modified: answered
                        .last_modified
                        .or_else(|| sent.last_modified.clone()),
                },
                max_age,
            });
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Http {
                url: url.to_string(),
                status,
                retry_at: header_text(&headers, header::RETRY_AFTER)
                    .and_then(|v| parse_retry_after(&v, Utc::now())),
            });
        }
        let body = self.read_body(&mut response, url, self.max_bytes).await?;
        let feed = parse_feed(&body, response.url())?;
        // A new body without validators makes the old ones stale: forget them.
        Ok(Fetched {
            feed: Some(feed),
            validators: answered,
            max_age,
        })
    }

    /// The whole body, refused as soon as it is known to exceed `max` bytes (declared or as
    /// it arrives), so a server can't make Ferry hold an unbounded answer in memory.
    pub(super) async fn read_body(
        &self,
        response: &mut reqwest::Response,
        url: &Url,
        max: usize,
    ) -> Result<Vec<u8>, FetchError> {
        let too_large = || FetchError::TooLarge {
            url: url.to_string(),
            max,
        };
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.transport(url, e))? {
            if body.len() + chunk.len() > max {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    pub(super) fn transport(&self, url: &Url, err: reqwest::Error) -> FetchError {
        let detail = if err.is_timeout() {
            format!("no complete answer within {} s", self.timeout.as_secs_f64())
        } else {
            chain_text(&err.without_url())
        };
        FetchError::Unreachable {
            url: url.to_string(),
            detail,
        }
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// `Cache-Control: max-age=N` (`no-cache`/`no-store` say nothing about when to come back).
fn max_age(headers: &HeaderMap) -> Option<Duration> {
    let value = header_text(headers, header::CACHE_CONTROL)?;
    value.split(',').find_map(|part| {
        let (name, secs) = part.trim().split_once('=')?;
        (name.eq_ignore_ascii_case("max-age"))
            .then(|| secs.trim().trim_matches('"').parse::<u64>().ok())
            .flatten()
            .map(Duration::from_secs)
    })
}
