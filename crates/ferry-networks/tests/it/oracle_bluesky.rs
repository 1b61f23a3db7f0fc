//! Bluesky facets against the official npm `@atproto/api` (`RichText` +
//! `detectFacetsWithoutResolution`) on 12,000 generated strings: every facet's byte range, type
//! and value, the grapheme count and the byte count must agree on every one.

use ferry_networks::bluesky::facets;
use ferry_networks::text::graphemes;
use serde_json::{Value, json};

use crate::oracle_process;

const SEED: u64 = 0x5EED_0002;
const COUNT: usize = 12_000;

fn ours(text: &str) -> Value {
    json!({
        "facets": facets::detect(text),
        "graphemes": graphemes::count(text),
        "bytes": text.len(),
    })
}

#[test]
fn facets_match_atproto_api_on_generated_strings() {
    oracle_process::assert_agrees("bluesky", "@atproto/api", SEED, COUNT, ours);
}
