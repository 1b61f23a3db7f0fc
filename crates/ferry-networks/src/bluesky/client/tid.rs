//! Record keys chosen before sending: TIDs ("timestamp identifiers", atproto spec
//! `specs/tid`). A TID is a 64-bit number — top bit 0, then 53 bits of microseconds since the
//! Unix epoch, then a 10-bit clock id — written as 13 characters of base32-sortable
//! (`234567abcdefghijklmnopqrstuvwxyz`), so later TIDs sort after earlier ones.
//!
//! Ferry picks the TID of each post and writes it down before `createRecord`; after a lost
//! answer it asks the PDS for that exact key instead of posting again.

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const ALPHABET: &[u8; 32] = b"234567abcdefghijklmnopqrstuvwxyz";

/// A record key in TID syntax.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tid(String);

impl Tid {
    /// A new TID for now, strictly greater than every TID this process made before (two calls
    /// in the same microsecond, or a clock stepping back, still give increasing TIDs).
    pub fn now() -> Self {
        static LAST: AtomicU64 = AtomicU64::new(0);
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as u64);
        let mut last = LAST.load(Ordering::SeqCst);
        let micros = loop {
            let next = now.max(last + 1);
            match LAST.compare_exchange(last, next, Ordering::SeqCst, Ordering::SeqCst) {
                Ok(_) => break next,
                Err(seen) => last = seen,
            }
        };
        Self::from_parts(micros, clock_id())
    }

    /// The TID of `micros` since the epoch and a 10-bit `clock_id` (higher bits ignored).
    pub fn from_parts(micros: u64, clock_id: u16) -> Self {
        let mut n = ((micros & ((1 << 53) - 1)) << 10) | u64::from(clock_id & 0x3ff);
        let mut out = [0u8; 13];
        for slot in out.iter_mut().rev() {
            *slot = ALPHABET[(n & 31) as usize];
            n >>= 5;
        }
        Self(out.iter().map(|&b| b as char).collect())
    }

    /// Checks TID syntax: 13 characters of the alphabet, the first one of `234567abcdefghij`
    /// (the top bit is 0).
    pub fn parse(text: &str) -> Result<Self, String> {
        let ok = text.len() == 13
            && text.bytes().all(|b| ALPHABET.contains(&b))
            && b"234567abcdefghij".contains(&text.as_bytes()[0]);
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(format!(
                "{text:?} is not a TID (13 base32-sortable characters)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Microseconds since the Unix epoch.
    pub fn timestamp_micros(&self) -> u64 {
        self.value() >> 10
    }

    fn value(&self) -> u64 {
        self.0.bytes().fold(0u64, |n, b| {
            (n << 5) | ALPHABET.iter().position(|&a| a == b).unwrap_or(0) as u64
        })
    }
}

impl fmt::Display for Tid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One random clock id per process, so two Ferry instances posting to one account in the same
/// microsecond still choose different keys.
fn clock_id() -> u16 {
    static ID: OnceLock<u16> = OnceLock::new();
    *ID.get_or_init(|| {
        let mut b = [0u8; 2];
        let _ = getrandom::fill(&mut b); // on failure, clock id 0 is still a valid TID
        u16::from_le_bytes(b) & 0x3ff
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples_round_trip() {
        // From the atproto TID spec's valid examples.
        for example in [
            "3jzfcijpj2z2a",
            "7777777777777",
            "3zzzzzzzzzzzz",
            "2222222222222",
        ] {
            let tid = Tid::parse(example).unwrap();
            let rebuilt = Tid::from_parts(tid.timestamp_micros(), (tid.value() & 0x3ff) as u16);
            assert_eq!(rebuilt.as_str(), example);
        }
    }

    #[test]
    fn rejects_bad_syntax() {
        for bad in [
            "3jzfcijpj2z2",
            "3jzfcijpj2z2aa",
            "kjzfcijpj2z2a",
            "3jzfcijpj2z21",
            "3JZFCIJPJ2Z2A",
        ] {
            assert!(Tid::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn increases_strictly_and_encodes_the_time() {
        let a = Tid::now();
        let b = Tid::now();
        assert!(b > a, "{a} < {b}");
        assert!(Tid::parse(a.as_str()).is_ok());
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_micros() as u64;
        assert!(now.abs_diff(a.timestamp_micros()) < 10_000_000);
    }

    #[test]
    fn zero_is_all_twos() {
        assert_eq!(Tid::from_parts(0, 0).as_str(), "2222222222222");
    }
}
