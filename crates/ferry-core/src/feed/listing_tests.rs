//! The cache's own rules, on a temp database: timeline posts stored once with their context,
//! the user's cross-post folded into one item, filters, and gaps. (Reading real timelines is
//! tested against real servers in tests/it/feed_timelines.rs.)

use chrono::{DateTime, TimeZone, Utc};
use ferry_networks::timeline::{PostAuthor, PostMedia, ReplyTo, TimelineFetch, TimelinePost};

use super::items::{NewItem, store_items};
use super::model::ItemQuery;
use super::{Feeds, sources};
use crate::Store;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 9, minute, 0).unwrap()
}

fn post(id: &str, text: &str, minute: u32) -> TimelinePost {
    TimelinePost {
        remote_id: id.into(),
        author: PostAuthor {
            id: None,
            name: Some("林 Lin".into()),
            handle: Some("lin@example.social".into()),
            avatar_url: Some("https://example.social/a.png".into()),
            verified_domains: Vec::new(),
            claimed_domain: None,
        },
        text: text.into(),
        published_at: at(minute),
        ..TimelinePost::default()
    }
}

/// A source row as an account's would be, without the account (the foreign key allows NULL
/// only for feeds, so these are plain feed sources holding timeline items).
async fn source(store: &Store, url: &str) -> String {
    sources::insert(store, super::SourceKind::Rss, url, None)
        .await
        .unwrap()
        .id
}

async fn put(store: &Store, source_id: &str, network: &str, posts: &[TimelinePost]) -> u32 {
    let rows: Vec<_> = posts.iter().map(NewItem::from_post).collect();
    let mut tx = store.begin_write().await.unwrap();
    let n = store_items(&mut tx, store, source_id, network, &rows, at(59), 1000)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    n
}

/// An outbox job that posted one draft to several networks, as the outbox records it.
async fn posted_job(store: &Store, job: &str, targets: &[(&str, &str, &str)]) {
    sqlx::query(
        "INSERT INTO publish_jobs (id, draft_id, draft_revision, created_at, updated_at) \
         VALUES (?, 'd1', 1, '2026-12-05T09:00:00Z', '2026-12-05T09:00:00Z')",
    )
    .bind(job)
    .execute(&store.pool)
    .await
    .unwrap();
    for (n, (network, remote_id, url)) in targets.iter().enumerate() {
        sqlx::query(
            "INSERT INTO outbox_targets (id, job_id, position, account_id, network, lang, state, \
             remote_id, remote_url, updated_at) \
             VALUES (?, ?, ?, 'acct', ?, 'en', 'posted', ?, ?, '2026-12-05T09:00:00Z')",
        )
        .bind(format!("{job}-{n}"))
        .bind(job)
        .bind(n as i64)
        .bind(network)
        .bind(remote_id)
        .bind(url)
        .execute(&store.pool)
        .await
        .unwrap();
    }
}

fn page() -> ItemQuery {
    ItemQuery {
        limit: 50,
        ..ItemQuery::default()
    }
}

#[tokio::test]
async fn timeline_posts_keep_their_context_and_come_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let home = source(&store, "https://example.social/@me").await;
    let mut boosted = post("200", "渡轮晚班照常开。", 10);
    boosted.boosted_by = Some(PostAuthor {
        id: None,
        name: Some("Ana".into()),
        handle: Some("ana@example.social".into()),
        avatar_url: None,
        verified_domains: Vec::new(),
        claimed_domain: None,
    });
    let mut reply = post("201", "Agreed! 👨‍👩‍👧", 11);
    reply.reply_to = Some(ReplyTo {
        remote_id: "200".into(),
        handle: Some("lin@example.social".into()),
        root_id: None,
    });
    reply.media = vec![PostMedia {
        url: "https://example.social/m/1.jpg".into(),
        alt: Some("渡口的日出".into()),
        kind: "image".into(),
    }];
    assert_eq!(
        put(&store, &home, "mastodon", &[reply.clone(), boosted.clone()]).await,
        2
    );
    // The same posts again (the next refresh overlaps): nothing new.
    assert_eq!(put(&store, &home, "mastodon", &[reply, boosted]).await, 0);

    let items = feeds.items(&page()).await.unwrap();
    assert_eq!(items.len(), 2);
    let (reply, boosted) = (&items[0], &items[1]);
    assert_eq!(reply.reply_to.as_ref().unwrap().remote_id, "200");
    assert_eq!(reply.media[0].alt.as_deref(), Some("渡口的日出"));
    assert_eq!(reply.author.handle.as_deref(), Some("lin@example.social"));
    assert_eq!(
        boosted.boosted_by.as_ref().unwrap().name.as_deref(),
        Some("Ana")
    );
    // Neither declared a language: the detector's answer is stored.
    assert_eq!(boosted.lang.as_deref(), Some("zh-Hans"));
    assert_eq!(reply.lang.as_deref(), Some("en"));

    // The same post cached by a second source of the same network is shown once.
    let other = source(&store, "https://example.social/@me2").await;
    put(
        &store,
        &other,
        "mastodon",
        &[post("200", "渡轮晚班照常开。", 10)],
    )
    .await;
    let items = feeds.items(&page()).await.unwrap();
    assert_eq!(
        items.iter().filter(|i| i.text.starts_with("渡轮")).count(),
        1
    );
    // …but each source still lists it when asked for alone.
    for id in [&home, &other] {
        let only = ItemQuery {
            source: Some(id.clone()),
            ..page()
        };
        assert!(
            feeds
                .items(&only)
                .await
                .unwrap()
                .iter()
                .any(|i| i.text.starts_with("渡轮"))
        );
    }
}

#[tokio::test]
async fn the_users_own_cross_post_is_one_item_with_also_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    posted_job(
        &store,
        "job1",
        &[
            ("mastodon", "300", "https://example.social/@me/300"),
            ("nostr", "ab12", "https://njump.me/ab12"),
            (
                "bluesky",
                "at://did:plc:me/app.bsky.feed.post/3k",
                "https://bsky.app/x",
            ),
        ],
    )
    .await;
    let home = source(&store, "https://example.social/@me").await;
    let follows = source(&store, "nostr:npub1me").await;
    put(
        &store,
        &home,
        "mastodon",
        &[post("300", "Sunrise at the pier", 20)],
    )
    .await;
    put(
        &store,
        &follows,
        "nostr",
        &[post("ab12", "Sunrise at the pier", 21)],
    )
    .await;
    put(
        &store,
        &follows,
        "nostr",
        &[post("cd34", "someone else", 22)],
    )
    .await;

    let items = feeds.items(&page()).await.unwrap();
    let mine: Vec<_> = items
        .iter()
        .filter(|i| i.text.starts_with("Sunrise"))
        .collect();
    assert_eq!(mine.len(), 1, "{items:#?}");
    // The newest copy stays; the other targets of the job are listed, cached or not.
    assert_eq!(mine[0].network, "nostr");
    let also: Vec<_> = mine[0].also_on.iter().map(|a| a.network.as_str()).collect();
    assert_eq!(also, ["mastodon", "bluesky"]);
    assert!(
        items
            .iter()
            .find(|i| i.text == "someone else")
            .unwrap()
            .also_on
            .is_empty()
    );

    // Filtered to Mastodon, the Mastodon copy is not hidden behind its Nostr twin.
    let mastodon = ItemQuery {
        network: Some("mastodon".into()),
        ..page()
    };
    let items = feeds.items(&mastodon).await.unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].remote_id, "300");
}

#[tokio::test]
async fn language_filter_takes_declared_and_detected_languages() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let home = source(&store, "https://example.social/@me").await;
    let mut declared = post("1", "short", 1);
    declared.lang = Some("zh-CN".into());
    put(
        &store,
        &home,
        "mastodon",
        &[
            declared,
            post("2", "日出", 2),
            post("3", "The night ferry still runs.", 3),
        ],
    )
    .await;
    let lang = |tag: &str| ItemQuery {
        lang: Some(tag.into()),
        ..page()
    };
    let zh: Vec<_> = feeds
        .items(&lang("zh"))
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.text)
        .collect();
    assert_eq!(zh, ["日出", "short"]);
    let en: Vec<_> = feeds
        .items(&lang("EN"))
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.text)
        .collect();
    assert_eq!(en, ["The night ferry still runs."]);
    // A search for a one-character Chinese word still works beside a filter.
    let search = ItemQuery {
        search: Some("日".into()),
        ..lang("zh")
    };
    assert_eq!(feeds.items(&search).await.unwrap().len(), 1);
}

#[tokio::test]
async fn pages_continue_after_an_item_and_the_media_filter_keeps_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let home = source(&store, "https://example.social/@me").await;
    let mut pictured = post("2", "渡口的照片", 2);
    pictured.media = vec![PostMedia {
        url: "https://example.social/m/2.jpg".into(),
        alt: Some("渡口".into()),
        kind: "image".into(),
    }];
    // Two posts in the same minute: the cursor orders them by id too.
    put(
        &store,
        &home,
        "mastodon",
        &[
            post("1", "first", 1),
            pictured,
            post("3", "third", 3),
            post("4", "fourth", 3),
        ],
    )
    .await;
    let texts = |items: Vec<super::FeedItem>| items.into_iter().map(|i| i.text).collect::<Vec<_>>();
    let all = feeds.items(&page()).await.unwrap();
    let ids: Vec<i64> = all.iter().map(|i| i.id).collect();
    assert_eq!(texts(all), ["fourth", "third", "渡口的照片", "first"]);
    let after = |before: i64| ItemQuery {
        before: Some(before),
        limit: 2,
        ..page()
    };
    assert_eq!(
        texts(feeds.items(&after(ids[0])).await.unwrap()),
        ["third", "渡口的照片"]
    );
    assert_eq!(texts(feeds.items(&after(ids[2])).await.unwrap()), ["first"]);
    assert!(feeds.items(&after(ids[3])).await.unwrap().is_empty());
    let media = ItemQuery {
        media: true,
        ..page()
    };
    assert_eq!(texts(feeds.items(&media).await.unwrap()), ["渡口的照片"]);
}

#[tokio::test]
async fn a_refresh_that_fell_short_records_a_gap() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let home = source(&store, "https://example.social/@me").await;
    let fetch = TimelineFetch {
        posts: vec![post("9", "newest", 30)],
        cursor: Some("9".into()),
        reached_since: false,
        withdrawn: Vec::new(),
        resume: Some("9".into()),
    };
    let gap = super::account_refresh::gap_for_test(&fetch, Some("3"), Some("2026-12-05T09:05:00Z"));
    let mut tx = store.begin_write().await.unwrap();
    sources::record_timeline(&mut tx, &store, &home, Some("9"), gap, at(59))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let source = feeds.source(&home).await.unwrap();
    assert_eq!(source.gaps.len(), 1);
    assert_eq!(source.gaps[0].newer_than, Some(at(5)));
    assert_eq!(source.gaps[0].older_than, at(30));
    assert!(source.gaps[0].loadable, "it knows where to go on from");
    // A first refresh, or one that reached the cursor, leaves none.
    assert!(super::account_refresh::gap_for_test(&fetch, None, None).is_none());
    let whole = TimelineFetch {
        reached_since: true,
        ..fetch
    };
    assert!(super::account_refresh::gap_for_test(&whole, Some("3"), None).is_none());

    // Dismissed: gone, and a second dismissal names it as unknown.
    let id = source.gaps[0].id;
    feeds.forget_gap(id).await.unwrap();
    assert!(feeds.source(&home).await.unwrap().gaps.is_empty());
    assert_eq!(
        feeds.forget_gap(id).await.unwrap_err().code(),
        "feed.no_gap"
    );
    assert_eq!(feeds.load_gap(id).await.unwrap_err().code(), "feed.no_gap");

    // A gap recorded before gaps could be loaded (no cursor kept) can only be dismissed.
    sqlx::query(
        "INSERT INTO feed_gaps (source_id, newer_than, older_than, found_at) \
         VALUES (?, NULL, '2026-12-05T09:30:00Z', '2026-12-05T09:59:00Z')",
    )
    .bind(&home)
    .execute(&store.pool)
    .await
    .unwrap();
    let old = feeds.source(&home).await.unwrap().gaps[0].clone();
    assert!(!old.loadable);
    let err = feeds.load_gap(old.id).await.unwrap_err();
    assert_eq!(err.code(), "feed.gap_not_loadable");
    assert!(err.to_string().contains("forget-gap"), "{err}");
    feeds.forget_gap(old.id).await.unwrap();
}

/// The timeline migration rebuilds both feed tables; a user's feeds and their cached items
/// must come through it intact, with the foreign key still cascading.
#[tokio::test]
async fn feeds_and_items_survive_the_timeline_migration() {
    use sqlx::migrate::Migrator;
    use sqlx::sqlite::SqliteConnectOptions;
    use std::borrow::Cow;

    let dir = tempfile::tempdir().unwrap();
    let all = sqlx::migrate!("./migrations");
    let before = Migrator {
        migrations: Cow::Owned(
            all.migrations
                .iter()
                .filter(|m| m.version < 20261218000000)
                .cloned()
                .collect(),
        ),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    };
    let options = SqliteConnectOptions::new()
        .filename(dir.path().join("ferry.db"))
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    before.run(&pool).await.unwrap();
    sqlx::query(
        "INSERT INTO feed_sources (id, kind, url, title, next_fetch_at, health, created_at, \
         updated_at) VALUES ('s1', 'rsshub', 'https://rsshub.example/weibo/user/1', '微博', \
         '2026-12-05T10:00:00Z', 'working', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO feed_items (source_id, remote_id, author_name, text, html, lang, \
         published_at, fetched_at) VALUES ('s1', 'r1', '小红', '渡口的日出', '<p>渡口的日出</p>', \
         'zh-CN', '2026-12-04T22:00:00Z', '2026-12-05T09:00:00Z')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let sources = feeds.sources().await.unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].title.as_deref(), Some("微博"));
    assert_eq!(sources[0].network, "rss");
    assert_eq!(sources[0].items, 1);
    let items = feeds.items(&page()).await.unwrap();
    assert_eq!(items[0].text, "渡口的日出");
    assert_eq!(items[0].lang.as_deref(), Some("zh-CN"));
    assert!(items[0].media.is_empty());
    feeds.remove_source("s1").await.unwrap();
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM feed_items")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "removing a source still removes its items");
}

#[tokio::test]
async fn an_item_brought_to_the_other_audience_is_a_saved_draft() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let home = source(&store, "https://example.social/@me").await;
    let mut item = post("5", "夜班渡轮照常开。", 1);
    item.url = Some("https://example.social/@lin/5".into());
    put(&store, &home, "mastodon", &[item]).await;
    let id = feeds.items(&page()).await.unwrap()[0].id;
    let draft = feeds.bring_to_other_audience(id).await.unwrap();
    let stored = store.get_draft(&draft.id).await.unwrap();
    let variants: Vec<(&str, &str)> = stored
        .content
        .variants
        .iter()
        .map(|v| (v.lang.as_str(), v.text.as_str()))
        .collect();
    assert_eq!(
        variants,
        [
            ("en", "\n\nhttps://example.social/@lin/5"),
            (
                "zh-Hans",
                "「夜班渡轮照常开。」\n— 林 Lin\nhttps://example.social/@lin/5"
            ),
        ]
    );
    assert_eq!(
        feeds
            .bring_to_other_audience(id + 100)
            .await
            .unwrap_err()
            .code(),
        "feed.no_item"
    );
}
