//! The consent page, `GET /i/oauth2/authorize` (on `x.com` for real), from the Authorization
//! Code Flow with PKCE pages. X shows the person what the app asks for; here they click
//! "Authorize app" at once, and the page redirects to the app's callback with `state` and a
//! code. A request X would refuse gets X's error page, and never a redirect: a callback
//! that isn't registered must not receive anything.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::tokens::{CODE_SECS, Grant};
use super::{CLIENT_ID, Fake, Inner, SCOPES, random};

pub(crate) async fn consent(
    State(fake): State<Fake>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut inner = fake.inner.lock().unwrap();
    match check(&inner, &query) {
        Ok(()) => {}
        Err(why) => return error_page(why),
    }
    let get = |name: &str| query.get(name).map(String::as_str).unwrap_or_default();
    let mut location = url::Url::parse(get("redirect_uri")).expect("checked");
    if std::mem::take(&mut inner.deny_next_authorization) {
        location
            .query_pairs_mut()
            .append_pair("error", "access_denied")
            .append_pair("state", get("state"));
    } else {
        let code = random::alphanumeric(64);
        let grant = Grant {
            challenge: get("code_challenge").to_owned(),
            redirect_uri: get("redirect_uri").to_owned(),
            client_id: get("client_id").to_owned(),
            // As granted: the scopes asked for, one space apart.
            scope: scopes(get("scope")).join(" "),
            expires: Instant::now() + Duration::from_secs(CODE_SECS),
        };
        inner.codes.insert(code.clone(), grant);
        location
            .query_pairs_mut()
            .append_pair("state", get("state"))
            .append_pair("code", &code);
    }
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

/// Why X would refuse the request, if it would.
fn check(inner: &Inner, query: &HashMap<String, String>) -> Result<(), String> {
    let get = |name: &str| query.get(name).map(String::as_str).unwrap_or_default();
    let redirect_uri = get("redirect_uri");
    let registered = match &inner.callbacks {
        Some(uris) => uris.iter().any(|u| u == redirect_uri),
        None => is_loopback_callback(redirect_uri),
    };
    if !registered || url::Url::parse(redirect_uri).is_err() {
        return Err(format!("redirect_uri {redirect_uri:?} is not registered"));
    }
    if get("client_id") != CLIENT_ID {
        return Err(format!("client_id {:?} is not the app's", get("client_id")));
    }
    if get("response_type") != "code" {
        return Err("response_type must be code".into());
    }
    if get("code_challenge_method") != "S256" || get("code_challenge").is_empty() {
        return Err("a code_challenge with code_challenge_method S256 is required".into());
    }
    if get("state").is_empty() {
        return Err("state is required".into());
    }
    let scopes = scopes(get("scope"));
    if scopes.is_empty() {
        return Err("scope is required".into());
    }
    if let Some(unknown) = scopes.iter().find(|s| !SCOPES.split(' ').any(|k| k == **s)) {
        return Err(format!("scope {unknown} is not one the app may ask for"));
    }
    Ok(())
}

fn scopes(scope: &str) -> Vec<&str> {
    scope.split(' ').filter(|s| !s.is_empty()).collect()
}

/// `http://127.0.0.1:<port>/callback`, any port: what a desktop app's loopback listener
/// uses, and what the fake accepts unless told the exact list.
fn is_loopback_callback(uri: &str) -> bool {
    uri.strip_prefix("http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix("/callback"))
        .and_then(|port| port.parse::<u16>().ok())
        .is_some_and(|port| port != 0)
}

/// X's words on its error page; the reason is the fake's, in a comment, for whoever reads
/// a failed test.
fn error_page(why: String) -> Response {
    let why = why.replace("--", "- -");
    let page = format!(
        "<!DOCTYPE html><html><head><title>X</title></head><body>\
         <p>Something went wrong. You weren't able to give access to the App.</p>\
         <!-- FAKE X: {why} --></body></html>"
    );
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}
