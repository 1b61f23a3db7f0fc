//! Graph's error envelope, as the Threads troubleshooting page shows it:
//! `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`, HTTP 400 unless
//! said otherwise.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Graph gives every error a trace id for Meta's support; only its shape matters here.
static TRACES: AtomicU64 = AtomicU64::new(1);

#[derive(Debug)]
pub(crate) struct GraphError {
    status: StatusCode,
    code: u32,
    subcode: Option<u32>,
    message: String,
    /// Graph's `error_user_msg`: the reason behind a bare "Invalid parameter", which is all
    /// the message says. Here it says what the fake checked, for whoever reads a failed test.
    user_msg: Option<String>,
}

impl GraphError {
    pub fn new(code: u32, message: impl Into<String>) -> GraphError {
        GraphError {
            status: StatusCode::BAD_REQUEST,
            code,
            subcode: None,
            message: message.into(),
            user_msg: None,
        }
    }

    pub fn with_subcode(mut self, subcode: u32) -> GraphError {
        self.subcode = Some(subcode);
        self
    }

    /// Code 100, "Invalid parameter", with the reason in `error_user_msg`.
    pub fn invalid(why: impl Into<String>) -> GraphError {
        GraphError {
            user_msg: Some(why.into()),
            ..GraphError::new(100, "Invalid parameter")
        }
    }

    /// An id that names nothing (or nothing this verb applies to).
    pub fn no_object(verb: &str, id: &str) -> GraphError {
        GraphError::new(
            100,
            format!(
                "Unsupported {verb} request. Object with ID '{id}' does not exist, cannot be \
                 loaded due to missing permissions, or does not support this operation. \
                 Please read the Graph API documentation at \
                 https://developers.facebook.com/docs/graph-api"
            ),
        )
    }

    /// An edge the node doesn't have (`/me/nonsense`).
    pub fn unknown_path(edge: &str) -> GraphError {
        GraphError::new(2500, format!("Unknown path components: /{edge}"))
    }

    /// Graph's application rate limit: code 4, sent with 403 (Graph answers rate limits
    /// with 400 or 403, never 429).
    pub fn rate_limited() -> GraphError {
        GraphError {
            status: StatusCode::FORBIDDEN,
            ..GraphError::new(4, "Application request limit reached")
        }
    }
}

impl IntoResponse for GraphError {
    fn into_response(self) -> Response {
        let trace = TRACES.fetch_add(1, Ordering::Relaxed);
        let mut error = json!({
            "message": self.message,
            "type": "OAuthException",
            "code": self.code,
            "fbtrace_id": format!("FakeTrace{trace:08X}"),
        });
        if let Some(subcode) = self.subcode {
            error["error_subcode"] = json!(subcode);
        }
        if let Some(user_msg) = self.user_msg {
            error["error_user_msg"] = json!(user_msg);
        }
        (self.status, axum::Json(json!({ "error": error }))).into_response()
    }
}
