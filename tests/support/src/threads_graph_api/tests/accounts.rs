//! Tokens, the rate and publishing limits, and an answer that breaks after the write.

use super::Graph;
use crate::threads_graph_api::{FakeThreadsApi, GOOD_TOKEN};

#[tokio::test]
async fn threads_revoked_tokens_get_190() {
    let api = FakeThreadsApi::start().await;
    let mut graph = Graph::new(&api);
    assert_eq!(graph.get("/v1.0/me", &[]).await.0, 200);
    api.revoke_tokens();
    let (status, body) = graph.get("/v1.0/me", &[]).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], 190);
    assert_eq!(body["error"]["error_subcode"], 460);
    graph.token = "not-a-token".into();
    let (_, body) = graph
        .post("/v1.0/me/threads", &[("media_type", "TEXT")])
        .await;
    assert_eq!(body["error"]["code"], 190);
    assert!(body["error"].get("error_subcode").is_none());
}

#[tokio::test]
async fn threads_refresh_issues_a_new_token_that_works() {
    let api = FakeThreadsApi::start().await;
    let mut graph = Graph::new(&api);
    let grant = [("grant_type", "th_refresh_token")];
    let (status, body) = graph.get("/refresh_access_token", &grant).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "bearer");
    let token = body["access_token"].as_str().unwrap().to_owned();
    assert_eq!(api.tokens_issued(), std::slice::from_ref(&token));
    assert_eq!(
        graph.get("/v1.0/me", &[]).await.0,
        200,
        "the old token still works"
    );
    graph.token = token;
    assert_eq!(graph.get("/v1.0/me", &[]).await.0, 200);
    let wrong = [("grant_type", "ig_refresh_token")];
    let (status, body) = graph.get("/refresh_access_token", &wrong).await;
    assert_eq!((status, body["error"]["code"].as_u64()), (400, Some(100)));
}

#[tokio::test]
async fn threads_rate_limit_broken_answer_and_quota() {
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    let text = [("media_type", "TEXT"), ("text", "hello")];
    api.rate_limit_next();
    let (status, body) = graph.post("/v1.0/me/threads", &text).await;
    assert_eq!((status, body["error"]["code"].as_u64()), (403, Some(4)));
    assert_eq!(api.containers_created(), 0);

    let container = graph.container(&text).await;
    api.fail_after_next_publish();
    let path = format!("{}/v1.0/me/threads_publish", api.base);
    let form = [
        ("creation_id", container.as_str()),
        ("access_token", GOOD_TOKEN),
    ];
    let response = graph.http.post(path).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 500);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    assert_eq!(api.posts().len(), 1);

    api.set_quota_usage(250);
    let container = graph.container(&text).await;
    let (_, body) = graph.publish(&container).await;
    assert_eq!(body["error"]["code"], 9);
    assert_eq!(body["error"]["error_subcode"], 2_207_042);
    let video = [("media_type", "VIDEO"), ("video_url", "http://x/v.mp4")];
    let (_, body) = graph.post("/v1.0/me/threads", &video).await;
    assert_eq!(
        body["error"]["message"],
        "video is not supported by this fake"
    );
}
