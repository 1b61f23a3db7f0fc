//! The bytes of `secrets.enc`, version 1. Everything before the ciphertext is the header, and
//! the whole header is authenticated (it is the AEAD's associated data), so changing a cost
//! parameter or the salt makes the file fail to open rather than weaken it.
//!
//! ```text
//! offset  size  field
//!      0     8  magic "FERRYSEC"
//!      8     1  format version (1)
//!      9     1  key derivation: 1 = Argon2id v1.3
//!     10     4  Argon2 memory, KiB (u32, little endian)
//!     14     4  Argon2 iterations (u32 LE)
//!     18     4  Argon2 lanes (u32 LE)
//!     22    16  salt (random per file)
//!     38    32  passphrase check: the second half of the 64-byte Argon2 output
//!     70    24  XChaCha20-Poly1305 nonce (random per write)
//!     94     …  ciphertext of the entries (file_entries.rs) + 16-byte tag
//! ```
//!
//! The passphrase check tells a wrong passphrase (`secrets.bad_passphrase`) from a damaged
//! file (`secrets.corrupt`); it lets an attacker test guesses no faster than the ciphertext
//! itself would, since each guess still costs one Argon2id run.

pub(crate) const MAGIC: &[u8; 8] = b"FERRYSEC";
pub(crate) const VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
pub(crate) const SALT_LEN: usize = 16;
pub(crate) const CHECK_LEN: usize = 32;
pub(crate) const NONCE_LEN: usize = 24;
pub(crate) const HEADER_LEN: usize = 8 + 1 + 1 + 12 + SALT_LEN + CHECK_LEN + NONCE_LEN;
pub(crate) const TAG_LEN: usize = 16;

/// Argon2id cost settings. Stored in each file, so a file keeps opening after the defaults
/// change; new files get [`KdfParams::default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl Default for KdfParams {
    /// RFC 9106's second recommended setting (64 MiB, 3 passes), with one lane because the
    /// derivation runs single-threaded here: about a third of a second on a laptop core, once
    /// per start of the app or the CLI.
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            lanes: 1,
        }
    }
}

impl KdfParams {
    /// Bounds a file's settings must fall in. A tampered header could otherwise ask for
    /// terabytes of memory or years of work before the check fails.
    pub(crate) fn plausible(&self) -> Result<(), String> {
        let ok = (1..=16).contains(&self.lanes)
            && (8 * self.lanes..=1024 * 1024).contains(&self.memory_kib)
            && (1..=64).contains(&self.iterations);
        if ok {
            Ok(())
        } else {
            Err(format!(
                "implausible key-derivation settings (memory {} KiB, {} iterations, {} lanes)",
                self.memory_kib, self.iterations, self.lanes
            ))
        }
    }
}

/// The parsed header of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub params: KdfParams,
    pub salt: [u8; SALT_LEN],
    pub check: [u8; CHECK_LEN],
    pub nonce: [u8; NONCE_LEN],
}

impl Header {
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        let mut at = 0;
        let mut put = |bytes: &[u8]| {
            out[at..at + bytes.len()].copy_from_slice(bytes);
            at += bytes.len();
        };
        put(MAGIC);
        put(&[VERSION, KDF_ARGON2ID]);
        put(&self.params.memory_kib.to_le_bytes());
        put(&self.params.iterations.to_le_bytes());
        put(&self.params.lanes.to_le_bytes());
        put(&self.salt);
        put(&self.check);
        put(&self.nonce);
        out
    }

    /// Splits a file into its header and ciphertext; the error says what is wrong, for
    /// `secrets.corrupt`.
    pub fn parse(file: &[u8]) -> Result<(Header, &[u8]), String> {
        if file.len() < MAGIC.len() || &file[..MAGIC.len()] != MAGIC {
            return Err(
                "it does not start with FERRYSEC, so it is not a Ferry secrets file".into(),
            );
        }
        if file.len() < HEADER_LEN + TAG_LEN {
            return Err(format!(
                "it is {} bytes, shorter than the smallest possible file ({})",
                file.len(),
                HEADER_LEN + TAG_LEN
            ));
        }
        if file[8] != VERSION {
            return Err(format!(
                "format version {} (this Ferry reads version {VERSION}; a newer Ferry wrote it?)",
                file[8]
            ));
        }
        if file[9] != KDF_ARGON2ID {
            return Err(format!("unknown key derivation {}", file[9]));
        }
        let word =
            |at: usize| u32::from_le_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]]);
        let params = KdfParams {
            memory_kib: word(10),
            iterations: word(14),
            lanes: word(18),
        };
        params.plausible()?;
        let mut header = Header {
            params,
            salt: [0; SALT_LEN],
            check: [0; CHECK_LEN],
            nonce: [0; NONCE_LEN],
        };
        header.salt.copy_from_slice(&file[22..38]);
        header.check.copy_from_slice(&file[38..70]);
        header.nonce.copy_from_slice(&file[70..HEADER_LEN]);
        Ok((header, &file[HEADER_LEN..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Header {
        Header {
            params: KdfParams::default(),
            salt: [1; SALT_LEN],
            check: [2; CHECK_LEN],
            nonce: [3; NONCE_LEN],
        }
    }

    #[test]
    fn header_round_trips() {
        let mut file = sample().to_bytes().to_vec();
        file.extend_from_slice(&[9; TAG_LEN]);
        let (header, rest) = Header::parse(&file).unwrap();
        assert_eq!(header, sample());
        assert_eq!(rest, &[9; TAG_LEN]);
    }

    #[test]
    fn names_what_is_wrong() {
        let mut file = sample().to_bytes().to_vec();
        file.extend_from_slice(&[0; TAG_LEN]);
        assert!(
            Header::parse(b"plain text")
                .unwrap_err()
                .contains("FERRYSEC")
        );
        assert!(Header::parse(&file[..40]).unwrap_err().contains("40 bytes"));
        let mut newer = file.clone();
        newer[8] = 2;
        assert!(Header::parse(&newer).unwrap_err().contains("version 2"));
        let mut greedy = file.clone();
        greedy[10..14].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Header::parse(&greedy).unwrap_err().contains("implausible"));
    }
}
