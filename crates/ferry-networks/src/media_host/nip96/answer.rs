//! What a NIP-96 server answers: the NIP-94 description of a stored file, or a refusal whose
//! `message` says why — each turned into an error that says what to do about it.

use serde::Deserialize;
use url::Url;

use super::NETWORK;
use crate::http::{ClientError, ResponseParts, classify_status};

/// The parts of an upload's answer Ferry uses.
#[derive(Debug)]
pub(super) struct Described {
    pub url: String,
    /// The uploaded file's SHA-256.
    pub ox: String,
    /// The served file's SHA-256, when the server says.
    pub x: Option<String>,
    pub mime: Option<String>,
    pub dim: Option<(u32, u32)>,
    /// Still being processed: ask here again.
    pub processing_url: Option<Url>,
}

#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    processing_url: Option<String>,
    #[serde(default)]
    nip94_event: Option<Event>,
}

#[derive(Deserialize)]
struct Event {
    tags: Vec<Vec<String>>,
}

pub(super) fn described(what: &str, answer: &ResponseParts) -> Result<Described, ClientError> {
    let invalid = |detail: String| ClientError::InvalidResponse {
        network: NETWORK,
        what: what.to_owned(),
        detail,
    };
    let parsed: Answer = serde_json::from_slice(&answer.body)
        .map_err(|e| invalid(format!("the answer is not a NIP-96 upload result ({e})")))?;
    let event = parsed.nip94_event.ok_or_else(|| {
        invalid(format!(
            "no nip94_event in the answer{}",
            parsed
                .message
                .map(|m| format!(" ({m})"))
                .unwrap_or_default()
        ))
    })?;
    let tag = |name: &str| {
        event
            .tags
            .iter()
            .find(|t| t.first().is_some_and(|n| n == name))
            .and_then(|t| t.get(1))
            .map(|v| v.trim().to_owned())
    };
    let url = tag("url").ok_or_else(|| invalid("the file's description has no url".into()))?;
    let served = Url::parse(&url)
        .ok()
        .filter(|u| matches!(u.scheme(), "https" | "http"))
        .ok_or_else(|| invalid(format!("the file's address {url:?} is not a web address")))?;
    let ox = tag("ox").ok_or_else(|| invalid("the file's description has no ox".into()))?;
    let dim = tag("dim").and_then(|d| {
        let (w, h) = d.split_once('x')?;
        Some((w.parse().ok()?, h.parse().ok()?))
    });
    Ok(Described {
        url: served.to_string(),
        ox: ox.to_ascii_lowercase(),
        x: tag("x").map(|x| x.to_ascii_lowercase()),
        mime: tag("m"),
        dim,
        processing_url: parsed
            .processing_url
            .and_then(|u| Url::parse(&u).ok())
            .filter(|u| matches!(u.scheme(), "https" | "http")),
    })
}

/// A refused upload, saying what to fix; the server's own `message` goes first.
pub(super) fn refusal(what: &str, answer: &ResponseParts) -> ClientError {
    let message = serde_json::from_slice::<Answer>(&answer.body)
        .ok()
        .and_then(|a| a.message)
        .map(|m| m.chars().take(200).collect::<String>())
        .unwrap_or_else(|| format!("it answered {}", answer.status));
    let fix = match answer.status {
        401 | 403 => {
            "the server does not take uploads from this Nostr key; check that your account \
             there allows it, or choose another media server"
        }
        413 => {
            "the picture is larger than the server allows; make it smaller or choose another media server"
        }
        402 => "the server asks for payment before it stores files",
        400 | 415 => "the server does not take this picture",
        _ => return classify_status(NETWORK, what, answer),
    };
    ClientError::Rejected {
        network: NETWORK,
        what: what.to_owned(),
        status: Some(answer.status),
        detail: format!("{message}: {fix}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(status: u16, body: &str) -> ResponseParts {
        ResponseParts {
            status,
            headers: Default::default(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_transformed_file_is_described_as_served() {
        let body = r#"{"status":"success","nip94_event":{"tags":[
            ["url","https://f.example/media/AB.webp"],["ox","AB"],["x","cd"],
            ["m","image/webp"],["dim","800x600"]],"content":""}}"#;
        let d = described("uploading", &parts(201, body)).unwrap();
        assert_eq!(d.url, "https://f.example/media/AB.webp");
        assert_eq!((d.ox.as_str(), d.x.as_deref()), ("ab", Some("cd")));
        assert_eq!(d.mime.as_deref(), Some("image/webp"));
        assert_eq!(d.dim, Some((800, 600)));
        assert!(d.processing_url.is_none());
    }

    #[test]
    fn an_answer_without_a_web_address_is_refused() {
        let body = r#"{"nip94_event":{"tags":[["url","javascript:alert(1)"],["ox","ab"]]}}"#;
        let err = described("uploading", &parts(200, body)).unwrap_err();
        assert!(err.to_string().contains("not a web address"), "{err}");
    }

    #[test]
    fn a_payment_request_says_so() {
        let body = r#"{"status":"error","message":"Pay first","payment_request":"lnbc1"}"#;
        let err = refusal("uploading", &parts(402, body));
        let text = err.to_string();
        assert!(
            text.contains("Pay first") && text.contains("payment"),
            "{text}"
        );
    }
}
