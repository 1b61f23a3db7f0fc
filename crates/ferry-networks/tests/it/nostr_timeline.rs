//! The follows timeline against two real nostr-relays (tests/peers/with-peers starts them):
//! who is read where (NIP-65), what is dropped, what one post is, and what a refresh with the
//! cursor brings. Relays that refuse connections or never send `EOSE` are made here.

use std::time::Duration;

use chrono::Utc;
use ferry_networks::nostr::client::publish;
use ferry_networks::nostr::timeline::{
    TimelineError, TimelineLimits, read_follows_timeline, short_npub,
};
use ferry_networks::timeline::{TimelineFetch, TimelineRequest};
use ferry_test_support::peers;
use futures_util::{SinkExt, StreamExt};
use nostr::event::FinalizeEvent;
use nostr::nips::nip19::ToBech32;
use nostr::prelude::{Event, EventBuilder, Keys, Kind, Tag, Timestamp};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

const LIMIT: Duration = Duration::from_secs(5);
const REFUSED: &str = "ws://127.0.0.1:9";

fn now() -> u64 {
    Utc::now().timestamp() as u64
}

fn keys() -> Keys {
    Keys::generate()
}

fn signed(keys: &Keys, kind: u16, content: &str, tags: &[Vec<String>], at: u64) -> Event {
    let tags = tags.iter().map(|t| Tag::parse(t.clone()).unwrap());
    EventBuilder::new(Kind::from(kind), content)
        .tags(tags)
        .custom_created_at(Timestamp::from_secs(at))
        .finalize(keys)
        .unwrap()
}

fn tag(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| (*p).to_owned()).collect()
}

fn follow_list(account: &Keys, follows: &[&Keys]) -> Event {
    let tags: Vec<Vec<String>> = follows
        .iter()
        .map(|k| tag(&["p", &k.public_key().to_hex()]))
        .collect();
    signed(account, 3, "", &tags, now())
}

async fn put(relays: &[&String], events: &[&Event]) {
    let relays: Vec<String> = relays.iter().map(|r| (*r).clone()).collect();
    for event in events {
        publish(&relays, event, LIMIT).await.unwrap();
    }
}

fn ids(fetch: &TimelineFetch) -> Vec<String> {
    fetch.posts.iter().map(|p| p.remote_id.clone()).collect()
}

fn hex(events: &[&Event]) -> Vec<String> {
    events.iter().map(|e| e.id.to_hex()).collect()
}

fn request(since: Option<String>, max_posts: usize) -> TimelineRequest {
    TimelineRequest {
        since,
        max_posts,
        resume: None,
    }
}

#[tokio::test]
async fn follows_are_read_on_their_write_relays_once_each_and_nobody_else() {
    let (Some(r1), Some(r2)) = (peers::nostr_relay(), peers::nostr_relay2()) else {
        return;
    };
    let (a, b, c, d) = (keys(), keys(), keys(), keys());
    let t = now();
    // A reads relay 1 only. B writes only to relay 2 and says so on relay 1 (relay 1 as
    // B's *read* relay must not count as a write relay).
    put(&[&r1], &[&follow_list(&a, &[&b, &c])]).await;
    let b_relays = signed(
        &b,
        10002,
        "",
        &[tag(&["r", &r2]), tag(&["r", &r1, "read"])],
        t,
    );
    put(&[&r1], &[&b_relays]).await;
    let b_profile = json!({"name": "lin", "display_name": "林 渡口", "nip05": "lin@ferry.example",
        "picture": "https://img.example/lin.png"});
    let b_profile = signed(&b, 0, &b_profile.to_string(), &[], t);
    let b_old = signed(&b, 1, "旧的 note", &[], t - 7200);
    let image = "https://img.example/ferry.jpg";
    let b_note = signed(
        &b,
        1,
        &format!("晚班渡轮 {image}"),
        &[
            tag(&[
                "imeta",
                &format!("url {image}"),
                "m image/jpeg",
                "alt 黄昏的渡轮",
            ]),
            tag(&["L", "ISO-639-1"]),
            tag(&["l", "zh", "ISO-639-1"]),
        ],
        t - 1800,
    );
    put(&[&r2], &[&b_profile, &b_old, &b_note]).await;
    let c_both = signed(&c, 1, "on both relays", &[], t - 3600);
    put(&[&r1, &r2], &[&c_both]).await;
    let d_note = signed(&d, 1, "not followed", &[], t - 3000);
    put(&[&r1], &[&d_note]).await;
    let reply_tags = [
        tag(&["e", &b_note.id.to_hex(), &r2, "root"]),
        tag(&["p", &b.public_key().to_hex()]),
    ];
    let c_reply = signed(&c, 1, "回复 B", &reply_tags, t - 1700);
    put(&[&r1], &[&c_reply]).await;
    // A forged note from C: real id and signature, other content. The relay checks the
    // signature against the id it is given, so it stores it; the reader must not show it.
    let c_original = signed(&c, 1, "original words", &[], t - 1600);
    let mut forged: Value = serde_json::from_str(&c_original.as_json()).unwrap();
    forged["content"] = json!("forged words");
    send_raw(&r1, &forged).await;

    let limits = TimelineLimits::default();
    let account = a.public_key().to_hex();
    let mine = vec![r1.clone()];
    let first = read_follows_timeline(&account, &mine, &request(None, 50), &limits)
        .await
        .unwrap();
    assert_eq!(
        ids(&first),
        hex(&[&c_reply, &b_note, &c_both, &b_old]),
        "newest first; B's notes only reachable through B's relay list; C's once; no D, no forgery"
    );
    assert!(
        first.reached_since,
        "every relay answered, fewer than max_posts"
    );
    assert_eq!(first.cursor, Some((t - 1700).to_string()));
    assert!(first.posts.iter().all(|p| p.text != "forged words"));

    let b_post = &first.posts[1];
    assert_eq!(
        b_post.author.name.as_deref(),
        Some("林 渡口"),
        "B's profile read on relay 2"
    );
    assert_eq!(b_post.author.handle.as_deref(), Some("lin@ferry.example"));
    assert_eq!(
        b_post.author.avatar_url.as_deref(),
        Some("https://img.example/lin.png")
    );
    assert_eq!(b_post.lang.as_deref(), Some("zh"));
    assert_eq!(b_post.media.len(), 1);
    assert_eq!(b_post.media[0].url, image);
    assert_eq!(b_post.media[0].alt.as_deref(), Some("黄昏的渡轮"));
    assert_eq!(b_post.published_at.timestamp() as u64, t - 1800);
    assert!(b_post.html.is_none());
    let c_post = &first.posts[0];
    assert_eq!(
        c_post.author.handle,
        Some(short_npub(&c.public_key())),
        "no profile: short npub"
    );
    assert_eq!(
        c_post.reply_to.as_ref().unwrap().remote_id,
        b_note.id.to_hex()
    );
    assert!(first.posts[2].reply_to.is_none());
    assert!(
        c_post
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://njump.me/nevent1")
    );

    // Newer notes, one dated ~50 min ahead (relays accept up to 1 h): shown as now.
    let b_new = signed(&b, 1, "新的", &[], t - 60);
    put(&[&r2], &[&b_new]).await;
    let c_future = signed(&c, 1, "from the future", &[], now() + 3000);
    put(&[&r1], &[&c_future]).await;
    let before = now();
    let second =
        read_follows_timeline(&account, &mine, &request(first.cursor.clone(), 50), &limits)
            .await
            .unwrap();
    let after = now();
    // Since = cursor − 15 min slack: the notes in the slack window come again (harmless, one
    // id each); older ones do not.
    assert_eq!(ids(&second), hex(&[&c_future, &b_new, &c_reply, &b_note]));
    assert!(second.reached_since);
    let shown = second.posts[0].published_at.timestamp() as u64;
    assert!(
        (before..=after).contains(&shown),
        "future clamped to the fetch time"
    );
    let cursor: u64 = second.cursor.as_deref().unwrap().parse().unwrap();
    assert!(
        (before..=after).contains(&cursor),
        "cursor is the newest (clamped) time seen"
    );

    // Nothing new: same cursor back.
    let limits_no_slack = TimelineLimits {
        since_slack: Duration::ZERO,
        ..limits.clone()
    };
    let far = (now() + 3600).to_string();
    let quiet = read_follows_timeline(
        &account,
        &mine,
        &request(Some(far.clone()), 50),
        &limits_no_slack,
    )
    .await
    .unwrap();
    assert_eq!((quiet.posts.len(), quiet.cursor), (0, Some(far)));

    // More new than max_posts: the newest only, and a gap.
    let capped = read_follows_timeline(&account, &mine, &request(None, 2), &limits)
        .await
        .unwrap();
    assert_eq!(ids(&capped), hex(&[&c_future, &b_new]));
    assert!(!capped.reached_since, "older notes were left out");
    assert_eq!(
        capped.resume,
        Some((t - 60).to_string()),
        "a gap's load goes on from the oldest note kept"
    );
    // Loading that gap: down from there (that second read again), to the end.
    let rest = read_follows_timeline(
        &account,
        &mine,
        &TimelineRequest {
            since: None,
            max_posts: 50,
            resume: capped.resume.clone(),
        },
        &limits,
    )
    .await
    .unwrap();
    // That second itself may come again or not (relays differ on whether `until` is
    // inclusive); the cache keeps one of each either way.
    let below: Vec<String> = ids(&rest)
        .into_iter()
        .filter(|id| *id != b_new.id.to_hex())
        .collect();
    assert_eq!(
        below,
        hex(&[&c_reply, &b_note, &c_both, &b_old]),
        "nothing newer than where the cap cut; everything below it"
    );
    assert!(rest.reached_since);
    assert_eq!(rest.resume, None);
}

#[tokio::test]
async fn a_refused_or_silent_relay_does_not_stop_the_others_but_leaves_a_gap() {
    let (Some(r1), Some(r2)) = (peers::nostr_relay(), peers::nostr_relay2()) else {
        return;
    };
    let (a, b, c, d) = (keys(), keys(), keys(), keys());
    let t = now();
    put(&[&r1], &[&follow_list(&a, &[&b, &c])]).await;
    put(
        &[&r1],
        &[&signed(&b, 10002, "", &[tag(&["r", &r2, "write"])], t)],
    )
    .await;
    let b_note = signed(&b, 1, "B on relay 2", &[], t - 30);
    put(&[&r2], &[&b_note]).await;
    let c_note = signed(&c, 1, "C on relay 1", &[], t - 20);
    put(&[&r1], &[&c_note]).await;
    // The silent relay sends what it has, then never EOSE.
    let c_silent = signed(&c, 1, "C, only on the silent relay", &[], t - 10);
    let d_silent = signed(&d, 1, "D, not followed", &[], t - 5);
    let silent = silent_relay(vec![c_silent.clone(), d_silent]).await;

    let limits = TimelineLimits {
        relay_timeout: Duration::from_secs(2),
        ..Default::default()
    };
    let mine = vec![r1.clone(), REFUSED.to_owned(), silent];
    let started = std::time::Instant::now();
    let fetch = read_follows_timeline(
        &a.public_key().to_bech32().unwrap(),
        &mine,
        &request(None, 50),
        &limits,
    )
    .await
    .unwrap();
    assert_eq!(
        ids(&fetch),
        hex(&[&c_silent, &c_note, &b_note]),
        "what the silent relay sent is kept"
    );
    assert!(
        !fetch.reached_since,
        "two relays did not finish: a gap may exist"
    );
    assert!(
        started.elapsed() < Duration::from_secs(13),
        "four rounds, each relay within its 2 s limit (+0.5 s to close)"
    );
}

#[tokio::test]
async fn unusable_input_and_no_relay_are_errors_no_follow_list_is_empty() {
    let Some(r1) = peers::nostr_relay() else {
        return;
    };
    let limits = TimelineLimits {
        relay_timeout: Duration::from_secs(2),
        ..Default::default()
    };
    let account = keys().public_key().to_hex();
    let ask = |relays: Vec<String>, since: Option<&str>| {
        let account = account.clone();
        let limits = limits.clone();
        let since = since.map(str::to_owned);
        async move { read_follows_timeline(&account, &relays, &request(since, 10), &limits).await }
    };
    let empty = ask(vec![r1.clone()], Some("123")).await.unwrap();
    assert_eq!(
        empty,
        TimelineFetch {
            posts: vec![],
            cursor: Some("123".into()),
            reached_since: true,
            withdrawn: Vec::new(),
            resume: None,
        }
    );

    let err = ask(vec![REFUSED.into()], None).await.unwrap_err();
    assert!(
        matches!(&err, TimelineError::Unreachable { what: "follow list", detail } if detail.contains(REFUSED)),
        "{err}"
    );
    let err = ask(
        vec!["https://relay.example".into(), "nonsense".into()],
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "nostr_timeline.no_read_relays", "{err}");
    let err = ask(vec![r1.clone()], Some("yesterday")).await.unwrap_err();
    assert_eq!(err.code(), "nostr_timeline.bad_cursor");
    let err = read_follows_timeline("npub1nope", &[r1], &request(None, 10), &limits)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "nostr_timeline.invalid_account");
    assert!(err.to_string().contains("npub1nope"));
}

/// Sends `event` as is (no client-side checks), for a forged event.
async fn send_raw(relay: &str, event: &Value) {
    let (mut socket, _) = tokio_tungstenite::connect_async(relay).await.unwrap();
    socket
        .send(Message::text(json!(["EVENT", event]).to_string()))
        .await
        .unwrap();
    // Wait for the relay's OK (accepted or not) so the event is stored before the read.
    let _ = tokio::time::timeout(LIMIT, socket.next()).await;
}

/// A websocket "relay" on 127.0.0.1 that answers every `REQ` with `events` and never `EOSE`.
async fn silent_relay(events: Vec<Event>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let events = events.clone();
            tokio::spawn(async move {
                let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else {
                    return;
                };
                while let Some(Ok(frame)) = socket.next().await {
                    let Ok(req) = serde_json::from_str::<Value>(frame.to_text().unwrap_or(""))
                    else {
                        continue;
                    };
                    if req[0] != "REQ" {
                        continue;
                    }
                    let sub = req[1].as_str().unwrap_or("").to_owned();
                    for event in &events {
                        let message = json!([
                            "EVENT",
                            sub,
                            serde_json::from_str::<Value>(&event.as_json()).unwrap()
                        ]);
                        let _ = socket.send(Message::text(message.to_string())).await;
                    }
                }
            });
        }
    });
    url
}

#[tokio::test]
async fn a_repost_by_a_follow_shows_the_note_once_with_the_reposter() {
    let Some(r1) = peers::nostr_relay() else {
        return;
    };
    let (a, b, d) = (keys(), keys(), keys());
    let t = now();
    put(&[&r1], &[&follow_list(&a, &[&b])]).await;
    // d is not followed: d's note reaches a only through b's repost, with d's name.
    let d_profile = signed(&d, 0, &json!({"name": "梅 Mei"}).to_string(), &[], t - 4000);
    let d_note = signed(&d, 1, "渡口的灯 🏮", &[], t - 3600);
    let d_other = signed(&d, 1, "只被点名的笔记 named only", &[], t - 3500);
    let b_note = signed(&b, 1, "my own note", &[], t - 3000);
    let repost = |of: &Event, content: String, at: u64| {
        let tags = [
            tag(&["e", &of.id.to_hex(), &r1]),
            tag(&["p", &of.pubkey.to_hex()]),
        ];
        signed(&b, 6, &content, &tags, at)
    };
    let shared = repost(&d_note, d_note.as_json(), t - 600);
    let shared_own = repost(&b_note, b_note.as_json(), t - 500);
    let empty = repost(&d_other, String::new(), t - 400);
    put(
        &[&r1],
        &[
            &d_profile,
            &d_note,
            &d_other,
            &b_note,
            &shared,
            &shared_own,
            &empty,
        ],
    )
    .await;

    let fetch = read_follows_timeline(
        &a.public_key().to_hex(),
        std::slice::from_ref(&r1),
        &request(None, 50),
        &TimelineLimits::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        ids(&fetch),
        hex(&[&d_other, &b_note, &d_note]),
        "newest arrival first, each note once; the repost that only names its note brings it"
    );
    assert_eq!(fetch.posts[0].text, "只被点名的笔记 named only");
    assert!(fetch.posts[0].boosted_by.is_some());
    let reposted = &fetch.posts[2];
    assert_eq!(reposted.text, "渡口的灯 🏮");
    assert_eq!(reposted.author.name.as_deref(), Some("梅 Mei"));
    assert!(reposted.boosted_by.is_some());
    assert_eq!(
        reposted.published_at.timestamp() as u64,
        t - 3600,
        "the note keeps its own time"
    );
    assert!(
        fetch.posts[1].boosted_by.is_some(),
        "seen directly and reposted: the repost"
    );
    assert_eq!(
        fetch.cursor.as_deref(),
        Some((t - 400).to_string().as_str()),
        "the newest arrival"
    );
}
