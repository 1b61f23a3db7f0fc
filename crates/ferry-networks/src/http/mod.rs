//! What every client shares: one error type whose class tells the outbox what to do next,
//! the mapping from HTTP answers and transport failures onto it, `Retry-After` parsing, and
//! the redacting [`Secret`] wrapper for tokens and keys.
//!
//! ```
//! use ferry_networks::http::{ClientError, ErrorClass};
//! fn next_step(err: &ClientError) -> &'static str {
//!     match err.class() {
//!         ErrorClass::Retryable => "retry at err.retry_at(), or with backoff",
//!         ErrorClass::UnknownOutcome => "check whether it exists before anything else",
//!         ErrorClass::Auth => "ask the person to sign in again",
//!         ErrorClass::Permanent => "show err.to_string() and stop",
//!     }
//! }
//! ```

mod base_url;
mod classify;
mod error;
mod retry_after;
mod secret;

pub use base_url::{parse_base_url, plain_http_off_this_computer};
pub use classify::{
    API_ANSWER_MAX_BYTES, Effect, ResponseParts, chain_text, classify_answer, classify_send_error,
    classify_status, decode_json, read_json, same_origin_redirects, send, send_capped,
    shared_client, shared_client_with,
};
pub use error::{ClientError, ErrorClass};
pub use retry_after::{parse_rate_limit_reset, parse_retry_after};
pub use secret::Secret;
