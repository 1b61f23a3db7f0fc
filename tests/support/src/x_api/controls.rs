//! What a test reads and sets on the fake: what was posted, uploaded and spent, and the
//! failures it can't cause from outside. The `/_fake/…` routes are the same controls over
//! HTTP, for the E2E tests that run the `fake-x` binary.

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::{Charge, Fake, FakeXApi, Posted, Upload};

impl FakeXApi {
    /// Created posts (replies too), oldest first.
    pub fn posts(&self) -> Vec<Posted> {
        self.inner().posts.clone()
    }

    /// Accepted uploads, oldest first.
    pub fn uploads(&self) -> Vec<Upload> {
        let inner = self.inner();
        inner.media.iter().map(|m| m.upload.clone()).collect()
    }

    /// Only these exact callback URLs are registered (X compares them whole, port included);
    /// by default any `http://127.0.0.1:<port>/callback` is.
    pub fn set_callbacks(&self, uris: Vec<String>) {
        self.inner().callbacks = Some(uris);
    }

    /// The next consent is refused: the person clicks "Cancel", and the callback gets
    /// `?error=access_denied&state=…`.
    pub fn deny_next_authorization(&self) {
        self.inner().deny_next_authorization = true;
    }

    /// The next `/2` request (not the token one) answers 429 and does nothing.
    pub fn rate_limit_next(&self) {
        self.inner().rate_limit_next = true;
    }

    /// The next successful `POST /2/tweets` creates the post (and is charged), then answers
    /// 503 with an empty body, as a proxy whose backend's answer was lost after the write:
    /// the client can't know the post went out.
    pub fn fail_after_next_post(&self) {
        self.inner().fail_after_next_post = true;
    }

    /// The next upload is refused as "media type unrecognized", whatever its bytes.
    pub fn refuse_next_upload(&self) {
        self.inner().refuse_next_upload = true;
    }

    /// The balance, in micro-dollars (default 100_000_000: $100).
    pub fn set_credits(&self, micro_dollars: u64) {
        self.inner().ledger.credits = micro_dollars;
    }

    /// What is left of the balance, in micro-dollars.
    pub fn credits(&self) -> u64 {
        self.inner().ledger.credits
    }

    /// Every charge, oldest first.
    pub fn spent(&self) -> Vec<Charge> {
        self.inner().ledger.charges.clone()
    }

    /// The charges' sum, in micro-dollars.
    pub fn spent_total(&self) -> u64 {
        self.inner().ledger.total()
    }

    /// Every access and refresh token stops working, as when the person revokes the app.
    pub fn revoke_tokens(&self) {
        let mut inner = self.inner();
        inner.access_tokens.clear();
        inner.refresh_tokens.clear();
    }

    /// Every access token expires now, as two hours later; refresh tokens still work.
    pub fn expire_access_tokens(&self) {
        let now = chrono::Utc::now();
        for token in self.inner().access_tokens.values_mut() {
            token.expires_at = now;
        }
    }

    /// How many `grant_type=refresh_token` requests were served.
    pub fn refreshes(&self) -> usize {
        self.inner().refreshes
    }

    /// How many access tokens the token endpoint handed out, by either grant.
    pub fn access_tokens_issued(&self) -> usize {
        self.inner().access_tokens_issued
    }
}

pub(crate) async fn all_posts(State(fake): State<Fake>) -> axum::Json<Value> {
    axum::Json(json!(fake.inner.lock().unwrap().posts))
}

pub(crate) async fn all_spent(State(fake): State<Fake>) -> axum::Json<Value> {
    let inner = fake.inner.lock().unwrap();
    axum::Json(json!({
        "total": inner.ledger.total(),
        "charges": inner.ledger.charges,
    }))
}

pub(crate) async fn fail_after_next(State(fake): State<Fake>) -> StatusCode {
    fake.inner.lock().unwrap().fail_after_next_post = true;
    StatusCode::NO_CONTENT
}

/// `{"microDollars": N}`: the new balance.
pub(crate) async fn credits(State(fake): State<Fake>, body: axum::body::Bytes) -> StatusCode {
    let json: Value = serde_json::from_slice(&body).unwrap_or_default();
    match json["microDollars"].as_u64() {
        Some(n) => {
            fake.inner.lock().unwrap().ledger.credits = n;
            StatusCode::NO_CONTENT
        }
        None => StatusCode::BAD_REQUEST,
    }
}
