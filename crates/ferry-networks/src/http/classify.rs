//! Turning what happened on the wire into a [`ClientError`] with the right class.
//!
//! The one rule that matters for "never posted twice": once a *write* may have reached the
//! server (a timeout or dropped connection after sending, or a success answer we can't read),
//! the error is [`ClientError::UnknownOutcome`], never a plain retry. Connection failures
//! before sending are safe to retry.

use std::time::Duration;

use chrono::Utc;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use super::error::ClientError;
use super::retry_after::{parse_rate_limit_reset, parse_retry_after};

/// Whether a request changes something on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Read,
    Write,
}

/// A whole HTTP answer, read before deciding what it means.
#[derive(Debug)]
pub struct ResponseParts {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl ResponseParts {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as text (lossy: it is only read for JSON and error messages).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn is_html(&self) -> bool {
        let declared = self
            .header("content-type")
            .is_some_and(|t| t.contains("html"));
        let text = self.text();
        let sniffed = text.trim_start().get(..15).is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.starts_with("<!doctype html") || s.starts_with("<html")
        });
        declared || sniffed
    }
}

/// The HTTP client every network client uses: rustls, a bounded connect time (so an
/// unreachable host is reported as such) and an overall timeout per request.
pub fn shared_client(
    network: &'static str,
    timeout: Duration,
) -> Result<reqwest::Client, ClientError> {
    shared_client_with(network, timeout, same_origin_redirects())
}

/// [`shared_client`] with another redirect policy (NIP-05 documents: none at all).
pub fn shared_client_with(
    network: &'static str,
    timeout: Duration,
    redirects: reqwest::redirect::Policy,
) -> Result<reqwest::Client, ClientError> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10).min(timeout))
        .timeout(timeout)
        .redirect(redirects)
        .user_agent(concat!("Ferry/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ClientError::InvalidInput {
            network,
            field: "HTTP client".into(),
            detail: chain_text(&e),
        })
}

/// Redirects within the server's own origin only, at most five. A redirect elsewhere would take
/// the request's token or password (in a header or, for a 307/308, in the repeated body) to a
/// host the user never entered it for; it is refused and the call fails, naming where it
/// pointed.
pub fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let first = attempt.previous().first().map(|u| u.origin());
        if first.is_some_and(|origin| origin != attempt.url().origin()) {
            let to = attempt.url().origin().ascii_serialization();
            attempt.error(format!(
                "the server redirected to {to}, another server; Ferry sends an account's \
                 credentials only to the server they were entered for"
            ))
        } else if attempt.previous().len() > 5 {
            attempt.error("more than five redirects")
        } else {
            attempt.follow()
        }
    })
}

/// The largest API answer [`send`] reads. Mastodon's and Bluesky's JSON answers are a few KB
/// (a page of 40 statuses is well under 1 MB); a server that sends more is broken or hostile,
/// and is refused before it can fill memory. Readers of bigger things (images, feeds) use
/// [`send_capped`] with caps of their own.
pub const API_ANSWER_MAX_BYTES: usize = 8 * 1024 * 1024;

/// Sends a request and reads the answer, up to [`API_ANSWER_MAX_BYTES`].
pub async fn send(
    network: &'static str,
    what: &str,
    effect: Effect,
    request: reqwest::RequestBuilder,
) -> Result<ResponseParts, ClientError> {
    send_capped(network, what, effect, request, API_ANSWER_MAX_BYTES).await
}

/// [`send`], refusing an answer longer than `max_bytes` (declared or as it arrives), so a
/// misbehaving server can't make a reader hold an unbounded body in memory.
pub async fn send_capped(
    network: &'static str,
    what: &str,
    effect: Effect,
    request: reqwest::RequestBuilder,
    max_bytes: usize,
) -> Result<ResponseParts, ClientError> {
    let transport = |e| classify_send_error(network, what, effect, e);
    let mut response = request.send().await.map_err(transport)?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let too_large = || {
        let (what, detail) = (
            what.to_owned(),
            format!("the answer is larger than {max_bytes} bytes"),
        );
        match effect {
            Effect::Read => ClientError::InvalidResponse {
                network,
                what,
                detail,
            },
            Effect::Write => ClientError::UnknownOutcome {
                network,
                what,
                detail,
            },
        }
    };
    if response
        .content_length()
        .is_some_and(|n| n > max_bytes as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        if body.len() + chunk.len() > max_bytes {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(ResponseParts {
        status,
        headers,
        body,
    })
}

/// A successful answer decoded as `T`, or the error the answer means.
pub fn read_json<T: DeserializeOwned>(
    network: &'static str,
    what: &str,
    effect: Effect,
    parts: &ResponseParts,
) -> Result<T, ClientError> {
    if parts.is_success() {
        decode_json(network, what, effect, parts)
    } else {
        Err(classify_answer(network, what, effect, parts))
    }
}

/// [`classify_status`] for a request with `effect`: a server error answering a write is an
/// unknown outcome, not a retryable failure. The server may have committed the write and
/// failed after (500 from a crash after the commit, 502/504 from a proxy giving up on a slow
/// backend), so the outbox checks on the server before sending again — a blind resend would
/// duplicate once an idempotency key has expired (Mastodon keeps them an hour). 503 is
/// unknown too: besides "not taking requests" it is what some routers answer when the app
/// behind them ran past their deadline (Heroku's request timeout) — after a write that may
/// have landed. Only 501 (it doesn't do this at all) says the request was not handled.
pub fn classify_answer(
    network: &'static str,
    what: &str,
    effect: Effect,
    parts: &ResponseParts,
) -> ClientError {
    match classify_status(network, what, parts) {
        ClientError::ServerError {
            what,
            detail,
            status,
            ..
        } if effect == Effect::Write && status != 501 => ClientError::UnknownOutcome {
            network,
            what,
            detail: format!("{detail}; the server may have done it before failing"),
        },
        other => other,
    }
}

/// Decodes a success answer. An answer that isn't the expected JSON (an HTML page from a
/// wrong address, a proxy's error page) is an unexpected answer — or, for a write, an unknown
/// outcome, because a success status means the server may have done it.
pub fn decode_json<T: DeserializeOwned>(
    network: &'static str,
    what: &str,
    effect: Effect,
    parts: &ResponseParts,
) -> Result<T, ClientError> {
    serde_json::from_slice(&parts.body).map_err(|e| {
        let detail = if parts.is_html() {
            format!(
                "the server answered {} with an HTML page instead of JSON (is this the right server address?)",
                parts.status
            )
        } else {
            format!("the server's JSON did not have the expected shape ({e})")
        };
        match effect {
            Effect::Read => ClientError::InvalidResponse { network, what: what.into(), detail },
            Effect::Write => ClientError::UnknownOutcome { network, what: what.into(), detail },
        }
    })
}

/// The error an unsuccessful status means. Networks refine it (Bluesky's expired tokens are
/// 400s) before returning it.
pub fn classify_status(network: &'static str, what: &str, parts: &ResponseParts) -> ClientError {
    let detail = error_detail(parts);
    let what = what.to_owned();
    let retry_after = parts
        .header("retry-after")
        .and_then(|v| parse_retry_after(v, Utc::now()));
    match parts.status {
        401 => ClientError::Auth {
            network,
            what,
            detail,
        },
        403 if mentions_authorization(&detail) => ClientError::Auth {
            network,
            what,
            detail,
        },
        429 => ClientError::RateLimited {
            network,
            what,
            retry_at: retry_after.or_else(|| {
                parts
                    .header("x-ratelimit-reset")
                    .and_then(parse_rate_limit_reset)
            }),
        },
        408 => ClientError::Timeout { network, what },
        500..=599 => ClientError::ServerError {
            network,
            what,
            status: parts.status,
            detail,
            retry_at: retry_after,
        },
        status => ClientError::Rejected {
            network,
            what,
            status: Some(status),
            detail,
        },
    }
}

fn mentions_authorization(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    ["scope", "token", "authoriz", "login"]
        .iter()
        .any(|w| d.contains(w))
}

/// The server's own words about an error: `error_description`, `message` or `error` from a
/// JSON body (Mastodon, Bluesky and OAuth all use one of these), else a short description.
fn error_detail(parts: &ResponseParts) -> String {
    if let Ok(json) = serde_json::from_slice::<serde_json::Value>(&parts.body) {
        let field = |k: &str| {
            json.get(k)
                .and_then(|v| v.as_str())
                .filter(|s| !s.is_empty())
        };
        // FastAPI-style servers (mastodon-mock among them) put the reason in `detail`.
        let field =
            |k: &str| field(k).or_else(|| (k == "error").then(|| field("detail")).flatten());
        let text = match (
            field("error"),
            field("message")
                .or_else(|| field("error_description"))
                // Telegram's Bot API.
                .or_else(|| field("description")),
        ) {
            (Some(code), Some(message)) if code != message => format!("{code}: {message}"),
            (Some(one), _) | (None, Some(one)) => one.to_owned(),
            (None, None) => String::new(),
        };
        if !text.is_empty() {
            return format!("HTTP {}: {text}", parts.status);
        }
    }
    if parts.is_html() {
        return format!(
            "HTTP {} with an HTML page instead of JSON (is this the right server address?)",
            parts.status
        );
    }
    let snippet: String = parts.text().chars().take(200).collect();
    format!("HTTP {}: {}", parts.status, snippet.trim())
}

/// Transport failures: TLS and connection failures happened before the request was sent;
/// anything later, for a write, leaves the outcome unknown.
pub fn classify_send_error(
    network: &'static str,
    what: &str,
    effect: Effect,
    err: reqwest::Error,
) -> ClientError {
    let host = err
        .url()
        .map(|u| {
            format!(
                "{}:{}",
                u.host_str().unwrap_or("?"),
                u.port_or_known_default().unwrap_or(0)
            )
        })
        .unwrap_or_else(|| "the server".into());
    let redirect = err.is_redirect();
    let err = err.without_url();
    let detail = chain_text(&err);
    let lower = detail.to_ascii_lowercase();
    let what = what.to_owned();
    if redirect {
        // The server answered with a redirect Ferry would not follow: nothing was done.
        ClientError::Rejected {
            network,
            what,
            status: None,
            detail,
        }
    } else if ["tls", "certificate", "corrupt message", "handshake"]
        .iter()
        .any(|w| lower.contains(w))
    {
        ClientError::Tls {
            network,
            host,
            detail,
        }
    } else if err.is_connect() {
        ClientError::Unreachable {
            network,
            host,
            detail,
        }
    } else if effect == Effect::Write {
        ClientError::UnknownOutcome {
            network,
            what,
            detail,
        }
    } else if err.is_timeout() {
        ClientError::Timeout { network, what }
    } else {
        ClientError::Unreachable {
            network,
            host,
            detail,
        }
    }
}

/// An error and its causes on one line ("error sending request: connection refused").
pub fn chain_text(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let next = cause.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = cause.source();
    }
    text
}
