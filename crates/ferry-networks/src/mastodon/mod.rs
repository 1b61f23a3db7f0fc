//! Mastodon and Mastodon-API servers: graphemes, URLs as 23, the instance's own limit.

pub mod client;
