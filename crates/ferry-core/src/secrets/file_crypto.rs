//! The cryptography of `secrets.enc`: Argon2id turns the passphrase into a key, and
//! XChaCha20-Poly1305 (RustCrypto) seals the entries with a fresh random nonce on every write.
//! XChaCha's 192-bit nonces are safe to pick at random however often the file is rewritten.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use super::Secret;
use super::file_format::{CHECK_LEN, Header, KdfParams, NONCE_LEN, SALT_LEN};

/// What Argon2id derives from a passphrase: the encryption key, and the check value stored in
/// the header to recognise a wrong passphrase.
pub(crate) struct DerivedKey {
    key: Zeroizing<[u8; 32]>,
    pub check: [u8; CHECK_LEN],
}

pub(crate) fn derive(
    passphrase: &Secret,
    salt: &[u8; SALT_LEN],
    params: KdfParams,
) -> Result<DerivedKey, String> {
    let argon_params = Params::new(params.memory_kib, params.iterations, params.lanes, Some(64))
        .map_err(|err| format!("bad key-derivation settings: {err}"))?;
    let mut out = Zeroizing::new([0u8; 64]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into(passphrase.expose().as_bytes(), salt, out.as_mut())
        .map_err(|err| format!("key derivation failed: {err}"))?;
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(&out[..32]);
    let mut check = [0u8; CHECK_LEN];
    check.copy_from_slice(&out[32..]);
    Ok(DerivedKey { key, check })
}

impl DerivedKey {
    /// True when this key came from the passphrase the file was written with. Compared
    /// without an early exit, so timing says nothing about how much matched.
    pub fn matches(&self, header: &Header) -> bool {
        self.check
            .iter()
            .zip(header.check.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }

    /// Encrypts `plaintext` under a new random nonce; returns the whole file.
    pub fn seal(
        &self,
        salt: [u8; SALT_LEN],
        params: KdfParams,
        plaintext: &[u8],
    ) -> Result<Vec<u8>, String> {
        let mut nonce = [0u8; NONCE_LEN];
        random(&mut nonce)?;
        let header = Header {
            params,
            salt,
            check: self.check,
            nonce,
        };
        let aad = header.to_bytes();
        let sealed = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .map_err(|_| "encryption failed".to_owned())?;
        let mut file = Vec::with_capacity(aad.len() + sealed.len());
        file.extend_from_slice(&aad);
        file.extend_from_slice(&sealed);
        Ok(file)
    }

    /// Decrypts a file's ciphertext; `None` when the tag does not verify (a damaged file,
    /// since the passphrase was already checked).
    pub fn open(&self, header: &Header, ciphertext: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let aad = header.to_bytes();
        self.cipher()
            .decrypt(
                XNonce::from_slice(&header.nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .ok()
            .map(Zeroizing::new)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(self.key.as_slice()))
    }
}

pub(crate) fn random(buf: &mut [u8]) -> Result<(), String> {
    getrandom::fill(buf).map_err(|err| format!("the OS random number generator failed: {err}"))
}
