//! Posts, replies, images with alt text, and the timeline as X's reads give it back.

use serde_json::json;

use super::{PNG, signed_in};
use crate::x_api::{Charge, USER_ID, sha256_hex};

#[tokio::test]
async fn x_api_post_with_an_uploaded_image_and_its_alt_text() {
    let (api, client) = signed_in().await;
    let (status, body) = client.upload(PNG).await;
    assert_eq!(status, 200, "{body}");
    let id = body["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(id, "1870000000000000001");
    assert_eq!(body["data"]["media_key"], format!("3_{id}"));
    assert_eq!(body["data"]["size"], PNG.len());
    assert_eq!(body["data"]["expires_after_secs"], 86400);
    assert_eq!(body["data"]["image"]["image_type"], "image/png");

    let alt = json!({"id": id, "metadata": {"alt_text": {"text": "a ferry at dawn"}}});
    let (status, body) = client.post("/2/media/metadata", &alt).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["data"]["associated_metadata"]["alt_text"]["text"],
        "a ferry at dawn"
    );
    let long = json!({"id": id, "metadata": {"alt_text": {"text": "a".repeat(1001)}}});
    assert_eq!(client.post("/2/media/metadata", &long).await.0, 400);

    let post = json!({"text": "渡 ferry ⛴️", "media": {"media_ids": [id]}});
    let (status, body) = client.post("/2/tweets", &post).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["data"]["id"], "1990000000000000001");
    assert_eq!(body["data"]["text"], "渡 ferry ⛴️");
    assert_eq!(
        body["data"]["edit_history_tweet_ids"],
        json!(["1990000000000000001"])
    );
    let posted = &api.posts()[0];
    let image = &posted.media[0];
    assert_eq!(image.alt_text.as_deref(), Some("a ferry at dawn"));
    assert_eq!(
        (image.byte_len, image.media_type.as_str()),
        (PNG.len(), "image/png")
    );
    assert_eq!(image.sha256_hex, sha256_hex(PNG));
    assert_eq!(api.uploads()[0].sha256_hex, sha256_hex(PNG));
    let spent = api.spent();
    assert_eq!(
        spent[spent.len() - 2],
        Charge {
            what: "Media Metadata",
            micro_dollars: 5_000
        }
    );
    assert_eq!(
        spent[spent.len() - 1],
        Charge {
            what: "Content: Create",
            micro_dollars: 15_000
        }
    );

    let (status, body) = client.upload(b"GIF? no, text").await;
    assert_eq!(status, 400);
    assert_eq!(body["title"], "Invalid Request");
    assert_eq!(body["errors"][0]["message"], "media type unrecognized");
    api.refuse_next_upload();
    assert_eq!(client.upload(PNG).await.0, 400);
    assert_eq!(
        client.upload(&vec![0xFF; 5_242_881]).await.0,
        400,
        "over 5 MB"
    );
    let five = json!({"text": "five", "media": {"media_ids": [id, id, id, id, id]}});
    assert_eq!(client.post("/2/tweets", &five).await.0, 400);
    let unknown = json!({"text": "unknown", "media": {"media_ids": ["123"]}});
    assert_eq!(client.post("/2/tweets", &unknown).await.0, 400);
    assert_eq!(client.post("/2/tweets", &json!({"text": ""})).await.0, 400);
    assert_eq!(client.post("/2/tweets", &json!(["text"])).await.0, 400);
    let long = json!({"text": "a".repeat(25_001)});
    assert_eq!(client.post("/2/tweets", &long).await.0, 400);
    assert_eq!(api.posts().len(), 1);
}

#[tokio::test]
async fn x_api_duplicates_and_replies_to_nothing_are_refused() {
    let (api, client) = signed_in().await;
    let (status, first) = client.post("/2/tweets", &json!({"text": "once"})).await;
    assert_eq!(status, 201);
    let (status, body) = client.post("/2/tweets", &json!({"text": "once"})).await;
    assert_eq!(status, 403);
    assert_eq!(
        body["detail"],
        "You are not allowed to create a Tweet with duplicate content."
    );
    let orphan = json!({"text": "hello?", "reply": {"in_reply_to_tweet_id": "42"}});
    let (status, body) = client.post("/2/tweets", &orphan).await;
    assert_eq!(status, 403);
    assert_eq!(
        body["detail"],
        "You attempted to reply to a Tweet that is deleted or not visible to you."
    );
    let parent = first["data"]["id"].as_str().unwrap();
    let reply = json!({"text": "and a reply", "reply": {"in_reply_to_tweet_id": parent}});
    assert_eq!(client.post("/2/tweets", &reply).await.0, 201);
    let posts = api.posts();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[1].reply_to.as_deref(), Some(parent));
}

#[tokio::test]
async fn x_api_timeline_escapes_text_and_shortens_links() {
    let (api, client) = signed_in().await;
    let path = format!("/2/users/{USER_ID}/tweets?tweet.fields=created_at,referenced_tweets");
    let (status, empty) = client.get(&path).await;
    assert_eq!((status, empty), (200, json!({"meta": {"result_count": 0}})));

    let text = "Fish & chips <3 https://example.com/a?b=1&c=2 and HTTP://Example.org/x";
    let (_, first) = client.post("/2/tweets", &json!({"text": text})).await;
    let parent = first["data"]["id"].as_str().unwrap();
    let (_, media) = client.upload(PNG).await;
    let reply = json!({
        "text": "re",
        "reply": {"in_reply_to_tweet_id": parent},
        "media": {"media_ids": [media["data"]["id"]]},
    });
    let (_, second) = client.post("/2/tweets", &reply).await;
    let spent_before = api.spent_total();

    let (status, read) = client.get(&path).await;
    assert_eq!(status, 200, "{read}");
    let data = read["data"].as_array().unwrap();
    assert_eq!(data[0]["id"], second["data"]["id"], "newest first");
    assert_eq!(read["meta"]["result_count"], 2);
    assert_eq!(read["meta"]["newest_id"], second["data"]["id"]);
    assert_eq!(read["meta"]["oldest_id"], parent);
    let words: Vec<&str> = data[1]["text"].as_str().unwrap().split(' ').collect();
    assert_eq!(words[..3], ["Fish", "&amp;", "chips"]);
    assert_eq!(words[3], "&lt;3");
    for link in [words[4], words[6]] {
        assert!(
            link.starts_with("https://t.co/") && link.len() == 23,
            "{link}"
        );
    }
    assert_ne!(words[4], words[6]);
    let reply_text = data[0]["text"].as_str().unwrap();
    assert!(reply_text.starts_with("re https://t.co/"), "{reply_text}");
    assert_eq!(
        data[0]["referenced_tweets"],
        json!([{"type": "replied_to", "id": parent}])
    );
    assert!(data[1].get("referenced_tweets").is_none());
    let at = data[1]["created_at"].as_str().unwrap();
    let at = chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S%.3fZ").unwrap();
    assert!((chrono::Utc::now().naive_utc() - at).num_seconds().abs() < 60);
    assert_eq!(api.spent_total() - spent_before, 2_000, "two owned reads");

    let (_, plain) = client.get(&format!("/2/users/{USER_ID}/tweets")).await;
    assert!(plain["data"][0].get("created_at").is_none());
    assert_eq!(
        plain["data"][1]["text"], data[1]["text"],
        "the same link, the same t.co"
    );
    let (status, _) = client
        .get(&format!("/2/users/{USER_ID}/tweets?max_results=4"))
        .await;
    assert_eq!(status, 400);
    let (status, missing) = client.get("/2/users/12345/tweets").await;
    assert_eq!(status, 200);
    assert_eq!(missing["errors"][0]["title"], "Not Found Error");
    assert!(missing.get("data").is_none());
}
