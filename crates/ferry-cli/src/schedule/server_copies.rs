//! After `move` or `cancel`: bring the item's copy on its Mastodon server along at once. With
//! nothing of Ferry running, a cancelled item's copy would otherwise still be posted by the
//! server. When a running app or `ferry daemon` holds the servers' lease, it does this within
//! 30 s instead, and the note says so.

use ferry_core::Store;
use ferry_core::outbox::{PublishConfig, Publisher};
use ferry_core::schedule::{Schedule, ServerCopyState};

use crate::accounts::accounts_of;
use crate::output::Failure;

/// The item as it is after the servers' pass, and a note for the human output.
pub async fn follow(store: &Store, id: &str) -> Result<(Schedule, String), Failure> {
    let before = store.get_schedule(id).await?;
    let had_copy = before.targets.iter().any(|t| {
        t.server_copy
            .as_ref()
            .is_some_and(|c| matches!(c.state, ServerCopyState::Kept | ServerCopyState::Creating))
    });
    if !had_copy {
        return Ok((before, String::new()));
    }
    let accounts = accounts_of(store.clone()).await?;
    let publisher = Publisher::new(accounts, PublishConfig::default());
    let owner = format!("cli-{}", std::process::id());
    let changes = publisher
        .keep_server_copies(&owner, chrono::Utc::now())
        .await?;
    let item = store.get_schedule(id).await?;
    let note = if changes.iter().any(|c| c.schedule_id == id) {
        "; its copy on the server was changed too".to_owned()
    } else {
        "; a running Ferry changes its copy on the server within 30 s".to_owned()
    };
    Ok((item, note))
}
