//! Hint tables written by the project (assets/hints/*.toml, licensed with Ferry): hashtag
//! equivalents between the two internets, slang dictionaries miss, phrases whose tone differs
//! across cultures, and each network's conventions. The format is documented in
//! assets/hints/README.md; the files are compiled in, so they are always there.
//!
//! ```
//! use ferry_hints::tables::HintTables;
//! let tables = HintTables::builtin()?;
//! let found = tables.notes_in("这个博主yyds！");
//! assert_eq!(found[0].entry.term, "yyds");
//! assert!(tables.hashtag_equivalents("#TikTokRefugee").iter().any(|t| t.contains("难民")));
//! # Ok::<(), ferry_hints::HintsError>(())
//! ```

mod entry;
mod matching;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use entry::{HintEntry, HintKind};
pub use matching::NoteMatch;

use crate::error::HintsError;

/// The built-in table files, by name.
pub const BUILTIN: [(&str, &str); 4] = [
    (
        "hashtags.toml",
        include_str!("../../../../assets/hints/hashtags.toml"),
    ),
    (
        "slang.toml",
        include_str!("../../../../assets/hints/slang.toml"),
    ),
    (
        "tone.toml",
        include_str!("../../../../assets/hints/tone.toml"),
    ),
    (
        "conventions.toml",
        include_str!("../../../../assets/hints/conventions.toml"),
    ),
];

/// All hint entries, indexed.
#[derive(Debug)]
pub struct HintTables {
    entries: Vec<HintEntry>,
    /// Normalised hashtag → indices of entries naming it as term or equivalent.
    hashtags: HashMap<String, Vec<usize>>,
}

impl HintTables {
    /// The tables shipped with Ferry, parsed and validated once.
    pub fn builtin() -> Result<&'static HintTables, HintsError> {
        static BUILT: OnceLock<Result<HintTables, String>> = OnceLock::new();
        BUILT
            .get_or_init(|| HintTables::parse(&BUILTIN).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|problem| HintsError::TableInvalid {
                file: "assets/hints".into(),
                problem: problem.clone(),
            })
    }

    /// Parses and validates table files given as (name, TOML text).
    pub fn parse(files: &[(&str, &str)]) -> Result<HintTables, HintsError> {
        let mut entries = Vec::new();
        for (name, text) in files {
            entries.extend(entry::parse_file(name, text)?);
        }
        entry::check_duplicates(&entries)?;
        let mut hashtags: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if e.kind == HintKind::Hashtag {
                for tag in std::iter::once(&e.term).chain(&e.equivalents) {
                    hashtags.entry(normalise_tag(tag)).or_default().push(i);
                }
            }
        }
        Ok(HintTables { entries, hashtags })
    }

    pub fn entries(&self) -> &[HintEntry] {
        &self.entries
    }

    /// The other internet's tags for `tag` (`#TikTokRefugee` → `#tiktok难民`), and back.
    pub fn hashtag_equivalents(&self, tag: &str) -> Vec<&str> {
        let key = normalise_tag(tag);
        let mut found: Vec<&str> = Vec::new();
        for &i in self.hashtags.get(&key).into_iter().flatten() {
            let e = &self.entries[i];
            for t in std::iter::once(&e.term).chain(&e.equivalents) {
                if normalise_tag(t) != key && !found.contains(&t.as_str()) {
                    found.push(t);
                }
            }
        }
        found
    }

    /// The hashtag entry for `tag`, if the tables know it.
    pub fn hashtag_entry(&self, tag: &str) -> Option<&HintEntry> {
        let i = *self.hashtags.get(&normalise_tag(tag))?.first()?;
        Some(&self.entries[i])
    }

    /// Slang and tone entries whose term occurs in `text`, in text order.
    pub fn notes_in(&self, text: &str) -> Vec<NoteMatch<'_>> {
        matching::find_terms(text, &self.entries)
    }

    /// The conventions of one network (`rednote`, `bluesky`, …).
    pub fn conventions(&self, network: &str) -> Vec<&HintEntry> {
        self.entries
            .iter()
            .filter(|e| e.kind == HintKind::Convention)
            .filter(|e| e.networks.iter().any(|n| n.eq_ignore_ascii_case(network)))
            .collect()
    }
}

/// A tag as compared: no `#`, no RedNote `[话题]` suffix, lower case.
pub fn normalise_tag(tag: &str) -> String {
    let tag = tag
        .trim()
        .trim_start_matches(['#', '＃'])
        .trim_end_matches('#');
    let tag = tag
        .strip_suffix("[话题]")
        .or_else(|| tag.strip_suffix("[話題]"))
        .unwrap_or(tag);
    tag.trim_end_matches('#').to_lowercase()
}
