//! `ferry-media://localhost/<stored name>`: the attachments' stored copies, for thumbnails.
//!
//! A custom protocol instead of Tauri's asset protocol keeps the webview's reach to exactly
//! one folder, `<data dir>/media/`, with no filesystem capability at all: a request names a
//! stored file (`<sha256>.<ext>`, as the engine writes them) and nothing else resolves. The
//! UI builds the URL with `convertFileSrc(name, "ferry-media")`, which also covers Windows'
//! `http://ferry-media.localhost/` form.

use std::path::PathBuf;

use ferry_core::sniff::media_type_of;
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::database::Database;

pub const SCHEME: &str = "ferry-media";

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let file = ctx
        .app_handle()
        .try_state::<Database>()
        .and_then(|db| db.store().ok())
        .and_then(|store| stored_name(request.uri().path()).map(|name| store.media_path(name)));
    tauri::async_runtime::spawn(async move {
        responder.respond(respond(file).await);
    });
}

async fn respond(file: Option<PathBuf>) -> Response<Vec<u8>> {
    let Some(path) = file else {
        return status(StatusCode::NOT_FOUND);
    };
    let Some(content_type) = content_type(&path) else {
        return status(StatusCode::NOT_FOUND);
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, content_type)
            // Stored names are content hashes: the bytes behind a name never change.
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(bytes)
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

/// An empty answer with `code`, for both of the shell's protocols.
pub(crate) fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response
}

/// The file a request path names, if it is a stored name: hex digits, one dot, a known image
/// extension. Anything else (`..`, slashes, escapes) names nothing.
pub fn stored_name(path: &str) -> Option<&str> {
    let name = path.strip_prefix('/').unwrap_or(path);
    let (stem, ext) = name.split_once('.')?;
    let stem_ok = !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_hexdigit());
    (stem_ok && media_type_of(ext).is_some()).then_some(name)
}

fn content_type(path: &std::path::Path) -> Option<&'static str> {
    media_type_of(path.extension()?.to_str()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stored_names_resolve() {
        let hash = "a".repeat(64);
        let good = format!("/{hash}.png");
        assert_eq!(stored_name(&good), Some(&good[1..]));
        for bad in [
            "/../ferry.db",
            "/..%2Fferry.db",
            "/ferry.db",
            "/media/abc.png",
            "/abc.png/../../x",
            "/abc.svg",
            "/.png",
            "/abc.png.exe",
            "",
        ] {
            assert_eq!(stored_name(bad), None, "{bad}");
        }
    }
}
