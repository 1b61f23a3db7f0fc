//! The keychain store against a real Secret Service: gnome-keyring on the private session bus
//! that `tests/keyring/with-keyring` starts (`make test` runs every Rust test under it). These
//! fail without a working keychain; `FERRY_SKIP_KEYRING=1` makes them skip, loudly.
//!
//! Each test uses its own fresh account ids, because nextest runs tests in parallel processes
//! against the one keyring.

use std::process::Command;

use crate::secrets_support::{key, unique_account};
use ferry_core::secrets::{
    BackendKind, KeychainStore, PassphraseSource, SERVICE, Secret, SecretKind, SecretStore,
    Secrets, SecretsConfig,
};
use ferry_test_support::keyring::keychain_or_skip;

const TRICKY: [&str; 5] = [
    "令牌-訪問權杖-トークン",
    "👩‍👩‍👧‍👦 family ZWJ, 🇨🇳🇺🇸 flags, skin tone 👋🏽",
    "全角：，。！？「」（ ）",
    "مرحبا بالعالم — שלום",
    "e\u{301} combining, \u{200B} zero width, trailing space ",
];

#[test]
fn round_trips_cjk_emoji_and_rtl_values() {
    let Some(store) = keychain_or_skip("round_trips_cjk_emoji_and_rtl_values", KeychainStore::open)
    else {
        return;
    };
    assert_eq!(store.backend(), BackendKind::Keychain);
    let account = unique_account("roundtrip");
    for (value, kind) in TRICKY.iter().zip(SecretKind::ALL) {
        let k = key(&account, kind);
        store.set(&k, &Secret::new(*value)).unwrap();
        assert_eq!(store.get(&k).unwrap().unwrap().expose(), *value, "{kind}");
    }
    for kind in SecretKind::ALL.into_iter().take(TRICKY.len()) {
        let k = key(&account, kind);
        assert!(store.delete(&k).unwrap(), "{kind} was stored");
        assert_eq!(store.get(&k).unwrap(), None, "{kind} after delete");
    }
}

#[test]
fn overwrite_replaces_and_missing_is_none() {
    let Some(store) = keychain_or_skip(
        "overwrite_replaces_and_missing_is_none",
        KeychainStore::open,
    ) else {
        return;
    };
    let account = unique_account("overwrite");
    let k = key(&account, SecretKind::RefreshToken);
    assert_eq!(store.get(&k).unwrap(), None);
    assert!(
        !store.delete(&k).unwrap(),
        "deleting a missing secret is fine"
    );
    store.set(&k, &Secret::new("first")).unwrap();
    store.set(&k, &Secret::new("第二个")).unwrap();
    assert_eq!(store.get(&k).unwrap().unwrap().expose(), "第二个");
    // The other kinds of the same account stay missing.
    assert_eq!(
        store.get(&key(&account, SecretKind::AccessToken)).unwrap(),
        None
    );
    assert!(store.delete(&k).unwrap());
    assert!(!store.delete(&k).unwrap());
}

#[test]
fn many_accounts_keep_their_own_secrets() {
    let Some(store) = keychain_or_skip("many_accounts_keep_their_own_secrets", KeychainStore::open)
    else {
        return;
    };
    let accounts: Vec<String> = (0..25)
        .map(|i| unique_account(&format!("many{i}")))
        .collect();
    for (i, account) in accounts.iter().enumerate() {
        store
            .set(
                &key(account, SecretKind::AccessToken),
                &Secret::new(format!("access-{i}-🔑")),
            )
            .unwrap();
        store
            .set(
                &key(account, SecretKind::RefreshToken),
                &Secret::new(format!("refresh-{i}-刷新")),
            )
            .unwrap();
    }
    for (i, account) in accounts.iter().enumerate() {
        let access = store
            .get(&key(account, SecretKind::AccessToken))
            .unwrap()
            .unwrap();
        let refresh = store
            .get(&key(account, SecretKind::RefreshToken))
            .unwrap()
            .unwrap();
        assert_eq!(access.expose(), format!("access-{i}-🔑"));
        assert_eq!(refresh.expose(), format!("refresh-{i}-刷新"));
    }
    for account in &accounts {
        store
            .delete(&key(account, SecretKind::AccessToken))
            .unwrap();
        store
            .delete(&key(account, SecretKind::RefreshToken))
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn async_handle_from_open_and_delete_account() {
    if keychain_or_skip(
        "async_handle_from_open_and_delete_account",
        KeychainStore::open,
    )
    .is_none()
    {
        return;
    }
    let secrets: Secrets =
        ferry_core::secrets::open(&SecretsConfig::keychain(), PassphraseSource::none()).unwrap();
    assert_eq!(secrets.backend(), BackendKind::Keychain);
    let account = unique_account("async");
    let tasks: Vec<_> = SecretKind::ALL
        .into_iter()
        .map(|kind| {
            let secrets = secrets.clone();
            let k = key(&account, kind);
            tokio::spawn(async move { secrets.set(&k, Secret::new(format!("{kind}-值"))).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    let k = key(&account, SecretKind::PrivateKey);
    assert_eq!(
        secrets.get(&k).await.unwrap().unwrap().expose(),
        "private_key-值"
    );
    assert_eq!(
        secrets.delete_account(&account).await.unwrap(),
        SecretKind::ALL.len()
    );
    assert_eq!(secrets.get(&k).await.unwrap(), None);
    assert_eq!(secrets.delete_account(&account).await.unwrap(), 0);
}

/// Users look for Ferry's items with their keychain tools; `secret-tool` (libsecret, a
/// separate implementation of the protocol) must find them under the documented names, and
/// Ferry must read what it stores.
#[test]
fn items_use_the_documented_service_and_user_names() {
    let Some(store) = keychain_or_skip(
        "items_use_the_documented_service_and_user_names",
        KeychainStore::open,
    ) else {
        return;
    };
    let account = unique_account("mapping");
    let k = key(&account, SecretKind::OauthToken);
    store
        .set(&k, &Secret::new("seen by secret-tool ✓ 令牌"))
        .unwrap();
    let user = format!("{account}:oauth_token");
    let out = secret_tool(&["lookup", "service", SERVICE, "username", &user], None);
    assert_eq!(out, "seen by secret-tool ✓ 令牌");

    let other = key(&account, SecretKind::ApiKey);
    let user = format!("{account}:api_key");
    secret_tool(
        &[
            "store",
            "--label",
            "stored by secret-tool",
            "service",
            SERVICE,
            "username",
            &user,
        ],
        Some("sk-外部-🗝"),
    );
    assert_eq!(store.get(&other).unwrap().unwrap().expose(), "sk-外部-🗝");
    assert!(store.delete(&other).unwrap());
    assert!(store.delete(&k).unwrap());
    assert_eq!(
        secret_tool(&["lookup", "service", SERVICE, "username", &user], None),
        ""
    );
}

fn secret_tool(args: &[&str], stdin: Option<&str>) -> String {
    use std::io::Write;
    let mut child = Command::new("secret-tool")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("secret-tool (Debian package libsecret-tools, installed by make test) must run");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}
