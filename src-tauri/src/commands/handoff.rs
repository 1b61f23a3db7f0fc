//! Handing a draft to RedNote, which Ferry can't post to: the kit written to a folder the
//! writer picked (`ferry_core::handoff`), that folder opened in the file manager, or the kit
//! sent to the writer's own Telegram chat through their bot, or served on a one-time page on
//! the local network for the phone to open from a QR code.

use std::path::Path;

use ferry_core::handoff::{
    ExportedKit, KitToTelegram, LanHandoff, LanPage, LanPageState, LanPages, RednoteExport, SentKit,
};
use tauri::State;

use crate::error::{AppError, CommandResult};
use crate::open_store::OpenStore;
use crate::publishing::Publishing;

/// Writes the draft's RedNote kit (texts, pictures made 3:4) into a new folder inside
/// `export.to`.
#[ferry_macros::command]
pub async fn export_rednote_kit(
    store: OpenStore,
    export: RednoteExport,
) -> CommandResult<ExportedKit> {
    Ok(store.export_rednote(export).await?)
}

/// Sends the draft's RedNote kit (the text, then the pictures as files) to the chat of a
/// Telegram account: the writer's own chat with their bot.
#[ferry_macros::command]
pub async fn send_rednote_kit(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    send: KitToTelegram,
) -> CommandResult<SentKit> {
    let publisher = publishing.publisher(&store).await?;
    Ok(publisher.accounts().send_rednote_kit(send).await?)
}

/// Serves the draft's RedNote kit on a one-time page on the local network (10 minutes, one
/// opening) and returns its address and QR code. Replaces a page served before.
#[ferry_macros::command]
pub async fn start_lan_handoff(
    store: OpenStore,
    pages: State<'_, LanPages>,
    handoff: LanHandoff,
) -> CommandResult<LanPage> {
    Ok(pages.start(&store, handoff, None).await?)
}

/// Whether the page is waiting, was opened on the phone, or expired.
#[ferry_macros::command]
pub fn lan_handoff_state(pages: State<'_, LanPages>) -> LanPageState {
    pages.state()
}

/// Stops serving the page at once.
#[ferry_macros::command]
pub fn stop_lan_handoff(pages: State<'_, LanPages>) {
    pages.stop();
}

/// Opens a kit folder `export_rednote_kit` wrote. Only a folder holding a kit's `note.txt`:
/// the page can't have the shell open anything else.
#[ferry_macros::command]
pub fn open_kit_folder(folder: String) -> CommandResult<()> {
    let path = Path::new(&folder);
    let failed = |detail: String| AppError::OpenFolder {
        path: folder.clone(),
        detail,
    };
    if !path.join("note.txt").is_file() {
        return Err(failed("it is not a RedNote kit Ferry wrote".to_owned()).into());
    }
    open::that_detached(path).map_err(|e| failed(e.to_string()))?;
    Ok(())
}
