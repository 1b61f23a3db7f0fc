//! `secrets.enc` as found on disk (damaged, truncated, tampered with, or written by another
//! version), layer by layer as `EncryptedFileStore` reads it. Checks: a header that parses
//! writes back to the same bytes; entries that decode encode to as many bytes and decode to
//! the same entries; sealed under a key they open to the same plaintext, and changing any
//! one byte of the sealed file makes it refuse to open; opening the input itself as a file
//! never panics.
#![no_main]

use std::sync::LazyLock;

use ferry_core::secrets::fuzzing::{self, HEADER_LEN, SealingKey};
use libfuzzer_sys::fuzz_target;

static KEY: LazyLock<SealingKey> = LazyLock::new(|| SealingKey::new("渡 fuzz passphrase"));

fuzz_target!(|data: &[u8]| {
    if let Ok((params, header, ciphertext_len)) = fuzzing::header(data) {
        assert_eq!(header, &data[..HEADER_LEN], "{params:?}");
        assert_eq!(ciphertext_len, data.len() - HEADER_LEN);
    }
    let _ = KEY.open(data);
    let Ok(entries) = fuzzing::decode(data) else {
        return;
    };
    let plaintext = fuzzing::encode(&entries);
    assert_eq!(plaintext.len(), data.len());
    assert_eq!(fuzzing::decode(&plaintext).unwrap(), entries);
    let mut file = KEY.seal(&plaintext);
    assert_eq!(KEY.open(&file).unwrap(), plaintext);
    let at = data.iter().map(|&b| usize::from(b)).sum::<usize>() % file.len();
    file[at] ^= 1 << (data.len() % 8);
    assert!(
        KEY.open(&file).is_err(),
        "byte {at} changed and the file still opened"
    );
});
