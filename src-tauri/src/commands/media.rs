//! Attaching images. The file dialog, a drop on the window and a pasted path all end here;
//! the engine reads, checks and copies the file into the data folder.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ferry_core::AttachOutcome;

use crate::error::CommandResult;
use crate::open_store::OpenStore;

/// Attaches the image at `path` to draft `id` with no alt text yet (the composer adds it).
#[ferry_macros::command]
pub async fn attach_media(
    store: OpenStore,
    id: String,
    path: PathBuf,
) -> CommandResult<AttachOutcome> {
    Ok(store.attach_media(&id, &path, BTreeMap::new()).await?)
}
