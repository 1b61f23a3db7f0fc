//! What a relay sends: a frame (`["EVENT", sub, {…}]`, or a bare event), its event parsed and
//! checked as the client does, then mapped every way the follows timeline could (note,
//! profile, repost, follow list, relay list, deletion). Checks: each mapping is safe to show
//! (`assert_safe_post`) and bounded (text cut at the limit, relay addresses websocket only,
//! withdrawn ids 64-hex by the event's own author, at most 100 named notes, each note shown
//! once); and, differentially, the event's content and tags signed afresh get from our own
//! NIP-01 hash (`verify::independent_id`) the id the `nostr` crate computes, and survive
//! being written and read again.

use std::sync::LazyLock;

use super::safe::{assert_safe_post, now};
use crate::nostr::timeline::fuzzing;
use crate::nostr::timeline::verify::{independent_id, is_authentic};
use ::nostr::event::FinalizeEvent;
use ::nostr::prelude::{Event, EventBuilder, Keys, SecretKey};
use serde_json::Value;

/// Text kept per note: small, so that cutting is reached.
const MAX_TEXT_CHARS: usize = 64;

static KEYS: LazyLock<Keys> = LazyLock::new(|| {
    let secret = SecretKey::from_hex(&"7".repeat(64)).unwrap();
    Keys::new(secret)
});

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let event = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(frame)) if frame.first().and_then(Value::as_str) == Some("EVENT") => frame
            .get(2)
            .and_then(|e| Event::from_json(e.to_string()).ok()),
        _ => Event::from_json(text).ok(),
    };
    let Some(event) = event else {
        return;
    };
    let _ = event.verify();
    let _ = is_authentic(&event);
    check_mapped(&event);
    let Ok(signed) = EventBuilder::new(event.kind, event.content.clone())
        .tags(event.tags.clone())
        .custom_created_at(event.created_at)
        .finalize(&*KEYS)
    else {
        return;
    };
    assert_eq!(independent_id(&signed), signed.id.to_hex(), "{signed:?}");
    assert!(is_authentic(&signed));
    assert_eq!(Event::from_json(signed.as_json()).unwrap(), signed);
    check_mapped(&signed);
}

fn check_mapped(event: &Event) {
    let now_secs = now().timestamp() as u64;
    let mapped = fuzzing::map(event, now_secs, MAX_TEXT_CHARS);
    assert_safe_post(&mapped.post);
    assert_eq!(mapped.post.remote_id, event.id.to_hex());
    assert!(mapped.post.html.is_none());
    assert!(mapped.post.text.chars().count() <= MAX_TEXT_CHARS);
    if let Some(url) = &mapped.post.url {
        assert!(url.starts_with("https://njump.me/"), "{url}");
    }
    assert!(
        mapped
            .author
            .handle
            .as_deref()
            .is_some_and(|h| !h.is_empty())
    );
    if let Some(name) = &mapped.author.name {
        assert!(!name.is_empty() && name.chars().count() <= 100);
    }
    if let Some(note) = &mapped.embedded_note {
        assert_eq!(note.kind.as_u16(), 1);
        assert!(is_authentic(note));
    }
    let (ids, _hints) = &mapped.named_notes;
    assert!(ids.len() <= 100 && ids.iter().all(|id| id.len() == 64));
    for (i, relay) in mapped.write_relays.iter().enumerate() {
        assert!(
            relay.starts_with("ws://") || relay.starts_with("wss://"),
            "{relay}"
        );
        assert!(!mapped.write_relays[..i].contains(relay), "{relay} twice");
    }
    for gone in &mapped.withdrawn {
        assert_eq!(gone.author_id, event.pubkey.to_hex());
        assert!(
            gone.remote_id.len() == 64 && gone.remote_id.bytes().all(|b| b.is_ascii_hexdigit())
        );
        assert_eq!(gone.remote_id, gone.remote_id.to_ascii_lowercase());
    }
    for (i, id) in mapped.entries.iter().enumerate() {
        assert!(!mapped.entries[..i].contains(id), "note {id} shown twice");
    }
}
