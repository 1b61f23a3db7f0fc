//! The RedNote kit in memory: the note's title, body and topics (`#话题[话题]#`), the three
//! together as one text to paste, and the pictures in the draft's order made 3:4
//! (`pictures.rs`) — what every hand-off (a folder, the user's Telegram chat, the page on the
//! local network) gives the phone.

use std::path::PathBuf;

use ferry_networks::rednote::MAX_IMAGES;

use super::HandoffError;
use super::pictures::{Fit, note_picture};
use crate::Store;
use crate::media::decode_capped;
use crate::model::{Focus, LangTag, Network};

/// One hand-off's worth of a draft's RedNote variant.
#[derive(Debug, Clone)]
pub(crate) struct Kit {
    pub title: String,
    pub body: String,
    pub topics: String,
    pub pictures: Vec<KitPicture>,
    /// Pictures left out or copied as they were, and a note without pictures.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct KitPicture {
    /// `01.jpg`, `02.jpg`… (a GIF or WebP keeps its own extension).
    pub file: String,
    pub bytes: Vec<u8>,
}

impl KitPicture {
    pub fn mime(&self) -> &'static str {
        match self.file.rsplit('.').next() {
            Some("jpg") => "image/jpeg",
            Some("png") => "image/png",
            Some("gif") => "image/gif",
            Some("webp") => "image/webp",
            _ => "application/octet-stream",
        }
    }
}

impl Kit {
    /// Title, body and topics, each once, blank lines between: one paste fills the note.
    pub fn note_text(&self) -> String {
        [&self.title, &self.body, &self.topics]
            .into_iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A picture of the draft: its name as attached, its stored copy, and where a crop keeps it.
struct Source {
    name: String,
    path: PathBuf,
    focus: Option<Focus>,
}

impl Store {
    /// The kit of the draft's `lang` variant, its pictures prepared off the async threads.
    pub(crate) async fn rednote_kit(
        &self,
        draft_id: &str,
        lang: &LangTag,
        fit: Fit,
    ) -> Result<Kit, HandoffError> {
        let draft = self.get_draft(draft_id).await?;
        if !draft.content.variants.iter().any(|v| &v.lang == lang) {
            return Err(HandoffError::NoVariant {
                draft: draft_id.to_owned(),
                lang: lang.to_string(),
            });
        }
        let chosen = draft.content.network_text(lang, Network::Rednote);
        let (title, body, topics) = (
            chosen.title.unwrap_or_default().to_owned(),
            chosen.body.trim().to_owned(),
            chosen.topics.text.clone(),
        );
        let sources: Vec<Source> = draft
            .content
            .attachments
            .iter()
            .map(|a| Source {
                name: a.original_name.clone(),
                path: self.media_path(&a.stored_name),
                focus: a.focus,
            })
            .collect();
        let (pictures, notes) = tokio::task::spawn_blocking(move || prepare(&sources, fit))
            .await
            .map_err(|e| HandoffError::Pictures {
                detail: e.to_string(),
            })?;
        Ok(Kit {
            title,
            body,
            topics,
            pictures,
            notes,
        })
    }
}

fn prepare(sources: &[Source], fit: Fit) -> (Vec<KitPicture>, Vec<String>) {
    let (mut pictures, mut notes) = (Vec::new(), Vec::new());
    if sources.is_empty() {
        notes.push("no pictures: RedNote has no text-only notes, add 1 to 18".to_owned());
    }
    if sources.len() > MAX_IMAGES {
        notes.push(format!(
            "RedNote takes {MAX_IMAGES} pictures: the last {} were left out",
            sources.len() - MAX_IMAGES
        ));
    }
    for source in sources.iter().take(MAX_IMAGES) {
        let Ok(bytes) = std::fs::read(&source.path) else {
            notes.push(format!(
                "{} is gone from Ferry's data folder: left out",
                source.name
            ));
            continue;
        };
        let number = pictures.len() + 1;
        let picture = match decode_capped(&bytes) {
            Some(decoded) => KitPicture {
                file: format!("{number:02}.jpg"),
                bytes: note_picture(&decoded, fit, source.focus),
            },
            None => {
                let ext = source
                    .path
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("bin");
                notes.push(format!(
                    "{} was copied as it is: Ferry makes JPEG and PNG pictures 3:4, not GIF or WebP",
                    source.name
                ));
                KitPicture {
                    file: format!("{number:02}.{ext}"),
                    bytes,
                }
            }
        };
        pictures.push(picture);
    }
    (pictures, notes)
}
