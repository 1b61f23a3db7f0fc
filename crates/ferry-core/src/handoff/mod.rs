//! Handing a post to a network Ferry can't post to. RedNote has no posting API and is
//! published from the phone, so Ferry prepares what the phone needs: [`Store::export_rednote`]
//! writes a folder with the note's title, body and topics as text files and its pictures made
//! 3:4 (1080 × 1440, cropped to fill or padded to fit), ready to sync or AirDrop to the phone.
//! [`Accounts::send_rednote_kit`](crate::accounts::Accounts) sends the same kit to the
//! writer's own Telegram chat through their bot, and [`LanPages::start`] serves it on a
//! one-time page on the local network that the phone opens from a QR code. Once the note is up, "Mark as published" records its link
//! (`outbox::MarkPublished`).
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, draft_id: String) -> Result<(), ferry_core::handoff::HandoffError> {
//! use ferry_core::handoff::{Fit, RednoteExport};
//! use ferry_core::model::LangTag;
//! let export = RednoteExport { draft_id, lang: LangTag::parse("zh-Hans").unwrap(), to: "/home/lin/Phone".into(), fit: Fit::Crop };
//! let done = store.export_rednote(export).await?;
//! println!("{} ({} files)", done.folder, done.files.len());
//! # Ok(()) }
//! ```

mod kit;
mod lan;
mod pictures;
mod rednote;
mod telegram;

use std::path::PathBuf;

use ferry_macros::Coded;

pub use lan::{
    LanHandoff, LanPage, LanPageState, LanPages, PAGE_LIFETIME, lan_address, qr_for_terminal,
};
pub use pictures::{Fit, NOTE_HEIGHT, NOTE_WIDTH};
pub use rednote::{ExportedKit, RednoteExport};
pub use telegram::{KitToTelegram, SentKit};

use ferry_networks::http::ClientError;

use crate::accounts::AccountError;
use crate::error::StoreError;

#[derive(Debug, thiserror::Error, Coded)]
pub enum HandoffError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error("draft {draft} has no {lang} variant to hand over")]
    #[code("handoff.no_variant")]
    NoVariant { draft: String, lang: String },

    #[error("cannot write the kit in {}: {detail}", path.display())]
    #[code("handoff.folder")]
    Folder { path: PathBuf, detail: String },

    #[error("the pictures could not be prepared: {detail}")]
    #[code("handoff.pictures")]
    Pictures { detail: String },

    #[error(transparent)]
    #[code(transparent)]
    Account(#[from] AccountError),

    #[error(
        "this computer is on no local network (no private address): the phone can't reach a \
         page here; export to a folder or send the kit through Telegram"
    )]
    #[code("handoff.no_lan")]
    NoLan,

    #[error("cannot serve the page for the phone: {detail}")]
    #[code("handoff.serve")]
    Serve { detail: String },

    #[error("{account} is not a Telegram account; choose the chat the kit goes to")]
    #[code("handoff.not_telegram")]
    NotTelegram { account: String },

    #[error("{error}; the kit may have arrived in part: look in the chat before sending again")]
    #[code("handoff.telegram")]
    Telegram { error: ClientError },
}

impl HandoffError {
    fn from_telegram(error: ClientError) -> Self {
        HandoffError::Telegram { error }
    }
}
