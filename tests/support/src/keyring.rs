//! The real OS keychain for a test, as `tests/keyring/with-keyring` provides it.
//!
//! ```no_run
//! # fn open() -> Result<(), std::io::Error> { Ok(()) }
//! // In a crate's tests: `keychain_or_skip(test, KeychainStore::open)`.
//! let Some(keychain) = ferry_test_support::keyring::keychain_or_skip("my_test", open) else {
//!     return;
//! };
//! ```

use std::fmt::Display;

/// Opens the keychain with `open` (the engine's `KeychainStore::open`; this crate does not
/// depend on the engine). No keychain → panic telling how to run the test, unless
/// `FERRY_SKIP_KEYRING=1`, which prints a loud skip and returns `None` without opening it.
///
/// Panicking rather than skipping is deliberate, as for [`crate::peers::peer`]: `make test`
/// runs every test under `with-keyring`, and must never pass by silently not storing the
/// secrets it claims to test.
pub fn keychain_or_skip<T, E: Display>(
    test: &str,
    open: impl FnOnce() -> Result<T, E>,
) -> Option<T> {
    if std::env::var("FERRY_SKIP_KEYRING").as_deref() == Ok("1") {
        eprintln!(
            "\n!!! SKIPPED {test}: FERRY_SKIP_KEYRING=1, so this keychain test did not run !!!\n"
        );
        return None;
    }
    match open() {
        Ok(keychain) => Some(keychain),
        Err(err) => panic!(
            "{test} needs a working OS keychain: {err}. Run it under tests/keyring/with-keyring \
             (make test does), or set FERRY_SKIP_KEYRING=1 to skip it"
        ),
    }
}
