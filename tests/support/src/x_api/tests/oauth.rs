//! The consent page, the token endpoint and the tokens' lives.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{CALLBACK, Client, VERIFIER, authorize_query};
use crate::x_api::{CLIENT_ID, CLIENT_SECRET, FakeXApi, NAME, SCOPES, USER_ID, USERNAME};

#[tokio::test]
async fn x_api_pkce_dance_gives_tokens_that_read_the_account() {
    let api = FakeXApi::start().await;
    let mut client = Client::new(&api);
    let answer = client.sign_in().await;
    assert_eq!(answer["token_type"], "bearer");
    assert_eq!(answer["expires_in"], 7200);
    assert_eq!(answer["scope"], SCOPES);
    for name in ["access_token", "refresh_token"] {
        let token = answer[name].as_str().unwrap();
        assert!((60..=90).contains(&token.len()), "{token}");
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric()), "{token}");
    }
    let url = format!("{}/2/users/me", api.base);
    let response = client.http.get(url).bearer_auth(&client.token).send().await;
    let response = response.unwrap();
    assert_eq!(response.status(), 200);
    for header in [
        "x-rate-limit-limit",
        "x-rate-limit-remaining",
        "x-rate-limit-reset",
    ] {
        let value = response.headers()[header].to_str().unwrap();
        assert!(value.parse::<i64>().is_ok(), "{header}: {value}");
    }
    let me: serde_json::Value = response.json().await.unwrap();
    let expected = json!({"data": {"id": USER_ID, "name": NAME, "username": USERNAME}});
    assert_eq!(me, expected);
    assert_eq!(api.access_tokens_issued(), 1);

    client.token = "not-a-token".into();
    let (status, body) = client.get("/2/users/me").await;
    assert_eq!(status, 401);
    assert_eq!(body["title"], "Unauthorized");
}

#[tokio::test]
async fn x_api_wrong_verifier_and_reused_code_are_refused() {
    let api = FakeXApi::start().await;
    let client = Client::new(&api);
    let code = client.authorize(SCOPES).await;
    let (status, body) = client
        .redeem(&code, "some-other-verifier-of-enough-length")
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_request");
    assert_eq!(
        body["error_description"],
        "Value passed for the token was invalid."
    );

    let code = client.authorize(SCOPES).await;
    assert_eq!(client.redeem(&code, VERIFIER).await.0, 200);
    let (status, body) = client.redeem(&code, VERIFIER).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    assert_eq!(api.access_tokens_issued(), 1);

    let code = client.authorize(SCOPES).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", &code),
        ("redirect_uri", CALLBACK),
        ("code_verifier", VERIFIER),
        ("client_id", "someone-else"),
    ];
    let (status, body) = client.token_request(&form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("unauthorized_client"))
    );
    let (status, body) = client
        .token_request(&[("grant_type", "password"), ("client_id", CLIENT_ID)])
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
}

#[tokio::test]
async fn x_api_refresh_rotates_and_old_refresh_token_dies() {
    let api = FakeXApi::start().await;
    let mut client = Client::new(&api);
    let first = client.sign_in().await;
    let old_access = client.token.clone();
    let old_refresh = first["refresh_token"].as_str().unwrap();
    let grant = [
        ("grant_type", "refresh_token"),
        ("refresh_token", old_refresh),
        ("client_id", CLIENT_ID),
    ];
    let (status, second) = client.token_request(&grant).await;
    assert_eq!(status, 200, "{second}");
    assert_ne!(second["access_token"], first["access_token"]);
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    let (status, body) = client.token_request(&grant).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    assert_eq!(
        client.get("/2/users/me").await.0,
        200,
        "the old access token lives on"
    );
    assert_eq!((api.refreshes(), api.access_tokens_issued()), (1, 2));

    // A confidential client: Basic authorization, whose secret must match.
    api.expire_access_tokens();
    assert_eq!(client.get("/2/users/me").await.0, 401);
    let url = format!("{}/2/oauth2/token", api.base);
    let refresh = second["refresh_token"].as_str().unwrap();
    let form = [("grant_type", "refresh_token"), ("refresh_token", refresh)];
    let wrong = STANDARD.encode(format!("{CLIENT_ID}:not-the-secret"));
    let request = client.http.post(&url).form(&form);
    let response = request
        .header("authorization", format!("Basic {wrong}"))
        .send()
        .await;
    assert_eq!(response.unwrap().status(), 401);
    let right = STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    let request = client.http.post(&url).form(&form);
    let response = request
        .header("authorization", format!("Basic {right}"))
        .send()
        .await;
    let third: serde_json::Value = response.unwrap().json().await.unwrap();
    client.token = third["access_token"].as_str().unwrap().to_owned();
    assert_eq!(client.get("/2/users/me").await.0, 200);

    api.revoke_tokens();
    assert_eq!(client.get("/2/users/me").await.0, 401);
    let refresh = third["refresh_token"].as_str().unwrap();
    let grant = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh),
        ("client_id", CLIENT_ID),
    ];
    assert_eq!(client.token_request(&grant).await.0, 400);
    client.token = old_access;
    assert_eq!(client.get("/2/users/me").await.0, 401);
}

#[tokio::test]
async fn x_api_consent_refuses_bad_requests_without_redirecting() {
    let api = FakeXApi::start().await;
    let client = Client::new(&api);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER));
    let url = format!("{}/i/oauth2/authorize", api.base);
    let mut query = authorize_query(SCOPES, &challenge);
    query[2].1 = "https://evil.example/callback";
    let response = client.http.get(&url).query(&query).send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.headers().get("location").is_none());
    let page = response.text().await.unwrap();
    assert!(
        page.contains("You weren't able to give access to the App."),
        "{page}"
    );

    let query = authorize_query("tweet.read like.write", &challenge);
    assert_eq!(client.consent(&query).await.0, 400, "an unknown scope");
    let mut query = authorize_query(SCOPES, &challenge);
    query[6].1 = "plain";
    assert_eq!(client.consent(&query).await.0, 400, "only S256");

    api.set_callbacks(vec!["http://127.0.0.1:1/callback".into()]);
    let query = authorize_query(SCOPES, &challenge);
    assert_eq!(
        client.consent(&query).await.0,
        400,
        "the port must match too"
    );
    api.set_callbacks(vec![CALLBACK.into()]);
    api.deny_next_authorization();
    let (status, pairs) = client.consent(&query).await;
    assert_eq!(status, 302);
    assert_eq!(
        pairs,
        [
            ("error".into(), "access_denied".into()),
            ("state".into(), "st4te".into())
        ]
    );
    client.authorize(SCOPES).await;
}

#[tokio::test]
async fn x_api_scopes_limit_what_a_token_does() {
    let api = FakeXApi::start().await;
    let mut client = Client::new(&api);
    let code = client.authorize("tweet.read users.read").await;
    let (status, answer) = client.redeem(&code, VERIFIER).await;
    assert_eq!(status, 200);
    assert!(
        answer.get("refresh_token").is_none(),
        "no offline.access, no refresh token"
    );
    client.token = answer["access_token"].as_str().unwrap().to_owned();
    assert_eq!(client.get("/2/users/me").await.0, 200);
    let (status, body) = client.post("/2/tweets", &json!({"text": "hi"})).await;
    assert_eq!((status, body["title"].as_str()), (403, Some("Forbidden")));
    assert!(
        body["detail"].as_str().unwrap().contains("tweet.write"),
        "{body}"
    );
    assert!(api.posts().is_empty());
}
