//! NIP-05: proving that a Nostr key belongs to a web domain.
//!
//! A profile (kind 0) only *claims* an identifier such as `_@lin.example`; the domain proves it
//! by listing the key in `https://lin.example/.well-known/nostr.json?name=_`. Ferry asks only
//! for **root** identifiers (`_@domain`, the domain's own identity): `lin@nostrplebs.com` says
//! that a provider shared by thousands vouches for a name, not that the domain is the author's,
//! so it can't make a Nostr author one person with the owner of that domain elsewhere.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::nostr::nip05::{Nip05Resolver, root_domain};
//! let domain = root_domain("_@Lin.Example").expect("a root identifier");
//! let proven = Nip05Resolver::new()?.proves(&domain, "3bf0c63f…").await?;
//! # let _ = proven; Ok(()) }
//! ```
//!
//! The answer is untrusted: read with a size cap and a timeout, redirects ignored (NIP-05 says
//! fetchers must), and anything but a `names` object listing exactly that key proves nothing.

use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::http::{ClientError, Effect, send_capped, shared_client_with};

const NETWORK: &str = "Nostr";
/// A `nostr.json` asked with `?name=_` is a few hundred bytes; a provider that ignores the name
/// and sends every user's key can run to megabytes, and proves nothing more.
const MAX_ANSWER_BYTES: usize = 256 * 1024;
/// One slow domain must not hold up a feed refresh.
const TIMEOUT: Duration = Duration::from_secs(5);

/// The domain of a root identifier `_@domain` (lowercased, without `www.`), or `None` for
/// any other shape: a named identifier, an IP address, `localhost`, a port, a path.
pub fn root_domain(claimed: &str) -> Option<String> {
    let (name, domain) = claimed.trim().split_once('@')?;
    if name != "_" {
        return None;
    }
    let domain = domain.to_ascii_lowercase();
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    // A last label with a letter: a name on the web, never an address inside the user's LAN.
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    if !labels_ok || !tld_ok || !domain.contains('.') || domain.len() > 253 {
        return None;
    }
    crate::timeline::verified_domain(&format!("https://{domain}/"))
}

/// Asks domains whether they list a key.
#[derive(Debug, Clone)]
pub struct Nip05Resolver {
    client: reqwest::Client,
    /// Where every domain is asked instead of `https://<domain>/` (a local test server).
    origin: Option<Url>,
}

#[derive(Deserialize)]
struct NostrJson {
    names: std::collections::HashMap<String, serde_json::Value>,
}

impl Nip05Resolver {
    pub fn new() -> Result<Nip05Resolver, ClientError> {
        let client = shared_client_with(NETWORK, TIMEOUT, reqwest::redirect::Policy::none())?;
        Ok(Nip05Resolver {
            client,
            origin: None,
        })
    }

    /// The same, asking every domain's `.well-known/nostr.json` under `origin` (a folder URL
    /// ending in `/`), so a test can serve the documents from a local server.
    #[doc(hidden)]
    pub fn asking_at(mut self, origin: Url) -> Nip05Resolver {
        self.origin = Some(origin);
        self
    }

    /// Whether `domain` lists `pubkey_hex` as its root name `_`. `Ok(false)` for any answer
    /// that doesn't (another key, no such name, not JSON, a redirect, an error status); `Err`
    /// only when the domain could not be asked or answered past the cap, so the caller can
    /// try again later rather than take it as a denial.
    pub async fn proves(&self, domain: &str, pubkey_hex: &str) -> Result<bool, ClientError> {
        let base = match &self.origin {
            Some(origin) => origin.clone(),
            None => Url::parse(&format!("https://{domain}/")).map_err(|e| {
                ClientError::InvalidInput {
                    network: NETWORK,
                    field: "NIP-05 domain".into(),
                    detail: format!("{domain:?}: {e}"),
                }
            })?,
        };
        let mut url =
            base.join(".well-known/nostr.json")
                .map_err(|e| ClientError::InvalidInput {
                    network: NETWORK,
                    field: "NIP-05 domain".into(),
                    detail: format!("{domain:?}: {e}"),
                })?;
        url.query_pairs_mut().append_pair("name", "_");
        let what = format!("{domain}'s NIP-05 document");
        let answer = send_capped(
            NETWORK,
            &what,
            Effect::Read,
            self.client.get(url),
            MAX_ANSWER_BYTES,
        )
        .await?;
        if answer.status != 200 {
            return Ok(false);
        }
        let Ok(doc) = serde_json::from_slice::<NostrJson>(&answer.body) else {
            return Ok(false);
        };
        Ok(doc
            .names
            .get("_")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|key| key.eq_ignore_ascii_case(pubkey_hex)))
    }
}

#[cfg(test)]
mod tests {
    use super::root_domain;

    #[test]
    fn only_root_identifiers_of_web_names_are_asked() {
        assert_eq!(root_domain("_@Lin.Example").as_deref(), Some("lin.example"));
        assert_eq!(
            root_domain(" _@www.lin.example ").as_deref(),
            Some("lin.example")
        );
        assert_eq!(
            root_domain("_@xn--5tz.example").as_deref(),
            Some("xn--5tz.example")
        );
        for not in [
            "lin@lin.example",
            "_@localhost",
            "_@127.0.0.1",
            "_@192.168.1.1",
            "_@lin.example:8443",
            "_@lin.example/path",
            "_@",
            "_@.example",
            "_@lin..example",
            "lin.example",
            "_@渡.example",
        ] {
            assert_eq!(root_domain(not), None, "{not}");
        }
    }
}
