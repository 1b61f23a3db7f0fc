//! A rotated Bluesky refresh token is stored before it is used. `refreshSession` kills the old
//! refresh token; if Ferry stored the new one only after the call that needed the refresh, a
//! process ended during that call (a kill, a crash, a power cut) would leave the keychain with
//! a dead token, and the account would have to sign in again.

use std::time::{Duration, Instant};

use crate::publish_support::*;
use ferry_core::outbox::Publisher;
use ferry_core::secrets::{KeychainStore, SecretKey, SecretKind, Secrets};
use ferry_test_support::{Fault, FaultProxy, peers};

#[tokio::test]
async fn the_rotated_refresh_token_is_in_the_keychain_before_the_repeated_call_goes_out() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let Some(env) = env("bluesky-rotation").await else {
        return;
    };
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let bsky = add_bluesky(&env.accounts, &proxy.http_url(), &["en"]).await;
    let secrets = Secrets::new(KeychainStore::open().unwrap());
    let key = SecretKey::new(&bsky.id, SecretKind::RefreshToken).unwrap();
    let stored = async || {
        secrets
            .get(&key)
            .await
            .unwrap()
            .unwrap()
            .expose()
            .to_owned()
    };
    let first_token = stored().await;
    let tag = marker("rotation");
    let draft = env
        .draft(&[("en", &format!("渡口 rotated {tag}"))], &[&bsky])
        .await;

    // The post meets an expired access token; the refresh goes through; the post sent again
    // is held 3 s on its way, as a slow network would.
    let before = proxy.requests();
    proxy.push(Fault::json(
        400,
        r#"{"error":"ExpiredToken","message":"Token has expired"}"#,
    ));
    proxy.push(Fault::Forward);
    proxy.push(Fault::Delay(Duration::from_secs(3)));
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let handle = publisher.publish(request(&draft.id, true)).await.unwrap();

    let deadline = Instant::now() + Duration::from_secs(10);
    while proxy.requests() - before < 3 {
        assert!(Instant::now() < deadline, "the post was never sent again");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The repeated post is on its way: the keychain must already hold the new token.
    let during = stored().await;
    assert_ne!(
        during, first_token,
        "the rotated refresh token was not stored before the call that uses the new tokens"
    );

    let status = handle.finish().await.unwrap();
    assert!(status.all_posted(), "{status:?}");
    assert_eq!(stored().await, during, "one rotation, stored once");
    let posts = bluesky_posts(&pds, &bsky.remote_id, &tag).await;
    assert_eq!(posts.len(), 1);
    env.cleanup().await;
}
