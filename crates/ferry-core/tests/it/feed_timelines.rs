//! The user's accounts as feed sources, against the real peers (`tests/peers/with-peers`) and
//! the real keychain: a Nostr account's follows read from a real relay into the cache, a
//! Mastodon account's home timeline from mastodon-mock, a Bluesky account's following timeline
//! from the reference PDS and AppView, and the user's own cross-post, published through the
//! outbox, shown once with where else it went.

use std::time::Duration;

use crate::publish_support::*;
use ferry_core::accounts::NostrKey;
use ferry_core::feed::{Interaction, ItemQuery, SourceKind};
use ferry_core::outbox::Publisher;
use ferry_networks::nostr::client::publish;
use ferry_networks::rss::SourceHealth;
use ferry_test_support::peers;
use nostr::event::FinalizeEvent;
use nostr::prelude::{EventBuilder, Keys, Kind, Tag};

fn page() -> ItemQuery {
    ItemQuery {
        limit: 50,
        ..ItemQuery::default()
    }
}

/// Publishes the draft to its targets through the outbox; every target must be posted.
async fn post_everywhere(env: &Env, draft_id: &str) {
    let status = Publisher::new(env.accounts.clone(), fast_config())
        .publish(request(draft_id, false))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(status.all_posted(), "{status:#?}");
}

#[tokio::test]
async fn accounts_are_sources_and_own_cross_posts_come_once() {
    let (Some(relay), Some(masto)) = (peers::nostr_relay(), peers::mastodon()) else {
        return;
    };
    let Some(env) = env("feedtl").await else {
        return;
    };
    // The account's key is made here and imported, so the test can sign its follow list.
    let account_keys = Keys::generate();
    let nostr = add_nostr_as(
        &env.accounts,
        &relay,
        NostrKey::Import(account_keys.secret_key().to_secret_hex()),
        &["zh-Hans", "en"],
    )
    .await;
    let mastodon = add_mastodon(&env.accounts, &masto, &["en"]).await;
    let relays = vec![relay.clone()];

    // Someone the account follows, and someone it doesn't.
    let (friend, stranger) = (Keys::generate(), Keys::generate());
    let tag = marker("tl");
    let note = |keys: &Keys, text: &str| {
        EventBuilder::new(Kind::TextNote, text)
            .finalize(keys)
            .unwrap()
    };
    let friends_note = note(&friend, &format!("今晚渡轮照常开 {tag}"));
    publish(&relays, &friends_note, Duration::from_secs(5))
        .await
        .unwrap();
    publish(
        &relays,
        &note(&stranger, &format!("spam {tag}")),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    // The account follows the friend and itself (so its own notes are in its timeline).
    let own_pubkey = nostr.remote_id.clone();
    let follows = EventBuilder::new(Kind::ContactList, "").tags([
        Tag::parse(["p", &friend.public_key().to_hex()]).unwrap(),
        Tag::parse(["p", &own_pubkey]).unwrap(),
    ]);
    publish(
        &relays,
        &follows.finalize(&account_keys).unwrap(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();

    // The user's own bilingual post, to Nostr and Mastodon through the outbox.
    let en = format!("Night ferry runs as usual {tag}");
    let draft = env
        .draft(
            &[("zh-Hans", &format!("夜班渡轮照常 {tag}")), ("en", &en)],
            &[&nostr, &mastodon],
        )
        .await;
    post_everywhere(&env, &draft.id).await;
    let feeds = account_feeds(&env);
    let sources = feeds.sources().await.unwrap();
    let account_sources: Vec<_> = sources
        .iter()
        .filter(|s| s.kind == SourceKind::Account)
        .collect();
    assert_eq!(account_sources.len(), 2, "{sources:#?}");
    let nostr_source = account_sources
        .iter()
        .find(|s| s.network == "nostr")
        .unwrap();
    assert_eq!(nostr_source.account_id.as_deref(), Some(nostr.id.as_str()));
    assert!(
        feeds.remove_source(&nostr_source.id).await.is_err(),
        "removed with the account only"
    );

    let report = feeds.refresh(&nostr_source.id).await.unwrap();
    assert_eq!(report.health, SourceHealth::Working, "{report:?}");

    let items = feeds
        .items(&ItemQuery {
            search: Some(tag.clone()),
            ..page()
        })
        .await
        .unwrap();
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.starts_with("今晚渡轮")), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.starts_with("spam")),
        "an unfollowed author: {texts:?}"
    );
    let friend_item = items
        .iter()
        .find(|i| i.text.starts_with("今晚渡轮"))
        .unwrap();
    assert_eq!(friend_item.network, "nostr");
    assert_eq!(friend_item.remote_id, friends_note.id.to_hex());
    assert_eq!(friend_item.lang.as_deref(), Some("zh-Hans"), "detected");
    assert!(!friend_item.liked && !friend_item.boosted);

    // Liked and boosted as the account, twice over: one reaction (kind 7) and one repost
    // (kind 6) naming the note on the relay.
    for _ in 0..2 {
        for kind in [Interaction::Like, Interaction::Boost] {
            feeds.interact(friend_item.id, kind).await.unwrap();
        }
    }
    let about_note = ferry_networks::nostr::client::query_events(
        &relays,
        serde_json::json!({"authors": [own_pubkey], "kinds": [6, 7], "#e": [friends_note.id.to_hex()]}),
        Duration::from_secs(10),
    )
    .await;
    let mut kinds: Vec<u16> = about_note.iter().map(|e| e.kind.as_u16()).collect();
    kinds.sort();
    assert_eq!(kinds, [6, 7], "{about_note:#?}");
    assert!(about_note.iter().any(|e| e.content == "+"));
    let now = feeds.item(friend_item.id).await.unwrap();
    assert!(now.liked && now.boosted, "{now:#?}");

    // The Mastodon account's home timeline, which holds its own status.
    let mastodon_source = account_sources
        .iter()
        .find(|s| s.network == "mastodon")
        .unwrap();
    let report = feeds.refresh(&mastodon_source.id).await.unwrap();
    assert_eq!(report.health, SourceHealth::Working, "{report:?}");
    assert!(report.new_items >= 1, "{report:?}");
    let on_mastodon = feeds
        .items(&ItemQuery {
            search: Some(tag.clone()),
            network: Some("mastodon".into()),
            ..page()
        })
        .await
        .unwrap();
    assert_eq!(on_mastodon.len(), 1, "{on_mastodon:#?}");
    assert_eq!(on_mastodon[0].text, en);
    // Favourited and boosted as the account, twice over: once each on the server.
    for _ in 0..2 {
        for kind in [Interaction::Like, Interaction::Boost] {
            feeds.interact(on_mastodon[0].id, kind).await.unwrap();
        }
    }
    for (list, what) in [("favourited_by", "favourite"), ("reblogged_by", "boost")] {
        let url = format!(
            "{masto}/api/v1/statuses/{}/{list}",
            on_mastodon[0].remote_id
        );
        let who: Vec<serde_json::Value> = reqwest::get(&url).await.unwrap().json().await.unwrap();
        assert_eq!(who.len(), 1, "one {what}: {who:#?}");
    }
    // Taken back, twice over: none left on the server, and the item says so.
    for _ in 0..2 {
        for kind in [Interaction::Like, Interaction::Boost] {
            feeds
                .undo_interaction(on_mastodon[0].id, kind)
                .await
                .unwrap();
        }
    }
    for list in ["favourited_by", "reblogged_by"] {
        let url = format!(
            "{masto}/api/v1/statuses/{}/{list}",
            on_mastodon[0].remote_id
        );
        let who: Vec<serde_json::Value> = reqwest::get(&url).await.unwrap().json().await.unwrap();
        assert_eq!(who, Vec::<serde_json::Value>::new(), "{list}");
    }
    let now = feeds.item(on_mastodon[0].id).await.unwrap();
    assert!(!now.liked && !now.boosted, "{now:#?}");
    // An item no longer in the cache is refused, naming it.
    let rss_like = feeds
        .interact(i64::MAX, Interaction::Like)
        .await
        .unwrap_err();
    assert_eq!(rss_like.code(), "feed.no_item");

    // The job went out three times (Nostr in Chinese and in English, Mastodon in English) and
    // all three are cached; the merged feed shows it once, saying where else it went.
    let items = feeds
        .items(&ItemQuery {
            search: Some(tag.clone()),
            ..page()
        })
        .await
        .unwrap();
    let own: Vec<_> = items.iter().filter(|i| !i.also_on.is_empty()).collect();
    assert_eq!(own.len(), 1, "{items:#?}");
    let mut elsewhere: Vec<&str> = own[0].also_on.iter().map(|a| a.network.as_str()).collect();
    elsewhere.sort();
    let expected = if own[0].network == "mastodon" {
        vec!["nostr", "nostr"]
    } else {
        vec!["mastodon", "nostr"]
    };
    assert_eq!(elsewhere, expected, "{:#?}", own[0]);
    assert!(own[0].also_on.iter().all(|a| a.url.is_some()));
    assert_eq!(
        items.len(),
        2,
        "the friend's note and the one card: {items:#?}"
    );

    // A second refresh brings nothing twice.
    let again = feeds.refresh(&nostr_source.id).await.unwrap();
    assert_eq!(again.new_items, 0, "{again:?}");
    let again = feeds.refresh(&mastodon_source.id).await.unwrap();
    assert_eq!(again.new_items, 0, "{again:?}");

    // Deletions (NIP-09): the friend withdraws their note and it leaves the cache; a kind 5
    // naming the friend's other note, but signed by someone else the account follows (here
    // the account itself), does not remove it.
    let second = note(&friend, &format!("第二条 second note {tag}"));
    publish(&relays, &second, Duration::from_secs(5))
        .await
        .unwrap();
    feeds.refresh(&nostr_source.id).await.unwrap();
    let deletion = |keys: &Keys, of: &nostr::prelude::Event| {
        EventBuilder::new(Kind::EventDeletion, "")
            .tags([Tag::parse(["e", &of.id.to_hex()]).unwrap()])
            .finalize(keys)
            .unwrap()
    };
    for event in [
        deletion(&friend, &friends_note),
        deletion(&account_keys, &second),
    ] {
        publish(&relays, &event, Duration::from_secs(5))
            .await
            .unwrap();
    }
    let report = feeds.refresh(&nostr_source.id).await.unwrap();
    assert_eq!(report.health, SourceHealth::Working, "{report:?}");
    let left: Vec<String> = feeds
        .items(&ItemQuery {
            search: Some(tag.clone()),
            network: Some("nostr".into()),
            ..page()
        })
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.remote_id)
        .collect();
    assert!(
        !left.contains(&friends_note.id.to_hex()),
        "withdrawn by its author: {left:?}"
    );
    assert!(
        left.contains(&second.id.to_hex()),
        "a deletion by someone else is ignored: {left:?}"
    );

    // Removing the account removes its source and items.
    env.accounts.remove(&nostr.id).await.unwrap();
    assert!(
        feeds
            .sources()
            .await
            .unwrap()
            .iter()
            .all(|s| s.account_id.as_deref() != Some(nostr.id.as_str()))
    );
    env.cleanup().await;
}

/// A Bluesky account's following timeline, from the reference PDS and AppView (alice follows
/// bob): bob's post arrives with its author and language, and alice's own post, cross-posted
/// to Nostr by the outbox, is one card that says where else it went.
#[tokio::test]
async fn a_bluesky_account_reads_its_following_timeline() {
    use ferry_networks::bluesky::client::{BlueskyClient, NewPost, Tid};
    use ferry_networks::http::Secret;
    let (Some(pds), Some(relay)) = (peers::bluesky_pds(), peers::nostr_relay()) else {
        return;
    };
    let Some(env) = env("feedbsky").await else {
        return;
    };
    let alice = add_bluesky(&env.accounts, &pds, &["en"]).await;
    let nostr = add_nostr(&env.accounts, &relay, &["en"]).await;
    let tag = marker("bsky");

    let (handle, password) = peers::BSKY_BOB;
    let bob = BlueskyClient::login(&pds, handle, &Secret::new(password))
        .await
        .unwrap();
    let bobs_text = format!("渡口的早晨，雾很大。 {tag}");
    let bobs = NewPost {
        text: bobs_text.clone(),
        langs: vec!["zh-Hans".into()],
        ..NewPost::default()
    };
    let bobs = bob.publish_post(&bobs, &Tid::now()).await.unwrap();

    let en = format!("Foggy morning at the ferry {tag}");
    let draft = env.draft(&[("en", &en)], &[&alice, &nostr]).await;
    post_everywhere(&env, &draft.id).await;
    let feeds = account_feeds(&env);
    let sources = feeds.sources().await.unwrap();
    let source = sources
        .iter()
        .find(|s| s.network == "bluesky")
        .expect("the Bluesky account is a source");
    assert_eq!(source.account_id.as_deref(), Some(alice.id.as_str()));

    // The AppView indexes a moment after the PDS writes: refresh until both are there.
    let query = ItemQuery {
        search: Some(tag.clone()),
        network: Some("bluesky".into()),
        ..page()
    };
    let mut items = Vec::new();
    for _ in 0..40 {
        let report = feeds.refresh(&source.id).await.unwrap();
        assert_eq!(report.health, SourceHealth::Working, "{report:?}");
        items = feeds.items(&query).await.unwrap();
        if items.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(items.len(), 2, "bob's post and alice's own: {items:#?}");
    let bobs_item = items.iter().find(|i| i.text == bobs_text).unwrap();
    assert_eq!(bobs_item.remote_id, bobs.uri);
    assert_eq!(bobs_item.author.handle.as_deref(), Some("bob.test"));
    assert_eq!(bobs_item.lang.as_deref(), Some("zh-Hans"));

    // Liked and reposted as alice, twice over: one like and one repost record in her repo,
    // each naming bob's post by URI and CID.
    for _ in 0..2 {
        for kind in [Interaction::Like, Interaction::Boost] {
            feeds.interact(bobs_item.id, kind).await.unwrap();
        }
    }
    for collection in ["app.bsky.feed.like", "app.bsky.feed.repost"] {
        let url = format!(
            "{pds}/xrpc/com.atproto.repo.listRecords?repo={}&collection={collection}&limit=100",
            alice.remote_id
        );
        let page: serde_json::Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
        let naming: Vec<&serde_json::Value> = page["records"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["value"]["subject"]["uri"] == bobs.uri.as_str())
            .collect();
        assert_eq!(naming.len(), 1, "{collection}: {page:#?}");
        assert_eq!(naming[0]["value"]["subject"]["cid"], bobs.cid.as_str());
    }
    let now = feeds.item(bobs_item.id).await.unwrap();
    assert!(now.liked && now.boosted);
    // Taken back: both records deleted from alice's repo; a second undo sends nothing.
    for _ in 0..2 {
        for kind in [Interaction::Like, Interaction::Boost] {
            feeds.undo_interaction(bobs_item.id, kind).await.unwrap();
        }
    }
    for collection in ["app.bsky.feed.like", "app.bsky.feed.repost"] {
        let url = format!(
            "{pds}/xrpc/com.atproto.repo.listRecords?repo={}&collection={collection}&limit=100",
            alice.remote_id
        );
        let page: serde_json::Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
        let left = page["records"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["value"]["subject"]["uri"] == bobs.uri.as_str())
            .count();
        assert_eq!(left, 0, "{collection}: {page:#?}");
    }
    let now = feeds.item(bobs_item.id).await.unwrap();
    assert!(!now.liked && !now.boosted);
    let own = items.iter().find(|i| i.text == en).unwrap();
    let elsewhere: Vec<&str> = own.also_on.iter().map(|a| a.network.as_str()).collect();
    assert_eq!(elsewhere, ["nostr"], "{own:#?}");

    // Refreshing again brings neither twice.
    feeds.refresh(&source.id).await.unwrap();
    assert_eq!(feeds.items(&query).await.unwrap().len(), 2);
    env.cleanup().await;
}
