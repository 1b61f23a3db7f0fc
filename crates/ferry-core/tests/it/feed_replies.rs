//! Replying from the feed, against the real peers: a draft started from a cached item answers
//! it on its own network, as the account whose timeline brought it — a Bluesky reply record
//! naming the conversation's root and the post answered (each by URI and CID), a Nostr note
//! with NIP-10 `root`/`reply` tags and a `p` tag for the author, a Mastodon status with
//! `in_reply_to_id`. A reply split into a thread keeps its later parts inside the conversation.

use std::time::Duration;

use crate::publish_support::*;
use ferry_core::feed::{FeedItem, Feeds, ItemQuery};
use ferry_core::model::{DraftEdit, Variant};
use ferry_core::outbox::{PublishRequest, Publisher};
use ferry_core::{Draft, LangTag};
use ferry_networks::nostr::client::publish;
use ferry_test_support::peers;
use nostr::event::FinalizeEvent;
use nostr::prelude::{EventBuilder, Keys, Kind, Tag};
use serde_json::Value;

/// Refreshes the account's source until an item containing `text` is cached.
async fn cached(feeds: &Feeds, network: &str, text: &str) -> FeedItem {
    let source = feeds
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.network == network)
        .expect("the account is a source");
    let query = ItemQuery {
        limit: 50,
        search: Some(text.to_owned()),
        network: Some(network.to_owned()),
        ..ItemQuery::default()
    };
    for _ in 0..40 {
        feeds.refresh(&source.id).await.unwrap();
        if let Some(item) = feeds.items(&query).await.unwrap().into_iter().next() {
            return item;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("{text:?} never reached the {network} timeline");
}

/// Writes the reply's text over what `start_reply` put there.
async fn write(env: &Env, draft: &Draft, text: &str) -> Draft {
    let lang = draft.content.variants[0].lang.clone();
    env.accounts
        .store()
        .save_draft(DraftEdit {
            id: draft.id.clone(),
            base_revision: draft.revision,
            variants: vec![Variant {
                lang,
                text: text.to_owned(),
            }],
            overrides: Vec::new(),
            targets: draft.content.targets.clone(),
            topics: Vec::new(),
            attachments: Vec::new(),
        })
        .await
        .unwrap()
        .draft
}

async fn post(env: &Env, request: PublishRequest) {
    let status = Publisher::new(env.accounts.clone(), fast_config())
        .publish(request)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(status.all_posted(), "{status:#?}");
}

#[tokio::test]
async fn a_bluesky_reply_names_the_root_and_its_thread_stays_in_the_conversation() {
    use ferry_networks::bluesky::client::{BlueskyClient, NewPost, ReplyRef, StrongRef, Tid};
    use ferry_networks::http::Secret;
    let (Some(pds), Some(relay)) = (peers::bluesky_pds(), peers::nostr_relay()) else {
        return;
    };
    let Some(env) = env("replybsky").await else {
        return;
    };
    let alice = add_bluesky(&env.accounts, &pds, &["en", "zh-Hans"]).await;
    let nostr = add_nostr(&env.accounts, &relay, &["en"]).await;
    let tag = marker("rbsky");

    // Bob starts a conversation and answers himself; alice sees the answer in her timeline.
    let (handle, password) = peers::BSKY_BOB;
    let bob = BlueskyClient::login(&pds, handle, &Secret::new(password))
        .await
        .unwrap();
    let root = bob
        .publish_post(
            &NewPost {
                text: format!("Ferry schedule thread {tag}"),
                ..NewPost::default()
            },
            &Tid::now(),
        )
        .await
        .unwrap();
    let root_ref = StrongRef {
        uri: root.uri.clone(),
        cid: root.cid.clone(),
    };
    let answer_text = format!("晚班渡轮改到九点 {tag}");
    let answer = bob
        .publish_post(
            &NewPost {
                text: answer_text.clone(),
                langs: vec!["zh-Hans".into()],
                reply: Some(ReplyRef {
                    root: root_ref.clone(),
                    parent: root_ref.clone(),
                }),
                ..NewPost::default()
            },
            &Tid::now(),
        )
        .await
        .unwrap();

    let feeds = account_feeds(&env);
    let item = cached(&feeds, "bluesky", &answer_text).await;
    assert!(
        feeds.start_reply(item.id).await.is_ok(),
        "answerable from the feed"
    );
    let draft = feeds.start_reply(item.id).await.unwrap();
    let reply = draft.content.reply_to.clone().expect("a reply target");
    assert_eq!(reply.remote_id, answer.uri);
    assert_eq!(reply.account_id, alice.id);
    assert_eq!(reply.root_id.as_deref(), Some(root.uri.as_str()));
    assert_eq!(
        draft.content.variants[0].lang,
        LangTag::parse("zh-Hans").unwrap(),
        "the conversation's language, which alice's audience reads"
    );
    // Started twice, it is the same draft: one reply in the making per post.
    assert_eq!(feeds.start_reply(item.id).await.unwrap().id, draft.id);

    // Long enough (390 characters) to be a thread of two posts.
    let text = format!("{tag} {}", "好的，我们九点在渡口等你。".repeat(30));
    let draft = write(&env, &draft, &text).await;
    assert!(draft.content.reply_to.is_some(), "a save keeps the reply");

    // A reply goes nowhere else: asked to post it to the Nostr account, the outbox refuses.
    let Err(elsewhere) = Publisher::new(env.accounts.clone(), fast_config())
        .publish(PublishRequest {
            to: vec![nostr.id.clone()],
            ..request(&draft.id, true)
        })
        .await
    else {
        panic!("a reply posted to another account");
    };
    assert_eq!(
        ferry_core::Coded::code(&elsewhere),
        "outbox.reply_elsewhere"
    );

    post(&env, request(&draft.id, true)).await;
    // Alice's posts in bob's conversation (the marker is in the first part only).
    let mut parts: Vec<Value> = bluesky_posts(&pds, &alice.remote_id, "")
        .await
        .into_iter()
        .filter(|p| p["value"]["reply"]["root"]["uri"] == root.uri.as_str())
        .collect();
    // The first part is the one that answers bob; the second answers the first.
    parts.sort_by_key(|p| p["value"]["reply"]["parent"]["uri"] != answer.uri.as_str());
    assert_eq!(parts.len(), 2, "a thread of two: {parts:#?}");
    let reply_of = |p: &Value, which: &str| {
        (
            p["value"]["reply"][which]["uri"]
                .as_str()
                .unwrap()
                .to_owned(),
            p["value"]["reply"][which]["cid"]
                .as_str()
                .unwrap()
                .to_owned(),
        )
    };
    for part in &parts {
        assert_eq!(
            reply_of(part, "root"),
            (root.uri.clone(), root.cid.clone()),
            "every part sits in bob's conversation"
        );
    }
    assert_eq!(reply_of(&parts[0], "parent"), (answer.uri, answer.cid));
    assert_eq!(
        reply_of(&parts[1], "parent").0,
        parts[0]["uri"].as_str().unwrap(),
        "the second part answers the first"
    );
    assert!(
        nostr_notes(&relay, &nostr.remote_id)
            .await
            .iter()
            .all(|e| !e.content.contains(&tag)),
        "nothing went to the other account"
    );

    // Dropped, the reply is a post of its own again.
    let own = env
        .accounts
        .store()
        .set_reply(&draft.id, None)
        .await
        .unwrap();
    assert!(own.draft.content.reply_to.is_none());
    env.cleanup().await;
}

#[tokio::test]
async fn a_nostr_reply_tags_the_root_the_note_and_its_author() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let Some(env) = env("replynostr").await else {
        return;
    };
    let account_keys = Keys::generate();
    let nostr = env
        .accounts
        .add_nostr(ferry_core::accounts::AddNostr {
            key: ferry_core::accounts::NostrKey::Import(account_keys.secret_key().to_secret_hex()),
            relays: vec![ferry_core::accounts::Relay {
                url: relay.clone(),
                read: true,
                write: true,
            }],
            audience: langs(&["en"]),
        })
        .await
        .unwrap()
        .account;
    let relays = vec![relay.clone()];
    let friend = Keys::generate();
    let tag = marker("rnostr");
    let root = EventBuilder::new(Kind::TextNote, format!("Who takes the night ferry? {tag}"))
        .finalize(&friend)
        .unwrap();
    let answer_text = format!("I do, every Friday {tag}");
    let answer = EventBuilder::new(Kind::TextNote, answer_text.clone())
        .tags([
            Tag::parse(["e", &root.id.to_hex(), "", "root"]).unwrap(),
            Tag::parse(["p", &friend.public_key().to_hex()]).unwrap(),
        ])
        .finalize(&friend)
        .unwrap();
    for event in [&root, &answer] {
        publish(&relays, event, Duration::from_secs(5))
            .await
            .unwrap();
    }
    let follows = EventBuilder::new(Kind::ContactList, "").tags([Tag::parse([
        "p",
        &friend.public_key().to_hex(),
    ])
    .unwrap()]);
    publish(
        &relays,
        &follows.finalize(&account_keys).unwrap(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();

    let feeds = account_feeds(&env);
    let item = cached(&feeds, "nostr", &answer_text).await;
    let draft = feeds.start_reply(item.id).await.unwrap();
    let reply = draft.content.reply_to.clone().unwrap();
    assert_eq!(
        reply.root_id,
        Some(root.id.to_hex()),
        "read from the root tag"
    );
    assert_eq!(reply.author_id, Some(friend.public_key().to_hex()));
    let mine = format!("Count me in {tag}");
    let draft = write(&env, &draft, &mine).await;
    post(&env, request(&draft.id, true)).await;

    let notes = nostr_notes(&relay, &nostr.remote_id).await;
    let sent: Vec<_> = notes.iter().filter(|e| e.content == mine).collect();
    assert_eq!(sent.len(), 1, "{notes:#?}");
    let tags: Vec<Vec<String>> = sent[0].tags.iter().map(|t| t.as_slice().to_vec()).collect();
    let e_tags: Vec<(&str, &str)> = tags
        .iter()
        .filter(|t| t[0] == "e")
        .map(|t| (t[1].as_str(), t.get(3).map_or("", String::as_str)))
        .collect();
    let (root_id, answer_id) = (root.id.to_hex(), answer.id.to_hex());
    assert_eq!(
        e_tags,
        [(root_id.as_str(), "root"), (answer_id.as_str(), "reply")],
        "{tags:?}"
    );
    assert!(
        tags.iter()
            .any(|t| t[0] == "p" && t[1] == friend.public_key().to_hex()),
        "the author is told: {tags:?}"
    );
    env.cleanup().await;
}

#[tokio::test]
async fn a_mastodon_reply_answers_the_status_and_mentions_its_author() {
    let Some(masto) = peers::mastodon() else {
        return;
    };
    let Some(env) = env("replymasto").await else {
        return;
    };
    let mastodon = add_mastodon(&env.accounts, &masto, &["en"]).await;
    let tag = marker("rmasto");
    // The account's own status is in its home timeline; a reply to it is a thread of one's own.
    let first = format!("Ferry timetable for December {tag}");
    let draft = env.draft(&[("en", &first)], &[&mastodon]).await;
    post(&env, request(&draft.id, false)).await;

    let feeds = account_feeds(&env);
    let item = cached(&feeds, "mastodon", &first).await;
    let draft = feeds.start_reply(item.id).await.unwrap();
    let opening = &draft.content.variants[0].text;
    let handle = item.author.handle.clone().unwrap();
    assert_eq!(opening, &format!("@{} ", handle.trim_start_matches('@')));
    let text = format!("{opening}Correction: the 9pm boat is back {tag}");
    let draft = write(&env, &draft, &text).await;
    post(&env, request(&draft.id, false)).await;

    let statuses = mastodon_statuses(&masto, &mastodon.remote_id, &tag).await;
    let answered = statuses
        .iter()
        .find(|s| {
            s["content"]
                .as_str()
                .is_some_and(|c| c.contains("Correction"))
        })
        .expect("the reply was posted");
    assert_eq!(
        answered["in_reply_to_id"].as_str(),
        Some(item.remote_id.as_str())
    );
    env.cleanup().await;
}
