//! X through the FAKE X API (`ferry_test_support::x_api`, written from X's API documentation
//! — no real one runs here): signing in with PKCE through the loopback callback, the cost
//! shown and accepted before anything is sent (and what X charged equal to it), a thread with
//! a picture and its alt text, an answer lost after the write ending in exactly one post, an
//! expired token renewed with the rotated refresh token, and spent credits stopping that
//! target only.

use std::collections::BTreeMap;

use crate::publish_support::*;
use ferry_core::accounts::{Account, AccountState, Accounts, StartX};
use ferry_core::outbox::{PublishRequest, Publisher, TargetState, preview};
use ferry_core::secrets::{SecretKey, SecretKind};
use ferry_test_support::x_api::{CLIENT_ID, FakeXApi, USER_ID};
use ferry_test_support::{Fault, FaultProxy};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The browser: opens the authorize URL and follows X's redirect to the loopback callback.
async fn approve(authorize_url: &str) {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let consent = browser.get(authorize_url).send().await.unwrap();
    assert_eq!(consent.status().as_u16(), 302, "{:?}", consent.text().await);
    let callback = consent.headers()["location"].to_str().unwrap().to_owned();
    browser.get(&callback).send().await.unwrap();
}

pub(crate) async fn sign_in(accounts: &Accounts, api: &str) -> Result<Account, String> {
    let mut sign_in = accounts
        .start_x_sign_in(StartX {
            client_id: CLIENT_ID.into(),
            port: Some(free_port()),
            api_url: Some(api.into()),
            authorize_url: Some(format!("{api}/i/oauth2/authorize")),
            audience: langs(&["en"]),
            ..StartX::default()
        })
        .await
        .map_err(|e| e.to_string())?;
    let url = sign_in.started().authorize_url.clone();
    let (code, ()) = tokio::join!(
        sign_in.wait_for_code(std::time::Duration::from_secs(20)),
        approve(&url)
    );
    let code = code.map_err(|e| format!("{} {e}", e.code()))?;
    sign_in
        .finish(&code)
        .await
        .map(|added| added.account)
        .map_err(|e| format!("{} {e}", e.code()))
}

fn accepted(draft_id: &str) -> PublishRequest {
    PublishRequest {
        accept_x_cost: true,
        ..request(draft_id, true)
    }
}

async fn post_accepted(publisher: &Publisher, draft_id: &str) -> ferry_core::outbox::JobStatus {
    let handle = publisher.publish(accepted(draft_id)).await.unwrap();
    handle.finish().await.unwrap()
}

#[tokio::test]
async fn signing_in_keeps_the_tokens_in_the_keychain_and_a_refusal_says_so() {
    let Some(env) = env("x-sign-in").await else {
        return;
    };
    let api = FakeXApi::start().await;
    let account = sign_in(&env.accounts, &api.base).await.unwrap();
    assert_eq!(account.handle, "@ferry_writer");
    assert_eq!(account.remote_id, USER_ID);
    // Again: the same account, updated.
    assert_eq!(
        sign_in(&env.accounts, &api.base).await.unwrap().id,
        account.id
    );
    api.deny_next_authorization();
    let denied = sign_in(&env.accounts, &api.base).await.unwrap_err();
    assert!(denied.contains("access_denied"), "{denied}");
    let not_an_id = env
        .accounts
        .start_x_sign_in(StartX {
            client_id: "https://developer.x.com/en/portal".into(),
            port: Some(free_port()),
            ..StartX::default()
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(
        not_an_id.contains("not an OAuth 2.0 Client ID"),
        "{not_an_id}"
    );
    for kind in [SecretKind::OauthToken, SecretKind::RefreshToken] {
        let key = SecretKey::new(&account.id, kind).unwrap();
        let kept = env.accounts.secrets().get(&key).await.unwrap();
        assert!(
            kept.is_some_and(|t| t.expose().len() >= 40),
            "{kind:?} in the keychain"
        );
    }
    assert_eq!(env.accounts.list().await.unwrap().len(), 1);
    env.cleanup().await;
}

#[tokio::test]
async fn the_cost_is_accepted_first_and_x_charges_what_was_shown() {
    let Some(env) = env("x-cost").await else {
        return;
    };
    let api = FakeXApi::start().await;
    let account = sign_in(&env.accounts, &api.base).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    // Three parts, the second with a link; one picture with alt text on the first.
    let long = format!(
        "{} 渡口见 https://example.com/ferry {}",
        "The ferry leaves at six; the fog has not lifted. ".repeat(5),
        "晚上见。Tom & Jerry <3 ".repeat(12)
    );
    let draft = env.draft(&[("en", &long)], &[&account]).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.png");
    image::RgbImage::from_pixel(300, 400, image::Rgb([200, 40, 40]))
        .save(&path)
        .unwrap();
    let alt = BTreeMap::from([(langs(&["en"]).remove(0), "a red square 红色".to_owned())]);
    env.accounts
        .store()
        .attach_media(&draft.id, &path, alt)
        .await
        .unwrap();
    let draft = env.accounts.store().get_draft(&draft.id).await.unwrap();

    let spent_signing_in = api.spent_total();
    let refused = publisher
        .publish(request(&draft.id, true))
        .await
        .expect_err("an X post is refused until its cost is accepted");
    assert_eq!(refused.code(), "outbox.cost_not_accepted");
    assert!(api.posts().is_empty() && api.spent_total() == spent_signing_in);

    let all = env.accounts.list().await.unwrap();
    let shown = preview(&draft, &all, &accepted(&draft.id)).unwrap();
    let cost = shown[0].cost.clone().expect("an X target has a cost");
    assert!(refused.to_string().contains(&cost.usd), "{refused}");
    assert!(cost.posts_with_link >= 1 && cost.alt_texts == 1, "{cost:?}");

    let job = post_accepted(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let posts = api.posts();
    assert_eq!(posts.len(), shown[0].parts.len());
    assert_eq!(posts[0].media.len(), 1);
    assert_eq!(
        posts[0].media[0].alt_text.as_deref(),
        Some("a red square 红色")
    );
    for pair in posts.windows(2) {
        assert_eq!(pair[1].reply_to.as_deref(), Some(pair[0].id.as_str()));
    }
    let writes: u64 = api
        .spent()
        .iter()
        .filter(|c| !c.what.contains("Read"))
        .map(|c| c.micro_dollars)
        .sum();
    assert_eq!(writes, cost.micro_dollars, "{:?}", api.spent());
    assert_eq!(
        job.targets[0].remote_url.as_deref(),
        Some(format!("https://x.com/ferry_writer/status/{}", posts[0].id).as_str())
    );
    env.cleanup().await;
}

#[tokio::test]
async fn an_answer_lost_after_the_write_ends_in_exactly_one_post() {
    let Some(env) = env("x-faults").await else {
        return;
    };
    let api = FakeXApi::start().await;
    let proxy = FaultProxy::start(&api.base).await.unwrap();
    let account = sign_in(&env.accounts, &proxy.http_url()).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    // The post's answer dropped by the network after X made it.
    proxy.push(Fault::DropAfterForward);
    let text = "lost answer 丢失的回答 & <escaped> https://example.com/a";
    let draft = env.draft(&[("en", text)], &[&account]).await;
    let job = post_accepted(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    assert_eq!(api.posts().len(), 1, "found, not sent again");
    assert_eq!(
        job.targets[0].remote_id.as_deref(),
        Some(api.posts()[0].id.as_str())
    );
    // X's own failure after the write (a 503 with no body): checked, found.
    api.fail_after_next_post();
    let draft = env
        .draft(&[("en", "a 503 after the write")], &[&account])
        .await;
    assert!(post_accepted(&publisher, &draft.id).await.all_posted());
    assert_eq!(api.posts().len(), 2);
    env.cleanup().await;
}

#[tokio::test]
async fn an_expired_token_is_renewed_and_spent_credits_stop_that_target_only() {
    let Some(env) = env("x-renew").await else {
        return;
    };
    let api = FakeXApi::start().await;
    let account = sign_in(&env.accounts, &api.base).await.unwrap();
    // Two hours later, as far as Ferry's records and X's tokens go.
    api.expire_access_tokens();
    let db = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        env.dir.path().join("ferry.db").display()
    ))
    .await
    .unwrap();
    sqlx::query("UPDATE accounts SET token_expires_at = '2020-01-01T00:00:00Z'")
        .execute(&db)
        .await
        .unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let draft = env
        .draft(&[("en", "after the renewal 续期之后")], &[&account])
        .await;
    assert!(post_accepted(&publisher, &draft.id).await.all_posted());
    assert_eq!(api.refreshes(), 1);

    api.set_credits(0);
    let draft = env.draft(&[("en", "no credits left")], &[&account]).await;
    let job = post_accepted(&publisher, &draft.id).await;
    assert_eq!(job.targets[0].state, TargetState::Failed);
    let error = job.targets[0].error.as_ref().unwrap();
    assert!(
        error.message.contains("no pay-per-use credits"),
        "{}",
        error.message
    );
    assert_eq!(api.posts().len(), 1);

    // A revoked app: sign in again, said on the account.
    api.revoke_tokens();
    sqlx::query("UPDATE accounts SET token_expires_at = '2020-01-01T00:00:00Z'")
        .execute(&db)
        .await
        .unwrap();
    drop(publisher);
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let draft = env.draft(&[("en", "revoked")], &[&account]).await;
    let job = post_accepted(&publisher, &draft.id).await;
    assert_eq!(job.targets[0].state, TargetState::Failed);
    let account = env.accounts.store().account(&account.id).await.unwrap();
    assert_eq!(account.state, AccountState::NeedsReauth);
    db.close().await;
    env.cleanup().await;
}
