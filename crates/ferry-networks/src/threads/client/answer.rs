//! The Graph API's answers: the JSON asked for, or
//! `{"error": {"message": …, "type": "OAuthException", "code": 190, "error_subcode": 463}}`,
//! turned into a [`ClientError`] of the right class.
//!
//! Meta answers most refusals with HTTP 400 whatever they mean, so the class comes from
//! `code`: 190 a dead token, 4/17/32/613 rate limits, 10 and 200–299 missing permissions,
//! 9007 a container not ready yet; 1 and 2 are Meta's own trouble (for a write: it may have
//! happened). Each keeps Meta's words and says what to fix.

use chrono::Utc;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{NETWORK, ThreadsApi};
use crate::http::{ClientError, Effect, ResponseParts, classify_answer, decode_json, send};

#[derive(Deserialize)]
struct Envelope {
    error: GraphError,
}

#[derive(Deserialize)]
struct GraphError {
    #[serde(default)]
    message: String,
    #[serde(default)]
    code: i64,
    #[serde(default)]
    error_subcode: Option<i64>,
    #[serde(default)]
    error_user_msg: Option<String>,
}

/// Meta's subcode for "the account posted as much as it may in 24 hours".
const POST_LIMIT_SUBCODE: i64 = 2_207_042;

impl ThreadsApi {
    /// Sends `request` with the token and reads its answer as `T`.
    pub(super) async fn call<T: DeserializeOwned>(
        &self,
        what: &str,
        effect: Effect,
        request: reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let request = request.bearer_auth(self.token.expose());
        let answer = send(NETWORK, what, effect, request).await?;
        read(what, effect, &answer)
    }
}

pub(super) fn read<T: DeserializeOwned>(
    what: &str,
    effect: Effect,
    answer: &ResponseParts,
) -> Result<T, ClientError> {
    if answer.is_success() {
        return decode_json(NETWORK, what, effect, answer);
    }
    Err(match serde_json::from_slice::<Envelope>(&answer.body) {
        Ok(envelope) => refusal(what, effect, answer, envelope.error),
        // Not Graph's envelope: a proxy's page, a wrong address.
        Err(_) => classify_answer(NETWORK, what, effect, answer),
    })
}

fn refusal(what: &str, effect: Effect, answer: &ResponseParts, e: GraphError) -> ClientError {
    let said = match e.error_user_msg.filter(|m| !m.is_empty()) {
        Some(user) if user != e.message => format!("{} ({user})", e.message),
        _ => e.message,
    };
    let what = what.to_owned();
    let rejected = |detail: String| ClientError::Rejected {
        network: NETWORK,
        what: what.clone(),
        status: Some(answer.status),
        detail,
    };
    match e.code {
        190 | 102 => ClientError::Auth {
            network: NETWORK,
            what,
            detail: format!(
                "{said}: the token expired or was revoked; generate a new long-lived token in \
                 your Meta app's dashboard and add the account again"
            ),
        },
        4 | 17 | 32 | 613 => ClientError::RateLimited {
            network: NETWORK,
            what,
            // Meta says only "wait a while"; its windows are an hour long.
            retry_at: Some(Utc::now() + chrono::Duration::minutes(15)),
        },
        9 if e.error_subcode == Some(POST_LIMIT_SUBCODE) => ClientError::RateLimited {
            network: NETWORK,
            what,
            retry_at: Some(Utc::now() + chrono::Duration::hours(1)),
        },
        10 | 200..=299 => rejected(format!(
            "{said}: the Meta app lacks a permission; give it threads_basic and \
             threads_content_publish, then generate the token again"
        )),
        9007 => ClientError::ServerError {
            network: NETWORK,
            what,
            status: answer.status,
            detail: format!("{said}: Threads is still processing it"),
            retry_at: Some(Utc::now() + chrono::Duration::seconds(30)),
        },
        // Meta's own trouble: for a write, it may have happened.
        1 | 2 => classify_answer(NETWORK, &what, effect, answer),
        _ if answer.status >= 500 => classify_answer(NETWORK, &what, effect, answer),
        _ => rejected(said),
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderMap;

    use super::*;
    use crate::http::ErrorClass;

    fn fail(status: u16, body: &str, effect: Effect) -> ClientError {
        let answer = ResponseParts {
            status,
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        };
        read::<serde_json::Value>("publishing", effect, &answer).unwrap_err()
    }

    #[test]
    fn each_refusal_is_classed_by_its_code_and_says_what_to_fix() {
        let dead = fail(
            400,
            r#"{"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463}}"#,
            Effect::Write,
        );
        assert_eq!(dead.class(), ErrorClass::Auth);
        assert!(dead.to_string().contains("long-lived token"), "{dead}");

        let limited = fail(
            403,
            r#"{"error":{"message":"Application request limit reached","code":4}}"#,
            Effect::Write,
        );
        assert_eq!(limited.class(), ErrorClass::Retryable);
        assert!(limited.retry_at().is_some());

        let quota = fail(
            400,
            r#"{"error":{"message":"You have reached the maximum number of posts","code":9,"error_subcode":2207042}}"#,
            Effect::Write,
        );
        assert_eq!(quota.class(), ErrorClass::Retryable);

        let permission = fail(
            400,
            r#"{"error":{"message":"Application does not have permission for this action","code":10}}"#,
            Effect::Write,
        );
        assert_eq!(permission.class(), ErrorClass::Permanent);
        assert!(permission.to_string().contains("threads_content_publish"));

        let bad = fail(
            400,
            r#"{"error":{"message":"Invalid parameter","code":100,"error_user_msg":"The text is too long"}}"#,
            Effect::Write,
        );
        assert_eq!(bad.class(), ErrorClass::Permanent);
        assert!(bad.to_string().contains("The text is too long"), "{bad}");
    }

    #[test]
    fn meta_s_own_trouble_after_a_write_is_unknown() {
        let body = r#"{"error":{"message":"An unexpected error has occurred","code":2}}"#;
        assert_eq!(
            fail(500, body, Effect::Write).class(),
            ErrorClass::UnknownOutcome
        );
        assert_eq!(fail(500, body, Effect::Read).class(), ErrorClass::Retryable);
        assert_eq!(
            fail(502, "<html>Bad Gateway</html>", Effect::Write).class(),
            ErrorClass::UnknownOutcome
        );
    }
}
