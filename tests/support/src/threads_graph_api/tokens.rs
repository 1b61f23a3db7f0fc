//! Access tokens, from the long-lived tokens page: a refresh hands out a new token, valid for
//! about 60 days (`expires_in` 5183944 s, the documentation's example), and the old one keeps
//! working until it expires — so a client that lost the refresh's answer isn't locked out.

use serde_json::{Value, json};

use super::GOOD_TOKEN;
use super::Inner;
use super::errors::GraphError;
use super::params::Params;

/// The token is one the fake issued, and tokens weren't revoked.
pub(crate) fn check(inner: &Inner, params: &Params) -> Result<(), GraphError> {
    let token = params.token().unwrap_or_default();
    let known = token == GOOD_TOKEN || inner.tokens_issued.iter().any(|t| t == token);
    let revoked = inner.revoked && inner.spared.as_deref() != Some(token);
    match (known, revoked) {
        (true, false) => Ok(()),
        // What Graph says to a token cut off by a password change or a security check.
        (true, true) => Err(GraphError::new(
            190,
            "Error validating access token: The session has been invalidated because the \
             user changed their password or Facebook has changed the session for security \
             reasons.",
        )
        .with_subcode(460)),
        (false, _) => Err(GraphError::new(
            190,
            "Invalid OAuth access token - Cannot parse access token",
        )),
    }
}

/// `GET /refresh_access_token?grant_type=th_refresh_token&access_token=…`.
pub(crate) fn refresh(inner: &mut Inner, params: &Params) -> Result<axum::Json<Value>, GraphError> {
    check(inner, params)?;
    if params.get("grant_type") != Some("th_refresh_token") {
        return Err(GraphError::invalid("grant_type must be th_refresh_token"));
    }
    let token = format!(
        "THFakeLongLivedToken_ferry_refreshed_{:04}",
        inner.tokens_issued.len() + 1
    );
    inner.tokens_issued.push(token.clone());
    Ok(axum::Json(json!({
        "access_token": token,
        "token_type": "bearer",
        "expires_in": 5_183_944,
    })))
}
