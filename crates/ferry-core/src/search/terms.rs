//! Turning what the user typed into search terms.
//!
//! Words are split on whitespace (including the ideographic space U+3000) and every word must
//! occur in the draft's text, ignoring the case of ASCII letters. Each word becomes a filter
//! on the text itself (`instr`, or `LIKE` when case matters), which is the definition of a
//! match; words of three or more characters can also use the FTS5 trigram index to find
//! candidates fast. Shorter ones — one or two Chinese characters are common queries ("渡",
//! "渡口") — have no trigram, so only the filter applies.

/// A parsed query: `indexed` words can use the trigram index, `scanned` ones cannot.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Terms {
    pub indexed: Vec<String>,
    pub scanned: Vec<String>,
}

impl Terms {
    pub fn parse(query: &str) -> Terms {
        let mut terms = Terms::default();
        for word in query.split_whitespace() {
            if word.chars().count() >= 3 {
                terms.indexed.push(word.to_owned());
            } else {
                terms.scanned.push(word.to_owned());
            }
        }
        terms
    }

    pub fn is_empty(&self) -> bool {
        self.indexed.is_empty() && self.scanned.is_empty()
    }

    /// All words, for finding and highlighting matches in a snippet.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.indexed.iter().chain(&self.scanned).map(String::as_str)
    }

    /// An FTS5 MATCH expression that finds every draft containing all trigrams of the long
    /// words. The index keeps no positions, so this over-approximates (the trigrams may be
    /// apart); the text filters then decide. Each trigram is quoted, so `AND`, `*` or `"`
    /// in a word are plain text.
    pub fn match_expression(&self) -> Option<String> {
        let mut trigrams: Vec<String> = Vec::new();
        for word in &self.indexed {
            let chars: Vec<char> = word.chars().collect();
            for window in chars.windows(3) {
                let t: String = window.iter().collect();
                if !trigrams.contains(&t) {
                    trigrams.push(t);
                }
            }
        }
        if trigrams.is_empty() {
            return None;
        }
        let quoted: Vec<String> = trigrams.iter().map(|t| quote(t)).collect();
        Some(quoted.join(" AND "))
    }

    /// For each short word, the start of the index trigrams that begin with it, as the index
    /// spells them (ASCII letters lowercased); `None` for a word whose case folding the
    /// index might do differently (non-ASCII letters with case), which must be scanned.
    pub fn short_prefixes(&self) -> Vec<Option<String>> {
        self.scanned
            .iter()
            .map(|w| {
                let cased = |c: char| !c.is_ascii() && (c.is_lowercase() || c.is_uppercase());
                (!w.chars().any(cased)).then(|| w.to_ascii_lowercase())
            })
            .collect()
    }

    /// One SQL condition on `b.body` per word, with the value to bind. Words without ASCII
    /// letters use `instr` (a plain byte search, much faster than `LIKE`); the others use
    /// `LIKE`, SQLite's ASCII-case-insensitive match, with `\\` escaping `%`, `_` and itself.
    pub fn filters(&self) -> Vec<(&'static str, String)> {
        self.words()
            .map(|w| {
                if !w.bytes().any(|b| b.is_ascii_alphabetic()) {
                    return ("instr(b.body, ?) > 0", w.to_owned());
                }
                let mut p = String::from("%");
                for c in w.chars() {
                    if matches!(c, '%' | '_' | '\\') {
                        p.push('\\');
                    }
                    p.push(c);
                }
                p.push('%');
                ("b.body LIKE ? ESCAPE '\\'", p)
            })
            .collect()
    }
}

/// `text` as an FTS5 string: in double quotes, inner ones doubled, so nothing in it is
/// query syntax.
pub(crate) fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_by_length() {
        let t = Terms::parse("渡口　ferry 渡 hello\"x");
        assert_eq!(t.indexed, vec!["ferry", "hello\"x"]);
        assert_eq!(t.scanned, vec!["渡口", "渡"]);
        assert_eq!(
            t.match_expression().unwrap(),
            r#""fer" AND "err" AND "rry" AND "hel" AND "ell" AND "llo" AND "lo""" AND "o""x""#
        );
    }

    #[test]
    fn short_prefixes_fold_ascii_only() {
        let t = Terms::parse("渡 AB é 1");
        assert_eq!(
            t.short_prefixes(),
            vec![Some("渡".into()), Some("ab".into()), None, Some("1".into())]
        );
    }

    #[test]
    fn filters_escape_like_and_skip_it_without_letters() {
        let t = Terms::parse("a_b 5% 渡");
        let values: Vec<String> = t.filters().into_iter().map(|(_, v)| v).collect();
        assert_eq!(values, vec![r"%a\_b%", "5%", "渡"]);
        assert!(t.filters()[0].0.contains("LIKE"));
        assert!(t.filters()[1].0.contains("instr"));
    }
}
