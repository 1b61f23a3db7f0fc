//! Checking a server address a person typed before anything is sent to it.

use url::Url;

use super::error::ClientError;

/// An absolute `http://` or `https://` URL with a host, or an error naming `field`.
pub fn parse_base_url(network: &'static str, field: &str, text: &str) -> Result<Url, ClientError> {
    let invalid = |detail: String| ClientError::InvalidInput {
        network,
        field: field.into(),
        detail,
    };
    let url =
        Url::parse(text.trim()).map_err(|e| invalid(format!("{text:?} is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(invalid(format!(
            "{text:?} must be an http:// or https:// address"
        )));
    }
    Ok(url)
}
