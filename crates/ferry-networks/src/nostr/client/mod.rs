//! Posting to Nostr: sign a kind-1 note, send it to every write relay at once.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use std::time::Duration;
//! use ferry_networks::nostr::client::{NewNote, NostrKeys, publish, sign_note, find_event};
//! let keys = NostrKeys::generate(); // or NostrKeys::import(&secret_from_keychain)?
//! let event = sign_note(&keys, &NewNote { text: "你好 #渡".into(), hashtags: vec!["渡".into()], ..Default::default() })?;
//! // store event.as_json() with the outbox row BEFORE sending: it is the idempotency token
//! let relays = vec!["wss://relay.example".to_owned()];
//! let posted = publish(&relays, &event, Duration::from_secs(10)).await?;
//! // after an unknown outcome: find_event(&relays, &event.id.to_hex(), …) or publish it again
//! # Ok(()) }
//! ```

mod blossom_auth;
mod http_auth;
mod keys;
mod note;
mod publish;
mod reaction;
mod relay;

pub use blossom_auth::blossom_upload_auth;
pub use http_auth::http_auth;
pub use keys::NostrKeys;
pub use note::{EventRef, NewNote, NoteMedia, NoteThread, RelayUse, sign_note, sign_relay_list};
pub use publish::{NotePublished, find_event, publish, query_events};
pub use reaction::{Reaction, sign_reaction, sign_withdrawal};
pub use relay::RelayOutcome;
pub(crate) use relay::{Subscription, subscribe};

/// The name errors carry.
pub const NETWORK: &str = "nostr";
