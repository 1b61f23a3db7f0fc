//! The network crate's integration tests, built as one binary: each file of its own would link
//! the clients, reqwest and the image codecs again, which on two cores costs more than running
//! every test. Test names keep their file as a prefix (`client_bluesky::…`, `oracle_x::…`).

mod oracle_process;

mod bluesky_timeline;
mod client_bluesky;
mod client_mastodon;
mod client_mastodon_recordings;
mod client_mastodon_scheduled;
mod client_nostr;
mod mastodon_timeline;
mod media_host_s3;
mod media_prepare;
mod nostr_timeline;
mod oracle_bluesky;
mod oracle_data;
mod oracle_x;
mod rss_fetch;
mod rules_mastodon_count;
mod rules_measure;
mod rules_preview;
mod rules_split;
