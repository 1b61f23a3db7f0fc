//! The Mastodon client against mastodon-mock (a Mastodon-API server started by
//! tests/peers/with-peers), with the fault proxy in between where a failure is needed.

use std::time::Duration;

use ferry_networks::http::{ErrorClass, Secret};
use ferry_networks::mastodon::client::{
    AppCredentials, LoopbackRedirect, MastodonClient, MastodonServer, NewStatus, OOB_REDIRECT,
    Pkce, Visibility, random_state,
};
use ferry_networks::media::{MediaLimits, prepare_image};
use ferry_test_support::{Fault, FaultProxy, mastodon_mock, peers};

/// Registers an app and signs in as the mock's user through the authorization-code flow,
/// playing the browser's part: open the authorize page, pick the account, follow the redirect.
async fn sign_in(server: &MastodonServer) -> (AppCredentials, Secret) {
    let redirect = LoopbackRedirect::bind("mastodon").await.unwrap();
    let app = server
        .register_app("Ferry tests", &redirect.redirect_uri(), "read write", None)
        .await
        .unwrap();
    let pkce = Pkce::generate().unwrap();
    let state = random_state().unwrap();
    let url = server.authorize_url(&app, &pkce, &state);
    assert!(url.query().unwrap().contains("code_challenge_method=S256"));
    assert!(
        url.query()
            .unwrap()
            .contains(&format!("code_challenge={}", pkce.challenge()))
    );

    // The browser's part, from the shared helper: open the page, pick the account, follow
    // the redirect to the loopback listener.
    let authorize = url.to_string();
    let browser = tokio::spawn(async move {
        mastodon_mock::choose_account(&authorize, peers::MASTODON_USER).await
    });
    let code = redirect
        .wait_for_code(&state, Duration::from_secs(20))
        .await
        .unwrap();
    let landing = browser.await.unwrap();
    assert!(landing.contains("Ferry is signed in"));
    let token = server.exchange_code(&app, &code, &pkce).await.unwrap();
    (app, token)
}

pub(crate) async fn signed_in_client() -> Option<(MastodonServer, AppCredentials, MastodonClient)> {
    let base = peers::mastodon()?;
    let server = MastodonServer::new(&base).unwrap();
    let (app, token) = sign_in(&server).await;
    let client = server.client(token);
    Some((server, app, client))
}

#[tokio::test]
async fn oauth_with_pkce_then_verify_credentials() {
    let Some((_, _, client)) = signed_in_client().await else {
        return;
    };
    let me = client.verify_credentials().await.unwrap();
    assert_eq!(me.username, peers::MASTODON_USER);
}

#[tokio::test]
async fn out_of_band_code_paste() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let server = MastodonServer::new(&base).unwrap();
    let app = server
        .register_app("Ferry tests", OOB_REDIRECT, "read write", None)
        .await
        .unwrap();
    let pkce = Pkce::generate().unwrap();
    let url = server.authorize_url(&app, &pkce, "s");
    let mut form_url = url.clone();
    form_url.set_query(None);
    let page = reqwest::Client::new()
        .post(form_url)
        .form(&[
            ("username", peers::MASTODON_USER),
            ("client_id", &app.client_id),
            ("redirect_uri", OOB_REDIRECT),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // What the person would copy from the page, with the stray whitespace a paste brings.
    let code = page
        .split("Authorization code: ")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    let token = server
        .exchange_code(&app, &format!("  {code}\n"), &pkce)
        .await
        .unwrap();
    server.client(token).verify_credentials().await.unwrap();

    let err = server
        .exchange_code(&app, "not-a-code", &pkce)
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");
}

#[tokio::test]
async fn instance_limits() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let limits = MastodonServer::new(&base)
        .unwrap()
        .instance_limits()
        .await
        .unwrap();
    assert_eq!(limits.max_characters, 500);
    assert_eq!(limits.max_media_attachments, 4);
    assert_eq!(limits.characters_reserved_per_url, 23);
}

#[tokio::test]
async fn servers_without_v2_instance_fall_back_to_v1() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let proxy = FaultProxy::start(&base).await.unwrap();
    proxy.push(Fault::json(404, r#"{"error":"Record not found"}"#));
    let limits = MastodonServer::new(&proxy.http_url())
        .unwrap()
        .instance_limits()
        .await
        .unwrap();
    assert_eq!(
        (proxy.requests(), proxy.forwarded()),
        (2, 1),
        "v2 refused, v1 asked"
    );
    assert_eq!(limits.max_characters, 500);
}

#[tokio::test]
async fn same_idempotency_key_twice_makes_one_status() {
    let Some((_, _, client)) = signed_in_client().await else {
        return;
    };
    let key = format!("ferry{}", random_state().unwrap());
    let status = NewStatus {
        text: format!("你好 world 👩‍👩‍👧 #渡 https://example.com {key}"),
        language: Some("zh".into()),
        spoiler_text: Some("内容警告 CW".into()),
        visibility: Visibility::Unlisted,
        ..Default::default()
    };
    let first = client.publish_status(&status, &key).await.unwrap();
    let again = client.publish_status(&status, &key).await.unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(first.spoiler_text, "内容警告 CW");
    assert_eq!(first.visibility, "unlisted");
    assert_eq!(first.language.as_deref(), Some("zh"));
    assert_eq!(count_own_statuses_containing(&client, &key).await, 1);
    assert_eq!(
        client.status(&first.id).await.unwrap().unwrap().id,
        first.id
    );
    assert!(client.status("999999999999").await.unwrap().is_none());
    // An id is one path segment: it can't reach another route.
    assert!(
        client
            .status("../accounts/verify_credentials")
            .await
            .unwrap()
            .is_none()
    );

    let too_long = NewStatus {
        text: "字".repeat(501),
        ..Default::default()
    };
    let err = client
        .publish_status(&too_long, &format!("{key}-long"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.class(), err.status()),
        (ErrorClass::Permanent, Some(422)),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("mastodon: POST /api/v1/statuses refused"),
        "{err}"
    );
}

#[tokio::test]
async fn media_with_alt_text_and_a_thread() {
    let Some((server, _, client)) = signed_in_client().await else {
        return;
    };
    let limits = MediaLimits::mastodon(&server.instance_limits().await.unwrap());
    let png = tiny_png();
    let ready = prepare_image(&png, "一只红色的点 a red dot", &limits).unwrap();
    let media = client
        .upload_media(ready.bytes, "dot.png", ready.mime, &ready.alt)
        .await
        .unwrap();
    assert_eq!(media.description.as_deref(), Some("一只红色的点 a red dot"));

    let key = random_state().unwrap();
    let head = NewStatus {
        text: "thread 1/2".into(),
        media_ids: vec![media.id.clone()],
        ..Default::default()
    };
    let first = client
        .publish_status(&head, &format!("{key}-1"))
        .await
        .unwrap();
    assert_eq!(first.media_attachments[0].id, media.id);
    let reply = NewStatus {
        text: "thread 2/2".into(),
        in_reply_to_id: Some(first.id.clone()),
        ..Default::default()
    };
    let second = client
        .publish_status(&reply, &format!("{key}-2"))
        .await
        .unwrap();
    assert_eq!(second.in_reply_to_id.as_deref(), Some(first.id.as_str()));
}

#[tokio::test]
async fn rate_limit_headers_become_retry_at() {
    let Some((server, _, client)) = signed_in_client().await else {
        return;
    };
    let proxy = FaultProxy::start(server.base_url().as_str()).await.unwrap();
    let reset = "2030-01-01T00:05:00.000Z";
    proxy.push(Fault::Respond {
        status: 429,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("X-RateLimit-Limit".into(), "300".into()),
            ("X-RateLimit-Remaining".into(), "0".into()),
            ("X-RateLimit-Reset".into(), reset.into()),
        ],
        body: r#"{"error":"Too many requests"}"#.into(),
    });
    proxy.push(Fault::too_many("120", &[]));
    let token = client_token(&client);
    let through = MastodonServer::new(&proxy.http_url())
        .unwrap()
        .client(token);
    let status = NewStatus {
        text: "rate limited".into(),
        ..Default::default()
    };

    let err = through.publish_status(&status, "rl-1").await.unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Retryable, "net.rate_limited"),
        "{err}"
    );
    assert_eq!(
        err.retry_at().unwrap().to_rfc3339(),
        "2030-01-01T00:05:00+00:00"
    );
    assert!(
        err.to_string()
            .starts_with("mastodon: POST /api/v1/statuses was rate-limited"),
        "{err}"
    );

    let err = through.publish_status(&status, "rl-1").await.unwrap_err();
    let wait = err.retry_at().unwrap() - chrono::Utc::now();
    assert!(
        (100..=120).contains(&wait.num_seconds()),
        "Retry-After: 120 → {wait}"
    );

    // The third attempt passes through: the key was never used, so one status.
    through.publish_status(&status, "rl-1").await.unwrap();
    assert_eq!(proxy.forwarded(), 1);
}

#[tokio::test]
async fn dropped_answer_is_unknown_and_found_again_by_key_or_text() {
    let Some((server, _, client)) = signed_in_client().await else {
        return;
    };
    let proxy = FaultProxy::start(server.base_url().as_str()).await.unwrap();
    proxy.push(Fault::DropAfterForward);
    let through = MastodonServer::new(&proxy.http_url())
        .unwrap()
        .client(client_token(&client));
    let key = random_state().unwrap();
    let status = NewStatus {
        text: format!("lost answer {key}"),
        ..Default::default()
    };
    let first_attempt = chrono::Utc::now();
    let err = through.publish_status(&status, &key).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");

    // Without the key (as after Mastodon's one-hour key window): found by its source text.
    let found = client
        .find_own_status(&status.text, None, first_attempt)
        .await
        .unwrap();
    let found = found.expect("the dropped request created the status");
    let other = client
        .find_own_status("never posted", None, first_attempt)
        .await
        .unwrap();
    assert!(other.is_none());
    let not_a_reply = client
        .find_own_status(&status.text, Some("1"), first_attempt)
        .await
        .unwrap();
    assert!(not_a_reply.is_none());

    // With the key: the server answers the same status.
    let recovered = through.publish_status(&status, &key).await.unwrap();
    assert_eq!(recovered.id, found.id);
    assert!(recovered.content.contains(&key), "{}", recovered.content);
    assert_eq!(
        count_own_statuses_containing(&client, &key).await,
        1,
        "posted exactly once"
    );
}

#[tokio::test]
async fn an_api_answer_past_the_cap_is_refused() {
    let Some((server, _, client)) = signed_in_client().await else {
        return;
    };
    let proxy = FaultProxy::start(server.base_url().as_str()).await.unwrap();
    let huge = format!(
        r#"{{"id":"1","note":"{}"}}"#,
        "x".repeat(ferry_networks::http::API_ANSWER_MAX_BYTES)
    );
    proxy.push(Fault::json(200, &huge));
    let through = MastodonServer::new(&proxy.http_url())
        .unwrap()
        .client(client_token(&client));
    let err = through.verify_credentials().await.unwrap_err();
    assert_eq!(err.code(), "net.invalid_response", "{err}");
    assert!(err.to_string().contains("larger than"), "{err}");
}

#[tokio::test]
async fn server_errors_and_stalls_are_classified() {
    let Some((server, _, client)) = signed_in_client().await else {
        return;
    };
    let proxy = FaultProxy::start(server.base_url().as_str()).await.unwrap();
    proxy.push(Fault::status(503));
    proxy.push(Fault::ForwardThenStatus(500));
    proxy.push(Fault::status(502));
    proxy.push(Fault::ForwardThenStatus(503));
    proxy.push(Fault::ForwardThenStall(Duration::from_secs(5)));
    proxy.push(Fault::Stall(Duration::from_secs(5)));
    let slow = MastodonServer::with_timeout(&proxy.http_url(), Duration::from_secs(2)).unwrap();
    let through = slow.client(client_token(&client));
    let key = random_state().unwrap();
    let status = NewStatus {
        text: format!("faults {key}"),
        ..Default::default()
    };
    // A read that meets a server error changed nothing: try again.
    let err = through.verify_credentials().await.unwrap_err();
    assert_eq!(
        (err.class(), err.status()),
        (ErrorClass::Retryable, Some(503)),
        "{err}"
    );
    // A write answered 500 after the server took it: it is there, so the error must not
    // invite a blind resend.
    let err = through.publish_status(&status, &key).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    assert!(err.to_string().contains("500"), "{err}");
    assert_eq!(count_own_statuses_containing(&client, &key).await, 1);
    // The client can't tell a 502 before the server from one after it: unknown too.
    let err = through.publish_status(&status, &key).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    // 503 after the server took it (a router's deadline past a slow backend): unknown.
    let err = through.publish_status(&status, &key).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    assert!(err.to_string().contains("503"), "{err}");
    let err = through.publish_status(&status, &key).await.unwrap_err();
    assert_eq!(
        err.class(),
        ErrorClass::UnknownOutcome,
        "forwarded, then silence: {err}"
    );
    let err = through.verify_credentials().await.unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Retryable, "net.timeout"),
        "a read that stalls: {err}"
    );
    assert_eq!(
        count_own_statuses_containing(&client, &key).await,
        1,
        "one status whatever came back"
    );
}

#[tokio::test]
async fn revoked_token_is_an_auth_error() {
    let Some((server, app, client)) = signed_in_client().await else {
        return;
    };
    let token = client_token(&client);
    server.revoke_token(&app, &token).await.unwrap();
    let err = client.verify_credentials().await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");
    assert!(!err.to_string().contains(token.expose()));
    let err = client
        .publish_status(
            &NewStatus {
                text: "x".into(),
                ..Default::default()
            },
            "k",
        )
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");
}

#[tokio::test]
async fn html_tls_and_unreachable_servers() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let proxy = FaultProxy::start(&base).await.unwrap();
    proxy.push(Fault::html(
        200,
        "<!DOCTYPE html><html><body>Welcome to my blog</body></html>",
    ));
    let err = MastodonServer::new(&proxy.http_url())
        .unwrap()
        .instance_limits()
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.invalid_response");
    assert!(
        err.to_string().contains("HTML page instead of JSON"),
        "{err}"
    );

    let https = base.replace("http://", "https://");
    let err = MastodonServer::new(&https)
        .unwrap()
        .instance_limits()
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.class()),
        ("net.tls", ErrorClass::Permanent),
        "{err}"
    );

    let err = MastodonServer::new("http://127.0.0.1:9")
        .unwrap()
        .instance_limits()
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.class()),
        ("net.unreachable", ErrorClass::Retryable),
        "{err}"
    );
    assert!(err.to_string().contains("127.0.0.1:9"), "{err}");

    let err = MastodonServer::new("mastodon.social").unwrap_err();
    assert_eq!(err.code(), "net.invalid_input");
    assert!(err.to_string().contains("server address"), "{err}");
}

/// How many of the account's recent statuses contain `marker` (tests run in parallel as one
/// account, so counting all statuses would race).
async fn count_own_statuses_containing(client: &MastodonClient, marker: &str) -> usize {
    let me = client.verify_credentials().await.unwrap();
    let base = peers::mastodon().unwrap();
    // Other tests post as the same user meanwhile: look back ten pages, not one.
    let mut count = 0;
    let mut max_id: Option<String> = None;
    for _ in 0..10 {
        let mut url = format!("{base}/api/v1/accounts/{}/statuses?limit=40", me.id);
        if let Some(max_id) = &max_id {
            url.push_str(&format!("&max_id={max_id}"));
        }
        let statuses: Vec<ferry_networks::mastodon::client::Status> = reqwest::Client::new()
            .get(url)
            .bearer_auth(client.token().expose())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        count += statuses
            .iter()
            .filter(|s| s.content.contains(marker))
            .count();
        match statuses.last() {
            Some(last) => max_id = Some(last.id.clone()),
            None => break,
        }
    }
    count
}

fn client_token(client: &MastodonClient) -> Secret {
    client.token().clone()
}

/// A 2×2 PNG made with the image crate.
fn tiny_png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(2, 2, image::Rgb([200, 10, 10]));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}
