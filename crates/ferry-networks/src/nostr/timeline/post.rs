//! One checked kind-1 note as a [`TimelinePost`].
//!
//! - `remote_id`: the event id in hex.
//! - `url`: `https://njump.me/nevent1…` (with the author, so the gateway finds it faster).
//!   njump is a public read-only web gateway most Nostr clients link to; it is only a link,
//!   nothing is fetched from it.
//! - `text`: the content, plain (Nostr has no HTML), cut at `max_text_chars`; `html` is `None`.
//! - `lang`: a NIP-32 `["l", "<code>", "ISO-639-1"]` label, if the author's client set one.
//! - `reply_to`: NIP-10: the `e` tag marked `reply`; else the one marked `root` (a direct
//!   answer to a thread's first note carries only that); else, for clients that predate
//!   markers, the last unmarked `e` tag.
//! - `published_at`: `created_at`, clamped to the fetch time when it claims the future.

use ::nostr::nips::nip19::{Nip19Event, ToBech32};
use ::nostr::prelude::Event;
use chrono::{DateTime, Utc};

use super::media::images;
use super::safe_text::truncate_chars;
use crate::timeline::{PostAuthor, ReplyTo, TimelinePost};

/// The note's time as shown and as the cursor counts it: never later than `now`.
pub fn clamped_secs(event: &Event, now: u64) -> u64 {
    event.created_at.as_secs().min(now)
}

/// Maps a note already checked (see `verify`) and known to be from a followed author.
pub fn to_post(event: &Event, author: PostAuthor, now: u64, max_text_chars: usize) -> TimelinePost {
    let published_at = i64::try_from(clamped_secs(event, now))
        .ok()
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(Utc::now);
    TimelinePost {
        remote_id: event.id.to_hex(),
        author,
        text: truncate_chars(&event.content, max_text_chars),
        html: None,
        url: web_link(event),
        lang: lang(event),
        published_at,
        boosted_by: None,
        reply_to: reply_to(event),
        media: images(event),
    }
}

fn web_link(event: &Event) -> Option<String> {
    let nevent = Nip19Event::new(event.id).author(event.pubkey);
    nevent
        .to_bech32()
        .ok()
        .map(|code| format!("https://njump.me/{code}"))
}

fn lang(event: &Event) -> Option<String> {
    event.tags.iter().find_map(|tag| match tag.as_slice() {
        [l, code, namespace, ..]
            if l == "l"
                && namespace == "ISO-639-1"
                && code.len() == 2
                && code.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            Some(code.to_ascii_lowercase())
        }
        _ => None,
    })
}

fn reply_to(event: &Event) -> Option<ReplyTo> {
    // (id, marker) of every `e` tag whose id is an event id.
    let refs: Vec<(&str, &str)> = event
        .tags
        .iter()
        .filter_map(|tag| match tag.as_slice() {
            [e, id, rest @ ..] if e == "e" && is_event_id(id) => {
                Some((id.as_str(), rest.get(1).map_or("", String::as_str)))
            }
            _ => None,
        })
        .collect();
    let marked = |marker: &str| refs.iter().find(|(_, m)| *m == marker).map(|(id, _)| *id);
    let id = marked("reply").or_else(|| marked("root")).or_else(|| {
        let positional = refs.iter().all(|(_, m)| m.is_empty());
        refs.last().filter(|_| positional).map(|(id, _)| *id)
    })?;
    // The root: marked, else the first positional `e` tag (NIP-10's deprecated form).
    let root = marked("root").or_else(|| {
        let positional = refs.iter().all(|(_, m)| m.is_empty());
        refs.first().filter(|_| positional).map(|(id, _)| *id)
    });
    Some(ReplyTo {
        remote_id: id.to_owned(),
        handle: None,
        root_id: root.map(str::to_owned),
    })
}

fn is_event_id(id: &str) -> bool {
    id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::nostr::event::FinalizeEvent;
    use ::nostr::prelude::{EventBuilder, Keys, Kind, Tag, Timestamp};

    const ROOT: &str = "1111111111111111111111111111111111111111111111111111111111111111";
    const PARENT: &str = "2222222222222222222222222222222222222222222222222222222222222222";

    fn note(text: &str, tags: &[&[&str]], created_at: u64) -> Event {
        let tags = tags.iter().map(|t| Tag::parse(t.iter().copied()).unwrap());
        EventBuilder::new(Kind::TextNote, text)
            .tags(tags)
            .custom_created_at(Timestamp::from_secs(created_at))
            .finalize(&Keys::generate())
            .unwrap()
    }

    fn replied(tags: &[&[&str]]) -> Option<String> {
        reply_to(&note("re", tags, 1_700_000_000)).map(|r| r.remote_id)
    }

    #[test]
    fn the_future_is_clamped_to_now() {
        let now = 1_800_000_000;
        let future = note("from tomorrow", &[], now + 86_400);
        let post = to_post(&future, PostAuthor::default(), now, 100);
        assert_eq!(post.published_at.timestamp(), now as i64);
        assert_eq!(clamped_secs(&future, now), now);
        let past = note("yesterday", &[], now - 86_400);
        assert_eq!(clamped_secs(&past, now), now - 86_400);
    }

    #[test]
    fn fields_of_a_post() {
        let event = note(
            &"长".repeat(20),
            &[&["L", "ISO-639-1"], &["l", "ZH", "ISO-639-1"]],
            1_700_000_000,
        );
        let post = to_post(&event, PostAuthor::default(), 1_800_000_000, 10);
        assert_eq!(post.remote_id, event.id.to_hex());
        assert_eq!(post.text, format!("{}…", "长".repeat(9)));
        assert_eq!(post.html, None);
        assert_eq!(post.lang.as_deref(), Some("zh"));
        let url = post.url.unwrap();
        assert!(url.starts_with("https://njump.me/nevent1"), "{url}");
        let unlabeled = note("hi", &[&["l", "zh", "other-namespace"]], 1_700_000_000);
        assert_eq!(lang(&unlabeled), None);
    }

    #[test]
    fn replies_follow_nip10_markers_then_position() {
        assert_eq!(
            replied(&[&["e", ROOT, "", "root"], &["e", PARENT, "", "reply"]]).as_deref(),
            Some(PARENT)
        );
        assert_eq!(replied(&[&["e", ROOT, "", "root"]]).as_deref(), Some(ROOT));
        assert_eq!(
            replied(&[&["e", ROOT], &["e", PARENT]]).as_deref(),
            Some(PARENT)
        );
        assert_eq!(
            replied(&[&["e", ROOT, "", "mention"]]),
            None,
            "a mention is not a reply"
        );
        assert_eq!(replied(&[&["e", "not-an-id", "", "reply"]]), None);
        assert_eq!(replied(&[]), None);
        let root =
            |tags: &[&[&str]]| reply_to(&note("re", tags, 1_700_000_000)).and_then(|r| r.root_id);
        assert_eq!(
            root(&[&["e", PARENT, "", "reply"], &["e", ROOT, "", "root"]]).as_deref(),
            Some(ROOT),
            "the marked root, wherever it is"
        );
        assert_eq!(
            root(&[&["e", ROOT], &["e", PARENT]]).as_deref(),
            Some(ROOT),
            "positional: the first is the root"
        );
    }
}
