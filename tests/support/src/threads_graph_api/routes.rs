//! The Graph routes: each reads its parameters, checks the token, then hands over to the
//! part of the fake that answers it.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::errors::GraphError;
use super::params::Params;
use super::{Fake, containers, is_user, publishing, reading, tokens};

/// Reads the parameters and checks the token: what every Graph call starts with.
async fn authorized(fake: &Fake, request: Request) -> Result<Params, GraphError> {
    let params = Params::read(request).await.map_err(GraphError::invalid)?;
    tokens::check(&fake.inner.lock().unwrap(), &params)?;
    Ok(params)
}

pub(crate) async fn get_node(
    State(fake): State<Fake>,
    Path(node): Path<String>,
    request: Request,
) -> Response {
    let params = match authorized(&fake, request).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let mut inner = fake.inner.lock().unwrap();
    reading::node(&mut inner, &node, &params).into_response()
}

pub(crate) async fn get_edge(
    State(fake): State<Fake>,
    Path((node, edge)): Path<(String, String)>,
    request: Request,
) -> Response {
    let params = match authorized(&fake, request).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    if !is_user(&node) {
        return GraphError::no_object("get", &node).into_response();
    }
    let inner = fake.inner.lock().unwrap();
    match edge.as_str() {
        "threads" => reading::list(&inner, &params, false).into_response(),
        "replies" => reading::list(&inner, &params, true).into_response(),
        "threads_publishing_limit" => publishing::limit(&inner).into_response(),
        _ => GraphError::unknown_path(&edge).into_response(),
    }
}

pub(crate) async fn post_edge(
    State(fake): State<Fake>,
    Path((node, edge)): Path<(String, String)>,
    request: Request,
) -> Response {
    let params = match authorized(&fake, request).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    if !is_user(&node) {
        return GraphError::no_object("post", &node).into_response();
    }
    if std::mem::take(&mut fake.inner.lock().unwrap().rate_limit_next) {
        return GraphError::rate_limited().into_response();
    }
    match edge.as_str() {
        "threads" => containers::create(&fake, &params).await.into_response(),
        "threads_publish" => {
            let mut inner = fake.inner.lock().unwrap();
            let answer = publishing::publish(&mut inner, &params);
            if answer.is_ok() && std::mem::take(&mut inner.fail_after_next_publish) {
                return broken_page();
            }
            answer.into_response()
        }
        _ => GraphError::unknown_path(&edge).into_response(),
    }
}

/// What a proxy in front of Graph answers when the backend fails: HTML, not Graph's JSON.
fn broken_page() -> Response {
    let page = "<!DOCTYPE html><html><head><title>Error</title></head>\
                <body>Sorry, something went wrong.</body></html>";
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

pub(crate) async fn refresh(State(fake): State<Fake>, request: Request) -> Response {
    let params = match Params::read(request).await {
        Ok(p) => p,
        Err(e) => return GraphError::invalid(e).into_response(),
    };
    tokens::refresh(&mut fake.inner.lock().unwrap(), &params).into_response()
}

pub(crate) async fn all_posts(State(fake): State<Fake>) -> axum::Json<serde_json::Value> {
    axum::Json(json!(fake.inner.lock().unwrap().posts))
}

pub(crate) async fn fail_after_next(State(fake): State<Fake>) -> StatusCode {
    fake.inner.lock().unwrap().fail_after_next_publish = true;
    StatusCode::NO_CONTENT
}
