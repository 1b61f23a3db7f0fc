//! The one HTTP exchange every provider makes: POST JSON, read status and JSON body.

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
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
    let mut bytes = Vec::new();
    let mut response = response;
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|err| unreachable(provider, url, &err))?
    {
        if bytes.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(TranslateError::BadResponse {
                provider,
                status,
                problem: format!("the answer is larger than {MAX_ANSWER_BYTES} bytes"),
            });
        }
        bytes.extend_from_slice(&chunk);
    }
    let raw = String::from_utf8_lossy(&bytes).into_owned();
    let body = serde_json::from_str(&raw).unwrap_or(Value::Null);
    Ok(Answer { status, body, raw })
}

/// A translation of the longest text Ferry sends is a few hundred KB of JSON; more is a
/// broken or hostile server, refused before it fills memory.
pub const MAX_ANSWER_BYTES: usize = 4 * 1024 * 1024;

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

/// `path` under the provider's base URL.
pub fn endpoint(
    base: &url::Url,
    path: &str,
    provider: &'static str,
) -> Result<url::Url, TranslateError> {
    base.join(path).map_err(|e| TranslateError::Rejected {
        provider,
        status: 0,
        message: format!("bad endpoint URL: {e}"),
    })
}

/// Headers with one `Authorization` value, marked sensitive so it is never logged.
pub fn authorization(value: String, provider: &'static str) -> Result<HeaderMap, TranslateError> {
    let mut auth = HeaderValue::from_str(&value).map_err(|_| TranslateError::BadKey {
        provider,
        status: 0,
    })?;
    auth.set_sensitive(true);
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, auth);
    Ok(headers)
}
