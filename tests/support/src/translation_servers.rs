//! Machine-translation providers on 127.0.0.1, answering as each provider's documentation
//! says — the request shapes they check, the error statuses and bodies they send — for the
//! translation clients' tests (crates/ferry-hints) and the engine's (crates/ferry-core).
//!
//! ```no_run
//! # async fn demo() {
//! use ferry_test_support::translation_servers::{GOOD_KEY, ProviderServer};
//! let deepl = ProviderServer::deepl().await; // POST {base}/v2/translate
//! // … point a DeepL client at deepl.base with key GOOD_KEY, translate "hello" …
//! assert_eq!(deepl.requests().len(), 1);
//! # }
//! ```
//!
//! The text decides the outcome, as the real account's state would: `busy` → rate limited
//! (429), `quota` → quota used up (DeepL 456, OpenAI 429 `insufficient_quota`), `garbage` → a
//! 200 without the translation (DeepL), `bad` → 400 (LibreTranslate), `huge` → a 200 of
//! 5 MiB, more than any translation (LibreTranslate); anything else is
//! translated as `译:<text>` (DeepL), `<target>:<text>` (LibreTranslate) or `<model>:<text>`
//! (OpenAI-compatible). A wrong key gets each provider's own refusal.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};

/// The one key the servers accept (a DeepL Free key, by its `:fx` suffix).
pub const GOOD_KEY: &str = "secret-key-123:fx";

/// A request a server received: its headers and JSON body.
pub type Seen = (HeaderMap, Value);

/// One provider server, running until the test's runtime stops.
#[derive(Clone)]
pub struct ProviderServer {
    /// `http://127.0.0.1:<port>/`; the OpenAI-compatible server serves under `v1/`.
    pub base: url::Url,
    requests: Arc<Mutex<Vec<Seen>>>,
}

impl ProviderServer {
    /// DeepL API v2 at `{base}v2/translate`, expecting `target_lang` `ZH-HANS` or `EN-US`.
    pub async fn deepl() -> ProviderServer {
        ProviderServer::start(|r| {
            Router::new()
                .route("/v2/translate", post(deepl))
                .with_state(r)
        })
        .await
    }

    /// LibreTranslate at `{base}translate`.
    pub async fn libretranslate() -> ProviderServer {
        ProviderServer::start(|r| Router::new().route("/translate", post(libre)).with_state(r))
            .await
    }

    /// An OpenAI-compatible endpoint at `{base}v1/chat/completions`.
    pub async fn openai() -> ProviderServer {
        ProviderServer::start(|r| {
            Router::new()
                .route("/v1/chat/completions", post(openai))
                .with_state(r)
        })
        .await
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<Seen> {
        self.requests.lock().unwrap().clone()
    }

    async fn start(router: impl FnOnce(Arc<Mutex<Vec<Seen>>>) -> Router) -> ProviderServer {
        let requests = Arc::new(Mutex::new(Vec::new()));
        let app = router(requests.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        ProviderServer {
            base: url::Url::parse(&format!("http://{addr}/")).expect("base URL"),
            requests,
        }
    }
}

type Answer = (StatusCode, Json<Value>);

fn record(requests: &Mutex<Vec<Seen>>, headers: &HeaderMap, body: &Value) {
    requests
        .lock()
        .unwrap()
        .push((headers.clone(), body.clone()));
}

fn authorization(headers: &HeaderMap) -> &str {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn deepl(
    State(requests): State<Arc<Mutex<Vec<Seen>>>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Answer {
    record(&requests, &headers, &body);
    if authorization(&headers) != format!("DeepL-Auth-Key {GOOD_KEY}") {
        let message = json!({"message": "Wrong endpoint. Use https://api.deepl.com"});
        return (StatusCode::FORBIDDEN, Json(message));
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
        _ if !matches!(body["target_lang"].as_str(), Some("ZH-HANS" | "EN-US")) => (
            StatusCode::BAD_REQUEST,
            Json(json!({"message": "Value for 'target_lang' not supported."})),
        ),
        text => {
            let done = json!({"translations": [{"detected_source_language": "EN", "text": format!("译:{text}")}]});
            (StatusCode::OK, Json(done))
        }
    }
}

async fn libre(State(requests): State<Arc<Mutex<Vec<Seen>>>>, Json(body): Json<Value>) -> Answer {
    record(&requests, &HeaderMap::new(), &body);
    if body["api_key"].as_str().is_some_and(|k| k != GOOD_KEY) {
        let error = json!({"error": "Invalid API key"});
        return (StatusCode::FORBIDDEN, Json(error));
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
        "huge" => (
            StatusCode::OK,
            Json(json!({"translatedText": "渡".repeat(5 * 1024 * 1024 / 3)})),
        ),
        _ if body["format"] != "text" || !body["source"].is_string() => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "Invalid request: missing source or format"})),
        ),
        text => {
            let target = body["target"].as_str().unwrap_or_default();
            let done = json!({"translatedText": format!("{target}:{text}")});
            (StatusCode::OK, Json(done))
        }
    }
}

async fn openai(
    State(requests): State<Arc<Mutex<Vec<Seen>>>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Answer {
    record(&requests, &headers, &body);
    if authorization(&headers) != format!("Bearer {GOOD_KEY}") {
        let error = json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "code": "invalid_api_key"}});
        return (StatusCode::UNAUTHORIZED, Json(error));
    }
    if body["messages"][0]["role"] != "system" {
        let error = json!({"error": {"message": "expected a system message first", "type": "invalid_request_error", "code": null}});
        return (StatusCode::BAD_REQUEST, Json(error));
    }
    match body["messages"][1]["content"].as_str().unwrap_or_default() {
        "busy" => {
            let error = json!({"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}});
            (StatusCode::TOO_MANY_REQUESTS, Json(error))
        }
        "quota" => {
            let error = json!({"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "code": "insufficient_quota"}});
            (StatusCode::TOO_MANY_REQUESTS, Json(error))
        }
        text => {
            let model = body["model"].as_str().unwrap_or_default();
            let done = json!({"choices": [{"index": 0, "message": {"role": "assistant", "content": format!(" {model}:{text}\n")}, "finish_reason": "stop"}]});
            (StatusCode::OK, Json(done))
        }
    }
}
