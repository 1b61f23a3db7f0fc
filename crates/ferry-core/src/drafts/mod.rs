//! Drafts: create, load, autosave, delete, and their revision history (thinned by age so
//! autosave can't fill the disk: `thinning.rs`).
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store) -> Result<(), ferry_core::StoreError> {
//! use ferry_core::{DraftEdit, LangTag, NewDraft, Variant};
//! let zh = LangTag::parse("zh-Hans")?;
//! let draft = store
//!     .create_draft(NewDraft {
//!         variants: vec![Variant { lang: zh.clone(), text: "渡口见".into() }],
//!         ..Default::default()
//!     })
//!     .await?;
//! // Autosave sends the whole draft and the revision it was based on.
//! let saved = store
//!     .save_draft(DraftEdit {
//!         id: draft.id.clone(),
//!         base_revision: draft.revision,
//!         variants: vec![Variant { lang: zh, text: "渡口见！".into() }],
//!         overrides: vec![],
//!         targets: vec![],
//!         topics: vec![],
//!         attachments: vec![],
//!     })
//!     .await?;
//! assert_eq!(saved.draft.revision, 2);
//! store.restore_revision(&draft.id, 1).await?; // becomes revision 3
//! # Ok(()) }
//! ```

mod commit;
mod create;
mod history;
pub(crate) mod reply;
pub(crate) mod rows;
mod save;
pub(crate) mod text;
mod thinning;
pub(crate) mod validate;

pub use validate::{MAX_TEXT_CHARS, MAX_TOPIC_CHARS};
