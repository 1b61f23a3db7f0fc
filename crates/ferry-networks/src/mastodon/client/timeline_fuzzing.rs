//! Entry points for the fuzz targets (`fuzz/`, feature `fuzzing`) to the parts of the
//! client that read what a server sends but are private to it: the `Link` header and one
//! home-timeline page, decoded and mapped exactly as [`MastodonClient::home_timeline`]
//! does. Not an API: nothing else builds with this feature.
//!
//! [`MastodonClient::home_timeline`]: crate::mastodon::client::MastodonClient::home_timeline

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, HeaderValue, LINK};
use url::Url;

use super::page_entries;
use crate::mastodon::client::link::{next_max_id, parse_links};
use crate::mastodon::client::timeline_map::{server_domain, to_post};
use crate::timeline::TimelinePost;

/// Each link of a `Link` header value: its target and relation types.
pub fn links(value: &str) -> Vec<(String, Vec<String>)> {
    parse_links(value)
        .into_iter()
        .map(|link| (link.target, link.rels))
        .collect()
}

/// The next page's `max_id` from `Link` headers as a server sent them (values that aren't
/// valid header text are left out, as the HTTP client would refuse them).
pub fn next_page(values: &[&str], base: &Url) -> Option<String> {
    let mut headers = HeaderMap::new();
    for value in values {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.append(LINK, value);
        }
    }
    next_max_id(&headers, base)
}

/// One page of `GET /api/v1/timelines/home` as the client reads it: each entry's id and its
/// post, `None` where the entry doesn't decode or has no readable time. `Err` when the body
/// isn't a JSON array.
#[allow(clippy::type_complexity)]
pub fn home_page(
    body: &[u8],
    server: &Url,
    now: DateTime<Utc>,
) -> Result<Vec<(String, Option<TimelinePost>)>, serde_json::Error> {
    let raw: Vec<serde_json::Value> = serde_json::from_slice(body)?;
    let domain = server_domain(server);
    Ok(page_entries(raw)
        .into_iter()
        .map(|(id, status)| (id, status.and_then(|s| to_post(s, server, &domain, now))))
        .collect())
}
