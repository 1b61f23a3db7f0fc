//! The one HTTP exchange every provider makes: POST JSON, read status and JSON body.

use reqwest::header::HeaderMap;
use serde_json::Value;

use super::error::{TranslateError, unreachable};

/// A provider's answer: HTTP status and body (JSON when it parses, `Value::Null` otherwise).
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub raw: String,
}

pub async fn post_json(
    http: &reqwest::Client,
    provider: &'static str,
    url: &url::Url,
    headers: HeaderMap,
    body: &Value,
) -> Result<Answer, TranslateError> {
    let response = http
        .post(url.clone())
        .headers(headers)
        .json(body)
        .send()
        .await
        .map_err(|err| unreachable(provider, url, &err))?;
    let status = response.status().as_u16();
    let raw = response
        .text()
        .await
        .map_err(|err| unreachable(provider, url, &err))?;
    let body = serde_json::from_str(&raw).unwrap_or(Value::Null);
    Ok(Answer { status, body, raw })
}

/// A short, printable excerpt of an unexpected body, for `BadResponse` messages.
pub fn excerpt(raw: &str) -> String {
    let text: String = raw.chars().take(120).collect();
    if raw.chars().count() > 120 {
        format!("{text}…")
    } else {
        text
    }
}

/// `problem` as a `BadResponse`.
pub fn bad_response(provider: &'static str, answer: &Answer, problem: &str) -> TranslateError {
    TranslateError::BadResponse {
        provider,
        status: answer.status,
        problem: format!("{problem}; body: {}", excerpt(&answer.raw)),
    }
}
