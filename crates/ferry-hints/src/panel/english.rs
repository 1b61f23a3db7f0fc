//! Chinese glosses for the English words and phrases of a text: ECDICT first (phrases of up
//! to four words, then single words, inflections led back to their headword), CC-CEDICT's
//! reverse index for what ECDICT lacks.

use serde::Serialize;

use crate::detect::LangRun;
use crate::dict::{Ecdict, ReverseIndex};
use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::span::{OffsetMap, Span};

const MAX_PHRASE_WORDS: usize = 4;
const MAX_TRANSLATIONS: usize = 4;

/// Words too common to deserve a hover card.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "is",
    "are", "was", "were", "be", "been", "am", "i", "you", "he", "she", "it", "we", "they", "me",
    "my", "your", "our", "this", "that", "so", "as", "if", "do", "did", "not", "no",
];

/// Where an English word's Chinese came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum EnglishSource {
    Ecdict,
    /// CC-CEDICT's glosses read backwards.
    CcCedictReverse,
}

/// An English word or phrase with Chinese glosses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EnglishHint {
    pub span: Span,
    pub text: String,
    /// The dictionary headword (`bank` for "banks").
    pub headword: String,
    pub phonetic: String,
    /// Chinese translations, most useful first (ECDICT lines like "n. 银行, 堤, 岸").
    pub chinese: Vec<String>,
    pub source: EnglishSource,
}

/// English hints for the English runs of `text`.
pub fn english_hints(
    text: &str,
    runs: &[LangRun],
    offsets: &OffsetMap,
    ecdict: Option<&Ecdict>,
    reverse: Option<&ReverseIndex>,
    segmenter: Option<&Segmenter>,
) -> Vec<EnglishHint> {
    let mut hints = Vec::new();
    for run in runs.iter().filter(|r| r.lang == Lang::English) {
        let words = word_ranges(text, run.span.byte_start, run.span.byte_end);
        let mut i = 0;
        while i < words.len() {
            let (hint, used) = best_at(text, &words[i..], offsets, (ecdict, reverse), segmenter);
            hints.extend(hint);
            i += used;
        }
    }
    hints
}

/// The longest phrase starting at `words[0]` that a dictionary knows, and how many words it used.
fn best_at(
    text: &str,
    words: &[(usize, usize)],
    offsets: &OffsetMap,
    (ecdict, reverse): (Option<&Ecdict>, Option<&ReverseIndex>),
    segmenter: Option<&Segmenter>,
) -> (Option<EnglishHint>, usize) {
    let start = words[0].0;
    for n in (2..=MAX_PHRASE_WORDS.min(words.len())).rev() {
        let end = words[n - 1].1;
        // Only words separated by single spaces form a phrase ("look forward to").
        if !text[start..end].split(' ').all(|w| !w.is_empty()) || text[start..end].contains('\n') {
            continue;
        }
        if let Some(entry) = ecdict.and_then(|d| d.lookup(&text[start..end])) {
            let hint = EnglishHint {
                span: offsets.span(start, end),
                text: text[start..end].to_owned(),
                headword: entry.headword.to_owned(),
                phonetic: entry.phonetic.to_owned(),
                chinese: entry
                    .translations()
                    .take(MAX_TRANSLATIONS)
                    .map(str::to_owned)
                    .collect(),
                source: EnglishSource::Ecdict,
            };
            return (Some(hint), n);
        }
    }
    let word = &text[start..words[0].1];
    if STOP_WORDS.contains(&word.to_lowercase().as_str()) || word.chars().count() < 2 {
        return (None, 1);
    }
    let span = offsets.span(start, words[0].1);
    if let Some(entry) = ecdict.and_then(|d| d.lookup(word)) {
        let hint = EnglishHint {
            span,
            text: word.to_owned(),
            headword: entry.headword.to_owned(),
            phonetic: entry.phonetic.to_owned(),
            chinese: entry
                .translations()
                .take(MAX_TRANSLATIONS)
                .map(str::to_owned)
                .collect(),
            source: EnglishSource::Ecdict,
        };
        return (Some(hint), 1);
    }
    let chinese: Vec<String> = reverse
        .zip(segmenter)
        .map(|(r, s)| r.lookup(word, MAX_TRANSLATIONS, s))
        .unwrap_or_default()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let hint = (!chinese.is_empty()).then(|| EnglishHint {
        span,
        text: word.to_owned(),
        headword: word.to_lowercase(),
        phonetic: String::new(),
        chinese,
        source: EnglishSource::CcCedictReverse,
    });
    (hint, 1)
}

/// Byte ranges of the words (letters, inner apostrophes and hyphens) in `text[from..to]`.
fn word_ranges(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = from;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        let inner = matches!(c, '\'' | '’' | '-') && start.is_some();
        if c.is_alphabetic() || inner {
            start.get_or_insert(at);
            if !inner {
                last_end = at + c.len_utf8();
            }
        } else if let Some(s) = start.take() {
            words.push((s, last_end));
        }
    }
    if let Some(s) = start {
        words.push((s, last_end));
    }
    words
}
