//! Accounts against the real servers and the real keychain: one per network added, listed and
//! removed; secrets in the keychain and nowhere in the database; Mastodon's browser sign-in
//! with its app registration reused; and sign-ins that fail say why, storing nothing.

use std::time::Duration;

use crate::publish_support::*;
use ferry_core::accounts::{AccountState, AddBluesky, AddNostr, NostrKey, Relay, StartMastodon};
use ferry_core::secrets::{SecretKey, SecretKind};
use ferry_test_support::{Fault, FaultProxy, mastodon_mock, peers};
use sqlx::{Connection, SqliteConnection};

#[tokio::test]
async fn one_account_per_network_with_secrets_only_in_the_keychain() {
    let Some((pds, relay, masto)) = all_peers() else {
        return;
    };
    let Some(env) = env("accounts").await else {
        return;
    };
    let accounts = &env.accounts;
    let bsky = add_bluesky(accounts, &pds, &["zh-Hans"]).await;
    assert_eq!(
        (bsky.handle.as_str(), bsky.server_url.as_deref()),
        (peers::BSKY_ALICE.0, Some(pds.as_str()))
    );
    assert!(bsky.remote_id.starts_with("did:"), "{bsky:?}");
    let mastodon = add_mastodon(accounts, &masto, &[]).await;
    assert!(
        mastodon
            .handle
            .starts_with(&format!("@{}@127.0.0.1:", peers::MASTODON_USER)),
        "{mastodon:?}"
    );
    assert_eq!(mastodon.limits.as_ref().unwrap().max_characters, 500);
    let added = accounts
        .add_nostr(AddNostr {
            key: NostrKey::Generate,
            relays: vec![
                Relay {
                    url: relay.clone(),
                    read: true,
                    write: true,
                },
                Relay {
                    url: format!("{relay}/"),
                    read: true,
                    write: false,
                },
            ],
            audience: langs(&["en", "zh-Hant"]),
        })
        .await
        .unwrap();
    assert!(added.warnings.is_empty(), "{:?}", added.warnings);
    let nostr = added.account;
    assert!(nostr.handle.starts_with("npub1"));

    let listed = accounts.list().await.unwrap();
    let ids: Vec<&str> = listed.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [bsky.id.as_str(), mastodon.id.as_str(), nostr.id.as_str()]
    );
    assert!(listed.iter().all(|a| a.state == AccountState::Active));

    // The NIP-65 relay list is on the relay, with the read-only marker.
    let filter = serde_json::json!({ "authors": [nostr.remote_id], "kinds": [10002] });
    let lists = ferry_networks::nostr::client::query_events(
        std::slice::from_ref(&relay),
        filter,
        Duration::from_secs(5),
    )
    .await;
    let tags: Vec<Vec<String>> = lists[0]
        .tags
        .iter()
        .map(|t| t.as_slice().to_vec())
        .collect();
    assert_eq!(
        tags,
        [
            vec!["r".to_owned(), relay.clone()],
            vec!["r".to_owned(), format!("{relay}/"), "read".to_owned()]
        ]
    );

    // Signing in again to the same account updates it instead of adding a twin.
    let again = add_bluesky(accounts, &pds, &[]).await;
    assert_eq!(again.id, bsky.id);
    assert_eq!(
        again.audience,
        langs(&["zh-Hans"]),
        "an empty audience keeps the old one"
    );

    // Secrets: in the keychain, never in the database files.
    let secret = |id: &str, kind| {
        let key = SecretKey::new(id, kind).unwrap();
        let secrets = accounts.secrets().clone();
        async move { secrets.get(&key).await.unwrap() }
    };
    let tokens = [
        secret(&bsky.id, SecretKind::RefreshToken).await.unwrap(),
        secret(&bsky.id, SecretKind::AccessToken).await.unwrap(),
        secret(&mastodon.id, SecretKind::OauthToken).await.unwrap(),
        secret(&nostr.id, SecretKind::PrivateKey).await.unwrap(),
    ];
    assert!(
        secret(&bsky.id, SecretKind::AppPassword).await.is_none(),
        "the app password is never kept"
    );
    let mut db = Vec::new();
    for entry in std::fs::read_dir(env.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            db.extend(std::fs::read(path).unwrap());
        }
    }
    let db = String::from_utf8_lossy(&db);
    for token in &tokens {
        assert!(
            !db.contains(token.expose()),
            "a secret is in the database files"
        );
    }
    assert!(!db.contains(peers::BSKY_ALICE.1));

    // Removing an account removes its secrets.
    assert_eq!(accounts.remove(&bsky.id).await.unwrap(), 2);
    assert!(secret(&bsky.id, SecretKind::RefreshToken).await.is_none());
    assert_eq!(accounts.list().await.unwrap().len(), 2);
    let err = accounts.remove(&bsky.id).await.unwrap_err();
    assert_eq!(err.code(), "account.not_found");
    env.cleanup().await;
}

#[tokio::test]
async fn mastodon_browser_sign_in_reuses_the_app_registration() {
    let Some(masto) = peers::mastodon() else {
        return;
    };
    let Some(env) = env("loopback").await else {
        return;
    };
    let proxy = FaultProxy::start(&masto).await.unwrap();
    let mut ports = Vec::new();
    for round in 0..3 {
        if round == 2 {
            // As an older Ferry registered it: with the whole of read and write.
            let url = format!("sqlite://{}", env.accounts.store().db_path().display());
            let mut db = SqliteConnection::connect(&url).await.unwrap();
            sqlx::query("UPDATE mastodon_apps SET scopes = 'read write'")
                .execute(&mut db)
                .await
                .unwrap();
            db.close().await.unwrap();
        }
        let before = proxy.requests();
        let mut sign_in = env
            .accounts
            .start_mastodon_sign_in(StartMastodon {
                instance: proxy.http_url(),
                out_of_band: false,
            })
            .await
            .unwrap();
        let started = sign_in.started().clone();
        assert!(!started.out_of_band);
        assert!(started.authorize_url.contains("code_challenge_method=S256"));
        let asked: Vec<String> = url::Url::parse(&started.authorize_url)
            .unwrap()
            .query_pairs()
            .filter(|(name, _)| name == "scope")
            .map(|(_, scope)| scope.into_owned())
            .collect();
        assert_eq!(
            asked,
            ["read:accounts read:statuses write:statuses write:media"],
            "round {round}: only the scopes Ferry uses"
        );
        ports.push(started.redirect_uri.clone());
        let url = started.authorize_url.clone();
        let browser =
            tokio::spawn(
                async move { mastodon_mock::choose_account(&url, peers::MASTODON_USER).await },
            );
        let code = sign_in
            .wait_for_code(Duration::from_secs(20))
            .await
            .unwrap();
        assert!(browser.await.unwrap().contains("Ferry is signed in"));
        let account = sign_in.finish(&code).await.unwrap().account;
        assert_eq!(account.network, ferry_core::Network::Mastodon);
        // apps (first round, and again for the wider registration of round 2), authorize
        // page + form, token, verify_credentials, instance.
        let expected = if round == 1 { 5 } else { 6 };
        assert_eq!(proxy.requests() - before, expected, "round {round}");
    }
    assert_eq!(
        ports[0], ports[1],
        "the registered loopback port is used again"
    );
    assert_eq!(env.accounts.list().await.unwrap().len(), 1);
    env.cleanup().await;
}

#[tokio::test]
async fn failed_sign_ins_say_why_and_store_nothing() {
    let (Some(pds), Some(masto)) = (peers::bluesky_pds(), peers::mastodon()) else {
        return;
    };
    let Some(env) = env("bad_sign_in").await else {
        return;
    };
    let accounts = &env.accounts;
    let bluesky = |pds: &str, who: &str, password: &str| AddBluesky {
        pds_url: pds.to_owned(),
        identifier: who.to_owned(),
        password: password.to_owned(),
        audience: vec![],
    };
    let err = accounts
        .add_bluesky(bluesky(&pds, "alice.test", "wrong-password"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.auth", "{err}");
    assert!(!err.to_string().contains("wrong-password"), "{err}");
    let err = accounts
        .add_bluesky(bluesky(&pds, "nobody.test", "x"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.auth", "{err}");
    let err = accounts
        .add_bluesky(bluesky("http://127.0.0.1:9", "alice.test", "x"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.unreachable", "{err}");
    assert!(err.to_string().contains("127.0.0.1:9"), "{err}");
    let err = accounts
        .add_bluesky(bluesky("bsky.social", "alice.test", "x"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("PDS address"), "{err}");
    let err = accounts
        .add_bluesky(bluesky(&pds, "alice.test", ""))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "account.invalid");

    let proxy = FaultProxy::start(&masto).await.unwrap();
    proxy.push(Fault::html(
        200,
        "<!DOCTYPE html><html><body>Parked domain</body></html>",
    ));
    let err = accounts
        .start_mastodon_sign_in(StartMastodon {
            instance: proxy.http_url(),
            out_of_band: true,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.invalid_response", "{err}");
    assert!(
        err.to_string().contains("HTML page instead of JSON"),
        "{err}"
    );
    let sign_in = accounts
        .start_mastodon_sign_in(StartMastodon {
            instance: masto.clone(),
            out_of_band: true,
        })
        .await
        .unwrap();
    let err = sign_in.finish("not-a-code").await.unwrap_err();
    assert_eq!(err.code(), "net.auth", "{err}");

    let nostr = |key: NostrKey, relays: Vec<Relay>| AddNostr {
        key,
        relays,
        audience: vec![],
    };
    let relay = |url: &str, write: bool| Relay {
        url: url.to_owned(),
        read: true,
        write,
    };
    let err = accounts
        .add_nostr(nostr(
            NostrKey::Import("nsec1sekritsekrit".into()),
            vec![relay("ws://127.0.0.1:1", true)],
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.invalid_input");
    assert!(!err.to_string().contains("sekrit"), "{err}");
    let err = accounts
        .add_nostr(nostr(
            NostrKey::Generate,
            vec![relay("https://relay.example", true)],
        ))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ws:// or wss://"), "{err}");
    let err = accounts
        .add_nostr(nostr(
            NostrKey::Generate,
            vec![relay("wss://relay.example", false)],
        ))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("at least one relay to write to"),
        "{err}"
    );

    assert!(
        accounts.list().await.unwrap().is_empty(),
        "nothing was stored"
    );
    env.cleanup().await;
}
