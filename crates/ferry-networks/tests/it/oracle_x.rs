//! X's weighted length against the official npm `twitter-text` 3.1.0 on 12,000 generated
//! strings (CJK, kana, Hangul, emoji ZWJ sequences and skin tones, URLs with and without a
//! scheme, IDN and punycode domains, trailing punctuation and parentheses, mentions, hashtags,
//! full-width punctuation, RTL text): `parseTweet`'s fields and the extracted URLs must agree on
//! every one.

use ferry_networks::text::utf16;
use ferry_networks::x::{urls, weights};
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

use crate::oracle_process;

const SEED: u64 = 0x5EED_0001;
const COUNT: usize = 12_000;

fn ours(text: &str) -> Value {
    let parsed = weights::parse_tweet(text);
    let normalized: String = text.nfc().collect();
    let found: Vec<Value> = urls::extract(&utf16::units(&normalized))
        .into_iter()
        .map(|u| json!({"url": String::from_utf16_lossy(&u.url), "indices": [u.utf16_start, u.utf16_end]}))
        .collect();
    json!({
        "weightedLength": parsed.weighted_length,
        "valid": parsed.valid,
        "permillage": parsed.permillage,
        "validRangeEnd": parsed.valid_range_end,
        "displayRangeEnd": parsed.display_range_end,
        "urls": found,
    })
}

#[test]
fn parse_tweet_matches_twitter_text_on_generated_strings() {
    oracle_process::assert_agrees("x", "twitter-text", SEED, COUNT, ours);
}
