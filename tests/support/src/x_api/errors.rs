//! X's error answers, as its documentation shows them. The API speaks "problems" (RFC 7807:
//! `title`, `type`, `status`, `detail`); a request with bad parameters gets the
//! invalid-request problem, which names them under `errors`; the token endpoint speaks
//! OAuth's `{"error", "error_description"}` instead.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::USER_ID;

#[derive(Debug)]
pub(crate) enum XError {
    /// A plain problem: 401, 403 or 429.
    Problem {
        status: StatusCode,
        title: &'static str,
        detail: String,
    },
    /// 400: `parameters` maps each bad parameter to the values sent.
    Invalid { parameters: Value, message: String },
    /// 402: the balance can't cover the request.
    CreditsDepleted,
    /// 200 with no `data`: X answers a lookup of a missing resource this way, not with 404.
    UserNotFound(String),
    /// The token endpoint's errors.
    OAuth {
        status: StatusCode,
        error: &'static str,
        description: &'static str,
    },
}

impl XError {
    pub fn unauthorized() -> XError {
        XError::Problem {
            status: StatusCode::UNAUTHORIZED,
            title: "Unauthorized",
            detail: "Unauthorized".into(),
        }
    }

    pub fn forbidden(detail: impl Into<String>) -> XError {
        XError::Problem {
            status: StatusCode::FORBIDDEN,
            title: "Forbidden",
            detail: detail.into(),
        }
    }

    pub fn too_many_requests() -> XError {
        XError::Problem {
            status: StatusCode::TOO_MANY_REQUESTS,
            title: "Too Many Requests",
            detail: "Too Many Requests".into(),
        }
    }

    /// A bad parameter: its name, the value sent (`""` when missing) and why.
    pub fn invalid(parameter: &str, value: &str, message: impl Into<String>) -> XError {
        XError::Invalid {
            parameters: json!({ parameter: [value] }),
            message: message.into(),
        }
    }

    /// An unknown, used or expired code or refresh token, or a verifier that doesn't match.
    pub fn bad_grant() -> XError {
        XError::OAuth {
            status: StatusCode::BAD_REQUEST,
            error: "invalid_request",
            description: "Value passed for the token was invalid.",
        }
    }

    pub fn bad_client() -> XError {
        XError::OAuth {
            status: StatusCode::UNAUTHORIZED,
            error: "unauthorized_client",
            description: "Missing valid authorization header",
        }
    }

    pub fn unsupported_grant() -> XError {
        XError::OAuth {
            status: StatusCode::BAD_REQUEST,
            error: "unsupported_grant_type",
            description: "grant_type must be authorization_code or refresh_token",
        }
    }
}

impl IntoResponse for XError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            XError::Problem {
                status,
                title,
                detail,
            } => (
                status,
                json!({
                    "title": title,
                    "type": "about:blank",
                    "status": status.as_u16(),
                    "detail": detail,
                }),
            ),
            XError::Invalid {
                parameters,
                message,
            } => (
                StatusCode::BAD_REQUEST,
                json!({
                    "errors": [{ "parameters": parameters, "message": message }],
                    "title": "Invalid Request",
                    "detail": "One or more parameters to your request was invalid.",
                    "type": "https://api.twitter.com/2/problems/invalid-request",
                }),
            ),
            XError::CreditsDepleted => (
                StatusCode::PAYMENT_REQUIRED,
                json!({
                    "title": "CreditsDepleted",
                    "detail": format!(
                        "Your enrolled account [{USER_ID}] does not have any credits to \
                         fulfill this request."
                    ),
                    "type": "https://api.twitter.com/2/problems/credits",
                }),
            ),
            XError::UserNotFound(id) => (
                StatusCode::OK,
                json!({"errors": [{
                    "value": id,
                    "detail": format!("Could not find user with id: [{id}]."),
                    "title": "Not Found Error",
                    "resource_type": "user",
                    "parameter": "id",
                    "resource_id": id,
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                }]}),
            ),
            XError::OAuth {
                status,
                error,
                description,
            } => (
                status,
                json!({ "error": error, "error_description": description }),
            ),
        };
        (status, axum::Json(body)).into_response()
    }
}
