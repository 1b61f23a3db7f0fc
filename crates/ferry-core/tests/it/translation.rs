//! Machine translation in the engine, against the provider servers ferry-hints' client tests
//! use (ferry-test-support's `translation_servers`), with keys in the real OS keychain: run
//! under `tests/keyring/with-keyring` (`make test` does; FERRY_SKIP_KEYRING=1 skips loudly).

use ferry_core::Store;
use ferry_core::secrets::{KeychainStore, Secret, SecretKey, SecretKind, Secrets};
use ferry_core::translation::{
    NewProvider, ProviderKind, ProviderUpdate, SqliteTranslationCache, Translations,
};
use ferry_hints::translate::{CacheKey, TranslationCache};
use ferry_test_support::keyring::keychain_or_skip;
use ferry_test_support::translation_servers::{GOOD_KEY, ProviderServer};

async fn engine(test: &str) -> Option<(tempfile::TempDir, Translations, Secrets)> {
    let keychain = keychain_or_skip(test, KeychainStore::open)?;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let secrets = Secrets::new(keychain);
    Some((dir, Translations::new(store, secrets.clone()), secrets))
}

fn provider(kind: ProviderKind, url: &url::Url, key: Option<&str>) -> NewProvider {
    NewProvider {
        kind,
        url: Some(url.to_string()),
        model: (kind == ProviderKind::Openai).then(|| "qwen2.5".to_owned()),
        key: key.map(Secret::new),
        enabled: true,
    }
}

/// Asserts `result` failed with `code` and a message containing `says`; returns the message.
fn refused<T: std::fmt::Debug>(
    result: Result<T, ferry_core::translation::TranslationError>,
    code: &str,
    says: &str,
) -> String {
    let err = result.unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    assert!(err.to_string().contains(says), "{err}");
    err.to_string()
}

fn enabled(on: bool) -> ProviderUpdate {
    ProviderUpdate {
        enabled: Some(on),
        ..Default::default()
    }
}

fn key_of(id: &str) -> SecretKey {
    SecretKey::new(format!("translate:{id}"), SecretKind::ApiKey).unwrap()
}

#[tokio::test]
async fn off_until_a_provider_is_added_and_enabled() {
    let Some((_dir, translations, _)) = engine("off_until_enabled").await else {
        return;
    };
    let none = translations.translate("你好", None, "en").await;
    refused(
        none,
        "translate.disabled",
        "no translation provider is configured",
    );

    let server = ProviderServer::libretranslate().await;
    let mut off = provider(ProviderKind::Libretranslate, &server.base, None);
    off.enabled = false;
    let added = translations.add_provider(off).await.unwrap();
    let off = translations.translate("你好", None, "en").await;
    refused(
        off,
        "translate.disabled",
        "1 provider(s) configured, none enabled",
    );
    assert!(
        server.requests().is_empty(),
        "nothing is sent while translation is off"
    );

    translations
        .update_provider(&added.id, enabled(true))
        .await
        .unwrap();
    let done = translations.translate("你好", None, "en").await.unwrap();
    assert_eq!((done.text.as_str(), done.cached), ("en:你好", false));
    assert_eq!(done.provider_id, added.id);
}

#[tokio::test]
async fn deepl_key_lives_in_the_keychain_and_the_cache_saves_a_second_request() {
    let Some((dir, translations, secrets)) = engine("deepl_keychain_cache").await else {
        return;
    };
    let server = ProviderServer::deepl().await;
    let added = translations
        .add_provider(provider(ProviderKind::Deepl, &server.base, Some(GOOD_KEY)))
        .await
        .unwrap();
    assert!(added.has_key && added.enabled);
    assert_eq!(added.url.as_deref(), Some(server.base.as_str()));

    let post = "Hello 👩‍👩‍👧 from Ferry！";
    let first = translations
        .translate(post, Some("en"), "zh-Hans")
        .await
        .unwrap();
    assert_eq!(
        (first.text.as_str(), first.cached),
        ("译:Hello 👩‍👩‍👧 from Ferry！", false)
    );
    assert_eq!(
        (first.provider.as_str(), first.target.as_str()),
        ("deepl", "zh-Hans")
    );
    let again = translations
        .translate(post, Some("en"), "zh-Hans")
        .await
        .unwrap();
    assert!(again.cached);
    assert_eq!(
        server.requests().len(),
        1,
        "a cached text is not sent again"
    );
    assert_eq!(server.requests()[0].1["source_lang"], "EN");
    // The app and the CLI share the cache: a second engine on the same database hits it.
    let store = Store::open(dir.path()).await.unwrap();
    let other = Translations::new(store, secrets.clone());
    assert!(
        other
            .translate(post, Some("en"), "zh-Hans")
            .await
            .unwrap()
            .cached
    );

    // The key is in the keychain under translate:<id>, and nowhere in the database files.
    let stored = secrets.get(&key_of(&added.id)).await.unwrap().unwrap();
    assert_eq!(stored.expose(), GOOD_KEY);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(GOOD_KEY));
    }

    translations.remove_provider(&added.id).await.unwrap();
    assert!(secrets.get(&key_of(&added.id)).await.unwrap().is_none());
    assert!(translations.list_providers().await.unwrap().is_empty());
    let err = translations.remove_provider(&added.id).await.unwrap_err();
    assert_eq!(err.code(), "translate.provider_not_found");
}

#[tokio::test]
async fn the_first_enabled_provider_translates_and_provider_errors_keep_their_codes() {
    let Some((_dir, translations, secrets)) = engine("first_enabled").await else {
        return;
    };
    let openai = ProviderServer::openai().await;
    let libre = ProviderServer::libretranslate().await;
    let v1 = openai.base.join("v1/").unwrap();
    let first = translations
        .add_provider(provider(ProviderKind::Openai, &v1, Some(GOOD_KEY)))
        .await
        .unwrap();
    let second = translations
        .add_provider(provider(ProviderKind::Libretranslate, &libre.base, None))
        .await
        .unwrap();
    let listed: Vec<String> = translations
        .list_providers()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(listed, [first.id.clone(), second.id.clone()]);

    let done = translations
        .translate("我們的軟體", None, "en")
        .await
        .unwrap();
    assert_eq!(
        (done.text.as_str(), done.provider.as_str()),
        ("qwen2.5:我們的軟體", "openai:qwen2.5")
    );
    let code = |r: Result<_, ferry_core::translation::TranslationError>| r.unwrap_err().code();
    assert_eq!(
        code(translations.translate("busy", None, "en").await),
        "translate.rate_limited"
    );
    assert_eq!(
        code(translations.translate("quota", None, "en").await),
        "translate.quota_exhausted"
    );

    // A wrong key is the provider's refusal, and the message never shows the key.
    let wrong = ProviderUpdate {
        key: Some(Secret::new("wrong-key-456")),
        ..Default::default()
    };
    translations
        .update_provider(&first.id, wrong)
        .await
        .unwrap();
    let bad = translations.translate("hi", None, "zh-Hant").await;
    let message = refused(bad, "translate.bad_key", "refused the API key");
    assert!(!message.contains("wrong-key-456"), "{message}");

    // Disabling the first hands over to the next; a key gone from the keychain is named.
    translations
        .update_provider(&first.id, enabled(false))
        .await
        .unwrap();
    let done = translations.translate("hi", None, "zh-Hant").await.unwrap();
    assert_eq!(
        (done.text.as_str(), done.provider_id.as_str()),
        ("zh-Hant:hi", second.id.as_str())
    );
    translations
        .update_provider(&first.id, enabled(true))
        .await
        .unwrap();
    secrets.delete(&key_of(&first.id)).await.unwrap();
    let gone = translations.translate("new text", None, "en").await;
    refused(gone, "translate.missing_key", &first.id);
    for id in [&first.id, &second.id] {
        translations.remove_provider(id).await.unwrap();
    }
}

#[tokio::test]
async fn bad_configurations_and_requests_are_refused_with_the_field_named() {
    let Some((_dir, translations, _)) = engine("bad_input").await else {
        return;
    };
    let base = url::Url::parse("http://127.0.0.1:9/").unwrap();
    let cases = [
        (
            provider(ProviderKind::Deepl, &base, None),
            "invalid key for a deepl provider",
        ),
        (
            NewProvider {
                url: None,
                ..provider(ProviderKind::Libretranslate, &base, None)
            },
            "invalid url for a libretranslate provider",
        ),
        (
            NewProvider {
                model: None,
                ..provider(ProviderKind::Openai, &base, None)
            },
            "invalid model for a openai provider",
        ),
        (
            NewProvider {
                url: Some("http://me:hunter2@127.0.0.1/".into()),
                ..provider(ProviderKind::Libretranslate, &base, None)
            },
            "user name or password",
        ),
    ];
    for (new, expected) in cases {
        let err = translations.add_provider(new).await.unwrap_err();
        assert_eq!(err.code(), "translate.provider_invalid");
        assert!(err.to_string().contains(expected), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }
    assert!(translations.list_providers().await.unwrap().is_empty());
    let err = translations
        .update_provider("no-such-id", ProviderUpdate::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.provider_not_found");

    for (from, to) in [(None, "und"), (None, ""), (Some("en us"), "zh-Hans")] {
        let err = translations.translate("hi", from, to).await.unwrap_err();
        assert_eq!(err.code(), "translate.bad_request", "{from:?} {to:?}");
    }
    let long = "字".repeat(20_000);
    let err = translations.translate(&long, None, "en").await.unwrap_err();
    assert!(err.to_string().contains("60000 bytes"), "{err}");
}

#[tokio::test]
async fn the_cache_keeps_the_most_recently_used_translations_within_its_byte_limit() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let cache = SqliteTranslationCache::new(store).with_limit(100);
    let key = |text: &str| CacheKey {
        provider: "deepl".into(),
        source: "auto".into(),
        target: "zh-Hans".into(),
        text: text.into(),
    };
    let value = "译".repeat(10); // 30 bytes: three fit
    for i in 0..3 {
        cache.put(&key(&format!("text {i}")), &value).await.unwrap();
    }
    // "text 0" is used again, so "text 1" is now the least recently used.
    assert_eq!(
        cache.get(&key("text 0")).await.unwrap().as_deref(),
        Some(value.as_str())
    );
    cache.put(&key("text 3"), &value).await.unwrap();
    let (rows, bytes) = cache.size().await.unwrap();
    assert_eq!((rows, bytes), (3, 90));
    assert!(cache.get(&key("text 1")).await.unwrap().is_none());
    for kept in ["text 0", "text 2", "text 3"] {
        assert!(cache.get(&key(kept)).await.unwrap().is_some(), "{kept}");
    }
    // Same text, other target or provider: another entry.
    let mut other = key("text 3");
    other.target = "en".into();
    assert!(cache.get(&other).await.unwrap().is_none());
}

/// A key goes only to the host it was entered for: moving a provider to another origin
/// forgets the key, so the new host never receives it (issue 11, item 1).
#[tokio::test]
async fn a_providers_key_never_follows_it_to_another_host() {
    let Some((_dir, translations, secrets)) = engine("key_stays_home").await else {
        return;
    };
    let first = ProviderServer::libretranslate().await;
    let second = ProviderServer::libretranslate().await;
    let added = translations
        .add_provider(provider(
            ProviderKind::Libretranslate,
            &first.base,
            Some(GOOD_KEY),
        ))
        .await
        .unwrap();
    translations.translate("渡口", None, "en").await.unwrap();
    let saw_key = |server: &ProviderServer| {
        server.requests().iter().any(|(headers, body)| {
            format!("{headers:?}").contains(GOOD_KEY) || body.to_string().contains(GOOD_KEY)
        })
    };
    assert!(saw_key(&first), "the key goes where it was entered");

    // The same origin (another path) keeps the key.
    let same_host = first.base.join("other/").unwrap();
    let kept = translations
        .update_provider(
            &added.id,
            ProviderUpdate {
                url: Some(same_host.to_string()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(kept.has_key);

    // Another origin, no new key: the key is forgotten, in the row and in the keychain.
    let moved = translations
        .update_provider(
            &added.id,
            ProviderUpdate {
                url: Some(second.base.to_string()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(!moved.has_key);
    assert!(secrets.get(&key_of(&added.id)).await.unwrap().is_none());
    let _ = translations.translate("渡轮", None, "en").await;
    assert!(!second.requests().is_empty(), "the new host was asked");
    assert!(!saw_key(&second), "the key must not reach the new host");
    translations.remove_provider(&added.id).await.unwrap();
}
