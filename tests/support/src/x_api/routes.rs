//! The `/2` routes. Every call but the token one goes through [`api`]: the rate limit, the
//! bearer token, its scopes; then the part of the fake that answers it, which checks the
//! request, then the balance, and only then writes — a refused request costs nothing. Every answer carries the
//! rate-limit headers — except a lost one, which never came from X.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::errors::XError;
use super::limits::{self, Endpoint, Windows};
use super::{Fake, Inner, media, posting, reading, tokens};

/// What the part of the fake behind [`api`] answers.
pub(crate) enum Answer {
    Json(StatusCode, Value),
    /// The write happened, the answer didn't arrive: 503, empty, no X headers.
    Lost,
}

fn api(
    fake: &Fake,
    headers: &HeaderMap,
    endpoint: &Endpoint,
    answer: impl FnOnce(&mut Inner) -> Result<Answer, XError>,
) -> Response {
    let mut inner = fake.inner.lock().unwrap();
    let standing = if std::mem::take(&mut inner.rate_limit_next) {
        Err(Windows::exhausted(endpoint))
    } else {
        inner.windows.count(endpoint)
    };
    let (standing, result) = match standing {
        Err(standing) => (standing, Err(XError::too_many_requests())),
        Ok(standing) => (standing, authorized(&inner, headers, endpoint)),
    };
    let mut response = match result.and_then(|()| answer(&mut inner)) {
        Ok(Answer::Lost) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Ok(Answer::Json(status, body)) => (status, axum::Json(body)).into_response(),
        Err(e) => e.into_response(),
    };
    standing.write(response.headers_mut());
    response
}

/// A live token granted every scope the endpoint needs.
fn authorized(inner: &Inner, headers: &HeaderMap, endpoint: &Endpoint) -> Result<(), XError> {
    let granted = tokens::bearer(inner, headers)?;
    let missing = endpoint
        .scopes
        .iter()
        .find(|needed| !granted.split(' ').any(|g| g == **needed));
    match missing {
        Some(scope) => Err(XError::forbidden(format!(
            "You are not permitted to perform this action: the token is missing scope \
             {scope}."
        ))),
        None => Ok(()),
    }
}

pub(crate) async fn token(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    let mut inner = fake.inner.lock().unwrap();
    // Counted and shown, but never limited: rate_limit_next is for the API calls.
    let standing = inner
        .windows
        .count(&limits::TOKEN)
        .unwrap_or_else(|standing| standing);
    let mut response = match tokens::token(&mut inner, &headers, &body) {
        Ok(answer) => axum::Json(answer).into_response(),
        Err(e) => e.into_response(),
    };
    standing.write(response.headers_mut());
    response
}

pub(crate) async fn me(State(fake): State<Fake>, headers: HeaderMap) -> Response {
    api(&fake, &headers, &limits::USERS_ME, reading::me)
}

pub(crate) async fn user_posts(
    State(fake): State<Fake>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    api(&fake, &headers, &limits::USER_POSTS, |inner| {
        reading::user_posts(inner, &id, &query)
    })
}

pub(crate) async fn create_post(
    State(fake): State<Fake>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    api(&fake, &headers, &limits::CREATE_POST, |inner| {
        posting::create(inner, &body)
    })
}

pub(crate) async fn upload(
    State(fake): State<Fake>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    // Read before the checks (it can't be read under the lock), refused after them.
    let form = read_form(request).await;
    api(&fake, &headers, &limits::MEDIA_UPLOAD, |inner| {
        media::upload(inner, form?)
    })
}

pub(crate) async fn metadata(
    State(fake): State<Fake>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    api(&fake, &headers, &limits::MEDIA_METADATA, |inner| {
        media::metadata(inner, &body)
    })
}

/// The upload's `multipart/form-data` parts, by name.
async fn read_form(request: Request) -> Result<HashMap<String, Vec<u8>>, XError> {
    let refuse = |e: String| XError::invalid("media", "", format!("the form is unreadable: {e}"));
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| refuse(e.body_text()))?;
    let mut parts = HashMap::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| refuse(e.body_text()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|e| refuse(e.body_text()))?;
        parts.insert(name, bytes.to_vec());
    }
    Ok(parts)
}
