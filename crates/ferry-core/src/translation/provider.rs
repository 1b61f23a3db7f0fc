//! What a translation provider is, as settings and `ferry translate providers list --json` see
//! it, and the checks a new or changed one must pass. Nothing here is secret: the API key
//! stays in the keychain and only `has_key` says whether there is one.

use chrono::{DateTime, Utc};
use ferry_hints::translate::{ApiKey, DeeplPlan, Provider};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::TranslationError;
use crate::secrets::Secret;

/// Which kind of service a provider is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    /// DeepL API Free or Pro (the key's `:fx` suffix says which).
    Deepl,
    /// A LibreTranslate server, self-hosted or hosted.
    Libretranslate,
    /// Any OpenAI-compatible chat endpoint (OpenAI, Ollama, llama.cpp server, gateways).
    Openai,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 3] = [
        ProviderKind::Deepl,
        ProviderKind::Libretranslate,
        ProviderKind::Openai,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Deepl => "deepl",
            ProviderKind::Libretranslate => "libretranslate",
            ProviderKind::Openai => "openai",
        }
    }

    /// Parses `deepl`, `libretranslate` or `openai` (any case).
    pub fn parse(name: &str) -> Option<ProviderKind> {
        let name = name.trim().to_ascii_lowercase();
        ProviderKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A configured provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderConfig {
    pub id: String,
    pub kind: ProviderKind,
    /// The endpoint; `None` for DeepL means the one its key's plan uses.
    pub url: Option<String>,
    /// The model (OpenAI-compatible endpoints only).
    pub model: Option<String>,
    /// Only enabled providers translate; the first enabled one (by `position`) is used.
    pub enabled: bool,
    /// Whether an API key is stored in the keychain for it.
    pub has_key: bool,
    pub position: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A provider to add. `enabled: false` stores it without turning translation on.
#[derive(Debug, Clone)]
pub struct NewProvider {
    pub kind: ProviderKind,
    pub url: Option<String>,
    pub model: Option<String>,
    pub key: Option<Secret>,
    pub enabled: bool,
}

/// Changes to a provider; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ProviderUpdate {
    pub url: Option<String>,
    pub model: Option<String>,
    pub enabled: Option<bool>,
    /// A new API key (replacing the one in the keychain).
    pub key: Option<Secret>,
}

/// Longest URL or model name accepted, in bytes.
const MAX_FIELD_BYTES: usize = 2048;

/// Checks the fields a provider of `kind` needs, returning the URL and model as stored.
pub(super) fn check(
    kind: ProviderKind,
    url: Option<&str>,
    model: Option<&str>,
    has_key: bool,
) -> Result<(Option<String>, Option<String>), TranslationError> {
    let invalid = |field, reason: String| TranslationError::Invalid {
        kind: kind.as_str(),
        field,
        reason,
    };
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    let model = model.map(str::trim).filter(|m| !m.is_empty());
    let url = match url {
        Some(url) => Some(check_url(url).map_err(|reason| invalid("url", reason))?),
        None if kind == ProviderKind::Deepl => None,
        None => return Err(invalid("url", "the server's address is required".into())),
    };
    match (kind, model) {
        (ProviderKind::Openai, None) => {
            return Err(invalid("model", "the model name is required".into()));
        }
        (ProviderKind::Openai, Some(m))
            if m.len() > MAX_FIELD_BYTES || m.contains(char::is_control) =>
        {
            return Err(invalid("model", "not a model name".into()));
        }
        (ProviderKind::Deepl | ProviderKind::Libretranslate, Some(_)) => {
            return Err(invalid(
                "model",
                "only OpenAI-compatible endpoints take a model".into(),
            ));
        }
        _ => {}
    }
    if kind == ProviderKind::Deepl && !has_key {
        return Err(invalid("key", "DeepL needs an API key".into()));
    }
    if has_key && url.as_deref().is_some_and(plain_http_off_this_computer) {
        return Err(invalid(
            "url",
            "an API key is sent only over https:// (plain http:// only to this computer: \
             localhost, 127.0.0.1, ::1); use the https:// address, or drop the key"
                .into(),
        ));
    }
    Ok((url, model.map(str::to_owned)))
}

/// An http(s) URL without user or password (keys belong in the keychain, not in a URL that
/// is stored and shown), ending in `/` so relative endpoints join under it.
fn check_url(url: &str) -> Result<String, String> {
    if url.len() > MAX_FIELD_BYTES {
        return Err(format!("{} bytes; at most {MAX_FIELD_BYTES}", url.len()));
    }
    let mut parsed = url::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(
            "the address contains a user name or password; give the key with \
                    --key-stdin (it is kept in the keychain) instead"
                .into(),
        );
    }
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!(
            "the address has scheme {:?}; use http:// or https://",
            parsed.scheme()
        ));
    }
    if parsed.query().is_some() {
        return Err(
            "the address has a query string; keys in URLs would be stored in the \
                    database, give the key with --key-stdin instead"
                .into(),
        );
    }
    if !parsed.path().ends_with('/') {
        let path = format!("{}/", parsed.path());
        parsed.set_path(&path);
    }
    Ok(parsed.to_string())
}

/// An `http://` address of another machine, where a key would cross the network in clear
/// text. (A keyless provider on the local network, such as Ollama on another computer, may use
/// plain http: there is no secret to give away.)
fn plain_http_off_this_computer(url: &str) -> bool {
    url::Url::parse(url).map_or(true, |url| {
        ferry_networks::http::plain_http_off_this_computer(&url)
    })
}

/// The ferry-hints client for a stored provider and its key.
pub(super) fn client(
    config: &ProviderConfig,
    key: Option<ApiKey>,
) -> Result<Provider, TranslationError> {
    let url = |required: bool| -> Result<Option<url::Url>, TranslationError> {
        match &config.url {
            Some(url) => url::Url::parse(url)
                .map(Some)
                .map_err(|e| TranslationError::Invalid {
                    kind: config.kind.as_str(),
                    field: "url",
                    reason: format!("stored address {url:?} does not parse: {e}"),
                }),
            None if required => Err(TranslationError::Invalid {
                kind: config.kind.as_str(),
                field: "url",
                reason: "no address stored".into(),
            }),
            None => Ok(None),
        }
    };
    Ok(match config.kind {
        ProviderKind::Deepl => {
            let key = key.ok_or_else(|| TranslationError::MissingKey {
                id: config.id.clone(),
                kind: config.kind.as_str(),
            })?;
            Provider::DeepL {
                plan: DeeplPlan::of_key(&key),
                key,
                base_url: url(false)?,
            }
        }
        ProviderKind::Libretranslate => Provider::LibreTranslate {
            url: url(true)?.unwrap_or_else(|| unreachable!("required")),
            key,
        },
        ProviderKind::Openai => Provider::OpenAiCompatible {
            base_url: url(true)?.unwrap_or_else(|| unreachable!("required")),
            model: config.model.clone().unwrap_or_default(),
            key,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_needs_its_fields_and_urls_carry_no_secrets() {
        let ok = check(ProviderKind::Deepl, None, None, true).unwrap();
        assert_eq!(ok, (None, None));
        let err = check(ProviderKind::Deepl, None, None, false).unwrap_err();
        assert_eq!(err.code(), "translate.provider_invalid");
        assert!(err.to_string().contains("DeepL needs an API key"), "{err}");
        let (url, _) = check(
            ProviderKind::Libretranslate,
            Some("http://127.0.0.1:5000"),
            None,
            false,
        )
        .unwrap();
        assert_eq!(url.as_deref(), Some("http://127.0.0.1:5000/"));
        let err = check(
            ProviderKind::Openai,
            Some("http://localhost:11434/v1/"),
            None,
            false,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("invalid model for a openai provider"),
            "{err}"
        );
        for bad in [
            "ftp://x/",
            "http://user:pw@x/",
            "http://x/?api_key=k",
            "not a url",
        ] {
            let err = check(ProviderKind::Libretranslate, Some(bad), None, false).unwrap_err();
            assert_eq!(err.code(), "translate.provider_invalid", "{bad}");
            assert!(!err.to_string().contains("pw@"), "{err}");
        }
        assert_eq!(ProviderKind::parse(" DeepL "), Some(ProviderKind::Deepl));
    }

    #[test]
    fn a_key_travels_over_plain_http_only_to_this_computer() {
        for home in [
            "http://127.0.0.1:5000/",
            "http://localhost:11434/v1/",
            "http://[::1]:8080/",
        ] {
            check(ProviderKind::Libretranslate, Some(home), None, true).unwrap();
        }
        check(
            ProviderKind::Libretranslate,
            Some("https://translate.example/"),
            None,
            true,
        )
        .unwrap();
        for away in [
            "http://translate.example/",
            "http://192.168.1.20:5000/",
            "http://10.0.0.1/",
        ] {
            let err = check(ProviderKind::Libretranslate, Some(away), None, true).unwrap_err();
            assert!(
                err.to_string().contains("only over https://"),
                "{away}: {err}"
            );
            // Without a key there is nothing to give away: a LAN server may use http.
            check(ProviderKind::Libretranslate, Some(away), None, false).unwrap();
        }
        assert_eq!(ProviderKind::parse("google"), None);
    }
}
