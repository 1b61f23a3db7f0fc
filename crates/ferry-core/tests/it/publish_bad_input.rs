//! Bad input while publishing: a revoked token, a dead Bluesky refresh token, an unreachable
//! server, HTML instead of JSON, a text over a network's limit with threads off, images a
//! network can't take. Each ends as a clear `{code, message}` on its own target; nothing
//! panics and the other targets go out.

use crate::publish_support::*;
use ferry_core::accounts::AccountState;
use ferry_core::outbox::{JobStatus, Publisher, TargetState, TargetStatus};
use ferry_core::secrets::{SecretKey, SecretKind};
use ferry_core::{LangTag, Network};
use ferry_test_support::{Fault, FaultProxy, peers};

fn target(status: &JobStatus, network: Network) -> &TargetStatus {
    status
        .targets
        .iter()
        .find(|t| t.network == network)
        .unwrap()
}

#[tokio::test]
async fn dead_tokens_mark_the_account_and_the_others_still_post() {
    let Some((pds, relay, masto)) = all_peers() else {
        return;
    };
    let Some(env) = env("dead_tokens").await else {
        return;
    };
    let bsky = add_bluesky(&env.accounts, &pds, &[]).await;
    let mastodon = add_mastodon(&env.accounts, &masto, &[]).await;
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    let secrets = env.accounts.secrets().clone();
    let key = |id: &str, kind| SecretKey::new(id, kind).unwrap();

    // Mastodon: the token is revoked on the server.
    let token = secrets
        .get(&key(&mastodon.id, SecretKind::OauthToken))
        .await
        .unwrap()
        .unwrap();
    reqwest::Client::new()
        .post(format!("{masto}/oauth/revoke"))
        .form(&[("token", token.expose())])
        .send()
        .await
        .unwrap();
    // Bluesky: the refresh token is revoked (deleteSession) and the access token is garbage,
    // so the refresh Ferry tries after the auth error fails too.
    let refresh = secrets
        .get(&key(&bsky.id, SecretKind::RefreshToken))
        .await
        .unwrap()
        .unwrap();
    reqwest::Client::new()
        .post(format!("{pds}/xrpc/com.atproto.server.deleteSession"))
        .bearer_auth(refresh.expose())
        .send()
        .await
        .unwrap();
    secrets
        .set(&key(&bsky.id, SecretKind::AccessToken), "not-a-jwt".into())
        .await
        .unwrap();

    let tag = marker("dead");
    let draft = env
        .draft(
            &[("en", &format!("still here {tag}"))],
            &[&bsky, &mastodon, &nostr],
        )
        .await;
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert_eq!(target(&status, Network::Nostr).state, TargetState::Posted);
    for network in [Network::Bluesky, Network::Mastodon] {
        let t = target(&status, network);
        assert_eq!(
            (t.state, t.retryable),
            (TargetState::Failed, Some(false)),
            "{t:#?}"
        );
        assert_eq!(t.error.as_ref().unwrap().code, "net.auth", "{t:#?}");
        let account = env.accounts.get(&t.account_id).await.unwrap();
        assert_eq!(account.state, AccountState::NeedsReauth, "{network}");
        assert!(!t.error.as_ref().unwrap().message.contains(token.expose()));
    }

    // Retrying before signing in again sends nothing and says what to do.
    let status = publisher
        .retry_failed(&status.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let t = target(&status, Network::Bluesky);
    assert_eq!(t.error.as_ref().unwrap().code, "account.needs_reauth");
    assert!(
        t.error
            .as_ref()
            .unwrap()
            .message
            .contains("needs signing in again"),
        "{t:?}"
    );

    // Signing in again makes the account active, and the retry posts, once.
    let back = env
        .accounts
        .reauth_bluesky(&bsky.id, peers::BSKY_ALICE.1.into())
        .await
        .unwrap();
    assert_eq!(back.state, AccountState::Active);
    add_mastodon(&env.accounts, &masto, &[]).await;
    let status = publisher
        .retry_failed(&status.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(status.all_posted(), "{status:#?}");
    assert_eq!(bluesky_posts(&pds, &bsky.remote_id, &tag).await.len(), 1);
    assert_eq!(
        mastodon_statuses(&masto, &mastodon.remote_id, &tag)
            .await
            .len(),
        1
    );
    env.cleanup().await;
}

#[tokio::test]
async fn unreachable_servers_html_and_over_long_texts() {
    let (Some(relay), Some(masto)) = (peers::nostr_relay(), peers::mastodon()) else {
        return;
    };
    let Some(env) = env("bad_servers").await else {
        return;
    };
    let gone = FaultProxy::start(&masto).await.unwrap();
    let unreachable = add_mastodon(&env.accounts, &gone.http_url(), &[]).await;
    drop(gone); // the server goes away after the account was added
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    let mut config = fast_config();
    config.retry.max_attempts = 3;
    let publisher = Publisher::new(env.accounts.clone(), config);

    let draft = env
        .draft(&[("en", &marker("gone"))], &[&unreachable, &nostr])
        .await;
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let t = target(&status, Network::Mastodon);
    assert_eq!(
        (t.state, t.retryable, t.attempts),
        (TargetState::Failed, Some(true), 3),
        "{t:#?}"
    );
    assert_eq!(t.error.as_ref().unwrap().code, "net.unreachable");
    assert_eq!(target(&status, Network::Nostr).state, TargetState::Posted);

    // A server answering its status post with an HTML page: the post may have happened, so
    // it is checked (the same Idempotency-Key) and ends up posted once.
    let proxy = FaultProxy::start(&masto).await.unwrap();
    let mastodon = add_mastodon(&env.accounts, &proxy.http_url(), &["en"]).await;
    let tag = marker("html");
    let draft = env
        .draft(&[("en", &format!("an HTML answer {tag}"))], &[&mastodon])
        .await;
    proxy.push(Fault::html(
        200,
        "<!doctype html><html><body>Welcome to nginx!</body></html>",
    ));
    let mut events = Vec::new();
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish_with(|e| events.push(e.clone()))
        .await
        .unwrap();
    assert!(status.all_posted(), "{status:#?}");
    assert!(events.iter().any(|e| matches!(e, ferry_core::outbox::PublishEvent::Target(t) if t.state == TargetState::Unknown)));
    assert_eq!(
        mastodon_statuses(&masto, &mastodon.remote_id, &tag)
            .await
            .len(),
        1
    );

    // Too long with threads off: refused before sending, naming the network and the excess.
    let long = format!("{} {}", "渡".repeat(520), marker("long"));
    let draft = env.draft(&[("en", &long)], &[&mastodon, &nostr]).await;
    let forwarded = proxy.forwarded();
    let status = publisher
        .publish(request(&draft.id, false))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let t = target(&status, Network::Mastodon);
    assert_eq!(
        (t.state, t.attempts, t.parts),
        (TargetState::Failed, 0, 0),
        "{t:#?}"
    );
    let error = t.error.as_ref().unwrap();
    assert_eq!(error.code, "outbox.too_long");
    assert!(
        error.message.starts_with(&format!(
            "mastodon: {} characters over the limit of 500",
            long.chars().count() - 500
        )),
        "{}",
        error.message
    );
    assert_eq!(proxy.forwarded(), forwarded, "nothing was sent");
    assert_eq!(target(&status, Network::Nostr).state, TargetState::Posted);
    let again = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap_err();
    assert_eq!(again.code(), "outbox.already_published", "nostr got it");

    // A draft whose publish sent nothing at all may be posted once fixed (here: as a thread).
    let draft = env.draft(&[("en", &long)], &[&mastodon]).await;
    let refused = publisher
        .publish(request(&draft.id, false))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert_eq!(refused.targets[0].state, TargetState::Failed);
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(status.all_posted(), "{status:#?}");
    assert_eq!(status.targets[0].parts, 2);
    env.cleanup().await;
}

#[tokio::test]
async fn images_a_network_cannot_take_fail_on_their_target_only() {
    let (Some(pds), Some(relay)) = (peers::bluesky_pds(), peers::nostr_relay()) else {
        return;
    };
    let Some(env) = env("bad_media").await else {
        return;
    };
    let bsky = add_bluesky(&env.accounts, &pds, &[]).await;
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    let store = env.accounts.store();
    let tag = marker("media");
    let draft = env
        .draft(&[("en", &format!("pier {tag}"))], &[&bsky, &nostr])
        .await;
    // A real 1×1 GIF: Ferry attaches it, but posts JPEG and PNG only.
    const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    let gif = env.dir.path().join("wave.gif");
    std::fs::write(&gif, GIF).unwrap();
    let alt = [(LangTag::parse("en").unwrap(), "waves".to_owned())].into();
    store.attach_media(&draft.id, &gif, alt).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let status = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let b = target(&status, Network::Bluesky);
    assert_eq!(
        b.error.as_ref().unwrap().code,
        "media.unsupported",
        "{b:#?}"
    );
    assert!(
        b.error.as_ref().unwrap().message.contains("wave.gif"),
        "{b:#?}"
    );
    // Nostr links pictures from a media host, but a GIF is refused before that.
    let n = target(&status, Network::Nostr);
    assert_eq!(
        n.error.as_ref().unwrap().code,
        "media.unsupported",
        "{n:#?}"
    );
    assert!(bluesky_posts(&pds, &bsky.remote_id, &tag).await.is_empty());
    env.cleanup().await;
}
