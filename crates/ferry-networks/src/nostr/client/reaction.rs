//! A like (NIP-25 reaction, kind 7, content `+`) or a repost (NIP-18, kind 6) of someone's
//! note, pointing at it with `e` and `p` tags. The caller fixes `created_at` and stores the
//! signed event before sending it: sent again after a lost answer, it is the same event, which
//! a relay that has it answers with `duplicate:`.
//!
//! Taking a like or repost back is a NIP-09 deletion request (kind 5) naming the reaction's
//! id and kind, signed once and stored the same way.

use ::nostr::prelude::{Event, EventBuilder, Kind};

use super::keys::NostrKeys;
use super::note::{EventRef, parse_tag, sign};
use crate::http::ClientError;

/// What the event says about the note it points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reaction {
    Like,
    Repost,
}

/// The signed kind 7 (`+`) or kind 6 event about `target`, dated `created_at` (Unix seconds).
pub fn sign_reaction(
    keys: &NostrKeys,
    reaction: Reaction,
    target: &EventRef,
    created_at: u64,
) -> Result<Event, ClientError> {
    let relay = target.relay.as_deref().unwrap_or("");
    let tags = vec![
        parse_tag(&["e", &target.id, relay])?,
        parse_tag(&["p", &target.author])?,
    ];
    let builder = match reaction {
        Reaction::Like => EventBuilder::new(Kind::Reaction, "+"),
        // NIP-18 allows an empty content: clients fetch the note by its `e` tag.
        Reaction::Repost => EventBuilder::new(Kind::Repost, ""),
    };
    sign(keys, builder.tags(tags), Some(created_at))
}

/// The signed kind 5 asking relays to forget `reaction` (one of the account's own kind 7 or
/// kind 6 events), dated `created_at` (Unix seconds).
pub fn sign_withdrawal(
    keys: &NostrKeys,
    reaction: &Event,
    created_at: u64,
) -> Result<Event, ClientError> {
    let kind = reaction.kind.as_u16().to_string();
    let tags = vec![
        parse_tag(&["e", &reaction.id.to_hex()])?,
        parse_tag(&["k", &kind])?,
    ];
    sign(
        keys,
        EventBuilder::new(Kind::EventDeletion, "").tags(tags),
        Some(created_at),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_like_and_a_repost_point_at_the_note_and_sign_the_same_twice() {
        let keys = NostrKeys::generate();
        let target = EventRef {
            id: "a".repeat(64),
            author: "b".repeat(64),
            relay: Some("wss://relay.example".into()),
        };
        let like = sign_reaction(&keys, Reaction::Like, &target, 1_780_000_000).unwrap();
        assert_eq!(like.kind, Kind::Reaction);
        assert_eq!(like.content, "+");
        let json: serde_json::Value = serde_json::from_str(&like.as_json()).unwrap();
        assert_eq!(
            json["tags"],
            serde_json::json!([
                ["e", "a".repeat(64), "wss://relay.example"],
                ["p", "b".repeat(64)]
            ])
        );
        let again = sign_reaction(&keys, Reaction::Like, &target, 1_780_000_000).unwrap();
        assert_eq!(again.id, like.id, "the same reaction, the same event");
        let repost = sign_reaction(&keys, Reaction::Repost, &target, 1_780_000_000).unwrap();
        assert_eq!(repost.kind, Kind::Repost);
        assert_ne!(repost.id, like.id);
    }

    #[test]
    fn a_withdrawal_names_the_reaction_and_its_kind() {
        let keys = NostrKeys::generate();
        let target = EventRef {
            id: "a".repeat(64),
            author: "b".repeat(64),
            relay: None,
        };
        let repost = sign_reaction(&keys, Reaction::Repost, &target, 1_780_000_000).unwrap();
        let undo = sign_withdrawal(&keys, &repost, 1_780_000_100).unwrap();
        assert_eq!(undo.kind, Kind::EventDeletion);
        assert_eq!(
            undo.pubkey, repost.pubkey,
            "only its author may withdraw it"
        );
        let json: serde_json::Value = serde_json::from_str(&undo.as_json()).unwrap();
        assert_eq!(
            json["tags"],
            serde_json::json!([["e", repost.id.to_hex()], ["k", "6"]])
        );
    }
}
