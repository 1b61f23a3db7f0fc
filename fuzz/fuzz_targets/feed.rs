//! The `feed` target. What it feeds and checks: crates/ferry-networks/src/fuzz_checks/feed.rs
//! (the ordinary tests run the same check on the seeds and mutants of them).
#![no_main]

use ferry_networks::fuzz_checks::feed::{check, report_panic};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: std::panic::set_hook(Box::new(report_panic)), |data: &[u8]| check(data));
