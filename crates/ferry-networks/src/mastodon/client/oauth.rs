//! OAuth 2 authorization code with PKCE (RFC 7636, S256), as Mastodon 4.3+ supports it; older
//! servers ignore the challenge and still work through the client secret.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use url::Url;

use super::NETWORK;
use crate::http::{ClientError, Secret};

/// The redirect URI that makes the server show the code for the person to paste.
pub const OOB_REDIRECT: &str = "urn:ietf:wg:oauth:2.0:oob";

/// What `POST /api/v1/apps` gave: store it with the account (the secret in the keychain).
#[derive(Debug, Clone)]
pub struct AppCredentials {
    pub client_id: String,
    pub client_secret: Secret,
    pub redirect_uri: String,
    pub scopes: String,
}

/// A PKCE verifier and its S256 challenge. Keep the verifier until the code is exchanged.
#[derive(Debug, Clone)]
pub struct Pkce {
    verifier: Secret,
    challenge: String,
}

impl Pkce {
    /// A fresh verifier: 32 random bytes, base64url (43 characters, within RFC 7636's 43–128).
    pub fn generate() -> Result<Self, ClientError> {
        Ok(Self::from_verifier(Secret::new(
            URL_SAFE_NO_PAD.encode(random_bytes::<32>()?),
        )))
    }

    pub fn from_verifier(verifier: Secret) -> Self {
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.expose().as_bytes()));
        Self {
            verifier,
            challenge,
        }
    }

    pub fn verifier(&self) -> &Secret {
        &self.verifier
    }

    pub fn challenge(&self) -> &str {
        &self.challenge
    }
}

/// A random `state` value to tie the browser's answer to this sign-in.
pub fn random_state() -> Result<String, ClientError> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<16>()?))
}

fn random_bytes<const N: usize>() -> Result<[u8; N], ClientError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| ClientError::InvalidInput {
        network: NETWORK,
        field: "random source".into(),
        detail: e.to_string(),
    })?;
    Ok(bytes)
}

/// `GET /oauth/authorize?response_type=code&…&code_challenge=…&code_challenge_method=S256`.
pub(crate) fn authorize_url(base: &Url, app: &AppCredentials, pkce: &Pkce, state: &str) -> Url {
    let mut url = base
        .join("/oauth/authorize")
        .expect("an absolute path joins any base URL");
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &app.client_id)
        .append_pair("redirect_uri", &app.redirect_uri)
        .append_pair("scope", &app.scopes)
        .append_pair("state", state)
        .append_pair("code_challenge", pkce.challenge())
        .append_pair("code_challenge_method", "S256");
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_appendix_b_challenge() {
        let pkce = Pkce::from_verifier(Secret::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assert_eq!(
            pkce.challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn generated_verifiers_differ_and_have_legal_length() {
        let (a, b) = (Pkce::generate().unwrap(), Pkce::generate().unwrap());
        assert_ne!(a.verifier().expose(), b.verifier().expose());
        assert_eq!(a.verifier().expose().len(), 43);
    }
}
