//! A Mastodon server's answers: the first line is a `Link` header, the rest a body read as a
//! home-timeline page (decoded and mapped as the client does), as one status, one scheduled
//! status and an instance. Checks: links carry lowercase relation types and trimmed
//! targets; a next page's `max_id` is never empty; every post is safe to show
//! (`assert_safe_post`); a status, once decoded, survives being written and read again.

use super::safe::{assert_safe_post, first_line, now};
use crate::mastodon::client::{Instance, ScheduledStatus, Status, fuzzing};
use serde::{Serialize, de::DeserializeOwned};
use url::Url;

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let (link, body) = first_line(data);
    if let Ok(link) = std::str::from_utf8(link) {
        check_link(link);
    }
    let server = Url::parse("https://ferry.example/").unwrap();
    if let Ok(entries) = fuzzing::home_page(body, &server, now()) {
        for (id, post) in entries {
            assert!(!id.trim().is_empty(), "an entry without an id was kept");
            if let Some(post) = post {
                assert_safe_post(&post);
                if let Some(handle) = &post.author.handle {
                    assert!(handle.contains('@'), "handle {handle:?} without a server");
                }
            }
        }
    }
    round_trips::<Status>(body);
    round_trips::<ScheduledStatus>(body);
    if let Ok(instance) = serde_json::from_slice::<Instance>(body) {
        let limits = instance.limits();
        let _ = crate::media::MediaLimits::mastodon(&limits);
    }
}

fn check_link(value: &str) {
    for (target, rels) in fuzzing::links(value) {
        assert_eq!(target, target.trim(), "untrimmed target in {value:?}");
        for rel in rels {
            assert!(!rel.is_empty() && !rel.contains(char::is_whitespace));
            assert_eq!(rel, rel.to_ascii_lowercase());
        }
    }
    let base = Url::parse("https://ferry.example/").unwrap();
    let halves: Vec<&str> = value.splitn(2, ',').collect();
    for headers in [&[value][..], &halves[..]] {
        if let Some(max_id) = fuzzing::next_page(headers, &base) {
            assert!(!max_id.is_empty(), "an empty max_id from {headers:?}");
        }
    }
}

/// A value decoded from `body` is the same after being written and read again.
fn round_trips<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(body: &[u8]) {
    let Ok(value) = serde_json::from_slice::<T>(body) else {
        return;
    };
    let written = serde_json::to_vec(&value).unwrap();
    let again: T = serde_json::from_slice(&written).unwrap();
    assert_eq!(again, value);
}
