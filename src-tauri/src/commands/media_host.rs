//! The media host Nostr notes' pictures go to (Settings → Media host): show, set up (checked
//! by writing a small file and reading it back from the public address), remove.

use ferry_core::media_host::{AddS3Host, MediaHost};
use tauri::State;

use crate::error::CommandResult;
use crate::open_store::OpenStore;
use crate::publishing::Publishing;

#[ferry_macros::command]
pub async fn get_media_host(store: OpenStore) -> CommandResult<Option<MediaHost>> {
    Ok(store.media_host().await?)
}

#[ferry_macros::command]
pub async fn add_s3_media_host(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    add: AddS3Host,
) -> CommandResult<MediaHost> {
    let publisher = publishing.publisher(&store).await?;
    Ok(publisher.accounts().add_s3_media_host(add).await?)
}

/// Forgets the host and its keys; `false` when there was none.
#[ferry_macros::command]
pub async fn remove_media_host(
    store: OpenStore,
    publishing: State<'_, Publishing>,
) -> CommandResult<bool> {
    let publisher = publishing.publisher(&store).await?;
    Ok(publisher.accounts().remove_media_host().await?)
}

/// Deletes pictures from the bucket once no post needs them (`on`), or keeps everything;
/// `None` when no host is set up.
#[ferry_macros::command]
pub async fn set_media_host_delete_after_post(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    on: bool,
) -> CommandResult<Option<MediaHost>> {
    let publisher = publishing.publisher(&store).await?;
    Ok(publisher
        .accounts()
        .set_media_host_delete_after_post(on)
        .await?)
}
