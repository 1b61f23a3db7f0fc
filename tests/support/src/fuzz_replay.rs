//! The fuzz targets' checks in the ordinary test build, so `make test` exercises every parser
//! of untrusted input without building the dependency tree a second time with libFuzzer's
//! instrumentation (`make fuzz` still does, for real fuzzing).
//!
//! [`replay`] runs a target's check on every committed seed (`fuzz/corpus/<target>/`) and kept
//! crash (`fuzz/regressions/<target>/`), then on a fixed number of mutants of each: bits
//! flipped, bytes set to boundary values, ranges cut, doubled or spliced in from another input,
//! and tokens parsers trip on (markup, escapes, CJK, emoji sequences, huge numbers) put in.
//! Mutants come from a seeded generator, so a failure replays the same way every run.
//!
//! ```
//! ferry_test_support::fuzz_replay::replay("sanitize", 4, |data| {
//!     let _ = std::str::from_utf8(data);
//! });
//! ```
//!
//! A check that panics fails the test with the input's name and mutant number, and the input
//! is written to a file that `cargo fuzz run <target> <file>` replays.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// Tokens a mutant may get: the shapes the parsers branch on.
const TOKENS: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"<a href=\"javascript:x\">",
    b"<script>",
    b"<![CDATA[",
    b"]]>",
    b"&amp;",
    b"&#0;",
    b"\"",
    b"\\",
    b"\\u0000",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"null",
    b"-1",
    b"99999999999999999999",
    b"1e309",
    b"\r\n",
    b"\0",
    "渡".as_bytes(),
    "\u{200d}".as_bytes(),
    "👩\u{200d}👩\u{200d}👧".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{3000}".as_bytes(),
    b"https://",
    b"#tag",
    b"@user@host",
    b"\xff\xfe",
    b"\xe6\xb8",
];

/// Runs `check` on every seed and kept crash of `target`, then on `mutants` mutants of each.
/// Panics (failing the test) when there are no inputs: a renamed folder must not pass silently.
pub fn replay(target: &str, mutants: usize, check: impl Fn(&[u8])) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no fuzz inputs for {target}");
    let mut rng = Rng(0x5eed_f0e1 ^ target.len() as u64);
    for (name, data) in &inputs {
        run(target, name, 0, data, &check);
        for n in 1..=mutants {
            let other = &inputs[rng.below(inputs.len())].1;
            let mutant = mutate(data, other, &mut rng);
            run(target, name, n, &mutant, &check);
        }
    }
}

fn run(target: &str, name: &str, n: usize, data: &[u8], check: &impl Fn(&[u8])) {
    if catch_unwind(AssertUnwindSafe(|| check(data))).is_err() {
        let kept = std::env::temp_dir().join(format!("ferry-fuzz-{target}-{name}-{n}"));
        let _ = std::fs::write(&kept, data);
        panic!(
            "fuzz check {target} failed on {name}, mutant {n} (0 = the input itself); \
             its bytes are in {}",
            kept.display()
        );
    }
}

/// Seeds, then kept crashes, each by file name, in name order.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut all = Vec::new();
    for folder in ["corpus", "regressions"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(fuzz.join(folder).join(target))
            .map(|dir| dir.filter_map(|e| Some(e.ok()?.path())).collect())
            .unwrap_or_default();
        files.sort();
        for file in files {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let data = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            all.push((format!("{folder}/{name}"), data));
        }
    }
    all
}

/// One to four edits of `data`, some taking a range of `other`.
fn mutate(data: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = data.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if at < out.len() => out[at] ^= 1 << rng.below(8),
            1 if at < out.len() => out[at] = [0, 0x7f, 0x80, 0xff, b'0', b' '][rng.below(6)],
            2 => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                let copy = out[at.min(end)..end].to_vec();
                out.splice(at..at, copy);
            }
            4 => out.truncate(at),
            5 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + 1 + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                out.splice(at..at, TOKENS[rng.below(TOKENS.len())].iter().copied());
            }
        }
    }
    out
}

/// SplitMix64: small, seeded, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutants_differ_from_the_input_and_repeat_run_to_run() {
        let seed = b"{\"id\":\"1\",\"content\":\"<p>hi</p>\"}";
        let make = || {
            let mut rng = Rng(7);
            (0..50)
                .map(|_| mutate(seed, b"other", &mut rng))
                .collect::<Vec<_>>()
        };
        let first = make();
        assert_eq!(first, make());
        assert!(first.iter().filter(|m| m.as_slice() != seed).count() > 40);
    }

    #[test]
    #[should_panic(expected = "fuzz check sanitize failed on corpus/")]
    fn a_failing_check_names_its_input() {
        replay("sanitize", 0, |_| panic!("found"));
    }

    #[test]
    #[should_panic(expected = "no fuzz inputs for no-such-target")]
    fn a_target_without_inputs_fails() {
        replay("no-such-target", 1, |_| {});
    }
}
