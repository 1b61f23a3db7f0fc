//! Feed items' images against nginx (`tests/peers/with-peers`): served by item and index,
//! sniffed (a PNG that is HTML is refused, so is one claiming 65,000² pixels), cached on disk
//! and served from the cache when the origin is gone.

use ferry_networks::timeline::{PostAuthor, PostMedia, TimelinePost};
use ferry_test_support::peers;
use sha2::{Digest, Sha256};

use super::items::{NewItem, store_items};
use super::model::ItemQuery;
use super::{FeedError, Feeds, ItemImage, sources};
use crate::Store;

fn media(url: String, kind: &str) -> PostMedia {
    PostMedia {
        url,
        alt: Some("渡口".into()),
        kind: kind.into(),
    }
}

async fn item_with(store: &Store, avatar: String, attached: Vec<PostMedia>) -> i64 {
    let source = sources::insert(
        store,
        super::SourceKind::Rss,
        &format!("{avatar}#src"),
        None,
    )
    .await
    .unwrap()
    .id;
    let post = TimelinePost {
        remote_id: avatar.clone(),
        author: PostAuthor {
            id: None,
            name: Some("林".into()),
            handle: None,
            avatar_url: Some(avatar),
            verified_domains: Vec::new(),
            claimed_domain: None,
        },
        text: "渡轮".into(),
        published_at: chrono::Utc::now(),
        media: attached,
        ..TimelinePost::default()
    };
    let mut tx = store.begin_write().await.unwrap();
    let rows = [NewItem::from_post(&post)];
    store_items(
        &mut tx,
        store,
        &source,
        "mastodon",
        &rows,
        chrono::Utc::now(),
        100,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let query = ItemQuery {
        limit: 50,
        source: Some(source),
        ..ItemQuery::default()
    };
    feeds.items(&query).await.unwrap()[0].id
}

fn refusal(result: Result<super::FetchedImage, FeedError>) -> String {
    match result {
        Err(FeedError::NoImage { reason, .. }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn images_are_served_by_item_sniffed_and_cached() {
    let Some(base) = peers::feeds() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    let png = format!("{base}/images/ferry.png");
    let item = item_with(
        &store,
        png.clone(),
        vec![
            media(png.clone(), "image"),
            media(format!("{base}/images/bomb.png"), "image"),
            media(format!("{base}/images/lies.png"), "image"),
            media(format!("{base}/video.mp4"), "video"),
        ],
    )
    .await;

    let avatar = feeds.item_image(item, ItemImage::Avatar).await.unwrap();
    assert_eq!(avatar.media_type, "image/png");
    let on_disk = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/peers/nginx/feeds/images/ferry.png"
    ))
    .unwrap();
    assert_eq!(avatar.bytes, on_disk);
    let cached = dir
        .path()
        .join("feed-images")
        .join(hex::encode(Sha256::digest(png.as_bytes())));
    assert_eq!(
        std::fs::read(&cached).unwrap(),
        on_disk,
        "kept for offline reading"
    );
    assert_eq!(
        feeds
            .item_image(item, ItemImage::Media(0))
            .await
            .unwrap()
            .bytes,
        on_disk
    );

    let why = refusal(feeds.item_image(item, ItemImage::Media(1)).await);
    assert!(why.contains("65000×65000"), "{why}");
    let why = refusal(feeds.item_image(item, ItemImage::Media(2)).await);
    assert!(
        why.contains("something else"),
        "served as image/png, but HTML: {why}"
    );
    let why = refusal(feeds.item_image(item, ItemImage::Media(3)).await);
    assert!(why.contains("video"), "{why}");
    refusal(feeds.item_image(item, ItemImage::Media(9)).await);
    assert!(matches!(
        feeds.item_image(item + 1000, ItemImage::Avatar).await,
        Err(FeedError::NoItem { .. })
    ));
    let files = std::fs::read_dir(dir.path().join("feed-images"))
        .unwrap()
        .count();
    assert_eq!(files, 1, "nothing refused is cached");
}

#[tokio::test]
async fn a_cached_image_is_served_when_its_server_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let feeds = Feeds::new(store.clone()).unwrap();
    // Nothing listens on port 9 (discard) here: only the cache can answer.
    let gone = "http://127.0.0.1:9/avatar.png".to_owned();
    let item = item_with(&store, gone.clone(), Vec::new()).await;
    assert!(
        feeds.item_image(item, ItemImage::Avatar).await.is_err(),
        "nothing cached yet"
    );
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/peers/nginx/feeds/images/ferry.png"
    ))
    .unwrap();
    let cache = dir.path().join("feed-images");
    std::fs::create_dir_all(&cache).unwrap();
    std::fs::write(
        cache.join(hex::encode(Sha256::digest(gone.as_bytes()))),
        &png,
    )
    .unwrap();
    assert_eq!(
        feeds
            .item_image(item, ItemImage::Avatar)
            .await
            .unwrap()
            .bytes,
        png
    );
}
