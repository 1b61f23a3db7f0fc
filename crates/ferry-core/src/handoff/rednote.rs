//! The RedNote kit written to a folder the writer picks (one the phone syncs, or where they
//! AirDrop from): `title.txt`, `body.txt`, `topics.txt` (written `#话题[话题]#`), `note.txt`
//! (all three, to paste at once) and the pictures in the draft's order as `01.jpg`, `02.jpg`…,
//! each 3:4 (`pictures.rs`). The kit appears whole or not at all: it is written to a hidden
//! folder beside it and renamed into place.

use std::path::{Path, PathBuf};

use ferry_networks::rednote::MAX_IMAGES;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::HandoffError;
use super::pictures::{Fit, note_picture};
use crate::Store;
use crate::media::decode_capped;
use crate::model::{LangTag, Network};

/// "Write this draft's `lang` RedNote kit into the folder `to`."
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RednoteExport {
    pub draft_id: String,
    pub lang: LangTag,
    /// The folder the kit's own folder is made in.
    pub to: String,
    #[serde(default)]
    pub fit: Fit,
}

/// Where the kit went and what the writer should know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedKit {
    /// The kit's own folder.
    pub folder: String,
    /// Its files, in order: the texts, then the pictures.
    pub files: Vec<String>,
    /// Pictures left out or copied as they were, and a note without pictures.
    pub notes: Vec<String>,
}

/// A picture of the draft: its name as attached and its stored copy.
struct Picture {
    name: String,
    path: PathBuf,
}

impl Store {
    /// Writes the kit of the draft's `lang` variant into a new folder inside `export.to`.
    pub async fn export_rednote(&self, export: RednoteExport) -> Result<ExportedKit, HandoffError> {
        let draft = self.get_draft(&export.draft_id).await?;
        if !draft.content.variants.iter().any(|v| v.lang == export.lang) {
            return Err(HandoffError::NoVariant {
                draft: export.draft_id,
                lang: export.lang.to_string(),
            });
        }
        let chosen = draft.content.network_text(&export.lang, Network::Rednote);
        let texts = [
            ("title.txt", chosen.title.unwrap_or_default().to_owned()),
            ("body.txt", chosen.body.trim().to_owned()),
            ("topics.txt", chosen.topics.text.clone()),
        ];
        let pictures: Vec<Picture> = draft
            .content
            .attachments
            .iter()
            .map(|a| Picture {
                name: a.original_name.clone(),
                path: self.media_path(&a.stored_name),
            })
            .collect();
        let to = PathBuf::from(&export.to);
        let fit = export.fit;
        tokio::task::spawn_blocking(move || write_kit(&to, texts, pictures, fit))
            .await
            .map_err(|e| HandoffError::Folder {
                path: PathBuf::from(&export.to),
                detail: format!("the export stopped: {e}"),
            })?
    }
}

fn write_kit(
    to: &Path,
    texts: [(&str, String); 3],
    pictures: Vec<Picture>,
    fit: Fit,
) -> Result<ExportedKit, HandoffError> {
    let failed = |path: &Path, e: std::io::Error| HandoffError::Folder {
        path: path.to_owned(),
        detail: e.to_string(),
    };
    if !to.is_dir() {
        return Err(HandoffError::Folder {
            path: to.to_owned(),
            detail: "there is no such folder".to_owned(),
        });
    }
    let name = folder_name(&texts[0].1, &texts[1].1);
    let work = to.join(format!(".ferry-kit-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir(&work).map_err(|e| failed(to, e))?;
    let written = fill(&work, &texts, &pictures, fit);
    let (files, notes) = match written {
        Ok(done) => done,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&work);
            return Err(failed(to, e));
        }
    };
    let mut folder = to.join(&name);
    let mut n = 2;
    while folder.exists() {
        folder = to.join(format!("{name} ({n})"));
        n += 1;
    }
    if let Err(e) = std::fs::rename(&work, &folder) {
        let _ = std::fs::remove_dir_all(&work);
        return Err(failed(to, e));
    }
    Ok(ExportedKit {
        folder: folder.display().to_string(),
        files,
        notes,
    })
}

/// Writes the texts and pictures into `work`; returns the file names and the notes.
fn fill(
    work: &Path,
    texts: &[(&str, String); 3],
    pictures: &[Picture],
    fit: Fit,
) -> std::io::Result<(Vec<String>, Vec<String>)> {
    let (mut files, mut notes) = (Vec::new(), Vec::new());
    let mut whole = Vec::new();
    for (file, text) in texts {
        if text.trim().is_empty() {
            continue;
        }
        std::fs::write(work.join(file), format!("{text}\n"))?;
        files.push((*file).to_owned());
        whole.push(text.as_str());
    }
    std::fs::write(work.join("note.txt"), format!("{}\n", whole.join("\n\n")))?;
    files.push("note.txt".to_owned());
    if pictures.is_empty() {
        notes.push("no pictures: RedNote has no text-only notes, add 1 to 18".to_owned());
    }
    if pictures.len() > MAX_IMAGES {
        notes.push(format!(
            "RedNote takes {MAX_IMAGES} pictures: the last {} were left out",
            pictures.len() - MAX_IMAGES
        ));
    }
    let mut number = 0;
    for picture in pictures.iter().take(MAX_IMAGES) {
        let Ok(bytes) = std::fs::read(&picture.path) else {
            notes.push(format!(
                "{} is gone from Ferry's data folder: left out",
                picture.name
            ));
            continue;
        };
        number += 1;
        let file = match decode_capped(&bytes) {
            Some(decoded) => {
                let file = format!("{number:02}.jpg");
                std::fs::write(work.join(&file), note_picture(&decoded, fit))?;
                file
            }
            None => {
                let ext = picture
                    .path
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("bin");
                let file = format!("{number:02}.{ext}");
                std::fs::write(work.join(&file), &bytes)?;
                notes.push(format!(
                    "{} was copied as it is: Ferry makes JPEG and PNG pictures 3:4, not GIF or WebP",
                    picture.name
                ));
                file
            }
        };
        files.push(file);
    }
    Ok((files, notes))
}

/// The kit folder's name: the title, else the body's first words, without characters file
/// systems refuse, at most 40 characters.
fn folder_name(title: &str, body: &str) -> String {
    let source = if title.trim().is_empty() { body } else { title };
    let cleaned: String = source
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: String = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = words.chars().take(40).collect();
    let trimmed = short.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "RedNote note".to_owned()
    } else {
        format!("{trimmed} (RedNote)")
    }
}

#[cfg(test)]
mod tests {
    use super::folder_name;

    #[test]
    fn folder_names_come_from_the_title_without_what_file_systems_refuse() {
        assert_eq!(folder_name("渡口见面", "正文"), "渡口见面 (RedNote)");
        assert_eq!(
            folder_name("", "清晨/六点 的渡口:雾"),
            "清晨 六点 的渡口 雾 (RedNote)"
        );
        assert_eq!(folder_name("..", ""), "RedNote note");
        assert_eq!(
            folder_name(&"长".repeat(60), "").chars().count(),
            40 + " (RedNote)".len()
        );
    }
}
