//! Replaceable events (kind 0 profiles, kind 3 follow lists, kind 10002 relay lists): each
//! relay may hold a different version, and the newest `created_at` wins. On a tie NIP-01
//! keeps the lowest id, so every client picks the same one.

use std::collections::HashMap;

use ::nostr::prelude::{Event, PublicKey};

/// The current version of each author's event among `events` (already checked and of one kind).
pub fn newest_by_author<'a>(
    events: impl IntoIterator<Item = &'a Event>,
) -> HashMap<PublicKey, &'a Event> {
    let mut newest: HashMap<PublicKey, &Event> = HashMap::new();
    for event in events {
        let replaces = newest.get(&event.pubkey).is_none_or(|kept| {
            (event.created_at, std::cmp::Reverse(event.id))
                > (kept.created_at, std::cmp::Reverse(kept.id))
        });
        if replaces {
            newest.insert(event.pubkey, event);
        }
    }
    newest
}
