//! Text primitives the network rules are built from: grapheme clusters, UTF-16 views, the
//! JavaScript regex semantics the official libraries depend on, Punycode lengths and
//! twitter-text's URL grammar. Nothing here knows about a particular network.

pub mod domain_runs;
pub mod graphemes;
pub mod js_regex;
pub mod punycode;
pub mod recount;
pub mod tlds;
pub mod twitter_url;
pub mod utf16;
