//! A Bot API method's parameters, as JSON, a URL-encoded form or `multipart/form-data` (the
//! three ways the documentation allows); files only in the multipart kind.

use std::collections::HashMap;

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::CONTENT_TYPE;

pub(crate) struct Params {
    texts: HashMap<String, String>,
    files: HashMap<String, Vec<u8>>,
}

impl Params {
    pub async fn read(request: Request) -> Result<Params, String> {
        let kind = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let mut params = Params {
            texts: HashMap::new(),
            files: HashMap::new(),
        };
        if kind.starts_with("multipart/form-data") {
            let mut form = Multipart::from_request(request, &())
                .await
                .map_err(|e| e.to_string())?;
            while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
                let name = field.name().unwrap_or_default().to_owned();
                let is_file = field.file_name().is_some();
                let bytes = field.bytes().await.map_err(|e| e.to_string())?;
                if is_file {
                    params.files.insert(name, bytes.to_vec());
                } else {
                    let text = String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())?;
                    params.texts.insert(name, text);
                }
            }
        } else {
            let bytes = axum::body::to_bytes(request.into_body(), 1 << 20)
                .await
                .map_err(|e| e.to_string())?;
            if !bytes.is_empty() {
                let json: serde_json::Value =
                    serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
                for (k, v) in json.as_object().into_iter().flatten() {
                    let text = match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    params.texts.insert(k.clone(), text);
                }
            }
        }
        Ok(params)
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.texts.get(name).map(String::as_str)
    }

    pub fn file(&self, name: &str) -> Option<&Vec<u8>> {
        self.files.get(name)
    }
}
