//! The RedNote kit written to a folder the writer picks (one the phone syncs, or where they
//! AirDrop from): `title.txt`, `body.txt`, `topics.txt` (written `#话题[话题]#`), `note.txt`
//! (all three, to paste at once) and the pictures in the draft's order as `01.jpg`, `02.jpg`…,
//! each 3:4 (`pictures.rs`). The kit appears whole or not at all: it is written to a hidden
//! folder beside it and renamed into place.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::HandoffError;
use super::kit::Kit;
use super::pictures::Fit;
use crate::Store;
use crate::model::LangTag;

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

impl Store {
    /// Writes the kit of the draft's `lang` variant into a new folder inside `export.to`.
    pub async fn export_rednote(&self, export: RednoteExport) -> Result<ExportedKit, HandoffError> {
        let kit = self
            .rednote_kit(&export.draft_id, &export.lang, export.fit)
            .await?;
        let to = PathBuf::from(&export.to);
        tokio::task::spawn_blocking(move || write_kit(&to, kit))
            .await
            .map_err(|e| HandoffError::Folder {
                path: PathBuf::from(&export.to),
                detail: format!("the export stopped: {e}"),
            })?
    }
}

fn write_kit(to: &Path, kit: Kit) -> Result<ExportedKit, HandoffError> {
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
    let name = folder_name(&kit.title, &kit.body);
    let work = to.join(format!(".ferry-kit-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir(&work).map_err(|e| failed(to, e))?;
    let files = match fill(&work, &kit) {
        Ok(files) => files,
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
        notes: kit.notes,
    })
}

/// Writes the texts and pictures into `work`; returns the file names.
fn fill(work: &Path, kit: &Kit) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    let texts = [
        ("title.txt", &kit.title),
        ("body.txt", &kit.body),
        ("topics.txt", &kit.topics),
    ];
    for (file, text) in texts {
        if text.trim().is_empty() {
            continue;
        }
        std::fs::write(work.join(file), format!("{text}\n"))?;
        files.push(file.to_owned());
    }
    std::fs::write(work.join("note.txt"), format!("{}\n", kit.note_text()))?;
    files.push("note.txt".to_owned());
    for picture in &kit.pictures {
        std::fs::write(work.join(&picture.file), &picture.bytes)?;
        files.push(picture.file.clone());
    }
    Ok(files)
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
