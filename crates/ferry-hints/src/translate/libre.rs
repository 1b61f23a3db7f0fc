//! LibreTranslate (self-hosted or hosted): `POST {url}/translate` with
//! `{"q", "source", "target", "format": "text", "api_key"?}` → `{"translatedText"}`.
//! Errors come as `{"error": "…"}` with 400 (bad request), 403 (banned / bad key), 429 (slow
//! down) or 500. Chinese targets are `zh-Hans` / `zh-Hant`, as LibreTranslate 1.6+ names them.

use reqwest::header::HeaderMap;
use serde_json::json;

use super::error::TranslateError;
use super::http::{bad_response, endpoint, post_json};
use super::key::ApiKey;
use crate::lang::Lang;

const NAME: &str = "LibreTranslate";

pub async fn translate(
    http: &reqwest::Client,
    base: &url::Url,
    key: Option<&ApiKey>,
    text: &str,
    source: Option<&Lang>,
    target: &Lang,
) -> Result<String, TranslateError> {
    let url = endpoint(base, "translate", NAME)?;
    let mut body = json!({
        "q": text,
        "source": source.map_or("auto", Lang::tag),
        "target": target.tag(),
        "format": "text",
    });
    if let Some(key) = key {
        body["api_key"] = key.expose().into();
    }
    let answer = post_json(http, NAME, &url, HeaderMap::new(), &body).await?;
    let message = answer.body["error"].as_str().unwrap_or_default().to_owned();
    match answer.status {
        200 => answer.body["translatedText"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| bad_response(NAME, &answer, "no \"translatedText\"")),
        403 if key.is_some() || message.to_lowercase().contains("key") => {
            Err(TranslateError::BadKey {
                provider: NAME,
                status: 403,
            })
        }
        429 => Err(TranslateError::RateLimited {
            provider: NAME,
            status: 429,
        }),
        status @ (400 | 403) => Err(TranslateError::Rejected {
            provider: NAME,
            status,
            message,
        }),
        _ => Err(bad_response(NAME, &answer, "unexpected status")),
    }
}
