//! Deletions (NIP-09, kind 5): an author asks that events of their own be forgotten, naming
//! them in `e` tags. A deletion only counts for events by the same public key: anyone can
//! publish a kind 5 naming anyone's note, so a note here is dropped only when its own author
//! withdrew it, and the cache (which holds older notes) checks the author it stored.
//!
//! A deletion of a repost (kind 6) withdraws the repost, not the note it shared: the note
//! stays if it also arrived some other way.

use ::nostr::prelude::Event;

use super::reposts::Entry;
use crate::timeline::Withdrawn;

pub(super) const DELETION: u16 = 5;

/// The most ids taken from one refresh's deletions: a flood of kind 5s must not turn into
/// an unbounded list of deletes in the cache.
const MAX_WITHDRAWN: usize = 1_000;

/// What `deletions` withdraw: each `e` tag naming a 64-hex event id, with the deletion's
/// author, once.
pub(super) fn withdrawn(deletions: &[&Event]) -> Vec<Withdrawn> {
    let mut out: Vec<Withdrawn> = Vec::new();
    for deletion in deletions {
        let author_id = deletion.pubkey.to_hex();
        for tag in deletion.tags.iter() {
            let [name, id, ..] = tag.as_slice() else {
                continue;
            };
            let id = id.to_ascii_lowercase();
            if name != "e" || id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                continue;
            }
            let item = Withdrawn {
                remote_id: id,
                author_id: author_id.clone(),
            };
            if !out.contains(&item) {
                out.push(item);
            }
            if out.len() >= MAX_WITHDRAWN {
                return out;
            }
        }
    }
    out
}

/// Drops the entries their author withdrew: a note deleted by its author, a repost deleted by
/// its reposter.
pub(super) fn drop_withdrawn(entries: &mut Vec<Entry<'_>>, withdrawn: &[Withdrawn]) {
    let gone = |event: &Event| {
        withdrawn
            .iter()
            .any(|w| w.remote_id == event.id.to_hex() && w.author_id == event.pubkey.to_hex())
    };
    entries.retain(|entry| !gone(entry.note()) && !gone(entry.arrival()));
}

#[cfg(test)]
mod tests {
    use ::nostr::event::FinalizeEvent;
    use ::nostr::prelude::{EventBuilder, Keys, Kind, Tag};

    use super::*;

    fn note(keys: &Keys, text: &str) -> Event {
        EventBuilder::new(Kind::TextNote, text)
            .finalize(keys)
            .unwrap()
    }

    fn deletion(keys: &Keys, ids: &[&str]) -> Event {
        let tags = ids.iter().map(|id| Tag::parse(["e", id]).unwrap());
        EventBuilder::new(Kind::Custom(DELETION), "")
            .tags(tags)
            .finalize(keys)
            .unwrap()
    }

    #[test]
    fn only_the_author_withdraws_a_note() {
        let (lin, mallory) = (Keys::generate(), Keys::generate());
        let kept = note(&lin, "渡口 · kept");
        let gone = note(&lin, "渡口 · withdrawn");
        let by_lin = deletion(&lin, &[&gone.id.to_hex(), "not-an-id"]);
        let by_mallory = deletion(&mallory, &[&kept.id.to_hex()]);
        let list = withdrawn(&[&by_lin, &by_mallory]);
        assert_eq!(list.len(), 2, "{list:?}");
        let mut entries = vec![Entry::Note(&kept), Entry::Note(&gone)];
        drop_withdrawn(&mut entries, &list);
        let left: Vec<_> = entries.iter().map(|e| e.note().content.clone()).collect();
        assert_eq!(
            left,
            vec!["渡口 · kept"],
            "mallory cannot delete lin's note"
        );
    }

    #[test]
    fn a_flood_of_deletions_is_capped() {
        let keys = Keys::generate();
        let ids: Vec<String> = (0..1_200).map(|n| format!("{n:064x}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let flood = deletion(&keys, &refs);
        assert_eq!(withdrawn(&[&flood]).len(), MAX_WITHDRAWN);
    }
}
