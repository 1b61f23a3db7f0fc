//! Entry points for the fuzz targets (`fuzz/`, feature `fuzzing`) to the private layers of
//! `secrets.enc`: the header ([`header`]), the entries inside ([`decode`], [`encode`]) and
//! sealing and opening with a key ([`SealingKey`]), each as [`EncryptedFileStore`] uses it.
//! Not an API: nothing else builds with this feature.
//!
//! [`EncryptedFileStore`]: super::EncryptedFileStore

use super::Secret;
use super::file_crypto::{DerivedKey, derive};
use super::file_entries::{self, Entries};
use super::file_format::{self, Header, KdfParams, SALT_LEN};

/// Bytes before the ciphertext.
pub const HEADER_LEN: usize = file_format::HEADER_LEN;

/// A file's header as read (its settings, and its bytes written again) and the length of the
/// ciphertext after it; the error is what `secrets.corrupt` would say.
pub fn header(file: &[u8]) -> Result<(KdfParams, Vec<u8>, usize), String> {
    let (header, ciphertext) = Header::parse(file)?;
    Ok((header.params, header.to_bytes().to_vec(), ciphertext.len()))
}

/// The entries of a decrypted file, by name.
pub fn decode(plaintext: &[u8]) -> Result<Vec<(String, String)>, String> {
    Ok(file_entries::decode(plaintext)?
        .into_iter()
        .map(|(name, value)| (name, value.expose().to_owned()))
        .collect())
}

/// The plaintext of a file holding `entries` (a repeated name keeps its last value).
pub fn encode(entries: &[(String, String)]) -> Vec<u8> {
    let entries: Entries = entries
        .iter()
        .map(|(name, value)| (name.clone(), Secret::new(value.as_str())))
        .collect();
    file_entries::encode(&entries).to_vec()
}

/// A key derived once, with the cheapest settings a file may state, so that a fuzz target
/// seals and opens thousands of files a second.
pub struct SealingKey {
    key: DerivedKey,
    salt: [u8; SALT_LEN],
    params: KdfParams,
}

impl SealingKey {
    pub fn new(passphrase: &str) -> Self {
        let params = KdfParams {
            memory_kib: 8,
            iterations: 1,
            lanes: 1,
        };
        let salt = [7; SALT_LEN];
        let key = derive(&Secret::new(passphrase), &salt, params).expect("plausible settings");
        SealingKey { key, salt, params }
    }

    /// A whole file holding `plaintext`.
    pub fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        self.key
            .seal(self.salt, self.params, plaintext)
            .expect("sealing with a fresh nonce")
    }

    /// `file`'s plaintext, read as [`EncryptedFileStore`] reads it: header, passphrase check,
    /// integrity. A file with another salt or settings is refused here (the store would derive
    /// a key for it first: seconds of Argon2id per input that the fuzzer can't afford).
    ///
    /// [`EncryptedFileStore`]: super::EncryptedFileStore
    pub fn open(&self, file: &[u8]) -> Result<Vec<u8>, String> {
        let (header, ciphertext) = Header::parse(file)?;
        if header.salt != self.salt || header.params != self.params {
            return Err("another salt or other settings".into());
        }
        if !self.key.matches(&header) {
            return Err("wrong passphrase".into());
        }
        let plaintext = self
            .key
            .open(&header, ciphertext)
            .ok_or("the contents fail their integrity check")?;
        Ok(plaintext.to_vec())
    }
}
