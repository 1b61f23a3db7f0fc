//! The `secrets_file` target. What it feeds and checks: crates/ferry-core/src/secrets/fuzzing.rs
//! (the ordinary tests run the same check on the seeds and mutants of them).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ferry_core::secrets::fuzzing::check(data));
