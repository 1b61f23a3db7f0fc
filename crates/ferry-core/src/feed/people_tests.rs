//! Linked people on a temp database: a person's Chinese post and its English twin on another
//! network become one card, a cross-post sharing a link too (an RSSHub feed beside a Mastodon
//! account), filters and search never lose the folded post, and unlinking separates them.

use chrono::{DateTime, TimeZone, Utc};
use ferry_networks::timeline::{PostAuthor, TimelinePost};

use super::items::{NewItem, store_items};
use super::model::ItemQuery;
use super::{Feeds, sources};
use crate::Store;

pub(super) fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, hour, minute, 0).unwrap()
}

pub(super) fn post(
    id: &str,
    author: Option<&str>,
    text: &str,
    lang: &str,
    when: DateTime<Utc>,
) -> TimelinePost {
    TimelinePost {
        remote_id: id.into(),
        author: PostAuthor {
            id: author.map(str::to_owned),
            name: Some("林 Lin".into()),
            handle: author.map(str::to_owned),
            avatar_url: None,
            verified_domains: Vec::new(),
            claimed_domain: None,
        },
        text: text.into(),
        lang: Some(lang.into()),
        published_at: when,
        ..TimelinePost::default()
    }
}

pub(super) async fn put(store: &Store, url: &str, network: &str, posts: &[TimelinePost]) -> String {
    let source = sources::insert(store, super::SourceKind::Rss, url, None)
        .await
        .unwrap()
        .id;
    put_into(store, &source, network, posts).await;
    source
}

/// Stores `posts` as a refresh of `source` would.
async fn put_into(store: &Store, source: &str, network: &str, posts: &[TimelinePost]) {
    let rows: Vec<_> = posts.iter().map(NewItem::from_post).collect();
    let mut tx = store.begin_write().await.unwrap();
    store_items(&mut tx, store, source, network, &rows, at(23, 0), 1000)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn listed(feeds: &Feeds, query: ItemQuery) -> Vec<(String, Vec<String>)> {
    feeds
        .items(&ItemQuery { limit: 50, ..query })
        .await
        .unwrap()
        .into_iter()
        .map(|i| (i.text, i.twins.into_iter().map(|t| t.text).collect()))
        .collect()
}

async fn id_of(feeds: &Feeds, text: &str) -> i64 {
    let all = feeds
        .items(&ItemQuery {
            limit: 50,
            ..ItemQuery::default()
        })
        .await
        .unwrap();
    all.iter()
        .flat_map(|i| {
            std::iter::once((i.id, i.text.clone()))
                .chain(i.twins.iter().map(|t| (t.id, t.text.clone())))
        })
        .find(|(_, t)| t == text)
        .unwrap()
        .0
}

const EN: &str = "The night ferry runs at nine tonight as usual";
const ZH: &str = "今晚九点的夜班渡轮照常开船";
const LATER: &str = "Fog at the pier this morning, boats are slow";

#[tokio::test]
async fn a_linked_persons_post_and_its_translation_are_one_card() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    put(
        &store,
        "https://example.social/@me",
        "mastodon",
        &[post("109", Some("lin@example.social"), EN, "en", at(9, 10))],
    )
    .await;
    put(
        &store,
        "https://bsky.app/profile/me",
        "bluesky",
        &[
            post("at://lin/1", Some("did:plc:lin"), ZH, "zh-Hans", at(9, 5)),
            post("at://lin/2", Some("did:plc:lin"), LATER, "en", at(11, 0)),
        ],
    )
    .await;
    assert_eq!(
        listed(&feeds, ItemQuery::default()).await.len(),
        3,
        "not linked yet"
    );

    let en = id_of(&feeds, EN).await;
    let zh = id_of(&feeds, ZH).await;
    let lin = feeds.link_person(&[en, zh], Some("林 Lin")).await.unwrap();
    assert_eq!(lin.authors.len(), 2);
    assert_eq!(feeds.people().await.unwrap(), vec![lin.clone()]);

    // The newest is the card; the Chinese post is inside it; the 11:00 post is another moment.
    assert_eq!(
        listed(&feeds, ItemQuery::default()).await,
        vec![
            (LATER.to_owned(), vec![]),
            (EN.to_owned(), vec![ZH.to_owned()])
        ]
    );
    let card = feeds.item(en).await.unwrap();
    assert_eq!(card.person.as_deref(), Some("林 Lin"));
    assert_eq!(card.also_on.len(), 1);
    assert_eq!(card.also_on[0].network, "bluesky");
    // A Chinese filter or a Chinese search still finds the Chinese post.
    let zh_only = ItemQuery {
        lang: Some("zh".into()),
        ..ItemQuery::default()
    };
    assert_eq!(listed(&feeds, zh_only).await, vec![(ZH.to_owned(), vec![])]);
    let search = ItemQuery {
        search: Some("渡轮".into()),
        ..ItemQuery::default()
    };
    assert_eq!(listed(&feeds, search).await, vec![(ZH.to_owned(), vec![])]);

    // Unlinked, they are three cards again.
    feeds.remove_person(&lin.id).await.unwrap();
    assert_eq!(listed(&feeds, ItemQuery::default()).await.len(), 3);
    let gone = feeds.remove_person(&lin.id).await.unwrap_err();
    assert_eq!(crate::Coded::code(&gone), "feed.no_person");
}

#[tokio::test]
async fn an_rsshub_creator_and_their_mastodon_cross_post_share_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let link = "冬季时刻表 https://example.org/ferry/winter?utm_source=weibo";
    put(
        &store,
        "https://rsshub.example/weibo/user/1195230310",
        "rss",
        &[post(
            "w1",
            None,
            &format!("微博：{link}"),
            "zh-Hans",
            at(8, 0),
        )],
    )
    .await;
    put(
        &store,
        "https://example.social/@me",
        "mastodon",
        &[
            post(
                "110",
                Some("lin@example.social"),
                "冬季时刻表出来了 https://www.example.org/ferry/winter/",
                "zh-Hans",
                at(10, 30),
            ),
            post(
                "111",
                Some("lin@example.social"),
                "另一件事，和渡轮无关的长消息",
                "zh-Hans",
                at(10, 40),
            ),
        ],
    )
    .await;
    let weibo = id_of(&feeds, &format!("微博：{link}")).await;
    let toot = id_of(
        &feeds,
        "冬季时刻表出来了 https://www.example.org/ferry/winter/",
    )
    .await;
    let person = feeds.link_person(&[weibo], None).await.unwrap();
    assert_eq!(person.name, "林 Lin", "named after the author");
    // Linking the Mastodon author to the same person merges into it.
    let merged = feeds.link_person(&[toot, weibo], None).await.unwrap();
    assert_eq!(merged.id, person.id);
    assert_eq!(merged.authors.len(), 2);
    assert_eq!(
        merged
            .authors
            .iter()
            .filter(|a| a.author_key.starts_with("source:"))
            .count(),
        1
    );

    let cards = listed(&feeds, ItemQuery::default()).await;
    assert_eq!(cards.len(), 2, "{cards:#?}");
    assert_eq!(
        cards[1].1,
        vec![format!("微博：{link}")],
        "the Weibo post is in the toot's card"
    );
    assert!(
        cards[0].1.is_empty(),
        "same language, no shared link: not a twin"
    );
}

#[tokio::test]
async fn an_author_ferry_cannot_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let mut anonymous = post("112", None, "no one knows who wrote this", "en", at(9, 0));
    anonymous.author.handle = None;
    put(
        &store,
        "https://example.social/@me",
        "mastodon",
        &[anonymous],
    )
    .await;
    let id = id_of(&feeds, "no one knows who wrote this").await;
    let refused = feeds.link_person(&[id], None).await.unwrap_err();
    assert_eq!(crate::Coded::code(&refused), "feed.not_linkable");
    let none = feeds.link_person(&[], None).await.unwrap_err();
    assert_eq!(crate::Coded::code(&none), "feed.bad_query");
    let missing = feeds.link_person(&[9999], None).await.unwrap_err();
    assert_eq!(crate::Coded::code(&missing), "feed.no_item");
}

#[tokio::test]
async fn authors_sharing_a_verified_domain_are_one_person_until_unlinked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let proven = |mut p: TimelinePost, domain: &str| {
        p.author.verified_domains = vec![domain.to_owned()];
        p
    };
    let toot = proven(
        post("109", Some("lin@example.social"), EN, "en", at(9, 10)),
        "lin.example",
    );
    put(&store, "https://example.social/@me", "mastodon", &[toot]).await;
    assert!(
        feeds.people().await.unwrap().is_empty(),
        "one author alone is no cross-link"
    );
    let skeet = proven(
        post("at://lin/1", Some("did:plc:lin"), ZH, "zh-Hans", at(9, 5)),
        "lin.example",
    );
    let stranger = proven(
        post("at://mei/1", Some("did:plc:mei"), LATER, "en", at(9, 0)),
        "mei.example",
    );
    let bluesky = put(
        &store,
        "https://bsky.app/profile/me",
        "bluesky",
        &[skeet.clone(), stranger],
    )
    .await;

    let people = feeds.people().await.unwrap();
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].name, "lin.example");
    assert_eq!(people[0].authors.len(), 2);
    assert_eq!(
        listed(&feeds, ItemQuery::default()).await,
        vec![
            (EN.to_owned(), vec![ZH.to_owned()]),
            (LATER.to_owned(), vec![])
        ]
    );

    // Unlinked by the user, the domain does not link them again on the next refresh.
    feeds.remove_person(&people[0].id).await.unwrap();
    put_into(&store, &bluesky, "bluesky", &[skeet]).await;
    assert!(feeds.people().await.unwrap().is_empty());
    assert_eq!(listed(&feeds, ItemQuery::default()).await.len(), 3);
}
