//! The Nostr client against nostr-relay (started by tests/peers/with-peers). The relay checks
//! signatures but not ids, so every id here is also recomputed independently (sha256 of the
//! NIP-01 serialization, done in this file).

use std::time::Duration;

use ferry_networks::http::ErrorClass;
use ferry_networks::nostr::client::{
    EventRef, NewNote, NostrKeys, NoteThread, RelayOutcome, RelayUse, find_event, publish,
    query_events, sign_note, sign_relay_list,
};
use ferry_test_support::{Fault, FaultProxy, peers};
use nostr::prelude::Event;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const LIMIT: Duration = Duration::from_secs(5);

/// NIP-01: the id is sha256 over `[0, pubkey, created_at, kind, tags, content]` as compact
/// JSON with UTF-8 left unescaped.
fn independent_id(event: &Event) -> String {
    let json: Value = serde_json::from_str(&event.as_json()).unwrap();
    let serialized = serde_json::to_string(&json!([
        0,
        json["pubkey"],
        json["created_at"],
        json["kind"],
        json["tags"],
        json["content"]
    ]))
    .unwrap();
    Sha256::digest(serialized.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn tags(event: &Event) -> Value {
    serde_json::from_str::<Value>(&event.as_json()).unwrap()["tags"].clone()
}

/// A plain kind-1 note signed by `keys`.
fn note(keys: &NostrKeys, text: &str) -> Event {
    sign_note(
        keys,
        &NewNote {
            text: text.into(),
            ..Default::default()
        },
    )
    .unwrap()
}

#[tokio::test]
async fn publish_read_back_and_duplicate() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let relays = vec![relay.clone()];
    let keys = NostrKeys::generate();
    let note = NewNote {
        text: "你好，渡口！Ferry 👩‍👩‍👧 #渡口 #Ferry \"quoted\"\nnew line https://example.com".into(),
        hashtags: vec!["渡口".into(), "#Ferry".into()],
        ..Default::default()
    };
    let event = sign_note(&keys, &note).unwrap();
    assert_eq!(independent_id(&event), event.id.to_hex());
    assert_eq!(tags(&event), json!([["t", "渡口"], ["t", "ferry"]]));

    let posted = publish(&relays, &event, LIMIT).await.unwrap();
    assert_eq!(posted.event_id, independent_id(&event));
    assert_eq!(posted.relays, vec![(relay.clone(), RelayOutcome::Accepted)]);

    // Read back by id, and through a subscription on the author.
    let found = find_event(&relays, &posted.event_id, LIMIT)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(found, event);
    assert_eq!(independent_id(&found), found.id.to_hex());
    let mine = query_events(
        &relays,
        json!({"authors": [keys.public_key_hex()], "kinds": [1]}),
        LIMIT,
    )
    .await;
    assert_eq!(mine, vec![event.clone()]);

    // The same signed event again: the relay already has it, which counts as posted.
    let again = publish(&relays, &event, LIMIT).await.unwrap();
    assert!(
        matches!(&again.relays[0].1, RelayOutcome::Duplicate(m) if m.starts_with("duplicate:")),
        "{again:?}"
    );
}

#[tokio::test]
async fn thread_tags_follow_nip10_and_relay_list_nip65() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let relays = vec![relay.clone()];
    let keys = NostrKeys::generate();
    let root = note(&keys, "1/3");
    let as_ref = |e: &Event| EventRef {
        id: e.id.to_hex(),
        author: e.pubkey.to_hex(),
        relay: Some(relay.clone()),
    };
    let second = sign_note(
        &keys,
        &NewNote {
            text: "2/3".into(),
            reply: Some(NoteThread {
                root: as_ref(&root),
                parent: as_ref(&root),
            }),
            ..Default::default()
        },
    )
    .unwrap();
    let third = sign_note(
        &keys,
        &NewNote {
            text: "3/3".into(),
            reply: Some(NoteThread {
                root: as_ref(&root),
                parent: as_ref(&second),
            }),
            ..Default::default()
        },
    )
    .unwrap();
    for e in [&root, &second, &third] {
        assert_eq!(independent_id(e), e.id.to_hex());
        publish(&relays, e, LIMIT).await.unwrap();
    }
    let me = keys.public_key_hex();
    let stored = find_event(&relays, &third.id.to_hex(), LIMIT)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        tags(&stored),
        json!([
            ["e", root.id.to_hex(), relay, "root", me],
            ["e", second.id.to_hex(), relay, "reply", me],
            ["p", me],
        ])
    );
    assert_eq!(
        tags(&second),
        json!([["e", root.id.to_hex(), relay, "root", me], ["p", me]])
    );

    let list = sign_relay_list(
        &keys,
        &[
            (relay.clone(), RelayUse::Both),
            ("wss://read.example".into(), RelayUse::Read),
            ("wss://write.example".into(), RelayUse::Write),
        ],
    )
    .unwrap();
    assert_eq!(list.kind.as_u16(), 10002);
    publish(&relays, &list, LIMIT).await.unwrap();
    let stored = query_events(&relays, json!({"authors": [me], "kinds": [10002]}), LIMIT).await;
    assert_eq!(
        tags(&stored[0]),
        json!([
            ["r", relay],
            ["r", "wss://read.example", "read"],
            ["r", "wss://write.example", "write"]
        ])
    );
}

#[tokio::test]
async fn lost_ok_is_unknown_until_the_relay_is_asked() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let keys = NostrKeys::generate();
    let proxy = FaultProxy::start(&relay).await.unwrap();
    proxy.push(Fault::DropAfterForward);
    proxy.push(Fault::ForwardThenStall(Duration::from_secs(4)));
    let through = vec![proxy.ws_url()];

    let dropped = note(&keys, "OK lost: connection dropped");
    let err = publish(&through, &dropped, LIMIT).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    let stalled = note(&keys, "OK lost: relay went quiet");
    let err = publish(&through, &stalled, Duration::from_secs(2))
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");

    // Both reached the relay; asking by id finds them, and resending is a duplicate.
    let direct = vec![relay];
    for event in [&dropped, &stalled] {
        let found = find_event(&direct, &event.id.to_hex(), LIMIT)
            .await
            .unwrap();
        assert_eq!(found.as_ref(), Some(event));
        let again = publish(&direct, event, LIMIT).await.unwrap();
        assert!(matches!(again.relays[0].1, RelayOutcome::Duplicate(_)));
    }
    // Past its plan the proxy forwards both ways: a normal publish and read through it.
    let later = note(&keys, "through the proxy, untouched");
    assert!(
        publish(&through, &later, LIMIT).await.unwrap().relays[0]
            .1
            .is_stored()
    );
    assert_eq!(
        find_event(&through, &later.id.to_hex(), LIMIT)
            .await
            .unwrap(),
        Some(later)
    );
}

#[tokio::test]
async fn one_good_relay_is_enough_and_none_is_retryable() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let keys = NostrKeys::generate();
    let event = note(&keys, "two relays, one down");
    let down = "ws://127.0.0.1:9".to_owned();
    let posted = publish(&[down.clone(), relay.clone()], &event, LIMIT)
        .await
        .unwrap();
    assert!(
        matches!(posted.relays[0].1, RelayOutcome::Unreachable(_)),
        "{posted:?}"
    );
    assert_eq!(posted.relays[1].1, RelayOutcome::Accepted);

    let other = note(&keys, "all relays down");
    let err = publish(std::slice::from_ref(&down), &other, LIMIT)
        .await
        .unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Retryable, "net.unreachable"),
        "{err}"
    );
    assert!(
        find_event(&[down], &other.id.to_hex(), LIMIT)
            .await
            .is_err()
    );
    let wss = relay.replace("ws://", "wss://");
    let err = publish(&[wss], &other, LIMIT).await.unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Permanent, "net.tls"),
        "{err}"
    );
    let err = publish(&[], &other, LIMIT).await.unwrap_err();
    assert_eq!(err.code(), "net.invalid_input");
}

#[tokio::test]
async fn forged_or_oversized_events_are_refused_for_good() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let keys = NostrKeys::generate();
    let event = note(&keys, "original");
    // Same id and signature, different content: caught before anything is sent.
    let mut json: Value = serde_json::from_str(&event.as_json()).unwrap();
    json["content"] = json!("tampered");
    let forged = Event::from_json(json.to_string()).unwrap();
    let err = publish(std::slice::from_ref(&relay), &forged, LIMIT)
        .await
        .unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Permanent, "net.invalid_input"),
        "{err}"
    );
    assert!(
        find_event(std::slice::from_ref(&relay), &event.id.to_hex(), LIMIT)
            .await
            .unwrap()
            .is_none()
    );

    // nostr-relay refuses content over 4,096 characters: the relay's own `OK false`.
    let long = sign_note(
        &keys,
        &NewNote {
            text: "长".repeat(4097),
            ..Default::default()
        },
    )
    .unwrap();
    let err = publish(&[relay], &long, LIMIT).await.unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Permanent, "net.rejected"),
        "{err}"
    );
    assert!(
        err.to_string().starts_with("nostr: publish note refused"),
        "{err}"
    );
}
