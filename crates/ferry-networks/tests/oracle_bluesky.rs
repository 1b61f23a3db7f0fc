//! Bluesky facets against the official npm `@atproto/api` (`RichText` +
//! `detectFacetsWithoutResolution`) on 12,000 generated strings: every facet's byte range, type
//! and value, the grapheme count and the byte count must agree on every one.

mod oracle_process;

use ferry_networks::bluesky::facets;
use ferry_networks::text::graphemes;
use serde_json::{Value, json};

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
    let texts = oracle_process::corpus(SEED, COUNT);
    let requests: Vec<Value> = texts
        .iter()
        .map(|t| json!({"kind": "bluesky", "text": t}))
        .collect();
    let answers = oracle_process::ask_oracle(&requests);
    let mut disagreements = Vec::new();
    for (text, theirs) in texts.iter().zip(&answers) {
        let ours = ours(text);
        if &ours != theirs {
            disagreements.push(format!(
                "text {text:?}\n  @atproto/api: {theirs}\n  ferry:        {ours}"
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {COUNT} strings disagree with @atproto/api; first ones:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
