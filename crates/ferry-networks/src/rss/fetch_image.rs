//! Fetching an image a feed item names (an author's avatar, an attached photo) with the feed's
//! client, for the engine to hand to the window through Ferry's own protocol: the webview
//! never loads a remote address itself (its CSP forbids it), so no feed can make it call out.
//!
//! ```no_run
//! # async fn demo(client: ferry_networks::rss::FeedClient) -> Result<(), ferry_networks::rss::FetchError> {
//! let url = "https://cdn.example/avatar.jpg".parse().unwrap();
//! let bytes = client.fetch_image(&url).await?; // at most MAX_IMAGE_BYTES, within the timeout
//! // What the bytes are is decided by sniffing them, never by the server's Content-Type.
//! # let _ = bytes; Ok(()) }
//! ```

use reqwest::header;
use url::Url;

use super::fetch::FeedClient;
use super::health::FetchError;

/// The largest image read. Photos on the networks Ferry reads are a few MB at most.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

impl FeedClient {
    /// GETs `url` (http or https only) and returns its body, at most [`MAX_IMAGE_BYTES`].
    pub async fn fetch_image(&self, url: &Url) -> Result<Vec<u8>, FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Unreachable {
                url: url.to_string(),
                detail: "only http and https addresses are fetched".into(),
            });
        }
        let mut response = self
            .http
            .get(url.clone())
            .header(
                header::ACCEPT,
                "image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1",
            )
            .send()
            .await
            .map_err(|e| self.transport(url, e))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(FetchError::Http {
                url: url.to_string(),
                status,
                retry_at: None,
            });
        }
        self.read_body(&mut response, url, MAX_IMAGE_BYTES).await
    }
}
