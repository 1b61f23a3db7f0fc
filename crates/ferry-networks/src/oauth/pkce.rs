//! PKCE (RFC 7636, S256): the verifier stays here, its hash goes with the authorize URL, so a
//! code caught on its way back is useless without the verifier.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use crate::http::{ClientError, Secret};

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
        network: "oauth",
        field: "random source".into(),
        detail: e.to_string(),
    })?;
    Ok(bytes)
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
