//! Chinese words of a text with pinyin and CC-CEDICT glosses.

use serde::Serialize;

use crate::convert::char_converters;
use crate::detect::LangRun;
use crate::dict::{Cedict, Usage};
use crate::lang::Lang;
use crate::pinyin_marks::{fallback_word, marked_word};
use crate::script::Script;
use crate::segment::Segmenter;
use crate::span::{OffsetMap, Span};

/// At most this many readings per word and glosses per reading: a hover card, not a dictionary page.
const MAX_READINGS: usize = 3;
const MAX_GLOSSES: usize = 6;

/// Where a word's hint came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum WordSource {
    /// CC-CEDICT (pinyin and glosses).
    CcCedict,
    /// Not in CC-CEDICT: pinyin character by character, no glosses.
    PinyinOnly,
}

/// One reading of a word (a word can have several: 行 xíng / háng).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    pub pinyin: String,
    pub simplified: String,
    pub traditional: String,
    pub glosses: Vec<String>,
    pub usage: Vec<Usage>,
}

/// A Chinese word with its pinyin and meanings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WordHint {
    pub span: Span,
    pub text: String,
    /// Tone-marked pinyin of the most likely reading.
    pub pinyin: String,
    /// Best reading first; empty for `PinyinOnly`.
    pub readings: Vec<Reading>,
    /// Usage labels of the best reading (slang, Taiwan, dialect…), for a badge.
    pub usage: Vec<Usage>,
    pub source: WordSource,
}

/// The words of the Chinese runs of `text`. Without a dictionary (`cedict` is `None`) every
/// word gets character-by-character pinyin; without a segmenter (still loading) every Han
/// character is a word of its own.
pub fn word_hints(
    text: &str,
    runs: &[LangRun],
    offsets: &OffsetMap,
    cedict: Option<&Cedict>,
    segmenter: Option<&Segmenter>,
) -> Vec<WordHint> {
    let mut hints = Vec::new();
    for run in runs.iter().filter(|r| r.lang.is_chinese()) {
        let base = run.span.byte_start;
        let run_text = &text[base..run.span.byte_end];
        for (start, end) in word_ranges(run_text, run.lang == Lang::ZhHant, segmenter) {
            let word = &run_text[start..end];
            if !word.chars().any(|c| Script::of(c) == Script::Han) {
                continue;
            }
            for (from, to) in dictionary_words(word, cedict) {
                let span = offsets.span(base + start + from, base + start + to);
                hints.push(word_hint(&word[from..to], span, cedict));
            }
        }
    }
    hints
}

/// A word CC-CEDICT lacks, split into the longest words it has, left to right. jieba's HMM
/// glues unknown neighbours together ("真给力" for 真 + 给力); this gives each part its gloss.
fn dictionary_words(word: &str, cedict: Option<&Cedict>) -> Vec<(usize, usize)> {
    const LONGEST: usize = 6;
    let Some(cedict) =
        cedict.filter(|c| word.chars().nth(1).is_some() && c.lookup(word).is_empty())
    else {
        return vec![(0, word.len())];
    };
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain([word.len()])
        .collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i + 1 < bounds.len() {
        let longest = (i + LONGEST).min(bounds.len() - 1);
        let j = (i + 2..=longest)
            .rev()
            .find(|&j| !cedict.lookup(&word[bounds[i]..bounds[j]]).is_empty())
            .unwrap_or(i + 1);
        parts.push((bounds[i], bounds[j]));
        i = j;
    }
    parts
}

/// Byte ranges of the words of a run. jieba's dictionary is simplified, so a Traditional run
/// is segmented through its character-by-character simplified form (same length, so the word
/// boundaries carry straight back).
fn word_ranges(run: &str, traditional: bool, segmenter: Option<&Segmenter>) -> Vec<(usize, usize)> {
    let Some(segmenter) = segmenter else {
        return run
            .char_indices()
            .map(|(at, c)| (at, at + c.len_utf8()))
            .collect();
    };
    let simplified = traditional
        .then(|| {
            char_converters()
                .ok()
                .map(|[_, _, to_simplified]| to_simplified.convert(run))
        })
        .flatten()
        .filter(|s| s.chars().count() == run.chars().count());
    let Some(simplified) = simplified else {
        return segmenter
            .words(run)
            .iter()
            .map(|w| (w.byte_start, w.byte_end))
            .collect();
    };
    let starts: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    let mut ranges = Vec::new();
    let mut chars_before = 0;
    for word in segmenter.words(&simplified) {
        let n = word.text.chars().count();
        ranges.push((starts[chars_before], starts[chars_before + n]));
        chars_before += n;
    }
    ranges
}

fn word_hint(word: &str, span: Span, cedict: Option<&Cedict>) -> WordHint {
    let readings: Vec<Reading> = cedict
        .map(|c| c.lookup(word))
        .unwrap_or_default()
        .into_iter()
        .take(MAX_READINGS)
        .map(|e| Reading {
            pinyin: marked_word(e.pinyin_numbered),
            simplified: e.simplified.to_owned(),
            traditional: e.traditional.to_owned(),
            glosses: e.glosses().take(MAX_GLOSSES).map(str::to_owned).collect(),
            usage: e.usage(),
        })
        .collect();
    match readings.first() {
        Some(best) => WordHint {
            span,
            text: word.to_owned(),
            pinyin: best.pinyin.clone(),
            usage: best.usage.clone(),
            readings,
            source: WordSource::CcCedict,
        },
        None => WordHint {
            span,
            text: word.to_owned(),
            pinyin: fallback_word(word),
            readings: Vec::new(),
            usage: Vec::new(),
            source: WordSource::PinyinOnly,
        },
    }
}
