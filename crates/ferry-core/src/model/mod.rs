//! The types the engine stores and the UI sees. Every one of them serialises with camelCase
//! fields and exports a TypeScript definition (`ts-rs`), so the UI never re-declares them.

mod attachment;
mod draft;
mod edit;
mod lang;
mod network;
mod network_text;
mod reply;
mod revision;

pub use attachment::{AttachOutcome, Attachment, Focus};
pub use draft::{Draft, DraftContent, DraftSummary, Highlight, NetworkOverride, Snippet, Variant};
pub use edit::{AttachmentEdit, DraftEdit, ListQuery, NewDraft, SaveOutcome};
pub use lang::LangTag;
pub use network::{Network, Target, network_from_id};
pub use network_text::{ChosenText, NetworkText};
pub use reply::ReplyTarget;
pub use revision::{Revision, RevisionKind, RevisionSummary};
