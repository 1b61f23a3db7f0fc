//! A Graph call's parameters: the query string merged with the body (a URL-encoded form, or
//! JSON), since Graph reads POST parameters from either; and the token, from
//! `access_token` or an `Authorization: Bearer` header.

use std::collections::HashMap;

use axum::extract::Request;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use url::form_urlencoded;

pub(crate) struct Params {
    values: HashMap<String, String>,
    bearer: Option<String>,
}

impl Params {
    pub async fn read(request: Request) -> Result<Params, String> {
        let (parts, body) = request.into_parts();
        let mut values = HashMap::new();
        if let Some(query) = parts.uri.query() {
            values.extend(form_urlencoded::parse(query.as_bytes()).into_owned());
        }
        let header = |name| parts.headers.get(name).and_then(|v| v.to_str().ok());
        // Graph also takes the older `OAuth <token>` form.
        let bearer = header(AUTHORIZATION)
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("OAuth "))
            })
            .map(|t| t.trim().to_owned());
        let is_json = header(CONTENT_TYPE).is_some_and(|k| k.starts_with("application/json"));
        let bytes = axum::body::to_bytes(body, 1 << 20)
            .await
            .map_err(|e| e.to_string())?;
        if is_json && !bytes.is_empty() {
            let json: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
            for (k, v) in json.as_object().into_iter().flatten() {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                values.insert(k.clone(), text);
            }
        } else {
            // Without a content type too: a form is what clients send by default.
            values.extend(form_urlencoded::parse(&bytes).into_owned());
        }
        Ok(Params { values, bearer })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn token(&self) -> Option<&str> {
        self.get("access_token").or(self.bearer.as_deref())
    }

    /// `fields=a,b`: the fields asked for; Graph answers only those (and `id`).
    pub fn fields(&self) -> Vec<&str> {
        self.get("fields")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect()
    }
}
