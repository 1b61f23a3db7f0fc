//! Trusting nothing a relay sends: an event counts only when its id is the hash of its own
//! content (computed here, not taken from the event or the `nostr` crate) and its signature
//! is the author's over that id.
//!
//! Why both: a relay that checks only the signature stores an event whose `id` field names
//! another event (the signature verifies against the id it carries), so a forged note could
//! take the place of a real one. Recomputing the id closes that.

use ::nostr::prelude::Event;
use serde_json::json;
use sha2::{Digest, Sha256};

/// NIP-01: sha256 over `[0, pubkey, created_at, kind, tags, content]` as compact JSON, UTF-8
/// unescaped, in lowercase hex.
pub fn independent_id(event: &Event) -> String {
    let tags: Vec<&[String]> = event.tags.iter().map(|t| t.as_slice()).collect();
    let serialized = json!([
        0,
        event.pubkey.to_hex(),
        event.created_at.as_secs(),
        event.kind.as_u16(),
        tags,
        event.content,
    ])
    .to_string();
    Sha256::digest(serialized.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The id matches our own hash of the event and the signature matches the id.
pub fn is_authentic(event: &Event) -> bool {
    independent_id(event) == event.id.to_hex() && event.verify_signature()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nostr::client::{NewNote, NostrKeys, sign_note};
    use serde_json::Value;

    fn signed(text: &str) -> Event {
        let note = NewNote {
            text: text.into(),
            hashtags: vec!["渡".into()],
            ..NewNote::default()
        };
        sign_note(&NostrKeys::generate(), &note).unwrap()
    }

    #[test]
    fn a_signed_note_is_authentic_and_its_id_is_our_hash() {
        let event = signed("你好 \"quoted\"\n\ttab \\ slash 👩‍👩‍👧");
        assert_eq!(independent_id(&event), event.id.to_hex());
        assert!(is_authentic(&event));
    }

    #[test]
    fn changed_content_or_a_borrowed_id_is_refused() {
        let event = signed("original");
        let mut json: Value = serde_json::from_str(&event.as_json()).unwrap();
        json["content"] = json!("tampered");
        let tampered = Event::from_json(json.to_string()).unwrap();
        assert!(
            !is_authentic(&tampered),
            "content no longer hashes to the id"
        );

        // Another real event's id and signature on this content: the signature is valid for
        // the id it carries, only the hash gives it away.
        let other = signed("other");
        let mut json: Value = serde_json::from_str(&event.as_json()).unwrap();
        json["id"] = json!(other.id.to_hex());
        json["sig"] = json!(other.sig.to_string());
        json["pubkey"] = json!(other.pubkey.to_hex());
        let borrowed = Event::from_json(json.to_string()).unwrap();
        assert!(borrowed.verify_signature());
        assert!(!is_authentic(&borrowed));
    }
}
