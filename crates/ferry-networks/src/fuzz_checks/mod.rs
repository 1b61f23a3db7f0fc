//! What the fuzz targets (`fuzz/fuzz_targets/`, cargo-fuzz) check of every parser of untrusted
//! input, one module per target, each a `check(data)` that panics when an invariant breaks.
//! The targets are one-liners calling these, and the unit tests below run the same checks on
//! the committed seeds, the kept crashes and seeded mutants of them
//! (`ferry_test_support::fuzz_replay`), so `make test` exercises them in the ordinary build.
//! What each target asserts, and what fuzzing found: docs/RELIABILITY.md.
//!
//! Built only for tests and with the `fuzzing` feature: not an API.

pub mod bluesky;
pub mod feed;
pub mod image;
pub mod mastodon;
pub mod nostr;
pub mod safe;
pub mod sanitize;
pub mod text_rules;

#[cfg(test)]
mod tests {
    use ferry_test_support::fuzz_replay::replay;

    // Mutants per input: enough to reach past each seed's first branch on every run, few
    // enough that the whole replay stays a few seconds in a debug build.
    const MUTANTS: usize = 300;

    #[test]
    fn bluesky() {
        replay("bluesky", MUTANTS, super::bluesky::check);
    }

    #[test]
    fn feed() {
        replay("feed", MUTANTS, super::feed::check);
    }

    #[test]
    fn image() {
        // Decoding and re-encoding each mutant is the slow one.
        replay("image", 40, super::image::check);
    }

    #[test]
    fn mastodon() {
        replay("mastodon", MUTANTS, super::mastodon::check);
    }

    #[test]
    fn nostr() {
        replay("nostr", MUTANTS, super::nostr::check);
    }

    #[test]
    fn sanitize() {
        replay("sanitize", MUTANTS, super::sanitize::check);
    }

    #[test]
    fn text_rules() {
        replay("text_rules", MUTANTS, super::text_rules::check);
    }
}
