//! Reposts (NIP-18, kind 6): a followed author shares someone's note. The repost carries the
//! note itself as JSON in its `content`; Ferry shows that note, once, with the reposter as
//! `boosted_by`, and only when the embedded note is a kind-1 note whose id and signature check
//! out ([`super::verify`]) and is the one the repost's `e` tag names. A repost with an empty
//! content (allowed by NIP-18) names its note only: [`named_notes`] lists those ids, the
//! reader asks its relays for them (and the relays the tags suggest) in one more round, and
//! [`merge`] takes what came back under the same checks; a note nobody sent is left out.
//!
//! Entries (a note, or a repost with its note) sort by when they entered the timeline — the
//! repost's own time — which is also what moves the cursor; the note keeps its own time.

use ::nostr::prelude::Event;

use super::verify::is_authentic;

const NOTE: u16 = 1;

/// One thing that entered the timeline.
#[derive(Debug)]
pub enum Entry<'a> {
    Note(&'a Event),
    Repost { by: &'a Event, note: Event },
}

impl Entry<'_> {
    /// The note to show.
    pub fn note(&self) -> &Event {
        match self {
            Entry::Note(note) => note,
            Entry::Repost { note, .. } => note,
        }
    }

    /// The event that put it in the timeline: the note itself, or the repost.
    pub fn arrival(&self) -> &Event {
        match self {
            Entry::Note(note) => note,
            Entry::Repost { by, .. } => by,
        }
    }
}

/// The note a repost embeds, when it is there and authentic (see the module docs).
pub fn embedded_note(repost: &Event) -> Option<Event> {
    let note = Event::from_json(repost.content.trim()).ok()?;
    let named = repost
        .tags
        .iter()
        .any(|tag| matches!(tag.as_slice(), [e, id, ..] if e == "e" && *id == note.id.to_hex()));
    (note.kind.as_u16() == NOTE && named && is_authentic(&note)).then_some(note)
}

/// The note ids named by reposts that do not embed their note, with the relays their tags
/// suggest (at most 100 ids: one more round of requests, not an unbounded one).
pub fn named_notes(reposts: &[&Event]) -> (Vec<String>, Vec<String>) {
    let (mut ids, mut relays) = (Vec::new(), Vec::new());
    for repost in reposts.iter().filter(|r| embedded_note(r).is_none()) {
        for tag in repost.tags.iter() {
            if let [e, id, rest @ ..] = tag.as_slice()
                && e == "e"
                && id.len() == 64
                && ids.len() < 100
                && !ids.contains(id)
            {
                ids.push(id.clone());
                if let Some(hint) = rest
                    .first()
                    .filter(|h| !h.is_empty() && !relays.contains(*h))
                {
                    relays.push(hint.clone());
                }
            }
        }
    }
    (ids, relays)
}

/// The note `repost` names, among `fetched` (notes asked for by id, already checked to be
/// authentic kind-1 notes).
fn fetched_note(repost: &Event, fetched: &[&Event]) -> Option<Event> {
    fetched
        .iter()
        .find(|note| {
            repost.tags.iter().any(
                |tag| matches!(tag.as_slice(), [e, id, ..] if e == "e" && *id == note.id.to_hex()),
            )
        })
        .map(|note| (*note).clone())
}

/// Notes and reposts as one list, newest arrival first, each note once: seen directly and
/// reposted (or reposted twice), the newest arrival stays. A repost's note is the one it
/// embeds, else the one it names among `fetched`.
pub fn merge<'a>(
    notes: Vec<&'a Event>,
    reposts: Vec<&'a Event>,
    fetched: &[&Event],
    now: u64,
) -> Vec<Entry<'a>> {
    let mut entries: Vec<Entry<'a>> = notes.into_iter().map(Entry::Note).collect();
    entries.extend(reposts.into_iter().filter_map(|by| {
        embedded_note(by)
            .or_else(|| fetched_note(by, fetched))
            .map(|note| Entry::Repost { by, note })
    }));
    let arrived = |e: &Entry| e.arrival().created_at.as_secs().min(now);
    entries.sort_by_key(|e| (std::cmp::Reverse(arrived(e)), e.arrival().id));
    let mut seen = std::collections::HashSet::new();
    entries.retain(|e| seen.insert(e.note().id));
    entries
}

#[cfg(test)]
mod tests {
    use ::nostr::event::FinalizeEvent;
    use ::nostr::prelude::{EventBuilder, Keys, Kind, Tag, Timestamp};

    use super::*;

    fn note(keys: &Keys, text: &str, at: u64) -> Event {
        EventBuilder::new(Kind::TextNote, text)
            .custom_created_at(Timestamp::from_secs(at))
            .finalize(keys)
            .unwrap()
    }

    fn repost(keys: &Keys, of: &Event, content: String, at: u64) -> Event {
        EventBuilder::new(Kind::Repost, content)
            .tags([
                Tag::parse(["e", &of.id.to_hex()]).unwrap(),
                Tag::parse(["p", &of.pubkey.to_hex()]).unwrap(),
            ])
            .custom_created_at(Timestamp::from_secs(at))
            .finalize(keys)
            .unwrap()
    }

    #[test]
    fn a_note_seen_and_reposted_is_one_entry_at_its_newest_arrival() {
        let (ann, bob) = (Keys::generate(), Keys::generate());
        let original = note(&ann, "渡口见", 100);
        let shared = repost(&bob, &original, original.as_json(), 200);
        let other = note(&bob, "another", 150);
        let entries = merge(vec![&original, &other], vec![&shared], &[], 1_000);
        let ids: Vec<_> = entries
            .iter()
            .map(|e| (e.note().id, e.arrival().id))
            .collect();
        assert_eq!(ids, [(original.id, shared.id), (other.id, other.id)]);
    }

    #[test]
    fn a_repost_is_shown_only_with_an_authentic_note_it_names() {
        let (ann, bob) = (Keys::generate(), Keys::generate());
        let original = note(&ann, "渡口见", 100);
        let elsewhere = note(&ann, "something else", 100);
        assert!(embedded_note(&repost(&bob, &original, original.as_json(), 200)).is_some());
        assert!(
            embedded_note(&repost(&bob, &original, String::new(), 200)).is_none(),
            "empty"
        );
        assert!(
            embedded_note(&repost(&bob, &original, elsewhere.as_json(), 200)).is_none(),
            "embeds a note its e tag does not name"
        );
        let mut forged: serde_json::Value = serde_json::from_str(&original.as_json()).unwrap();
        forged["content"] = "篡改".into();
        assert!(
            embedded_note(&repost(&bob, &original, forged.to_string(), 200)).is_none(),
            "a tampered note"
        );
    }

    #[test]
    fn a_repost_without_its_note_takes_the_fetched_note_it_names() {
        let (ann, bob) = (Keys::generate(), Keys::generate());
        let original = note(&ann, "空转发 · 渡口见", 100);
        let unrelated = note(&ann, "not named", 100);
        let bare = repost(&bob, &original, String::new(), 200);
        let (ids, _) = named_notes(&[&bare]);
        assert_eq!(ids, vec![original.id.to_hex()]);
        assert!(merge(vec![], vec![&bare], &[&unrelated], 1_000).is_empty());
        let entries = merge(vec![], vec![&bare], &[&unrelated, &original], 1_000);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].note().id, original.id);
        assert_eq!(entries[0].arrival().id, bare.id);
        let full = repost(&bob, &original, original.as_json(), 200);
        assert!(
            named_notes(&[&full]).0.is_empty(),
            "an embedded note needs no fetch"
        );
    }
}
