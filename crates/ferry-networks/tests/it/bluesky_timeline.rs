//! Reading Bluesky's following timeline from the reference network (PDS + AppView from
//! @atproto/dev-env, started by tests/peers/with-peers; alice follows bob): new posts, replies
//! with whom they answer, a repost folded into its post, the cursor, gaps and a dead session.
//!
//! Other tests post as alice and bob at the same time, so assertions are about the posts this
//! test made (a marker in their text), never about the timeline being exactly these.

use std::time::Duration;

use ferry_networks::bluesky::client::{
    BlueskyClient, BlueskySession, NewPost, PublishedPost, ReplyRef, StrongRef, Tid,
};
use ferry_networks::bluesky::facets::detect;
use ferry_networks::http::{ErrorClass, Secret};
use ferry_networks::timeline::{TimelineFetch, TimelinePost, TimelineRequest};
use ferry_test_support::peers;
use serde_json::json;

async fn login(pds: &str, (handle, password): (&str, &str)) -> BlueskyClient {
    BlueskyClient::login(pds, handle, &Secret::new(password))
        .await
        .unwrap()
}

async fn post(client: &BlueskyClient, text: &str, reply: Option<ReplyRef>) -> PublishedPost {
    let post = NewPost {
        text: text.to_owned(),
        facets: detect(text),
        langs: vec!["zh".into()],
        reply,
        ..NewPost::default()
    };
    client.publish_post(&post, &Tid::now()).await.unwrap()
}

/// A repost record, written directly: Ferry doesn't repost yet, the timeline must show them.
async fn repost(pds: &str, client: &BlueskyClient, subject: &PublishedPost) {
    let session = client.session().await;
    let answer = reqwest::Client::new()
        .post(format!("{pds}/xrpc/com.atproto.repo.createRecord"))
        .bearer_auth(session.access_jwt.expose())
        .json(&json!({
            "repo": session.did,
            "collection": "app.bsky.feed.repost",
            "record": {
                "$type": "app.bsky.feed.repost",
                "subject": { "uri": subject.uri, "cid": subject.cid },
                "createdAt": chrono::Utc::now().to_rfc3339(),
            }
        }))
        .send()
        .await
        .unwrap();
    assert!(answer.status().is_success(), "{:?}", answer.text().await);
}

fn request(since: Option<String>, max_posts: usize) -> TimelineRequest {
    TimelineRequest {
        since,
        max_posts,
        resume: None,
    }
}

fn find<'a>(fetch: &'a TimelineFetch, uri: &str) -> Vec<&'a TimelinePost> {
    fetch.posts.iter().filter(|p| p.remote_id == uri).collect()
}

/// Reads until every `uris` is there: the AppView indexes the PDS's firehose a moment later.
async fn read_until(client: &BlueskyClient, since: Option<String>, uris: &[&str]) -> TimelineFetch {
    for _ in 0..60 {
        let fetch = client
            .following_timeline(&request(since.clone(), 200))
            .await
            .unwrap();
        if uris.iter().all(|u| !find(&fetch, u).is_empty()) {
            return fetch;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("the AppView never showed {uris:?}");
}

#[tokio::test]
async fn new_posts_replies_and_reposts_arrive_once_then_the_cursor_holds() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let bob = login(&pds, peers::BSKY_BOB).await;
    let first = alice.following_timeline(&request(None, 200)).await.unwrap();
    assert!(first.reached_since, "a first read promises nothing older");
    let since = first.cursor.clone();

    let marker = format!("tl-{}", Tid::now());
    let root = post(&bob, &format!("渡轮开了 👩‍👩‍👧 {marker}"), None).await;
    let root_ref = StrongRef {
        uri: root.uri.clone(),
        cid: root.cid.clone(),
    };
    let answer = post(
        &bob,
        &format!("回复：全角标点，。！ {marker}"),
        Some(ReplyRef {
            root: root_ref.clone(),
            parent: root_ref,
        }),
    )
    .await;
    let own = post(&alice, &format!("alice 的帖子 {marker}"), None).await;
    repost(&pds, &bob, &own).await;

    let fetch = read_until(&alice, since.clone(), &[&root.uri, &answer.uri, &own.uri]).await;
    assert!(fetch.reached_since, "a few new posts reach the old cursor");
    let got = find(&fetch, &root.uri)[0];
    assert_eq!(got.text, format!("渡轮开了 👩‍👩‍👧 {marker}"));
    assert_eq!(got.author.handle.as_deref(), Some("bob.test"));
    assert_eq!(got.lang.as_deref(), Some("zh"));
    let page = format!("https://bsky.app/profile/bob.test/post/{}", root.rkey);
    assert_eq!(got.url.as_deref(), Some(page.as_str()));
    let reply = find(&fetch, &answer.uri)[0]
        .reply_to
        .clone()
        .expect("a reply");
    assert_eq!(reply.remote_id, root.uri);
    assert_eq!(reply.handle.as_deref(), Some("bob.test"));

    // alice's post is in her timeline twice (hers, and bob's repost of it): one item, and the
    // repost is the newer entry once the AppView has it.
    let mut reposted = fetch;
    for _ in 0..60 {
        if find(&reposted, &own.uri)
            .iter()
            .any(|p| p.boosted_by.is_some())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
        reposted = alice
            .following_timeline(&request(since.clone(), 200))
            .await
            .unwrap();
    }
    let mine = find(&reposted, &own.uri);
    assert_eq!(mine.len(), 1, "a post and its repost are one item");
    assert_eq!(
        mine[0]
            .boosted_by
            .as_ref()
            .and_then(|b| b.handle.as_deref()),
        Some("bob.test")
    );

    // From the new cursor, none of these come back.
    let again = alice
        .following_timeline(&request(reposted.cursor.clone(), 200))
        .await
        .unwrap();
    assert!(again.reached_since);
    for uri in [&root.uri, &answer.uri, &own.uri] {
        assert!(
            find(&again, uri).is_empty(),
            "{uri} came back after its cursor"
        );
    }
    assert!(again.cursor.is_some());
}

#[tokio::test]
async fn more_new_than_the_cap_is_a_gap_not_a_silent_loss() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let bob = login(&pds, peers::BSKY_BOB).await;
    let marker = format!("gap-{}", Tid::now());
    // A post already seen, so there is a cursor to fall short of (on a fresh PDS the first
    // read would otherwise see nothing and promise nothing).
    let before = post(&bob, &format!("before {marker}"), None).await.uri;
    let since = read_until(&alice, None, &[before.as_str()]).await.cursor;
    assert!(since.is_some());
    let mut uris = Vec::new();
    for i in 0..3 {
        uris.push(post(&bob, &format!("第{i}条 {marker}"), None).await.uri);
    }
    let refs: Vec<&str> = uris.iter().map(String::as_str).collect();
    read_until(&alice, since.clone(), &refs).await;

    let capped = alice
        .following_timeline(&request(since.clone(), 2))
        .await
        .unwrap();
    assert_eq!(capped.posts.len(), 2);
    assert!(
        !capped.reached_since,
        "two of three new posts: the rest is a gap"
    );
    // Where the cap cut: a page (the top, or the next one the AppView's cursor names) and
    // how many of its entries were taken.
    let resume = capped.resume.as_deref().unwrap_or_default();
    assert!(resume.starts_with("v2 "), "{resume}");

    // Loading the gap: that page again, past what was taken, down to where the cursor was.
    let rest = alice
        .following_timeline(&TimelineRequest {
            since,
            max_posts: 200,
            resume: capped.resume.clone(),
        })
        .await
        .unwrap();
    let got: Vec<&str> = rest.posts.iter().map(|p| p.remote_id.as_str()).collect();
    assert!(
        got.contains(&uris[0].as_str()),
        "the one the cap left: {got:?}"
    );
    // Passed over by time, so posts another test adds meanwhile don't shift what was taken.
    if capped.posts.iter().any(|p| p.remote_id == uris[2]) {
        assert!(
            !got.contains(&uris[2].as_str()),
            "the newest was taken already: {got:?}"
        );
    }
}

#[tokio::test]
async fn a_dead_session_is_an_auth_error_naming_sign_in() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let session = BlueskySession {
        did: alice.did().await,
        handle: "alice.test".into(),
        access_jwt: Secret::new("not-a-token"),
        refresh_jwt: Secret::new("not-a-token-either"),
    };
    let dead = BlueskyClient::resume(&pds, session).unwrap();
    let err = dead
        .following_timeline(&request(None, 10))
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");
    assert!(!err.to_string().contains("not-a-token"), "{err}");
}
