//! Drafts: list and search, create, autosave, delete, history and restore.

use ferry_core::{
    Draft, DraftEdit, DraftSummary, ListQuery, NewDraft, Revision, RevisionSummary, SaveOutcome,
};

use crate::error::CommandResult;
use crate::open_store::OpenStore;

#[ferry_macros::command]
pub async fn list_drafts(store: OpenStore, query: ListQuery) -> CommandResult<Vec<DraftSummary>> {
    Ok(store.list_drafts(&query).await?)
}

#[ferry_macros::command]
pub async fn get_draft(store: OpenStore, id: String) -> CommandResult<Draft> {
    Ok(store.get_draft(&id).await?)
}

#[ferry_macros::command]
pub async fn create_draft(store: OpenStore, draft: NewDraft) -> CommandResult<Draft> {
    Ok(store.create_draft(draft).await?)
}

/// The autosave: the whole draft as the editor has it; a revision only when it changed.
#[ferry_macros::command]
pub async fn save_draft(store: OpenStore, edit: DraftEdit) -> CommandResult<SaveOutcome> {
    Ok(store.save_draft(edit).await?)
}

#[ferry_macros::command]
pub async fn delete_draft(store: OpenStore, id: String) -> CommandResult<()> {
    Ok(store.delete_draft(&id).await?)
}

#[ferry_macros::command]
pub async fn draft_history(store: OpenStore, id: String) -> CommandResult<Vec<RevisionSummary>> {
    Ok(store.history(&id).await?)
}

#[ferry_macros::command]
pub async fn get_revision(store: OpenStore, id: String, number: u32) -> CommandResult<Revision> {
    Ok(store.get_revision(&id, number).await?)
}

/// Makes a reply a post of its own (its targets stay the replying account; the composer can
/// add others).
#[ferry_macros::command]
pub async fn drop_draft_reply(store: OpenStore, id: String) -> CommandResult<SaveOutcome> {
    Ok(store.set_reply(&id, None).await?)
}

#[ferry_macros::command]
pub async fn restore_revision(
    store: OpenStore,
    id: String,
    number: u32,
) -> CommandResult<SaveOutcome> {
    Ok(store.restore_revision(&id, number).await?)
}
