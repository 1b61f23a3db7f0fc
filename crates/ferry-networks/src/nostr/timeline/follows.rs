//! The follow list (NIP-02, kind 3): one `p` tag per followed public key. The account's own
//! key is not added: a home timeline shows whom you follow (follow yourself to see yourself,
//! as in other Nostr clients).

use std::collections::BTreeSet;

use ::nostr::prelude::{Event, PublicKey};

/// The keys `list` follows; `p` tags whose key is not 64 hex digits are skipped.
pub fn followed(list: &Event) -> BTreeSet<PublicKey> {
    list.tags
        .iter()
        .filter_map(|tag| match tag.as_slice() {
            [name, key, ..] if name == "p" => PublicKey::from_hex(key).ok(),
            _ => None,
        })
        .collect()
}
