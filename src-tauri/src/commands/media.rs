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

/// Moves the point of an attached picture that a crop to 3:4 keeps (RedNote's kit); `None`
/// puts it back in the centre. Returns the draft as it now is.
#[ferry_macros::command]
pub async fn set_attachment_focus(
    store: OpenStore,
    id: String,
    attachment_id: String,
    focus: Option<ferry_core::model::Focus>,
) -> CommandResult<ferry_core::Draft> {
    Ok(store
        .set_attachment_focus(&id, &attachment_id, focus)
        .await?)
}
