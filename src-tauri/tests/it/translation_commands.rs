//! Settings → Translation and "draft the other variant" through the commands, against the
//! provider servers from ferry-test-support, with keys in the real OS keychain: run under
//! `tests/keyring/with-keyring` (`make test` does; FERRY_SKIP_KEYRING=1 skips loudly).

use std::path::Path;

use ferry_app::commands::translation::{
    ProviderChange, ProviderInput, add_translation_provider, list_translation_providers,
    remove_translation_provider, translate_text, translation_status, update_translation_provider,
};
use ferry_app::database::Database;
use ferry_app::open_store::OpenStore;
use ferry_core::secrets::KeychainStore;
use ferry_core::translation::ProviderKind;
use ferry_test_support::keyring::keychain_or_skip;
use ferry_test_support::translation_servers::{GOOD_KEY, ProviderServer};

async fn open(dir: &Path) -> (Database, OpenStore) {
    let db = Database::in_dir(dir);
    let status = db.status().await;
    assert_eq!(status.error, None, "{status:?}");
    let store = OpenStore(db.store().unwrap());
    (db, store)
}

/// True (after a loud note) when the test must skip under `FERRY_SKIP_KEYRING=1`; fails with
/// instructions when there is no keychain.
fn keychain_skipped(test: &str) -> bool {
    keychain_or_skip(test, KeychainStore::open).is_none()
}

#[tokio::test]
async fn translation_is_off_without_a_provider_and_says_so_without_a_keychain() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, store) = open(dir.path()).await;
    // Neither call opens a keychain, so they answer the same on a desktop without one.
    assert_eq!(translation_status(store.clone()).await.unwrap(), None);
    let err = translate_text(store, "你好".into(), None, "en".into())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.disabled");
    assert!(
        err.to_string().contains("machine translation is off"),
        "{err}"
    );
}

#[tokio::test]
async fn a_provider_is_added_used_turned_off_and_removed_and_its_key_never_comes_back() {
    if keychain_skipped("translation_commands") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_db, store) = open(dir.path()).await;
    let server = ProviderServer::deepl().await;

    let added = add_translation_provider(
        store.clone(),
        ProviderInput {
            kind: ProviderKind::Deepl,
            url: Some(server.base.to_string()),
            model: None,
            key: Some(format!("  {GOOD_KEY}\n")),
            enabled: true,
        },
    )
    .await
    .unwrap();
    assert!(added.has_key && added.enabled);
    let listed = list_translation_providers(store.clone()).await.unwrap();
    let json = serde_json::to_string(&listed).unwrap();
    assert!(
        !json.contains(GOOD_KEY),
        "the key is never sent back: {json}"
    );
    assert_eq!(
        translation_status(store.clone())
            .await
            .unwrap()
            .map(|p| p.id),
        Some(added.id.clone())
    );

    let done = translate_text(
        store.clone(),
        "Hello 👋 渡口".into(),
        Some("en".into()),
        "zh-Hans".into(),
    )
    .await
    .unwrap();
    assert_eq!(done.text, "译:Hello 👋 渡口");
    assert_eq!(server.requests().len(), 1);

    let off = update_translation_provider(
        store.clone(),
        added.id.clone(),
        ProviderChange {
            enabled: Some(false),
            ..ProviderChange::default()
        },
    )
    .await
    .unwrap();
    assert!(
        !off.enabled && off.has_key,
        "the key stays when only `enabled` changes"
    );
    assert_eq!(translation_status(store.clone()).await.unwrap(), None);
    let err = translate_text(store.clone(), "again".into(), None, "zh-Hans".into())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.disabled");

    remove_translation_provider(store.clone(), added.id.clone())
        .await
        .unwrap();
    assert!(
        list_translation_providers(store.clone())
            .await
            .unwrap()
            .is_empty()
    );
    let again = remove_translation_provider(store, added.id)
        .await
        .unwrap_err();
    assert_eq!(again.code(), "translate.provider_not_found");
}

#[tokio::test]
async fn a_bad_provider_is_refused_with_the_field_named() {
    if keychain_skipped("translation_commands_invalid") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_db, store) = open(dir.path()).await;
    let err = add_translation_provider(
        store.clone(),
        ProviderInput {
            kind: ProviderKind::Openai,
            url: Some("http://127.0.0.1:9/v1".into()),
            model: None,
            key: None,
            enabled: true,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "translate.provider_invalid");
    assert!(err.to_string().contains("model"), "{err}");
    assert!(list_translation_providers(store).await.unwrap().is_empty());
}
