//! `POST /2/oauth2/token` and the tokens it hands out, from the Authorization Code Flow with
//! PKCE pages. A code is redeemed once, within 30 seconds, with the `redirect_uri` it was
//! issued for and the verifier whose SHA-256 is the challenge. Access tokens live two hours;
//! a refresh token comes only with `offline.access`, and is good for one refresh — which
//! hands out a new pair — so a client must keep the newest. An access token stays good
//! until it expires, even after a refresh.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use url::form_urlencoded;

use super::errors::XError;
use super::{CLIENT_ID, CLIENT_SECRET, Inner, random};

const ACCESS_TOKEN_SECS: i64 = 7_200;
/// A code not redeemed in time is gone: X's codes are short-lived, 30 s in the fake.
pub(crate) const CODE_SECS: u64 = 30;

/// A code the consent page issued, waiting to be redeemed.
pub(crate) struct Grant {
    pub challenge: String,
    pub redirect_uri: String,
    pub client_id: String,
    pub scope: String,
    pub expires: std::time::Instant,
}

pub(crate) struct Access {
    pub scope: String,
    pub expires_at: DateTime<Utc>,
}

/// Answers a token request: the form, then the client, then the grant.
pub(crate) fn token(inner: &mut Inner, headers: &HeaderMap, body: &[u8]) -> Result<Value, XError> {
    let form: std::collections::HashMap<String, String> =
        form_urlencoded::parse(body).into_owned().collect();
    let get = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    client(headers, form.get("client_id").map(String::as_str))?;
    match get("grant_type") {
        "authorization_code" => {
            // One attempt per code, right or wrong: a code that leaked can't be tried again.
            let grant = inner
                .codes
                .remove(get("code"))
                .ok_or_else(XError::bad_grant)?;
            let verified = URL_SAFE_NO_PAD.encode(Sha256::digest(get("code_verifier")));
            if grant.expires < std::time::Instant::now()
                || grant.redirect_uri != get("redirect_uri")
                || grant.client_id != CLIENT_ID
                || verified != grant.challenge
            {
                return Err(XError::bad_grant());
            }
            Ok(issue(inner, &grant.scope))
        }
        "refresh_token" => {
            let refresh = get("refresh_token");
            let scope = inner
                .refresh_tokens
                .remove(refresh)
                .ok_or_else(XError::bad_grant)?;
            inner.refreshes += 1;
            Ok(issue(inner, &scope))
        }
        _ => Err(XError::unsupported_grant()),
    }
}

/// The client is the fake's app: by Basic authorization (a confidential client, whose
/// secret must match) or by `client_id` alone (a public client).
fn client(headers: &HeaderMap, form_id: Option<&str>) -> Result<(), XError> {
    let basic = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "));
    match basic {
        Some(credentials) => {
            let decoded = STANDARD
                .decode(credentials.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default();
            let (id, secret) = decoded.split_once(':').unwrap_or_default();
            let same_id = form_id.is_none_or(|f| f == id);
            if id == CLIENT_ID && secret == CLIENT_SECRET && same_id {
                Ok(())
            } else {
                Err(XError::bad_client())
            }
        }
        None if form_id == Some(CLIENT_ID) => Ok(()),
        None => Err(XError::bad_client()),
    }
}

/// A new access token, and a refresh token when the scopes hold `offline.access`.
fn issue(inner: &mut Inner, scope: &str) -> Value {
    let access_token = random::alphanumeric(86);
    let expires_at = Utc::now() + Duration::seconds(ACCESS_TOKEN_SECS);
    let access = Access {
        scope: scope.to_owned(),
        expires_at,
    };
    inner.access_tokens.insert(access_token.clone(), access);
    inner.access_tokens_issued += 1;
    let mut answer = json!({
        "token_type": "bearer",
        "expires_in": ACCESS_TOKEN_SECS,
        "access_token": access_token,
        "scope": scope,
    });
    if scope.split(' ').any(|s| s == "offline.access") {
        let refresh_token = random::alphanumeric(86);
        inner
            .refresh_tokens
            .insert(refresh_token.clone(), scope.to_owned());
        answer["refresh_token"] = json!(refresh_token);
    }
    answer
}

/// The request's bearer token, known and not expired: the scopes it was granted.
pub(crate) fn bearer<'a>(inner: &'a Inner, headers: &HeaderMap) -> Result<&'a str, XError> {
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    match inner.access_tokens.get(token) {
        Some(access) if access.expires_at > Utc::now() => Ok(&access.scope),
        _ => Err(XError::unauthorized()),
    }
}
