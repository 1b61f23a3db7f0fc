//! Each provider client against a server on 127.0.0.1 that answers as the provider's
//! documentation says (ferry-test-support's `translation_servers`, shared with the engine's
//! tests): the request shapes it checks, the error statuses and bodies it sends.

use std::sync::Arc;

use ferry_hints::Lang;
use ferry_hints::translate::{ApiKey, DeeplPlan, MemoryCache, Provider, Translator};
use ferry_test_support::translation_servers::{GOOD_KEY, ProviderServer};

fn translator(provider: Provider) -> Translator {
    Translator::new(Some(provider), Arc::new(MemoryCache::default()))
}

#[tokio::test]
async fn deepl_translates_caches_and_maps_documented_errors() {
    let server = ProviderServer::deepl().await;
    let base = server.base.clone();
    let key = ApiKey::new(GOOD_KEY);
    assert_eq!(DeeplPlan::of_key(&key), DeeplPlan::Free);
    let good = translator(Provider::DeepL {
        key,
        plan: DeeplPlan::Free,
        base_url: Some(base.clone()),
    });
    let first = good
        .translate("hello", Some(&Lang::English), &Lang::ZhHans)
        .await
        .unwrap();
    assert_eq!((first.text.as_str(), first.cached), ("译:hello", false));
    let again = good
        .translate("hello", Some(&Lang::English), &Lang::ZhHans)
        .await
        .unwrap();
    assert!(again.cached);
    assert_eq!(
        server.requests().len(),
        1,
        "a cached text is not sent again"
    );
    assert_eq!(server.requests()[0].1["source_lang"], "EN");

    let code = |r: Result<_, ferry_hints::translate::TranslateError>| r.unwrap_err().code();
    assert_eq!(
        code(good.translate("busy", None, &Lang::ZhHans).await),
        "translate.rate_limited"
    );
    assert_eq!(
        code(good.translate("quota", None, &Lang::ZhHans).await),
        "translate.quota_exhausted"
    );
    assert_eq!(
        code(good.translate("garbage", None, &Lang::ZhHans).await),
        "translate.bad_response"
    );
    let bad_key = ApiKey::new("wrong-key-456");
    let bad = translator(Provider::DeepL {
        key: bad_key,
        plan: DeeplPlan::Pro,
        base_url: Some(base),
    });
    let err = bad
        .translate("hello", None, &Lang::ZhHans)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.bad_key");
    assert!(
        !err.to_string().contains("wrong-key-456") && !format!("{err:?}").contains("wrong-key-456")
    );
}

#[tokio::test]
async fn libretranslate_sends_its_shape_and_reads_error_bodies() {
    let server = ProviderServer::libretranslate().await;
    let base = server.base.clone();
    let open = translator(Provider::LibreTranslate {
        url: base.clone(),
        key: None,
    });
    let done = open.translate("hi", None, &Lang::ZhHant).await.unwrap();
    assert_eq!(done.text, "zh-Hant:hi");
    assert!(server.requests()[0].1.get("api_key").is_none());
    let err = open
        .translate("bad", None, &Lang::ZhHans)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.rejected");
    assert!(err.to_string().contains("xx is not supported"));
    assert_eq!(
        open.translate("busy", None, &Lang::ZhHans)
            .await
            .unwrap_err()
            .code(),
        "translate.rate_limited"
    );
    // An answer past the cap is refused before it is all read into memory.
    let err = open
        .translate("huge", None, &Lang::ZhHans)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.bad_response", "{err}");
    assert!(err.to_string().contains("larger than"), "{err}");
    let wrong = translator(Provider::LibreTranslate {
        url: base,
        key: Some(ApiKey::new("nope-789")),
    });
    let err = wrong
        .translate("hi", None, &Lang::ZhHans)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "translate.bad_key");
    assert!(!err.to_string().contains("nope-789"));
}

#[tokio::test]
async fn openai_compatible_endpoints_distinguish_rate_limit_from_quota() {
    let v1 = ProviderServer::openai().await.base.join("v1/").unwrap();
    let good = translator(Provider::OpenAiCompatible {
        base_url: v1.clone(),
        model: "qwen2.5".into(),
        key: Some(ApiKey::new(GOOD_KEY)),
    });
    let done = good.translate("你好", None, &Lang::English).await.unwrap();
    assert_eq!(
        (done.text.as_str(), done.provider.as_str()),
        ("qwen2.5:你好", "openai:qwen2.5")
    );
    assert_eq!(
        good.translate("busy", None, &Lang::English)
            .await
            .unwrap_err()
            .code(),
        "translate.rate_limited"
    );
    assert_eq!(
        good.translate("quota", None, &Lang::English)
            .await
            .unwrap_err()
            .code(),
        "translate.quota_exhausted"
    );
    let anonymous = translator(Provider::OpenAiCompatible {
        base_url: v1,
        model: "m".into(),
        key: None,
    });
    assert_eq!(
        anonymous
            .translate("hi", None, &Lang::English)
            .await
            .unwrap_err()
            .code(),
        "translate.bad_key"
    );
}

#[tokio::test]
async fn off_by_default_and_unreachable_servers_are_clear_errors() {
    let off = Translator::new(None, Arc::new(MemoryCache::default()));
    assert_eq!(
        off.translate("hi", None, &Lang::ZhHans)
            .await
            .unwrap_err()
            .code(),
        "translate.disabled"
    );
    // A port nothing listens on: bind one, then drop it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = url::Url::parse(&format!("http://user:pw@127.0.0.1:{port}/?api_key=k")).unwrap();
    let gone = translator(Provider::LibreTranslate {
        url,
        key: Some(ApiKey::new("k-secret")),
    });
    let err = gone.translate("hi", None, &Lang::ZhHans).await.unwrap_err();
    assert_eq!(err.code(), "translate.unreachable");
    let message = err.to_string();
    assert!(
        !message.contains("k-secret") && !message.contains("pw") && !message.contains("api_key"),
        "{message}"
    );
    assert!(format!("{:?}", ApiKey::new("k-secret")).contains("redacted"));
}
