//! `ferry-feed-image://localhost/<item id>-<avatar | n>`: a feed item's avatar or its n-th
//! attached image, fetched and cached by the engine (`Feeds::item_image`).
//!
//! The window names an item and which of its images, never an address, so nothing a feed
//! sends can make Ferry fetch a URL of the page's choosing, and the webview's CSP still
//! forbids every remote address. Anything that isn't such an image answers 404 (the card
//! then shows the image's description instead).

use ferry_core::feed::ItemImage;
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::database::Database;
use crate::feeding::Feeding;
use crate::media_protocol::status;

pub const SCHEME: &str = "ferry-feed-image";

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle();
    let feeds = app
        .try_state::<Database>()
        .and_then(|db| db.store().ok())
        .and_then(|store| app.try_state::<Feeding>()?.feeds(&store).ok());
    let wanted = parse(request.uri().path());
    tauri::async_runtime::spawn(async move {
        let response = match (feeds, wanted) {
            (Some(feeds), Some((item, which))) => match feeds.item_image(item, which).await {
                Ok(image) => Response::builder()
                    .header(header::CONTENT_TYPE, image.media_type)
                    .header(header::CACHE_CONTROL, "max-age=86400")
                    .body(image.bytes)
                    .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
                Err(err) => {
                    tracing::debug!(%err, "feed image not served");
                    status(StatusCode::NOT_FOUND)
                }
            },
            _ => status(StatusCode::NOT_FOUND),
        };
        responder.respond(response);
    });
}

/// `/<item id>-<avatar | n>` → the item and which image; anything else names nothing. (A
/// dash, not a slash: the UI's `convertFileSrc` percent-encodes slashes.)
pub fn parse(path: &str) -> Option<(i64, ItemImage)> {
    let (item, which) = path.strip_prefix('/')?.split_once('-')?;
    let item_ok = !item.is_empty() && item.len() <= 18 && item.bytes().all(|b| b.is_ascii_digit());
    let item: i64 = item_ok.then(|| item.parse().ok()).flatten()?;
    Some((item, ItemImage::parse(which)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_item_and_one_of_its_images_resolve() {
        assert_eq!(parse("/42-avatar"), Some((42, ItemImage::Avatar)));
        assert_eq!(parse("/7-0"), Some((7, ItemImage::Media(0))));
        for bad in [
            "/42",
            "/42-",
            "/x-avatar",
            "/-1-avatar",
            "/42-avatar-..",
            "/42/avatar",
            "/42-../../ferry.db",
            "/42-https://evil.example/x.png",
            "/99999999999999999999-0",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
