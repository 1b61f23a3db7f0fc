//! Any OpenAI-compatible chat endpoint (OpenAI, Ollama, llama.cpp server, hosted gateways):
//! `POST {base}/chat/completions`, `Authorization: Bearer <key>` when a key is set, and
//! `{"model", "messages", "temperature": 0}` → `{"choices": [{"message": {"content"}}]}`.
//! Errors are `{"error": {"message", "type", "code"}}`: 401 bad key; 429 is a rate limit,
//! unless its code is `insufficient_quota`, which means the account is out of credit.

use reqwest::header::HeaderMap;
use serde_json::json;

use super::error::TranslateError;
use super::http::{authorization, bad_response, endpoint, post_json};
use super::key::ApiKey;
use crate::lang::Lang;

const NAME: &str = "OpenAI-compatible endpoint";

fn language_name(lang: &Lang) -> String {
    match lang {
        Lang::English => "English".into(),
        Lang::ZhHans => "Simplified Chinese as written in Mainland China".into(),
        Lang::ZhHant => "Traditional Chinese as written in Taiwan".into(),
        Lang::Japanese => "Japanese".into(),
        Lang::Korean => "Korean".into(),
        other => format!("the language with BCP 47 tag {}", other.tag()),
    }
}

/// The instruction: translate for a social media audience, keep hashtags, mentions, links
/// and emoji, answer with the translation only.
fn system_prompt(target: &Lang) -> String {
    format!(
        "Translate the user's social media post into {}. Keep its tone and register, keep \
         hashtags, @mentions, links and emoji as they are, and reply with the translation only.",
        language_name(target)
    )
}

pub async fn translate(
    http: &reqwest::Client,
    base: &url::Url,
    model: &str,
    key: Option<&ApiKey>,
    text: &str,
    target: &Lang,
) -> Result<String, TranslateError> {
    let url = endpoint(base, "chat/completions", NAME)?;
    let headers = match key {
        Some(key) => authorization(format!("Bearer {}", key.expose()), NAME)?,
        None => HeaderMap::new(),
    };
    let body = json!({
        "model": model,
        "temperature": 0,
        "messages": [
            { "role": "system", "content": system_prompt(target) },
            { "role": "user", "content": text },
        ],
    });
    let answer = post_json(http, NAME, &url, headers, &body).await?;
    let code = answer.body["error"]["code"].as_str().unwrap_or_default();
    match answer.status {
        200 => answer.body["choices"][0]["message"]["content"]
            .as_str()
            .map(|t| t.trim().to_owned())
            .ok_or_else(|| bad_response(NAME, &answer, "no choices[0].message.content")),
        401 | 403 => Err(TranslateError::BadKey {
            provider: NAME,
            status: answer.status,
        }),
        429 if code == "insufficient_quota" => Err(TranslateError::QuotaExhausted {
            provider: NAME,
            status: 429,
        }),
        429 => Err(TranslateError::RateLimited {
            provider: NAME,
            status: 429,
        }),
        status @ (400 | 404 | 422) => Err(TranslateError::Rejected {
            provider: NAME,
            status,
            message: answer.body["error"]["message"]
                .as_str()
                .unwrap_or("bad request")
                .to_owned(),
        }),
        _ => Err(bad_response(NAME, &answer, "unexpected status")),
    }
}
