//! The Feed screen's commands over a temporary database and the nginx peer's real feeds:
//! adding sources, a background refresh whose events carry each source's health, the merged
//! items searched in Chinese, retention, and the `{code, message}` of a refusal.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferry_app::database::Database;
use ferry_app::error::CommandError;
use ferry_app::feeding::{FeedEvent, Feeding};
use ferry_core::feed::ItemQuery;
use ferry_networks::rss::{Platform, SourceHealth};
use ferry_test_support::peers;

async fn wait_finished(seen: &Mutex<Vec<FeedEvent>>) -> Vec<FeedEvent> {
    for _ in 0..600 {
        let events = seen.lock().unwrap().clone();
        if events
            .iter()
            .any(|e| matches!(e, FeedEvent::Finished { .. }))
        {
            return events;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no finished event in 30 s: {:?}", seen.lock().unwrap());
}

#[tokio::test]
async fn feed_sources_refresh_in_the_background_and_items_search_in_chinese() {
    let Some(base) = peers::feeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = Database::in_dir(dir.path());
    assert_eq!(db.status().await.error, None);
    let store = db.store().unwrap();
    let feeding = Feeding::default();
    let feeds = feeding.feeds(&store).unwrap();

    let daily = feeds.add_source(&format!("{base}/rss.rss")).await.unwrap();
    let blocked = feeds
        .add_source(&format!("{base}/forbidden.rss"))
        .await
        .unwrap();
    let limited = feeds
        .add_source(&format!("{base}/limited.rss"))
        .await
        .unwrap();
    let weibo = feeds
        .add_rsshub_remembered(&base, Platform::Weibo, "https://weibo.com/u/1195230310")
        .await
        .unwrap();
    assert!(weibo.url.ends_with("/weibo/user/1195230310"), "{weibo:?}");
    assert_eq!(feeds.rsshub_base().await.unwrap(), Some(base.clone()));

    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = {
        let seen = seen.clone();
        move |e: &FeedEvent| seen.lock().unwrap().push(e.clone())
    };
    let started = feeding.refresh(&feeds, None, sink).await.unwrap();
    assert!(!started.already_running);
    assert_eq!(started.sources.len(), 4);
    let events = wait_finished(&seen).await;

    assert!(matches!(&events[0], FeedEvent::Started { sources } if sources.len() == 4));
    let health = |id: &str| {
        events.iter().find_map(|e| match e {
            FeedEvent::Source {
                source_id,
                report: Some(r),
                ..
            } if source_id == id => Some(r.health),
            _ => None,
        })
    };
    assert_eq!(health(&daily.id), Some(SourceHealth::Working));
    assert_eq!(health(&blocked.id), Some(SourceHealth::Blocked));
    assert_eq!(health(&limited.id), Some(SourceHealth::RateLimited));
    assert_eq!(
        health(&weibo.id),
        Some(SourceHealth::HttpError { status: 404 })
    );
    let Some(FeedEvent::Finished { sources, new_items }) = events.last() else {
        panic!("{events:?}")
    };
    assert_eq!(*sources, 4);
    assert!(*new_items >= 3, "{events:?}");

    // The event as the window receives it: snake_case, tagged by kind and by state.
    let json = serde_json::to_value(&events[1]).unwrap();
    assert_eq!(json["kind"], "source");
    assert!(json["report"]["health"]["state"].is_string(), "{json}");

    // Two-character and one-character Chinese words match, as in the search box.
    for word in ["日出", "渡"] {
        let found = feeds
            .items(&ItemQuery {
                limit: 50,
                offset: 0,
                search: Some(word.into()),
                ..ItemQuery::default()
            })
            .await
            .unwrap();
        assert!(
            found.iter().any(|i| i.text.contains("日出")),
            "{word}: {found:?}"
        );
    }

    // Nothing is due any more (the 429 waits for its Retry-After): "Refresh" starts nothing.
    let again = feeding.refresh(&feeds, None, |_| {}).await.unwrap();
    assert!(
        again.sources.is_empty() && !again.already_running,
        "{again:?}"
    );

    // One source on request, due or not; an unknown one is refused at once, with its code.
    let err = feeding
        .refresh(&feeds, Some("nope"), |_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code, "feed.not_found");

    feeds.set_retention(1).await.unwrap();
    let sources = feeds.sources().await.unwrap();
    assert!(sources.iter().all(|s| s.items <= 1), "{sources:?}");
    let err = CommandError::from(
        feeds
            .add_rsshub(&base, Platform::Douyin, "https://v.douyin.com/x/")
            .await
            .unwrap_err(),
    );
    assert_eq!(err.code, "feed.bad_profile");
}
