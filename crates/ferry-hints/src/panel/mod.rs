//! The hints panel's one call: everything Ferry can say about a text, offline.
//!
//! ```no_run
//! use ferry_hints::panel::{hints, HintOptions};
//! use ferry_hints::Lang;
//! let found = hints("姐妹们，这家店yyds！#TikTokRefugee", &HintOptions {
//!     variant: Some(Lang::ZhHans),
//!     ..HintOptions::default()
//! });
//! for word in &found.words {
//!     println!("{} {} {:?}", word.text, word.pinyin, word.readings.first().map(|r| &r.glosses));
//! }
//! ```
//!
//! Offsets: every item has a `Span` in bytes, Unicode scalars and UTF-16 units; the UI uses
//! the UTF-16 ones to place hover cards. Dictionaries load on the first call (see `dict`);
//! when they are missing the call still answers — pinyin from the `pinyin` crate, no glosses —
//! and says so in `warnings` (`dict.missing`: run `make assets`).
//!
//! Never waiting on a keystroke: the app calls `Dictionaries::warm_up()` on a background
//! thread at start and sets `skip_unloaded` in the keystroke handler's options; a call made
//! before the warm-up finished answers at once with what needs no dictionary (runs, pinyin
//! character by character, hashtags, slang) and a `dict.loading` warning, and the next call
//! after it has everything. Per call, in release: ~1 ms for a 1,000-character post after one
//! keystroke (docs/BENCHMARKS.md).

mod chinese;
mod english;
mod mismatch;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

pub use chinese::{Reading, WordHint, WordSource};
pub use english::{EnglishHint, EnglishSource};
pub use mismatch::Mismatch;

use crate::detect::weight::weight;
use crate::detect::{Detection, LangRun, detect_with, majority};
use crate::dict::Dictionaries;
use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::skip::{Skip, SkipKind, skipped_parts};
use crate::span::{OffsetMap, Span};
use crate::tables::{HintKind, HintTables};

/// What to compute.
#[derive(Debug, Clone, Default)]
pub struct HintOptions {
    /// The variant the text is filed under; enables the mismatch check.
    pub variant: Option<Lang>,
    /// Dictionaries to use; `None` = `Dictionaries::shared()`.
    pub dictionaries: Option<&'static Dictionaries>,
    /// Don't wait for dictionaries that are still loading (`Dictionaries::warm_up` on another
    /// thread): answer at once with what needs none — runs, pinyin character by character,
    /// hashtags, slang — and a `dict.loading` warning. For a keystroke handler.
    pub skip_unloaded: bool,
}

/// A sentence and its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    pub span: Span,
    pub lang: Lang,
}

/// A hashtag with its equivalents on the other internet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HashtagHint {
    pub span: Span,
    pub tag: String,
    pub equivalents: Vec<String>,
    /// What the tag is about, when the tables know it.
    pub meaning: Option<String>,
}

/// A slang term or a phrase whose tone differs across cultures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteHint {
    pub span: Span,
    pub term: String,
    pub kind: HintKind,
    pub meaning: String,
    pub register: String,
    pub equivalents: Vec<String>,
    pub note: String,
}

/// Something the panel should mention but that did not stop the hints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HintWarning {
    pub code: String,
    pub message: String,
}

/// Everything the hints panel shows for one text.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Hints {
    /// The language of most letters (`und` if none).
    pub lang: Lang,
    pub runs: Vec<LangRun>,
    pub sentences: Vec<Sentence>,
    /// Chinese words with pinyin and English glosses.
    pub words: Vec<WordHint>,
    /// English words and phrases with Chinese glosses.
    pub english: Vec<EnglishHint>,
    pub hashtags: Vec<HashtagHint>,
    pub notes: Vec<NoteHint>,
    pub mismatch: Option<Mismatch>,
    pub warnings: Vec<HintWarning>,
}

/// All hints for `text`.
pub fn hints(text: &str, options: &HintOptions) -> Hints {
    let dicts = options.dictionaries.unwrap_or_else(Dictionaries::shared);
    let skipped = skipped_parts(text);
    let offsets = OffsetMap::new(text);
    let Detection { lang, runs } = detect_with(text, &skipped, &offsets);
    let mut warnings = Vec::new();
    let mut warn = |err: crate::HintsError| {
        let warning = HintWarning {
            code: err.code().into(),
            message: err.to_string(),
        };
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
    };
    let tables = HintTables::builtin().map_err(&mut warn).ok();
    let (cedict, ecdict, reverse, segmenter) = if options.skip_unloaded && !dicts.ready() {
        warn(crate::HintsError::DictLoading);
        (None, None, None, None)
    } else {
        let segmenter = dicts.segmenter().map_err(&mut warn).ok();
        (
            dicts.cedict().map_err(&mut warn).ok(),
            dicts.ecdict().map_err(&mut warn).ok(),
            dicts.reverse().map_err(&mut warn).ok(),
            Some(segmenter.unwrap_or_else(Segmenter::builtin)),
        )
    };

    let words = chinese::word_hints(text, &runs, &offsets, cedict, segmenter);
    let english = english::english_hints(text, &runs, &offsets, ecdict, reverse, segmenter);
    let hashtags = skipped
        .iter()
        .filter(|s| s.kind == SkipKind::Hashtag)
        .map(|s| {
            let tag = &text[s.byte_start..s.byte_end];
            HashtagHint {
                span: offsets.span(s.byte_start, s.byte_end),
                tag: tag.to_owned(),
                equivalents: tables
                    .map(|t| {
                        t.hashtag_equivalents(tag)
                            .into_iter()
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
                meaning: tables
                    .and_then(|t| t.hashtag_entry(tag))
                    .map(|e| e.meaning.clone()),
            }
        })
        .collect();
    let notes = tables
        .map(|t| t.notes_in(text))
        .unwrap_or_default()
        .into_iter()
        .map(|m| NoteHint {
            span: offsets.span(m.byte_start, m.byte_end),
            term: m.entry.term.clone(),
            kind: m.entry.kind,
            meaning: m.entry.meaning.clone(),
            register: m.entry.register.clone(),
            equivalents: m.entry.equivalents.clone(),
            note: m.entry.note.clone(),
        })
        .collect();
    let mismatch = options
        .variant
        .as_ref()
        .and_then(|v| mismatch::check(v, &runs));
    Hints {
        sentences: sentences(text, &skipped, &offsets, &runs),
        lang,
        runs,
        words,
        english,
        hashtags,
        notes,
        mismatch,
        warnings,
    }
}

/// Sentences (Unicode sentence boundaries, which know 。！？ too), each labelled with the
/// language most of its words are in (`detect::weight`), as the whole text is.
fn sentences(text: &str, skipped: &[Skip], offsets: &OffsetMap, runs: &[LangRun]) -> Vec<Sentence> {
    text.split_sentence_bound_indices()
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(start, s)| {
            let end = start + s.trim_end().len();
            let span = offsets.span(start, end);
            let overlapping: Vec<LangRun> = runs
                .iter()
                .filter(|r| r.span.byte_start < end && r.span.byte_end > start)
                .map(|r| {
                    let from = r.span.byte_start.max(start);
                    let to = r.span.byte_end.min(end);
                    LangRun {
                        weight: weight(text, skipped, from, to),
                        ..r.clone()
                    }
                })
                .collect();
            Sentence {
                span,
                lang: majority(&overlapping),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_langs(text: &str) -> Vec<String> {
        let skipped = skipped_parts(text);
        let offsets = OffsetMap::new(text);
        let runs = detect_with(text, &skipped, &offsets).runs;
        sentences(text, &skipped, &offsets, &runs)
            .into_iter()
            .map(|s| s.lang.tag().to_owned())
            .collect()
    }

    #[test]
    fn a_sentence_is_in_the_language_of_its_grammar() {
        // Counting characters, the token's digits and colon made this sentence English.
        assert_eq!(sentence_langs("渡轮 mxa35x5rb：晚班照常开。"), ["zh-Hans"]);
        assert_eq!(
            sentence_langs("我是从TikTok来的难民。I love 台北! Bonjour à tous, je suis là."),
            ["zh-Hans", "en", "fr"]
        );
    }
}
