//! Credits, rate limits, an answer lost after the write, and the HTTP controls.

use serde_json::{Value, json};

use super::signed_in;
use crate::x_api::Charge;

#[tokio::test]
async fn x_api_depleted_credits_refuse_before_posting() {
    let (api, client) = signed_in().await;
    let (status, _) = client
        .post("/2/tweets", &json!({"text": "see https://ferry.example"}))
        .await;
    assert_eq!(status, 201);
    let with_url = Charge {
        what: "Content: Create (with URL)",
        micro_dollars: 200_000,
    };
    assert_eq!(api.spent(), [with_url]);
    assert_eq!(api.credits(), 100_000_000 - 200_000);

    api.set_credits(14_999);
    let (status, body) = client.post("/2/tweets", &json!({"text": "too dear"})).await;
    assert_eq!(status, 402);
    assert_eq!(body["title"], "CreditsDepleted");
    assert_eq!(body["type"], "https://api.twitter.com/2/problems/credits");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("[1880000000000000001]"),
        "{body}"
    );
    assert_eq!(api.posts().len(), 1);
    assert_eq!((api.spent().len(), api.credits()), (1, 14_999));
    assert_eq!(client.get("/2/users/me").await.0, 200, "a read still fits");
    assert_eq!(api.spent_total(), 201_000);
}

#[tokio::test]
async fn x_api_rate_limit_next_answers_429_once() {
    let (api, client) = signed_in().await;
    let url = format!("{}/2/tweets", api.base);
    let send = || {
        let request = client.http.post(&url).bearer_auth(&client.token);
        request.json(&json!({"text": "limited"})).send()
    };
    let response = send().await.unwrap();
    let remaining: u32 = response.headers()["x-rate-limit-remaining"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(response.status(), 201);
    api.rate_limit_next();
    let response = send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["x-rate-limit-remaining"], "0");
    let reset: i64 = response.headers()["x-rate-limit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (reset - chrono::Utc::now().timestamp() - 60).abs() <= 2,
        "{reset}"
    );
    let body: serde_json::Value = response.json().await.unwrap();
    let expected = json!({"title": "Too Many Requests", "detail": "Too Many Requests",
                          "type": "about:blank", "status": 429});
    assert_eq!(body, expected);
    assert_eq!(api.posts().len(), 1);
    let (status, _) = client
        .post("/2/tweets", &json!({"text": "not limited"}))
        .await;
    assert_eq!(status, 201);
    assert!(remaining > 0);
}

#[tokio::test]
async fn x_api_fail_after_next_post_records_it_and_answers_503() {
    let (api, client) = signed_in().await;
    api.fail_after_next_post();
    let url = format!("{}/2/tweets", api.base);
    let request = client.http.post(&url).bearer_auth(&client.token);
    let response = request.json(&json!({"text": "lost"})).send().await.unwrap();
    assert_eq!(response.status(), 503);
    assert!(response.bytes().await.unwrap().is_empty());
    assert_eq!(api.posts()[0].text, "lost");
    assert_eq!(api.spent().last().unwrap().what, "Content: Create");
    let (status, body) = client.post("/2/tweets", &json!({"text": "lost"})).await;
    assert_eq!(status, 403, "the retry is a duplicate: {body}");
}

#[tokio::test]
async fn x_api_http_controls_for_the_e2e_tests() {
    let (api, client) = signed_in().await;
    let control = |path: &str| format!("{}/_fake/{path}", api.base);
    let read = |path: &str| {
        let request = client.http.get(control(path));
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let response = client.http.post(control("fail-after-next")).send().await;
    assert_eq!(response.unwrap().status(), 204);
    let request = client.http.post(format!("{}/2/tweets", api.base));
    let request = request
        .bearer_auth(&client.token)
        .json(&json!({"text": "by e2e"}));
    assert_eq!(request.send().await.unwrap().status(), 503);

    let posts = read("posts").await;
    assert_eq!(posts[0]["text"], "by e2e");
    assert!(posts[0]["createdAt"].is_string() && posts[0]["replyTo"].is_null());
    let spent = read("spent").await;
    assert_eq!(spent["total"], 15_000);
    let charge = json!({"what": "Content: Create", "microDollars": 15_000});
    assert_eq!(spent["charges"], json!([charge]));
    let credits = json!({"microDollars": 7});
    let response = client
        .http
        .post(control("credits"))
        .json(&credits)
        .send()
        .await;
    assert_eq!(response.unwrap().status(), 204);
    assert_eq!(api.credits(), 7);
}
