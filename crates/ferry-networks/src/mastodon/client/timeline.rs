//! Reading the account's home timeline (`GET /api/v1/timelines/home`) for the merged feed.
//!
//! ```no_run
//! # async fn refresh(client: &ferry_networks::mastodon::client::MastodonClient,
//! #                  stored_cursor: Option<String>) -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::timeline::TimelineRequest;
//! let fetch = client
//!     .home_timeline(&TimelineRequest { since: stored_cursor, max_posts: 200, resume: None })
//!     .await?;
//! // Store fetch.posts (newest first), keep fetch.cursor for the next refresh, and record a
//! // gap below the oldest post when !fetch.reached_since.
//! # Ok(()) }
//! ```
//!
//! The cursor is the id of the newest timeline *entry* seen. For a boost that is the boost's
//! own (wrapper) id, not the boosted post's: the home timeline is ordered and paged by entry
//! ids, and an old post boosted today has an old id that would page wrongly.
//!
//! A refresh walks newest first: `since_id` = the cursor on every page, and `max_id` from
//! the previous page's `Link: <…>; rel="next"` (see [`super::link`]). It stops at an empty
//! page, a page without a next link, an entry at or below the cursor (for servers that
//! ignore `since_id`), or `max_posts`. Stopping for any other reason — the cap, [`HOME_MAX_PAGES`],
//! a later page failing — answers `reached_since: false`, so the feed cache records a gap
//! rather than losing posts silently, with `resume`: the id of the last entry taken, the
//! `max_id` a gap's load starts from. The first refresh (no cursor) promises nothing older,
//! so it always answers `reached_since: true`.

use std::collections::HashSet;
use std::time::Duration;

use chrono::Utc;
use serde::Deserialize;

use super::NETWORK;
use super::link::next_max_id;
use super::statuses::MastodonClient;
use super::timeline_map::{server_domain, to_post};
use super::types::Status;
use crate::http::{ClientError, Effect, ResponseParts, classify_status, read_json, send_capped};
use crate::timeline::{TimelineFetch, TimelineRequest};

/// Pages one refresh reads at most (of up to [`PAGE_LIMIT`] entries each).
pub const HOME_MAX_PAGES: usize = 10;
/// Mastodon's largest page of the home timeline.
const PAGE_LIMIT: usize = 40;
/// The largest page answer read. Forty statuses with boosts, mentions and media are a few
/// hundred KB; anything near this is not a timeline.
pub const HOME_MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;
/// Per page, shorter than the client's general timeout: a refresh runs in the background and
/// should give up on a stuck server rather than hold the feed's refresh for minutes.
const PAGE_TIMEOUT: Duration = Duration::from_secs(20);

/// One page: each entry's id (kept even when the entry itself doesn't decode, so the walk
/// still knows where it is) and the status, and the next page's `max_id`.
struct Page {
    entries: Vec<(String, Option<Status>)>,
    next_max_id: Option<String>,
}

/// Just the id of an entry whose other fields a server got wrong.
#[derive(Deserialize)]
struct EntryId {
    id: String,
}

impl MastodonClient {
    /// What is new in the home timeline since `request.since` (see the module docs).
    /// Errors: `Auth` when the token is dead, revoked or lacks read access (sign in again),
    /// `RateLimited` with the server's `Retry-After`, `InvalidResponse` for an answer that
    /// isn't a timeline (an HTML page, broken JSON, more than [`HOME_MAX_PAGE_BYTES`]). Only the
    /// first page's failure is an error; a later one ends the walk with a gap.
    pub async fn home_timeline(
        &self,
        request: &TimelineRequest,
    ) -> Result<TimelineFetch, ClientError> {
        let since = request.since.as_deref().filter(|s| !s.trim().is_empty());
        let now = Utc::now();
        let domain = server_domain(&self.server.base);
        let mut fetch = TimelineFetch {
            posts: Vec::new(),
            cursor: since.map(str::to_owned),
            reached_since: false,
            withdrawn: Vec::new(),
            resume: None,
        };
        let mut seen = HashSet::new();
        // A gap's load starts below the last entry the read that left it took.
        let mut max_id: Option<String> = request.resume.clone().filter(|r| !r.trim().is_empty());
        // The last entry this walk is done with: where the next one goes on (`max_id` is
        // exclusive), when this one stops short.
        let mut done_with: Option<String> = max_id.clone();
        // Whether the walk ended at the cursor (or the timeline's end) rather than short of it.
        let mut reached = false;
        'pages: for page_number in 0..HOME_MAX_PAGES {
            // One more than still fits, so a page tells whether the cap cut anything off.
            let remaining = request.max_posts.saturating_sub(fetch.posts.len());
            let limit = (remaining + 1).min(PAGE_LIMIT);
            let page = match self.home_page(since, max_id.as_deref(), limit).await {
                Ok(page) => page,
                Err(err) if page_number > 0 => {
                    tracing::warn!(%err, "mastodon: home timeline page failed; keeping a gap");
                    break;
                }
                Err(err) => return Err(err),
            };
            if page.entries.is_empty() {
                reached = true;
                break;
            }
            for (id, status) in page.entries {
                if since.is_some_and(|s| !is_newer(&id, s)) {
                    reached = true;
                    break 'pages;
                }
                if fetch.cursor.as_deref().is_none_or(|c| is_newer(&id, c)) {
                    fetch.cursor = Some(id.clone());
                }
                let Some(post) = status.and_then(|s| to_post(s, &self.server.base, &domain, now))
                else {
                    done_with = Some(id);
                    continue;
                };
                if seen.contains(&post.remote_id) {
                    done_with = Some(id);
                    continue; // seen directly and boosted: the newer entry stays
                }
                if fetch.posts.len() >= request.max_posts {
                    break 'pages;
                }
                seen.insert(post.remote_id.clone());
                fetch.posts.push(post);
                done_with = Some(id);
            }
            match page.next_max_id {
                None => {
                    reached = true;
                    break;
                }
                // A next link that doesn't move down would loop: stop, keeping a gap.
                Some(next) if max_id.as_deref().is_some_and(|m| !is_newer(m, &next)) => break,
                Some(next) => max_id = Some(next),
            }
        }
        fetch.reached_since = reached || since.is_none();
        if !fetch.reached_since {
            fetch.resume = done_with;
        }
        Ok(fetch)
    }

    async fn home_page(
        &self,
        since: Option<&str>,
        max_id: Option<&str>,
        limit: usize,
    ) -> Result<Page, ClientError> {
        // The server's address in every error: a person with several accounts must know
        // which one failed.
        let what = format!(
            "GET /api/v1/timelines/home on {}",
            self.server.base.origin().ascii_serialization()
        );
        let mut url = self.server.url("/api/v1/timelines/home");
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("limit", &limit.to_string());
            if let Some(since) = since {
                query.append_pair("since_id", since);
            }
            if let Some(max_id) = max_id {
                query.append_pair("max_id", max_id);
            }
        }
        let request = self.get_url(url).timeout(PAGE_TIMEOUT);
        let answer =
            send_capped(NETWORK, &what, Effect::Read, request, HOME_MAX_PAGE_BYTES).await?;
        if matches!(answer.status, 401 | 403) {
            return Err(sign_in_expired(&what, &answer));
        }
        let raw: Vec<serde_json::Value> = read_json(NETWORK, &what, Effect::Read, &answer)?;
        Ok(Page {
            entries: page_entries(raw),
            next_max_id: next_max_id(&answer.headers, &self.server.base),
        })
    }
}

/// Each entry of a page with an id, and its status when the rest of it decodes.
fn page_entries(raw: Vec<serde_json::Value>) -> Vec<(String, Option<Status>)> {
    raw.into_iter()
        .filter_map(|value| {
            let id = EntryId::deserialize(&value).ok()?.id;
            let status = serde_json::from_value::<Status>(value)
                .inspect_err(|err| {
                    tracing::warn!(%id, %err, "mastodon: skipping a timeline entry of unexpected shape");
                })
                .ok();
            (!id.trim().is_empty()).then_some((id, status))
        })
        .collect()
}

/// 401 and 403 on one's own home timeline both mean the sign-in no longer works (expired,
/// revoked, the app lost its `read` scope, or the account was disabled).
fn sign_in_expired(what: &str, answer: &ResponseParts) -> ClientError {
    let said = match classify_status(NETWORK, what, answer) {
        ClientError::Auth { detail, .. } | ClientError::Rejected { detail, .. } => detail,
        other => other.to_string(),
    };
    ClientError::Auth {
        network: NETWORK,
        what: what.to_owned(),
        detail: format!(
            "{said}; the sign-in has expired or was revoked: sign in to this account again"
        ),
    }
}

/// Whether status id `a` is newer than `b`. Mastodon's ids are decimal numbers too long for
/// some clients' integers, compared here as strings: a longer one is larger, equal lengths
/// compare digit by digit. GoToSocial's ULIDs and Akkoma's flake ids have one length and
/// sort as text, so the same rule orders them.
fn is_newer(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

#[cfg(any(test, feature = "fuzzing"))]
#[path = "timeline_fuzzing.rs"]
pub mod fuzzing;

#[cfg(test)]
mod tests {
    use super::is_newer;

    #[test]
    fn ids_order_by_length_then_text() {
        assert!(is_newer("117440841385040618", "99999999999999999"));
        assert!(is_newer("110", "109"));
        assert!(!is_newer("109", "109"));
        assert!(is_newer(
            "01HQZ5V8K3M2N4P6Q8R0S2T4V7",
            "01HQZ5V8K3M2N4P6Q8R0S2T4V6"
        ));
    }
}
