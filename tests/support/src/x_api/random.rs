//! Random strings for codes and tokens, and stable pseudo-random ones for t.co links —
//! without a random-number crate: SHA-256 over a seed from the standard library's
//! randomly keyed hasher, the clock and a counter. Unguessable enough for a fake.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn seed() -> &'static [u8; 32] {
    static SEED: OnceLock<[u8; 32]> = OnceLock::new();
    SEED.get_or_init(|| {
        let mut hasher = Sha256::new();
        // Each RandomState is keyed from the OS's randomness.
        for n in 0..4u8 {
            hasher.update(RandomState::new().hash_one(n).to_le_bytes());
        }
        hasher.update(format!(
            "{:?} {}",
            std::time::SystemTime::now(),
            std::process::id()
        ));
        hasher.finalize().into()
    })
}

/// `len` characters of `[A-Za-z0-9]`, different at every call.
pub(crate) fn alphanumeric(len: usize) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    expand(len, |_| {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let block = Sha256::new()
            .chain_update(seed())
            .chain_update(n.to_le_bytes());
        block.finalize().into()
    })
}

/// `len` characters of `[A-Za-z0-9]`, always the same for the same `input`.
pub(crate) fn derived(input: &str, len: usize) -> String {
    expand(len, |n| {
        let block = Sha256::new()
            .chain_update(input)
            .chain_update(n.to_le_bytes());
        block.finalize().into()
    })
}

/// Characters from blocks of 32 bytes; bytes past 247 are skipped so that each of the 62
/// characters is as likely.
fn expand(len: usize, mut block: impl FnMut(u64) -> [u8; 32]) -> String {
    let mut out = String::with_capacity(len);
    let mut n = 0;
    while out.len() < len {
        for byte in block(n) {
            if out.len() < len && byte < 248 {
                out.push(ALPHABET[usize::from(byte % 62)] as char);
            }
        }
        n += 1;
    }
    out
}
