//! The merged feed engine on a temporary database, against nginx serving the fixture feeds
//! (tests/peers/nginx, started by tests/peers/with-peers as FERRY_TEST_FEEDS): add, refresh,
//! a second refresh that is a 304 and adds nothing, retention, search, health, remove.

use ferry_core::Store;
use ferry_core::feed::{FeedError, Feeds, ItemQuery};
use ferry_networks::rss::{Platform, SourceHealth};
use ferry_test_support::peers;

async fn engine() -> Option<(tempfile::TempDir, Feeds, String)> {
    let base = peers::feeds()?;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    Some((dir, Feeds::new(store).unwrap(), base))
}

fn page(limit: u32, search: Option<&str>) -> ItemQuery {
    ItemQuery {
        limit,
        offset: 0,
        search: search.map(str::to_owned),
        ..ItemQuery::default()
    }
}

fn code<T: std::fmt::Debug>(result: Result<T, FeedError>) -> &'static str {
    result.unwrap_err().code()
}

#[tokio::test]
async fn add_refresh_dedupe_merge_and_remove() {
    let Some((_dir, feeds, base)) = engine().await else {
        return;
    };
    let rss = feeds.add_source(&format!("{base}/rss.rss")).await.unwrap();
    let atom = feeds
        .add_source(&format!("{base}/atom.atom"))
        .await
        .unwrap();
    let json = feeds
        .add_source(&format!("{base}/feed.json"))
        .await
        .unwrap();
    assert_eq!(rss.health, None, "not refreshed yet");
    assert_eq!(
        code(feeds.add_source(&format!("{base}/rss.rss")).await),
        "feed.duplicate"
    );

    let reports = feeds.refresh_due().await.unwrap();
    let new: Vec<_> = reports.iter().map(|r| (r.health, r.new_items)).collect();
    assert_eq!(
        new,
        [
            (SourceHealth::Working, 5),
            (SourceHealth::Working, 2),
            (SourceHealth::Working, 2)
        ]
    );
    // Nothing is due right after a refresh.
    assert!(feeds.refresh_due().await.unwrap().is_empty());

    // A forced second refresh sends the validators: nginx answers 304, nothing is added.
    let again = feeds.refresh(&rss.id).await.unwrap();
    assert_eq!(
        (again.health, again.new_items),
        (SourceHealth::NotModified, 0)
    );
    let listed = feeds.source(&rss.id).await.unwrap();
    assert_eq!(listed.title.as_deref(), Some("渡口日报 Ferry Daily"));
    assert_eq!(listed.health, Some(SourceHealth::NotModified));
    assert_eq!(listed.items, 5);
    // The feed's <ttl> of 90 minutes outweighs Ferry's hourly interval.
    let wait = listed.next_fetch_at - listed.last_fetched_at.unwrap();
    assert_eq!(wait.num_minutes(), 90);

    // Merged, newest first; the RSS item without a date got its fetch time, so it is first.
    let all = feeds.items(&page(100, None)).await.unwrap();
    assert_eq!(all.len(), 9);
    assert_eq!(all[0].title.as_deref(), Some("Neither GUID nor link"));
    let dates: Vec<_> = all.iter().map(|i| i.published_at).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let sunrise = all
        .iter()
        .find(|i| i.title.as_deref() == Some("日出 · 渡口的早晨"))
        .unwrap();
    assert_eq!(sunrise.network, "rss");
    assert_eq!(sunrise.source.id, rss.id);
    assert_eq!(sunrise.lang.as_deref(), Some("zh-Hans"));
    assert!(
        all.iter()
            .all(|i| !i.html.as_deref().unwrap_or("").contains("script"))
    );

    // Search: one- and two-character Chinese words, Latin words in any case, words combined.
    let titles = |items: Vec<ferry_core::feed::FeedItem>| -> Vec<String> {
        items.into_iter().filter_map(|i| i.title).collect()
    };
    assert_eq!(
        titles(feeds.items(&page(50, Some("日出"))).await.unwrap()),
        ["日出 · 渡口的早晨"]
    );
    assert_eq!(feeds.items(&page(50, Some("渡"))).await.unwrap().len(), 3);
    assert_eq!(
        titles(feeds.items(&page(50, Some("HARBOUR 🏳️‍🌈"))).await.unwrap()),
        ["Bold title"]
    );
    assert!(
        feeds
            .items(&page(50, Some("100%")))
            .await
            .unwrap()
            .is_empty()
    );

    // Paging.
    let second = feeds
        .items(&ItemQuery {
            limit: 4,
            offset: 4,
            search: None,
            ..ItemQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        second.iter().map(|i| i.id).collect::<Vec<_>>(),
        all[4..8].iter().map(|i| i.id).collect::<Vec<_>>()
    );
    assert_eq!(code(feeds.items(&page(0, None)).await), "feed.bad_query");

    // Removing a source takes its items with it.
    feeds.remove_source(&atom.id).await.unwrap();
    assert_eq!(feeds.items(&page(100, None)).await.unwrap().len(), 7);
    assert_eq!(code(feeds.remove_source(&atom.id).await), "feed.not_found");
    assert_eq!(code(feeds.refresh(&atom.id).await), "feed.not_found");
    assert_eq!(feeds.sources().await.unwrap().len(), 2);
    let _ = json;
}

#[tokio::test]
async fn retention_keeps_the_newest_per_source() {
    let Some((_dir, feeds, base)) = engine().await else {
        return;
    };
    assert_eq!(feeds.retention().await.unwrap(), 1000);
    let many = feeds.add_source(&format!("{base}/many.rss")).await.unwrap();
    feeds.set_retention(4).await.unwrap();
    let first = feeds.refresh(&many.id).await.unwrap();
    assert_eq!(first.new_items, 4, "six in the feed, four kept");
    let kept: Vec<_> = feeds
        .items(&page(10, None))
        .await
        .unwrap()
        .into_iter()
        .filter_map(|i| i.title)
        .collect();
    assert_eq!(kept, ["six", "five", "four", "three"]);
    // Shrinking the setting trims at once.
    assert_eq!(feeds.set_retention(2).await.unwrap(), 2);
    assert_eq!(feeds.source(&many.id).await.unwrap().items, 2);
    assert_eq!(code(feeds.set_retention(0).await), "feed.bad_retention");
    assert_eq!(feeds.retention().await.unwrap(), 2);
}

#[tokio::test]
async fn failing_sources_get_a_health_state_and_back_off() {
    let Some((_dir, feeds, base)) = engine().await else {
        return;
    };
    let mut ids = Vec::new();
    for name in [
        "limited.rss",
        "forbidden.rss",
        "not-a-feed.html",
        "huge.xml",
        "missing.rss",
        "rss.rss",
    ] {
        ids.push(
            feeds
                .add_source(&format!("{base}/{name}"))
                .await
                .unwrap()
                .id,
        );
    }
    let reports = feeds.refresh_due().await.unwrap();
    let states: Vec<_> = reports.iter().map(|r| r.health).collect();
    assert_eq!(
        states,
        [
            SourceHealth::RateLimited,
            SourceHealth::Blocked,
            SourceHealth::NotAFeed,
            SourceHealth::TooLarge,
            SourceHealth::HttpError { status: 404 },
            SourceHealth::Working,
        ],
        "one bad source never stops the others"
    );
    assert!(
        reports[..5]
            .iter()
            .all(|r| r.error.is_some() && r.new_items == 0)
    );
    let limited = feeds.source(&ids[0]).await.unwrap();
    assert_eq!(limited.failures, 1);
    assert!(limited.last_error.as_deref().unwrap().contains("429"));
    // A second failure doubles the wait (1 h, then 2 h).
    let again = feeds.refresh(&ids[1]).await.unwrap();
    let blocked = feeds.source(&ids[1]).await.unwrap();
    assert_eq!(blocked.failures, 2);
    assert_eq!(
        (again.next_fetch_at - blocked.last_fetched_at.unwrap()).num_hours(),
        2
    );
}

#[tokio::test]
async fn bad_addresses_and_rsshub_routes() {
    let dir = tempfile::tempdir().unwrap();
    let feeds = Feeds::new(Store::open(dir.path()).await.unwrap()).unwrap();
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "not a url",
        "ftp://x.example/f",
    ] {
        assert_eq!(code(feeds.add_source(bad).await), "feed.bad_url", "{bad}");
    }
    let weibo = feeds
        .add_rsshub(
            "https://hub.example.org/",
            Platform::Weibo,
            "https://m.weibo.cn/u/1195230310",
        )
        .await
        .unwrap();
    assert_eq!(weibo.url, "https://hub.example.org/weibo/user/1195230310");
    assert_eq!(weibo.kind, ferry_core::feed::SourceKind::Rsshub);
    assert_eq!(
        code(
            feeds
                .add_rsshub(
                    "https://hub.example.org/",
                    Platform::Douyin,
                    "https://v.douyin.com/iRNBho6u/"
                )
                .await
        ),
        "feed.bad_profile"
    );
    assert_eq!(feeds.sources().await.unwrap().len(), 1);
}
