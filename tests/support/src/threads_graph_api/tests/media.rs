//! Images and carousels: the fetch, the processing the client polls, the items.

use super::{Graph, PICTURE, image_host};
use crate::threads_graph_api::FakeThreadsApi;
use crate::threads_graph_api::containers::threads_length;

#[tokio::test]
async fn threads_image_whose_url_404s_ends_in_error() {
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    let url = format!("{}/missing.jpg", image_host().await);
    let container = graph
        .container(&[("media_type", "IMAGE"), ("image_url", &url)])
        .await;
    assert_eq!(graph.status(&container).await["status"], "IN_PROGRESS");
    let status = graph.status(&container).await;
    assert_eq!(status["status"], "ERROR");
    assert_eq!(status["error_message"], "UNKNOWN");
    assert_eq!(graph.publish(&container).await.0, 400);
    assert!(api.posts().is_empty());
}

#[tokio::test]
async fn threads_polls_until_finished_are_respected() {
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    api.set_polls_until_finished(3);
    let url = format!("{}/pic.jpg", image_host().await);
    let form = [
        ("media_type", "IMAGE"),
        ("image_url", &url),
        ("alt_text", "a ferry"),
    ];
    let container = graph.container(&form).await;
    let (status, early) = graph.publish(&container).await;
    assert_eq!(status, 400);
    assert_eq!(early["error"]["code"], 9007);
    assert_eq!(early["error"]["error_subcode"], 2_207_027);
    for _ in 0..3 {
        assert_eq!(graph.status(&container).await["status"], "IN_PROGRESS");
    }
    assert_eq!(graph.status(&container).await["status"], "FINISHED");
    assert_eq!(api.status_reads(), 4);
    assert_eq!(graph.publish(&container).await.0, 200);
    let image = &api.posts()[0].images[0];
    assert_eq!(image.bytes, PICTURE);
    assert_eq!(image.alt_text.as_deref(), Some("a ferry"));
}

#[tokio::test]
async fn threads_carousel_takes_finished_items_and_publishes_them_together() {
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    api.set_polls_until_finished(0);
    let url = format!("{}/pic.jpg", image_host().await);
    let item = [
        ("media_type", "IMAGE"),
        ("image_url", &url),
        ("is_carousel_item", "true"),
    ];
    let first = graph.container(&item).await;
    let (status, _) = graph
        .post(
            "/v1.0/me/threads",
            &[("media_type", "CAROUSEL"), ("children", &first)],
        )
        .await;
    assert_eq!(status, 400, "one child is not a carousel");
    let second = graph.container(&item).await;
    assert_eq!(graph.publish(&first).await.0, 400, "an item alone");
    let children = format!("{first},{second}");
    let form = [
        ("media_type", "CAROUSEL"),
        ("children", &children),
        ("text", "two"),
    ];
    let carousel = graph.container(&form).await;
    assert_eq!(graph.publish(&carousel).await.0, 200);
    let post = &api.posts()[0];
    assert_eq!(
        (post.media_type.as_str(), post.images.len()),
        ("CAROUSEL", 2)
    );
    assert_eq!(api.containers_created(), 3);
}

#[tokio::test]
async fn threads_text_length_counts_emoji_by_their_bytes() {
    assert_eq!(threads_length("ferry 渡"), 7);
    assert_eq!(threads_length("😀"), 4);
    assert_eq!(threads_length("❤️"), 6); // U+2764 and U+FE0F, three bytes each
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    let fits = format!("{}😀", "a".repeat(496));
    graph
        .container(&[("media_type", "TEXT"), ("text", &fits)])
        .await;
    let over = format!("{}😀", "a".repeat(497));
    let (status, _) = graph
        .post(
            "/v1.0/me/threads",
            &[("media_type", "TEXT"), ("text", &over)],
        )
        .await;
    assert_eq!(status, 400);
}
