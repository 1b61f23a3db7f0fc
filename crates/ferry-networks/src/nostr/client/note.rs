//! Building signed events: kind-1 notes with NIP-24 hashtag tags and NIP-10 thread tags, and
//! the NIP-65 relay list (kind 10002).
//!
//! A note's id is the hash of its content, so the signed event *is* the idempotency token:
//! store it before sending, send the same event again after an unknown outcome, and relays
//! that already have it answer `duplicate:`.

use ::nostr::event::FinalizeEvent;
use ::nostr::prelude::{Event, EventBuilder, Kind, Tag, Timestamp};

use super::NETWORK;
use super::keys::NostrKeys;
use crate::http::ClientError;
use crate::nostr::t_tags;

/// An event to point at: its id and author (hex; empty when unknown), and a relay where it can
/// be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRef {
    pub id: String,
    pub author: String,
    pub relay: Option<String>,
}

/// Where a reply sits (NIP-10 marked `e` tags): the thread's first note and the note it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteThread {
    pub root: EventRef,
    pub parent: EventRef,
}

/// One note to sign (one part of a thread).
#[derive(Debug, Clone, Default)]
pub struct NewNote {
    pub text: String,
    /// Topics to tag besides the hashtags written in `text` (those are always tagged; see
    /// [`t_tags`]); a leading `#` is ignored.
    pub hashtags: Vec<String>,
    pub reply: Option<NoteThread>,
    /// Unix seconds; now when `None`. Relays refuse notes from more than ~1 h ahead.
    pub created_at: Option<u64>,
    /// Pictures on a public host: each URL is appended to the text (clients show a picture
    /// where its URL stands) and described by a NIP-92 `imeta` tag.
    pub media: Vec<NoteMedia>,
}

/// A picture a note links (NIP-92 `imeta`: `url`, `m`, `x`, `dim`, `alt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMedia {
    pub url: String,
    pub mime: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl NewNote {
    /// The note's content: the text, then each picture's URL on a line of its own.
    pub fn content(&self) -> String {
        let mut content = self.text.clone();
        for media in &self.media {
            if !content.is_empty() {
                content.push('\n');
            }
            content.push_str(&media.url);
        }
        content
    }
}

fn imeta(media: &NoteMedia) -> Result<Tag, ClientError> {
    let url = format!("url {}", media.url);
    let mime = format!("m {}", media.mime);
    let hash = format!("x {}", media.sha256);
    let dim = format!("dim {}x{}", media.width, media.height);
    let mut fields = vec!["imeta", &url, &mime, &hash, &dim];
    let alt = format!("alt {}", media.alt.trim());
    if !media.alt.trim().is_empty() {
        fields.push(&alt);
    }
    parse_tag(&fields)
}

/// Signs `note` with `keys`.
pub fn sign_note(keys: &NostrKeys, note: &NewNote) -> Result<Event, ClientError> {
    let mut tags: Vec<Tag> = t_tags(&note.hashtags, &note.text)
        .iter()
        .map(Tag::hashtag)
        .collect();
    if let Some(thread) = &note.reply {
        tags.push(e_tag(&thread.root, "root")?);
        if thread.parent.id != thread.root.id {
            tags.push(e_tag(&thread.parent, "reply")?);
        }
        let mut authors = vec![thread.root.author.as_str()];
        if thread.parent.author != thread.root.author {
            authors.push(thread.parent.author.as_str());
        }
        // An unknown author (empty) is left out rather than guessed.
        for author in authors.into_iter().filter(|a| !a.is_empty()) {
            tags.push(parse_tag(&["p", author])?);
        }
    }
    for media in &note.media {
        tags.push(imeta(media)?);
    }
    sign(
        keys,
        EventBuilder::new(Kind::TextNote, note.content()).tags(tags),
        note.created_at,
    )
}

/// How a relay in a NIP-65 list is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayUse {
    Read,
    Write,
    Both,
}

/// The NIP-65 relay list (kind 10002): `["r", url]` for both, else with `read`/`write`.
pub fn sign_relay_list(
    keys: &NostrKeys,
    relays: &[(String, RelayUse)],
) -> Result<Event, ClientError> {
    let mut tags = Vec::new();
    for (url, usage) in relays {
        let tag = match usage {
            RelayUse::Both => parse_tag(&["r", url])?,
            RelayUse::Read => parse_tag(&["r", url, "read"])?,
            RelayUse::Write => parse_tag(&["r", url, "write"])?,
        };
        tags.push(tag);
    }
    sign(
        keys,
        EventBuilder::new(Kind::RelayList, "").tags(tags),
        None,
    )
}

fn e_tag(target: &EventRef, marker: &str) -> Result<Tag, ClientError> {
    let relay = target.relay.as_deref().unwrap_or("");
    if target.author.is_empty() {
        return parse_tag(&["e", &target.id, relay, marker]);
    }
    parse_tag(&["e", &target.id, relay, marker, &target.author])
}

pub(super) fn parse_tag(parts: &[&str]) -> Result<Tag, ClientError> {
    Tag::parse(parts.iter().copied()).map_err(|e| ClientError::InvalidInput {
        network: NETWORK,
        field: format!("{} tag", parts[0]),
        detail: format!("{parts:?} is not a valid tag ({e})"),
    })
}

pub(super) fn sign(
    keys: &NostrKeys,
    builder: EventBuilder,
    created_at: Option<u64>,
) -> Result<Event, ClientError> {
    let builder = match created_at {
        Some(secs) => builder.custom_created_at(Timestamp::from_secs(secs)),
        None => builder,
    };
    builder
        .finalize(&keys.0)
        .map_err(|e| ClientError::InvalidInput {
            network: NETWORK,
            field: "event".into(),
            detail: format!("cannot sign: {e}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_tagged_with_its_topics_and_the_hashtags_in_its_text() {
        let note = NewNote {
            text: "晚班照常开 #渡口 #Ferry".into(),
            hashtags: vec!["旅行".into(), "#ferry".into()],
            ..NewNote::default()
        };
        let event = sign_note(&NostrKeys::generate(), &note).unwrap();
        let tags: Vec<&[String]> = event.tags.iter().map(Tag::as_slice).collect();
        assert_eq!(tags, [["t", "旅行"], ["t", "ferry"], ["t", "渡口"]]);
    }
}
