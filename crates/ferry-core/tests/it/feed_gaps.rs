//! Loading a gap in an account's timeline, against mastodon-mock (`tests/peers/with-peers`):
//! a refresh that brings less than is new leaves a gap; loading it goes on from where that
//! refresh stopped, down to the posts the cache had, and every post arrives once. (The readers'
//! own resume points are tested per network in ferry-networks' timeline tests.)

use ferry_core::feed::{Feeds, ItemQuery, SourceKind};
use ferry_networks::mastodon::client::{MastodonServer, NewStatus};
use ferry_networks::rss::SourceHealth;
use ferry_test_support::peers;

use crate::publish_support::*;

#[tokio::test]
async fn a_gap_loads_down_to_what_the_cache_had() {
    let Some(masto) = peers::mastodon() else {
        return;
    };
    let Some(env) = env("feedgap").await else {
        return;
    };
    add_mastodon(&env.accounts, &masto, &["en"]).await;
    // Four posts per read, so eleven new ones leave a gap.
    let feeds = Feeds::new(env.accounts.store().clone())
        .unwrap()
        .with_accounts(env.accounts.clone())
        .with_timeline_cap(4);
    let source = feeds
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.kind == SourceKind::Account)
        .unwrap();
    // The seeded user's own token, to post as the account does (start.sh).
    let poster = MastodonServer::new(&masto)
        .unwrap()
        .client("mock_token".into());
    let tag = marker("gap");
    let say = |text: String| NewStatus {
        text,
        ..Default::default()
    };
    poster
        .publish_status(&say(format!("before {tag}")), &format!("{tag}-b"))
        .await
        .unwrap();
    let first = feeds.refresh(&source.id).await.unwrap();
    assert_eq!(first.health, SourceHealth::Working, "{first:?}");
    assert!(feeds.source(&source.id).await.unwrap().gaps.is_empty());

    for n in 0..11 {
        poster
            .publish_status(&say(format!("渡轮 {n} {tag}")), &format!("{tag}-{n}"))
            .await
            .unwrap();
    }
    let second = feeds.refresh(&source.id).await.unwrap();
    assert_eq!(second.new_items, 4, "{second:?}");
    let gaps = feeds.source(&source.id).await.unwrap().gaps;
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert!(gaps[0].loadable);

    // Four at a time: a load that brings less than is left leaves a smaller gap; the last
    // reaches the posts before it.
    let mut loads = Vec::new();
    loop {
        let report = feeds.load_gap(gaps[0].id).await.unwrap();
        loads.push(report.new_items);
        if report.closed {
            break;
        }
        let left = feeds.source(&source.id).await.unwrap().gaps;
        assert_eq!(left.len(), 1, "still one gap, smaller: {left:#?}");
        assert!(left[0].older_than <= gaps[0].older_than);
        assert!(loads.len() < 10, "a gap that never closes: {loads:?}");
    }
    // At least seven were left, four per load (more when another test posted in between).
    assert!(loads.len() >= 2, "{loads:?}");
    assert!(feeds.source(&source.id).await.unwrap().gaps.is_empty());
    let ours = feeds
        .items(&ItemQuery {
            limit: 50,
            search: Some(tag.clone()),
            ..ItemQuery::default()
        })
        .await
        .unwrap();
    let mut texts: Vec<&str> = ours.iter().map(|i| i.text.as_str()).collect();
    texts.sort();
    let mut expected: Vec<String> = (0..11).map(|n| format!("渡轮 {n} {tag}")).collect();
    expected.push(format!("before {tag}"));
    expected.sort();
    assert_eq!(texts, expected, "every post once");
    assert_eq!(
        feeds.load_gap(gaps[0].id).await.unwrap_err().code(),
        "feed.no_gap"
    );
}
