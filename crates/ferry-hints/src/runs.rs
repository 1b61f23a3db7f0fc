//! Splitting a text into runs of one writing system.
//!
//! A run starts at its first letter and ends after its last letter plus any punctuation glued
//! to it ("你好！" keeps its "！"). Digits, spaces, punctuation and the skipped parts (links,
//! mentions, hashtags, emoji) between two letters of the same group stay inside the run, so
//! "Hello, world" and "今天 😀 很好" are one run each; a change of script ends a run. Han and
//! kana are one group (Japanese mixes them); the run's language is decided later
//! (`detect`).

use crate::script::Script;
use crate::skip::Skip;

/// A run of one script group, by byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptRun {
    pub byte_start: usize,
    pub byte_end: usize,
    /// `Script::Han` for Han-or-kana runs; otherwise the script of its letters.
    pub script: Script,
    /// Letters (not counting skipped parts) in the run.
    pub letters: usize,
    /// Kana letters in the run: any kana makes a Han run Japanese.
    pub kana: usize,
}

/// The script runs of `text`, ignoring the letters inside `skipped` (sorted, as returned by
/// `skip::skipped_parts`).
pub fn script_runs(text: &str, skipped: &[Skip]) -> Vec<ScriptRun> {
    let mut runs: Vec<ScriptRun> = Vec::new();
    let mut skips = skipped.iter().peekable();
    for (at, c) in text.char_indices() {
        while skips.peek().is_some_and(|skip| skip.byte_end <= at) {
            skips.next();
        }
        if skips.peek().is_some_and(|skip| skip.byte_start <= at) {
            continue; // inside a link, mention, hashtag or emoji
        }
        let script = Script::of(c);
        if script == Script::Common {
            continue;
        }
        let end = at + c.len_utf8();
        let kana = usize::from(script == Script::Kana);
        match runs.last_mut() {
            Some(run) if run.script == script.group() => {
                run.byte_end = end;
                run.letters += 1;
                run.kana += kana;
            }
            _ => runs.push(ScriptRun {
                byte_start: at,
                byte_end: end,
                script: script.group(),
                letters: 1,
                kana,
            }),
        }
    }
    extend_over_punctuation(text, skipped, &mut runs);
    runs
}

/// Lets each run keep the punctuation right after its last letter ("好！", "world!") up to
/// the first space, letter or skipped part.
fn extend_over_punctuation(text: &str, skipped: &[Skip], runs: &mut [ScriptRun]) {
    for run in runs.iter_mut() {
        let mut end = run.byte_end;
        for c in text[end..].chars() {
            let next = end;
            if c.is_whitespace()
                || Script::of(c) != Script::Common
                || skipped.iter().any(|s| s.byte_start == next)
            {
                break;
            }
            end += c.len_utf8();
        }
        run.byte_end = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skip::skipped_parts;

    fn runs(text: &str) -> Vec<(&str, Script)> {
        script_runs(text, &skipped_parts(text))
            .into_iter()
            .map(|r| (&text[r.byte_start..r.byte_end], r.script))
            .collect()
    }

    #[test]
    fn splits_mixed_text_by_script_and_keeps_glued_punctuation() {
        assert_eq!(
            runs("今天去了 Starbucks，喝咖啡！ 😀"),
            vec![
                ("今天去了", Script::Han),
                ("Starbucks，", Script::Latin),
                ("喝咖啡！", Script::Han)
            ]
        );
        assert_eq!(
            runs("東京タワーに行った"),
            vec![("東京タワーに行った", Script::Han)]
        );
        assert_eq!(
            runs("안녕 hello"),
            vec![("안녕", Script::Hangul), ("hello", Script::Latin)]
        );
    }

    #[test]
    fn skipped_parts_inside_a_run_do_not_split_it_and_alone_make_no_run() {
        assert_eq!(runs("好 #穿搭# 看"), vec![("好 #穿搭# 看", Script::Han)]);
        assert!(runs("https://example.com 😀 @bob #tag 520").is_empty());
        assert!(runs("").is_empty());
    }
}
