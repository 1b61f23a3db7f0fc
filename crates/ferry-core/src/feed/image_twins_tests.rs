//! Cross-posts tied only by their photo, against nginx (`tests/peers/with-peers`): a linked
//! person's Mastodon post and their RedNote note (through RSSHub) carry the same picture,
//! re-encoded and resized, with captions in two languages that share no text or link and an
//! hour and a half apart; once the pictures are fingerprinted they are one card, and a post
//! with another picture stays its own.

use ferry_networks::timeline::{PostMedia, TimelinePost};
use ferry_test_support::peers;
use image::ImageFormat;

use super::image_keys::tests::{encoded, picture};
use super::model::ItemQuery;
use super::people_tests::{at, put};
use super::{Feeds, image_keys};
use crate::Store;

/// [`super::people_tests::post`] with a picture.
fn post(
    id: &str,
    author: Option<&str>,
    text: &str,
    lang: &str,
    when: chrono::DateTime<chrono::Utc>,
    picture: &str,
) -> TimelinePost {
    let mut post = super::people_tests::post(id, author, text, lang, when);
    post.media = vec![PostMedia {
        url: picture.into(),
        alt: None,
        kind: "image".into(),
    }];
    post
}

async fn cards(feeds: &Feeds) -> Vec<(String, Vec<String>)> {
    let query = ItemQuery {
        limit: 50,
        ..ItemQuery::default()
    };
    let items = feeds.items(&query).await.unwrap();
    items
        .into_iter()
        .map(|i| (i.text, i.twins.into_iter().map(|t| t.text).collect()))
        .collect()
}

#[tokio::test]
async fn posts_sharing_a_picture_are_one_card_once_linked() {
    let Some(base) = peers::feeds() else {
        return;
    };
    let generated = peers::peer("FERRY_TEST_FEEDS_GENERATED").expect("nginx's generated folder");
    let tag = uuid::Uuid::new_v4().simple().to_string();
    for (name, bytes) in [
        (
            "pier.png",
            encoded(&picture(1200, 900, false), ImageFormat::Png),
        ),
        (
            "pier.jpg",
            encoded(&picture(480, 360, false), ImageFormat::Jpeg),
        ),
        (
            "boats.png",
            encoded(&picture(1200, 900, true), ImageFormat::Png),
        ),
    ] {
        std::fs::write(format!("{generated}/{tag}-{name}"), bytes).unwrap();
    }
    let url = |name: &str| format!("{base}/generated/{tag}-{name}");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let lin = Some("lin@example.social");
    put(
        &store,
        "https://example.social/@me",
        "mastodon",
        &[
            post(
                "109",
                lin,
                "Sunrise over the pier",
                "en",
                at(9, 0),
                &url("pier.png"),
            ),
            post(
                "110",
                lin,
                "Boats waiting",
                "en",
                at(12, 0),
                &url("boats.png"),
            ),
        ],
    )
    .await;
    put(
        &store,
        "https://rsshub.example/xiaohongshu/user/5e1d",
        "rss",
        &[post(
            "note-1",
            None,
            "码头的日出",
            "zh-Hans",
            at(10, 30),
            &url("pier.jpg"),
        )],
    )
    .await;
    assert_eq!(cards(&feeds).await.len(), 3);
    let ids: Vec<i64> = feeds
        .items(&ItemQuery {
            limit: 50,
            ..ItemQuery::default()
        })
        .await
        .unwrap()
        .iter()
        .filter(|i| i.text != "Boats waiting")
        .map(|i| i.id)
        .collect();
    feeds.link_person(&ids, Some("林")).await.unwrap();
    assert_eq!(
        cards(&feeds).await.len(),
        3,
        "no shared text, link or picture yet"
    );

    image_keys::fill(&feeds).await.unwrap();
    let boats = ("Boats waiting".to_owned(), vec![]);
    let pier = (
        "码头的日出".to_owned(),
        vec!["Sunrise over the pier".to_owned()],
    );
    assert_eq!(cards(&feeds).await, vec![boats, pier]);
    let keys: Vec<(String, String)> =
        sqlx::query_as("SELECT remote_id, image_key FROM feed_items ORDER BY remote_id")
            .fetch_all(&store.pool)
            .await
            .unwrap();
    assert_eq!(keys.len(), 3, "every linked post got a key: {keys:?}");
    assert!(keys.iter().all(|(_, k)| k.len() == 16), "{keys:?}");
}
