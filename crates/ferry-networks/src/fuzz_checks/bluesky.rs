//! A PDS's answers: the body read as a `getTimeline` page (each entry decoded and mapped as
//! the client's walk does), as a `getRecord` answer, and the post texts through facet
//! detection. Checks: every post is safe to show (`assert_safe_post`), plain text only, its
//! page on bsky.app; an entry's key is its post's URI, without whitespace; Ferry's cursor, written
//! after the page, reads back the time and every entry key it was written with; facets lie
//! inside the text on character boundaries, sorted.

use super::safe::{assert_safe_post, now};
use crate::bluesky::client::{RecordView, fuzzing};
use crate::bluesky::facets;
use chrono::{SubsecRound, Utc};

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let _ = serde_json::from_slice::<RecordView>(data);
    let Ok((entries, _cursor)) = fuzzing::page(data, now()) else {
        return;
    };
    let mut keys = Vec::new();
    let mut newest = None;
    for entry in entries.into_iter().flatten() {
        if let Some(post) = &entry.post {
            assert_safe_post(post);
            assert!(post.html.is_none(), "Bluesky text is plain");
            if let Some(url) = &post.url {
                assert!(url.starts_with("https://bsky.app/profile/"), "{url}");
            }
            if !post.remote_id.contains(char::is_whitespace) {
                assert!(entry.key.starts_with(&post.remote_id));
            }
            check_facets(&post.text);
        }
        if let Some(t) = entry.sort_time {
            newest = Some(
                newest
                    .map_or(t, |n: chrono::DateTime<Utc>| n.max(t))
                    .min(now()),
            );
        }
        assert!(!entry.key.contains(char::is_whitespace), "{:?}", entry.key);
        keys.push(entry.key);
    }
    // The walk keeps the cursor only when it saw a time; it writes it at millisecond precision.
    if let Some(newest) = newest {
        let cursor = fuzzing::write_cursor(newest, &keys);
        let (time, known) = fuzzing::read_cursor(&cursor);
        assert_eq!(time, Some(newest.trunc_subsecs(3)), "cursor {cursor:?}");
        for key in &keys {
            assert!(known.contains(key), "key {key:?} lost in cursor {cursor:?}");
        }
    }
}

fn check_facets(text: &str) {
    let found = facets::detect(text);
    for facet in &found {
        assert!(facet.byte_start < facet.byte_end && facet.byte_end <= text.len());
        assert!(text.is_char_boundary(facet.byte_start) && text.is_char_boundary(facet.byte_end));
    }
    assert!(found.is_sorted_by_key(|f| f.byte_start));
}
