//! Entry points for the fuzz targets (`fuzz/`, feature `fuzzing`) to what the follows
//! timeline makes of an event a relay sent: the post, the author from a profile, the images,
//! a repost's embedded note, a follow list, a relay list and a deletion. A relay can sign
//! anything it likes with a key of its own, so each of these must hold up for any event, not
//! only for events from a well-behaved client. Not an API: nothing else builds with this
//! feature.

use std::collections::BTreeSet;

use ::nostr::prelude::{Event, PublicKey};

use super::{deletions, follows, outbox, post, profile, reposts};
use crate::timeline::{PostAuthor, TimelinePost, Withdrawn};

/// Everything the timeline can make of one event, whatever its kind.
#[derive(Debug)]
pub struct Mapped {
    /// The event as a note, its author read from the event as if it were their profile.
    pub post: TimelinePost,
    pub author: PostAuthor,
    /// The note the event embeds, if it were a repost.
    pub embedded_note: Option<Event>,
    /// The note ids (and relay hints) a repost names without embedding the note.
    pub named_notes: (Vec<String>, Vec<String>),
    pub followed: BTreeSet<PublicKey>,
    pub write_relays: Vec<String>,
    pub withdrawn: Vec<Withdrawn>,
    /// The ids of the notes the timeline shows with the event as a note and as a repost
    /// (after its own deletions), in timeline order.
    pub entries: Vec<String>,
}

/// Maps `event` every way the timeline could, at time `now` (Unix seconds).
pub fn map(event: &Event, now: u64, max_text_chars: usize) -> Mapped {
    let author = profile::author(&event.pubkey, Some(event));
    let withdrawn = deletions::withdrawn(&[event]);
    let mut entries = reposts::merge(vec![event], vec![event], &[event], now);
    deletions::drop_withdrawn(&mut entries, &withdrawn);
    Mapped {
        post: post::to_post(event, author.clone(), now, max_text_chars),
        author,
        embedded_note: reposts::embedded_note(event),
        named_notes: reposts::named_notes(&[event]),
        followed: follows::followed(event),
        write_relays: outbox::write_relays(event),
        withdrawn,
        entries: entries.iter().map(|e| e.note().id.to_hex()).collect(),
    }
}
