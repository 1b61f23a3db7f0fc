//! Opening web pages in the person's own browser: Mastodon's authorization page and the links
//! to posted statuses. Done from Rust with the `open` crate, so the page needs no shell or
//! opener permission, and only `http(s)` addresses are ever handed to the OS.

use crate::error::{AppError, CommandError};

/// Checks that `url` is an absolute `http://` or `https://` address and opens it.
pub fn open_in_browser(url: &str) -> Result<(), CommandError> {
    check_web_url(url)?;
    open::that_detached(url).map_err(|e| {
        AppError::Browser {
            url: url.to_owned(),
            detail: e.to_string(),
        }
        .into()
    })
}

/// Only web pages: a `file:` or custom-scheme link from a server must not launch programs.
pub fn check_web_url(url: &str) -> Result<(), CommandError> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => Ok(()),
        _ => Err(AppError::BadLink {
            url: url.to_owned(),
        }
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::check_web_url;

    #[test]
    fn only_web_addresses_pass() {
        assert!(check_web_url("https://bsky.app/profile/alice.test/post/3k").is_ok());
        assert!(check_web_url("http://127.0.0.1:2583/x").is_ok());
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "ftp://x",
            "",
        ] {
            assert_eq!(
                check_web_url(bad).unwrap_err().code(),
                "app.bad_link",
                "{bad}"
            );
        }
    }
}
