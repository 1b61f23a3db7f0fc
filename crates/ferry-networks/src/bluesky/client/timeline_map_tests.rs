use chrono::{TimeZone, Utc};
use serde_json::json;

use super::FeedViewPost;

fn entry(value: serde_json::Value) -> FeedViewPost {
    serde_json::from_value(value).expect("a feedViewPost")
}

fn post(uri: &str, indexed_at: &str) -> serde_json::Value {
    json!({
        "uri": uri,
        "cid": "bafyreib",
        "author": { "did": "did:plc:bob", "handle": "bob.test", "displayName": "Bob 鲍勃",
                    "avatar": "https://cdn.example/avatar.jpg" },
        "record": { "$type": "app.bsky.feed.post", "text": "渡轮 👩‍👩‍👧 ferry",
                    "createdAt": "2020-01-01T00:00:00.000Z", "langs": ["zh"] },
        "indexedAt": indexed_at
    })
}

#[test]
fn a_post_keeps_its_uri_text_language_page_and_indexed_time() {
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    let e = entry(
        json!({ "post": post("at://did:plc:bob/app.bsky.feed.post/3lx2", "2026-12-05T09:00:00.000Z") }),
    );
    let p = e.to_post(now).unwrap();
    assert_eq!(p.remote_id, "at://did:plc:bob/app.bsky.feed.post/3lx2");
    assert_eq!(p.text, "渡轮 👩‍👩‍👧 ferry");
    assert_eq!(p.html, None);
    assert_eq!(p.lang.as_deref(), Some("zh"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://bsky.app/profile/bob.test/post/3lx2")
    );
    // indexedAt, not the client's createdAt (2020): the network's own clock
    assert_eq!(
        p.published_at,
        Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap()
    );
    assert_eq!(p.author.name.as_deref(), Some("Bob 鲍勃"));
    assert_eq!(p.author.handle.as_deref(), Some("bob.test"));
    assert!(p.boosted_by.is_none() && p.reply_to.is_none() && p.media.is_empty());
    assert_eq!(e.entry_key(), p.remote_id);
}

#[test]
fn a_repost_is_the_original_with_its_reposter_and_sorts_by_the_repost() {
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    let e = entry(json!({
        "post": post("at://did:plc:bob/app.bsky.feed.post/3lx2", "2026-12-01T09:00:00Z"),
        "reason": { "$type": "app.bsky.feed.defs#reasonRepost",
                    "by": { "did": "did:plc:carol", "handle": "handle.invalid" },
                    "indexedAt": "2026-12-05T11:00:00Z" }
    }));
    let p = e.to_post(now).unwrap();
    assert_eq!(p.remote_id, "at://did:plc:bob/app.bsky.feed.post/3lx2");
    assert_eq!(
        p.boosted_by.unwrap().handle.as_deref(),
        Some("did:plc:carol")
    );
    assert_eq!(
        e.sort_time(),
        Some(Utc.with_ymd_and_hms(2026, 12, 5, 11, 0, 0).unwrap())
    );
    assert_eq!(
        e.entry_key(),
        "at://did:plc:bob/app.bsky.feed.post/3lx2|did:plc:carol"
    );
}

#[test]
fn a_reply_names_its_parent_and_whom_it_answers() {
    let now = Utc::now();
    let mut p = post(
        "at://did:plc:bob/app.bsky.feed.post/3ly",
        "2026-12-05T09:00:00Z",
    );
    p["record"]["reply"] = json!({
        "root": { "uri": "at://did:plc:ann/app.bsky.feed.post/1", "cid": "x" },
        "parent": { "uri": "at://did:plc:ann/app.bsky.feed.post/2", "cid": "y" }
    });
    let e = entry(json!({
        "post": p,
        "reply": { "parent": { "$type": "app.bsky.feed.defs#postView", "uri": "at://did:plc:ann/app.bsky.feed.post/2",
                               "author": { "did": "did:plc:ann", "handle": "ann.test" } },
                   "root": {} }
    }));
    let reply = e.to_post(now).unwrap().reply_to.unwrap();
    assert_eq!(reply.remote_id, "at://did:plc:ann/app.bsky.feed.post/2");
    assert_eq!(reply.handle.as_deref(), Some("ann.test"));
}

#[test]
fn media_keeps_alt_text_and_only_web_addresses() {
    let now = Utc::now();
    let mut p = post(
        "at://did:plc:bob/app.bsky.feed.post/3lz",
        "2026-12-05T09:00:00Z",
    );
    p["author"]["avatar"] = json!("javascript:alert(1)");
    p["embed"] = json!({
        "$type": "app.bsky.embed.recordWithMedia#view",
        "record": {},
        "media": { "$type": "app.bsky.embed.images#view", "images": [
            { "thumb": "https://cdn.example/t.jpg", "fullsize": "https://cdn.example/f.jpg", "alt": " 外滩夜景 " },
            { "thumb": "data:image/png;base64,AAAA", "fullsize": "file:///etc/passwd", "alt": "" }
        ] }
    });
    let got = entry(json!({ "post": p })).to_post(now).unwrap();
    assert_eq!(got.author.avatar_url, None);
    assert_eq!(got.media.len(), 1);
    assert_eq!(got.media[0].url, "https://cdn.example/f.jpg");
    assert_eq!(got.media[0].alt.as_deref(), Some("外滩夜景"));
    assert_eq!(got.media[0].kind, "image");
}

#[test]
fn a_future_time_is_clamped_and_an_unreadable_one_skipped() {
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    let future = entry(
        json!({ "post": post("at://did:plc:bob/app.bsky.feed.post/a", "2099-01-01T00:00:00Z") }),
    );
    assert_eq!(future.to_post(now).unwrap().published_at, now);
    let mut broken = post("at://did:plc:bob/app.bsky.feed.post/b", "yesterday");
    broken["record"]["createdAt"] = json!("soon");
    assert!(entry(json!({ "post": broken })).to_post(now).is_none());
}

#[test]
fn a_page_address_is_built_only_from_plain_parts() {
    let now = Utc::now();
    let odd = entry(
        json!({ "post": post("at://did:plc:bob/app.bsky.feed.post/a\"><script>", "2026-12-05T09:00:00Z") }),
    );
    assert_eq!(odd.to_post(now).unwrap().url, None);
}
