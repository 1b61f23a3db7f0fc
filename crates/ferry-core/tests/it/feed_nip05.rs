//! Nostr authors' domains, proven through NIP-05 against a real relay and nginx: a followed
//! author whose profile claims `_@lin.example` shows the domain once the domain's
//! `/.well-known/nostr.json` lists their key; one whose domain lists another key, and one with
//! a named identifier (`lin@lin.example`, which says nothing about who owns the domain), show
//! none; and a second refresh asks no domain again.

use std::time::Duration;

use crate::publish_support::*;
use ferry_core::accounts::NostrKey;
use ferry_core::feed::{ItemQuery, SourceKind};
use ferry_networks::nostr::client::publish;
use ferry_networks::rss::SourceHealth;
use ferry_test_support::peers;
use nostr::event::FinalizeEvent;
use nostr::prelude::{EventBuilder, Keys, Kind, Tag};

#[tokio::test]
async fn a_root_nip05_domain_is_shown_once_the_domain_confirms_it() {
    let (Some(relay), Some(nginx)) = (peers::nostr_relay(), peers::feeds()) else {
        return;
    };
    let generated = peers::peer("FERRY_TEST_FEEDS_GENERATED").expect("nginx's generated folder");
    let log = peers::peer("FERRY_TEST_FEEDS_LOG").expect("nginx's access log");
    let Some(env) = env("nip05").await else {
        return;
    };
    let account_keys = Keys::generate();
    add_nostr_as(
        &env.accounts,
        &relay,
        NostrKey::Import(account_keys.secret_key().to_secret_hex()),
        &["zh-Hans", "en"],
    )
    .await;
    let relays = vec![relay.clone()];
    let tag = marker("nip05");
    // The domains' documents, all served from one folder: it lists the proven author as `_`.
    let (proven, other_key, named) = (Keys::generate(), Keys::generate(), Keys::generate());
    let folder = format!("{generated}/{tag}/.well-known");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        format!("{folder}/nostr.json"),
        serde_json::json!({"names": {"_": proven.public_key().to_hex(),
                                     "lin": named.public_key().to_hex()}})
        .to_string(),
    )
    .unwrap();
    let mut follows = Vec::new();
    for (keys, nip05, text) in [
        (&proven, "_@Lin.Example", "林的渡口"),
        (&other_key, "_@bo.example", "博的渡口"),
        (&named, "lin@lin.example", "named"),
    ] {
        let profile = serde_json::json!({"name": text, "nip05": nip05}).to_string();
        for event in [
            EventBuilder::new(Kind::Metadata, profile),
            EventBuilder::new(Kind::TextNote, format!("{text} {tag}")),
        ] {
            publish(
                &relays,
                &event.finalize(keys).unwrap(),
                Duration::from_secs(5),
            )
            .await
            .unwrap();
        }
        follows.push(Tag::parse(["p", &keys.public_key().to_hex()]).unwrap());
    }
    let contacts = EventBuilder::new(Kind::ContactList, "").tags(follows);
    publish(
        &relays,
        &contacts.finalize(&account_keys).unwrap(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();

    let origin = url::Url::parse(&format!("{nginx}/generated/{tag}/")).unwrap();
    let feeds = account_feeds(&env).with_nip05_origin(origin);
    let source = feeds
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.kind == SourceKind::Account && s.network == "nostr")
        .unwrap();
    let asked = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains(&format!("/generated/{tag}/.well-known/nostr.json?name=_")))
            .count()
    };
    for round in 0..2 {
        let report = feeds.refresh(&source.id).await.unwrap();
        assert_eq!(report.health, SourceHealth::Working, "{report:?}");
        let items = feeds
            .items(&ItemQuery {
                limit: 50,
                search: Some(tag.clone()),
                ..ItemQuery::default()
            })
            .await
            .unwrap();
        let domain_of = |text: &str| {
            let item = items.iter().find(|i| i.text.starts_with(text));
            item.unwrap_or_else(|| panic!("{text}: {items:#?}"))
                .author
                .domain
                .clone()
        };
        assert_eq!(
            domain_of("林的渡口").as_deref(),
            Some("lin.example"),
            "round {round}"
        );
        assert_eq!(domain_of("博的渡口"), None, "the domain lists another key");
        assert_eq!(
            domain_of("named"),
            None,
            "a named identifier proves no domain"
        );
        // Two root claims, asked once each, in the first round only (nginx writes its log
        // line when the answer is sent, before Ferry reads it).
        assert_eq!(asked(), 2, "round {round}");
    }
    env.cleanup().await;
}
