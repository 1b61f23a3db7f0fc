//! One hint entry and the checks every table file must pass.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::HintsError;
use crate::lang::Lang;

/// What kind of hint an entry is; each kind has its own file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum HintKind {
    /// A hashtag and its equivalents on the other internet (hashtags.toml).
    Hashtag,
    /// Slang dictionaries miss: pinyin initials, numbers, memes (slang.toml).
    Slang,
    /// A phrase whose tone differs across the two cultures (tone.toml).
    Tone,
    /// How a network's posts are written (conventions.toml).
    Convention,
}

impl HintKind {
    fn of_file(name: &str) -> Option<HintKind> {
        Some(match name {
            "hashtags.toml" => HintKind::Hashtag,
            "slang.toml" => HintKind::Slang,
            "tone.toml" => HintKind::Tone,
            "conventions.toml" => HintKind::Convention,
            _ => return None,
        })
    }
}

/// One entry of a hint table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HintEntry {
    /// Set from the file the entry is in.
    pub kind: HintKind,
    /// The hashtag, slang term, phrase or convention name, as written.
    pub term: String,
    /// The language the term belongs to (`en`, `zh-Hans`, …).
    pub lang: Lang,
    /// What it means, in a sentence.
    pub meaning: String,
    /// Who says it and how it lands: formal, playful, crude, dated…
    pub register: String,
    /// The other audience's way to say it (tags for hashtags).
    #[serde(default)]
    pub equivalents: Vec<String>,
    /// Networks this applies to (`rednote`, `bluesky`, `mastodon`, `x`, `weibo`…); empty = all.
    #[serde(default)]
    pub networks: Vec<String>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: String,
}

/// An entry as written in a file: everything but the kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    term: String,
    lang: Lang,
    meaning: String,
    register: String,
    #[serde(default)]
    equivalents: Vec<String>,
    #[serde(default)]
    networks: Vec<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    entry: Vec<RawEntry>,
}

/// Parses one table file: valid TOML, known file name, every required field non-empty.
pub fn parse_file(name: &str, text: &str) -> Result<Vec<HintEntry>, HintsError> {
    let invalid = |problem: String| HintsError::TableInvalid {
        file: name.to_owned(),
        problem,
    };
    let kind = HintKind::of_file(name).ok_or_else(|| {
        invalid("unknown file: use hashtags.toml, slang.toml, tone.toml or conventions.toml".into())
    })?;
    let file: TableFile = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
    let entries: Vec<HintEntry> = file
        .entry
        .into_iter()
        .map(|raw| HintEntry {
            kind,
            term: raw.term,
            lang: raw.lang,
            meaning: raw.meaning,
            register: raw.register,
            equivalents: raw.equivalents,
            networks: raw.networks,
            note: raw.note,
        })
        .collect();
    for (i, e) in entries.iter().enumerate() {
        let at = format!("entry {} ({:?})", i + 1, e.term);
        for (field, value) in [
            ("term", &e.term),
            ("meaning", &e.meaning),
            ("register", &e.register),
        ] {
            if value.trim().is_empty() {
                return Err(invalid(format!("{at}: `{field}` is empty")));
            }
        }
        if matches!(e.lang, Lang::Undetermined) {
            return Err(invalid(format!("{at}: `lang` must name a language")));
        }
        if kind == HintKind::Hashtag
            && !std::iter::once(&e.term)
                .chain(&e.equivalents)
                .all(|t| t.starts_with('#'))
        {
            return Err(invalid(format!(
                "{at}: hashtags and their equivalents start with #"
            )));
        }
        if kind == HintKind::Convention && e.networks.is_empty() {
            return Err(invalid(format!("{at}: a convention names its `networks`")));
        }
    }
    Ok(entries)
}

/// No two entries of one kind share a term (compared case-insensitively).
pub fn check_duplicates(entries: &[HintEntry]) -> Result<(), HintsError> {
    let mut seen = HashSet::new();
    for e in entries {
        let key = (e.kind, super::normalise_tag(&e.term));
        if !seen.insert(key) {
            return Err(HintsError::TableInvalid {
                file: format!("{:?} table", e.kind).to_lowercase(),
                problem: format!("duplicate term {:?}", e.term),
            });
        }
    }
    Ok(())
}
