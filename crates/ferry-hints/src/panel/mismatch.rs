//! Does a variant's text match the language it is filed under?
//!
//! A `zh-Hans` variant that is mostly English, an `en` variant that is mostly Chinese, or a
//! `zh-Hans` variant written in Traditional characters is probably a slip (pasted into the
//! wrong box). Text is weighed by its words (`detect::weight`), as the detected language is,
//! since "我们都爱 Starbucks" is a Chinese sentence with an English name, not an English text.

use std::collections::HashMap;

use serde::Serialize;

use crate::detect::LangRun;
use crate::lang::Lang;

/// The variant's text is not in the variant's language.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Mismatch {
    /// `mismatch.language` (another language dominates) or `mismatch.script` (Simplified
    /// variant in Traditional characters, or the reverse).
    pub code: String,
    pub expected: Lang,
    pub found: Lang,
    /// Share of the text (by words, see `detect::weight`) in the expected language, 0–1.
    pub share: f32,
    pub message: String,
}

/// A mismatch between `expected` and the detected `runs`, if any.
pub fn check(expected: &Lang, runs: &[LangRun]) -> Option<Mismatch> {
    let mut weights: HashMap<&Lang, usize> = HashMap::new();
    for run in runs {
        *weights.entry(&run.lang).or_default() += run.weight;
    }
    let total: usize = weights.values().sum();
    if total == 0 || matches!(expected, Lang::Undetermined) {
        return None;
    }
    let count = |lang: &Lang| weights.get(lang).copied().unwrap_or(0);
    let family = if expected.is_chinese() {
        count(&Lang::ZhHans) + count(&Lang::ZhHant)
    } else {
        count(expected)
    };
    let share = family as f32 / total as f32;
    let (found, most) = weights
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.tag().cmp(a.0.tag())))
        .map(|(lang, n)| ((*lang).clone(), *n))?;
    if share < 0.5 {
        let percent = (share * 100.0).round();
        return Some(Mismatch {
            code: "mismatch.language".into(),
            message: format!(
                "this {expected} variant is mostly {found} ({percent}% of its text is {expected})"
            ),
            expected: expected.clone(),
            found,
            share,
        });
    }
    let other_script = match expected {
        Lang::ZhHans => Lang::ZhHant,
        Lang::ZhHant => Lang::ZhHans,
        _ => return None,
    };
    if count(&other_script) > count(expected) {
        let _ = most;
        return Some(Mismatch {
            code: "mismatch.script".into(),
            message: format!(
                "this {expected} variant is written mostly in {} characters; convert it?",
                if other_script == Lang::ZhHant {
                    "Traditional"
                } else {
                    "Simplified"
                }
            ),
            expected: expected.clone(),
            found: other_script,
            share,
        });
    }
    None
}
