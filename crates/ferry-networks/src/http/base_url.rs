//! Checking a server address a person typed before anything is sent to it.
//!
//! Every server Ferry signs in to gets a password, a token or a key, so its address must be
//! `https://`; plain `http://` is accepted only for this computer (`localhost`, `127.0.0.0/8`,
//! `::1`), where nothing crosses a network: a local test server, or a tunnel's local end.

use url::Url;

use super::error::ClientError;

/// An absolute `https://` URL with a host (or `http://` to this computer), or an error
/// naming `field`.
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
    if plain_http_off_this_computer(&url) {
        return Err(invalid(format!(
            "{text:?} is plain http:// to another computer, where the sign-in would cross the \
             network unencrypted; use its https:// address (plain http:// only to this \
             computer: localhost, 127.0.0.1, ::1)"
        )));
    }
    Ok(url)
}

/// An `http://` address of another machine, where a secret would cross the network in clear
/// text.
pub fn plain_http_off_this_computer(url: &Url) -> bool {
    if url.scheme() != "http" {
        return false;
    }
    match url.host() {
        Some(url::Host::Domain(name)) => !name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => !ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => !ip.is_loopback(),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<Url, String> {
        parse_base_url("bluesky", "PDS address", text).map_err(|e| e.to_string())
    }

    #[test]
    fn https_anywhere_and_plain_http_only_to_this_computer() {
        for ok in [
            "https://bsky.social",
            "https://mastodon.example:8443/",
            "http://127.0.0.1:2583",
            "http://127.8.9.10",
            "http://localhost:3000",
            "http://LOCALHOST",
            "http://[::1]:3000",
        ] {
            assert!(check(ok).is_ok(), "{ok}: {:?}", check(ok));
        }
        for refused in [
            "http://mastodon.social",
            "http://192.168.1.20:3000",
            "http://10.0.0.1",
            "http://[2001:db8::1]",
            "http://localhost.example.com",
        ] {
            let err = check(refused).unwrap_err();
            assert!(err.contains("https://"), "{refused}: {err}");
            assert!(err.contains(refused), "names the address: {err}");
        }
        assert!(check("ftp://example.com").is_err());
        assert!(check("not a url").is_err());
    }
}
