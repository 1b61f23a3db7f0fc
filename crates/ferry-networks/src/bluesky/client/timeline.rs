//! Reading the account's following timeline (`app.bsky.feed.getTimeline`,
//! reverse-chronological) for the merged feed.
//!
//! ```no_run
//! # async fn refresh(client: &ferry_networks::bluesky::client::BlueskyClient,
//! #                  stored_cursor: Option<String>) -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::timeline::TimelineRequest;
//! let fetch = client
//!     .following_timeline(&TimelineRequest { since: stored_cursor, max_posts: 200, resume: None })
//!     .await?;
//! // Store fetch.posts (newest first), keep fetch.cursor, record a gap when !fetch.reached_since.
//! # Ok(()) }
//! ```
//!
//! Bluesky's cursors only go backwards (and expire within a day), and there is no `since`. So
//! a refresh pages from the top until it is past what it saw last time. The cursor Ferry keeps
//! is its own: `v1 <sort time> <entry> <entry>…` — the newest entry's sort time and the keys
//! of the newest [`KNOWN_ENTRIES`] entries (a post, or a post and its reposter).
//!
//! The AppView sorts by a time the post's author partly controls (the earlier of its
//! `createdAt` and when it was indexed), and indexes posts a moment after they are written, so
//! a post can appear *below* one seen last time. The walk therefore goes on to [`SORT_SLACK`]
//! before the newest time it saw, skipping entries whose keys it already knows (the cache
//! ignores a post it has, too), and stops below that.
//!
//! The walk stops there, at a page without a cursor (the timeline's end), or at `max_posts`,
//! [`TIMELINE_MAX_PAGES`], or a later page failing — the last three answer
//! `reached_since: false` so the cache records a gap, with a `resume` (the page and how much of it was taken) from
//! which loading the gap goes on. The AppView answers through the PDS
//! (the PDS proxies `app.bsky.*`), so the token only ever goes to the account's own PDS.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;

use super::NETWORK;
use super::session::{BlueskyClient, refine};
use super::timeline_map::FeedViewPost;
use crate::http::{ClientError, Effect, read_json};
use crate::timeline::{TimelineFetch, TimelineRequest};

/// Pages one refresh reads at most.
pub const TIMELINE_MAX_PAGES: usize = 10;
/// `getTimeline`'s largest page.
const PAGE_LIMIT: usize = 100;
/// The largest page answer read: a hundred posts with embeds and thread context are well
/// under a megabyte.
pub const TIMELINE_MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;
/// Per page: a background refresh gives up on a stuck server rather than hold the feed.
const PAGE_TIMEOUT: Duration = Duration::from_secs(20);
/// Entry keys kept in the cursor (about 70 bytes each).
pub const KNOWN_ENTRIES: usize = 100;
/// How far below the newest time seen a refresh still reads (see the module docs).
pub const SORT_SLACK: chrono::Duration = chrono::Duration::minutes(10);

const NSID: &str = "app.bsky.feed.getTimeline";

#[derive(Deserialize)]
struct Page {
    #[serde(default)]
    feed: Vec<serde_json::Value>,
    #[serde(default)]
    cursor: Option<String>,
}

/// Where a read that stopped short goes on: the page's cursor (`None`: the top), how many of
/// its entries were taken, and the sort time of the last one taken. Written
/// `v2 <taken> <time> <cursor or ->` (`v1 <taken> <cursor or ->` from before the time was
/// kept still reads). The AppView's own cursors point between pages, so a page cut by the cap
/// is read again, past what was taken: past every entry sorted after that time — which also
/// passes over posts that arrived at the top meanwhile (the next refresh brings those), where
/// counting `taken` entries would take already-taken ones again. An entry of exactly that time
/// comes again (the cache keeps one): nothing is lost.
#[derive(Debug, Default, PartialEq)]
struct Resume {
    cursor: Option<String>,
    taken: usize,
    after: Option<DateTime<Utc>>,
}

impl Resume {
    fn parse(text: Option<&str>) -> Resume {
        // The cursor is the AppView's, last and whole (whatever it holds).
        let text = text.unwrap_or_default().trim();
        let (version, rest) = text.split_once(' ').unwrap_or((text, ""));
        let fields = match version {
            "v1" => 2,
            "v2" => 3,
            _ => return Resume::default(),
        };
        let mut words = rest.splitn(fields, ' ');
        let taken = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        let after = if fields == 3 {
            match words.next().map(DateTime::parse_from_rfc3339) {
                Some(Ok(t)) => Some(t.with_timezone(&Utc)),
                _ => return Resume::default(),
            }
        } else {
            None
        };
        let cursor = words
            .next()
            .filter(|c| !c.is_empty() && *c != "-")
            .map(str::to_owned);
        Resume {
            cursor,
            taken,
            after,
        }
    }

    fn write(&self) -> String {
        let cursor = self.cursor.as_deref().unwrap_or("-");
        match self.after {
            Some(after) => format!(
                "v2 {} {} {cursor}",
                self.taken,
                after.to_rfc3339_opts(SecondsFormat::Millis, true)
            ),
            None => format!("v1 {} {cursor}", self.taken),
        }
    }
}

/// What the last refresh saw at the top of the timeline.
#[derive(Debug, Default, PartialEq)]
struct Known {
    newest: Option<DateTime<Utc>>,
    keys: HashSet<String>,
}

impl Known {
    fn parse(cursor: Option<&str>) -> Known {
        let mut words = cursor.unwrap_or_default().split_whitespace();
        if words.next() != Some("v1") {
            return Known::default();
        }
        let newest = words
            .next()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc));
        Known {
            newest,
            keys: words.map(str::to_owned).collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.newest.is_none() && self.keys.is_empty()
    }

    /// Seen last time: nothing to return again.
    fn has(&self, entry: &FeedViewPost) -> bool {
        self.keys.contains(&entry.entry_key())
    }

    /// Sorted below the slack under last time's newest: the walk is past what it knew.
    fn is_below(&self, entry: &FeedViewPost) -> bool {
        matches!((entry.sort_time(), self.newest), (Some(t), Some(n)) if t < n - SORT_SLACK)
    }

    fn write(newest: DateTime<Utc>, keys: &[String]) -> String {
        let mut cursor = format!("v1 {}", newest.to_rfc3339_opts(SecondsFormat::Millis, true));
        for key in keys {
            cursor.push(' ');
            cursor.push_str(key);
        }
        cursor
    }
}

impl BlueskyClient {
    /// What is new in the account's following timeline since `request.since` (see the module
    /// docs). Errors: `Auth` when the session is dead (sign in again), `RateLimited`,
    /// `ServerError` (a PDS without an AppView answers 502), `InvalidResponse` for an answer
    /// that isn't a timeline. Only the first page's failure is an error.
    pub async fn following_timeline(
        &self,
        request: &TimelineRequest,
    ) -> Result<TimelineFetch, ClientError> {
        let known = Known::parse(request.since.as_deref());
        let now = Utc::now();
        let mut posts = Vec::new();
        let mut seen = HashSet::new();
        let mut top_keys: Vec<String> = Vec::new();
        let mut top_time: Option<DateTime<Utc>> = None;
        // A gap's load starts on the page where the read that left it stopped, past the
        // entries it took there.
        let start = Resume::parse(request.resume.as_deref());
        let mut cursor: Option<String> = start.cursor.clone();
        // With the time of the last entry taken, the resumed page is passed over by time; an
        // older resume counts entries.
        let mut skip = if start.after.is_some() {
            0
        } else {
            start.taken
        };
        let mut pass_after = start.after;
        let mut last_taken: Option<DateTime<Utc>> = None;
        // Where the walk stopped inside a page because of the cap: that page and how much of
        // it was taken.
        let mut stopped_in: Option<Resume> = None;
        let mut reached = false;
        'pages: for page_number in 0..TIMELINE_MAX_PAGES {
            let remaining = request.max_posts.saturating_sub(posts.len());
            let limit = (skip + remaining + 1).clamp(1, PAGE_LIMIT);
            let page = match self.timeline_page(cursor.as_deref(), limit).await {
                Ok(page) => page,
                Err(err) if page_number > 0 => {
                    tracing::warn!(%err, "bluesky: timeline page failed; keeping a gap");
                    break;
                }
                Err(err) => return Err(err),
            };
            if page.feed.is_empty() {
                reached = true;
                break;
            }
            let page_cursor = cursor.clone();
            let already = std::mem::take(&mut skip);
            for (index, raw) in page.feed.into_iter().enumerate() {
                if index < already {
                    continue;
                }
                let entry = match serde_json::from_value::<FeedViewPost>(raw) {
                    Ok(entry) => entry,
                    Err(err) => {
                        tracing::warn!(%err, "bluesky: skipping a timeline entry of unexpected shape");
                        continue;
                    }
                };
                if let (Some(after), Some(t)) = (pass_after, entry.sort_time())
                    && t > after
                {
                    continue;
                }
                if known.is_below(&entry) {
                    reached = true;
                    break 'pages;
                }
                if top_keys.len() < KNOWN_ENTRIES {
                    top_keys.push(entry.entry_key());
                }
                if let Some(t) = entry.sort_time().map(|t| t.min(now)) {
                    top_time = Some(top_time.map_or(t, |old| old.max(t)));
                }
                if known.has(&entry) {
                    continue;
                }
                let Some(post) = entry.to_post(now) else {
                    continue;
                };
                if !seen.insert(post.remote_id.clone()) {
                    continue; // seen directly and reposted: the newer entry stays
                }
                if posts.len() >= request.max_posts {
                    stopped_in = Some(Resume {
                        cursor: page_cursor,
                        taken: index,
                        after: last_taken,
                    });
                    break 'pages;
                }
                last_taken = entry.sort_time().or(last_taken);
                posts.push(post);
            }
            // Only the resumed page holds what was taken; the pages below are older.
            pass_after = None;
            match page.cursor.filter(|c| !c.trim().is_empty()) {
                None => {
                    reached = true;
                    break;
                }
                // A cursor that doesn't move would loop: stop, keeping a gap.
                Some(next) if cursor.as_deref() == Some(next.as_str()) => break,
                Some(next) => cursor = Some(next),
            }
        }
        // Never moves back: a walk that saw only older entries keeps the old time.
        let next_cursor = match top_time {
            Some(seen) => Some(Known::write(
                known.newest.map_or(seen, |old| old.max(seen)),
                &top_keys,
            )),
            None => request.since.clone(),
        };
        let reached_since = reached || known.is_empty();
        // Stopped by the cap: go on inside that page. By a failed page, the page limit or a
        // stuck cursor: go on with the page that was next.
        let resume = (!reached_since).then(|| {
            stopped_in
                .unwrap_or(Resume {
                    cursor,
                    taken: 0,
                    after: None,
                })
                .write()
        });
        Ok(TimelineFetch {
            posts,
            cursor: next_cursor,
            reached_since,
            withdrawn: Vec::new(),
            resume,
        })
    }

    async fn timeline_page(&self, cursor: Option<&str>, limit: usize) -> Result<Page, ClientError> {
        let limit = limit.to_string();
        let answer = self
            .call_capped(NSID, Effect::Read, TIMELINE_MAX_PAGE_BYTES, |url, token| {
                let mut query = vec![
                    ("algorithm", "reverse-chronological"),
                    ("limit", limit.as_str()),
                ];
                if let Some(cursor) = cursor {
                    query.push(("cursor", cursor));
                }
                self.http
                    .get(url)
                    .bearer_auth(token.expose())
                    .query(&query)
                    .timeout(PAGE_TIMEOUT)
            })
            .await?;
        let what = format!("{NSID} on {}", self.pds.origin().ascii_serialization());
        read_json::<Page>(NETWORK, &what, Effect::Read, &answer).map_err(|e| match refine(e) {
            ClientError::Rejected {
                network,
                what,
                detail,
                status: Some(401 | 403),
            } => ClientError::Auth {
                network,
                what,
                detail,
            },
            other => other,
        })
    }
}

#[cfg(any(test, feature = "fuzzing"))]
#[path = "timeline_fuzzing.rs"]
pub mod fuzzing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resume_round_trips_and_anything_else_is_the_top() {
        let inside = Resume {
            cursor: Some("1733390400000::bafyabc".into()),
            taken: 2,
            after: None,
        };
        assert_eq!(inside.write(), "v1 2 1733390400000::bafyabc");
        assert_eq!(Resume::parse(Some(&inside.write())), inside);
        let top = Resume {
            cursor: None,
            taken: 3,
            after: Some(
                DateTime::parse_from_rfc3339("2026-12-05T09:00:00.250Z")
                    .unwrap()
                    .with_timezone(&Utc),
            ),
        };
        assert_eq!(top.write(), "v2 3 2026-12-05T09:00:00.250Z -");
        assert_eq!(Resume::parse(Some(&top.write())), top);
        for other in [
            None,
            Some(""),
            Some("v2 1 x"),
            Some("v3 1 -"),
            Some("garbage"),
        ] {
            assert_eq!(Resume::parse(other), Resume::default(), "{other:?}");
        }
    }

    #[test]
    fn the_cursor_round_trips_and_knows_older_entries() {
        let t = DateTime::parse_from_rfc3339("2026-12-05T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let written = Known::write(
            t,
            &[
                "at://a/app.bsky.feed.post/1".into(),
                "at://b/app.bsky.feed.post/2|did:plc:c".into(),
            ],
        );
        let known = Known::parse(Some(&written));
        assert_eq!(known.newest, Some(t));
        assert_eq!(known.keys.len(), 2);
        assert!(
            Known::parse(Some("12345")).is_empty(),
            "a foreign cursor is no cursor"
        );
        assert!(Known::parse(None).is_empty());
    }

    #[test]
    fn a_key_with_whitespace_reads_back_whole() {
        // Found by the fuzz target `bluesky` (fuzz/regressions/bluesky/): a URI with a space
        // came back from the cursor as two keys, so the entry never counted as seen.
        let entry: FeedViewPost = serde_json::from_value(serde_json::json!({
            "post": {"uri": "at://did:plc:x/app.bsky.feed.post/a b\u{3000}c",
                     "author": {"did": "did:plc:x"}}
        }))
        .unwrap();
        assert_eq!(
            entry.entry_key(),
            "at://did:plc:x/app.bsky.feed.post/a%20b%E3%80%80c"
        );
        let t = Utc::now();
        assert!(Known::parse(Some(&Known::write(t, &[entry.entry_key()]))).has(&entry));
    }
}
