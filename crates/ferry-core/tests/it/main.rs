//! The engine's integration tests, built as one binary: each file of its own would link the
//! engine, sqlx and the network clients again, which on two cores costs more than running
//! every test. Test names keep their file as a prefix (`publish::…`, `drafts::search::…`), so
//! nextest filters such as `-E 'test(/^secrets_/)'` still pick a file's tests.

mod publish_support;
mod secrets_support;

mod accounts;
mod bluesky_rotation;
mod drafts;
mod feed;
mod feed_gaps;
mod feed_nip05;
mod feed_replies;
mod feed_timelines;
mod media_host_sweep;
mod network_checks;
mod outbox_plan;
mod publish;
mod publish_bad_input;
mod publish_faults;
mod publish_lost_commit;
mod publish_nostr_blossom;
mod publish_nostr_images;
mod publish_nostr_nip96;
mod publish_telegram;
mod publish_threads;
mod publish_unreadable;
mod publish_x;
mod schedule_publish;
mod schedule_server_copies;
mod schedule_times;
mod schedule_x;
mod secrets_errors;
mod secrets_file;
mod secrets_keychain;
mod secrets_no_keychain;
mod stored_networks;
mod translation;
