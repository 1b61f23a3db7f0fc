//! DeepL API v2: `POST {base}/v2/translate`, header `Authorization: DeepL-Auth-Key <key>`,
//! `{"text": [..], "target_lang", "source_lang"?}` → `{"translations": [{"text", ..}]}`.
//! Free keys end in `:fx` and use api-free.deepl.com; Pro keys use api.deepl.com. Errors:
//! 403 bad key, 429 too many requests, 456 quota exceeded.

use serde_json::json;

use super::error::TranslateError;
use super::http::{authorization, bad_response, endpoint, post_json};
use super::key::ApiKey;
use crate::lang::Lang;

const NAME: &str = "DeepL";

/// Which DeepL endpoint a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeeplPlan {
    Free,
    Pro,
}

impl DeeplPlan {
    /// DeepL's own rule: Free keys end in `:fx`.
    pub fn of_key(key: &ApiKey) -> DeeplPlan {
        if key.expose().ends_with(":fx") {
            DeeplPlan::Free
        } else {
            DeeplPlan::Pro
        }
    }

    pub fn base_url(self) -> &'static str {
        match self {
            DeeplPlan::Free => "https://api-free.deepl.com/",
            DeeplPlan::Pro => "https://api.deepl.com/",
        }
    }
}

fn target_code(lang: &Lang) -> String {
    match lang {
        Lang::English => "EN-US".into(),
        Lang::ZhHans => "ZH-HANS".into(),
        Lang::ZhHant => "ZH-HANT".into(),
        other => other.tag().to_uppercase(),
    }
}

fn source_code(lang: &Lang) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => "ZH".into(),
        other => other
            .tag()
            .split('-')
            .next()
            .unwrap_or_default()
            .to_uppercase(),
    }
}

pub async fn translate(
    http: &reqwest::Client,
    base: &url::Url,
    key: &ApiKey,
    text: &str,
    source: Option<&Lang>,
    target: &Lang,
) -> Result<String, TranslateError> {
    let url = endpoint(base, "v2/translate", NAME)?;
    let headers = authorization(format!("DeepL-Auth-Key {}", key.expose()), NAME)?;
    let mut body = json!({ "text": [text], "target_lang": target_code(target) });
    if let Some(source) = source {
        body["source_lang"] = source_code(source).into();
    }
    let answer = post_json(http, NAME, &url, headers, &body).await?;
    match answer.status {
        200 => answer.body["translations"][0]["text"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| bad_response(NAME, &answer, "no translations[0].text")),
        401 | 403 => Err(TranslateError::BadKey {
            provider: NAME,
            status: answer.status,
        }),
        429 => Err(TranslateError::RateLimited {
            provider: NAME,
            status: 429,
        }),
        456 => Err(TranslateError::QuotaExhausted {
            provider: NAME,
            status: 456,
        }),
        status @ (400 | 413 | 414) => Err(TranslateError::Rejected {
            provider: NAME,
            status,
            message: answer.body["message"]
                .as_str()
                .unwrap_or("bad request")
                .to_owned(),
        }),
        _ => Err(bad_response(NAME, &answer, "unexpected status")),
    }
}
