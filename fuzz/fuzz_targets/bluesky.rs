//! The `bluesky` target. What it feeds and checks: crates/ferry-networks/src/fuzz_checks/bluesky.rs
//! (the ordinary tests run the same check on the seeds and mutants of them).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ferry_networks::fuzz_checks::bluesky::check(data));
