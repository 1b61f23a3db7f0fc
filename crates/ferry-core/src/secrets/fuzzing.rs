//! Entry points for the fuzz targets (`fuzz/`, feature `fuzzing`) to the private layers of
//! `secrets.enc`: the header ([`header`]), the entries inside ([`decode`], [`encode`]) and
//! sealing and opening with a key ([`SealingKey`]), each as [`EncryptedFileStore`] uses it;
//! and [`check`], what the `secrets_file` target asserts of any file, which the unit tests
//! also run on its seeds and mutants of them. Not an API: only tests and the fuzz crate build
//! it.
//!
//! `check` takes `secrets.enc` as found on disk (damaged, truncated, tampered with, or
//! written by another version), layer by layer as `EncryptedFileStore` reads it: a header
//! that parses writes back to the same bytes; entries that decode encode to as many bytes and
//! decode to the same entries; sealed under a key they open to the same plaintext, and
//! changing any one byte of the sealed file makes it refuse to open; opening the input itself
//! as a file never panics.
//!
//! [`EncryptedFileStore`]: super::EncryptedFileStore

use std::sync::LazyLock;

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

static KEY: LazyLock<SealingKey> = LazyLock::new(|| SealingKey::new("渡 fuzz passphrase"));

/// What the `secrets_file` fuzz target asserts of `data` (see the module's docs).
pub fn check(data: &[u8]) {
    if let Ok((params, header, ciphertext_len)) = header(data) {
        assert_eq!(header, &data[..HEADER_LEN], "{params:?}");
        assert_eq!(ciphertext_len, data.len() - HEADER_LEN);
    }
    let _ = KEY.open(data);
    let Ok(entries) = decode(data) else {
        return;
    };
    let plaintext = encode(&entries);
    assert_eq!(plaintext.len(), data.len());
    assert_eq!(decode(&plaintext).unwrap(), entries);
    let mut file = KEY.seal(&plaintext);
    assert_eq!(KEY.open(&file).unwrap(), plaintext);
    let at = data.iter().map(|&b| usize::from(b)).sum::<usize>() % file.len();
    file[at] ^= 1 << (data.len() % 8);
    assert!(
        KEY.open(&file).is_err(),
        "byte {at} changed and the file still opened"
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn seeds_and_mutants_of_secrets_files_hold_up() {
        ferry_test_support::fuzz_replay::replay("secrets_file", 300, super::check);
    }
}
