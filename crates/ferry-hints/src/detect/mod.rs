//! Language of mixed text, run by run.
//!
//! ```
//! use ferry_hints::detect::detect;
//! use ferry_hints::Lang;
//! let found = detect("今天去了 Starbucks，拿铁很好喝，推荐！");
//! assert_eq!(found.lang, Lang::ZhHans);
//! let langs: Vec<_> = found.runs.iter().map(|r| r.lang.tag()).collect();
//! assert_eq!(langs, ["zh-Hans", "en", "zh-Hans"]);
//! ```
//!
//! How: `skip` removes links, mentions, hashtags and emoji; `runs` cuts the rest where the
//! script changes; each run is then labelled — Hangul is Korean, Han/kana runs go to `han`
//! (Japanese, Simplified or Traditional Chinese), Latin and other alphabets to `other`
//! (lingua for English and its neighbours, whatlang for the rest); a lone Latin word in a
//! Chinese, Japanese or Korean post is English (a name or a loanword: `TikTok`, `yyds`), since
//! lingua, given one word, often hears German or Spanish in it. The whole text's language is
//! the language most of its words are written in (see `weight`: a Han character is two thirds
//! of a word), `und` when there are none. Run answers are memoised by run text (`memo`), so
//! re-detecting a post after one keystroke re-detects one run.

mod han;
mod other;
pub mod weight;
#[cfg(test)]
mod whole_sentences;

use std::collections::HashMap;

use serde::Serialize;

pub use han::{chinese_script, is_japanese_only};
pub use other::{from_lingua, from_whatlang};

use crate::lang::Lang;
use crate::runs::{ScriptRun, script_runs};
use crate::script::Script;
use crate::skip::{Skip, skipped_parts};
use crate::span::{OffsetMap, Span};

/// A run of text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LangRun {
    pub span: Span,
    pub lang: Lang,
    /// Letters in the run (links, mentions, hashtags and emoji not counted).
    pub letters: usize,
    /// The run's words, in thirds of a word (see `weight`): what the whole text's language is
    /// decided by. Not sent to the UI.
    #[serde(skip)]
    #[ts(skip)]
    pub weight: usize,
}

/// The language of a whole text and of each of its runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Detection {
    /// The language most words are in (see `weight`); `und` for a text without letters.
    pub lang: Lang,
    pub runs: Vec<LangRun>,
}

/// Detects the language of each run of `text` and of the whole.
pub fn detect(text: &str) -> Detection {
    let skipped = skipped_parts(text);
    let offsets = OffsetMap::new(text);
    detect_with(text, &skipped, &offsets)
}

/// `detect`, for callers that already split off the skipped parts and built the offset map.
pub fn detect_with(text: &str, skipped: &[Skip], offsets: &OffsetMap) -> Detection {
    let script_runs = script_runs(text, skipped);
    let post = Post {
        has_kana: script_runs.iter().any(|r| r.kana > 0),
        has_cjk: script_runs
            .iter()
            .any(|r| matches!(r.script, Script::Han | Script::Hangul)),
    };
    let runs: Vec<LangRun> = script_runs
        .iter()
        .map(|run| LangRun {
            span: offsets.span(run.byte_start, run.byte_end),
            lang: run_lang(text, skipped, run, post),
            letters: run.letters,
            weight: weight::weight(text, skipped, run.byte_start, run.byte_end),
        })
        .collect();
    Detection {
        lang: majority(&runs),
        runs,
    }
}

/// What the rest of the post says about a run.
#[derive(Clone, Copy)]
struct Post {
    /// Kana anywhere makes every Han run Japanese.
    has_kana: bool,
    /// Han, kana or Hangul anywhere: a lone Latin word there is English.
    has_cjk: bool,
}

fn run_lang(text: &str, skipped: &[Skip], run: &ScriptRun, post: Post) -> Lang {
    let body = letters_only(text, skipped, run);
    match run.script {
        Script::Hangul => Lang::Korean,
        Script::Han => han::han_run_lang(&body, run.kana, post.has_kana),
        Script::Latin if post.has_cjk && other::is_one_word(&body) => Lang::English,
        Script::Latin => other::latin_run_lang(&body),
        script => other::other_run_lang(&body, script),
    }
}

/// The run's text with its skipped parts blanked out, so a link or hashtag inside a run does
/// not sway the detector.
fn letters_only(text: &str, skipped: &[Skip], run: &ScriptRun) -> String {
    let mut out = String::with_capacity(run.byte_end - run.byte_start);
    let mut at = run.byte_start;
    for skip in skipped
        .iter()
        .filter(|s| s.byte_end > run.byte_start && s.byte_start < run.byte_end)
    {
        out.push_str(&text[at..skip.byte_start.max(at)]);
        out.push(' ');
        at = skip.byte_end;
    }
    if at < run.byte_end {
        out.push_str(&text[at..run.byte_end]);
    }
    out
}

/// Forgets every run language remembered so far (see `memo`), so the next call detects each
/// run afresh: for benchmarks of a text never seen before, and for tests.
pub fn forget_memoised() {
    other::LATIN_MEMO.clear();
    han::SCRIPT_MEMO.clear();
}

/// The language of the most weight (see `weight`: words); the earliest wins a tie.
pub fn majority(runs: &[LangRun]) -> Lang {
    let mut weights: HashMap<&Lang, (usize, usize)> = HashMap::new();
    for (order, run) in runs.iter().enumerate() {
        weights.entry(&run.lang).or_insert((0, order)).0 += run.weight;
    }
    weights
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map_or(Lang::Undetermined, |(lang, _)| lang.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> (String, Vec<(usize, usize, String)>) {
        let found = detect(text);
        let runs = found
            .runs
            .iter()
            .map(|r| (r.span.char_start, r.span.char_end, r.lang.tag().to_owned()))
            .collect();
        (found.lang.tag().to_owned(), runs)
    }

    #[test]
    fn labels_each_run_and_the_whole_by_most_letters() {
        let (lang, runs) = tags("我喜欢这本书");
        assert_eq!(
            (lang.as_str(), runs),
            ("zh-Hans", vec![(0, 6, "zh-Hans".into())])
        );
        let (lang, runs) = tags("Just landed in 台北，好開心！ so happy");
        assert_eq!(lang, "en");
        assert_eq!(runs[1], (15, 22, "zh-Hant".into()));
        assert_eq!(tags("新しい駅").0, "ja");
        assert_eq!(tags("오늘 날씨 좋다").0, "ko");
    }

    #[test]
    fn a_lone_latin_word_in_cjk_text_is_english() {
        for (text, word) in [
            ("我是从TikTok来的难民", "TikTok"),
            ("渡轮 mxa35x5rb：晚班照常开。", "mxa35x5rb"),
            ("这家店yyds", "yyds"),
            ("TikTokから来ました", "TikTok"),
            ("오늘 Mango 갔어요", "Mango"),
        ] {
            let found = detect(text);
            let run = found
                .runs
                .iter()
                .find(|r| text[r.span.byte_start..r.span.byte_end].starts_with(word))
                .unwrap();
            assert_eq!(run.lang, Lang::English, "{word} in {text}");
        }
    }

    #[test]
    fn a_chinese_sentence_with_a_latin_token_is_chinese() {
        // By letters the token (6) nearly outweighed the Chinese (7) and, counting its digits
        // and colon as the sentence label did, outweighed it; by words it is 1 against ~5.
        assert_eq!(tags("渡轮 mxa35x5rb：晚班照常开。").0, "zh-Hans");
        assert_eq!(tags("我是从TikTok来的难民").0, "zh-Hans");
        assert_eq!(
            tags("今天看了 Everything Everywhere 电影，推荐给大家").0,
            "zh-Hans"
        );
        // A Chinese name in an English sentence leaves it English.
        assert_eq!(tags("I love 台北").0, "en");
        assert_eq!(tags("We finally went to 北京大学 today").0, "en");
    }

    #[test]
    fn text_without_letters_is_undetermined() {
        for text in ["", "😀👍🏽", "https://example.com", "#yyds 520 @bob", "   \n"] {
            let found = detect(text);
            assert_eq!(found.lang, Lang::Undetermined, "{text:?}");
            assert!(found.runs.is_empty());
        }
    }
}
