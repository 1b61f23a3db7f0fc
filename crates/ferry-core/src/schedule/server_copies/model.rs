//! What Ferry knows of a target it handed to a Mastodon server's own schedule, as the
//! calendar and `ferry schedule list --json` show it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorPayload;

/// Where a server's copy of a scheduled target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServerCopyState {
    /// Being handed over; the answer has not been seen yet (checked before anything else).
    Creating,
    /// The server holds it and posts it at its time, whether Ferry runs or not.
    Kept,
    /// The server posted it.
    Posted,
    /// Taken back from the server (the item moved too near, the draft became a thread …):
    /// Ferry sends this target itself.
    Withdrawn,
    /// The server would not keep it (a limit, a refusal): Ferry sends this target itself.
    Refused,
    /// Deleted on the server by someone else before its time: not sent by Ferry either.
    Removed,
}

impl ServerCopyState {
    pub const ALL: [ServerCopyState; 6] = [
        ServerCopyState::Creating,
        ServerCopyState::Kept,
        ServerCopyState::Posted,
        ServerCopyState::Withdrawn,
        ServerCopyState::Refused,
        ServerCopyState::Removed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ServerCopyState::Creating => "creating",
            ServerCopyState::Kept => "kept",
            ServerCopyState::Posted => "posted",
            ServerCopyState::Withdrawn => "withdrawn",
            ServerCopyState::Refused => "refused",
            ServerCopyState::Removed => "removed",
        }
    }

    pub fn parse(text: &str) -> Option<ServerCopyState> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The server has (or may have) this target: Ferry must not send it too.
    pub fn is_servers(self) -> bool {
        matches!(
            self,
            ServerCopyState::Creating
                | ServerCopyState::Kept
                | ServerCopyState::Posted
                | ServerCopyState::Removed
        )
    }
}

/// A target's copy on its server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServerCopy {
    pub state: ServerCopyState,
    /// The time the server was given.
    pub due_at: DateTime<Utc>,
    /// The posted status, once found.
    pub status_url: Option<String>,
    /// Why it was refused, withdrawn or removed.
    pub reason: Option<ErrorPayload>,
}
