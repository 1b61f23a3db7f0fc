//! Placeholder replaced below once the store exists.
fn main() {}
