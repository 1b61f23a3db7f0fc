//! An account's key pair. The secret key comes in (generated here, or pasted as `nsec1…` or
//! 64 hex digits) and leaves only through [`NostrKeys::export_nsec`], wrapped in a `Secret`.

use ::nostr::nips::nip19::ToBech32;
use ::nostr::prelude::{Keys, PublicKey};

use super::NETWORK;
use crate::http::{ClientError, Secret};

/// A signing key pair. `Debug` shows only the public key.
#[derive(Debug, Clone)]
pub struct NostrKeys(pub(crate) Keys);

impl NostrKeys {
    pub fn generate() -> Self {
        Self(Keys::generate())
    }

    /// From `nsec1…` (NIP-19) or 64 hex digits. The error never repeats the input.
    pub fn import(secret: &Secret) -> Result<Self, ClientError> {
        Keys::parse(secret.expose().trim())
            .map(Self)
            .map_err(|_| ClientError::InvalidInput {
                network: NETWORK,
                field: "secret key".into(),
                detail: "not an nsec1… key or 64 hex digits".into(),
            })
    }

    pub fn public_key(&self) -> PublicKey {
        self.0.public_key()
    }

    /// The public key as 64 hex digits (what events carry).
    pub fn public_key_hex(&self) -> String {
        self.0.public_key().to_hex()
    }

    /// `npub1…`, to show people.
    pub fn npub(&self) -> String {
        self.0.public_key().to_bech32().unwrap_or_default()
    }

    /// `nsec1…`, for the keychain.
    pub fn export_nsec(&self) -> Secret {
        Secret::new(self.0.secret_key().to_bech32().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_nsec_and_hex_to_the_same_key() {
        let keys = NostrKeys::generate();
        let from_nsec = NostrKeys::import(&keys.export_nsec()).unwrap();
        let hex = Secret::new(keys.0.secret_key().to_secret_hex());
        let from_hex = NostrKeys::import(&hex).unwrap();
        assert_eq!(from_nsec.public_key(), keys.public_key());
        assert_eq!(from_hex.public_key(), keys.public_key());
        assert!(keys.npub().starts_with("npub1"));
    }

    #[test]
    fn bad_keys_are_refused_without_echoing_them() {
        let err = NostrKeys::import(&Secret::new("nsec1notakeyatall-sekrit")).unwrap_err();
        assert_eq!(err.code(), "net.invalid_input");
        assert!(!err.to_string().contains("sekrit"));
        assert!(!format!("{:?}", NostrKeys::generate()).contains("secret_key"));
    }
}
