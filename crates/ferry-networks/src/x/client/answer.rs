//! X API v2 answers: the JSON asked for (`{"data": …}`), or a problem
//! (`{"title": "Forbidden", "status": 403, "detail": …, "type": …}`, invalid requests with an
//! `errors` list) turned into a [`ClientError`] that says what to fix.
//!
//! 401 is a dead token; 402 means the app's pay-per-use credits ran out; 403 is a refusal
//! (duplicate text, a post that can't be replied to, a scope not granted); 429 carries
//! `x-rate-limit-reset` in epoch seconds; 5xx after a write may have happened.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{NETWORK, XApi};
use crate::http::{ClientError, Effect, ResponseParts, classify_answer, decode_json, send};

#[derive(Deserialize, Default)]
struct Problem {
    #[serde(default)]
    title: String,
    #[serde(default)]
    detail: String,
    #[serde(default)]
    r#type: String,
    #[serde(default)]
    errors: Vec<Message>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    message: String,
}

/// X's words when the same text was posted by the account a short while ago.
const DUPLICATE: &str = "duplicate content";

impl XApi {
    /// Sends `request` with the token and reads its answer as `T`.
    pub(super) async fn call<T: DeserializeOwned>(
        &self,
        what: &str,
        effect: Effect,
        request: reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let request = request.bearer_auth(self.token.expose());
        let answer = send(NETWORK, what, effect, request).await?;
        if answer.is_success() {
            return decode_json(NETWORK, what, effect, &answer);
        }
        Err(refusal(what, effect, &answer))
    }
}

fn refusal(what: &str, effect: Effect, answer: &ResponseParts) -> ClientError {
    let problem: Problem = serde_json::from_slice(&answer.body).unwrap_or_default();
    let mut said = problem.detail.clone();
    let messages: Vec<&str> = problem
        .errors
        .iter()
        .map(|m| m.message.as_str())
        .filter(|m| !m.is_empty())
        .collect();
    if !messages.is_empty() {
        said = format!("{said} ({})", messages.join("; "));
    }
    let what = what.to_owned();
    let rejected = |detail: String| ClientError::Rejected {
        network: NETWORK,
        what: what.clone(),
        status: Some(answer.status),
        detail,
    };
    match answer.status {
        401 => ClientError::Auth {
            network: NETWORK,
            what,
            detail: "X no longer accepts Ferry's sign-in; sign in to X again".into(),
        },
        402 => rejected(format!(
            "your X app has no pay-per-use credits left ({said}); buy credits in X's \
             Developer Console, then send again"
        )),
        403 if said.contains("scope") || problem.r#type.contains("client-forbidden") => {
            ClientError::Auth {
                network: NETWORK,
                what,
                detail: format!(
                    "X refused: {said}; sign in again and allow every permission Ferry asks \
                     for (posting needs tweet.write, pictures media.write)"
                ),
            }
        }
        403 if said.contains(DUPLICATE) => rejected(format!(
            "{said}: X takes the same text from an account only once in a while; change the \
             text or send it later"
        )),
        403 | 400 | 404 | 413 | 422 => {
            let said = if said.is_empty() { problem.title } else { said };
            rejected(said)
        }
        429 => ClientError::RateLimited {
            network: NETWORK,
            what,
            retry_at: answer.header("x-rate-limit-reset").and_then(epoch),
        },
        _ => classify_answer(NETWORK, &what, effect, answer),
    }
}

fn epoch(value: &str) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(value.trim().parse().ok()?, 0)
}

/// Whether X refused a post as the same text the account posted a short while ago — after a
/// lost answer, a sign that the first attempt did go through.
pub fn is_duplicate(err: &ClientError) -> bool {
    matches!(err, ClientError::Rejected { status: Some(403), detail, .. } if detail.contains(DUPLICATE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::ErrorClass;

    fn answer(status: u16, body: &str, headers: &[(&'static str, &str)]) -> ResponseParts {
        let mut map = reqwest::header::HeaderMap::new();
        for (k, v) in headers {
            map.insert(*k, v.parse().unwrap());
        }
        ResponseParts {
            status,
            headers: map,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn each_refusal_says_what_to_fix() {
        let dup = refusal(
            "posting",
            Effect::Write,
            &answer(
                403,
                r#"{"title":"Forbidden","type":"about:blank","status":403,"detail":"You are not allowed to create a Tweet with duplicate content."}"#,
                &[],
            ),
        );
        assert!(is_duplicate(&dup), "{dup}");
        assert_eq!(dup.class(), ErrorClass::Permanent);

        let broke = refusal(
            "posting",
            Effect::Write,
            &answer(
                402,
                r#"{"title":"CreditsDepleted","detail":"Your enrolled account [1] does not have any credits to fulfill this request.","type":"https://api.twitter.com/2/problems/credits"}"#,
                &[],
            ),
        );
        assert!(
            broke.to_string().contains("no pay-per-use credits"),
            "{broke}"
        );
        assert!(!is_duplicate(&broke));

        let dead = refusal(
            "posting",
            Effect::Write,
            &answer(
                401,
                r#"{"title":"Unauthorized","status":401,"detail":"Unauthorized"}"#,
                &[],
            ),
        );
        assert_eq!(dead.class(), ErrorClass::Auth);

        let slow = refusal(
            "posting",
            Effect::Write,
            &answer(
                429,
                r#"{"title":"Too Many Requests"}"#,
                &[("x-rate-limit-reset", "1900000000")],
            ),
        );
        assert_eq!(slow.retry_at(), DateTime::from_timestamp(1_900_000_000, 0));

        let bad = refusal(
            "posting",
            Effect::Write,
            &answer(
                400,
                r#"{"errors":[{"parameters":{},"message":"media_ids is invalid"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"#,
                &[],
            ),
        );
        assert!(bad.to_string().contains("media_ids is invalid"), "{bad}");

        let lost = refusal("posting", Effect::Write, &answer(503, "", &[]));
        assert_eq!(lost.class(), ErrorClass::UnknownOutcome);
    }
}
