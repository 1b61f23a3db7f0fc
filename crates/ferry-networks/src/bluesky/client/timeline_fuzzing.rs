//! Entry points for the fuzz targets (`fuzz/`, feature `fuzzing`) to what
//! [`BlueskyClient::following_timeline`] reads from the PDS: one `getTimeline` page, each
//! entry decoded and mapped as the walk does, and Ferry's own cursor, which carries entry
//! keys taken from those pages. Not an API: nothing else builds with this feature.
//!
//! [`BlueskyClient::following_timeline`]: super::BlueskyClient::following_timeline

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{FeedViewPost, Known, Page};
use crate::timeline::TimelinePost;

/// One entry of a page, as the walk sees it.
#[derive(Debug)]
pub struct Entry {
    /// What the cursor remembers it by.
    pub key: String,
    /// Where the timeline sorts it.
    pub sort_time: Option<DateTime<Utc>>,
    /// The post, `None` when it has no time that can be read.
    pub post: Option<TimelinePost>,
}

/// A page's entries (`None` where an entry doesn't decode and the walk skips it) and its
/// cursor. `Err` when the body isn't a page at all.
#[allow(clippy::type_complexity)]
pub fn page(
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<(Vec<Option<Entry>>, Option<String>), serde_json::Error> {
    let page: Page = serde_json::from_slice(body)?;
    let entries = page
        .feed
        .into_iter()
        .map(|raw| {
            let entry = serde_json::from_value::<FeedViewPost>(raw).ok()?;
            Some(Entry {
                key: entry.entry_key(),
                sort_time: entry.sort_time(),
                post: entry.to_post(now),
            })
        })
        .collect();
    Ok((entries, page.cursor))
}

/// The cursor a refresh returns after seeing `keys` with `newest` the newest sort time.
pub fn write_cursor(newest: DateTime<Utc>, keys: &[String]) -> String {
    Known::write(newest, keys)
}

/// What a stored cursor says: the newest time and the entry keys it knows.
pub fn read_cursor(cursor: &str) -> (Option<DateTime<Utc>>, HashSet<String>) {
    let known = Known::parse(Some(cursor));
    (known.newest, known.keys)
}
