//! Each provider client against a server on 127.0.0.1 that answers as the provider's
//! documentation says: the request shapes it checks, the error statuses and bodies it sends.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use ferry_hints::Lang;
use ferry_hints::translate::{ApiKey, DeeplPlan, MemoryCache, Provider, Translator};
use serde_json::{Value, json};

const GOOD_KEY: &str = "secret-key-123:fx";

/// What the fake provider saw, and how many requests.
#[derive(Clone, Default)]
struct Seen {
    requests: Arc<Mutex<Vec<(HeaderMap, Value)>>>,
}

async fn serve(router: Router) -> url::Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url::Url::parse(&format!("http://{addr}/")).unwrap()
}

/// DeepL: the text decides the outcome, as the real service's account state would.
async fn deepl(
    State(seen): State<Seen>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    seen.requests
        .lock()
        .unwrap()
        .push((headers.clone(), body.clone()));
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != format!("DeepL-Auth-Key {GOOD_KEY}") {
        return (
            StatusCode::FORBIDDEN,
            Json(json!({"message": "Wrong endpoint. Use https://api.deepl.com"})),
        );
    }
    match body["text"][0].as_str().unwrap_or_default() {
        "busy" => (
            StatusCode::TOO_MANY_REQUESTS,
            Json(json!({"message": "Too many requests"})),
        ),
        "quota" => (
            StatusCode::from_u16(456).unwrap(),
            Json(json!({"message": "Quota exceeded"})),
        ),
        "garbage" => (StatusCode::OK, Json(json!({"translation": "?"}))),
        text => {
            assert_eq!(body["target_lang"], "ZH-HANS");
            (
                StatusCode::OK,
                Json(
                    json!({"translations": [{"detected_source_language": "EN", "text": format!("译:{text}")}]}),
                ),
            )
        }
    }
}

async fn libre(State(seen): State<Seen>, Json(body): Json<Value>) -> (StatusCode, Json<Value>) {
    seen.requests
        .lock()
        .unwrap()
        .push((HeaderMap::new(), body.clone()));
    if body["api_key"].as_str().is_some_and(|k| k != GOOD_KEY) {
        return (
            StatusCode::FORBIDDEN,
            Json(json!({"error": "Invalid API key"})),
        );
    }
    match body["q"].as_str().unwrap_or_default() {
        "busy" => (
            StatusCode::TOO_MANY_REQUESTS,
            Json(json!({"error": "Slowdown: 30 per 1 minute"})),
        ),
        "bad" => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "xx is not supported"})),
        ),
        text => {
            assert_eq!(
                (body["source"].as_str(), body["format"].as_str()),
                (Some("auto"), Some("text"))
            );
            (
                StatusCode::OK,
                Json(
                    json!({"translatedText": format!("{}:{text}", body["target"].as_str().unwrap())}),
                ),
            )
        }
    }
}

async fn openai(headers: HeaderMap, Json(body): Json<Value>) -> (StatusCode, Json<Value>) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != format!("Bearer {GOOD_KEY}") {
        return (
            StatusCode::UNAUTHORIZED,
            Json(
                json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "code": "invalid_api_key"}}),
            ),
        );
    }
    let text = body["messages"][1]["content"].as_str().unwrap_or_default();
    assert_eq!(body["messages"][0]["role"], "system");
    match text {
        "busy" => (
            StatusCode::TOO_MANY_REQUESTS,
            Json(
                json!({"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}}),
            ),
        ),
        "quota" => (
            StatusCode::TOO_MANY_REQUESTS,
            Json(
                json!({"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "code": "insufficient_quota"}}),
            ),
        ),
        text => (
            StatusCode::OK,
            Json(
                json!({"choices": [{"index": 0, "message": {"role": "assistant", "content": format!(" {}:{text}\n", body["model"].as_str().unwrap())}, "finish_reason": "stop"}]}),
            ),
        ),
    }
}

fn translator(provider: Provider) -> Translator {
    Translator::new(Some(provider), Arc::new(MemoryCache::default()))
}

#[tokio::test]
async fn deepl_translates_caches_and_maps_documented_errors() {
    let seen = Seen::default();
    let base = serve(
        Router::new()
            .route("/v2/translate", post(deepl))
            .with_state(seen.clone()),
    )
    .await;
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
        seen.requests.lock().unwrap().len(),
        1,
        "a cached text is not sent again"
    );
    assert_eq!(seen.requests.lock().unwrap()[0].1["source_lang"], "EN");

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
    let seen = Seen::default();
    let base = serve(
        Router::new()
            .route("/translate", post(libre))
            .with_state(seen.clone()),
    )
    .await;
    let open = translator(Provider::LibreTranslate {
        url: base.clone(),
        key: None,
    });
    let done = open.translate("hi", None, &Lang::ZhHant).await.unwrap();
    assert_eq!(done.text, "zh-Hant:hi");
    assert!(seen.requests.lock().unwrap()[0].1.get("api_key").is_none());
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
    let base = serve(Router::new().route("/v1/chat/completions", post(openai))).await;
    let v1 = base.join("v1/").unwrap();
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
